"""The regex prefilter never skips a text its regex would match."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from pipeline.codebook import load_codebook
from pipeline.coding.literal_starts import literal_starts


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\b(?:no|basic) english\b", {"no english", "basic english"}),
        (r"(?:\bnot|n't|\bnever)\b[^.?!]{0,20}\btake", {"not", "n't", "never"}),
        (r"\bdamp(?:ness)?\b", {"damp"}),
        (r"\bx[sz]yz", {"xsyz", "xzyz"}),
        (r"[^.]+landlord", None),  # could begin anywhere
        (r"\bs\.?\s?21\b", None),  # "s" alone filters nothing
        (r"\bstraße", None),  # ß does not fold simply
    ],
)
def test_literal_starts_of_small_patterns(pattern, expected):
    starts = literal_starts(pattern)
    assert (None if starts is None else set(starts)) == expected


def test_no_text_the_codebook_regexes_match_is_filtered_out(repo_root):
    codebook = load_codebook(repo_root / "codebooks/community-consultation.yaml")
    regexes = [t.text for code in codebook.all_codes() for t in code.terms if t.kind == "regex"]
    texts = pd.concat(
        pd.read_csv(repo_root / f"tests/data/{name}-turns.csv")["text"].astype(str)
        for name in ("coding-gold", "coding-fresh", "coding-blind")
    ).tolist()
    texts += ["They CALLED US BACK after a week.", "I'm not going to let them take my kids.", "S21 notice"]
    matched = 0
    for pattern in regexes:
        compiled, starts = re.compile(pattern, re.IGNORECASE), literal_starts(pattern)
        for text in texts:
            if compiled.search(text):
                matched += 1
                assert starts is None or any(s in text.lower() for s in starts), (pattern, text)
    assert matched > 20  # the check saw real matches
