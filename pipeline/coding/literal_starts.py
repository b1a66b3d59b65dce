"""What every match of a regex must begin with, so a text without any of it need not be scanned.

The codebook's regex terms were most of the terms coder's time: each is scanned over every unit,
and almost no unit matches. A match of `\\b(?:rang|rung) (?:me|us) back` begins with "rang " or
"rung "; a unit whose lowered text contains neither cannot match, and `in` finds that at C speed.
"""

from __future__ import annotations

import re
from typing import Any

# Stop expanding once a regex has this many possible beginnings: checking them would cost more.
MAX_STARTS = 64
# A beginning shorter than this is in almost every text and filters nothing.
MIN_START_LENGTH = 3


def literal_starts(pattern: str) -> frozenset[str] | None:
    """Lower-case strings one of which begins every match of `pattern` (matched ignoring case),
    or None when no useful such set is known (then the regex must be tried on every text)."""
    try:
        from re import _parser

        parsed = _parser.parse(pattern, re.IGNORECASE)
        starts, _ = _sequence(list(parsed))
    except Exception:  # an unexpected construct (or another Python's parser): no filter, still correct
        return None
    if not starts or min(len(s) for s in starts) < MIN_START_LENGTH:
        return None
    # Characters whose case does not fold simply ("ß" upper-cases to "SS") are left to the regex itself.
    if any(len(s.lower()) != len(s) or s.upper().lower() != s.lower() for s in starts):
        return None
    return frozenset(s.lower() for s in starts)


def _sequence(items: list[tuple[Any, Any]]) -> tuple[set[str], bool]:
    """(beginnings, complete): complete means each beginning is a whole match of the sequence."""
    from re import _constants as sre

    starts = {""}
    for op, arg in items:
        if op is sre.AT:
            continue  # a boundary matches no characters
        if op is sre.LITERAL:
            part, complete = {chr(arg)}, True
        elif op is sre.IN and all(o is sre.LITERAL for o, _ in arg):
            part, complete = {chr(a) for _, a in arg}, True
        elif op is sre.SUBPATTERN:
            part, complete = _sequence(list(arg[-1]))
        elif op is sre.BRANCH:
            branches = [_sequence(list(branch)) for branch in arg[1]]
            part = set().union(*(b for b, _ in branches))
            complete = all(c for _, c in branches)
        else:
            return starts, False
        longer = {a + b for a in starts for b in part}
        if len(longer) > MAX_STARTS:
            return starts, False  # the beginnings so far, shorter but few enough to check
        starts = longer
        if not complete:
            return starts, False
    return starts, True
