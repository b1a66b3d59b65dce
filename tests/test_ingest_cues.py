"""WebVTT (Teams, Zoom) and SRT subtitles, read tolerantly, with warnings naming file and line."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from pipeline.errors import TranscriptError
from pipeline.transcripts import read_transcript

FIXTURES = Path(__file__).parent / "fixtures" / "transcripts"


def rows(name: str) -> list[tuple]:
    return [(t.speaker, t.start, t.end, t.text) for t in read_transcript(FIXTURES / name)]


def test_teams_export_with_bom_crlf_guids_notes_styles_and_voice_tags():
    assert rows("vtt-teams-guid-voice-tags.vtt") == [
        # Two consecutive cues of one speaker merge: start of the first, end of the last.
        ("Marsh, Helen", 1.0, 8.25, "Good evening everyone. Thank you for coming to the school."),
        # A voice tag whose text runs over two lines.
        ("Horv\u00e1th, Jana", 9.0, 15.0, "My son is in year four and he likes it there."),
        # No closing </v>; <i> stripped; &amp; unescaped.
        ("Marsh, Helen", 15.0, 19.0, "That's really good & we hear that a lot."),
        ("Horv\u00e1th, Jana", 19.5, 22.0, "The teacher is <kind>."),
    ]


def test_zoom_names_in_cue_text_hourless_times_cue_settings_and_cues_without_speaker():
    assert rows("vtt-zoom-name-in-cue.vtt") == [
        ("Helen Marsh", 1.0, 4.0, "Can everyone hear me?"),
        ("Tomasz Nowak", 4.5, 6.0, "Yes, loud and clear."),
        ("Unknown", 6.0, 9.0, "we have a bus at nine"),
        ("Helen Marsh", 3723.25, 3725.0, "Thank you."),
    ]


def test_several_voices_in_one_cue_and_a_nameless_voice():
    assert rows("vtt-multiple-voices-in-cue.vtt") == [
        ("Helen Marsh", 1.0, 4.0, "Is it the 42 bus?"),
        ("Mirela", 1.0, 4.0, "Yes, the 42."),
        ("Unknown", 4.0, 6.0, "Nobody knows who said this."),
    ]


def test_malformed_vtt_timestamp_is_logged_with_file_and_line_and_the_cue_kept(caplog):
    with caplog.at_level(logging.WARNING):
        result = rows("vtt-malformed-timestamp.vtt")
    assert result == [
        ("Helen Marsh", 1.0, 3.0, "First cue."),
        ("Mirela", None, None, "This cue has a broken start time."),
        ("Helen Marsh", 70.0, 72.0, "Back to normal."),
    ]
    assert [r.getMessage() for r in caplog.records] == [
        f"{FIXTURES / 'vtt-malformed-timestamp.vtt'}:8: malformed timestamp "
        "'00:01:7.000 --> 00:01:09.000'; cue kept without times"
    ]
    assert caplog.records[0].levelname == "WARNING"


def test_vtt_without_cues_is_an_error_naming_the_file():
    with pytest.raises(TranscriptError, match="vtt-no-cues.vtt: no cues with text found"):
        read_transcript(FIXTURES / "vtt-no-cues.vtt")


def test_srt_speakers_in_text_brackets_tags_and_unknown():
    assert rows("srt-speakers.srt") == [
        ("Helen Marsh", 1.0, 7.5, "Welcome to the group. Please help yourself to tea."),
        ("Mirela", 8.0, 11.0, "Thank you, it is very kind."),
        ("Unknown", 11.0, 13.0, "the door is open"),
    ]


def test_malformed_srt_timings_are_logged_and_cues_kept_without_times(caplog):
    with caplog.at_level(logging.WARNING):
        result = rows("srt-malformed-timestamp.srt")
    assert result == [
        ("Helen Marsh", 1.0, 4.0, "First."),
        ("Mirela", None, None, "The arrow is wrong in this cue. And this end time is broken."),
    ]
    messages = [r.getMessage() for r in caplog.records]
    assert len(messages) == 2
    assert messages[0].startswith(f"{FIXTURES / 'srt-malformed-timestamp.srt'}:6: malformed timestamp")
    assert messages[1].startswith(f"{FIXTURES / 'srt-malformed-timestamp.srt'}:10: malformed timestamp")


def test_vtt_without_header_is_read_with_a_warning(tmp_path, caplog):
    path = tmp_path / "no-header.vtt"
    path.write_text("00:00:01.000 --> 00:00:02.000\n<v Ana>Hello.</v>\n", encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        turns = read_transcript(path)
    assert [(t.speaker, t.text) for t in turns] == [("Ana", "Hello.")]
    assert f"{path}:1: no 'WEBVTT' header line" in caplog.text


def test_srt_without_cues_is_an_error(tmp_path):
    path = tmp_path / "subtitles.srt"
    path.write_text("just some words\nwith no timings\n", encoding="utf-8")
    with pytest.raises(TranscriptError, match="subtitles.srt: no subtitle cues with text found"):
        read_transcript(path)


def test_header_running_straight_into_the_first_cue(tmp_path):
    path = tmp_path / "no-blank-line.vtt"
    path.write_text("WEBVTT\n00:00:01.000 --> 00:00:02.000\n<v Ana>Hello.</v>\n\n"
                    "00:00:02.000 --> 00:00:03.000\n<v Ion>Hi.</v>\n", encoding="utf-8")
    assert [(t.speaker, t.start, t.text) for t in read_transcript(path)] == [("Ana", 1.0, "Hello."), ("Ion", 2.0, "Hi.")]


def test_a_teams_caption_file_saved_as_txt_is_read_as_webvtt(tmp_path):
    path = tmp_path / "teams-export.txt"
    path.write_bytes((FIXTURES / "vtt-teams-guid-voice-tags.vtt").read_bytes())
    assert [t.speaker for t in read_transcript(path)] == ["Marsh, Helen", "Horv\u00e1th, Jana"] * 2
