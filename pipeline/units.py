"""Coding units: a turn, or for a long turn, windows of whole sentences.

Coders score units and the embedder caches one vector per unit; matrices
count turns, so every unit keeps the turn it came from.
"""

from __future__ import annotations

import re

import pandas as pd

UNIT_COLUMNS = ["transcript_id", "turn", "unit", "text"]

# A sentence ends at . ! ? (optionally closed by a quote or bracket) followed by space.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+")


def split_sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text) if s.strip()]


def split_turn(text: str, max_words: int = 120) -> list[str]:
    """Whole sentences grouped into windows of at most `max_words` words (a longer sentence stands alone)."""
    if len(text.split()) <= max_words:
        return [text.strip()] if text.strip() else []
    windows: list[str] = []
    current: list[str] = []
    count = 0
    for sentence in split_sentences(text):
        words = len(sentence.split())
        if current and count + words > max_words:
            windows.append(" ".join(current))
            current, count = [], 0
        current.append(sentence)
        count += words
    if current:
        windows.append(" ".join(current))
    return windows


def split_units(turns: pd.DataFrame, max_words: int = 120) -> pd.DataFrame:
    """One row per unit: transcript_id, turn, unit (from 0 within the turn), text."""
    rows = [
        (transcript_id, turn, unit, window)
        for transcript_id, turn, text in zip(turns["transcript_id"], turns["turn"], turns["text"])
        for unit, window in enumerate(split_turn(str(text), max_words))
    ]
    return pd.DataFrame(rows, columns=UNIT_COLUMNS).astype({"turn": "int64", "unit": "int64"})
