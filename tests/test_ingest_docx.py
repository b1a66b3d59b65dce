"""Word transcripts: labelled paragraphs, bold speaker names, speaker | text tables, and mixtures."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest

from pipeline.errors import TranscriptError
from pipeline.transcripts import read_transcript

FIXTURES = Path(__file__).parent / "fixtures" / "transcripts"


def bold_paragraph(document, name: str, text: str) -> None:
    paragraph = document.add_paragraph()
    paragraph.add_run(name).bold = True
    paragraph.add_run(text)


def rows(path: Path) -> list[tuple]:
    return [(t.speaker, t.start, t.text) for t in read_transcript(path)]


def test_name_colon_paragraphs_after_a_title(tmp_path):
    document = docx.Document()
    document.add_heading("Hollins Cross workshop", level=0)
    document.add_paragraph("Recorded on 4 June 2024.")
    document.add_paragraph("Helen Marsh: Thanks for coming.")
    document.add_paragraph("[00:01:05] Mirela: Thank you for inviting us.")
    document.add_paragraph("The bus was late again.")
    document.save(tmp_path / "labelled.docx")
    assert rows(tmp_path / "labelled.docx") == [
        ("Helen Marsh", None, "Thanks for coming."),
        ("Mirela", 65.0, "Thank you for inviting us.\nThe bus was late again."),
    ]


def test_bold_speaker_names_with_and_without_colon_and_continuation_paragraphs(tmp_path):
    document = docx.Document()
    document.add_paragraph("Open dialogue, Ashby Vale")
    bold_paragraph(document, "Gary Whitfield: ", "The repairs team is short staffed.")
    document.add_paragraph("We are recruiting two more officers.")
    bold_paragraph(document, "Helen Marsh", " Thank you, Gary.")
    bold_paragraph(document, "Mirela", " We waited four months.")
    bold_paragraph(document, "Helen Marsh", " Shall we take a break?")
    paragraph = document.add_paragraph()
    paragraph.add_run("Dorin").bold = True
    paragraph.add_run(": the colon is in the plain run.")
    # A bold word used once for emphasis is not a speaker.
    bold_paragraph(document, "Never", " again, I told them.")
    document.save(tmp_path / "bold.docx")
    assert rows(tmp_path / "bold.docx") == [
        ("Gary Whitfield", None, "The repairs team is short staffed.\nWe are recruiting two more officers."),
        ("Helen Marsh", None, "Thank you, Gary."),
        ("Mirela", None, "We waited four months."),
        ("Helen Marsh", None, "Shall we take a break?"),
        ("Dorin", None, "the colon is in the plain run.\nNever again, I told them."),
    ]


def test_table_with_header_and_time_column(tmp_path):
    document = docx.Document()
    table = document.add_table(rows=0, cols=3)
    for cells in [("Time", "Speaker", "Text"), ("00:00:04", "Helen Marsh", "Welcome."),
                  ("00:00:09", "Amal", "Thank you."), ("", "", "I came by bus."),
                  ("00:00:20", "Amal", "It took an hour.")]:
        row = table.add_row().cells
        for cell, value in zip(row, cells):
            cell.text = value
    document.save(tmp_path / "table.docx")
    turns = read_transcript(tmp_path / "table.docx")
    assert [(t.speaker, t.start, t.end, t.text) for t in turns] == [
        ("Helen Marsh", 4.0, 9.0, "Welcome."),
        ("Amal", 9.0, None, "Thank you.\nI came by bus.\nIt took an hour."),
    ]


def test_table_without_header_speaker_then_text(tmp_path):
    document = docx.Document()
    table = document.add_table(rows=0, cols=2)
    for speaker, text in [("Facilitator", "What about the GP?"), ("P2:", "The receptionist is rude.")]:
        row = table.add_row().cells
        row[0].text, row[1].text = speaker, text
    document.save(tmp_path / "plain-table.docx")
    assert rows(tmp_path / "plain-table.docx") == [
        ("Facilitator", None, "What about the GP?"),
        ("P2", None, "The receptionist is rude."),
    ]


def test_mixed_document_keeps_reading_order(tmp_path):
    document = docx.Document()
    document.add_paragraph("Helen Marsh: Before the table.")
    table = document.add_table(rows=0, cols=2)
    row = table.add_row().cells
    row[0].text, row[1].text = "Mirela", "Inside the table."
    bold_paragraph(document, "Helen Marsh:", " After the table.")
    document.save(tmp_path / "mixed.docx")
    assert rows(tmp_path / "mixed.docx") == [
        ("Helen Marsh", None, "Before the table."),
        ("Mirela", None, "Inside the table."),
        ("Helen Marsh", None, "After the table."),
    ]


def test_empty_word_document_is_an_error(tmp_path):
    docx.Document().save(tmp_path / "blank.docx")
    with pytest.raises(TranscriptError, match=r"blank.docx: the Word document is empty"):
        read_transcript(tmp_path / "blank.docx")


def test_word_document_without_labels_is_an_error(tmp_path):
    document = docx.Document()
    document.add_paragraph("A summary of the meeting, with nobody labelled.")
    document.save(tmp_path / "summary.docx")
    with pytest.raises(TranscriptError, match=r"summary.docx: no speaker labels found"):
        read_transcript(tmp_path / "summary.docx")


def test_a_docx_that_is_not_a_zip_is_an_error():
    with pytest.raises(TranscriptError, match=r"not-a-zip.docx: not a Word .docx file"):
        read_transcript(FIXTURES / "not-a-zip.docx")


def test_a_zip_that_is_not_a_word_document_is_an_error(tmp_path):
    with zipfile.ZipFile(tmp_path / "archive.docx", "w") as archive:
        archive.writestr("notes.txt", "hello")
    with pytest.raises(TranscriptError, match=r"archive.docx: cannot open it as a Word document"):
        read_transcript(tmp_path / "archive.docx")
