"""`qualflow parse` and `qualflow check-inputs` as a researcher or a workflow job runs them."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

FIXTURES = Path(__file__).parent / "fixtures"
TRANSCRIPTS = FIXTURES / "transcripts"
PROJECT = FIXTURES / "project"


def qualflow(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pipeline", *args], capture_output=True, text=True, cwd=cwd,
                          env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)})


def assert_one_line_error(result: subprocess.CompletedProcess, *fragments: str) -> None:
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == 1, result.stderr
    for fragment in fragments:
        assert fragment in errors[0]


def test_parse_writes_csv_with_the_contract_columns(tmp_path):
    out = tmp_path / "turns.csv"
    result = qualflow("parse", str(TRANSCRIPTS / "vtt-teams-guid-voice-tags.vtt"), "-o", str(out))
    assert result.returncode == 0, result.stderr
    turns = pd.read_csv(out)
    assert list(turns.columns) == ["transcript_id", "turn", "speaker", "start", "end", "text"]
    assert turns["speaker"].tolist() == ["Marsh, Helen", "Horv\u00e1th, Jana", "Marsh, Helen", "Horv\u00e1th, Jana"]
    assert turns["start"].tolist() == [1.0, 9.0, 15.0, 19.5]
    assert set(turns["transcript_id"]) == {"vtt-teams-guid-voice-tags"}


def test_parse_writes_parquet_with_a_given_id_and_format(tmp_path):
    source = tmp_path / "session.log"
    shutil.copy(TRANSCRIPTS / "txt-timestamps.txt", source)
    out = tmp_path / "private" / "turns" / "site-a.parquet"
    result = qualflow("parse", str(source), "--format", "txt", "--transcript-id", "site-a", "-o", str(out))
    assert result.returncode == 0, result.stderr
    turns = pd.read_parquet(out)
    assert turns["turn"].tolist() == [1, 2, 3, 4, 5]
    assert set(turns["transcript_id"]) == {"site-a"}
    assert turns["end"].isna().tolist() == [False, False, False, True, True]


def test_parse_without_output_prints_csv():
    result = qualflow("parse", str(TRANSCRIPTS / "srt-speakers.srt"))
    assert result.returncode == 0
    assert result.stdout.splitlines() == [
        "transcript_id,turn,speaker,start,end,text",
        "srt-speakers,1,Helen Marsh,1.0,7.5,Welcome to the group. Please help yourself to tea.",
        'srt-speakers,2,Mirela,8.0,11.0,"Thank you, it is very kind."',
        "srt-speakers,3,Unknown,11.0,13.0,the door is open",
    ]


def test_parse_warns_on_a_malformed_timestamp_and_logs_it_to_the_log_file(tmp_path):
    log = tmp_path / "parse.log"
    out = tmp_path / "turns.csv"
    result = qualflow("--log", str(log), "parse", str(TRANSCRIPTS / "vtt-malformed-timestamp.vtt"), "-o", str(out))
    assert result.returncode == 0
    assert "vtt-malformed-timestamp.vtt:8: malformed timestamp '00:01:7.000 --> 00:01:09.000'" in result.stderr
    assert "cue kept without times" in log.read_text(encoding="utf-8")
    assert len(pd.read_csv(out)) == 3


@pytest.mark.parametrize(
    ("name", "fragment"),
    [
        ("empty.txt", "empty.txt: the file is empty"),
        ("binary-image.txt", "binary-image.txt: this is a binary file"),
        ("notes.rtf", "notes.rtf: unsupported transcript file type '.rtf'"),
        ("txt-no-labels.txt", "txt-no-labels.txt: no speaker labels found"),
        ("vtt-no-cues.vtt", "vtt-no-cues.vtt: no cues with text found"),
        ("not-a-zip.docx", "not-a-zip.docx: not a Word .docx file"),
    ],
)
def test_parse_of_an_unusable_file_fails_with_one_line_and_writes_nothing(tmp_path, name, fragment):
    out = tmp_path / "turns.csv"
    result = qualflow("parse", str(TRANSCRIPTS / name), "-o", str(out))
    assert_one_line_error(result, fragment)
    assert list(tmp_path.iterdir()) == []


def test_parse_rejects_an_output_that_is_not_csv_or_parquet(tmp_path):
    result = qualflow("parse", str(TRANSCRIPTS / "txt-timestamps.txt"), "-o", str(tmp_path / "turns.xlsx"))
    assert result.returncode == 2
    assert "must end in .csv or .parquet" in result.stderr
    assert list(tmp_path.iterdir()) == []


def make_project(tmp_path: Path, metadata: str = "metadata.csv", speakers: str = "speakers.csv") -> Path:
    shutil.copytree(PROJECT / "transcripts", tmp_path / "transcripts")
    shutil.copy(PROJECT / metadata, tmp_path / "transcripts" / "metadata.csv")
    shutil.copy(PROJECT / speakers, tmp_path / "transcripts" / "speakers.csv")
    return tmp_path


def test_check_inputs_prints_a_summary_and_fails_on_a_speaker_missing_from_speakers_csv(tmp_path):
    result = qualflow("check-inputs", cwd=make_project(tmp_path))
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["transcript_id", "format", "turns", "speakers", "not_in_speakers_csv"]
    assert lines[1].split() == ["alpha", "txt", "4", "4", "Dorin"]
    assert lines[2].split() == ["beta", "vtt", "2", "2"]
    assert_one_line_error(result, "transcripts/speakers.csv: no row for speaker 'Dorin' of transcript 'alpha'",
                          "role 'other'")


def test_check_inputs_lists_every_unreadable_transcript(tmp_path):
    project = make_project(tmp_path)
    for name in ["gamma.txt", "delta.docx"]:
        (project / "transcripts" / name).write_bytes(b"")
    with open(project / "transcripts" / "metadata.csv", "a", encoding="utf-8") as handle:
        handle.write("gamma,Ashby Vale,2026-03-01,open dialogue\ndelta,Kingsmere,2026-03-02,open dialogue\n")
    result = qualflow("check-inputs", cwd=project)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 3, result.stderr
    assert lines[0] == "error: 2 transcripts cannot be read:"
    assert lines[1].startswith("  transcripts/delta.docx: not a Word .docx file")
    assert lines[2] == "  transcripts/gamma.txt: the file is empty (no text in it)"


def test_check_inputs_passes_when_every_speaker_is_listed(tmp_path):
    project = make_project(tmp_path)
    with open(project / "transcripts" / "speakers.csv", "a", encoding="utf-8") as handle:
        handle.write("alpha,Dorin,community,C03,male,35-44\n")
    result = qualflow("check-inputs", cwd=project)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[1].split() == ["alpha", "txt", "4", "4"]


@pytest.mark.parametrize(
    ("name", "content", "fragment"),
    [
        ("gamma.txt", b"", "transcripts/gamma.txt: the file is empty"),
        ("gamma.docx", bytes(range(256)) * 8, "transcripts/gamma.docx: not a Word .docx file"),
        ("gamma.txt", b"\x81\x8d hello", "transcripts/gamma.txt: cannot decode the file as UTF-8"),
        ("gamma.md", b"Notes from the day.\nNo labels here at all.\n", "transcripts/gamma.md: no speaker labels found"),
    ],
)
def test_check_inputs_fails_on_an_unreadable_transcript(tmp_path, name, content, fragment):
    project = make_project(tmp_path)
    (project / "transcripts" / name).write_bytes(content)
    with open(project / "transcripts" / "metadata.csv", "a", encoding="utf-8") as handle:
        handle.write("gamma,Ashby Vale,2026-03-01,open dialogue\n")
    result = qualflow("check-inputs", cwd=project)
    assert_one_line_error(result, fragment)


@pytest.mark.parametrize(
    ("metadata", "speakers", "fragments"),
    [
        ("metadata-missing-column.csv", "speakers.csv",
         ["transcripts/metadata.csv:1: missing column 'date'", "found: transcript_id, site, group_type"]),
        ("metadata-unknown-transcript.csv", "speakers.csv",
         ["transcripts/metadata.csv:4: transcript 'gamma' has no transcript file in transcripts/"]),
        ("metadata.csv", "speakers-invalid-role.csv",
         ["transcripts/speakers.csv:3: role 'participant' is not one of facilitator, interpreter, community"]),
    ],
)
def test_check_inputs_reports_bad_csvs_with_file_and_line(tmp_path, metadata, speakers, fragments):
    project = make_project(tmp_path, metadata, speakers)
    before = sorted(p.name for p in (project / "transcripts").iterdir())
    result = qualflow("check-inputs", cwd=project)
    assert_one_line_error(result, *fragments)
    assert result.stdout == ""
    assert sorted(p.name for p in (project / "transcripts").iterdir()) == before


def test_check_inputs_reports_a_transcript_id_with_two_files(tmp_path):
    project = make_project(tmp_path)
    (project / "transcripts" / "alpha.md").write_text("Helen: Hi.\n", encoding="utf-8")
    result = qualflow("check-inputs", cwd=project)
    assert_one_line_error(result, "transcripts: two files for transcript 'alpha': alpha.md and alpha.txt")


def test_every_ingest_command_has_help_with_an_example():
    for command in ["parse", "check-inputs"]:
        result = qualflow(command, "--help")
        assert result.returncode == 0
        assert "Example:" in result.stdout
        assert f"qualflow {command}" in result.stdout
