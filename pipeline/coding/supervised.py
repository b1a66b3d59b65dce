"""The supervised coder: per-code classifiers trained on an analyst's coded turns.

A coding file has columns transcript_id,turn,code; a row means "this code
applies to this turn". Every turn of a transcript named in the file counts as
read by the analyst, so its turns without a row are negatives. A code's
positives include turns coded with any of its sub-codes.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from pipeline.codebook import Codebook
from pipeline.coding import Hit
from pipeline.errors import CodingFileError
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


def _lines(lines: pd.Series) -> str:
    values = lines.tolist()
    shown = ", ".join(str(v) for v in values[:LISTED])
    return f"line{'s' if len(values) > 1 else ''} {shown}" + (f" and {len(values) - LISTED} more" if len(values) > LISTED else "")


def label_matrix(turns: pd.DataFrame, coding: pd.DataFrame, codebook: Codebook) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(turns the analyst read, one 0/1 column per code) with sub-code rows counting for their ancestors."""
    read = turns[turns["transcript_id"].astype(str).isin(set(coding["transcript_id"]))].reset_index(drop=True)
    ancestors = {c.id: [a.id for a in codebook.all_codes() if c in a.descendants()] for c in codebook.all_codes()}
    index = {key: i for i, key in enumerate(zip(read["transcript_id"].astype(str), read["turn"].astype("int64")))}
    labels = pd.DataFrame(0, index=read.index, columns=[c.id for c in codebook.all_codes()], dtype="int64")
    for tid, turn, code in coding.itertuples(index=False):
        row = index.get((tid, int(turn)))
        if row is not None:
            labels.loc[row, ancestors[code]] = 1
    return read, labels


@dataclass
class SupervisedModel:
    """One TF-IDF + logistic regression pipeline per code with enough positive and negative turns."""

    classifiers: dict[str, Any]
    cv: pd.DataFrame  # code, positives, precision, recall, f1
    skipped: list[str] = field(default_factory=list)


def train_supervised(turns: pd.DataFrame, coding: pd.DataFrame, codebook: Codebook) -> SupervisedModel:
    """Fit per-code classifiers and report cross-validated precision and recall for each first."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import precision_recall_fscore_support
    from sklearn.model_selection import StratifiedKFold, cross_val_predict
    from sklearn.pipeline import make_pipeline

    read, labels = label_matrix(turns, coding, codebook)
    texts = read["text"].astype(str).tolist()
    rows, classifiers, skipped = [], {}, []
    for code in labels.columns:
        y = labels[code].to_numpy()
        positives = int(y.sum())
        if positives < MIN_POSITIVES or positives > len(y) - MIN_POSITIVES:
            skipped.append(code)
            continue
        model = make_pipeline(_vectorizer(TfidfVectorizer),
                              LogisticRegression(class_weight="balanced", max_iter=1000, random_state=SEED))
        folds = StratifiedKFold(n_splits=min(CV_FOLDS, positives), shuffle=True, random_state=SEED)
        predicted = cross_val_predict(model, texts, y, cv=folds)
        p, r, f, _ = precision_recall_fscore_support(y, predicted, average="binary", zero_division=0)
        rows.append({"code": code, "positives": positives, "precision": round(float(p), 3),
                     "recall": round(float(r), 3), "f1": round(float(f), 3)})
        classifiers[code] = model.fit(texts, y)
    cv = pd.DataFrame(rows, columns=["code", "positives", "precision", "recall", "f1"])
    for row in rows:
        log.info("Supervised - %s: %d positives, cross-validated precision %.2f recall %.2f",
                 row["code"], row["positives"], row["precision"], row["recall"])
    if skipped:
        log.warning("Supervised - no classifier for %d code(s) with fewer than %d positive or negative turns: %s",
                    len(skipped), MIN_POSITIVES, ", ".join(skipped))
    return SupervisedModel(classifiers=classifiers, cv=cv, skipped=skipped)


def _vectorizer(cls: Any) -> Any:
    return cls(ngram_range=(1, 2), sublinear_tf=True, min_df=1, lowercase=True, strip_accents="unicode")


class SupervisedCoder:
    name = "supervised"

    def __init__(self, model: SupervisedModel, threshold: float = 0.5) -> None:
        self.model = model
        self.threshold = threshold

    def code_units(self, texts: list[str], vectors: Any = None) -> list[Hit]:
        hits: list[Hit] = []
        if not texts:
            return hits
        for code, classifier in self.model.classifiers.items():
            probabilities = classifier.predict_proba(texts)[:, 1]
            for unit in np.flatnonzero(probabilities >= self.threshold):
                hits.append(Hit(int(unit), code, round(float(probabilities[unit]), 4),
                                tuple(_top_words(classifier, texts[unit]))))
        return hits


def _top_words(classifier: Any, text: str, n: int = 3) -> list[str]:
    """The n-grams of `text` that pushed the classifier most towards the code: its evidence."""
    vectorizer, regression = classifier.steps[0][1], classifier.steps[-1][1]
    row = vectorizer.transform([text])
    weights = row.multiply(regression.coef_[0]).tocsr()
    if weights.nnz == 0:
        return []
    names = vectorizer.get_feature_names_out()
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
