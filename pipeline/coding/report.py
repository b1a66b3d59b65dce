"""The codebook refinement report: what each code caught, what it missed, and turns nothing caught.

For analysts revising a codebook round after round. It reads only anonymised
turns and coded results, so it is safe to share like the rest of results/.
"""

from __future__ import annotations

import itertools
from collections import Counter
from typing import Any

import pandas as pd

from pipeline.codebook import Codebook
from pipeline.text import clip

REPORT_COLUMNS = ["code", "theme", "label", "level", "turns", "negated", "hypothetical", "participants",
                  "by_terms", "by_semantic", "by_supervised", "top_terms", "unmatched_terms"]
QUOTE_CHARS = 300
TOP_TERMS = 5
SEED = 42


def refinement_table(coded: pd.DataFrame, turns: pd.DataFrame, codebook: Codebook) -> pd.DataFrame:
    """One row per code: hits, denials, participants, which coder found it, top and never-matched terms."""
    speaker = dict(zip(zip(turns["transcript_id"], turns["turn"].astype(int)), turns["speaker"]))
    rows = []
    for code in codebook.all_codes():
        mine = coded[coded["code"] == code.id]
        counted = mine[mine["counted"]]
        term_texts = {t.text for t in code.terms}
        matched = Counter(e for evidence in mine["evidence"] for e in str(evidence).split(" | ") if e in term_texts)
        participants = {(t, speaker.get((t, int(n)))) for t, n in zip(counted["transcript_id"], counted["turn"])}
        rows.append({
            "code": code.id, "theme": code.theme, "label": code.label,
            "level": "theme" if code.parent is None else "sub-code",
            "turns": len(counted),
            "negated": int((mine["polarity"] == "negated").sum()),
            "hypothetical": int((mine["polarity"] == "hypothetical").sum()),
            "participants": len(participants),
            **{f"by_{m}": int(mine["method"].str.contains(m, regex=False).sum())
               for m in ("terms", "semantic", "supervised")},
            "top_terms": "; ".join(f"{t} ({n})" for t, n in matched.most_common(TOP_TERMS)),
            "unmatched_terms": "; ".join(t.text for t in code.terms if t.text not in matched),
        })
    return pd.DataFrame(rows, columns=REPORT_COLUMNS)


def cooccurrence(coded: pd.DataFrame, level: str = "theme", top: int = 15) -> pd.DataFrame:
    """Pairs coded in the same turn most often, with the Jaccard index of their turn sets."""
    counted = coded[coded["counted"]]
    turn_sets = counted.groupby(level)[["transcript_id", "turn"]].apply(lambda g: set(zip(g.iloc[:, 0], g.iloc[:, 1])))
    rows = []
    for a, b in itertools.combinations(sorted(turn_sets.index), 2):
        both = len(turn_sets[a] & turn_sets[b])
        if both:
            rows.append({"a": a, "b": b, "turns": both, "jaccard": round(both / len(turn_sets[a] | turn_sets[b]), 3)})
    table = pd.DataFrame(rows, columns=["a", "b", "turns", "jaccard"])
    return table.sort_values(["turns", "jaccard", "a", "b"], ascending=[False, False, True, True]).head(top)


def sibling_overlaps(coded: pd.DataFrame, codebook: Codebook) -> pd.DataFrame:
    """Sibling sub-codes applied to the same turns: candidates for merging or sharper criteria."""
    counted = coded[coded["counted"]]
    sets = {c: set(zip(g["transcript_id"], g["turn"])) for c, g in counted.groupby("code")}
    rows = []
    for parent in codebook.all_codes():
        for a, b in itertools.combinations([c.id for c in parent.children], 2):
            both = len(sets.get(a, set()) & sets.get(b, set()))
            smaller = min(len(sets.get(a, ())), len(sets.get(b, ()))) or 1
            if both:
                rows.append({"parent": parent.id, "a": a, "b": b, "turns": both, "share_of_smaller": round(both / smaller, 3)})
    return pd.DataFrame(rows, columns=["parent", "a", "b", "turns", "share_of_smaller"])


def uncoded_sample(coded: pd.DataFrame, turns: pd.DataFrame, n: int, exclude_roles: tuple[str, ...] = ("facilitator",)) -> pd.DataFrame:
    """A seeded random sample of turns with no counted code, to read for what the codebook misses."""
    coded_turns = set(zip(coded.loc[coded["counted"], "transcript_id"], coded.loc[coded["counted"], "turn"].astype(int)))
    keys = list(zip(turns["transcript_id"], turns["turn"].astype(int)))
    mask = [k not in coded_turns for k in keys]
    pool = turns[mask]
    if "role" in pool.columns:
        pool = pool[~pool["role"].isin(exclude_roles)]
    sample = pool.sample(n=min(n, len(pool)), random_state=SEED) if n else pool.head(0)
    sample = sample.sort_values(["transcript_id", "turn"])
    text = sample["text"].astype(str).map(lambda t: clip(t, QUOTE_CHARS))
    return pd.DataFrame({"transcript_id": sample["transcript_id"], "turn": sample["turn"],
                         "speaker": sample["speaker"], "text": text})


def refinement_markdown(codebook: Codebook, table: pd.DataFrame, pairs: pd.DataFrame, siblings: pd.DataFrame,
                        sample: pd.DataFrame, turns: pd.DataFrame, supervised_cv: pd.DataFrame | None = None) -> str:
    lines = [f"# Codebook refinement report: {codebook.name} {codebook.version}", "",
             f"Codebook `{codebook.path}` (sha256 {codebook.sha256[:12]}), {len(turns)} turns in "
             f"{turns['transcript_id'].nunique()} transcripts. Counts are turns with a counted code "
             "(negated mentions are listed apart and never counted).", "", "## Codes", "",
             "| code | level | turns | participants | negated | hypothetical | terms / semantic / supervised | top terms |",
             "|---|---|---|---|---|---|---|---|"]
    for r in table.itertuples(index=False):
        lines.append(f"| {r.code} | {r.level} | {r.turns} | {r.participants} | {r.negated} | {r.hypothetical} | "
                     f"{r.by_terms} / {r.by_semantic} / {r.by_supervised} | {_cell(r.top_terms)} |")
    lines += ["", "## Terms that never matched", "",
              "Candidates for removal, or for a form the data actually uses.", ""]
    for r in table.itertuples(index=False):
        if r.unmatched_terms:
            lines.append(f"- **{r.code}**: {_cell(r.unmatched_terms)}")
    never = table[table["turns"] == 0]["code"].tolist()
    if never:
        lines += ["", f"Codes with no counted turn: {', '.join(never)}."]
    lines += ["", "## Themes that often occur together", "", "| theme | theme | turns | Jaccard |", "|---|---|---|---|"]
    lines += [f"| {r.a} | {r.b} | {r.turns} | {r.jaccard:.2f} |" for r in pairs.itertuples(index=False)]
    lines += ["", "## Sibling overlaps", "",
              "Sub-codes of one parent applied to the same turns; a high share suggests merging them or sharpening "
              "their criteria.", ""]
    if len(siblings):
        lines += ["| parent | code | code | turns | share of the smaller |", "|---|---|---|---|---|"]
        lines += [f"| {r.parent} | {r.a} | {r.b} | {r.turns} | {r.share_of_smaller:.2f} |"
                  for r in siblings.itertuples(index=False)]
    else:
        lines.append("None.")
    if supervised_cv is not None:
        lines += supervised_section(supervised_cv)
    lines += ["", f"## A sample of {len(sample)} uncoded turns (de-identified text)", ""]
    lines += [f"- `{r.transcript_id}` turn {r.turn}, {r.speaker}: {_cell(r.text)}" for r in sample.itertuples(index=False)]
    return "\n".join(lines) + "\n"


def supervised_section(cv: pd.DataFrame) -> list[str]:
    """The supervised coder's cross-validated precision, recall and F1 per code, and the codes left out."""
    lines = ["", "## The analyst's model (supervised coder)", "",
             "Cross-validated on the analyst's own coded turns (5 stratified folds) before the model was used. "
             "Codes without a classifier are left to the other coders.", "",
             "| code | coded turns | precision | recall | F1 | status |", "|---|---|---|---|---|---|"]
    for r in cv.itertuples(index=False):
        cells = ["" if pd.isna(v) else f"{float(v):.2f}" for v in (r.precision, r.recall, r.f1)]
        lines.append(f"| {r.code} | {r.positives} | " + " | ".join(cells) + f" | {_cell(r.status)} |")
    return lines


def _cell(text: Any) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")
