"""Counting coded turns: the evidence table and every number computed from it.

Every count here is a number of distinct turns or distinct speakers among the
rows of the evidence table, so any cell can be checked by filtering
results/matrices/evidence.csv. Denominators come from the counted turns (all
turns of roles not excluded), so a theme nobody raised still gets its zeros.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence

import pandas as pd

from pipeline.io import NOT_RECORDED, text_of  # NOT_RECORDED re-exported: the name of a group whose value is missing
from pipeline.matrices.codes import CodeInfo, ancestors_of
from pipeline.matrices.voice import VOICE_COLUMNS, credited_speaker
from pipeline.turns import ANONYMISED_COLUMNS, INTERPRETS_FOR

log = logging.getLogger(__name__)

GROUPING_COLUMNS = ["site", "group_type", "role"]
# speaker/role: who spoke; voice_speaker/voice_role: whose voice it is (an interpreter's relayed turn is the
# participant's, see voice.py); every count of participants and every "role" group uses the voice.
EVIDENCE_COLUMNS = [
    "transcript_id", "turn", "speaker", "role", "site", "group_type", "date",
    "voice_speaker", "voice_role", "via_interpreter",
    "theme", "code", "method", "score", "polarity", "evidence",
]  # fmt: skip
PREVALENCE_COLUMNS = [
    "turns_coded", "group_turns", "turn_share", "participants", "group_participants", "participant_share",
]  # fmt: skip


def counted_turns(turns: pd.DataFrame, exclude_roles: Sequence[str]) -> pd.DataFrame:
    """Turns that count, with the voice columns of credited_speaker() and empty grouping values made explicit.

    A turn counts when it is credited to a participant whose role is not
    excluded: an interpreter's turn counts as the participant's it relays (with
    that participant's attributes) or not at all, so an interpreter is never a
    participant.
    """
    voiced = turns.join(credited_speaker(turns))
    kept = voiced.loc[(voiced["voice_role"] != "") & ~voiced["voice_role"].isin(list(exclude_roles))].copy()
    kept = _with_voice_attributes(kept, turns)
    for column in kept.columns:
        if column not in {"turn", "start", "end", "text", "via_interpreter"}:
            kept[column] = kept[column].astype("object").where(kept[column].notna(), NOT_RECORDED).astype(str)
    kept["turn"] = kept["turn"].astype("int64")
    kept["text"] = [text_of(t) for t in kept["text"].tolist()]  # an empty turn is "", never NaN
    kept["via_interpreter"] = kept["via_interpreter"].astype(bool)
    return kept.reset_index(drop=True)


def _with_voice_attributes(kept: pd.DataFrame, turns: pd.DataFrame) -> pd.DataFrame:
    """Relayed turns take the speaker attributes (gender, age_band, ...) of the participant they are credited to."""
    relayed = kept["via_interpreter"].astype(bool)
    attributes = [c for c in turns.columns if c not in [*ANONYMISED_COLUMNS, INTERPRETS_FOR, *VOICE_COLUMNS]]
    if not relayed.any() or not attributes:
        return kept
    own = turns.loc[turns["role"] != "interpreter"].drop_duplicates(["transcript_id", "speaker"])
    lookup = own.set_index(["transcript_id", "speaker"])[attributes]
    keys = pd.MultiIndex.from_arrays([kept.loc[relayed, "transcript_id"], kept.loc[relayed, "voice_speaker"]])
    values = lookup.reindex(keys)
    for column in attributes:
        kept.loc[relayed, column] = values[column].to_numpy()
    return kept


def build_evidence(
    base: pd.DataFrame, coded: pd.DataFrame, codes: list[CodeInfo], attributes: Sequence[str] = ()
) -> pd.DataFrame:
    """One row per counted (turn, code): who said it, where, and how it was coded.

    `base` is counted_turns(); coded rows of excluded roles or with counted=False
    drop out here, so everything downstream counts the same rows.
    """
    known = {c.id for c in codes}
    rows = coded.loc[coded["counted"].astype(bool)].copy()
    rows["turn"] = rows["turn"].astype("int64")
    unknown = sorted(set(rows["code"]) - known)
    if unknown:
        log.warning(
            "coded rows name %d code(s) not in the codebook, left out of the matrices: %s; "
            "rerun coding after editing the codebook",
            len(unknown), ", ".join(unknown[:10]),
        )  # fmt: skip
        rows = rows.loc[rows["code"].isin(known)]
    theme_of = {c.id: c.theme for c in codes}
    rows["theme"] = rows["code"].map(theme_of)
    who = base[["transcript_id", "turn", *EVIDENCE_COLUMNS[2:10], *attributes]]
    merged = rows.merge(who, on=["transcript_id", "turn"], how="inner", validate="many_to_one")
    columns = EVIDENCE_COLUMNS[:10] + list(attributes) + EVIDENCE_COLUMNS[10:]
    merged["evidence"] = merged["evidence"].fillna("").astype(str)
    merged["score"] = merged["score"].astype(float).round(4)
    order = {c.id: c.order for c in codes}
    merged["_order"] = merged["code"].map(order)
    merged = merged.sort_values(["transcript_id", "turn", "_order"], kind="stable")
    return merged[columns].reset_index(drop=True)


def expand_to_level(evidence: pd.DataFrame, codes: list[CodeInfo], level: str) -> pd.DataFrame:
    """Evidence keyed by the code it counts towards: its theme, or (code level) itself and every ancestor.

    At code level a turn coded `housing-damp-children` also counts for
    `housing-damp` and `housing`, so a parent's count covers its children.
    """
    frame = evidence.copy()
    if level == "theme":
        frame["key"] = frame["theme"]
        return frame
    parents = {c.id: c.parent for c in codes}
    frame["key"] = frame["code"].map(lambda c: ancestors_of(c, parents))
    frame = frame.explode("key")
    # Keep the best-scoring row of each (turn, code) so quotes drawn from it show the strongest evidence.
    best = frame.sort_values("score", ascending=False, kind="stable").drop_duplicates(["transcript_id", "turn", "key"])
    return best.sort_index(kind="stable").reset_index(drop=True)


def prevalence(
    base: pd.DataFrame, evidence: pd.DataFrame, codes: list[CodeInfo], by: str, level: str = "theme"
) -> pd.DataFrame:
    """Theme (or code) x group: turns coded, share of the group's turns, distinct participants, share of them.

    One row per (code, group) for every code of the level and every group that
    has counted turns, zeros included.
    """
    chosen = [c for c in codes if level != "theme" or c.depth == 0]
    column = "voice_role" if by == "role" else by  # the role of whose voice it is, never "interpreter"
    groups = base.groupby(column, sort=True).agg(group_turns=("turn", "size"),
                                                 group_participants=("voice_speaker", "nunique"))
    groups.index.name = by
    keyed = expand_to_level(evidence, codes, level)
    keyed["turn_key"] = keyed["transcript_id"] + "#" + keyed["turn"].astype(str)
    hits = keyed.groupby(["key", column]).agg(turns_coded=("turn_key", "nunique"),
                                              participants=("voice_speaker", "nunique"))
    hits.index.names = ["key", by]
    grid = pd.MultiIndex.from_product([[c.id for c in chosen], groups.index], names=["key", by])
    table = hits.reindex(grid, fill_value=0).reset_index().merge(groups.reset_index(), on=by)
    table["turn_share"] = _share(table["turns_coded"], table["group_turns"])
    table["participant_share"] = _share(table["participants"], table["group_participants"])
    info = {c.id: c for c in chosen}
    label = table["key"].map(lambda k: info[k].label)
    if level == "theme":
        head = pd.DataFrame({"theme": table["key"], "label": label})
    else:
        head = pd.DataFrame({
            "code": table["key"], "label": label,
            "level": table["key"].map(lambda k: info[k].level),
            "parent": table["key"].map(lambda k: info[k].parent or ""),
            "theme": table["key"].map(lambda k: info[k].theme),
        })  # fmt: skip
    out = pd.concat([head, table[[by, *PREVALENCE_COLUMNS]]], axis=1)
    out["_order"] = table["key"].map(lambda k: info[k].order)
    out = out.sort_values(["_order", by], kind="stable").drop(columns="_order").reset_index(drop=True)
    return out.astype({"turns_coded": "int64", "group_turns": "int64", "participants": "int64", "group_participants": "int64"})


def cooccurrence(base: pd.DataFrame, evidence: pd.DataFrame, codes: list[CodeInfo]) -> pd.DataFrame:
    """Pairs of themes coded in the same turn, and raised by the same speaker, with Jaccard similarity.

    Jaccard = both / either: 1 means the two themes always come up together,
    0 that they never do; it does not grow with how common a theme is.
    """
    themes = [c for c in codes if c.depth == 0]
    turn_sets = _sets(evidence, lambda f: f["transcript_id"] + "#" + f["turn"].astype(str))
    speaker_sets = _sets(evidence, lambda f: f["voice_speaker"])
    rows = []
    for i, a in enumerate(themes):
        for b in themes[i + 1 :]:
            ta, tb = turn_sets.get(a.id, set()), turn_sets.get(b.id, set())
            sa, sb = speaker_sets.get(a.id, set()), speaker_sets.get(b.id, set())
            rows.append((
                a.id, b.id, a.label, b.label,
                len(ta & tb), len(ta | tb), _ratio(len(ta & tb), len(ta | tb)),
                len(sa & sb), len(sa | sb), _ratio(len(sa & sb), len(sa | sb)),
            ))  # fmt: skip
    columns = [
        "theme_a", "theme_b", "label_a", "label_b", "turns_both", "turns_either", "turn_jaccard",
        "participants_both", "participants_either", "participant_jaccard",
    ]  # fmt: skip
    return pd.DataFrame(rows, columns=columns)


def divergence(
    base: pd.DataFrame,
    evidence: pd.DataFrame,
    codes: list[CodeInfo],
    groups: tuple[str, str] = ("community", "provider"),
) -> pd.DataFrame:
    """Per theme and sub-code: the share of each role's participants raising it, and the gap, largest first.

    `difference` is first group's share minus the second's; when a role has
    nobody in the corpus its share is empty and so is the difference.
    """
    first, second = groups
    by_role = prevalence(base, evidence, codes, "role", level="code").set_index(["code", "role"])
    rows = []
    for c in codes:
        shares = {}
        for role in groups:
            key = (c.id, role)
            if key in by_role.index:
                r = by_role.loc[key]
                shares[role] = (int(r["participants"]), int(r["group_participants"]), float(r["participant_share"]),
                                int(r["turns_coded"]), int(r["group_turns"]), float(r["turn_share"]))  # fmt: skip
            else:
                shares[role] = (0, 0, float("nan"), 0, 0, float("nan"))
        diff = shares[first][2] - shares[second][2]
        rows.append((c.id, c.label, c.level, c.theme, *shares[first][:3], *shares[second][:3], diff,
                     shares[first][5] - shares[second][5]))  # fmt: skip
    columns = [
        "code", "label", "level", "theme",
        f"{first}_participants", f"{first}_total", f"{first}_share",
        f"{second}_participants", f"{second}_total", f"{second}_share",
        "difference", "turn_share_difference",
    ]  # fmt: skip
    table = pd.DataFrame(rows, columns=columns)
    table["difference"] = table["difference"].round(4)
    table["turn_share_difference"] = table["turn_share_difference"].round(4)
    table["raised_more_by"] = [
        "" if pd.isna(d) or d == 0 else (first if d > 0 else second) for d in table["difference"]
    ]
    table["_gap"] = table["difference"].abs().fillna(-1)
    order = {c.id: c.order for c in codes}
    table["_order"] = table["code"].map(order)
    table = table.sort_values(["_gap", "_order"], ascending=[False, True], kind="stable")
    return table.drop(columns=["_gap", "_order"]).reset_index(drop=True)


def _share(part: pd.Series, whole: pd.Series) -> pd.Series:
    return (part / whole.where(whole > 0)).fillna(0.0).astype(float).round(4)


def _ratio(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


def _sets(evidence: pd.DataFrame, key) -> dict[str, set[str]]:
    if evidence.empty:
        return {}
    keys = key(evidence)
    return {theme: set(group) for theme, group in keys.groupby(evidence["theme"])}


def dimensions(attributes: Iterable[str]) -> list[str]:
    """The grouping columns a theme matrix is built for, in file order."""
    return ["transcript_id", *GROUPING_COLUMNS, *attributes]
