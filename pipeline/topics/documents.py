"""From anonymised turns and cached unit vectors to the documents a topic model sees.

A document is one turn, or a turn with the same speaker's short interjections
merged into it; its vector is the mean of its units' vectors. Every turn of
the corpus is accounted for in `TopicCorpus.turns`, with the reason it was or
was not modelled.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from pipeline.embeddings import UnitEmbeddings

log = logging.getLogger(__name__)

# `status` of a turn in turn_topics.parquet.
MODELLED = "modelled"
MERGED = "merged"
EXCLUDED_ROLE = "excluded role"
TOO_SHORT = "too short"
NO_TEXT = "no text"


@dataclass
class TopicCorpus:
    """`docs[i]` has vector `vectors[i]`; `turns` has one row per turn with its `doc` index (or -1)."""

    docs: list[str]
    vectors: np.ndarray
    turns: pd.DataFrame
    backend: str

    @property
    def doc_turns(self) -> pd.DataFrame:
        return self.turns[self.turns["doc"] >= 0]


def turn_vectors(turns: pd.DataFrame, emb: UnitEmbeddings, *, source: str = "") -> np.ndarray:
    """One vector per row of `turns` (mean of its units, re-normalised); zeros for a turn with no units."""
    dims = emb.vectors.shape[1] if emb.vectors.ndim == 2 else 0
    sums = np.zeros((len(turns), dims), dtype=np.float64)
    counts = np.zeros(len(turns), dtype=np.int64)
    row_of_turn = {int(t): i for i, t in enumerate(turns["turn"])}
    unknown = 0
    for turn, vector in zip(emb.turn, emb.vectors):
        row = row_of_turn.get(int(turn))
        if row is None:
            unknown += 1
            continue
        sums[row] += vector
        counts[row] += 1
    if unknown:
        log.warning("%s: %d embedded units name turns that are not in the transcript; the embeddings are "
                    "stale: delete them and rerun", source, unknown)
    return _normalise(sums).astype(np.float32)


def _normalise(matrix: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return np.divide(matrix, norms, out=np.zeros_like(matrix), where=norms > 0)


def build_corpus(
    transcripts: list[tuple[pd.DataFrame, UnitEmbeddings, str]], settings: dict[str, Any]
) -> TopicCorpus:
    """Documents of every (turns, embeddings, source) in order; settings = config["topics"]."""
    docs: list[str] = []
    vectors: list[np.ndarray] = []
    tables: list[pd.DataFrame] = []
    backends = sorted({emb.backend for _, emb, _ in transcripts})
    if len(backends) > 1:
        log.warning("embeddings come from different backends (%s); rerun embed with one backend",
                    ", ".join(backends))
    for turns, emb, source in transcripts:
        turns = turns.sort_values("turn", kind="stable").reset_index(drop=True)
        table, groups = _plan_documents(turns, settings)
        unit_vectors = turn_vectors(turns, emb, source=source)
        for rows in groups:
            table.loc[rows, "doc"] = len(docs)
            docs.append(" ".join(str(turns.at[r, "text"]).strip() for r in rows))
            vectors.append(_normalise(unit_vectors[rows].sum(axis=0, keepdims=True))[0])
        tables.append(table)
    columns = ["transcript_id", "turn", "speaker", "role", "site", "status", "doc"]
    all_turns = pd.concat(tables, ignore_index=True) if tables else pd.DataFrame(columns=columns)
    dims = transcripts[0][1].vectors.shape[1] if transcripts and transcripts[0][1].vectors.ndim == 2 else 0
    matrix = np.vstack(vectors).astype(np.float32) if vectors else np.zeros((0, dims), dtype=np.float32)
    return TopicCorpus(docs=docs, vectors=matrix, turns=all_turns[columns], backend=backends[0] if backends else "")


def _plan_documents(turns: pd.DataFrame, settings: dict[str, Any]) -> tuple[pd.DataFrame, list[list[int]]]:
    """Which turns form which document: a status per turn and groups of row positions."""
    excluded = set(settings.get("exclude_roles", ["facilitator"]))
    min_words = int(settings.get("min_words", 4))
    short_mode = settings.get("short_turns", "merge")
    roles = turns["role"].astype("string").fillna("other") if "role" in turns else pd.Series("other", index=turns.index)
    words = turns["text"].fillna("").astype(str).str.split().str.len()
    status = pd.Series(MODELLED, index=turns.index, dtype=object)
    status[roles.isin(excluded).to_numpy()] = EXCLUDED_ROLE
    status[(words == 0).to_numpy() & (status == MODELLED).to_numpy()] = NO_TEXT
    short = (words < min_words).to_numpy() & (status == MODELLED).to_numpy() & (short_mode != "keep")
    status[short] = TOO_SHORT

    groups: dict[int, list[int]] = {i: [i] for i in turns.index if status[i] == MODELLED}
    if short_mode == "merge":
        speakers = turns["speaker"].astype(str).tolist()
        for i in np.flatnonzero(short):
            host = _same_speaker_neighbour(i, speakers, status)
            if host is not None:
                groups[host].append(i)
                status[i] = MERGED
    table = pd.DataFrame({
        "transcript_id": turns["transcript_id"].astype(str),
        "turn": turns["turn"].astype("int64"),
        "speaker": turns["speaker"].astype(str),
        "role": roles.astype(str),
        "site": turns["site"].astype("string").fillna("") if "site" in turns else "",
        "status": status.astype(str),
        "doc": -1,
    })
    return table, [sorted(rows) for _, rows in sorted(groups.items())]


def _same_speaker_neighbour(i: int, speakers: list[str], status: pd.Series) -> int | None:
    """The adjacent turn (previous first) by the same speaker that is itself modelled."""
    for j in (i - 1, i + 1):
        if 0 <= j < len(speakers) and speakers[j] == speakers[i] and status[j] == MODELLED:
            return j
    return None
