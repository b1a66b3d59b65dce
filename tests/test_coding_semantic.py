"""The semantic coder with a tiny fake embedding backend (no model is loaded here)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from pipeline.codebook import load_codebook
from pipeline.coding.run import code_turns, unit_vectors
from pipeline.coding.semantic import SemanticCoder, code_thresholds, embed_codebook, load_codebook_embeddings, save_codebook_embeddings
from pipeline.errors import InputError

WORDS = ["landlord", "damp", "rooms", "english", "interpreter", "weather"]


class KeywordBackend:
    """One dimension per keyword: similar texts share keywords. Rows L2-normalised, like a real backend."""

    name = "keywords"

    def embed(self, texts):
        rows = np.array([[float(w in t.lower()) for w in WORDS] + [0.1] for t in texts], dtype=np.float32)
        return rows / np.linalg.norm(rows, axis=1, keepdims=True)


@pytest.fixture(scope="module")
def book(repo_root):
    return load_codebook(repo_root / "tests/fixtures/codebooks/valid-minimal.codebook.yaml")


def test_codebook_embeddings_round_trip_and_check_the_version(book, tmp_path):
    emb = embed_codebook(book, KeywordBackend())
    assert emb.code.tolist() == ["housing", "housing-damp", "housing-overcrowding", "housing-overcrowding", "language"]
    save_codebook_embeddings(emb, tmp_path / "codebook.npz")
    again = load_codebook_embeddings(tmp_path / "codebook.npz", book)
    assert np.array_equal(again.vectors, emb.vectors) and again.backend == "keywords"
    emb.codebook_sha256 = "0" * 64
    save_codebook_embeddings(emb, tmp_path / "stale.npz")
    with pytest.raises(InputError, match="another version of the codebook"):
        load_codebook_embeddings(tmp_path / "stale.npz", book)


def test_scores_are_the_best_text_per_code_and_evidence_is_that_text(book):
    backend = KeywordBackend()
    coder = SemanticCoder(book, embed_codebook(book, backend), {"semantic_threshold": 0.5, "semantic_top_k": 0})
    hits = coder.code_units(["the landlord", "so much damp", "lovely weather"],
                            backend.embed(["the landlord", "so much damp", "lovely weather"]))
    assert [(h.unit, h.code, h.evidence) for h in hits] == [
        (0, "housing", ("Housing: Homes and landlords.",)),
        (1, "housing-damp", ("Damp: Damp and mould.",))]
    assert hits[1].score == pytest.approx(1.0, abs=0.001)  # both are (damp, 0.1) once normalised


def test_threshold_from_the_codebook_unless_config_overrides_it(book):
    emb = embed_codebook(book, KeywordBackend())
    assert SemanticCoder(book, emb, {}).threshold == 0.45
    assert SemanticCoder(book, emb, {"semantic_threshold": 0.7}).threshold == 0.7


def test_a_code_threshold_is_its_own_else_its_ancestors_else_the_codebooks(repo_root):
    book = load_codebook(repo_root / "tests/fixtures/codebooks/code-semantic-threshold.codebook.yaml")
    assert code_thresholds(book, 0.6) == {"housing": 0.8, "housing-damp": 0.5, "housing-overcrowding": 0.8,
                                          "language": 0.6}
    emb = embed_codebook(book, KeywordBackend())
    # config's coding.semantic_threshold replaces the codebook-wide value only, not a code's own.
    coder = SemanticCoder(book, emb, {"semantic_threshold": 0.3})
    assert coder._theme_threshold.tolist() == pytest.approx([0.8, 0.3])
    assert coder._code_threshold.tolist() == pytest.approx([0.8, 0.5, 0.8, 0.3])


def test_a_theme_below_its_own_threshold_is_not_coded_while_others_use_the_codebooks(repo_root):
    book = load_codebook(repo_root / "tests/fixtures/codebooks/code-semantic-threshold.codebook.yaml")
    backend = KeywordBackend()
    coder = SemanticCoder(book, embed_codebook(book, backend), {"semantic_pool": 1, "semantic_top_k": 0})
    texts = ["the landlord", "the landlord and the damp", "she speaks english"]
    hits = coder.code_units(texts, backend.embed(texts))
    # Unit 1 is 0.71 from the housing and damp definitions: above the codebook's 0.6, below housing's 0.8.
    # Unit 2 is 0.71 from the language definition, which has no threshold of its own, so 0.6 applies.
    assert [(h.unit, h.code) for h in hits] == [(0, "housing"), (2, "language")]
    assert hits[1].score == pytest.approx(0.71, abs=0.01)


def test_a_pooled_theme_needs_a_unit_near_two_of_its_texts(book):
    backend = KeywordBackend()
    emb = embed_codebook(book, backend)
    texts = ["the landlord", "the landlord and the damp"]
    vectors = backend.embed(texts)
    single = SemanticCoder(book, emb, {"semantic_threshold": 0.6, "semantic_pool": 1})
    pooled = SemanticCoder(book, emb, {"semantic_threshold": 0.6, "semantic_pool": 2})
    # "the landlord" is 1.0 from the housing definition but about 0.1 from every other housing text.
    assert pooled.theme_scores(vectors)[:, 0] == pytest.approx([0.55, 0.71], abs=0.01)
    assert [(h.unit, h.code) for h in single.code_units(texts, vectors)] == [
        (0, "housing"), (1, "housing"), (1, "housing-damp")]
    assert [(h.unit, h.code) for h in pooled.code_units(texts, vectors)] == [(1, "housing"), (1, "housing-damp")]
    assert SemanticCoder(book, emb, {}).pool == 2


def test_code_turns_with_cached_unit_vectors(book):
    from pipeline.embeddings import UnitEmbeddings

    turns = pd.DataFrame({"transcript_id": ["t", "t"], "turn": [1, 2],
                          "text": ["Our landlord ignores the damp.", "We never had damp."]})
    backend = KeywordBackend()
    vectors = backend.embed(turns["text"].tolist())
    cached = UnitEmbeddings(turn=np.array([1, 2]), unit=np.array([0, 0]), vectors=vectors, backend="keywords")
    coded = code_turns(turns, book, {"coders": ["terms", "semantic"], "semantic_threshold": 0.6, "semantic_pool": 1},
                       unit_embeddings=cached, codebook_embeddings=embed_codebook(book, backend))
    assert [(r.turn, r.code, r.method, r.polarity, r.counted) for r in coded.itertuples()] == [
        (1, "housing", "terms+semantic", "affirmed", True),
        (1, "housing-damp", "terms+semantic", "affirmed", True),
        (2, "housing-damp", "terms+semantic", "negated", False)]


def test_stale_unit_vectors_are_refused():
    from pipeline.embeddings import UnitEmbeddings

    units = pd.DataFrame({"transcript_id": ["t"] * 2, "turn": [1, 2], "unit": [0, 0], "text": ["a", "b"]})
    cached = UnitEmbeddings(turn=np.array([1]), unit=np.array([0]), vectors=np.zeros((1, 3), np.float32), backend="x")
    with pytest.raises(InputError, match="holds 1 units but the turns split into 2"):
        unit_vectors(units, cached, "results/embeddings/t.npz")
