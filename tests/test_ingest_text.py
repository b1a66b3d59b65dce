"""Plain-text and Markdown transcripts, and the encodings Word, Notepad and email clients produce."""

from __future__ import annotations

import logging
import math
from pathlib import Path

import pytest

from pipeline.errors import TranscriptError
from pipeline.transcripts import read_transcript, read_turns
from pipeline.transcripts.labels import looks_like_speaker, match_label, parse_clock
from pipeline.turns import TURN_COLUMNS

FIXTURES = Path(__file__).parent / "fixtures" / "transcripts"


def speakers_of(path: Path) -> list[str]:
    return [t.speaker for t in read_transcript(path)]


def test_every_label_form_starts_a_turn():
    turns = read_transcript(FIXTURES / "txt-label-forms.txt")
    assert [t.speaker for t in turns] == [
        "Facilitator", "MIRELA", "Ana Lungu", "P1", "Participant 3",
        "Interpreter (Romanian)", "Dr O'Neill", "Popescu, Ioana",
    ]
    assert [t.turn for t in turns] == list(range(1, 9))
    assert turns[2].text == "I came with my sister."
    assert turns[3].text == "We live near the park."
    assert turns[5].text == "She says the flat is very cold."
    assert {t.transcript_id for t in turns} == {"txt-label-forms"}


def test_timestamps_before_the_label_give_start_and_the_next_turn_gives_end():
    turns = read_transcript(FIXTURES / "txt-timestamps.txt")
    assert [(t.speaker, t.start, t.end) for t in turns] == [
        ("Helen Marsh", 5.0, 12.0),
        ("Mirela", 12.0, 40.0),
        ("Helen Marsh", 40.0, 62.5),
        ("Mirela", 62.5, None),
        ("Helen Marsh", None, None),
    ]
    assert turns[1].text == "Yes, we can start."


def test_continuation_lines_join_with_a_space_and_blank_lines_keep_a_paragraph_break():
    turns = read_transcript(FIXTURES / "txt-continuation-paragraphs.txt")
    assert [t.speaker for t in turns] == ["Helen Marsh", "Mirela", "Helen Marsh"]
    assert turns[0].text == (
        "The first thing I wanted to ask is about the repairs, and how long they take.\n"
        "I mean the damp especially."
    )
    assert turns[1].text == "Three months."
    # The same label twice in a row is one turn; its two lines stay separate paragraphs.
    assert turns[2].text == "Three months?\nThat is a long wait."


def test_fields_urls_sentences_and_non_speech_notes_are_not_labels():
    turns = read_transcript(FIXTURES / "txt-false-labels.txt")
    assert [t.speaker for t in turns] == ["Helen Marsh", "Mirela"]
    assert "Note: the recording is only for us. Time: 10:30 is when we stop. Re: the letters" in turns[0].text
    assert "https://example.org/housing has the form." in turns[0].text
    assert turns[0].text.endswith("My daughter said: mum, do not go there.")
    assert turns[1].text == "OK. [inaudible] and the bus was late. [Laughter]"


def test_preamble_before_the_first_label_is_skipped_and_logged(caplog):
    with caplog.at_level(logging.INFO, logger="pipeline.transcripts"):
        turns = read_transcript(FIXTURES / "txt-preamble-title-and-date.txt")
    assert [(t.speaker, t.text) for t in turns] == [("Helen Marsh", "Welcome everyone."), ("Mirela", "Thank you.")]
    assert "3 line(s) before the first speaker label skipped (lines 1-3)" in caplog.text
    assert "txt-preamble-title-and-date.txt" in caplog.text


def test_markdown_bold_labels_headings_skipped():
    turns = read_transcript(FIXTURES / "md-bold-labels.md")
    assert [t.speaker for t in turns] == ["Helen Marsh", "Sergeant Dale", "Helen Marsh"]
    assert turns[1].text == "Thanks for having me. He also said this on a second line."
    assert turns[2].text == "Let us move on."


def test_windows_1252_with_crlf_is_decoded_without_asking():
    turns = read_transcript(FIXTURES / "txt-windows-1252-crlf.txt")
    assert [t.speaker for t in turns] == ["Helen", "Mirela"]
    assert turns[0].text == "It\u2019s \u201cgood\u201d to see you."
    assert turns[1].text == "Caf\u00e9 on the corner \u2013 that\u2019s where we meet."
    assert (turns[0].start, turns[0].end) == (3.0, 9.0)
    assert not any("\r" in t.text for t in turns)


def test_utf8_bom_is_not_part_of_the_first_speaker():
    turns = read_transcript(FIXTURES / "txt-utf8-bom.txt")
    assert [t.speaker for t in turns] == ["Helen", "Mirela"]
    assert turns[0].text == "Bun\u0103 ziua."
    assert turns[1].text == "\u0218tefan is my son."


def test_utf16_with_bom_is_read():
    assert [(t.speaker, t.text) for t in read_transcript(FIXTURES / "txt-utf16-bom.txt")] == [
        ("Helen", "Hello there."), ("Mirela", "Hello."),
    ]


def test_mojibake_apostrophes_are_repaired():
    turns = read_transcript(FIXTURES / "txt-mojibake.txt")
    assert turns[0].text == "It\u2019s fine, don\u2019t worry."
    assert turns[1].text == "I\u2019m OK."


def test_transcript_id_defaults_to_the_stem_and_can_be_given():
    assert read_transcript(FIXTURES / "txt-utf8-bom.txt", transcript_id="site-a-1")[0].transcript_id == "site-a-1"
    assert read_transcript(FIXTURES / "txt-utf8-bom.txt")[0].transcript_id == "txt-utf8-bom"


def test_read_turns_gives_the_contract_columns_and_types():
    frame = read_turns(FIXTURES / "txt-timestamps.txt")
    assert list(frame.columns) == TURN_COLUMNS
    assert str(frame["turn"].dtype) == "int64"
    assert str(frame["start"].dtype) == "float64"
    assert frame["start"].tolist()[:4] == [5.0, 12.0, 40.0, 62.5]
    assert math.isnan(frame["end"].iloc[4])


def test_format_can_be_forced(tmp_path):
    path = tmp_path / "session.log"
    path.write_text("Helen: One.\nMirela: Two.\n", encoding="utf-8")
    assert [t.speaker for t in read_transcript(path, fmt="txt")] == ["Helen", "Mirela"]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("empty.txt", "the file is empty"),
        ("whitespace-only.txt", "the file is empty"),
        ("binary-image.txt", "binary file"),
        ("txt-is-a-zip.txt", "zip archive"),
        ("notes.rtf", "unsupported transcript file type '.rtf'; supported: .txt, .md, .docx, .vtt, .srt"),
        ("txt-no-labels.txt", "no speaker labels found; expected lines like 'Name: text'"),
    ],
)
def test_unusable_files_raise_an_error_naming_the_file(name, message):
    with pytest.raises(TranscriptError) as caught:
        read_transcript(FIXTURES / name)
    assert str(caught.value).startswith(str(FIXTURES / name) + ":")
    assert message in str(caught.value)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Helen: hi", ("Helen", None, "hi")),
        ("[00:12:03] Helen: hi", ("Helen", 723.0, "hi")),
        ("00:12:03 Helen: hi", ("Helen", 723.0, "hi")),
        ("(12:03) Helen: hi", ("Helen", 723.0, "hi")),
        ("Helen (00:00:07): hi", ("Helen", 7.0, "hi")),
        ("Facilitator:", ("Facilitator", None, "")),
        ("Speaker 2 - yes", ("Speaker 2", None, "yes")),
        ("Ana de Souza: hi", ("Ana de Souza", None, "hi")),
    ],
)
def test_label_forms(line, expected):
    assert tuple(match_label(line)) == expected


@pytest.mark.parametrize(
    "line",
    [
        "Note: bring the letters",
        "Time: 10:30",
        "Re: the housing form",
        "https://example.org/form",
        "The problem with the council is this: nobody answers",
        "Well - I suppose so",
        "Ashby Vale Focus Group: 12 March 2024",
        "[inaudible] something",
        "10:30 we left",
        "Yes: we did",
    ],
)
def test_lines_that_are_not_labels(line):
    assert match_label(line) is None


def test_markdown_bold_only_counts_in_markdown():
    assert match_label("**Helen:** hi", markdown=True) == ("Helen", None, "hi")
    assert match_label("**Helen:** hi") is None
    assert match_label("- **Helen**: hi", markdown=True) == ("Helen", None, "hi")
    assert match_label("> Helen: hi", markdown=True) == ("Helen", None, "hi")


def test_clock_parsing():
    assert parse_clock("12:03") == 723.0
    assert parse_clock("01:00:00,500") == 3600.5
    assert parse_clock("12:75") is None
    assert parse_clock("noon") is None


def test_role_words_and_codes_pass_the_strict_check():
    assert looks_like_speaker("P12", strict=True)
    assert looks_like_speaker("Interpreter", strict=True)
    assert not looks_like_speaker("Mirela", strict=True)


def test_committee_labels_with_titles_ridings_and_parties_start_turns():
    # Constituency and party in brackets make labels long; punctuation of every kind sits in them.
    turns = read_transcript(FIXTURES / "txt-committee-labels.txt")
    assert [t.speaker for t in turns] == [
        "The Chair (Mr. Paul Okafor)",
        "Hon. Jeanne-Marie O'Dwyer-Lévesque (Mount Pélérin—Rivière-Noire, Party of the Commons)",
        "Mr. Ødegård",
        "Dr. Zoë McAllister-Nuñez",  # the label with no words before it is an empty turn, dropped
        "Mrs. Ilse van der Berg (Fenwick, Dale and Moor, Independent)",
        "Mr. D'Arcy",
    ]
    assert turns[1].text == "Thank you, Chair."


def test_a_long_sentence_with_a_colon_is_still_not_a_label():
    assert match_label("We told the council about it many times and they said this to us: wait") is None
    assert not looks_like_speaker("The Chair of the Committee on Housing and Local Government Services (2026)")

