"""Plain-text and Markdown transcripts: one labelled line starts each turn.

Typists' conventions vary ("Name:", "[Name]", "P1 -", "**Name:**", a time in
front); lines without a label continue the previous speaker, and a blank line
inside a turn is kept as a paragraph break.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from pipeline.errors import TranscriptError
from pipeline.transcripts.labels import EXPECTED_FORMS, match_label
from pipeline.transcripts.merge import Segment, end_at_next_start

log = logging.getLogger(__name__)

_MARKDOWN_HEADING = re.compile(r"^#{1,6}(\s|$)")
_MARKDOWN_RULE = re.compile(r"^(?:-{3,}|\*{3,}|_{3,}|={3,})$")


def parse_plain_text(text: str, path: str | Path, *, markdown: bool = False) -> list[Segment]:
    """Labelled pieces of talk in reading order; TranscriptError if no line carries a speaker label."""
    segments: list[Segment] = []
    paragraphs: list[list[str]] = []
    preamble: list[int] = []
    paragraph_break = False

    def close_current() -> None:
        if segments:
            segments[-1].text = "\n".join(" ".join(lines) for lines in paragraphs if lines)

    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.strip()
        if not line:
            paragraph_break = True
            continue
        if markdown and (_MARKDOWN_HEADING.match(line) or _MARKDOWN_RULE.match(line)):
            log.debug("%s:%d: Markdown heading or rule skipped", path, number)
            continue
        label = match_label(line, markdown=markdown)
        if label is not None:
            close_current()
            segments.append(Segment(label.speaker, "", start=label.start, line=number))
            paragraphs = [[label.text] if label.text else []]
        elif not segments:
            preamble.append(number)
            continue
        elif paragraph_break and any(paragraphs[-1]):
            paragraphs.append([line])
        else:
            paragraphs[-1].append(line)
        paragraph_break = False
    close_current()

    if not segments:
        raise TranscriptError(f"no speaker labels found; expected lines like {EXPECTED_FORMS}", path=path)
    if preamble:
        log.info("%s: %d line(s) before the first speaker label skipped (lines %d-%d)",
                 path, len(preamble), preamble[0], preamble[-1])
    end_at_next_start(segments)
    return segments
