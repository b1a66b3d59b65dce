"""The supervised coder: per-code classifiers trained on an analyst's coded turns.

A coding file has columns transcript_id,turn,code; a row means "this code
applies to this turn". Every turn of a transcript named in the file counts as
read by the analyst, so its turns without a row are negatives. A code's
positives include turns coded with any of its sub-codes.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from pipeline.codebook import Codebook
from pipeline.coding import Hit
from pipeline.errors import CodingFileError, ConfigError
from pipeline.io import read_table

log = logging.getLogger(__name__)

CODING_COLUMNS = ["transcript_id", "turn", "code"]
MIN_POSITIVES = 5
CV_FOLDS = 5
SEED = 42
LISTED = 10


def read_coding_file(path: str | os.PathLike[str], codebook: Codebook,
                     turns: pd.DataFrame | None = None) -> pd.DataFrame:
    """A validated coding file; CodingFileError lists unknown codes and turns (with their lines)."""
    try:
        table = read_table(path)
    except (OSError, ValueError, pd.errors.ParserError) as e:
        raise CodingFileError(f"cannot read the coding file ({e})", path=path) from e
    missing = [c for c in CODING_COLUMNS if c not in table.columns]
    if missing:
        raise CodingFileError(f"missing column(s) {', '.join(missing)}; expected columns "
                              f"{','.join(CODING_COLUMNS)}, found {','.join(map(str, table.columns))}", path=path)
    table = table[CODING_COLUMNS].copy()
    line_of = pd.Series(np.arange(len(table)) + 2, index=table.index)  # +1 header, +1 from zero
    bad_turn = pd.to_numeric(table["turn"], errors="coerce").isna()
    if bad_turn.any():
        raise CodingFileError("column 'turn' must hold whole numbers; not on " + _lines(line_of[bad_turn]), path=path)
    table["turn"] = table["turn"].astype("int64")
    table["transcript_id"] = table["transcript_id"].astype(str)
    table["code"] = table["code"].astype(str).str.strip()
    known_codes = {c.id for c in codebook.all_codes()}
    problems = []
    unknown = table[~table["code"].isin(known_codes)]
    if len(unknown):
        names = sorted(set(unknown["code"]))
        problems.append(f"{len(names)} unknown code(s) {', '.join(repr(n) for n in names[:LISTED])} on "
                        f"{_lines(line_of[unknown.index])}; codes in {codebook.path}: {', '.join(sorted(known_codes))}")
    if turns is not None:
        known = set(zip(turns["transcript_id"].astype(str), turns["turn"].astype("int64")))
        missing_turn = [i for i, key in zip(table.index, zip(table["transcript_id"], table["turn"])) if key not in known]
        if missing_turn:
            shown = ", ".join(f"{table.at[i, 'transcript_id']} turn {table.at[i, 'turn']}" for i in missing_turn[:LISTED])
            problems.append(f"{len(missing_turn)} row(s) name turns that do not exist ({shown}) on "
                            f"{_lines(line_of[missing_turn])}")
    if problems:
        raise CodingFileError("; ".join(problems), path=path)
    return table.drop_duplicates().reset_index(drop=True)


def load_training(path: str | os.PathLike[str], codebook: Codebook, turns: pd.DataFrame | None = None) -> pd.DataFrame:
    """The analyst's coding named by coding.training, as rows transcript_id,turn,code.

    The one place that reads it: a CSV today (read_coding_file); other formats belong here.
    """
    return read_coding_file(path, codebook, turns)


def training_vectors(turn_paths: list[str], tables: list[pd.DataFrame], embedding_paths: list[str]) -> np.ndarray:
    """Turn vectors for the training turns, each transcript's from the embeddings file with its file name."""
    from pipeline.embeddings import load_unit_embeddings

    by_stem = {Path(p).stem: p for p in embedding_paths}
    parts = []
    for path, table in zip(turn_paths, tables):
        stem = Path(path).stem
        if stem not in by_stem:
            raise ConfigError(f"no cached vectors for {path} (expected results/embeddings/{stem}.npz among "
                              "--embeddings); give them or use features 'tfidf'", key="coding.supervised.features")
        parts.append(turn_vectors(table, load_unit_embeddings(by_stem[stem])))
    return np.concatenate(parts) if parts else np.zeros((0, 0))


def _lines(lines: pd.Series) -> str:
    values = lines.tolist()
    shown = ", ".join(str(v) for v in values[:LISTED])
    return f"line{'s' if len(values) > 1 else ''} {shown}" + (f" and {len(values) - LISTED} more" if len(values) > LISTED else "")


def label_matrix(turns: pd.DataFrame, coding: pd.DataFrame, codebook: Codebook,
                 read_ids: set[str] | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(turns the analyst read, one 0/1 column per code) with sub-code rows counting for their ancestors.

    The turns read are those of the transcripts in `read_ids` (default: the transcripts the coding names).
    """
    read_ids = set(coding["transcript_id"]) if read_ids is None else read_ids
    read = turns[turns["transcript_id"].astype(str).isin(read_ids)].reset_index(drop=True)
    ancestors = {c.id: [a.id for a in codebook.all_codes() if c in a.descendants()] for c in codebook.all_codes()}
    index = {key: i for i, key in enumerate(zip(read["transcript_id"].astype(str), read["turn"].astype("int64")))}
    labels = pd.DataFrame(0, index=read.index, columns=[c.id for c in codebook.all_codes()], dtype="int64")
    for tid, turn, code in coding.itertuples(index=False):
        row = index.get((tid, int(turn)))
        if row is not None:
            labels.loc[row, ancestors[code]] = 1
    return read, labels


FEATURES = ("vectors", "tfidf", "both")
DEFAULT_FEATURES = "both"
ADD_THRESHOLD = 0.5
REMOVE_THRESHOLD = 0.2
MIN_F1 = 0.5
VECTOR_C = 4.0
CV_COLUMNS = ["code", "positives", "precision", "recall", "f1", "status"]


@dataclass
class SupervisedModel:
    """One logistic regression per code with enough positive and negative turns, on the chosen features.

    features: 'tfidf' (1-2 gram TF-IDF of the turn's text), 'vectors' (the mean of the
    turn's cached unit vectors) or 'both' (the two side by side, each L2-normalised).
    """

    classifiers: dict[str, Any]
    cv: pd.DataFrame  # code, positives, precision, recall, f1 (trained codes only)
    skipped: list[str] = field(default_factory=list)
    features: str = "tfidf"
    vectorizer: Any = None
    threshold: float = ADD_THRESHOLD
    counts: dict[str, int] = field(default_factory=dict)


def trusted_codes(model: SupervisedModel, min_f1: float) -> list[str]:
    """The trained codes whose cross-validated F1 reaches min_f1 (all of them when no report was made)."""
    if not len(model.cv):
        return list(model.classifiers)
    good = set(model.cv.loc[model.cv["f1"] >= min_f1, "code"])
    return [c for c in model.classifiers if c in good]


def check_features(features: str) -> str:
    if features not in FEATURES:
        raise ConfigError(f"unknown features '{features}'; expected one of {', '.join(FEATURES)}",
                          key="coding.supervised.features")
    return features


def turn_vectors(turns: pd.DataFrame, unit_embeddings: Any) -> np.ndarray:
    """One vector per row of `turns` (one transcript): the mean of its units' cached vectors, L2-normalised."""
    from pipeline.coding.run import unit_vectors
    from pipeline.units import split_units

    units = split_units(turns)
    return mean_by_turn(turns, units, unit_vectors(units, unit_embeddings))


def mean_by_turn(turns: pd.DataFrame, units: pd.DataFrame, vectors: np.ndarray) -> np.ndarray:
    """Unit vectors (rows of `units`) averaged per row of `turns` and L2-normalised; zeros for a turn with no unit."""
    keys = list(zip(turns["transcript_id"].astype(str), turns["turn"].astype("int64")))
    row_of = {key: i for i, key in enumerate(keys)}
    out = np.zeros((len(turns), np.asarray(vectors).shape[1] if len(vectors) else 0), dtype=np.float64)
    for tid, turn, vector in zip(units["transcript_id"].astype(str), units["turn"].astype("int64"), vectors):
        out[row_of[(tid, int(turn))]] += vector
    return _normalise(out)


def _normalise(matrix: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix / np.where(norms == 0, 1.0, norms)


def feature_matrix(model: SupervisedModel, texts: list[str], vectors: np.ndarray | None) -> Any:
    """The classifiers' input for these turns: TF-IDF, vectors, or both side by side."""
    from scipy import sparse

    parts = []
    if model.features in ("tfidf", "both"):
        parts.append(model.vectorizer.transform(texts))
    if model.features in ("vectors", "both"):
        if vectors is None:
            raise ConfigError(f"the supervised coder was trained on features '{model.features}' and needs the turns' "
                              "cached vectors (results/embeddings/{id}.npz)", key="coding.supervised.features")
        parts.append(sparse.csr_matrix(np.asarray(vectors, dtype=np.float64)))
    return parts[0] if len(parts) == 1 else sparse.hstack(parts).tocsr()


def train_supervised(turns: pd.DataFrame, coding: pd.DataFrame, codebook: Codebook, *,
                     vectors: np.ndarray | None = None, features: str = "tfidf",
                     threshold: float = ADD_THRESHOLD, all_read: bool = False,
                     cross_validate: bool = True) -> SupervisedModel:
    """Fit per-code classifiers and report cross-validated precision, recall and F1 for each first.

    `vectors` holds one row per row of `turns` (turn_vectors) and is needed unless features is
    'tfidf'. The TF-IDF vocabulary is fitted on every turn the analyst read (no labels are used);
    the classifiers are cross-validated in CV_FOLDS stratified folds, a turn counting as coded when
    its probability is at least `threshold` (the coder's own threshold). With `all_read`, every
    row of `turns` counts as read (a sample of turns rather than whole transcripts);
    `cross_validate=False` skips the report (benchmarks).
    """
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import precision_recall_fscore_support
    from sklearn.model_selection import StratifiedKFold, cross_val_predict

    check_features(features)
    read_ids = set(turns["transcript_id"].astype(str)) if all_read else set(coding["transcript_id"])
    read, labels = label_matrix(turns, coding, codebook, read_ids)
    texts = read["text"].astype(str).tolist()
    read_vectors = None
    if features != "tfidf":
        if vectors is None or len(vectors) != len(turns):
            raise ConfigError(f"features '{features}' need one cached vector per turn", key="coding.supervised.features")
        keep = turns["transcript_id"].astype(str).isin(read_ids).to_numpy()
        read_vectors = np.asarray(vectors)[keep]
    model = SupervisedModel(classifiers={}, cv=pd.DataFrame(), features=features, threshold=threshold)
    if features != "vectors":
        model.vectorizer = _vectorizer(TfidfVectorizer).fit(texts or [""])
    x = feature_matrix(model, texts, read_vectors) if texts else None
    rows, skipped = [], []
    for code in labels.columns:
        y = labels[code].to_numpy()
        positives = int(y.sum())
        model.counts[code] = positives
        if positives < MIN_POSITIVES or positives > len(y) - MIN_POSITIVES:
            skipped.append(code)
            continue
        regression = LogisticRegression(class_weight="balanced", max_iter=2000, random_state=SEED,
                                        C=1.0 if features == "tfidf" else VECTOR_C)
        if cross_validate:
            folds = StratifiedKFold(n_splits=min(CV_FOLDS, positives), shuffle=True, random_state=SEED)
            probability = cross_val_predict(regression, x, y, cv=folds, method="predict_proba")[:, 1]
            predicted = (probability >= threshold).astype(int)
            p, r, f, _ = precision_recall_fscore_support(y, predicted, average="binary", zero_division=0)
            rows.append({"code": code, "positives": positives, "precision": round(float(p), 3),
                         "recall": round(float(r), 3), "f1": round(float(f), 3)})
        model.classifiers[code] = regression.fit(x, y)
    model.cv = pd.DataFrame(rows, columns=CV_COLUMNS[:-1])
    model.skipped = skipped
    for row in rows:
        log.info("Supervised - %s: %d positives, cross-validated precision %.2f recall %.2f F1 %.2f",
                 row["code"], row["positives"], row["precision"], row["recall"], row["f1"])
    if skipped:
        log.warning("Supervised - no classifier for %d code(s) with fewer than %d positive or negative turns, "
                    "left to the other coders: %s", len(skipped), MIN_POSITIVES, ", ".join(skipped))
    return model


def cv_report(model: SupervisedModel) -> pd.DataFrame:
    """The cross-validation table with every code: trained ones with P/R/F1, the others saying why not."""
    trained = model.cv.assign(status="trained")
    left = pd.DataFrame([{"code": c, "positives": model.counts.get(c, 0), "precision": np.nan, "recall": np.nan,
                          "f1": np.nan, "status": f"too few examples (needs {MIN_POSITIVES} coded and "
                                                  f"{MIN_POSITIVES} uncoded turns); left to the other coders"}
                         for c in model.skipped], columns=CV_COLUMNS)
    return pd.concat([trained, left], ignore_index=True)[CV_COLUMNS] if len(left) else trained[CV_COLUMNS]


def _vectorizer(cls: Any) -> Any:
    return cls(ngram_range=(1, 2), sublinear_tf=True, min_df=1, lowercase=True, strip_accents="unicode")


def turn_probabilities(model: SupervisedModel, texts: list[str], vectors: np.ndarray | None) -> pd.DataFrame:
    """One column per trained code, one row per turn: the classifier's probability that the code applies."""
    if not texts or not model.classifiers:
        return pd.DataFrame(index=range(len(texts)), columns=list(model.classifiers), dtype="float64")
    x = feature_matrix(model, texts, vectors)
    return pd.DataFrame({code: c.predict_proba(x)[:, 1] for code, c in model.classifiers.items()})


class SupervisedCoder:
    """Codes whole turns: a code where its classifier's probability reaches the threshold."""

    name = "supervised"

    def __init__(self, model: SupervisedModel, threshold: float | None = None) -> None:
        self.model = model
        self.threshold = model.threshold if threshold is None else threshold

    def code_units(self, texts: list[str], vectors: Any = None) -> list[Hit]:
        """Hits for texts taken as turns (unit i is text i); `vectors` are their turn vectors, if the model needs them."""
        hits: list[Hit] = []
        probabilities = turn_probabilities(self.model, texts, vectors)
        for code in probabilities.columns:
            column = probabilities[code].to_numpy()
            for unit in np.flatnonzero(column >= self.threshold):
                hits.append(Hit(int(unit), code, round(float(column[unit]), 4),
                                tuple(_top_words(self.model, code, texts[unit]))))
        return hits


def _top_words(model: SupervisedModel, code: str, text: str, n: int = 3) -> list[str]:
    """The n-grams of `text` that pushed the classifier most towards the code: its evidence (none for vectors alone)."""
    if model.vectorizer is None:
        return []
    regression = model.classifiers[code]
    row = model.vectorizer.transform([text])
    weights = row.multiply(regression.coef_[0][: row.shape[1]]).tocsr()
    if weights.nnz == 0:
        return []
    names = model.vectorizer.get_feature_names_out()
    order = np.argsort(-weights.data)[:n]
    return [str(names[weights.indices[i]]) for i in order if weights.data[i] > 0]


def save_model(model: SupervisedModel, path: str | os.PathLike[str]) -> None:
    import joblib

    from pipeline.io import atomic_path

    with atomic_path(path) as tmp:
        joblib.dump(model, tmp)


def load_model(path: str | os.PathLike[str]) -> SupervisedModel:
    import joblib

    return joblib.load(path)
