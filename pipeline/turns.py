"""The unit of analysis: a speaker turn, and the column sets each stage reads and writes.

See docs/data.md for every intermediate file and its columns.
"""

from __future__ import annotations

from dataclasses import dataclass

ROLES = ("facilitator", "interpreter", "community", "provider", "other")

# What every reader yields, and the contract of `qualflow parse`.
TURN_COLUMNS = ["transcript_id", "turn", "speaker", "start", "end", "text"]

# What results/anonymised/{id}.parquet holds: the turn, then who and where.
# Speaker attribute columns from speakers.csv (gender, age_band, ...) follow these.
ANONYMISED_COLUMNS = TURN_COLUMNS + ["role", "site", "date", "group_type"]

# speakers.csv column naming whom an interpreter speaks for: one speaker label, or several separated by ';'.
# In results/anonymised/{id}.parquet it holds the pseudonyms of those speakers (see pipeline/matrices/voice.py).
INTERPRETS_FOR = "interprets_for"
LABEL_SEPARATOR = ";"


def split_labels(value: object) -> list[str]:
    """The labels of an interprets_for cell: one label, or several separated by ';'; [] when blank."""
    if not isinstance(value, str):
        return []
    return [part.strip() for part in value.split(LABEL_SEPARATOR) if part.strip()]


# One row per (turn, code) in results/coded/{id}.parquet.
CODED_COLUMNS = [
    "transcript_id",
    "turn",
    "code",
    "theme",
    "score",
    "method",
    "evidence",
    "polarity",
    "counted",
]


@dataclass(frozen=True, slots=True)
class Turn:
    """One speaker's uninterrupted contribution; start/end are seconds from the start, or None."""

    transcript_id: str
    turn: int
    speaker: str
    start: float | None
    end: float | None
    text: str
