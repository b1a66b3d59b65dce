"""From what a reader found (labelled pieces of text) to numbered speaker turns.

Subtitle exports cut one person's speech into many short cues, and typists
sometimes repeat a label; analysis wants one turn per uninterrupted speaker.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass

from pipeline.turns import Turn

log = logging.getLogger(__name__)


@dataclass(slots=True)
class Segment:
    """A piece of one speaker's talk as a reader found it; `line` is where it starts, for messages."""

    speaker: str
    text: str
    start: float | None = None
    end: float | None = None
    line: int | None = None


def end_at_next_start(segments: list[Segment]) -> None:
    """For formats that only time the start of a turn: each piece ends where the next one starts."""
    for current, following in zip(segments, segments[1:]):
        if current.end is None:
            current.end = following.start


def merge_segments(segments: Iterable[Segment], transcript_id: str, *, joiner: str = " ") -> list[Turn]:
    """Join consecutive pieces of one speaker into one turn (start of the first, end of the last); number from 1.

    joiner: put between the joined pieces: a space for subtitle cues (one sentence is often
    cut across two cues), a paragraph break for separately labelled paragraphs.
    """
    groups: list[list[Segment]] = []
    for segment in segments:
        if not segment.text.strip():
            log.debug("%s: line %s: empty turn of %s dropped", transcript_id, segment.line, segment.speaker)
            continue
        if groups and groups[-1][-1].speaker == segment.speaker:
            groups[-1].append(segment)
        else:
            groups.append([segment])
    return [_turn(group, transcript_id, number, joiner) for number, group in enumerate(groups, start=1)]


def _turn(group: list[Segment], transcript_id: str, number: int, joiner: str) -> Turn:
    # An unknown time stays unknown rather than borrowing a neighbour's, which would be wrong.
    return Turn(
        transcript_id=transcript_id,
        turn=number,
        speaker=group[0].speaker,
        start=group[0].start,
        end=group[-1].end,
        text=joiner.join(s.text.strip() for s in group),
    )
