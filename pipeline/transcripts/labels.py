"""Recognise a speaker label at the start of a line, and clock times.

Shared by every reader: plain text and Markdown lines, Word paragraphs, and
the text inside subtitle cues (Zoom writes `Name: text` there). The hard part
is saying no: "Note: ...", "Time: 10:30", a URL, a title line or a sentence
with a colon in it must not become speakers.
"""

from __future__ import annotations

import re
from typing import NamedTuple

# A clock time as typists and exporters write it: 12:03, 00:12:03, 1:02:03.5, 00:12:03,250.
_CLOCK = r"\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?"
_CLOCK_ONLY = re.compile(rf"^\s*({_CLOCK})\s*$")

# An optional time before the label: [00:12:03], (12:03) or 00:12:03, maybe followed by a dash.
_LEADING_TIME = re.compile(
    rf"^\s*(?:\[\s*(?P<bracketed>{_CLOCK})\s*\]|\(\s*(?P<parenthesised>{_CLOCK})\s*\)|(?P<bare>{_CLOCK})(?=\s))"
    r"\s*(?:[-\u2013\u2014|]\s*)?"
)

_MARKDOWN_BOLD = re.compile(
    r"^(?:\*\*|__)(?P<name>[^*_:]{1,120}?)\s*(?::\s*(?:\*\*|__)|(?:\*\*|__)\s*:)\s*(?P<text>.*)$"
)
# Markdown list items and quotes: "- **Name:** text", "> Name: text".
_MARKDOWN_PREFIX = re.compile(r"^(?:[-*+]|>)\s+")
_BRACKETED = re.compile(r"^\[(?P<name>[^\]\[]{1,60})\]\s*:?(?:\s+(?P<text>.*)|$)")
# The time may also follow the name: "Mirela (00:12:03): ..." or "Mirela [12:03] ...".
_NAME_THEN_TIME = re.compile(
    rf"^(?P<name>[^:\[\]()]{{1,60}}?)\s*[\[(]\s*(?P<time>{_CLOCK})\s*[\])]\s*:?(?:\s+(?P<text>.*)|$)"
)
# "Name: text" needs a space (or the end of the line) after the colon, which rules out URLs and 10:30.
_COLON = re.compile(r"^(?P<name>[^:]{1,120}?)\s*:(?:\s+(?P<text>.*)|$)")
_DASH = re.compile(r"^(?P<name>[^:\-\u2013\u2014]{1,30}?)\s+[-\u2013\u2014]\s+(?P<text>.*)$")

# Committee transcripts put a constituency and party there: "Hon. Name (Long Riding—Other Place, Party)".
_PARENTHETICAL = re.compile(r"\s*\([^()]{0,70}\)")
_NAME_WORD = re.compile(r"^[^\W_][\w'\u2019.\-&]*,?$")

MAX_NAME_WORDS = 5

# Lower-case words that may sit inside a name: "Ana de Souza", "Head of Housing".
_PARTICLES = frozenset(
    "de da das do dos del della di du la le van von der den ter bin ibn bint al el y e of for and".split()
)

# First words that make a line something other than a speaker: document fields,
# discourse words, and the non-speech notes transcribers put in brackets.
_NOT_FIRST_WORDS = frozenset(
    """
    note notes nb ps pps re fw fwd subject time times date dates day duration length location venue place
    title topic theme agenda session transcript transcription transcribed recording recorded attendees present
    apologies absent facilitators participants interpreters speakers moderators observers researchers staff
    url link links website web email e-mail mail tel telephone phone mobile fax address postcode ref reference
    source update edit edited summary action actions question questions section part chapter warning important
    caution tip yes no well so and but or also then because example examples e.g eg i.e ie http https www
    mailto ftp file page total translation translated inaudible unintelligible indistinct laughter laughs
    laughing crosstalk cross-talk overtalk overlapping pause pauses paused silence unclear noise background music
    applause redacted removed coughs cough sighs sigh end break interruption interrupted
    """.split()
)

# Words that mark a title or heading wherever they appear ("Ashby Vale Focus Group: 12 March").
_TITLE_WORDS = frozenset(
    "focus group groups meeting workshop consultation dialogue discussion minutes transcript interview".split()
)

# Roles typists write as labels; with a digit they also allow the "P1 - text" form.
_ROLE_WORDS = frozenset(
    """
    facilitator co-facilitator moderator interviewer interviewee interpreter translator participant respondent
    speaker researcher chair note-taker notetaker q a
    """.split()
)

EXPECTED_FORMS = (
    "'Name: text', 'NAME: text', '[Name] text', 'P1 - text', 'Participant 3: text', "
    "'Interpreter (Romanian): text', '**Name:** text' (Markdown), optionally after a time "
    "such as '[00:12:03]', '00:12:03' or '(12:03)'"
)


class Label(NamedTuple):
    speaker: str
    start: float | None
    text: str


def parse_clock(value: str) -> float | None:
    """Seconds in '12:03', '00:12:03', '1:02:03.5' or '00:12:03,250'; None if it is not a clock time."""
    match = _CLOCK_ONLY.match(value)
    if not match:
        return None
    clock, _, fraction = match.group(1).replace(",", ".").partition(".")
    parts = [int(p) for p in clock.split(":")]
    if any(p >= 60 for p in parts[1:]):
        return None
    seconds = 0
    for part in parts:
        seconds = seconds * 60 + part
    return seconds + (float(f"0.{fraction}") if fraction else 0.0)


def match_label(line: str, *, markdown: bool = False, allow_time: bool = True) -> Label | None:
    """The speaker label (and a time before it) at the start of `line`, or None if the line has none."""
    start = None
    rest = line.strip()
    if allow_time:
        timed = _LEADING_TIME.match(rest)
        if timed:
            start = parse_clock(timed.group("bracketed") or timed.group("parenthesised") or timed.group("bare"))
            rest = rest[timed.end() :]
    if markdown:
        rest = _MARKDOWN_PREFIX.sub("", rest)
        bold = _MARKDOWN_BOLD.match(rest)
        if bold and looks_like_speaker(bold.group("name")):
            return Label(bold.group("name").strip(), start, bold.group("text").strip())
    bracketed = _BRACKETED.match(rest)
    if bracketed and looks_like_speaker(bracketed.group("name")):
        return Label(bracketed.group("name").strip(), start, (bracketed.group("text") or "").strip())
    named_then_time = _NAME_THEN_TIME.match(rest)
    if named_then_time and looks_like_speaker(named_then_time.group("name")):
        own_start = parse_clock(named_then_time.group("time"))
        text = (named_then_time.group("text") or "").strip()
        return Label(named_then_time.group("name").strip(), own_start if own_start is not None else start, text)
    colon = _COLON.match(rest)
    if colon and looks_like_speaker(colon.group("name")):
        return Label(colon.group("name").strip(), start, (colon.group("text") or "").strip())
    dash = _DASH.match(rest)
    if dash and looks_like_speaker(dash.group("name"), strict=True):
        return Label(dash.group("name").strip(), start, dash.group("text").strip())
    return None


def looks_like_speaker(name: str, *, strict: bool = False) -> bool:
    """Whether `name` reads as a speaker label rather than the start of a sentence or a field.

    strict: for separators that are common inside sentences (a dash), also require a
    digit ("P1") or a role word ("Facilitator").
    """
    name = name.strip()
    if not name or len(name) > 120 or "/" in name or "@" in name or "www." in name.casefold():
        return False
    core = _PARENTHETICAL.sub("", name).strip()
    words = core.split()
    if len(core) > 60:
        return False
    if not words or len(words) > MAX_NAME_WORDS:
        return False
    folded = [w.casefold().strip(".,'\u2019") for w in words]
    if folded[0] in _NOT_FIRST_WORDS or any(w in _TITLE_WORDS for w in folded):
        return False
    if not any(ch.isalpha() for ch in core):
        return False
    for word, low in zip(words, folded):
        if not _NAME_WORD.match(word):
            return False
        if not (word[0].isupper() or word[0].isdigit() or low in _PARTICLES):
            return False
    if strict:
        return any(ch.isdigit() for ch in core) or folded[0] in _ROLE_WORDS
    return True
