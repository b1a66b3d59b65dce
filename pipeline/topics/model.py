"""Fitting BERTopic so that it is dependable on focus-group corpora.

Every step is injected: precomputed embeddings (never BERTopic's default
model), UMAP + HDBSCAN sized to the corpus or PCA + k-means for small ones,
a CountVectorizer with conversational stop words, and c-TF-IDF. All seeds are
fixed, so the same input gives the same topics.
"""

from __future__ import annotations

import contextlib
import logging
import math
import os
import warnings
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import numpy as np

log = logging.getLogger(__name__)

# Words of talk and of interpreting, not of topic. Bigrams catch interpreter framing.
DOMAIN_STOP_WORDS = sorted(set("""
yeah yes yep yeh no nope ok okay oh ah uh um umm erm er mm mmm hmm hm huh aha like just really actually
basically literally know mean think thing things stuff gonna wanna gotta got get gets getting say says said
saying tell told sort kind right well so lot lots bit maybe sure thank thanks please alright anyway
translate translates translating translated translation interpreter interpreting interpret
she he they asked asks ask question questions facilitator everybody everyone somebody someone
im ive id ill youre youve youd youll hes shes its weve wed theyre theyve theyd theyll dont doesnt didnt
cant couldnt wont wouldnt shouldnt isnt arent wasnt werent havent hasnt hadnt thats whats theres heres lets
laughter laughs laughing crosstalk inaudible unclear pause overlapping na
hi hello morning evening afternoon welcome bye goodbye good fine exactly guys mr mrs ms
""".split()))
# BERTopic strips apostrophes before counting terms, so "don't" arrives as "dont": hence the forms above.
INTERPRETER_PHRASES = ["she says", "he says", "she said", "he said", "he said that", "she said that",
                       "they say", "they said", "she is saying", "he is saying", "i will translate",
                       "can you translate", "she asks", "he asks"]

OUTLIER_TOPIC = -1
DEFAULT_MAX_FIT_DOCUMENTS = 20_000


@dataclass
class TopicFit:
    """Topic per document (-1: no clear topic), terms per topic, and how the fit was set up."""

    topics: list[int]
    terms: dict[int, list[tuple[str, float]]]
    method: str
    params: dict[str, Any] = field(default_factory=dict)


def stop_words(extra: list[str] | None = None) -> list[str]:
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return sorted(ENGLISH_STOP_WORDS | set(DOMAIN_STOP_WORDS) | {w.lower() for w in extra or []})


_PLACEHOLDER = r"\[[A-Z][A-Z_]*\d*\]|\[[a-z ]+\]|\((?:laughs|laughter|crosstalk|inaudible|pause)[^)]*\)"


def clean_for_terms(text: str) -> str:
    """Text for c-TF-IDF without what carries no topic: interpreter framing ("she says that ..."),
    pseudonym tags ([PERSON_7]) and transcriber notes ([laughter])."""
    import re
    import unicodedata

    text = re.sub(_PLACEHOLDER, " ", text)
    text = re.sub(_interpreter_pattern(), " ", text)
    # BERTopic keeps only ASCII letters when it counts terms: fold accents first so "crèche" stays "creche".
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _interpreter_pattern() -> str:
    alternatives = "|".join(sorted((p.replace(" ", r"\s+") for p in INTERPRETER_PHRASES), key=len, reverse=True))
    return rf"(?i)\b(?:{alternatives})\b(?:\s+that\b)?"


def adaptive_params(n_docs: int, settings: dict[str, Any]) -> dict[str, Any]:
    """Cluster settings that grow with the corpus so topics are neither tiny nor one giant blob."""
    method = settings.get("method", "auto")
    if method == "auto":
        method = "kmeans" if n_docs < int(settings.get("kmeans_below", 150)) else "hdbscan"
    if method == "kmeans":
        return {"method": "kmeans", "n_topics": int(settings.get("n_topics", 0)),
                "n_components": max(2, min(10, n_docs - 1))}
    min_cluster_size = int(np.clip(round(n_docs / 40), 8, 250))
    return {
        "method": "hdbscan",
        "n_neighbors": int(np.clip(round(math.sqrt(n_docs)), 5, 30)),
        "n_components": 5,
        "min_cluster_size": min_cluster_size,
        "min_samples": max(2, min_cluster_size // 4),
    }


def fit_topics(docs: list[str], embeddings: np.ndarray, settings: dict[str, Any],
               *, seed_topics: list[list[str]] | None = None, embedder: Any = None) -> TopicFit:
    """Fit BERTopic on `docs` with their precomputed `embeddings` (settings = config["topics"]).

    Above `max_fit_documents` the model is fitted on a seeded sample of that many documents and
    every other document joins the topic whose centroid is nearest (the rule of outlier reduction):
    UMAP and HDBSCAN over every turn of 500 transcripts (87,000 documents) took 322 s and 4.6 GB.
    """
    limit = int(settings.get("max_fit_documents", DEFAULT_MAX_FIT_DOCUMENTS))
    if not 0 < limit < len(docs):
        return _fit_all(docs, embeddings, settings, seed_topics=seed_topics, embedder=embedder)
    rng = np.random.default_rng(int(settings.get("seed", 42)))
    sample = np.sort(rng.choice(len(docs), size=limit, replace=False))
    log.info("Topics - %d documents: fitting on a sample of %d (topics.max_fit_documents), then every other "
             "document joins its nearest topic", len(docs), limit)
    fit = _fit_all([docs[i] for i in sample], np.asarray(embeddings)[sample], settings,
                   seed_topics=seed_topics, embedder=embedder)
    topics = np.full(len(docs), OUTLIER_TOPIC, dtype=np.int64)
    topics[sample] = fit.topics
    rest = np.setdiff1d(np.arange(len(docs)), sample)
    topics[rest] = nearest_topics(np.asarray(embeddings), topics.tolist(), rest.tolist(),
                                  float(settings.get("outlier_threshold", 0.3)))
    numbered, terms = number_by_size(topics.tolist(), fit.terms)
    return TopicFit(topics=numbered, terms=terms, method=fit.method,
                    params={**fit.params, "fitted_on_documents": limit, "assigned_to_nearest": len(rest)})


def _fit_all(docs: list[str], embeddings: np.ndarray, settings: dict[str, Any],
             *, seed_topics: list[list[str]] | None = None, embedder: Any = None) -> TopicFit:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from bertopic import BERTopic
    from bertopic.vectorizers import ClassTfidfTransformer
    from sklearn.feature_extraction.text import CountVectorizer

    seed = int(settings.get("seed", 42))
    params = adaptive_params(len(docs), settings)
    reducer, clusterer = _kmeans_steps(embeddings, params, seed) if params["method"] == "kmeans" \
        else _hdbscan_steps(params, seed)
    cleaned = [clean_for_terms(d) for d in docs]
    vectorizer = CountVectorizer(
        stop_words=stop_words(settings.get("stop_words")),
        ngram_range=(1, 2),
        min_df=2 if len(docs) >= 200 else 1,
        token_pattern=r"(?u)\b[^\W\d_][\w'-]+\b",
    )
    guided = bool(seed_topics) and embedder is not None
    model = BERTopic(
        embedding_model=embedder if guided else None,
        umap_model=reducer,
        hdbscan_model=clusterer,
        vectorizer_model=vectorizer,
        ctfidf_model=ClassTfidfTransformer(reduce_frequent_words=True),
        top_n_words=int(settings.get("top_terms", 10)),
        seed_topic_list=seed_topics if guided else None,
        calculate_probabilities=False,
        verbose=False,
    )
    log.info("Topics - fitting %s on %d documents (%s)", params["method"], len(docs), params)
    vectors = np.array(embeddings, dtype=np.float32, copy=True)  # guided modelling edits them in place
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="n_jobs value", category=UserWarning)  # the cost of a seed, known
        topics, _ = model.fit_transform(cleaned, embeddings=vectors)
    topics = [int(t) for t in topics]
    outliers = topics.count(OUTLIER_TOPIC)
    threshold = float(settings.get("outlier_threshold", 0.3))
    if outliers and len(set(topics) - {OUTLIER_TOPIC}) > 0 and threshold <= 1:
        reduced = model.reduce_outliers(cleaned, topics, strategy="embeddings", embeddings=embeddings,
                                        threshold=threshold)
        log.info("Topics - outlier reduction moved %d of %d outlier documents into topics",
                 outliers - list(reduced).count(OUTLIER_TOPIC), outliers)
        topics = [int(t) for t in reduced]
        with _quiet_logger("BERTopic"):  # it warns that custom assignments are final: here they are
            model.update_topics(cleaned, topics=topics, vectorizer_model=vectorizer,
                                ctfidf_model=ClassTfidfTransformer(reduce_frequent_words=True),
                                top_n_words=int(settings.get("top_terms", 10)))
    terms = {int(t): [(w, float(s)) for w, s in (model.get_topic(t) or []) if w]
             for t in sorted(set(topics))}
    topics, terms = number_by_size(topics, terms)
    return TopicFit(topics=topics, terms=terms, method=params["method"], params=params)


@contextlib.contextmanager
def _quiet_logger(name: str) -> Iterator[None]:
    logger = logging.getLogger(name)
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def number_by_size(topics: list[int], terms: dict[int, Any]) -> tuple[list[int], dict[int, Any]]:
    """Topic 0 is the largest again after outlier reduction moved documents; -1 stays -1."""
    sizes = {t: n for t, n in Counter(topics).items() if t != OUTLIER_TOPIC}
    order = sorted(sizes, key=lambda t: (-sizes[t], t))
    new_id = {old: new for new, old in enumerate(order)} | {OUTLIER_TOPIC: OUTLIER_TOPIC}
    return [new_id[t] for t in topics], {new_id[t]: v for t, v in terms.items() if t in new_id}


def nearest_topics(vectors: np.ndarray, topics: list[int], rows: list[int], threshold: float) -> list[int]:
    """For each of `rows`, the topic (of the other documents) with the most similar centroid, or the
    outlier topic when no centroid reaches `threshold`."""
    labels = np.asarray(topics)
    fixed = np.ones(len(labels), dtype=bool)
    fixed[rows] = False
    candidates = sorted({int(t) for t in labels[fixed]} - {OUTLIER_TOPIC})
    if not candidates:
        return [OUTLIER_TOPIC] * len(rows)
    centroids = np.vstack([vectors[fixed & (labels == t)].mean(axis=0) for t in candidates])
    norms = np.linalg.norm(centroids, axis=1, keepdims=True)
    centroids = np.divide(centroids, norms, out=np.zeros_like(centroids), where=norms > 0)
    similarity = vectors[rows] @ centroids.T
    best = similarity.argmax(axis=1)
    return [candidates[b] if similarity[i, b] >= threshold else OUTLIER_TOPIC for i, b in enumerate(best)]


def label_terms(terms: list[str], n: int = 3) -> list[str]:
    """The first `n` terms that share no word with a term already chosen ("bus fares", not also "fares")."""
    chosen: list[str] = []
    seen: set[str] = set()
    for term in terms:
        words = set(term.split())
        if words & seen:
            continue
        chosen.append(term)
        seen |= words
        if len(chosen) == n:
            break
    return chosen


class DistinctRowsReducer:
    """Fits the wrapped reducer on distinct rows only and maps duplicates back.

    Exact duplicate vectors (the same short answer said twice) make UMAP's
    output change from run to run even with a fixed random_state; measured.
    """

    def __init__(self, reducer: Any) -> None:
        self.reducer = reducer
        self._fitted_key: tuple[Any, ...] | None = None
        self.embedding_: np.ndarray | None = None

    def fit(self, X: np.ndarray, y: Any = None) -> "DistinctRowsReducer":
        X = np.asarray(X)
        distinct, first, inverse = np.unique(X, axis=0, return_index=True, return_inverse=True)
        labels = None if y is None else np.asarray(y)[first]
        if hasattr(self.reducer, "n_neighbors"):
            self.reducer.n_neighbors = max(2, min(self.reducer.n_neighbors, len(distinct) - 1))
        if hasattr(self.reducer, "precomputed_knn"):
            # Exact neighbours by one matrix product: faster than UMAP's approximate search, which
            # spends over 100 s compiling numba code in every new process (measured at 5k turns).
            self.reducer.precomputed_knn = exact_cosine_knn(distinct, self.reducer.n_neighbors)
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message="precomputed_knn", category=UserWarning)
            self.reducer.fit(distinct, y=labels)
        self.embedding_ = np.asarray(self.reducer.embedding_)[inverse.reshape(-1)]
        self._fitted_key = _array_key(X)
        return self

    def transform(self, X: np.ndarray) -> np.ndarray:
        X = np.asarray(X)
        if self.embedding_ is not None and _array_key(X) == self._fitted_key:
            return self.embedding_
        distinct, inverse = np.unique(X, axis=0, return_inverse=True)
        return np.asarray(self.reducer.transform(distinct))[inverse.reshape(-1)]


# Cells of one block of the similarity matrix: the block, its negation and argpartition's int64
# indices take about 16 bytes a cell (a fixed 2,048 rows took 2.9 GB at 87,000 documents).
KNN_BLOCK_CELLS = 1 << 23


def exact_cosine_knn(X: np.ndarray, k: int, chunk: int | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Each row's k nearest rows by cosine distance, itself first (as UMAP expects)."""
    norms = np.linalg.norm(X, axis=1, keepdims=True)
    unit = np.divide(X, norms, out=np.zeros_like(X, dtype=np.float32), where=norms > 0).astype(np.float32)
    k = min(k, len(unit))
    chunk = chunk or max(64, KNN_BLOCK_CELLS // max(len(unit), 1))
    indices = np.empty((len(unit), k), dtype=np.int64)
    distances = np.empty((len(unit), k), dtype=np.float32)
    for start in range(0, len(unit), chunk):
        rows = np.arange(start, min(start + chunk, len(unit)))
        similarity = unit[rows] @ unit.T
        similarity[np.arange(len(rows)), rows] = np.inf  # itself first, even for an all-zero row
        nearest = np.argpartition(-similarity, k - 1, axis=1)[:, :k]
        order = np.lexsort((nearest, -np.take_along_axis(similarity, nearest, axis=1)), axis=1)
        nearest = np.take_along_axis(nearest, order, axis=1)
        indices[rows] = nearest
        distances[rows] = np.clip(1 - np.take_along_axis(similarity, nearest, axis=1), 0, 2)
    distances[:, 0] = 0.0
    return indices, distances


def _array_key(X: np.ndarray) -> tuple[Any, ...]:
    import hashlib

    return X.shape, str(X.dtype), hashlib.sha1(np.ascontiguousarray(X).tobytes()).hexdigest()


def _hdbscan_steps(params: dict[str, Any], seed: int):
    from hdbscan import HDBSCAN
    from umap import UMAP

    # 200 epochs (UMAP's own choice above 10k points) for every size: the seeded layout is single-threaded,
    # and clustering needs the neighbourhoods, not a polished picture.
    reducer = UMAP(n_neighbors=params["n_neighbors"], n_components=params["n_components"], min_dist=0.0,
                   metric="cosine", n_epochs=200, random_state=seed)
    reducer = DistinctRowsReducer(reducer)
    clusterer = HDBSCAN(min_cluster_size=params["min_cluster_size"], min_samples=params["min_samples"],
                        metric="euclidean", cluster_selection_method="leaf", prediction_data=True)
    return reducer, clusterer


def _kmeans_steps(embeddings: np.ndarray, params: dict[str, Any], seed: int):
    from sklearn.cluster import KMeans
    from sklearn.decomposition import PCA

    reducer = PCA(n_components=params["n_components"], svd_solver="full", random_state=seed)
    k = params["n_topics"] or choose_k(reducer.fit_transform(embeddings), seed)
    params["n_topics"] = k
    return PCA(n_components=params["n_components"], svd_solver="full", random_state=seed), \
        KMeans(n_clusters=k, n_init=10, random_state=seed)


def choose_k(reduced: np.ndarray, seed: int, largest: int = 12) -> int:
    """The k in 2..12 (at most one topic per five documents) with the best silhouette."""
    from sklearn.cluster import KMeans
    from sklearn.metrics import silhouette_score

    candidates = range(2, max(2, min(largest, len(reduced) // 5)) + 1)
    best_k, best_score = 2, -1.0
    for k in candidates:
        labels = KMeans(n_clusters=k, n_init=10, random_state=seed).fit_predict(reduced)
        if len(set(labels)) < 2:
            continue
        score = float(silhouette_score(reduced, labels, random_state=seed))
        if score > best_score + 1e-9:
            best_k, best_score = k, score
    return best_k
