"""Deductive coding against a codebook: swappable coders chosen by name, and how their hits combine.

Coders score coding units (pipeline/units.py); results are reported per
(turn, code) so matrices count turns. Heavy libraries load only in the coder
that needs them.
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.coding.polarity import AFFIRMED

CODER_NAMES = ("terms", "semantic", "supervised")


@dataclass(frozen=True)
class Hit:
    """One code found in one unit by one coder."""

    unit: int  # row of the units table
    code: str
    score: float
    evidence: tuple[str, ...]
    polarity: str = AFFIRMED
