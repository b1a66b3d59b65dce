"""Shortening text for display without cutting a word in two.

A cut word can spell a name: "make" cut to "mak…" matched the surname Mak in the
leak gate, and a shortened quote should not put words in anyone's mouth either.
"""

from __future__ import annotations

ELLIPSIS = " …"


def clip(text: str, max_chars: int) -> str:
    """`text` if it fits in `max_chars`, else its whole words that fit, then " …"."""
    text = text.strip()
    if len(text) <= max_chars:
        return text
    room = text[: max(max_chars - len(ELLIPSIS), 0) + 1]
    cut = room.rfind(" ")
    # With no space to cut at (one very long word, such as a web address), the start of it is kept.
    kept = room[:cut] if cut > 0 else room[:-1]
    return kept.rstrip() + ELLIPSIS
