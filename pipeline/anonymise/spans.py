"""The span: what every detector returns, and how overlapping spans are settled."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

LABELS = ("PERSON", "PLACE", "ORG", "ADDRESS", "POSTCODE", "PHONE", "EMAIL", "ID_NUMBER", "DATE", "URL", "OTHER")

# Pattern and known-identifier spans are near certain; free-text guesses are not,
# so on equal length the more certain detector decides the label.
DETECTOR_PRIORITY = {"known": 0, "speaker": 1, "pattern": 2, "context": 3, "strict": 3, "spacy": 4, "offline": 5, "key": 6}
# The free-text layer guesses; every other detector matches what is known or has a fixed shape.
GUESSING_DETECTORS = frozenset({"offline", "spacy"})


@dataclass(frozen=True, slots=True)
class Span:
    """Characters [start, end) of one text; `entity` groups spans that share a pseudonym (set later).

    `cue` is the evidence a guessing detector saw besides the word itself ("title", "relation",
    "called", "suffix", "speech", "vocative", "initials", "apposition", "name list"); empty when the
    word alone decided.
    """

    start: int
    end: int
    label: str
    detector: str
    entity: str = ""
    cue: str = ""

    def overlaps(self, other: "Span") -> bool:
        return self.start < other.end and other.start < self.end


def is_weak(detector: str, cue: str) -> bool:
    """A guess on the word alone (a capitalised word rare in English, no name cue around it)."""
    return detector in GUESSING_DETECTORS and not cue


class Detector(Protocol):
    """Finds identifier spans in one text. `name` is what redactions.csv records."""

    name: str

    def find(self, text: str) -> list[Span]: ...


def resolve_overlaps(spans: Iterable[Span]) -> list[Span]:
    """Keep a non-overlapping subset: longest first, then the more certain detector, then leftmost."""
    ranked = sorted(spans, key=lambda s: (-(s.end - s.start), DETECTOR_PRIORITY.get(s.detector, 9), s.start))
    kept: list[Span] = []
    for span in ranked:
        if span.end > span.start and not any(span.overlaps(k) for k in kept):
            kept.append(span)
    return sorted(kept, key=lambda s: s.start)
