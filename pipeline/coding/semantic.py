"""The semantic coder: a unit's cached sentence vector against each code's definition and examples.

The codebook's texts are embedded once per codebook version (an aggregate
workflow step), units once per transcript (the embed step), so coding itself
is one matrix product.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from typing import Any

import numpy as np

from pipeline.codebook import Code, Codebook
from pipeline.coding import Hit
from pipeline.errors import InputError
from pipeline.io import atomic_open
from pipeline.text import clip

log = logging.getLogger(__name__)

EVIDENCE_CHARS = 120
# A theme's score is the mean of its two nearest texts: chosen on the gold set's dev sessions (docs/coding.md).
DEFAULT_POOL = 2


@dataclass
class CodebookEmbeddings:
    """One vector per code text (its definition and each example)."""

    code: np.ndarray  # str, the code id of each row
    text: np.ndarray  # str, the text embedded
    vectors: np.ndarray  # float32, L2-normalised rows
    backend: str
    codebook_sha256: str


def codebook_texts(codebook: Codebook) -> list[tuple[str, str]]:
    """(code id, text) pairs: the label with the definition, then every example."""
    pairs = []
    for code in codebook.all_codes():
        pairs.append((code.id, f"{code.label}: {code.definition}"))
        pairs.extend((code.id, example) for example in code.examples)
    return pairs


def embed_codebook(codebook: Codebook, backend: Any) -> CodebookEmbeddings:
    pairs = codebook_texts(codebook)
    log.info("Embedding - %d codebook texts with backend '%s'", len(pairs), backend.name)
    vectors = backend.embed([text for _, text in pairs])
    return CodebookEmbeddings(
        code=np.array([c for c, _ in pairs]),
        text=np.array([t for _, t in pairs]),
        vectors=np.asarray(vectors, dtype=np.float32),
        backend=backend.name,
        codebook_sha256=codebook.sha256,
    )


def save_codebook_embeddings(emb: CodebookEmbeddings, path: str | os.PathLike[str]) -> None:
    with atomic_open(path, "wb") as handle:
        np.savez(handle, code=emb.code, text=emb.text, vectors=emb.vectors, backend=np.array(emb.backend),
                 codebook_sha256=np.array(emb.codebook_sha256))


def load_codebook_embeddings(path: str | os.PathLike[str], codebook: Codebook | None = None) -> CodebookEmbeddings:
    """Read codebook.npz; InputError when it belongs to another version of the codebook."""
    try:
        with np.load(path, allow_pickle=False) as data:
            emb = CodebookEmbeddings(data["code"].astype(str), data["text"].astype(str),
                                     data["vectors"].astype(np.float32), str(data["backend"]),
                                     str(data["codebook_sha256"]))
    except (OSError, ValueError, KeyError) as e:
        raise InputError(f"not a readable codebook embeddings file ({e}); rerun embed-codebook", path=path) from e
    if codebook is not None and emb.codebook_sha256 != codebook.sha256:
        raise InputError(f"embeds another version of the codebook than {codebook.path}; rerun embed-codebook",
                         path=path)
    return emb


def code_thresholds(codebook: Codebook, default: float) -> dict[str, float]:
    """Each code's semantic threshold: its own, else its nearest ancestor's, else `default`."""
    found: dict[str, float] = {}

    def walk(code: Code, inherited: float) -> None:
        own = code.semantic_threshold if code.semantic_threshold is not None else inherited
        found[code.id] = own
        for child in code.children:
            walk(child, own)

    for theme in codebook.themes:
        walk(theme, default)
    return found


class SemanticCoder:
    name = "semantic"

    def __init__(self, codebook: Codebook, codebook_embeddings: CodebookEmbeddings,
                 settings: dict[str, Any] | None = None) -> None:
        settings = settings or {}
        override = settings.get("semantic_threshold")
        self.threshold = float(override if override is not None else codebook.settings["semantic_threshold"])
        self.top_k = int(settings.get("semantic_top_k", 1))
        pool = settings.get("semantic_pool")
        self.pool = max(1, int(pool if pool is not None else codebook.settings.get("semantic_pool", DEFAULT_POOL)))
        self.emb = codebook_embeddings
        self.code_ids = list(dict.fromkeys(self.emb.code.tolist()))
        self._rows_of = {code: np.flatnonzero(self.emb.code == code) for code in self.code_ids}
        theme_of = {c.id: c.theme for c in codebook.all_codes()}
        self._theme_of = [theme_of[c] for c in self.code_ids]
        own_thresholds = code_thresholds(codebook, self.threshold)
        self._code_threshold = np.array([own_thresholds[c] for c in self.code_ids], dtype=np.float32)
        self.theme_ids = list(dict.fromkeys(self._theme_of))
        text_theme = np.array([theme_of[c] for c in self.emb.code.tolist()])
        self._theme_rows = [np.flatnonzero(text_theme == theme) for theme in self.theme_ids]
        self._theme_threshold = np.array([own_thresholds[t] for t in self.theme_ids], dtype=np.float32)

    def scores(self, vectors: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(units x codes) best cosine per code, and the row of the codebook text that gave it."""
        if len(vectors) == 0:
            return np.zeros((0, len(self.code_ids)), np.float32), np.zeros((0, len(self.code_ids)), int)
        sims = np.asarray(vectors, dtype=np.float32) @ self.emb.vectors.T
        best = np.empty((len(vectors), len(self.code_ids)), dtype=np.float32)
        where = np.empty_like(best, dtype=int)
        for j, code in enumerate(self.code_ids):
            rows = self._rows_of[code]
            local = sims[:, rows]
            arg = local.argmax(axis=1)
            best[:, j] = local[np.arange(len(vectors)), arg]
            where[:, j] = rows[arg]
        return best, where

    def theme_scores(self, vectors: np.ndarray) -> np.ndarray:
        """(units x themes) mean of the `pool` highest cosines over all texts of a theme and its sub-codes.

        With pool 1 this is the best single text; a larger pool asks a unit to be
        near several of a theme's examples, so one example that happens to share
        a word ("Roma", "council") cannot code a unit alone.
        """
        sims = np.asarray(vectors, dtype=np.float32) @ self.emb.vectors.T
        out = np.empty((len(vectors), len(self.theme_ids)), dtype=np.float32)
        for j, rows in enumerate(self._theme_rows):
            k = min(self.pool, len(rows))
            local = sims[:, rows]
            out[:, j] = np.sort(local, axis=1)[:, -k:].mean(axis=1) if k > 1 else local.max(axis=1)
        return out

    def code_units(self, texts: list[str], vectors: np.ndarray | None = None) -> list[Hit]:
        if vectors is None:
            raise ValueError("the semantic coder needs one vector per unit")
        best, where = self.scores(vectors)
        themes = self.theme_scores(vectors) if len(best) else np.zeros((0, len(self.theme_ids)), np.float32)
        hits = []
        for unit in range(len(best)):
            ranked = np.argsort(-themes[unit], kind="stable")
            # Only the top_k themes of a unit may be coded: a unit near everything is near nothing in particular.
            allowed = {self.theme_ids[t] for t in ranked[: self.top_k or None]
                       if themes[unit, t] >= self._theme_threshold[t]}
            if not allowed:
                continue
            passing = np.flatnonzero(best[unit] >= self._code_threshold)
            for j in passing[np.argsort(-best[unit, passing], kind="stable")]:
                score = float(best[unit, j])
                if self._theme_of[j] not in allowed:
                    continue
                nearest = str(self.emb.text[where[unit, j]])
                evidence = clip(nearest, EVIDENCE_CHARS)
                hits.append(Hit(unit, self.code_ids[j], round(min(max(score, 0.0), 1.0), 4), (evidence,)))
        return hits
