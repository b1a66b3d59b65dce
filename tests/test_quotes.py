"""Which turns may be quoted for a theme, and how the quotes are balanced (pipeline.matrices.quotes)."""

from __future__ import annotations

import pandas as pd

from pipeline.matrices.quotes import exemplars, facilitator_prompts, format_quote

COLUMNS = ["transcript_id", "turn", "speaker", "role", "code", "theme", "score", "method", "evidence"]
LONG = "The landlord has not fixed the boiler since October and the children are cold every night."


def evidence(*rows: tuple) -> pd.DataFrame:
    return pd.DataFrame(list(rows), columns=COLUMNS)


def row(turn: int, speaker: str = "P01", role: str = "community", method: str = "terms+semantic",
        score: float = 0.84, evidence_text: str = "landlord | boiler | The heating broke.", t: str = "s") -> tuple:
    return (t, turn, speaker, role, "housing", "housing", score, method, evidence_text)


def refs(quotes: list[dict]) -> list[str]:
    return [q["ref"] for q in quotes]


def test_a_bare_reply_is_not_quoted_on_its_own():
    texts = {("s", 1): "Housing, definitely.", ("s", 2): LONG}
    quotes = exemplars(evidence(row(1), row(2, "P02")), texts, 3, 25)
    assert refs(quotes) == ["s#2"]


def test_a_short_reply_is_shown_after_the_facilitators_question():
    turns = pd.DataFrame({"transcript_id": ["s", "s"], "turn": [1, 2], "role": ["facilitator", "community"],
                          "text": ["Thank you. What is the biggest problem where you live?", "Housing, definitely."]})
    prompts = facilitator_prompts(turns)
    quotes = exemplars(evidence(row(2)), {("s", 2): "Housing, definitely."}, 3, 25, prompts=prompts)
    assert [(q["asked"], q["quote"]) for q in quotes] == [("What is the biggest problem where you live?",
                                                           "Housing, definitely.")]
    assert format_quote(quotes[0]).startswith("Asked “What is the biggest problem where you live?”: “Housing, definitely.”")


def test_an_address_only_turn_is_never_quoted_even_after_a_question():
    text = "I live at [ADDRESS_1], postcode [POSTCODE_1]."
    prompts = {("s", 1): "Where do you live?"}
    assert exemplars(evidence(row(1)), {("s", 1): text}, 3, 25, prompts=prompts) == []


def test_a_facilitators_turn_is_never_quoted():
    texts = {("s", 1): LONG}
    assert exemplars(evidence(row(1, "Facilitator 1", "facilitator")), texts, 3, 25) == []


def test_a_turn_only_one_coder_is_unsure_of_is_not_quoted():
    texts = {("s", 1): LONG, ("s", 2): LONG, ("s", 3): LONG}
    rows = evidence(row(1, method="terms", score=0.94, evidence_text="landlord | boiler | rent"),
                    row(2, "P02", method="semantic", score=0.5, evidence_text="The heating broke."),
                    row(3, "P03", method="semantic", score=0.62, evidence_text="The heating broke."))
    quotes = exemplars(rows, texts, 3, 25)
    assert refs(quotes) == ["s#3"]
    assert quotes[0]["why"] == "near: “The heating broke.” (0.62)"


def test_the_why_names_the_matched_terms_and_the_nearest_example():
    quotes = exemplars(evidence(row(1)), {("s", 1): LONG}, 1, 25)
    assert quotes[0]["why"] == "matched: landlord, boiler; near: “The heating broke.”"
    assert format_quote(quotes[0]).endswith("(P01, s#1; matched: landlord, boiler; near: “The heating broke.”)")


def test_quotes_come_from_two_participants_when_two_raised_it():
    # P01 is fluent: three sure turns, all surer than P02's one.
    texts = {("s", n): LONG for n in range(1, 5)}
    rows = evidence(row(1, score=0.94), row(2, score=0.94), row(3, score=0.94), row(4, "P02", score=0.6))
    quotes = exemplars(rows, texts, 2, 25)
    assert [q["speaker"] for q in quotes] == ["P01", "P02"]


def test_quotes_are_balanced_across_roles_community_first():
    texts = {("s", n): LONG for n in range(1, 7)}
    rows = evidence(row(1, "Provider 1", "provider"), row(2, "Provider 2", "provider"),
                    row(3, "Provider 3", "provider"), row(4, "P01", score=0.6), row(5, "P02", score=0.6))
    quotes = exemplars(rows, texts, 3, 25, prefer_role="community")
    assert [q["role"] for q in quotes] == ["community", "provider", "community"]
