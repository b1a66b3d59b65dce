"""Integrity of the independent held-out gold set (tests/data/coding-fresh*.csv); no coder is run here."""

from __future__ import annotations

import pandas as pd
import pytest

THEMES = {
    "housing", "language", "discrimination", "trust-in-services", "employment", "education",
    "health-wellbeing", "immigration-status", "information-advice", "community-belonging",
}
CORE = ["housing", "language", "discrimination", "trust-in-services"]
SESSIONS = {
    "fresh-roma-mothers-a": 38, "fresh-housing-providers-b": 36, "fresh-syrian-families-c": 36,
    "fresh-eu-workers-d": 35, "fresh-young-people-e": 35, "fresh-mixed-estate-f": 36,
}


@pytest.fixture(scope="module")
def turns(repo_root) -> pd.DataFrame:
    return pd.read_csv(repo_root / "tests/data/coding-fresh-turns.csv")


@pytest.fixture(scope="module")
def codes(repo_root) -> pd.DataFrame:
    return pd.read_csv(repo_root / "tests/data/coding-fresh.csv")


def test_turns_file_has_the_six_sessions_numbered_from_one(turns):
    assert list(turns.columns) == ["transcript_id", "turn", "speaker", "role", "text"]
    assert len(turns) == 216
    assert turns.groupby("transcript_id").size().to_dict() == SESSIONS
    for _, group in turns.groupby("transcript_id"):
        assert group["turn"].tolist() == list(range(1, len(group) + 1))
    assert set(turns["role"]) == {"facilitator", "interpreter", "community", "provider"}
    assert turns["text"].str.split().str.len().between(5, 80).all()


def test_every_code_is_a_theme_on_an_existing_turn(turns, codes):
    assert list(codes.columns) == ["transcript_id", "turn", "code"]
    assert set(codes["code"]) == THEMES
    existing = set(zip(turns["transcript_id"], turns["turn"]))
    assert set(zip(codes["transcript_id"], codes["turn"])) <= existing
    assert not codes.duplicated().any()
    assert list(codes.itertuples(index=False)) == sorted(codes.itertuples(index=False))


def test_core_themes_have_enough_positives_and_many_turns_stay_uncoded(turns, codes):
    per_theme = codes["code"].value_counts()
    assert {theme: int(per_theme[theme]) for theme in CORE} == {
        "housing": 38, "language": 34, "discrimination": 33, "trust-in-services": 41}
    assert all(per_theme[theme] >= 30 for theme in CORE)
    assert len(codes) == 224
    uncoded = len(turns) - codes[["transcript_id", "turn"]].drop_duplicates().shape[0]
    assert uncoded == 42


def test_hard_negatives_stay_uncoded(turns, codes):
    coded = set(zip(codes["transcript_id"], codes["turn"]))
    text = dict(zip(zip(turns["transcript_id"], turns["turn"]), turns["text"]))
    denial = ("fresh-roma-mothers-a", 7)
    bus = ("fresh-mixed-estate-f", 30)
    assert text[denial] == "Me, I never had trouble with my landlord. He is okay."
    assert text[bus].startswith("The 17 used to come every ten minutes")
    assert denial not in coded and bus not in coded
