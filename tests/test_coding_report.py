"""The codebook refinement report."""

from __future__ import annotations

import pandas as pd
import pytest

from pipeline.codebook import load_codebook
from pipeline.coding.report import cooccurrence, refinement_markdown, refinement_table, sibling_overlaps, uncoded_sample

CODED = pd.DataFrame(
    [("t", 1, "housing", "housing", 0.6, "terms", "landlord", "affirmed", True),
     ("t", 1, "language", "language", 0.6, "terms", "interpreter", "affirmed", True),
     ("t", 2, "housing-damp", "housing", 0.6, "terms+semantic", "damp | Damp and mould.", "affirmed", True),
     ("t", 2, "housing-overcrowding", "housing", 0.5, "semantic", "Nine of us in two rooms.", "affirmed", True),
     ("t", 3, "housing", "housing", 0.6, "terms", "landlord", "negated", False),
     ("u", 1, "housing", "housing", 0.84, "terms", "landlord | evict*", "affirmed", True)],
    columns=["transcript_id", "turn", "code", "theme", "score", "method", "evidence", "polarity", "counted"])
TURNS = pd.DataFrame({"transcript_id": ["t", "t", "t", "t", "u", "u"], "turn": [1, 2, 3, 4, 1, 2],
                      "speaker": ["P01", "P01", "P02", "Facilitator 1", "P01", "P03"],
                      "role": ["community"] * 3 + ["facilitator", "community", "community"],
                      "text": ["a", "b", "c", "Shall we start?", "d", "We took the bus."]})


@pytest.fixture(scope="module")
def book(repo_root):
    return load_codebook(repo_root / "tests/fixtures/codebooks/valid-minimal.codebook.yaml")


def test_per_code_counts_participants_and_terms(book):
    table = refinement_table(CODED, TURNS, book).set_index("code")
    assert table.loc["housing", ["turns", "negated", "participants", "by_terms"]].tolist() == [2, 1, 2, 3]
    assert table.loc["housing", "top_terms"] == "landlord (3); evict* (1)"
    assert table.loc["housing", "unmatched_terms"] == "black mould; \\bsection 21\\b"
    assert table.loc["housing-overcrowding", ["turns", "by_semantic", "level"]].tolist() == [1, 1, "sub-code"]


def test_cooccurrence_and_sibling_overlap(book):
    pairs = cooccurrence(CODED)
    assert pairs.to_dict("records") == [{"a": "housing", "b": "language", "turns": 1, "jaccard": 0.333}]
    siblings = sibling_overlaps(CODED, book)
    assert siblings.to_dict("records") == [{"parent": "housing", "a": "housing-damp", "b": "housing-overcrowding",
                                            "turns": 1, "share_of_smaller": 1.0}]


def test_uncoded_sample_leaves_out_coded_and_facilitator_turns(book):
    sample = uncoded_sample(CODED, TURNS, 5)
    assert list(zip(sample["transcript_id"], sample["turn"])) == [("t", 3), ("u", 2)]
    markdown = refinement_markdown(book, refinement_table(CODED, TURNS, book), cooccurrence(CODED),
                                   sibling_overlaps(CODED, book), sample, TURNS)
    assert "| housing | theme | 2 | 2 | 1 | 0 | 3 / 0 / 0 | landlord (3); evict* (1) |" in markdown
    assert "- `u` turn 2, P03: We took the bus." in markdown
    assert "Codes with no counted turn: none" not in markdown
