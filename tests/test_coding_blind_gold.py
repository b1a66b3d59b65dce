"""Integrity of the blind held-out gold set (tests/data/coding-blind*.csv); no coder is run here."""

from __future__ import annotations

import pandas as pd
import pytest

THEMES = {
    "housing", "language", "discrimination", "trust-in-services", "employment", "education",
    "health-wellbeing", "immigration-status", "information-advice", "community-belonging",
}
CORE = ["housing", "language", "discrimination", "trust-in-services"]


@pytest.fixture(scope="module")
def turns(repo_root) -> pd.DataFrame:
    return pd.read_csv(repo_root / "tests/data/coding-blind-turns.csv")


@pytest.fixture(scope="module")
def codes(repo_root) -> pd.DataFrame:
    return pd.read_csv(repo_root / "tests/data/coding-blind.csv")


def test_turns_file_has_seven_sessions_numbered_from_one(turns):
    assert list(turns.columns) == ["transcript_id", "turn", "speaker", "role", "text"]
    assert len(turns) == 298
    assert turns["transcript_id"].nunique() == 7
    for _, group in turns.groupby("transcript_id"):
        assert group["turn"].tolist() == list(range(1, len(group) + 1))
    assert set(turns["role"]) == {"facilitator", "interpreter", "community", "provider"}
    assert turns["text"].str.strip().str.len().gt(0).all()


def test_every_code_is_a_theme_on_an_existing_turn(turns, codes):
    assert list(codes.columns) == ["transcript_id", "turn", "code"]
    assert set(codes["code"]) == THEMES
    existing = set(zip(turns["transcript_id"], turns["turn"]))
    assert set(zip(codes["transcript_id"], codes["turn"])) <= existing
    assert not codes.duplicated().any()
    assert list(codes.itertuples(index=False)) == sorted(codes.itertuples(index=False))


def test_core_themes_have_at_least_forty_positives_and_many_turns_stay_uncoded(turns, codes):
    per_theme = codes["code"].value_counts()
    assert {theme: int(per_theme[theme]) for theme in CORE} == {
        "housing": 55, "language": 50, "discrimination": 50, "trust-in-services": 70}
    assert len(codes) == 376
    uncoded = len(turns) - codes[["transcript_id", "turn"]].drop_duplicates().shape[0]
    assert uncoded == 47


@pytest.mark.parametrize(
    ("turn", "theme"),
    [(("blind-05", 6), "discrimination"), (("blind-03", 7), "language"), (("blind-04", 2), "trust-in-services")],
)
def test_listed_hard_negatives_are_not_coded_with_their_theme(codes, turn, theme):
    coded = set(zip(codes["transcript_id"], codes["turn"], codes["code"]))
    assert (*turn, theme) not in coded
