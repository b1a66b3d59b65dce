"""The transcripts are checked at the door: every one read as parse will read it, unchanged ones from a cache."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pandas as pd
import pytest

from pipeline.transcripts.check import (
    check_transcript,
    check_transcripts,
    first_problem,
    unlisted_speakers,
    unlisted_warning,
)

TRANSCRIPTS = Path(__file__).parent / "fixtures" / "transcripts"


@pytest.mark.parametrize(
    ("name", "fragment"),
    [
        ("empty.txt", "the file is empty"),
        ("whitespace-only.txt", "the file is empty"),
        ("not-a-zip.docx", "not a Word .docx file"),
        ("txt-is-a-zip.txt", "this is a zip archive"),
        ("binary-image.txt", "binary file"),
        ("txt-no-labels.txt", "no speaker labels found"),
        ("vtt-no-cues.vtt", ""),
    ],
)
def test_an_unreadable_transcript_gives_one_line_naming_the_file(name, fragment):
    check = check_transcript(TRANSCRIPTS / name, "x")
    assert check.error is not None
    assert check.error.startswith(str(TRANSCRIPTS / name) + ": ")
    assert fragment in check.error
    assert "\n" not in check.error


def test_a_readable_transcript_gives_its_speakers_in_order_of_first_turn():
    check = check_transcript(TRANSCRIPTS / "vtt-teams-guid-voice-tags.vtt", "x")
    assert check.error is None
    assert check.format == "vtt"
    assert check.turns == 4
    assert check.speakers == ("Marsh, Helen", "Horv\u00e1th, Jana")


def test_first_problem_names_the_first_bad_file_and_counts_the_others(tmp_path):
    for name in ["a.txt", "b.txt", "c.txt"]:
        (tmp_path / name).write_text("", encoding="utf-8")
    shutil.copy(TRANSCRIPTS / "srt-speakers.srt", tmp_path / "d.srt")
    checks = check_transcripts({p.stem: p for p in sorted(tmp_path.iterdir())})
    problem = first_problem(checks)
    assert str(problem).startswith(f"{tmp_path / 'a.txt'}: the file is empty")
    assert "and 2 more transcript(s) with problems" in str(problem)
    assert first_problem({"d": checks["d"]}) is None


def test_unchanged_transcripts_come_from_the_cache_and_a_changed_one_is_read_again(tmp_path):
    (tmp_path / "private" / "cache").mkdir(parents=True)
    cache = tmp_path / "private" / "cache" / "transcript-check.json"
    good = tmp_path / "good.txt"
    shutil.copy(TRANSCRIPTS / "txt-timestamps.txt", good)
    first = check_transcripts({"good": good}, cache=cache)
    assert first["good"].error is None
    assert oct(cache.stat().st_mode & 0o777) == "0o600"
    # A cached entry is trusted while size and mtime match: plant a marker to see it used.
    data = json.loads(cache.read_text(encoding="utf-8"))
    data["files"][str(good)]["speakers"] = ["from the cache"]
    cache.write_text(json.dumps(data), encoding="utf-8")
    assert check_transcripts({"good": good}, cache=cache)["good"].speakers == ("from the cache",)
    good.write_text("", encoding="utf-8")
    os.utime(good, ns=(1, 1))
    assert "the file is empty" in check_transcripts({"good": good}, cache=cache)["good"].error


def test_the_cache_never_creates_private(tmp_path):
    good = tmp_path / "good.txt"
    shutil.copy(TRANSCRIPTS / "txt-timestamps.txt", good)
    cache = tmp_path / "private" / "cache" / "transcript-check.json"
    assert check_transcripts({"good": good}, cache=cache)["good"].error is None
    assert not (tmp_path / "private").exists()


def test_a_corrupt_cache_is_ignored(tmp_path):
    (tmp_path / "private" / "cache").mkdir(parents=True)
    cache = tmp_path / "private" / "cache" / "transcript-check.json"
    cache.write_text("{not json", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    assert "the file is empty" in check_transcripts({"empty": empty}, cache=cache)["empty"].error


def test_unlisted_speakers_are_matched_ignoring_case_and_spacing():
    checks = {"a": check_transcript(TRANSCRIPTS / "vtt-teams-guid-voice-tags.vtt", "a")}
    speakers = pd.DataFrame({"transcript_id": ["a", "b"], "speaker": ["marsh,  helen", "Horv\u00e1th, Jana"]})
    assert unlisted_speakers(checks, speakers) == [("a", "Horv\u00e1th, Jana")]


def test_the_unlisted_speakers_warning_is_one_line_naming_a_few_and_counting_the_rest():
    assert unlisted_warning([], "transcripts/speakers.csv") is None
    unlisted = [("s1", f"Speaker {n}") for n in range(8)]
    warning = unlisted_warning(unlisted, "transcripts/speakers.csv")
    assert warning.startswith("warning: 8 speaker(s) not in transcripts/speakers.csv get role 'other': ")
    assert "'Speaker 4' (s1)" in warning and "'Speaker 5'" not in warning
    assert "and 3 more" in warning and "qualflow check-inputs" in warning
    assert "\n" not in warning
