"""What WebVTT and SRT share: blank-line separated blocks, a timing line, tagged cue text.

Parsed by hand rather than with webvtt-py, because real Teams and Zoom exports
are often slightly malformed: webvtt-py stops at the first bad cue and its
errors carry no line number, while a researcher needs the rest of the file and
the line to look at.
"""

from __future__ import annotations

import html
import logging
import re
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

from pipeline.transcripts.labels import match_label

log = logging.getLogger(__name__)

UNKNOWN_SPEAKER = "Unknown"

# A line meant as cue timing even if its arrow or clock is mistyped ("00:00:05,000 -> 00:00:07,000").
_TIMING_LIKE = re.compile(r"\d:\d.*(?:-+>|\u2192)")
_TIMING = re.compile(r"^\s*(?P<start>\S+)\s+-->\s+(?P<end>\S+)(?:\s+.*)?$")
# Hours optional (12:03.500); milliseconds after '.' (WebVTT) or ',' (SRT).
_CUE_CLOCK = re.compile(r"^(?:(?P<h>\d{1,3}):)?(?P<m>[0-5]\d):(?P<s>[0-5]\d)[.,](?P<ms>\d{3})$")
_TAG = re.compile(r"</?[A-Za-z][^<>]*>|<\d[\d:.]*>")
# SRT files made from Advanced SubStation carry positioning codes such as {\an8}.
_ASS_CODE = re.compile(r"\{\\[^{}]*\}")
_SPACES = re.compile(r"\s+")


class Block(NamedTuple):
    line: int
    lines: list[str]


class Timing(NamedTuple):
    start: float | None
    end: float | None


def iter_blocks(text: str) -> Iterator[Block]:
    """Groups of non-blank lines, each with the line number of its first line."""
    lines: list[str] = []
    first = 0
    for number, raw in enumerate(text.split("\n"), start=1):
        if raw.strip():
            if not lines:
                first = number
            lines.append(raw.rstrip())
        elif lines:
            yield Block(first, lines)
            lines = []
    if lines:
        yield Block(first, lines)


def timing_index(lines: list[str]) -> int | None:
    """Position of the cue timing line ('... --> ...', or a mistyped one) in a block, or None."""
    return next((i for i, line in enumerate(lines) if "-->" in line or _TIMING_LIKE.search(line)), None)


def parse_timing(line: str, path: str | Path, number: int) -> Timing:
    """Start and end seconds of a cue timing line; a malformed one is logged and gives no times."""
    match = _TIMING.match(line)
    start = _cue_seconds(match.group("start")) if match else None
    end = _cue_seconds(match.group("end")) if match else None
    if start is None or end is None:
        log.warning("%s:%d: malformed timestamp %r; cue kept without times", path, number, line.strip())
        return Timing(None, None)
    if end < start:
        log.warning("%s:%d: cue ends before it starts (%r); end time dropped", path, number, line.strip())
        return Timing(start, None)
    return Timing(start, end)


def _cue_seconds(value: str) -> float | None:
    match = _CUE_CLOCK.match(value)
    if not match:
        return None
    hours = int(match.group("h") or 0)
    return hours * 3600 + int(match.group("m")) * 60 + int(match.group("s")) + int(match.group("ms")) / 1000


def clean_cue_text(text: str) -> str:
    """Cue text without markup (<i>, <c.colour>, {\\an8}), entities unescaped, lines joined by spaces."""
    text = _ASS_CODE.sub("", _TAG.sub("", text))
    return _SPACES.sub(" ", html.unescape(text)).strip()


def speaker_from_text(text: str) -> tuple[str, str]:
    """Speaker and text of a cue whose speaker is written in the text ('Name: ...', '[Name] ...'), else Unknown."""
    label = match_label(text, allow_time=False)
    if label is None:
        return UNKNOWN_SPEAKER, text
    return label.speaker, label.text
