"""Self-contained HTML charts: plotly's JavaScript is inlined, so they open offline."""

from __future__ import annotations

import html

import numpy as np
import pandas as pd


def bar_chart_html(topics: pd.DataFrame) -> str:
    """Horizontal bars of topic sizes, largest at the top; emergent topics in a second colour."""
    import plotly.graph_objects as go

    ordered = topics.sort_values("size", kind="stable")
    colours = ["#d95f02" if e else "#1b9e77" for e in ordered["emergent"]]
    fig = go.Figure(go.Bar(
        x=ordered["size"], y=[f"{t}: {lab}" for t, lab in zip(ordered["topic"], ordered["label"])],
        orientation="h", marker_color=colours,
        hovertext=ordered["top_terms"], hoverinfo="x+text",
    ))
    fig.update_layout(title="Topics by number of turns (orange: not covered by the codebook)",
                      xaxis_title="turns", height=max(300, 28 * len(ordered) + 120), margin={"l": 320})
    return fig.to_html(include_plotlyjs=True, full_html=True)


def similarity_chart_html(labels: list[str], centroids: np.ndarray) -> str:
    """Heatmap of cosine similarity between topic centroids."""
    import plotly.graph_objects as go

    norms = np.linalg.norm(centroids, axis=1, keepdims=True)
    unit = np.divide(centroids, norms, out=np.zeros_like(centroids), where=norms > 0)
    similarity = np.round(unit @ unit.T, 3)
    fig = go.Figure(go.Heatmap(z=similarity, x=labels, y=labels, zmin=0, zmax=1, colorscale="Viridis"))
    fig.update_layout(title="Similarity between topics (cosine of mean turn vectors)",
                      height=max(400, 30 * len(labels) + 200), yaxis_autorange="reversed")
    return fig.to_html(include_plotlyjs=True, full_html=True)


def message_html(title: str, message: str) -> str:
    """A chart page that only explains why there is no chart."""
    return (f"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{html.escape(title)}</title>"
            f"</head><body><h1>{html.escape(title)}</h1><p>{html.escape(message)}</p></body></html>\n")
