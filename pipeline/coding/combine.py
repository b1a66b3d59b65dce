"""From unit hits to one row per (turn, code), and how several coders' rows combine.

Rules are chosen by name (config coding.combine):
- any: a code found by any coder.
- terms_then_semantic: the terms coder decides every turn it found anything in
  (including a denial); the other coders code only turns it found nothing in.
- vote: a theme needs at least `min_votes` coders; its codes from all coders are kept.
- weighted: a theme's score is the weighted mean of each coder's best score for
  it (0 when a coder did not find it); kept at or above `combine_threshold`.
In every rule a theme the terms coder found only denied ("never had damp")
stays negated and uncounted, whatever the other coders say.

The analyst's model overrides the zero-shot coders where it is confident
(coding.supervised.override, on by default): a code whose probability is at
least add_threshold is coded whatever the rule says, and a code the zero-shot
coders found is dropped when the model's probability for it, or for its
theme, is at most remove_threshold. Codes without a classifier
(too few examples) are left to the other coders.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import pandas as pd

from pipeline.codebook import Codebook
from pipeline.coding import CODER_NAMES, Hit
from pipeline.coding.polarity import AFFIRMED, HYPOTHETICAL, NEGATED, strongest
from pipeline.errors import ConfigError
from pipeline.turns import CODED_COLUMNS

RULES = ("any", "terms_then_semantic", "vote", "weighted")
TURN_HIT_COLUMNS = ["transcript_id", "turn", "code", "theme", "score", "method", "evidence", "polarity"]
_POLARITY_RANK = {AFFIRMED: 2, HYPOTHETICAL: 1, NEGATED: 0}


def turn_hits(units: pd.DataFrame, hits: list[Hit], codebook: Codebook, method: str) -> pd.DataFrame:
    """One row per (turn, code): the best unit's score and evidence; affirmed if any unit affirms it."""
    theme_of = {c.id: c.theme for c in codebook.all_codes()}
    best: dict[tuple[str, int, str], dict[str, Any]] = {}
    polarities: dict[tuple[str, int, str], set[str]] = defaultdict(set)
    transcript_ids = units["transcript_id"].tolist()
    turn_numbers = units["turn"].tolist()
    for hit in hits:
        key = (transcript_ids[hit.unit], int(turn_numbers[hit.unit]), hit.code)
        polarities[key].add(hit.polarity)
        rank = (_POLARITY_RANK[hit.polarity], hit.score)
        if key not in best or rank > best[key]["_rank"]:
            best[key] = {"transcript_id": key[0], "turn": key[1], "code": hit.code, "theme": theme_of[hit.code],
                         "score": hit.score, "method": method, "evidence": list(hit.evidence),
                         "polarity": hit.polarity, "_rank": rank}
    rows = []
    for key, row in best.items():
        row = dict(row)
        del row["_rank"]
        row["polarity"] = strongest(polarities[key])
        rows.append(row)
    return pd.DataFrame(rows, columns=TURN_HIT_COLUMNS)


def combine(per_coder: dict[str, pd.DataFrame], settings: dict[str, Any],
            probabilities: pd.DataFrame | None = None) -> pd.DataFrame:
    """The coded table (CODED_COLUMNS) from each coder's turn hits, by the rule settings['combine'] names.

    `probabilities` (transcript_id, turn, code, probability: the supervised model's, for every turn
    and trained code) turns on the confident override described above.
    """
    rule = settings.get("combine", "any")
    if rule not in RULES:
        raise ConfigError(f"unknown combination rule '{rule}'; expected one of {', '.join(RULES)}",
                          key="coding.combine")
    coders = [name for name in CODER_NAMES if name in per_coder]
    # (transcript_id, turn, theme) -> coder -> rows
    grouped: dict[tuple[str, int, str], dict[str, list[dict]]] = defaultdict(lambda: defaultdict(list))
    for name in coders:
        for row in per_coder[name].to_dict("records"):
            grouped[(row["transcript_id"], int(row["turn"]), row["theme"])][name].append(row)
    weights = {**{n: 1.0 for n in CODER_NAMES}, **(settings.get("weights") or {})}
    min_votes = int(settings.get("min_votes") or 2)
    threshold = float(settings.get("combine_threshold", 0.5))
    count_hypothetical = bool(settings.get("count_hypothetical", True))
    turns_with_terms = {key[:2] for key, by_coder in grouped.items() if by_coder.get("terms")}
    override = probabilities is not None and bool((settings.get("supervised") or {}).get("override", True))
    out: list[dict] = []
    for key, by_coder in grouped.items():
        confident = override and bool(by_coder.get("supervised"))
        if rule == "terms_then_semantic" and key[:2] in turns_with_terms:
            kept = {c: by_coder[c] for c in ("terms", "supervised") if by_coder.get(c) and (c == "terms" or confident)}
            by_coder = kept
        chosen = _choose(rule, by_coder, coders, weights, min_votes, threshold)
        if not chosen and confident:
            chosen = by_coder
        if not chosen:
            continue
        denied = "terms" in by_coder and all(r["polarity"] == NEGATED for r in by_coder["terms"])
        out.extend(_merge(chosen, denied, count_hypothetical))
    table = pd.DataFrame(out, columns=CODED_COLUMNS)
    if override:
        table = _drop_unlikely(table, probabilities, settings)
    table = table.sort_values(["transcript_id", "turn", "theme", "code"], kind="stable").reset_index(drop=True)
    return table.astype({"turn": "int64", "score": "float64", "counted": "bool"})


def _drop_unlikely(table: pd.DataFrame, probabilities: pd.DataFrame, settings: dict[str, Any]) -> pd.DataFrame:
    """Rows the supervised model is confident are wrong (its probability for the code, or for the code's
    theme, at most remove_threshold), unless the supervised coder itself found them; denials are kept."""
    from pipeline.coding.supervised import REMOVE_THRESHOLD

    if not len(table) or not len(probabilities):
        return table
    remove = float((settings.get("supervised") or {}).get("remove_threshold", REMOVE_THRESHOLD))
    p = {(str(t), int(n), c): float(v) for t, n, c, v in probabilities[["transcript_id", "turn", "code", "probability"]]
         .itertuples(index=False)}
    keep = []
    for row in table.itertuples(index=False):
        if "supervised" in row.method or row.polarity == NEGATED:
            keep.append(True)
            continue
        key = (str(row.transcript_id), int(row.turn))
        scores = [p[(*key, c)] for c in {row.code, row.theme} if (*key, c) in p]
        keep.append(not scores or min(scores) > remove)
    return table[pd.Series(keep, index=table.index)]


def _choose(rule: str, by_coder: dict[str, list[dict]], coders: list[str], weights: dict[str, float],
            min_votes: int, threshold: float) -> dict[str, list[dict]]:
    if rule == "any":
        return by_coder
    if rule == "terms_then_semantic":
        return by_coder
    if rule == "vote":
        return by_coder if len(by_coder) >= min(min_votes, len(coders)) else {}
    total = sum(weights[c] for c in coders) or 1.0
    score = sum(weights[c] * max(r["score"] for r in rows) for c, rows in by_coder.items()) / total
    if score < threshold:
        return {}
    return {c: [{**r, "score": round(score, 4)} for r in rows] for c, rows in by_coder.items()}


def _merge(chosen: dict[str, list[dict]], denied: bool, count_hypothetical: bool) -> list[dict]:
    """Rows of one (turn, theme) from several coders merged by code."""
    merged: dict[str, dict] = {}
    for coder in CODER_NAMES:
        for row in chosen.get(coder, []):
            current = merged.get(row["code"])
            if current is None:
                merged[row["code"]] = dict(row, method=coder, evidence=list(row["evidence"]))
                continue
            current["method"] += f"+{coder}"
            current["score"] = max(current["score"], row["score"])
            current["evidence"] += [e for e in row["evidence"] if e not in current["evidence"]]
            if coder == "terms":
                current["polarity"] = row["polarity"]
    rows = []
    for row in merged.values():
        polarity = NEGATED if denied else (row["polarity"] if "terms" in row["method"] else AFFIRMED)
        counted = polarity == AFFIRMED or (polarity == HYPOTHETICAL and count_hypothetical)
        rows.append({**row, "polarity": polarity, "counted": counted, "evidence": " | ".join(row["evidence"])})
    return rows
