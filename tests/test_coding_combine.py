"""From unit hits to rows per (turn, code), and the combination rules."""

from __future__ import annotations

import pandas as pd
import pytest

from pipeline.codebook import load_codebook
from pipeline.coding import Hit
from pipeline.coding.combine import combine, turn_hits
from pipeline.errors import ConfigError
from pipeline.turns import CODED_COLUMNS


@pytest.fixture(scope="module")
def book(repo_root):
    return load_codebook(repo_root / "tests/fixtures/codebooks/valid-minimal.codebook.yaml")


UNITS = pd.DataFrame({"transcript_id": ["t"] * 4, "turn": [1, 1, 2, 3], "unit": [0, 1, 0, 0],
                      "text": ["a", "b", "c", "d"]})


def rows(table):
    return sorted((r.turn, r.code, r.method, r.polarity, r.counted) for r in table.itertuples())


def test_turn_hits_keep_the_best_unit_and_count_turns(book):
    hits = [Hit(0, "housing", 0.6, ("landlord",), "negated"), Hit(1, "housing", 0.84, ("damp", "mould"))]
    table = turn_hits(UNITS, hits, book, "terms")
    assert table.to_dict("records") == [{"transcript_id": "t", "turn": 1, "code": "housing", "theme": "housing",
                                         "score": 0.84, "method": "terms", "evidence": ["damp", "mould"],
                                         "polarity": "affirmed"}]


def test_turn_hits_prefer_an_affirmed_unit_over_a_higher_scoring_denial(book):
    hits = [Hit(0, "housing", 0.94, ("a", "b", "c"), "negated"), Hit(1, "housing", 0.6, ("d",))]
    (row,) = turn_hits(UNITS, hits, book, "terms").to_dict("records")
    assert (row["score"], row["evidence"], row["polarity"]) == (0.6, ["d"], "affirmed")


@pytest.fixture
def per_coder(book):
    terms = turn_hits(UNITS, [Hit(0, "housing-damp", 0.6, ("damp",)), Hit(2, "language", 0.6, ("ESOL",), "negated"),
                              Hit(3, "housing", 0.6, ("evict*",), "hypothetical")], book, "terms")
    semantic = turn_hits(UNITS, [Hit(0, "housing-damp", 0.5, ("Damp and mould.",)),
                                 Hit(2, "language", 0.7, ("English and interpreters.",)),
                                 Hit(3, "language", 0.46, ("English and interpreters.",))], book, "semantic")
    return {"terms": terms, "semantic": semantic}


def test_any_merges_methods_and_a_denial_vetoes_the_theme(per_coder):
    table = combine(per_coder, {"combine": "any"})
    assert list(table.columns) == CODED_COLUMNS
    assert rows(table) == [(1, "housing-damp", "terms+semantic", "affirmed", True),
                           (2, "language", "terms+semantic", "negated", False),
                           (3, "housing", "terms", "hypothetical", True),
                           (3, "language", "semantic", "affirmed", True)]
    merged = table[table["turn"] == 1].iloc[0]
    assert merged["evidence"] == "damp | Damp and mould." and merged["score"] == 0.6


def test_hypotheticals_can_be_left_uncounted(per_coder):
    table = combine(per_coder, {"combine": "any", "count_hypothetical": False})
    assert table.loc[table["code"] == "housing", "counted"].tolist() == [False]


def test_terms_then_semantic_leaves_turns_with_terms_to_the_terms_coder(per_coder):
    assert rows(combine(per_coder, {"combine": "terms_then_semantic"})) == [
        (1, "housing-damp", "terms", "affirmed", True), (2, "language", "terms", "negated", False),
        (3, "housing", "terms", "hypothetical", True)]


def test_vote_needs_two_coders(per_coder):
    assert [r[:2] for r in rows(combine(per_coder, {"combine": "vote", "min_votes": 2}))] == [
        (1, "housing-damp"), (2, "language")]


def test_weighted_keeps_themes_at_or_above_the_threshold(per_coder):
    table = combine(per_coder, {"combine": "weighted", "combine_threshold": 0.3,
                                "weights": {"terms": 1.0, "semantic": 1.0}})
    assert [(r[0], r[1]) for r in rows(table)] == [(1, "housing-damp"), (2, "language"), (3, "housing")]
    assert table.loc[table["turn"] == 1, "score"].tolist() == [0.55]


def test_an_unknown_rule_names_the_key(per_coder):
    with pytest.raises(ConfigError, match="unknown combination rule 'all'") as caught:
        combine(per_coder, {"combine": "all"})
    assert caught.value.key == "coding.combine"
