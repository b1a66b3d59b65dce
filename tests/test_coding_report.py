"""The codebook refinement report."""

from __future__ import annotations

import pandas as pd
import pytest

from pipeline.codebook import load_codebook
from pipeline.coding.report import (cooccurrence, refinement_markdown, refinement_table, sibling_overlaps, term_flag_lines,
                                    term_flags, uncoded_sample)

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


def flag_coded() -> pd.DataFrame:
    """Housing in 8 turns: "landlord" alone in 5 of them (never near the theme for the semantic coder),
    "damp" in 3 turns the semantic coder also found; language once, by "interpreter" and the semantic coder."""
    rows = [("f", n, "housing", "housing", 0.6, "terms", "landlord", "affirmed", True) for n in range(1, 6)]
    rows += [("f", n, "housing-damp", "housing", 0.84, "terms+semantic", "damp | Damp and mould.", "affirmed", True)
             for n in range(6, 9)]
    rows += [("f", 9, "language", "language", 0.6, "terms+semantic", "interpreter | English and interpreters.",
              "affirmed", True)]
    return pd.DataFrame(rows, columns=CODED.columns)


def test_term_flags_name_terms_that_alone_decide_a_theme_and_sit_far_from_it(book):
    flags = term_flags(flag_coded(), book).set_index("term")
    landlord = flags.loc["landlord"]
    assert (landlord["hits"], landlord["decides"], landlord["theme_turns"], landlord["far_share"]) == (5, 5, 8, 1.0)
    assert landlord["flags"] == "alone decides 62 % of housing; mostly far from its definition"
    assert flags.loc["damp", "flags"] == ""  # too few hits, and near its theme
    assert flags.loc["damp", "far_share"] == 0.0
    lines = term_flag_lines(term_flags(flag_coded(), book))
    assert "| landlord | housing | 5 | 5 of 8 housing turns (62 %) | 100 % of hits | alone decides 62 % of housing; " \
           "mostly far from its definition |" in lines


def test_term_flags_without_the_semantic_coder_do_not_judge_nearness(book):
    coded = flag_coded().assign(method="terms")
    flags = term_flags(coded, book).set_index("term")
    assert pd.isna(flags.loc["landlord", "far_share"])
    assert flags.loc["landlord", "flags"] == "alone decides 62 % of housing"
    assert "The semantic coder did not run" in "\n".join(term_flag_lines(term_flags(coded, book)))
