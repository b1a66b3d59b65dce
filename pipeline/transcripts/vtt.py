"""WebVTT as Microsoft Teams and Zoom export it.

Teams puts the speaker in a voice tag (`<v Surname, First>text</v>`) and gives
every cue a GUID identifier; Zoom writes `Name: text` inside the cue. A cue
with no speaker at all is kept as "Unknown".
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from pipeline.errors import TranscriptError
from pipeline.transcripts.cues import (
    UNKNOWN_SPEAKER,
    clean_cue_text,
    iter_blocks,
    parse_timing,
    speaker_from_text,
    timing_index,
)
from pipeline.transcripts.merge import Segment

log = logging.getLogger(__name__)

# <v Name>, <v.loud Name>; the closing </v> is optional and the text may run over lines.
_VOICE = re.compile(r"<v(?:\.[^\s>]*)?(?:[ \t]+(?P<name>[^>]*))?>", re.IGNORECASE)
_NOT_CUES = ("NOTE", "STYLE", "REGION")


def parse_vtt(text: str, path: str | Path) -> list[Segment]:
    """One piece of talk per voice in each cue; TranscriptError if the file has no cues."""
    segments: list[Segment] = []
    for index, block in enumerate(iter_blocks(text)):
        first = block.lines[0].lstrip()
        if index == 0:
            # The header may run straight into the first cue when an exporter forgets the blank line.
            if first.startswith("WEBVTT") and timing_index(block.lines) is None:
                continue
            if not first.startswith("WEBVTT"):
                log.warning("%s:%d: no 'WEBVTT' header line; reading the file anyway", path, block.line)
        if first.split(maxsplit=1)[0] in _NOT_CUES and "-->" not in first:
            continue
        at = timing_index(block.lines)
        if at is None:
            log.warning("%s:%d: block without a cue timing line ('00:00:01.000 --> 00:00:04.000'); skipped",
                        path, block.line)
            continue
        timing = parse_timing(block.lines[at], path, block.line + at)
        payload = "\n".join(block.lines[at + 1 :])
        for speaker, words in _voices(payload):
            segments.append(Segment(speaker, words, start=timing.start, end=timing.end, line=block.line + at))
    if not segments:
        raise TranscriptError(
            "no cues with text found; expected cues like '00:00:01.000 --> 00:00:04.000' followed by a text line",
            path=path,
        )
    return segments


def _voices(payload: str) -> list[tuple[str, str]]:
    """(speaker, text) for each voice in a cue's text; text outside voice tags names its own speaker or none."""
    pieces: list[tuple[str | None, str]] = []
    tags = list(_VOICE.finditer(payload))
    before = payload[: tags[0].start()] if tags else payload
    if before.strip():
        pieces.append((None, before))
    for tag, following in zip(tags, tags[1:] + [None]):
        end = following.start() if following else len(payload)
        name = clean_cue_text(tag.group("name") or "")
        pieces.append((name or UNKNOWN_SPEAKER, payload[tag.end() : end]))
    voices = []
    for name, raw in pieces:
        words = clean_cue_text(raw)
        if not words:
            continue
        if name is None:
            name, words = speaker_from_text(words)
        voices.append((name, words))
    return voices
