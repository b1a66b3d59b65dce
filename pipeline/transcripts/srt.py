"""SubRip (.srt) subtitles: numbered cues, comma milliseconds, speaker (if any) written in the text."""

from __future__ import annotations

import logging
from pathlib import Path

from pipeline.errors import TranscriptError
from pipeline.transcripts.cues import clean_cue_text, iter_blocks, parse_timing, speaker_from_text, timing_index
from pipeline.transcripts.merge import Segment

log = logging.getLogger(__name__)


def parse_srt(text: str, path: str | Path) -> list[Segment]:
    """One piece of talk per cue ('Name: text' or '[Name] text' names the speaker, else Unknown)."""
    segments: list[Segment] = []
    for block in iter_blocks(text):
        at = timing_index(block.lines)
        if at is None:
            log.warning("%s:%d: block without a cue timing line ('00:00:01,000 --> 00:00:04,000'); skipped",
                        path, block.line)
            continue
        timing = parse_timing(block.lines[at], path, block.line + at)
        words = clean_cue_text("\n".join(block.lines[at + 1 :]))
        if not words:
            continue
        speaker, words = speaker_from_text(words)
        segments.append(Segment(speaker, words, start=timing.start, end=timing.end, line=block.line + at))
    if not segments:
        raise TranscriptError(
            "no subtitle cues with text found; expected numbered cues with a line like "
            "'00:00:01,000 --> 00:00:04,000' followed by text",
            path=path,
        )
    return segments
