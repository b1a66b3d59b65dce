"""Integrity of the held-out gold sets, fresh, blind and formal (tests/data/coding-{fresh,blind,formal}*.csv);
no coder is run here. README-fresh.md, README-blind.md and README-formal.md say how each was made."""

from __future__ import annotations

import hashlib

import pandas as pd
import pytest

THEMES = {
    "housing", "language", "discrimination", "trust-in-services", "employment", "education",
    "health-wellbeing", "immigration-status", "information-advice", "community-belonging",
}
ROLES = {"facilitator", "interpreter", "community", "provider"}
CORE = ("housing", "language", "discrimination", "trust-in-services")
# Per set: turns, (turn, theme) codes, turns with no theme, positives per core theme.
EXPECTED = {
    "fresh": (216, 224, 42, {"housing": 38, "language": 34, "discrimination": 33, "trust-in-services": 41}),
    "blind": (298, 376, 47, {"housing": 55, "language": 50, "discrimination": 50, "trust-in-services": 70}),
    "formal": (480, 520, 98, {"housing": 100, "language": 75, "discrimination": 69, "trust-in-services": 82}),
}
# The formal-register set is written documents: no interpreter speaks in them.
ROLES_OF = {"fresh": ROLES, "blind": ROLES, "formal": ROLES - {"interpreter"}}
# Frozen before any coder was scored on it (README-formal.md); a changed byte means a changed set.
FORMAL_SHA256 = {
    "coding-formal-turns.csv": "e0f8822941550adb4591f0a272fda20bc28e4f7fecd61d8d73f253c528d0403b",
    "coding-formal.csv": "9d107995f0ab21c98a57c49cc931f27091cabe5b6fabe2b286bcb2d823fdf786",
}
FORMAL_DOCUMENTS = {
    "formal-annual-equality-report": 28, "formal-childrens-services-letters": 24, "formal-commissioning-plan": 28,
    "formal-community-safety-plan": 26, "formal-complaint-responses": 28, "formal-consultation-responses": 28,
    "formal-council-housing-strategy": 30, "formal-gp-practice-letters": 24, "formal-housing-officer-letters": 26,
    "formal-inclusive-economy-strategy": 24, "formal-inspection-report": 28, "formal-manifesto-lines": 28,
    "formal-parliamentary-statement": 24, "formal-partnership-board-minutes": 30, "formal-school-letters": 26,
    "formal-scrutiny-committee-minutes": 30, "formal-status-letters": 24, "formal-written-representations": 24,
}
FRESH_SESSIONS = {
    "fresh-roma-mothers-a": 38, "fresh-housing-providers-b": 36, "fresh-syrian-families-c": 36,
    "fresh-eu-workers-d": 35, "fresh-young-people-e": 35, "fresh-mixed-estate-f": 36,
}


@pytest.fixture(scope="module", params=sorted(EXPECTED))
def gold(request, repo_root) -> tuple[str, pd.DataFrame, pd.DataFrame]:
    name = request.param
    return (name, pd.read_csv(repo_root / f"tests/data/coding-{name}-turns.csv"),
            pd.read_csv(repo_root / f"tests/data/coding-{name}.csv"))


def test_turns_are_numbered_from_one_in_every_session(gold):
    name, turns, _ = gold
    assert list(turns.columns) == ["transcript_id", "turn", "speaker", "role", "text"]
    for _, group in turns.groupby("transcript_id"):
        assert group["turn"].tolist() == list(range(1, len(group) + 1))
    assert set(turns["role"]) == ROLES_OF[name]
    assert turns["text"].str.strip().str.len().gt(0).all()


def test_every_code_is_a_theme_on_an_existing_turn(gold):
    _, turns, codes = gold
    assert list(codes.columns) == ["transcript_id", "turn", "code"]
    assert set(codes["code"]) == THEMES
    existing = set(zip(turns["transcript_id"], turns["turn"]))
    assert set(zip(codes["transcript_id"], codes["turn"])) <= existing
    assert not codes.duplicated().any()
    assert list(codes.itertuples(index=False)) == sorted(codes.itertuples(index=False))


def test_counts_are_those_the_readme_gives(gold):
    name, turns, codes = gold
    n_turns, n_codes, n_uncoded, core = EXPECTED[name]
    per_theme = codes["code"].value_counts()
    assert len(turns) == n_turns
    assert len(codes) == n_codes
    assert {theme: int(per_theme[theme]) for theme in core} == core
    assert len(turns) - codes[["transcript_id", "turn"]].drop_duplicates().shape[0] == n_uncoded


def test_fresh_set_sessions_and_turn_lengths(repo_root):
    turns = pd.read_csv(repo_root / "tests/data/coding-fresh-turns.csv")
    assert turns.groupby("transcript_id").size().to_dict() == FRESH_SESSIONS
    assert turns["text"].str.split().str.len().between(5, 80).all()


def test_formal_set_is_the_frozen_one(repo_root):
    for name, digest in FORMAL_SHA256.items():
        assert hashlib.sha256((repo_root / "tests/data" / name).read_bytes()).hexdigest() == digest


def test_formal_set_is_large_enough_in_documents_and_core_themes(repo_root):
    turns = pd.read_csv(repo_root / "tests/data/coding-formal-turns.csv")
    codes = pd.read_csv(repo_root / "tests/data/coding-formal.csv")
    assert turns["transcript_id"].str.startswith("formal-").all()
    assert turns.groupby("transcript_id").size().to_dict() == FORMAL_DOCUMENTS
    assert len(turns) >= 400
    per_theme = codes["code"].value_counts()
    assert all(per_theme[theme] >= 60 for theme in CORE)
    assert set(per_theme.index) == THEMES
    # Units with two or more themes, and units with none, are both part of the set.
    per_unit = codes.groupby(["transcript_id", "turn"]).size()
    assert (per_unit >= 2).sum() >= 100
    assert len(turns) - len(per_unit) >= 80


def test_blind_set_has_seven_sessions(repo_root):
    assert pd.read_csv(repo_root / "tests/data/coding-blind-turns.csv")["transcript_id"].nunique() == 7


@pytest.mark.parametrize(
    ("name", "turn", "theme", "text_start"),
    [
        ("fresh", ("fresh-roma-mothers-a", 7), None, "Me, I never had trouble with my landlord. He is okay."),
        ("fresh", ("fresh-mixed-estate-f", 30), None, "The 17 used to come every ten minutes"),
        ("blind", ("blind-05", 6), "discrimination", ""),
        ("blind", ("blind-03", 7), "language", ""),
        ("blind", ("blind-04", 2), "trust-in-services", ""),
        ("formal", ("formal-annual-equality-report", 15), None, "No complaints of racial discrimination"),
        ("formal", ("formal-consultation-responses", 9), None, "I would like to see more buses"),
        ("formal", ("formal-complaint-responses", 3), "language", "Having reviewed the body-worn camera"),
        ("formal", ("formal-childrens-services-letters", 2), None, "A social worker, Ms R. Tennant"),
        ("formal", ("formal-parliamentary-statement", 1), None, "Order. Statement: the Minister for Housing"),
    ],
)
def test_listed_hard_negatives_are_not_coded(repo_root, name, turn, theme, text_start):
    turns = pd.read_csv(repo_root / f"tests/data/coding-{name}-turns.csv")
    codes = pd.read_csv(repo_root / f"tests/data/coding-{name}.csv")
    text = dict(zip(zip(turns["transcript_id"], turns["turn"]), turns["text"]))
    assert text[turn].startswith(text_start)
    coded = codes[(codes["transcript_id"] == turn[0]) & (codes["turn"] == turn[1])]["code"]
    assert (coded.empty if theme is None else theme not in set(coded))
