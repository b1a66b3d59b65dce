"""Short exemplar quotes from anonymised turns, and the framework matrix built from them.

Only turns the coders are sure of are quoted (both coders agree, or a high semantic score), never a
facilitator's, and only turns that say something on their own; a short reply is shown after the
facilitator's question it answers. A quote is the sentence of the turn that holds the matched evidence
(or the turn's first sentence that says something), cut to a few words, followed by its turn reference
so a reader can find it in results/anonymised/{id}.txt, and by why it was coded (the matched terms, the
nearest codebook text). The benchmark (benchmarks/coding_eval.py --quotes) scores these same functions.
"""

from __future__ import annotations

import re
from collections import namedtuple
from collections.abc import Sequence
from typing import Any, NamedTuple

import pandas as pd

from pipeline.io import NOT_RECORDED, text_of
from pipeline.matrices.codes import CodeInfo
from pipeline.text import clip
from pipeline.units import split_sentences


# Which quotes may be shown (docs/coding.md, "Quotes"): the coders must be sure of the theme, and the turn must
# say something on its own. Words are counted after pseudonym tags ("[ADDRESS_1]") are taken out, so an
# address-only turn is short.
MIN_QUOTE_WORDS = 6
# A shorter reply is shown after the facilitator's question it answers, if it has this many words of its own.
MIN_REPLY_WORDS = 2
# Sure of a theme: the terms and the semantic coder both found it in the turn, or the semantic score alone
# is at least this (the coding threshold is 0.45; chosen on the main gold set, docs/coding.md).
SURE_SEMANTIC = 0.60
FACILITATOR = "facilitator"
WHY_CHARS = 70
TERM_CHARS = 30  # a regex term is shown cut to this
_TAG = re.compile(r"\[[A-Z][A-Z_]*(?:_\d+)?\]")


def turn_ref(transcript_id: str, turn: int) -> str:
    return f"{transcript_id}#{turn}"


def shorten(text: str, max_words: int) -> str:
    words = text.split()
    return text.strip() if len(words) <= max_words else " ".join(words[:max_words]) + " …"


def own_words(text: str) -> int:
    """Words a turn says itself: pseudonym tags and bare punctuation do not count."""
    return sum(1 for w in _TAG.sub(" ", text).split() if any(ch.isalnum() for ch in w))


def quote_from_turn(text: str, evidence: str, max_words: int) -> str:
    """The sentence holding the first matched term, else the first sentence that says something, cut to
    `max_words` words."""
    sentences = split_sentences(text) or [text.strip()]
    for term in (t.strip().rstrip("*").strip() for t in evidence.split(" | ")):
        if len(term) < 3:
            continue
        pattern = re.compile(r"\b" + re.escape(term), re.IGNORECASE)
        hit = next((i for i, s in enumerate(sentences) if pattern.search(s)), None)
        if hit is not None:
            # A short sentence ("Housing, definitely.") runs on into the next ones until it says something.
            end = hit + 1
            while end < len(sentences) and own_words(" ".join(sentences[hit:end])) < MIN_QUOTE_WORDS:
                end += 1
            return shorten(" ".join(sentences[hit:end]), max_words)
    telling = next((s for s in sentences if own_words(s) >= MIN_QUOTE_WORDS), None)
    return shorten(telling if telling is not None else text.strip(), max_words)


class Confidence(NamedTuple):
    """How sure the coders are of one theme (or code) in one turn, from its evidence rows."""

    agree: bool  # the terms and the semantic coder both found it
    semantic: float  # best semantic score, 0 when the semantic coder did not find it
    terms: tuple[str, ...]  # the matched terms
    nearest: str  # the semantic coder's nearest codebook text

    @property
    def sure(self) -> bool:
        return self.agree or self.semantic >= SURE_SEMANTIC

    @property
    def why(self) -> str:
        """What a reader can check: the matched terms, and the nearest codebook text (with its score when the
        semantic coder alone found the theme)."""
        parts = [f"matched: {', '.join(clip(t, TERM_CHARS) for t in self.terms)}"] if self.terms else []
        if self.nearest:
            score = f" ({self.semantic:.2f})" if self.semantic else ""
            parts.append(f"near: “{clip(self.nearest, WHY_CHARS)}”{score}")
        return "; ".join(parts)


def confidence(rows: Sequence[Any]) -> Confidence:
    """The Confidence of the evidence rows of one turn (any codes of the theme)."""
    terms: list[str] = []
    semantic, nearest, by = 0.0, "", set()
    for r in rows:
        methods = set(str(r.method).split("+"))
        by |= methods
        pieces = [e for e in text_of(r.evidence).split(" | ") if e]
        # A merged row's evidence is the terms coder's terms, then the semantic coder's nearest text.
        own = pieces[: len(pieces) - 1] if "semantic" in methods and pieces else pieces
        if "terms" in methods:
            terms += [e for e in own if e not in terms]
        if "semantic" in methods and pieces:
            if methods == {"semantic"}:  # a merged row's score is the larger of the coders' scores
                if float(r.score) >= semantic:
                    semantic, nearest = float(r.score), pieces[-1]
            elif not nearest:
                nearest = pieces[-1]
    return Confidence("terms" in by and "semantic" in by, round(semantic, 4), tuple(terms), nearest)


def eligibility(text: str, role: str, conf: Confidence, asked: str = "") -> str:
    """Why a turn may not be quoted for a theme ("" when it may): facilitator, unsure, placeholders, short."""
    if role == FACILITATOR:
        return "facilitator"
    if not conf.sure:
        return "unsure"
    words = own_words(text)
    if words >= MIN_QUOTE_WORDS:
        return ""
    if _TAG.search(text):
        return "placeholders"  # "I live at [ADDRESS_1]": what is left says nothing
    if asked and words >= MIN_REPLY_WORDS:
        return ""
    return "short"


def facilitator_prompts(turns: pd.DataFrame) -> dict[tuple[str, int], str]:
    """For each turn that follows a facilitator's turn in its transcript, that turn's text."""
    if turns.empty or "role" not in turns.columns:
        return {}
    ordered = turns.sort_values(["transcript_id", "turn"], kind="stable")
    ids, numbers = ordered["transcript_id"].tolist(), [int(n) for n in ordered["turn"].tolist()]
    roles, texts = ordered["role"].tolist(), ordered["text"].tolist()
    return {(ids[i], numbers[i]): text_of(texts[i - 1]) for i in range(1, len(ids))
            if ids[i] == ids[i - 1] and roles[i - 1] == FACILITATOR}


class Candidate(NamedTuple):
    """One turn that may be quoted for a theme or code: its best evidence row, how sure the coders are, and
    why it may not be shown ("" when it may)."""

    row: Any
    confidence: Confidence
    asked: str
    refused: str


def candidates(
    evidence: pd.DataFrame | list[Any],
    texts: dict[tuple[str, int], str],
    prompts: dict[tuple[str, int], str] | None = None,
) -> list[Candidate]:
    """One Candidate per turn of the evidence rows, the surest first: both coders agree, then the semantic
    score, then the number of matched terms, then document order.

    Plain Python rather than pandas: it runs once per framework cell, on a handful of rows.
    """
    prompts = prompts or {}
    rows = plain_rows(evidence) if isinstance(evidence, pd.DataFrame) else evidence
    by_turn: dict[tuple[str, int], list[Any]] = {}
    for row in rows:
        by_turn.setdefault((row.transcript_id, int(row.turn)), []).append(row)
    found = []
    for key, mine in by_turn.items():
        conf = confidence(mine)
        asked = prompts.get(key, "")
        best = max(mine, key=lambda r: float(r.score))
        found.append(Candidate(best, conf, asked, eligibility(texts.get(key, ""), text_of(best.role), conf, asked)))
    found.sort(key=lambda c: (not c.confidence.agree, -c.confidence.semantic, -len(c.confidence.terms),
                              c.row.transcript_id, int(c.row.turn)))
    return found


def balanced(chosen: list[Candidate], limit: int, prefer_role: str | None = None) -> list[Candidate]:
    """Up to `limit` of the candidates (surest first), taking roles in turn (`prefer_role` first) and, within a
    role, every speaker's surest turn before anyone's second: no role or fluent speaker crowds out the rest."""
    seen: dict[str, int] = {}
    by_role: dict[str, list[tuple[int, int, Candidate]]] = {}
    for i, c in enumerate(chosen):
        speaker = text_of(_voice(c.row))
        by_role.setdefault(text_of(_voice_role(c.row)), []).append((seen.get(speaker, 0), i, c))
        seen[speaker] = seen.get(speaker, 0) + 1
    roles = sorted(by_role, key=lambda r: (r != prefer_role, by_role[r][0][1]))
    queues = [sorted(by_role[r], key=lambda item: item[:2]) for r in roles]
    out: list[Candidate] = []
    while len(out) < limit and any(queues):
        for queue in queues:
            if queue and len(out) < limit:
                out.append(queue.pop(0)[2])
    return out


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
    prompts: dict[tuple[str, int], str] | None = None,
) -> list[dict]:
    """Up to `limit` quotes the coders are sure of (see `eligibility`), balanced across roles and speakers:
    {'quote', 'asked', 'why', 'speaker', 'role', 'ref', 'transcript_id', 'turn', 'code'}. `asked` is the
    facilitator's question before a short reply ("" otherwise); `prompts` maps turns to it
    (facilitator_prompts)."""
    shown = [c for c in candidates(evidence, texts, prompts) if not c.refused]
    quotes = []
    for c in balanced(shown, limit, prefer_role):
        r, key = c.row, (c.row.transcript_id, int(c.row.turn))
        text = texts.get(key, "")
        short = own_words(text) < MIN_QUOTE_WORDS
        quotes.append({
            "quote": shorten(text, max_words) if short else quote_from_turn(text, text_of(r.evidence), max_words),
            "asked": shorten(_question(c.asked), max_words) if short else "",
            "why": c.confidence.why,
            "speaker": text_of(_voice(r), NOT_RECORDED),
            "role": text_of(_voice_role(r), NOT_RECORDED),
            "ref": turn_ref(r.transcript_id, int(r.turn)),
            "transcript_id": r.transcript_id, "turn": int(r.turn),
            "code": r.code,
            "via_interpreter": _via_interpreter(r),
        })  # fmt: skip
    return quotes


def _question(text: str) -> str:
    """The facilitator's question: the last sentence of their turn that asks one, else its last sentence."""
    sentences = split_sentences(text) or [text.strip()]
    return next((s for s in reversed(sentences) if s.endswith("?")), sentences[-1])


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
    asked = f"Asked “{q['asked']}”: " if q.get("asked") else ""
    why = f"; {q['why']}" if q.get("why") else ""
    return f"{asked}“{q['quote']}” ({who}{via}{q['ref']}{why})"


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
    prompts: dict[tuple[str, int], str] | None = None,
) -> pd.DataFrame:
    """One row per case (speaker pseudonym or transcript), one column per theme, cells of exemplar quotes.

    Every case with counted turns gets a row, so an empty cell says "this
    person (or session) did not raise it", which is itself a finding; a case that raised it only in turns
    too unsure or short to quote says so. `prompts`: facilitator_prompts() of all turns.
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
        picked = exemplars(rows, texts, quotes, max_words, prompts=prompts)
        turns = len({(r.transcript_id, int(r.turn)) for r in rows})
        cells[(case_id, theme)] = ("\n".join(format_quote(q, with_speaker=case_column != person) for q in picked)
                                   or f"(raised in {turns} turn{'s' if turns != 1 else ''}; none clear enough to quote)")
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
