"""Short exemplar quotes from anonymised turns, and the framework matrix built from them.

A quote is the sentence of the turn that holds the matched evidence (or the
turn's first sentence), cut to a few words, followed by its turn reference so
a reader can find it in results/anonymised/{id}.txt.
"""

from __future__ import annotations

import re
from collections import namedtuple
from collections.abc import Sequence
from typing import Any

import pandas as pd

from pipeline.io import NOT_RECORDED, text_of
from pipeline.matrices.codes import CodeInfo
from pipeline.units import split_sentences


# A turn shorter than this ("Yes, thank you.") says little out of context; it is quoted only if nothing longer is.
MIN_QUOTE_WORDS = 6


def turn_ref(transcript_id: str, turn: int) -> str:
    return f"{transcript_id}#{turn}"


def shorten(text: str, max_words: int) -> str:
    words = text.split()
    return text.strip() if len(words) <= max_words else " ".join(words[:max_words]) + " …"


def quote_from_turn(text: str, evidence: str, max_words: int) -> str:
    """The sentence holding the first matched term, else the first sentence that says something, cut to
    `max_words` words."""
    sentences = split_sentences(text) or [text.strip()]
    for term in (t.strip().rstrip("*").strip() for t in evidence.split(" | ")):
        if len(term) < 3:
            continue
        pattern = re.compile(r"\b" + re.escape(term), re.IGNORECASE)
        hit = next((s for s in sentences if pattern.search(s)), None)
        if hit:
            return shorten(hit, max_words)
    telling = next((s for s in sentences if len(s.split()) >= MIN_QUOTE_WORDS), sentences[0])
    return shorten(telling, max_words)


def rank_quotes(
    evidence: pd.DataFrame | list[Any], prefer_role: str | None = None, texts: dict[tuple[str, int], str] | None = None
) -> list[Any]:
    """Evidence rows (a table, or its itertuples) best first, one per turn: preferred role, then turns long
    enough to say something, then highest score, then document order.

    Plain Python rather than pandas: it runs once per framework cell, on a handful of rows.
    """
    texts = texts or {}
    rows = plain_rows(evidence) if isinstance(evidence, pd.DataFrame) else evidence

    def key(r: Any) -> tuple:
        # maxsplit: counting to MIN_QUOTE_WORDS is enough, and long turns are the common case.
        text = texts.get((r.transcript_id, int(r.turn)), "") if texts else None
        short = text is not None and len(text.split(None, MIN_QUOTE_WORDS)) < MIN_QUOTE_WORDS
        return (prefer_role is not None and _voice_role(r) != prefer_role, short, -float(r.score), r.transcript_id, int(r.turn))

    seen: set[tuple[str, int]] = set()
    best = []
    for row in sorted(rows, key=key):
        if (row.transcript_id, int(row.turn)) not in seen:
            seen.add((row.transcript_id, int(row.turn)))
            best.append(row)
    return best


def plain_rows(table: pd.DataFrame) -> list[Any]:
    """The rows as named tuples of plain Python values, as `itertuples` gives them but converted a column at a
    time: iterating Arrow-backed columns value by value was most of the report's 13-15 s at 100 transcripts."""
    row = namedtuple("Row", table.columns, rename=True)  # type: ignore[misc]
    return [row(*values) for values in zip(*(table[c].tolist() for c in table.columns))]


def exemplars(
    evidence: pd.DataFrame | list[Any],
    texts: dict[tuple[str, int], str],
    limit: int,
    max_words: int,
    prefer_role: str | None = None,
) -> list[dict]:
    """Up to `limit` quotes, {'quote', 'speaker', 'role', 'ref', 'code'}, from as many different speakers as possible."""
    ranked = rank_quotes(evidence, prefer_role, texts)
    voices: set[str] = set()
    first_of_each = []
    for row in ranked:
        if _voice(row) not in voices:
            voices.add(_voice(row))
            first_of_each.append(row)
    chosen = first_of_each[:limit]
    if len(chosen) < limit:  # fewer voices than quotes wanted: more from the same voices
        voiced = {id(r) for r in chosen}
        chosen += [r for r in ranked if id(r) not in voiced][: limit - len(chosen)]
    return [
        {
            "quote": quote_from_turn(texts.get((r.transcript_id, int(r.turn)), ""), text_of(r.evidence), max_words),
            "speaker": text_of(_voice(r), NOT_RECORDED),
            "role": text_of(_voice_role(r), NOT_RECORDED),
            "ref": turn_ref(r.transcript_id, int(r.turn)),
            "code": r.code,
            "via_interpreter": _via_interpreter(r),
        }
        for r in chosen
    ]


def _voice(row: Any) -> Any:
    """The participant credited with the turn (an interpreter's relayed turn is theirs; see voice.py)."""
    return getattr(row, "voice_speaker", row.speaker)


def _voice_role(row: Any) -> Any:
    return getattr(row, "voice_role", row.role)


def _via_interpreter(row: Any) -> bool:
    value = getattr(row, "via_interpreter", False)
    return value is True or str(value).strip().casefold() == "true"


VIA_INTERPRETER = "via interpreter"


def format_quote(q: dict, with_speaker: bool = True) -> str:
    who = f"{q['speaker']}, " if with_speaker else ""
    via = f"{VIA_INTERPRETER}, " if q.get("via_interpreter") else ""
    if with_speaker and via:
        who = f"{q['speaker']} {via}"
        via = ""
    return f"“{q['quote']}” ({who}{via}{q['ref']})"


def turn_texts(turns: pd.DataFrame) -> dict[tuple[str, int], str]:
    columns = (turns["transcript_id"].tolist(), turns["turn"].tolist(), turns["text"].tolist())
    return {(t, int(n)): text_of(x) for t, n, x in zip(*columns)}


def framework_matrix(
    base: pd.DataFrame,
    evidence: pd.DataFrame,
    codes: list[CodeInfo],
    case: str = "participant",
    quotes: int = 2,
    max_words: int = 25,
) -> pd.DataFrame:
    """One row per case (speaker pseudonym or transcript), one column per theme, cells of exemplar quotes.

    Every case with counted turns gets a row, so an empty cell says "this
    person (or session) did not raise it", which is itself a finding.
    """
    # A participant is whose voice the turn is (voice_speaker, from counted_turns), never an interpreter.
    person = "voice_speaker" if "voice_speaker" in base.columns else "speaker"
    case_column = person if case == "participant" else "transcript_id"
    texts = turn_texts(base)
    themes = [c for c in codes if c.depth == 0]
    described = _describe_cases(base, case_column)
    # Rows grouped in plain Python: a DataFrame per cell costs milliseconds, and there are thousands of cells.
    by_cell: dict[tuple[str, str], list[Any]] = {}
    for row in plain_rows(evidence):
        by_cell.setdefault((getattr(row, case_column), row.theme), []).append(row)
    cells: dict[tuple[str, str], str] = {}
    for (case_id, theme), rows in by_cell.items():
        picked = exemplars(rows, texts, quotes, max_words)
        cells[(case_id, theme)] = "\n".join(format_quote(q, with_speaker=case_column != person) for q in picked)
    for theme in themes:
        described[theme.label] = [cells.get((case_id, theme.id), "") for case_id in described["case"]]
    return described


def _describe_cases(base: pd.DataFrame, case_column: str) -> pd.DataFrame:
    def joined(values: pd.Series) -> str:
        return "; ".join(sorted({text_of(v, NOT_RECORDED) for v in values}))

    role = "voice_role" if "voice_role" in base.columns else "role"
    extra: Sequence[str] = (role, "transcript_id") if case_column in {"speaker", "voice_speaker"} else ("site", "group_type")
    grouped = base.groupby(case_column, sort=True)
    table = grouped.agg(**{name: (name, joined) for name in extra}, turns=("turn", "size")).reset_index()
    table = table.rename(columns={case_column: "case"})
    return table.rename(columns={"transcript_id": "transcripts", role: "role"})
