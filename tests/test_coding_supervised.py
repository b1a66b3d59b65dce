"""Coding files (transcript_id,turn,code) and the supervised coder trained on them."""

from __future__ import annotations

import pandas as pd
import pytest

from pipeline.codebook import load_codebook
from pipeline.coding.supervised import SupervisedCoder, label_matrix, read_coding_file, train_supervised
from pipeline.errors import CodingFileError


@pytest.fixture(scope="module")
def book(repo_root):
    return load_codebook(repo_root / "codebooks/community-consultation.yaml")


@pytest.fixture(scope="module")
def gold_turns(repo_root):
    return pd.read_csv(repo_root / "tests/data/coding-gold-turns.csv")


def test_the_gold_file_is_a_valid_coding_file(repo_root, book, gold_turns):
    coding = read_coding_file(repo_root / "tests/data/coding-gold.csv", book, gold_turns)
    assert len(gold_turns) >= 300
    assert len(coding) == 353
    assert coding["transcript_id"].nunique() == 9


def test_unknown_codes_and_turns_are_listed_with_lines(tmp_path, book, gold_turns):
    path = tmp_path / "analyst.csv"
    path.write_text("transcript_id,turn,code\n"
                    "gold-roma-women-a,6,housing\n"
                    "gold-roma-women-a,6,housnig\n"
                    "gold-roma-women-a,999,language\n"
                    "nowhere,1,transport\n", encoding="utf-8")
    with pytest.raises(CodingFileError) as caught:
        read_coding_file(path, book, gold_turns)
    message = str(caught.value)
    assert "2 unknown code(s) 'housnig', 'transport' on lines 3, 5" in message
    assert "2 row(s) name turns that do not exist (gold-roma-women-a turn 999, nowhere turn 1) on lines 4, 5" in message
    assert message.startswith(str(path))


def test_a_missing_column_is_named(tmp_path, book):
    path = tmp_path / "analyst.csv"
    path.write_text("transcript,turn,code\na,1,housing\n", encoding="utf-8")
    with pytest.raises(CodingFileError, match="missing column\\(s\\) transcript_id"):
        read_coding_file(path, book)


def test_sub_codes_count_for_their_theme(book):
    turns = pd.DataFrame({"transcript_id": ["t", "t", "u"], "turn": [1, 2, 1], "text": ["a", "b", "c"]})
    coding = pd.DataFrame({"transcript_id": ["t"], "turn": [2], "code": ["housing-conditions"]})
    read, labels = label_matrix(turns, coding, book)
    assert len(read) == 2  # transcript u was not coded by the analyst
    assert labels.loc[1, ["housing", "housing-conditions", "housing-overcrowding"]].tolist() == [1, 1, 0]
    assert labels.loc[0].sum() == 0


def test_training_reports_cross_validated_scores_then_codes(repo_root, book, gold_turns):
    coding = read_coding_file(repo_root / "tests/data/coding-gold.csv", book, gold_turns)
    model = train_supervised(gold_turns, coding, book)
    assert set(model.cv["code"]) == {t.id for t in book.themes}  # gold is coded at theme level
    assert "housing-conditions" in model.skipped
    assert model.cv["precision"].between(0, 1).all() and model.cv["recall"].between(0, 1).all()
    hits = SupervisedCoder(model).code_units(["The damp and the mould in the bedroom, the landlord does nothing."])
    assert "housing" in {h.code for h in hits}
    assert all(h.evidence for h in hits)
