"""Integrity of the frozen learning-curve coding set (tests/data/coding-curve*.csv, written by
tests/data/make_coding_curve.py); no coder is run here. README-curve.md says how the set was made."""

from __future__ import annotations

import hashlib
import importlib.util

import pandas as pd
import pytest

THEMES = {
    "housing", "language", "discrimination", "trust-in-services", "employment", "education",
    "health-wellbeing", "immigration-status", "information-advice", "community-belonging",
}
CORE = ["housing", "language", "discrimination", "trust-in-services"]
ROLES = {"facilitator", "interpreter", "community", "provider"}
SHA256 = {
    "coding-curve-turns.csv": "2864691fe3fc6c7567d32a6ddcf85d2f2de80c346da845be961a22ef060222d6",
    "coding-curve.csv": "9f2fd03d90cc3b56ee906f0b7014d1c7466ce88ecd5cb2aa664c7cdaa5824139",
}
# What README-curve.md gives: turns, (turn, theme) codes, turns with no theme, sessions, per theme.
EXPECTED = (870, 951, 186, 15, {
    "housing": 163, "language": 115, "discrimination": 115, "trust-in-services": 182, "employment": 70,
    "education": 94, "health-wellbeing": 59, "immigration-status": 46, "information-advice": 46,
    "community-belonging": 61,
})


@pytest.fixture(scope="module")
def curve(repo_root) -> tuple[pd.DataFrame, pd.DataFrame]:
    return (pd.read_csv(repo_root / "tests/data/coding-curve-turns.csv"),
            pd.read_csv(repo_root / "tests/data/coding-curve.csv"))


def test_files_are_the_frozen_ones(repo_root):
    for name, digest in SHA256.items():
        assert hashlib.sha256((repo_root / "tests/data" / name).read_bytes()).hexdigest() == digest, name


def test_generator_reproduces_the_files(repo_root, tmp_path):
    spec = importlib.util.spec_from_file_location("make_coding_curve", repo_root / "tests/data/make_coding_curve.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.write(tmp_path)
    for name in SHA256:
        assert (tmp_path / name).read_bytes() == (repo_root / "tests/data" / name).read_bytes(), name


def test_turns_are_numbered_from_one_in_every_session(curve):
    turns, _ = curve
    assert list(turns.columns) == ["transcript_id", "turn", "speaker", "role", "text"]
    for _, group in turns.groupby("transcript_id"):
        assert group["turn"].tolist() == list(range(1, len(group) + 1))
    assert set(turns["role"]) == ROLES
    assert turns["text"].str.strip().str.len().gt(0).all()
    assert not turns["text"].str.contains("|", regex=False).any()


def test_every_code_is_a_theme_on_an_existing_turn(curve):
    turns, codes = curve
    assert list(codes.columns) == ["transcript_id", "turn", "code"]
    assert set(codes["code"]) == THEMES
    assert set(zip(codes["transcript_id"], codes["turn"])) <= set(zip(turns["transcript_id"], turns["turn"]))
    assert not codes.duplicated().any()
    assert list(codes.itertuples(index=False)) == sorted(codes.itertuples(index=False))


def test_size_sessions_and_counts(curve):
    turns, codes = curve
    n_turns, n_codes, n_uncoded, n_sessions, per_theme = EXPECTED
    assert len(turns) == n_turns >= 800
    assert turns["transcript_id"].nunique() == n_sessions >= 10
    assert len(codes) == n_codes
    counts = codes["code"].value_counts().to_dict()
    assert counts == per_theme
    assert all(counts[theme] >= 90 for theme in CORE)
    assert len(turns) - codes[["transcript_id", "turn"]].drop_duplicates().shape[0] == n_uncoded


@pytest.mark.parametrize(
    ("turn", "theme", "text_start"),
    [
        (("curve-05-polish-parents", 40), None, "I never had problems, honestly."),
        (("curve-14-roma-men-football", 24), "discrimination", "I had a landlord, before, very good."),
        (("curve-01-roma-dropin", 69), "trust-in-services", "Katka. From the project, before."),
        (("curve-02-kurdish-men", 1), "language", "Evening everyone."),
    ],
)
def test_listed_hard_negatives_are_not_coded(curve, turn, theme, text_start):
    turns, codes = curve
    text = dict(zip(zip(turns["transcript_id"], turns["turn"]), turns["text"]))
    assert text[turn].startswith(text_start)
    coded = set(codes[(codes["transcript_id"] == turn[0]) & (codes["turn"] == turn[1])]["code"])
    assert (not coded) if theme is None else theme not in coded
