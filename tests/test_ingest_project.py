"""The transcripts folder, metadata.csv and speakers.csv: discovery, checks with file and line, attaching speakers."""

from __future__ import annotations

import logging
import math
from pathlib import Path

import pandas as pd
import pytest

from pipeline.errors import MetadataError, TranscriptError
from pipeline.transcripts import read_turns
from pipeline.transcripts.check import check_inputs
from pipeline.transcripts.discover import discover_transcripts
from pipeline.transcripts.metadata import attach_speakers, load_metadata, load_speakers

PROJECT = Path(__file__).parent / "fixtures" / "project"
IDS = ["alpha", "beta"]


def test_discovery_finds_transcripts_and_passes_over_csv_readme_hidden_and_lock_files(tmp_path):
    for name in ["b.vtt", "a.txt", "c.docx", "metadata.csv", "README.md", ".DS_Store", "~$c.docx", "d.SRT"]:
        (tmp_path / name).write_text("x", encoding="utf-8")
    (tmp_path / "old").mkdir()
    found = discover_transcripts(tmp_path)
    assert list(found) == ["a", "b", "c", "d"]
    assert found["c"] == tmp_path / "c.docx"


def test_discovery_of_the_fixture_project():
    assert discover_transcripts(PROJECT / "transcripts") == {
        "alpha": PROJECT / "transcripts" / "alpha.txt",
        "beta": PROJECT / "transcripts" / "beta.vtt",
    }


def test_unsupported_file_in_the_folder_is_an_error_naming_it(tmp_path):
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "b.pdf").write_text("x", encoding="utf-8")
    with pytest.raises(TranscriptError) as caught:
        discover_transcripts(tmp_path)
    assert str(caught.value).startswith(f"{tmp_path / 'b.pdf'}: not a transcript: unsupported file type '.pdf'")
    assert "supported: .txt, .md, .docx, .vtt, .srt" in str(caught.value)


def test_one_transcript_id_with_two_files_is_an_error_naming_both(tmp_path):
    (tmp_path / "site-a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "site-a.docx").write_text("x", encoding="utf-8")
    with pytest.raises(TranscriptError, match=r"two files for transcript 'site-a': site-a.docx and site-a.txt"):
        discover_transcripts(tmp_path)


def test_folder_without_transcripts_is_an_error(tmp_path):
    (tmp_path / "metadata.csv").write_text("transcript_id\n", encoding="utf-8")
    with pytest.raises(TranscriptError, match=rf"no transcripts found in {tmp_path}/"):
        discover_transcripts(tmp_path)


def test_metadata_rows_with_extra_columns():
    metadata = load_metadata(PROJECT / "metadata.csv", IDS)
    assert list(metadata.columns) == ["transcript_id", "site", "date", "group_type", "language"]
    assert metadata["transcript_id"].tolist() == IDS
    assert metadata["date"].tolist() == ["2024-04-03", "2024-05-14"]
    assert metadata["group_type"].tolist() == ["community", "open dialogue"]


def test_metadata_may_leave_site_date_and_group_type_blank():
    metadata = load_metadata(PROJECT / "metadata-blank-site-date-group-type.csv", IDS)
    alpha, beta = metadata.set_index("transcript_id").loc[IDS].to_dict("records")
    assert pd.isna(alpha["site"]) and pd.isna(alpha["date"]) and alpha["group_type"] == "community"
    assert beta["site"] == "Kingsmere" and pd.isna(beta["group_type"])


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("metadata-blank-transcript-id.csv", "metadata-blank-transcript-id.csv:2: empty transcript_id; every row needs one"),
        ("metadata-missing-column.csv",
         "metadata-missing-column.csv:1: missing column 'date'; required: transcript_id, site, date, group_type; "
         "found: transcript_id, site, group_type"),
        ("metadata-unknown-transcript.csv",
         "metadata-unknown-transcript.csv:4: transcript 'gamma' has no transcript file in transcripts/"),
        ("metadata-duplicate-row.csv",
         "metadata-duplicate-row.csv:4: transcript 'alpha' has a second row (first on line 2)"),
        ("metadata-bad-date.csv",
         "metadata-bad-date.csv:2: date '03/04/2024' is not a date written YYYY-MM-DD"),
        ("metadata-missing-row.csv",
         "metadata-missing-row.csv: no row for transcript(s) beta; every transcript needs one"),
    ],
)
def test_metadata_problems_name_file_line_and_what_was_expected(name, message):
    with pytest.raises(MetadataError) as caught:
        load_metadata(PROJECT / name, IDS)
    assert str(caught.value).startswith(str(PROJECT / name).removesuffix(name) + message)


def test_missing_metadata_file_is_an_error(tmp_path):
    with pytest.raises(MetadataError, match=r"nothing.csv: file not found; expected a CSV with columns transcript_id"):
        load_metadata(tmp_path / "nothing.csv", IDS)


def test_metadata_saved_by_excel_with_bom_and_empty_trailing_columns(tmp_path):
    path = tmp_path / "metadata.csv"
    path.write_bytes(b"\xef\xbb\xbftranscript_id,site,date,group_type,,\r\nalpha,Ashby Vale,2024-04-03,community,,\r\n")
    metadata = load_metadata(path, ["alpha"])
    assert list(metadata.columns) == ["transcript_id", "site", "date", "group_type"]
    assert metadata.iloc[0].tolist() == ["alpha", "Ashby Vale", "2024-04-03", "community"]


def test_speakers_roles_person_ids_and_attributes():
    speakers = load_speakers(PROJECT / "speakers.csv", IDS)
    assert list(speakers.columns) == ["transcript_id", "speaker", "role", "person_id", "gender", "age_band"]
    assert speakers["speaker"].tolist() == ["Helen Marsh", "Mirela", "Interpreter", "Marsh, Helen", "Nowak, Tomasz"]
    # Role is matched case-insensitively and stored in lower case.
    assert speakers["role"].tolist() == ["facilitator", "community", "interpreter", "facilitator", "community"]
    assert speakers["person_id"].tolist() == ["F01", "C01", "I01", "F01", "C02"]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("speakers-invalid-role.csv",
         "speakers-invalid-role.csv:3: role 'participant' is not one of facilitator, interpreter, community, "
         "provider, other"),
        ("speakers-unknown-transcript.csv",
         "speakers-unknown-transcript.csv:3: transcript 'delta' has no transcript file"),
        ("speakers-duplicate-speaker.csv",
         "speakers-duplicate-speaker.csv:4: speaker 'Helen Marsh' of transcript 'alpha' has a second row "
         "(first on line 2)"),
        ("speakers-reserved-column.csv",
         "speakers-reserved-column.csv:1: column 'site' would clash with a column turns already have"),
    ],
)
def test_speakers_problems_name_file_line_and_allowed_values(name, message):
    with pytest.raises(MetadataError) as caught:
        load_speakers(PROJECT / name, IDS)
    assert str(caught.value).startswith(str(PROJECT / name).removesuffix(name) + message)


def test_attach_speakers_adds_role_person_and_attributes_and_warns_about_unlisted(caplog):
    turns = read_turns(PROJECT / "transcripts" / "alpha.txt")
    speakers = load_speakers(PROJECT / "speakers.csv", IDS)
    with caplog.at_level(logging.WARNING):
        attached = attach_speakers(turns, speakers, "alpha")
    assert list(attached.columns) == [
        "transcript_id", "turn", "speaker", "start", "end", "text", "role", "person_id", "gender", "age_band",
    ]
    assert attached["speaker"].tolist() == ["Helen Marsh", "Mirela", "Interpreter", "Dorin"]
    assert attached["role"].tolist() == ["facilitator", "community", "interpreter", "other"]
    assert attached["person_id"].tolist()[:3] == ["F01", "C01", "I01"]
    assert attached["person_id"].isna().tolist() == [False, False, False, True]
    assert attached["gender"].tolist()[:3] == ["female", "female", "female"]
    # The label (often a real name) stays out of the message: the job's log lies under results/.
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING] == [
        f"the speaker of turn 4 of transcript 'alpha' is not in {PROJECT / 'speakers.csv'}; given role 'other' "
        "(qualflow check-inputs shows the label)"
    ]
    assert attached["text"].tolist() == turns["text"].tolist()


def test_attach_speakers_matches_labels_ignoring_case_and_spacing():
    turns = pd.DataFrame({"transcript_id": ["beta"], "turn": [1], "speaker": ["marsh,  helen"],
                          "start": [1.0], "end": [2.0], "text": ["Hi."]})
    attached = attach_speakers(turns, load_speakers(PROJECT / "speakers.csv", IDS), "beta")
    assert attached[["role", "person_id"]].iloc[0].tolist() == ["facilitator", "F01"]


def test_check_inputs_summarises_every_transcript():
    summary = check_inputs(PROJECT / "transcripts", PROJECT / "metadata.csv", PROJECT / "speakers.csv")
    assert summary.to_dict("records") == [
        {"transcript_id": "alpha", "format": "txt", "turns": 4, "speakers": 4, "not_in_speakers_csv": "Dorin"},
        {"transcript_id": "beta", "format": "vtt", "turns": 2, "speakers": 2, "not_in_speakers_csv": ""},
    ]


def test_alpha_fixture_turn_times():
    turns = read_turns(PROJECT / "transcripts" / "alpha.txt")
    assert turns["start"].tolist() == [2.0, 10.0, 15.0, 21.0]
    assert turns["end"].tolist()[:3] == [10.0, 15.0, 21.0]
    assert math.isnan(turns["end"].iloc[3])


def test_attach_speakers_accepts_a_speakers_table_read_without_load_speakers():
    turns = pd.DataFrame({"transcript_id": ["7"], "turn": [1], "speaker": ["Ana"],
                          "start": [None], "end": [None], "text": ["Hi."]})
    speakers = pd.DataFrame({"transcript_id": [7], "speaker": ["Ana"], "role": ["Community"], "gender": ["female"]})
    attached = attach_speakers(turns, speakers, "7")
    assert attached[["role", "gender"]].iloc[0].tolist() == ["community", "female"]
    assert attached["person_id"].isna().tolist() == [True]
