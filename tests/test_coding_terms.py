"""The terms coder: lemmas, phrases, wildcards, regexes, and negated or hypothetical mentions."""

from __future__ import annotations

import pytest

from pipeline.codebook import load_codebook
from pipeline.coding.lemmas import Lemmatiser, load_lemmatiser, strip_suffix
from pipeline.coding.polarity import polarity_at
from pipeline.coding.terms import TermsCoder, term_score


@pytest.fixture(scope="module")
def coder(repo_root):
    return TermsCoder(load_codebook(repo_root / "tests/fixtures/codebooks/valid-minimal.codebook.yaml"))


def found(coder, text):
    return {(h.code, h.evidence, h.polarity) for h in coder.code_units([text])}


@pytest.mark.parametrize("text", ["The landlord came.", "Landlords here are bad.", "It was the landlord's fault."])
def test_a_lemma_term_matches_its_inflections(coder, text):
    assert found(coder, text) == {("housing", ("landlord",), "affirmed")}


def test_a_phrase_matches_across_inflection(coder):
    assert found(coder, "There are black moulds on every wall.") == {("housing", ("black mould",), "affirmed")}
    assert found(coder, "The mould is black.") == set()


def test_a_wildcard_matches_a_word_prefix(coder):
    assert found(coder, "They evicted us in May.") == {("housing", ("evict*",), "affirmed")}
    assert found(coder, "Eviction is what we fear.") == {("housing", ("evict*",), "affirmed")}


def test_a_regex_matches_case_insensitively(coder):
    assert found(coder, "We got a Section 21 notice.") == {("housing", (r"\bsection 21\b",), "affirmed")}


def test_sub_codes_are_found_with_their_own_id(coder):
    assert found(coder, "So much damp.") == {("housing-damp", ("damp",), "affirmed")}


@pytest.mark.parametrize(
    "text",
    ["We have no problem with the landlord.", "We never had damp in this flat.",
     "Honestly, damp is not a problem for us.", "We've never had any trouble with the landlord."],
)
def test_a_denied_problem_is_negated(coder, text):
    (hit,) = coder.code_units([text])
    assert hit.polarity == "negated"


@pytest.mark.parametrize(
    "text",
    ["There is no interpreter at the surgery.", "The landlord never fixed the damp.",
     "We do not have ESOL classes nearby.", "Nobody listened and the damp got worse."],
)
def test_a_missing_resource_or_a_failure_is_affirmed(coder, text):
    assert {h.polarity for h in coder.code_units([text])} == {"affirmed"}


@pytest.mark.parametrize("text", ["If we were evicted, where would we go?", "What would happen if the landlord sold it?"])
def test_a_hypothetical_is_recorded_as_such(coder, text):
    (hit,) = coder.code_units([text])
    assert hit.polarity == "hypothetical"


def test_an_affirmed_mention_beats_a_denied_one_in_the_same_unit(coder):
    (hit,) = coder.code_units(["No problem with the landlord at first. Then the landlord doubled the rent."])
    assert hit.polarity == "affirmed"


def test_score_grows_with_distinct_terms(coder):
    (hit,) = coder.code_units(["The landlord threatened a section 21 and then evicted us."])
    assert hit.evidence == (r"\bsection 21\b", "evict*", "landlord")
    assert hit.score == term_score(3) == 0.936


def test_units_keep_their_index(coder):
    hits = coder.code_units(["Nothing here.", "An interpreter, please.", "Again nothing."])
    assert [(h.unit, h.code) for h in hits] == [(1, "language")]


def test_polarity_window_stops_at_a_sentence_end():
    lemmas = "if we go . the landlord be bad".split()
    assert polarity_at(lemmas, 5, 6) == "affirmed"
    assert polarity_at("if the landlord sell".split(), 2, 3) == "hypothetical"


def test_suffix_fallback_is_applied_to_terms_and_text_alike(blank_nlp, repo_root):
    lemmatiser = Lemmatiser(blank_nlp, "suffix")
    coder = TermsCoder(load_codebook(repo_root / "tests/fixtures/codebooks/valid-minimal.codebook.yaml"),
                       lemmatiser=lemmatiser)
    assert found(coder, "Landlords and interpreters") == {("housing", ("landlord",), "affirmed"),
                                                         ("language", ("interpreter",), "affirmed")}
    assert [strip_suffix(w) for w in ["landlords", "landlord's", "evicted", "parties", "class"]] == [
        "landlord", "landlord", "evict", "party", "class"]


def test_the_offline_lemmatiser_is_the_lookup_table_here():
    lemmatiser = load_lemmatiser("no_such_model_installed")
    _, lowers, lemmas, starts = next(lemmatiser.analyse(["Children went to the Landlords"]))
    assert lemmatiser.strategy == "lookup"
    assert lemmas == ["child", "go", "to", "the", "landlord"]
    assert lowers[0] == "children" and starts == [0, 9, 14, 17, 21]
