"""The topics step: read the corpus, fit, reconcile with the codebook, write results/topics/.

When the corpus is too small to model, every output is still written (empty
tables with their headers, a commented candidate_codes.yaml, charts that say
why) so the rest of the workflow carries on.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from pipeline.io import NOT_RECORDED, atomic_open, read_table, text_of, write_table
from pipeline.topics import last_fit
from pipeline.topics.charts import bar_chart_html, message_html, similarity_chart_html
from pipeline.topics.documents import TopicCorpus, build_corpus
from pipeline.topics.model import OUTLIER_TOPIC, fit_topics, label_terms
from pipeline.topics.reconcile import (
    UNCODED,
    candidate_code,
    candidate_codes_yaml,
    covering_term_count,
    doc_themes,
    read_codebook_themes,
    seed_topics,
    theme_vocabularies,
    topic_by_theme,
    word_key,
)

log = logging.getLogger(__name__)

OUTLIER_LABEL = "no clear topic"
QUOTE_CHARS = 300
TOPIC_FILE_NAMES = {
    "topics": "topics.csv",
    "turn_topics": "turn_topics.parquet",
    "by_theme": "topic_by_theme.csv",
    "by_site": "topic_by_site.csv",
    "by_role": "topic_by_role.csv",
    "candidates": "candidate_codes.yaml",
    "bar_chart": "topics_chart.html",
    "similarity_chart": "topic_similarity.html",
}


@dataclass
class TopicResult:
    """Everything the topics step writes, as tables and text."""

    topics: pd.DataFrame
    turn_topics: pd.DataFrame
    by_theme: pd.DataFrame
    by_site: pd.DataFrame
    by_role: pd.DataFrame
    candidates: list[dict[str, Any]]
    candidates_note: str
    bar_chart: str
    similarity_chart: str
    fitted: bool
    params: dict[str, Any] = field(default_factory=dict)


def run_topics(turn_files: list[str], embedding_files: list[str], coded_files: list[str], codebook: str,
               settings: dict[str, Any], outdir: str | os.PathLike[str]) -> TopicResult:
    """Read every transcript's turns, embeddings and codes; model; write results under `outdir`.

    settings = {"topics": config["topics"], "embedding": config["embedding"]}.
    """
    from pipeline.embeddings import load_unit_embeddings

    embeddings_by_id = {Path(p).stem: p for p in embedding_files}
    transcripts = []
    for path in sorted(turn_files):
        turns = read_table(path)
        transcript_id = Path(path).stem
        if transcript_id not in embeddings_by_id:
            from pipeline.errors import InputError

            raise InputError(f"no embeddings file for transcript '{transcript_id}'; expected "
                             f"results/embeddings/{transcript_id}.npz among --embeddings", path=path)
        transcripts.append((turns, load_unit_embeddings(embeddings_by_id[transcript_id]), str(path)))
    coded = pd.concat([read_table(p) for p in coded_files], ignore_index=True) if coded_files \
        else pd.DataFrame(columns=["transcript_id", "turn", "theme", "counted"])
    themes = read_codebook_themes(codebook)
    corpus = build_corpus(transcripts, settings["topics"])
    embedder = _guided_embedder(corpus, settings) if settings["topics"].get("guided") else None
    result = model_topics(corpus, coded, themes, settings["topics"], embedder=embedder,
                          vocabularies=theme_vocabularies(codebook), saved_at=Path(outdir) / last_fit.FILE_NAME)
    write_outputs(result, outdir)
    return result


def _guided_embedder(corpus: TopicCorpus, settings: dict[str, Any]):
    """The cached embeddings' own backend, to embed the codebook seeds in the same space."""
    from bertopic.backend import BaseEmbedder

    from pipeline.embeddings import load_backend

    backend = load_backend(settings["embedding"])
    if corpus.backend and backend.name != corpus.backend:
        log.warning("topics.guided: cached embeddings come from '%s' but embedding.backend is '%s'; "
                    "guided modelling is skipped until the embeddings are recomputed", corpus.backend, backend.name)
        return None

    class BackendEmbedder(BaseEmbedder):
        def embed(self, documents: list[str], verbose: bool = False) -> np.ndarray:
            return backend.embed(list(documents))

    return BackendEmbedder()


def model_topics(corpus: TopicCorpus, coded: pd.DataFrame, themes: list[dict[str, Any]],
                 settings: dict[str, Any], *, embedder: Any = None,
                 vocabularies: dict[str, set[str]] | None = None, saved_at: Path | None = None) -> TopicResult:
    """Fit topics on the corpus and reconcile them with the codebook (settings = config["topics"]).

    `vocabularies` holds every word of each theme's terms, sub-codes included (theme_vocabularies); by default
    the themes' own terms.
    With `saved_at`, the saved fit there is kept while few documents changed (pipeline/topics/last_fit.py),
    and a new fit is saved there.
    """
    min_turns = int(settings.get("min_turns", 30))
    if len(corpus.docs) < min_turns:
        log.warning("Topics - only %d usable turns (topics.min_turns is %d): too few turns to model; writing "
                    "empty topic tables so the rest of the workflow continues", len(corpus.docs), min_turns)
        return _empty_result(corpus, themes, settings,
                             f"too few turns to model: {len(corpus.docs)} usable turns, topics.min_turns is {min_turns}")
    seeds = seed_topics(themes) if settings.get("guided") and embedder is not None else None
    # Study sites are kept in the text but say where, not what: they would label topics by site.
    site_words = sorted({w for site in corpus.turns["site"] for w in text_of(site).lower().split()})
    settings = {**settings, "stop_words": list(settings.get("stop_words", [])) + site_words}
    keys = last_fit_keys(corpus)
    fit_key = last_fit.settings_key(settings, corpus.backend, seeds)
    fit = last_fit.kept_fit(last_fit.load_fit(saved_at), keys, corpus.vectors, fit_key, settings) \
        if saved_at else None
    if fit is None:
        fit = fit_topics(corpus.docs, corpus.vectors, settings, seed_topics=seeds, embedder=embedder if seeds else None)
        if saved_at:
            last_fit.save_fit(saved_at, fit, keys, fit_key)
    if vocabularies is None:
        vocabularies = {theme["id"]: {word_key(w) for term in theme["terms"] for w in term.split()} for theme in themes}
    return reconcile_topics(corpus, fit.topics, fit.terms, coded, themes, settings, fit.params, vocabularies)


def last_fit_keys(corpus: TopicCorpus) -> list[str]:
    first_turns = corpus.doc_turns.drop_duplicates("doc").sort_values("doc")
    return last_fit.document_keys(first_turns["transcript_id"].astype(str).tolist(), corpus.docs)


def reconcile_topics(corpus: TopicCorpus, doc_topic: list[int], terms: dict[int, list[tuple[str, float]]],
                     coded: pd.DataFrame, themes: list[dict[str, Any]], settings: dict[str, Any],
                     params: dict[str, Any], vocabularies: dict[str, set[str]]) -> TopicResult:
    """Topic tables, the topic x theme table, emergent topics and their code stubs, and the charts."""
    n_terms = int(settings.get("top_terms", 10))
    n_quotes = int(settings.get("quotes", 3))
    doc_topics = pd.DataFrame({"doc": np.arange(len(corpus.docs)), "topic": doc_topic})
    top_terms = {t: [w for w, _ in terms.get(t, [])][:n_terms] for t in sorted(set(doc_topic))}
    labels = {t: OUTLIER_LABEL if t == OUTLIER_TOPIC else (", ".join(label_terms(top_terms[t])) or f"topic {t}")
              for t in top_terms}
    by_theme = topic_by_theme(doc_topics, doc_themes(corpus.doc_turns, coded), [t["id"] for t in themes], labels)
    theme_columns = [c for c in by_theme.columns if c not in ("topic", "label", "size", UNCODED)]
    min_share = float(settings.get("emergent_theme_share", 0.25))
    by_theme["codebook_terms"] = [
        covering_term_count(top_terms.get(int(row["topic"]), []), {c: row[c] for c in theme_columns}, vocabularies,
                            min_share)
        for _, row in by_theme.iterrows()]
    share_uncoded = dict(zip(by_theme["topic"], by_theme[UNCODED]))
    known_terms = dict(zip(by_theme["topic"], by_theme["codebook_terms"]))
    threshold = float(settings.get("emergent_share", 0.5))
    max_known = int(settings.get("emergent_max_codebook_terms", 3))
    # Mostly uncoded turns, or turns coded only in passing (transport talk mentions work, school and
    # doctors) under top terms that no theme coding them knows: either way the codebook has no place for it.
    emergent = {t: t != OUTLIER_TOPIC and (share_uncoded.get(t, 0) >= threshold or known_terms.get(t, 0) <= max_known)
                for t in top_terms}

    centroids = {t: corpus.vectors[doc_topics["topic"].to_numpy() == t].mean(axis=0) for t in top_terms}
    quotes = {t: representative_quotes(corpus, doc_topics, t, centroids[t], n_quotes) for t in top_terms}
    rows = []
    for t in sorted(top_terms, key=lambda t: (t == OUTLIER_TOPIC, t)):
        row = {"topic": t, "label": labels[t], "size": int((doc_topics["topic"] == t).sum()),
               "emergent": emergent[t], "top_terms": "; ".join(top_terms[t])}
        row.update({f"quote_{i + 1}": q for i, q in enumerate(quotes[t])})
        rows.append(row)
    topics = pd.DataFrame(rows, columns=_topic_columns(n_quotes)).fillna({f"quote_{i + 1}": "" for i in range(n_quotes)})

    existing = {t["id"] for t in themes}
    stubs = []
    for t in topics.loc[topics["emergent"], "topic"]:
        stub = candidate_code(int(t), label_terms(top_terms[t]), top_terms[t], quotes[t], existing)
        existing.add(stub["id"])
        stubs.append(stub)
    note = _candidates_note(len(stubs), threshold, max_known)
    named = [f"{t}: {labels[t]}" for t in topics["topic"] if t != OUTLIER_TOPIC]
    real = [t for t in topics["topic"] if t != OUTLIER_TOPIC]
    return TopicResult(
        topics=topics,
        turn_topics=_turn_topics(corpus, doc_topics, labels),
        by_theme=by_theme.sort_values("topic", key=lambda s: s.map(lambda t: (t == OUTLIER_TOPIC, t)))
                         .reset_index(drop=True),
        by_site=_crosstab(corpus, doc_topics, labels, "site"),
        by_role=_crosstab(corpus, doc_topics, labels, "role"),
        candidates=stubs,
        candidates_note=note,
        bar_chart=bar_chart_html(topics),
        similarity_chart=similarity_chart_html(named, np.vstack([centroids[t] for t in real])) if real
        else message_html("Topic similarity", "only outliers were found: no topics to compare"),
        fitted=True,
        params=params,
    )


def representative_quotes(corpus: TopicCorpus, doc_topics: pd.DataFrame, topic: int, centroid: np.ndarray,
                          n: int) -> list[str]:
    """The topic's documents closest to its centroid, distinct and trimmed to QUOTE_CHARS."""
    members = np.flatnonzero(doc_topics["topic"].to_numpy() == topic)
    order = members[np.argsort(-(corpus.vectors[members] @ centroid), kind="stable")]
    quotes: list[str] = []
    for doc in order:
        quote = trim_quote(corpus.docs[doc])
        if quote and quote not in quotes:
            quotes.append(quote)
        if len(quotes) >= n:
            break
    return quotes


def trim_quote(text: str, limit: int = QUOTE_CHARS) -> str:
    from pipeline.text import clip

    return clip(" ".join(text.split()), limit)


def _topic_columns(n_quotes: int) -> list[str]:
    return ["topic", "label", "size", "emergent", "top_terms"] + [f"quote_{i + 1}" for i in range(n_quotes)]


def _turn_topics(corpus: TopicCorpus, doc_topics: pd.DataFrame | None, labels: dict[int, str]) -> pd.DataFrame:
    table = corpus.turns.copy()
    topic_of_doc = dict(zip(doc_topics["doc"], doc_topics["topic"])) if doc_topics is not None else {}
    table["topic"] = pd.array([topic_of_doc.get(d) if d >= 0 else None for d in table["doc"]], dtype="Int64")
    table["label"] = [labels.get(int(t), "") if pd.notna(t) else "" for t in table["topic"]]
    return table.drop(columns=["doc"]).reset_index(drop=True)


def _crosstab(corpus: TopicCorpus, doc_topics: pd.DataFrame | None, labels: dict[int, str], column: str) -> pd.DataFrame:
    """Turns per topic (rows) and site or role (columns); merged interjections count with their host."""
    def named(values: pd.Series) -> pd.Series:  # a site left blank is a column "(not recorded)", not ""
        return pd.Series([text_of(v) or NOT_RECORDED for v in values], index=values.index, dtype=object)

    values = sorted(named(corpus.turns.loc[corpus.turns["doc"] >= 0, column]).unique())
    if doc_topics is None or doc_topics.empty:
        return pd.DataFrame(columns=["topic", "label"] + values)
    turns = corpus.doc_turns.merge(doc_topics, on="doc")
    counts = pd.crosstab(turns["topic"], named(turns[column])).reindex(columns=values, fill_value=0)
    order = sorted(counts.index, key=lambda t: (t == OUTLIER_TOPIC, t))
    counts = counts.loc[order]
    table = pd.DataFrame({"topic": counts.index.astype("int64"), "label": [labels.get(int(t), "") for t in counts.index]})
    for value in values:
        table[value] = counts[value].to_numpy().astype("int64")
    return table


def _candidates_note(n: int, threshold: float, max_known: int) -> str:
    return ("Candidate codes for themes the codebook misses (qualflow topics).\n"
            f"A topic is a candidate when at least {threshold:.0%} of its turns carry no counted code,\n"
            f"or when at most {max_known} of its top terms share a word with the terms of a theme coding it.\n"
            f"{n} candidate(s) below. Paste the entries you keep under 'themes:' in the codebook,\n"
            "rewrite each 'Draft:' definition, prune the terms and check the example quotes.")


def _empty_result(corpus: TopicCorpus, themes: list[dict[str, Any]], settings: dict[str, Any], reason: str) -> TopicResult:
    n_quotes = int(settings.get("quotes", 3))
    note = (f"No candidate codes: {reason}.\n"
            "Topic modelling was skipped; add transcripts or lower topics.min_turns in config.yaml.")
    return TopicResult(
        topics=pd.DataFrame(columns=_topic_columns(n_quotes)),
        turn_topics=_turn_topics(corpus, None, {}),
        by_theme=pd.DataFrame(columns=["topic", "label", "size"] + [t["id"] for t in themes] + [UNCODED, "codebook_terms"]),
        by_site=_crosstab(corpus, None, {}, "site"),
        by_role=_crosstab(corpus, None, {}, "role"),
        candidates=[],
        candidates_note=note,
        bar_chart=message_html("Topics", reason.capitalize()),
        similarity_chart=message_html("Topic similarity", reason.capitalize()),
        fitted=False,
    )


def write_outputs(result: TopicResult, outdir: str | os.PathLike[str]) -> None:
    out = Path(outdir)
    write_table(result.topics, out / TOPIC_FILE_NAMES["topics"])
    write_table(result.turn_topics, out / TOPIC_FILE_NAMES["turn_topics"])
    write_table(result.by_theme, out / TOPIC_FILE_NAMES["by_theme"])
    write_table(result.by_site, out / TOPIC_FILE_NAMES["by_site"])
    write_table(result.by_role, out / TOPIC_FILE_NAMES["by_role"])
    for key, text in (("candidates", candidate_codes_yaml(result.candidates, result.candidates_note)),
                      ("bar_chart", result.bar_chart), ("similarity_chart", result.similarity_chart)):
        with atomic_open(out / TOPIC_FILE_NAMES[key], "w") as handle:
            handle.write(text)
    log.info("Topics - wrote %d topics (%d emergent) to %s", len(result.topics), len(result.candidates), out)
