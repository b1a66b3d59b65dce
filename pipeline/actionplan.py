"""The action-plan table: per theme and sub-code, how much, how widely, by whom, and who should act.

Priority score (0-100), with weights w from config `action_plan.weights`:

    priority = 100 * (w_prevalence * P + w_breadth * B + w_community * C + w_divergence * D) / (sum of the weights)

    P  prevalence index: turns coded / turns coded of the most frequent code at the same level (theme or sub-code)
    B  breadth: mean of (sites where it came up / all sites) and (group types where it came up / all group types)
    C  share of community members who raised it (participants, not turns, so one talkative person cannot dominate)
    D  divergence: |community share - provider share|, 0 when either role is absent

Each part lies in [0, 1]; the score ranks topics for discussion, it is not a
measure of need.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from pipeline.io import NOT_RECORDED, text_of
from pipeline.matrices.codes import CodeInfo
from pipeline.matrices.counts import divergence, expand_to_level
from pipeline.matrices.quotes import exemplars, format_quote, turn_texts

FORMULA = (
    "priority = 100 × (w_prevalence·P + w_breadth·B + w_community_share·C + w_divergence·D) / Σw, where "
    "P = turns coded ÷ turns coded of the most frequent code at the same level; "
    "B = mean of the share of sites and the share of group types where it came up; "
    "C = share of community members who raised it; "
    "D = |community share − provider share|."
)

ACTION_COLUMNS = [
    "rank", "level", "code", "label", "theme", "priority", "turns_coded", "prevalence", "participants",
    "sites", "site_breadth", "group_types", "group_type_breadth", "community_share", "provider_share",
    "divergence", "partners", "quotes",
]  # fmt: skip


def action_plan(
    base: pd.DataFrame,
    evidence: pd.DataFrame,
    codes: list[CodeInfo],
    weights: Mapping[str, float],
    quotes: int = 3,
    max_words: int = 25,
) -> pd.DataFrame:
    """One row per theme and sub-code that was raised, themes by priority, each followed by its sub-codes."""
    keyed = expand_to_level(evidence, codes, "code")
    texts = turn_texts(base)
    gaps = divergence(base, evidence, codes).set_index("code")
    # Breadth is over the sites (group types) that were recorded: "not recorded" is not one more place.
    all_sites = _recorded(base["site"])
    all_groups = _recorded(base["group_type"])
    total_turns = len(base)
    rows = []
    for c in codes:
        mine = keyed.loc[keyed["key"] == c.id]
        if mine.empty:
            continue
        turns_coded = mine[["transcript_id", "turn"]].drop_duplicates().shape[0]
        sites = sorted({text_of(s, NOT_RECORDED) for s in mine["site"]})
        groups = sorted({text_of(g, NOT_RECORDED) for g in mine["group_type"]})
        gap = gaps.loc[c.id]
        community, provider = gap["community_share"], gap["provider_share"]
        picked = exemplars(mine, texts, quotes, max_words, prefer_role="community")
        rows.append({
            "level": c.level, "code": c.id, "label": c.label, "theme": c.theme, "depth": c.depth, "order": c.order,
            "turns_coded": turns_coded, "prevalence": round(turns_coded / total_turns, 4) if total_turns else 0.0,
            "participants": mine["voice_speaker"].nunique(),
            "sites": "; ".join(sites), "site_breadth": _fraction(len(set(sites) & all_sites), len(all_sites)),
            "group_types": "; ".join(groups),
            "group_type_breadth": _fraction(len(set(groups) & all_groups), len(all_groups)),
            "community_share": community, "provider_share": provider,
            "divergence": round(abs(community - provider), 4) if pd.notna(community - provider) else 0.0,
            "partners": "; ".join(c.partners),
            "quotes": "\n".join(format_quote(q) for q in picked),
        })  # fmt: skip
    table = pd.DataFrame(rows)
    if table.empty:
        return pd.DataFrame(columns=ACTION_COLUMNS)
    table["priority"] = priority_scores(table, weights)
    return _order_for_reading(table)[ACTION_COLUMNS]


def priority_scores(table: pd.DataFrame, weights: Mapping[str, float]) -> pd.Series:
    """The documented formula (module docstring) applied row by row; needs level, turns_coded and the shares."""
    top = table.groupby("level")["turns_coded"].transform("max")
    parts = {
        "prevalence": table["turns_coded"] / top.where(top > 0),
        "breadth": (table["site_breadth"] + table["group_type_breadth"]) / 2,
        "community_share": table["community_share"],
        "divergence": table["divergence"],
    }
    total = sum(float(weights.get(name, 0.0)) for name in parts)
    if total <= 0:
        return pd.Series(0.0, index=table.index)
    score = sum(float(weights.get(name, 0.0)) * part.fillna(0.0) for name, part in parts.items())
    return (100 * score / total).round(1)


def _order_for_reading(table: pd.DataFrame) -> pd.DataFrame:
    themes = table.loc[table["depth"] == 0].sort_values(["priority", "order"], ascending=[False, True], kind="stable")
    ordered = []
    for rank, theme in enumerate(themes.itertuples(index=False), start=1):
        ordered.append({**theme._asdict(), "rank": str(rank)})
        subs = table.loc[(table["theme"] == theme.code) & (table["depth"] > 0)]
        subs = subs.sort_values(["priority", "order"], ascending=[False, True], kind="stable")
        ordered += [{**s._asdict(), "rank": f"{rank}.{i}"} for i, s in enumerate(subs.itertuples(index=False), start=1)]
    return pd.DataFrame(ordered)


def _recorded(values: pd.Series) -> set[str]:
    return {text_of(v) for v in values} - {"", NOT_RECORDED}


def _fraction(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


def action_plan_markdown(table: pd.DataFrame, weights: Mapping[str, float]) -> str:
    """A Markdown table for a meeting paper: one line per row, quotes separated by ' / ', then the formula."""
    header = ["#", "Theme / sub-code", "Priority", "Turns (share)", "People", "Sites", "Community", "Providers",
              "Gap", "Who could act", "In their words"]  # fmt: skip
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(["---"] * len(header)) + "|"]
    for r in table.itertuples(index=False):
        name = text_of(r.label) if r.level == "theme" else f"↳ {text_of(r.label)}"
        cells = [
            r.rank, f"**{name}**" if r.level == "theme" else name, f"{r.priority:.1f}",
            f"{r.turns_coded} ({_pct(r.prevalence)})", str(r.participants), r.sites,
            _pct(r.community_share), _pct(r.provider_share), _pct(r.divergence),
            r.partners, " / ".join(text_of(r.quotes).splitlines()),
        ]  # fmt: skip
        lines.append("| " + " | ".join(_md_cell(c) for c in cells) + " |")
    used = ", ".join(f"{k} {v:g}" for k, v in weights.items())
    lines += ["", f"How the priority is computed: {FORMULA} Weights: {used}."]
    return "\n".join(lines) + "\n"


def _pct(value: float) -> str:
    return "–" if pd.isna(value) else f"{100 * value:.0f}%"


def _md_cell(value: object) -> str:
    """One cell's text on one line: missing is empty, pipes escaped, line breaks of any kind a space."""
    text = text_of(value).replace("\\", "\\\\").replace("|", "\\|")
    return " ".join(text.splitlines())
