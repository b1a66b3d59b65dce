"""Word documents: labelled paragraphs, a bold speaker name, or a speaker | text table.

Typists format Word transcripts in three ways, often mixed in one document:
"Name: text" paragraphs, the name in bold at the start of the paragraph (with
or without a colon), or a table with one row per turn (maybe a header row and
a time column). Paragraphs without a speaker continue the previous one.
"""

from __future__ import annotations

import logging
import zipfile
from collections import Counter
from pathlib import Path

from pipeline.errors import TranscriptError
from pipeline.transcripts.encoding import fix_text
from pipeline.transcripts.labels import EXPECTED_FORMS, looks_like_speaker, match_label, parse_clock
from pipeline.transcripts.merge import Segment, end_at_next_start

log = logging.getLogger(__name__)

_SPEAKER_HEADERS = frozenset({"speaker", "name", "who", "participant", "person", "speaker name"})
_TEXT_HEADERS = frozenset(
    {"text", "transcript", "utterance", "speech", "content", "what was said", "said", "comment", "comments",
     "dialogue", "response", "contribution"}
)
_TIME_HEADERS = frozenset({"time", "timestamp", "time stamp", "start", "start time", "timecode", "time code"})


def parse_docx(path: str | Path) -> list[Segment]:
    """Pieces of talk from the document's paragraphs and tables in reading order."""
    document = _open(path)
    styles = _Styles.of(document)
    items = list(_body_items(document))
    bold_counts = Counter(name for kind, value in items if kind == "paragraph"
                          for name in [_bold_lead(value, styles)[0]] if name)
    segments: list[Segment] = []
    # Continuation paragraphs per segment, joined once at the end (no quadratic string building).
    continued: dict[int, list[str]] = {}
    preamble = 0
    for number, (kind, value) in enumerate(items, start=1):
        if kind == "table":
            segments.extend(_table_segments(value, number, path))
            continue
        if styles.is_heading(value):
            log.debug("%s: paragraph %d: heading skipped", path, number)
            continue
        found = _paragraph_segment(value, number, bold_counts, styles)
        if found is not None:
            segments.append(found)
        elif value.text.strip():
            if segments:
                continued.setdefault(len(segments) - 1, []).append(fix_text(value.text).strip())
            else:
                preamble += 1
    for index, parts in continued.items():
        segments[index].text = "\n".join(p for p in [segments[index].text.strip(), *parts] if p)
    if not segments:
        if not any(kind == "table" or value.text.strip() for kind, value in items):
            raise TranscriptError("the Word document is empty (no text in it)", path=path)
        raise TranscriptError(
            f"no speaker labels found; expected paragraphs like {EXPECTED_FORMS}, a bold name at the start of "
            "a paragraph, or a table with speaker and text columns",
            path=path,
        )
    if preamble:
        log.info("%s: %d paragraph(s) before the first speaker label skipped", path, preamble)
    end_at_next_start(segments)
    return segments


def _open(path: str | Path):
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    if not zipfile.is_zipfile(path):
        raise TranscriptError(
            "not a Word .docx file (it is not a zip archive; an old .doc or another file renamed?); "
            "open it in Word and save it as .docx",
            path=path,
        )
    try:
        return docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as e:
        raise TranscriptError(f"cannot open it as a Word document ({e}); save it again as .docx", path=path) from e


def _body_items(document):
    """('paragraph', Paragraph) and ('table', Table) in the order they appear in the document."""
    from docx.table import Table

    for item in document.iter_inner_content():
        yield ("table", item) if isinstance(item, Table) else ("paragraph", item)


class _Styles:
    """Which style ids are headings and which character styles are bold, looked up once per document.

    python-docx's paragraph.style and run.style search the whole style sheet on every
    call (about 3 ms each): a 10,000-word document took a second, almost all of it there.
    """

    def __init__(self, heading_ids: frozenset[str], bold_ids: frozenset[str]) -> None:
        self.heading_ids = heading_ids
        self.bold_ids = bold_ids

    @classmethod
    def of(cls, document) -> _Styles:
        headings, bold = set(), set()
        for style in document.styles:
            name = style.name or ""
            if name.startswith(("Heading", "Title", "Subtitle")):
                headings.add(style.style_id)
            font = getattr(style, "font", None)
            if font is not None and font.bold:
                bold.add(style.style_id)
        return cls(frozenset(headings), frozenset(bold))

    def is_heading(self, paragraph) -> bool:
        return paragraph._p.style in self.heading_ids

    def is_bold(self, run) -> bool:
        if run.bold is not None:
            return bool(run.bold)
        return run._r.style in self.bold_ids


def _bold_lead(paragraph, styles: _Styles) -> tuple[str | None, str]:
    """The bold text that opens the paragraph (stripped of a colon) and the text after it."""
    from docx.text.run import Run

    lead: list[str] = []
    rest: list[str] = []
    for item in paragraph.iter_inner_content():
        text = item.text
        if not rest and isinstance(item, Run) and (styles.is_bold(item) or not text.strip()):
            lead.append(text)
        else:
            rest.append(text)
    name = "".join(lead).strip()
    after = "".join(rest).strip()
    if not name:
        return None, after
    if name.endswith(":"):
        return name.rstrip(":").strip() + ":", after
    if after.startswith(":"):
        return name + ":", after[1:].strip()
    return name, after


def _paragraph_segment(paragraph, number: int, bold_counts: Counter, styles: _Styles) -> Segment | None:
    bold, after = _bold_lead(paragraph, styles)
    if bold:
        name = bold.rstrip(":").strip()
        with_colon = bold.endswith(":")
        # Without a colon a bold first word may just be emphasis ("**Never** again, I said"):
        # it is a speaker if a new sentence follows it, it recurs as one, or it reads as a
        # participant code or role ("P3", "Facilitator").
        new_sentence = bool(after) and not after[0].islower()
        trusted = with_colon or new_sentence or bold_counts[bold] >= 2 or looks_like_speaker(name, strict=True)
        if trusted and looks_like_speaker(name) and (after or with_colon):
            return Segment(name, fix_text(after), line=number)
    label = match_label(fix_text(paragraph.text))
    if label is not None:
        return Segment(label.speaker, label.text, start=label.start, line=number)
    return None


def _table_segments(table, number: int, path: str | Path) -> list[Segment]:
    rows = [_row_texts(row) for row in table.rows]
    rows = [r for r in rows if any(r)]
    if not rows or max(len(r) for r in rows) < 2:
        log.warning("%s: table %d has fewer than two columns (speaker, text); skipped", path, number)
        return []
    speaker_col, text_col, time_col, has_header = _table_layout(rows)
    found: list[tuple[Segment, list[str]]] = []
    for row in rows[1:] if has_header else rows:
        speaker = _cell(row, speaker_col).rstrip(":").strip()
        text = _cell(row, text_col)
        start = parse_clock(_cell(row, time_col)) if time_col is not None else None
        if speaker:
            found.append((Segment(speaker, "", start=start, line=number), [text]))
        elif found and text:
            found[-1][1].append(text)
    for segment, texts in found:
        segment.text = "\n".join(t for t in texts if t)
    return [segment for segment, _ in found]


def _row_texts(row) -> list[str]:
    # A horizontally merged cell is returned once per grid column it spans.
    seen: set[int] = set()
    texts = []
    for cell in row.cells:
        if id(cell._tc) in seen:
            continue
        seen.add(id(cell._tc))
        texts.append(fix_text(cell.text).strip())
    return texts


def _cell(row: list[str], column: int | None) -> str:
    return row[column] if column is not None and column < len(row) else ""


def _table_layout(rows: list[list[str]]) -> tuple[int, int, int | None, bool]:
    """Columns of speaker, text and time (if any), and whether the first row is a header."""
    header = [c.casefold().strip(" :") for c in rows[0]]
    known = _SPEAKER_HEADERS | _TEXT_HEADERS | _TIME_HEADERS
    if all(c in known for c in header if c) and any(c in _SPEAKER_HEADERS for c in header):
        speaker = next(i for i, c in enumerate(header) if c in _SPEAKER_HEADERS)
        text = next((i for i, c in enumerate(header) if c in _TEXT_HEADERS), len(header) - 1)
        time = next((i for i, c in enumerate(header) if c in _TIME_HEADERS), None)
        return speaker, text, time, True
    width = max(len(r) for r in rows)
    time = None
    for column in range(width):
        values = [r[column] for r in rows if column < len(r) and r[column]]
        if values and sum(parse_clock(v) is not None for v in values) * 2 >= len(values):
            time = column
            break
    others = [c for c in range(width) if c != time]
    return others[0], others[-1], time, False
