"""Shortened text never ends in part of a word."""

from __future__ import annotations

import pytest

from pipeline.text import clip


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("childcare that make classes possible", 18, "childcare that …"),  # never "childcare that mak…"
        ("childcare that make", 19, "childcare that make"),
        ("  padded  ", 6, "padded"),
        ("https://example.invalid/a/very/long/path", 12, "https://ex …"),
    ],
)
def test_clip_keeps_whole_words_within_the_limit(text, limit, expected):
    assert clip(text, limit) == expected
    assert len(clip(text, limit)) <= limit

