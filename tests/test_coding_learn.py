"""Learning from the analyst: the supervised coder on cached vectors, its report, and its confident override.

Small hand-made data: vectors are random but separable by construction (no sentence model),
the codebook is the minimal fixture (housing > housing-damp, housing-overcrowding; language).
"""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from pipeline.codebook import load_codebook
from pipeline.coding import Hit
from pipeline.coding.combine import combine, turn_hits
from pipeline.coding.report import supervised_section
from pipeline.coding.run import code_turns, supervised_settings
from pipeline.coding.supervised import cv_report, train_supervised, turn_vectors
from pipeline.embeddings import UnitEmbeddings, save_unit_embeddings
from pipeline.errors import ConfigError
from pipeline.units import split_units
from tests.cli_run import run

MINIMAL = "tests/fixtures/codebooks/valid-minimal.codebook.yaml"
N = 40
DIM = 8


@pytest.fixture(scope="module")
def book(repo_root):
    return load_codebook(repo_root / MINIMAL)


def synthetic(n: int = N, seed: int = 0) -> tuple[pd.DataFrame, np.ndarray, pd.DataFrame]:
    """Turns whose text says nothing, vectors that separate housing (dimension 0) and two damp turns."""
    rng = np.random.default_rng(seed)
    housing = np.arange(n) % 2 == 0
    vectors = rng.normal(0, 0.3, size=(n, DIM))
    vectors[:, 0] += np.where(housing, 3.0, -3.0)
    turns = pd.DataFrame({"transcript_id": "s", "turn": np.arange(1, n + 1), "speaker": "P01", "role": "community",
                          "text": [f"turn number {i}" for i in range(n)]})
    coding = [("s", i + 1, "housing") for i in range(n) if housing[i]] + [("s", 1, "housing-damp"), ("s", 3, "housing-damp")]
    return turns, vectors, pd.DataFrame(coding, columns=["transcript_id", "turn", "code"])


def test_a_code_separable_in_the_vectors_is_learned_from_vectors_alone(book):
    turns, vectors, coding = synthetic()
    model = train_supervised(turns, coding, book, vectors=vectors, features="vectors")
    assert model.features == "vectors" and model.vectorizer is None
    row = model.cv.set_index("code").loc["housing"]
    assert row["positives"] == N // 2 and row["f1"] >= 0.9
    test_turns, test_vectors, _ = synthetic(seed=1)
    from pipeline.coding.supervised import turn_probabilities

    probability = turn_probabilities(model, test_turns["text"].tolist(), test_vectors)["housing"]
    assert (probability[::2] > 0.5).all() and (probability[1::2] < 0.5).all()


def test_tfidf_cannot_learn_what_only_the_vectors_hold(book):
    turns, vectors, coding = synthetic()
    tfidf = train_supervised(turns, coding, book, features="tfidf")
    vecs = train_supervised(turns, coding, book, vectors=vectors, features="both")
    f1 = lambda m: m.cv.set_index("code").loc["housing", "f1"]  # noqa: E731
    assert f1(vecs) > f1(tfidf) + 0.3


def test_a_code_with_too_few_examples_is_reported_and_left_to_the_other_coders(book):
    turns, vectors, coding = synthetic()
    model = train_supervised(turns, coding, book, vectors=vectors, features="vectors")
    assert "housing-damp" in model.skipped and "housing-damp" not in model.classifiers
    report = cv_report(model).set_index("code")
    assert report.loc["housing", "status"] == "trained"
    assert report.loc["housing-damp", "positives"] == 2
    assert "too few examples" in report.loc["housing-damp", "status"]
    assert "left to the other coders" in report.loc["housing-damp", "status"]
    section = "\n".join(supervised_section(cv_report(model)))
    assert "## The analyst's model" in section and "| housing-damp | 2 |  |  |  | too few examples" in section


def test_vector_features_need_the_vectors(book):
    turns, _, coding = synthetic()
    with pytest.raises(ConfigError, match="coding.supervised.features"):
        train_supervised(turns, coding, book, features="vectors")
    with pytest.raises(ConfigError, match="unknown features"):
        train_supervised(turns, coding, book, features="words")


UNITS = pd.DataFrame({"transcript_id": ["t"] * 3, "turn": [1, 2, 3], "unit": [0, 0, 0], "text": ["a", "b", "c"]})


def probabilities(values: dict[tuple[int, str], float]) -> pd.DataFrame:
    return pd.DataFrame([{"transcript_id": "t", "turn": t, "code": c, "probability": p} for (t, c), p in values.items()])


def test_the_model_overrides_the_zero_shot_coders_only_where_confident(book):
    terms = turn_hits(UNITS, [Hit(0, "housing-damp", 0.6, ("damp",)), Hit(1, "housing", 0.6, ("landlord",)),
                              Hit(2, "language", 0.6, ("ESOL",))], book, "terms")
    supervised = turn_hits(UNITS, [Hit(2, "housing", 0.91, ())], book, "supervised")
    p = probabilities({(1, "housing"): 0.05, (2, "housing"): 0.35, (3, "housing"): 0.91})
    settings = {"combine": "vote", "min_votes": 2, "supervised": {"remove_threshold": 0.2}}
    table = combine({"terms": terms, "supervised": supervised}, settings, probabilities=p)
    kept = sorted((r.turn, r.code, r.method) for r in table.itertuples())
    # turn 1: the model is sure there is no housing, so the damp sub-code goes too;
    # turn 2: unsure (0.35), so vote decides: one coder is not enough;
    # turn 3: sure of housing, which vote alone would have refused; language has no classifier, so vote
    # decides it as before (one coder: refused).
    assert kept == [(3, "housing", "supervised")]
    table = combine({"terms": terms, "supervised": supervised}, {"combine": "any", "supervised": {}}, probabilities=p)
    assert sorted((r.turn, r.code) for r in table.itertuples()) == [(2, "housing"), (3, "housing"), (3, "language")]
    table = combine({"terms": terms, "supervised": supervised}, {"combine": "any", "supervised": {"override": False}},
                    probabilities=p)
    assert (1, "housing-damp") in {(r.turn, r.code) for r in table.itertuples()}


def test_a_denial_stays_whatever_the_model_says(book):
    terms = turn_hits(UNITS, [Hit(0, "housing", 0.6, ("damp",), "negated")], book, "terms")
    table = combine({"terms": terms}, {"combine": "any"}, probabilities=probabilities({(1, "housing"): 0.01}))
    assert [(r.code, r.polarity, r.counted) for r in table.itertuples()] == [("housing", "negated", False)]


def test_thresholds_are_checked():
    assert supervised_settings({})["features"] == "both"
    with pytest.raises(ConfigError, match="remove_threshold"):
        supervised_settings({"supervised": {"add_threshold": 0.4, "remove_threshold": 0.5}})


def embeddings_for(turns: pd.DataFrame, vectors: np.ndarray) -> UnitEmbeddings:
    """Unit embeddings whose units all carry their turn's vector (turns here are one unit each)."""
    units = split_units(turns)
    row = {int(t): i for i, t in enumerate(turns["turn"])}
    return UnitEmbeddings(turn=units["turn"].to_numpy(), unit=units["unit"].to_numpy(),
                          vectors=np.stack([vectors[row[int(t)]] for t in units["turn"]]).astype(np.float32),
                          backend="test")


def test_code_turns_uses_the_cached_vectors_and_codes_a_turn_the_terms_miss(book):
    turns, vectors, coding = synthetic()
    emb = embeddings_for(turns, vectors)
    assert np.allclose(turn_vectors(turns, emb)[0], vectors[0] / np.linalg.norm(vectors[0]), atol=1e-5)
    model = train_supervised(turns, coding, book, vectors=turn_vectors(turns, emb), features="vectors")
    coded = code_turns(turns, book, {"coders": ["terms", "supervised"], "training": "x.csv"},
                       unit_embeddings=emb, supervised_model=model)
    found = set(coded.loc[coded["code"] == "housing", "turn"])
    assert found == set(range(1, N + 1, 2)) and set(coded["method"]) == {"supervised"}


def test_train_coder_writes_the_cv_table_and_code_uses_the_model(tmp_path, repo_root):
    turns, vectors, coding = synthetic()
    turns_path, emb_path = tmp_path / "anonymised" / "s.parquet", tmp_path / "embeddings" / "s.npz"
    turns_path.parent.mkdir()
    emb_path.parent.mkdir()
    turns.to_parquet(turns_path, index=False)
    save_unit_embeddings(embeddings_for(turns, vectors), emb_path)
    coding_path = tmp_path / "analyst.csv"
    coding.to_csv(coding_path, index=False)
    cv_path, model_path = tmp_path / "supervised_cv.csv", tmp_path / "supervised.joblib"
    assert run(["train-coder", str(coding_path), "--turns", str(turns_path), "--embeddings", str(emb_path),
                "--codebook", str(repo_root / MINIMAL), "--features", "vectors", "--cv-output", str(cv_path),
                "-o", str(model_path)]) == 0
    cv = pd.read_csv(cv_path).set_index("code")
    assert list(cv.columns) == ["positives", "precision", "recall", "f1", "status"]
    assert cv.loc["housing", "f1"] >= 0.9 and cv.loc["housing-damp", "status"].startswith("too few examples")
    coded_path = tmp_path / "coded.parquet"
    settings = json.dumps({"coding": {"coders": ["supervised"], "training": str(coding_path)}, "embedding": {}})
    assert run(["code", str(turns_path), "--codebook", str(repo_root / MINIMAL), "--embeddings", str(emb_path),
                "--model", str(model_path), "--settings", settings, "-o", str(coded_path)]) == 0
    coded = pd.read_parquet(coded_path)
    assert set(coded["turn"]) == set(range(1, N + 1, 2))
    assert run(["train-coder", str(coding_path), "--turns", str(turns_path), "--codebook", str(repo_root / MINIMAL),
                "--features", "vectors", "-o", str(tmp_path / "m.joblib")]) != 0


def test_the_rules_read_the_cached_vectors_only_when_the_supervised_coder_uses_them():
    from pipeline.coding.rule_inputs import supervised_options, supervised_vectors_on

    def config(coders, supervised=None):
        return {"coding": {"coders": coders, **({"supervised": supervised} if supervised is not None else {})}}

    assert supervised_vectors_on(config(["terms", "supervised"]))
    assert not supervised_vectors_on(config(["terms", "supervised"], {"features": "tfidf"}))
    assert not supervised_vectors_on(config(["terms", "semantic"]))
    assert supervised_options(config(["supervised"], {"features": "vectors", "add_threshold": 0.7})) == {
        "features": "vectors", "add_threshold": 0.7}
