"""What a person should check before sharing: the spans the detectors were least sure of, masked or
left in the text, each with the words around it (private/review/low_confidence.csv: originals, 0600)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from functools import cache
from importlib import resources
from pathlib import Path

import pandas as pd

from pipeline.anonymise.spans import GUESSING_DETECTORS, is_weak

REVIEW_COLUMNS = ["transcript_id", "turn", "start", "end", "label", "detector", "cue", "text", "masked", "reasons",
                  "context"]
CONTEXT_WORDS = 8
_WORD = re.compile(r"\S+")


def doubts(detector: str, cue: str, text: str, masked: bool) -> list[str]:
    """Why a span is uncertain; [] when it is not (a pattern, a known term, a speaker's name in its case).

    There are no model scores: the evidence is how the span was found.
    """
    reasons = []
    cue = cue if isinstance(cue, str) else ""
    guess = detector in GUESSING_DETECTORS
    if is_weak(detector, cue):
        reasons.append("no cue")
    elif guess and cue == "name list":
        reasons.append("name list only")
    if not masked:
        reasons.append("left in the text")
    if guess and len(text.split()) == 1 and text[:1].isupper():
        reasons.append("single capitalised word")
    if text == text.lower() and any(c.isalpha() for c in text) and detector != "pattern":
        reasons.append("lower-case match")
    return reasons


def context_of(text: str, start: int, end: int, words: int = CONTEXT_WORDS) -> str:
    """`words` words either side of text[start:end], the span in [[ ]]."""
    before = _WORD.findall(text[:start])[-words:] if words else []
    after = _WORD.findall(text[end:])[:words] if words else []
    return " ".join([*before, f"[[{text[start:end]}]]", *after]).strip()


def low_confidence(spans: pd.DataFrame, turns: Mapping[tuple[str, int], str], masked_entities: set[str],
                   words: int = CONTEXT_WORDS) -> pd.DataFrame:
    """One row per uncertain span, the most doubtful first (most reasons), then in reading order."""
    rows = []
    for row in spans.itertuples(index=False):
        masked = row.entity in masked_entities
        reasons = doubts(str(row.detector), getattr(row, "cue", ""), str(row.text), masked)
        if not reasons or (masked and reasons == ["lower-case match"] and row.detector in {"known", "speaker"}):
            continue
        text = turns.get((str(row.transcript_id), int(row.turn)), "")
        rows.append({
            "transcript_id": row.transcript_id, "turn": int(row.turn), "start": int(row.start), "end": int(row.end),
            "label": row.label, "detector": row.detector, "cue": getattr(row, "cue", "") or "", "text": row.text,
            "masked": "yes" if masked else "no", "reasons": "; ".join(reasons),
            "context": context_of(text, int(row.start), int(row.end), words),
        })
    table = pd.DataFrame(rows, columns=REVIEW_COLUMNS)
    if not len(table):
        return table
    table["_n"] = table["reasons"].str.count(";")
    table = table.sort_values(["_n", "transcript_id", "turn", "start"], ascending=[False, True, True, True], kind="stable")
    return table.drop(columns="_n").reset_index(drop=True)


def write_low_confidence(span_files: Iterable[str | Path], turns_dir: str | Path, key: pd.DataFrame,
                         output: str | Path) -> int:
    """Write the review table (mode 0600 under private/); returns its row count."""
    from pipeline.io import write_table

    tables = [pd.read_parquet(p) for p in span_files]
    spans = pd.concat(tables, ignore_index=True) if tables else pd.DataFrame(columns=["transcript_id"])
    turns: dict[tuple[str, int], str] = {}
    for transcript_id in sorted(set(spans["transcript_id"])) if len(spans) else []:
        table = pd.read_parquet(Path(turns_dir) / f"{transcript_id}.parquet", columns=["turn", "text"])
        turns.update({(str(transcript_id), int(t)): x if isinstance(x, str) else "" for t, x in
                      zip(table["turn"], table["text"])})
    review = low_confidence(spans, turns, set(key["entity"])) if len(spans) else pd.DataFrame(columns=REVIEW_COLUMNS)
    write_table(review, output, file_mode=0o600)
    return len(review)


@cache
def residual_risk() -> dict:
    """The measured share of identifiers left not fully masked on the frozen sets (pipeline/data)."""
    return json.loads((resources.files("pipeline") / "data" / "anonymisation-residual-risk.json").read_text("utf-8"))


def residual_risk_sentence() -> str:
    """Figures only, for the report's methods section."""
    figures = residual_risk()
    parts = [f"{s['missed_percent']:.1f} % of {s['identifiers']:,} identifiers in {s['description']}"
             for s in figures["sets"]]
    return (f"Residual risk, measured {figures['measured']} on annotated evaluation sets the detector was not tuned on "
            f"(offline detector): not fully masked were " + "; ".join(parts) + ". Known names, places and numbers "
            "listed in private/identifiers.csv are always masked; private/review/low_confidence.csv lists what a "
            "person should check before the results are shared.")
