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
TERM_FLAG_COLUMNS = ["term", "code", "theme", "hits", "theme_turns", "decides", "decides_share", "far_share", "flags"]
# A term is flagged when it matched at least FLAG_MIN_HITS counted turns and either alone decides at least
# DECIDES_SHARE of its theme's turns, or at least FAR_SHARE of its hits are turns the semantic coder did not
# place near the theme (below its threshold): hits far from the definition and examples.
FLAG_MIN_HITS = 5
DECIDES_SHARE = 0.25
FAR_SHARE = 0.6


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


def term_flags(coded: pd.DataFrame, codebook: Codebook) -> pd.DataFrame:
    """Per matched term: counted turns it matched (hits), turns of its theme it alone decided (the theme's only
    evidence in the turn), and the share of its hits the semantic coder did not find the theme in ("far"; empty
    when the semantic coder did not run). `flags` names why a term deserves a look ("" when it does not).

    Nearness comes from the semantic coder's own results (its similarity of the turn to the theme's
    definition and examples), so no embedding is computed here.
    """
    counted = coded[coded["counted"].astype(bool)]
    term_of = {c.id: {t.text for t in c.terms} for c in codebook.all_codes()}
    theme_of = {c.id: c.theme for c in codebook.all_codes()}
    semantic_ran = bool(coded["method"].astype(str).str.contains("semantic", regex=False).any())
    # (transcript, turn, theme) -> terms matched for it, and whether the semantic coder found it
    terms_in: dict[tuple[str, int, str], set[str]] = {}
    near: set[tuple[str, int, str]] = set()
    hits: dict[tuple[str, str], set[tuple[str, int]]] = {}
    for t, n, code, method, evidence in zip(counted["transcript_id"], counted["turn"], counted["code"],
                                            counted["method"].astype(str), counted["evidence"].astype(str)):
        key = (t, int(n), theme_of.get(code, code))
        terms_in.setdefault(key, set())
        if "semantic" in method:
            near.add(key)
        if "terms" in method:
            for e in evidence.split(" | "):
                if e in term_of.get(code, ()):
                    terms_in[key].add(e)
                    hits.setdefault((e, code), set()).add(key[:2])
    theme_turns: dict[str, int] = {}
    for key in terms_in:
        theme_turns[key[2]] = theme_turns.get(key[2], 0) + 1
    rows = []
    for (term, code), turns in hits.items():
        theme = theme_of[code]
        keys = [(t, n, theme) for t, n in turns]
        decides = sum(1 for k in keys if terms_in[k] == {term} and k not in near)
        share = decides / theme_turns[theme] if theme_turns.get(theme) else 0.0
        far = sum(1 for k in keys if k not in near) / len(keys) if semantic_ran else None
        flags = []
        if len(keys) >= FLAG_MIN_HITS and share >= DECIDES_SHARE:
            flags.append(f"alone decides {100 * share:.0f} % of {theme}")
        if len(keys) >= FLAG_MIN_HITS and far is not None and far >= FAR_SHARE:
            flags.append("mostly far from its definition")
        rows.append({"term": term, "code": code, "theme": theme, "hits": len(keys), "theme_turns": theme_turns[theme],
                     "decides": decides, "decides_share": round(share, 3),
                     "far_share": None if far is None else round(far, 3), "flags": "; ".join(flags)})
    table = pd.DataFrame(rows, columns=TERM_FLAG_COLUMNS)
    return table.sort_values(["hits", "term", "code"], ascending=[False, True, True], kind="stable").reset_index(drop=True)


def term_flag_lines(flags: pd.DataFrame) -> list[str]:
    """The report's section on terms to look at, e.g. "work: 69 hits, 40 % of employment, mostly far"."""
    lines = ["", "## Terms to look at", "",
             f"Terms with at least {FLAG_MIN_HITS} counted hits that alone decide at least "
             f"{100 * DECIDES_SHARE:.0f} % of their theme's turns (the theme's only evidence in the turn), or whose "
             f"hits are mostly ({100 * FAR_SHARE:.0f} % or more) turns the semantic coder did not place near the "
             "theme's definition and examples. Read a few of their turns: narrow the term to a phrase, or remove it.",
             ""]
    flagged = flags[flags["flags"] != ""]
    if flagged.empty:
        return lines + ["None."]
    if flags["far_share"].isna().all():
        lines += ["The semantic coder did not run, so nearness to the definition was not measured.", ""]
    lines += ["| term | code | hits | alone decides | far from the theme | why |", "|---|---|---|---|---|---|"]
    for r in flagged.itertuples(index=False):
        far = "" if pd.isna(r.far_share) else f"{100 * r.far_share:.0f} % of hits"
        lines.append(f"| {_cell(r.term)} | {r.code} | {r.hits} | {r.decides} of {r.theme_turns} {r.theme} turns "
                     f"({100 * r.decides_share:.0f} %) | {far} | {_cell(r.flags)} |")
    return lines


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
                        sample: pd.DataFrame, turns: pd.DataFrame, supervised_cv: pd.DataFrame | None = None,
                        flags: pd.DataFrame | None = None) -> str:
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
    if flags is not None:
        lines += term_flag_lines(flags)
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
