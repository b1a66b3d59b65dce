"""The analyst's loop: how far the workflow agrees with the analyst, and which turns to ask them about next.

- `read_training`: the analyst's coding (`CODING.csv` from `qualflow import-qdpx`, or
  one written by hand) and the turns they read (`CODING.read.csv` beside it; without
  it, every turn of every transcript that appears in the coding, and a note says so).
- `analyst_agreement`: per theme and per sub-code, the analyst against the workflow's
  combined coding and against each zero-shot coder's part of it, on the turns read,
  with bootstrap intervals (statistics from pipeline.agreement).
- `select_review`: the turns whose coding the workflow is least sure of, spread over
  codes (round-robin) and transcripts (a cap that rises only when the list is short),
  leaving out facilitators and turns the analyst has read.
- `review_project`: those turns as a small REFI-QDA project, marked as a review
  project so `qualflow import-qdpx` counts every turn in it as read.
- `analyst_confirmed`: the (transcript, turn, code) the analyst also coded, for quotes.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from pipeline.agreement import POOLED, UNIT_COLUMNS, Coding, agreement_table, read_coding
from pipeline.errors import CodingFileError

log = logging.getLogger(__name__)

ANALYST = "analyst"
WORKFLOW = "workflow"
ZERO_SHOT = ("terms", "semantic")
AGREEMENT_COLUMNS = [
    "level", "code", "n_units", "prevalence_analyst", "prevalence_workflow",
    "percent_agreement", "percent_agreement_low", "percent_agreement_high",
    "kappa", "kappa_low", "kappa_high", "alpha", "alpha_low", "alpha_high",
]  # fmt: skip
REVIEW_COLUMNS = ["rank", "transcript_id", "turn", "speaker", "role", "code", "theme", "method", "score",
                  "uncertainty", "reason", "workflow_codes", "text"]  # fmt: skip
# A semantic score this far above its threshold (or more) counts as sure.
SEMANTIC_MARGIN = 0.1
FACILITATOR_ROLES = ("facilitator",)


@dataclass
class Training:
    coding: pd.DataFrame  # transcript_id, turn, code
    read: pd.DataFrame  # transcript_id, turn
    path: str
    note: str  # how the turns read were found


# ---------------------------------------------------------------- the analyst's coding


def sidecar_path(path: str | Path) -> Path:
    """CODING.read.csv beside CODING.csv (as `qualflow import-qdpx` writes it)."""
    path = Path(path)
    return path.with_name(f"{path.stem}.read.csv")


def read_training(path: str | Path, turns: pd.DataFrame) -> Training:
    """The analyst's coding and the turns they read; `turns` (transcript_id, turn) is every turn there is."""
    coding = read_coding(path, rater=ANALYST).rows[["transcript_id", "turn", "code"]]
    sidecar = sidecar_path(path)
    if sidecar.exists():
        from pipeline.agreement import read_units

        read = read_units([sidecar])
        note = f"turns read: as listed in {sidecar.name}"
    else:
        coded_transcripts = set(coding["transcript_id"])
        read = turns.loc[turns["transcript_id"].astype(str).isin(coded_transcripts), list(UNIT_COLUMNS)]
        read = read.astype({"transcript_id": str, "turn": "int64"}).drop_duplicates()
        note = (f"no {sidecar.name} beside {Path(path).name}: every turn of the {len(coded_transcripts)} "
                "transcript(s) in the analyst's coding is taken as read")  # fmt: skip
        log.warning("review: %s", note)
    read = read.sort_values(list(UNIT_COLUMNS)).reset_index(drop=True)
    return Training(coding.reset_index(drop=True), read, str(path), note)


def analyst_confirmed(turns: pd.DataFrame, training: pd.DataFrame) -> set[tuple[str, int, str]]:
    """The (transcript_id, turn, code) of `turns` (e.g. quote candidates) that the analyst coded too.

    A row is confirmed when the analyst applied its code to its turn, or (when `turns` has a
    `theme` column) its theme; `training` is the analyst's coding (transcript_id, turn, code).
    Rows the workflow made that an analyst kept in a turn they read are in the coding the
    import writes, so they count as confirmed.
    """
    if turns.empty or training.empty:
        return set()
    analyst = set(zip(training["transcript_id"].astype(str), training["turn"].astype(int),
                      training["code"].astype(str)))  # fmt: skip
    themes = turns["theme"].astype(str) if "theme" in turns.columns else turns["code"].astype(str)
    found = set()
    for tid, turn, code, theme in zip(turns["transcript_id"].astype(str), turns["turn"].astype(int),
                                      turns["code"].astype(str), themes):  # fmt: skip
        if (tid, turn, code) in analyst or (tid, turn, theme) in analyst:
            found.add((tid, turn, code))
    return found


# ---------------------------------------------------------------- agreement


def coder_rows(coded: pd.DataFrame, coder: str | None = None) -> pd.DataFrame:
    """The counted rows of the workflow's coding (transcript_id, turn, code, theme), or of one coder's part of it."""
    rows = coded.loc[coded["counted"].astype(bool)]
    if coder is not None:
        rows = rows.loc[rows["method"].astype(str).str.split("+").map(lambda m: coder in m)]
    return rows.astype({"transcript_id": str, "turn": "int64"})


def _coding(name: str, rows: pd.DataFrame, read: pd.DataFrame) -> Coding:
    keys = pd.MultiIndex.from_frame(read[list(UNIT_COLUMNS)])
    inside = pd.MultiIndex.from_frame(rows[list(UNIT_COLUMNS)]).isin(keys)
    rows = rows.loc[inside, ["transcript_id", "turn", "code"]].drop_duplicates().reset_index(drop=True)
    return Coding(rater=name, path=name, rows=rows.assign(line=np.arange(len(rows)) + 1), line_label="row")


def analyst_agreement(training: Training, coded: pd.DataFrame, codebook: Any, coders: Sequence[str], *,
                      bootstrap: int = 1000, seed: int = 42) -> pd.DataFrame:
    """Per theme and per sub-code coded by either side: the analyst against the workflow on the turns read.

    `coded` is the workflow's coding (CODED_COLUMNS); `coders` the coders the run used. Columns:
    AGREEMENT_COLUMNS for the combined coding, then `kappa_<coder>` (with interval) and
    `prevalence_<coder>` for each zero-shot coder run, `least_agreeing_coder`,
    `includes_trained_model` (the supervised coder learnt from these very turns) and `note`.
    """
    theme_of = {c.id: c.theme for c in codebook.all_codes()}
    themes = [t.id for t in codebook.themes]
    analyst = training.coding
    unknown = sorted(set(analyst["code"]) - set(theme_of))
    if unknown:
        log.warning("review: %d code(s) of the analyst are not in the codebook and are left out of the "
                    "agreement: %s", len(unknown), ", ".join(unknown[:10]))  # fmt: skip
    analyst = analyst.loc[analyst["code"].isin(theme_of)].astype({"transcript_id": str, "turn": "int64"})
    if training.read.empty:
        raise CodingFileError("the analyst read no turns: nothing to compare", path=training.path)
    zero_shot = [c for c in ZERO_SHOT if c in coders]
    sides = {WORKFLOW: coder_rows(coded), **{c: coder_rows(coded, c) for c in zero_shot}}
    tables = []
    for level in ("theme", "code"):
        if level == "theme":
            def lift(rows: pd.DataFrame) -> pd.DataFrame:
                return rows.assign(code=rows["code"].map(lambda c: theme_of.get(c, c)))
            codes = themes
        else:
            def lift(rows: pd.DataFrame) -> pd.DataFrame:
                return rows.loc[~rows["code"].isin(themes)]
            used = set(lift(analyst)["code"]) | set(lift(sides[WORKFLOW])["code"])
            codes = [c.id for c in codebook.all_codes() if c.id in used and c.id not in themes]
            if not codes:
                continue
        mine = _coding(ANALYST, lift(analyst), training.read)
        table = None
        for name, rows in sides.items():
            other = _coding(name, lift(rows), training.read)
            part = agreement_table([mine, other], units=training.read, codes=codes, bootstrap=bootstrap, seed=seed)
            part = part.loc[part["code"].isin([*codes, POOLED])].set_index("code")
            if name == WORKFLOW:
                table = part[[c for c in AGREEMENT_COLUMNS if c in part.columns and c not in {"level", "code"}]
                             + ["note"]].copy()  # fmt: skip
            else:
                table[f"prevalence_{name}"] = part[f"prevalence_{name}"]
                for column in ("kappa", "kappa_low", "kappa_high"):
                    table[column.replace("kappa", f"kappa_{name}")] = part[column]
        table = table.reset_index()
        table.insert(0, "level", level)
        tables.append(table)
    out = pd.concat(tables, ignore_index=True)
    kappas = out[[f"kappa_{c}" for c in zero_shot]] if zero_shot else pd.DataFrame(index=out.index)
    out["least_agreeing_coder"] = [
        (min(((row[f"kappa_{c}"], c) for c in zero_shot if pd.notna(row[f"kappa_{c}"])), default=(None, ""))[1])
        for _, row in kappas.iterrows()]  # fmt: skip
    trained = "supervised" in coders
    out["includes_trained_model"] = trained
    if trained:
        out["note"] = out["note"].map(lambda n: "; ".join(x for x in [
            n, "the combined coding includes the supervised coder, trained on these turns: optimistic "
               "(its cross-validated figures are in supervised_cv.csv)"] if x))  # fmt: skip
    order = AGREEMENT_COLUMNS + [c for c in out.columns if c not in AGREEMENT_COLUMNS and c != "note"] + ["note"]
    return out[order]


def disagrees_most(table: pd.DataFrame) -> str:
    """The zero-shot coder whose pooled kappa over themes is lowest ('' when none could be compared)."""
    pooled = table.loc[(table["level"] == "theme") & (table["code"] == POOLED)]
    return str(pooled["least_agreeing_coder"].iloc[0]) if len(pooled) else ""


# ---------------------------------------------------------------- which turns to ask about next


def term_spread(coded: pd.DataFrame) -> dict[str, float]:
    """For each term the terms coder matched: the share of coded turns whose terms evidence holds it."""
    rows = coded.loc[coded["method"].astype(str).str.contains("terms")]
    turns = max(1, len(coded[["transcript_id", "turn"]].drop_duplicates()))
    found: dict[str, set] = {}
    for tid, turn, evidence in zip(rows["transcript_id"], rows["turn"], rows["evidence"].fillna("")):
        for term in filter(None, (t.strip().lower() for t in str(evidence).split(" | "))):
            found.setdefault(term, set()).add((tid, turn))
    return {term: len(keys) / turns for term, keys in found.items()}


def uncertainty(coded: pd.DataFrame, coders: Sequence[str], thresholds: dict[str, float]) -> pd.DataFrame:
    """`coded` with `uncertainty` in [0, 1] (1: least sure) and the `reason`, one row per (turn, code)."""
    spread = term_spread(coded)
    several = len([c for c in coders if c != "supervised"]) > 1
    scores, reasons = [], []
    for method, score, evidence, polarity, counted, code in zip(
            coded["method"].astype(str), coded["score"].astype(float), coded["evidence"].fillna("").astype(str),
            coded["polarity"].astype(str), coded["counted"].astype(bool), coded["code"].astype(str)):  # fmt: skip
        found_by = method.split("+")
        options: list[tuple[float, str]] = []
        if not counted:
            options.append((0.6, f"{polarity} mention, not counted"))
        if found_by == ["semantic"]:
            threshold = thresholds.get(code, 0.0)
            near = 1.0 - min(1.0, max(0.0, score - threshold) / SEMANTIC_MARGIN)
            why = f"semantic score {score:.2f} near its threshold {threshold:.2f}" if near > 0 else "semantic only"
            options.append((0.5 * near + (0.4 if several else 0.0), why + ("; terms coder found nothing" if several
                                                                         else "")))  # fmt: skip
        if found_by == ["terms"]:
            terms = [t for t in evidence.split(" | ") if t.strip()]
            if len(terms) == 1:
                generic = spread.get(terms[0].strip().lower(), 0.0)
                options.append((0.3 + 0.6 * min(1.0, generic * 5), f"one term only ('{terms[0].strip()}', in "
                                f"{generic:.0%} of coded turns)" + ("; semantic coder found nothing" if several
                                                                    else "")))  # fmt: skip
            elif several:
                options.append((0.3, "terms only; semantic coder found nothing"))
        if "supervised" in found_by and len(found_by) == 1:
            options.append((1.0 - 2 * abs(score - 0.5), f"supervised only, probability {score:.2f}"))
        best = max(options, default=(0.0, "all coders agree"))
        scores.append(round(float(best[0]), 4))
        reasons.append(best[1])
    return coded.assign(uncertainty=scores, reason=reasons)


def select_review(candidates: pd.DataFrame, turns: pd.DataFrame, size: int, *,
                  read: pd.DataFrame | None = None, exclude_roles: Iterable[str] = FACILITATOR_ROLES) -> pd.DataFrame:
    """Up to `size` turns to review, one row each (REVIEW_COLUMNS), least sure first within each round.

    `candidates`: (turn, code) rows with `uncertainty` and `reason` (see `uncertainty`); `turns`:
    the anonymised turns (speaker, role, text). Codes take turns (round-robin, the least sure
    code's candidates first); a transcript gives at most ceil(size / transcripts) turns, a cap
    raised one at a time only while the list is short. Facilitators' turns and turns in `read`
    are left out.
    """
    columns = ["transcript_id", "turn", "speaker", "role", "text"]
    info = turns.reindex(columns=columns).astype({"transcript_id": str, "turn": "int64"})
    info = info.drop_duplicates(["transcript_id", "turn"]).set_index(["transcript_id", "turn"])
    pool = candidates.astype({"transcript_id": str, "turn": "int64"}).loc[lambda t: t["uncertainty"] > 0]
    keys = pd.MultiIndex.from_frame(pool[["transcript_id", "turn"]])
    roles = info["role"].reindex(keys).astype("string").str.lower()
    keep = ~roles.isin([r.lower() for r in exclude_roles]).to_numpy(dtype=bool)
    if read is not None and len(read):
        keep &= ~keys.isin(pd.MultiIndex.from_frame(read[list(UNIT_COLUMNS)].astype({"transcript_id": str,
                                                                                     "turn": "int64"})))  # fmt: skip
    pool = pool.loc[keep]
    every_code = candidates.groupby(["transcript_id", "turn"])["code"].agg(lambda c: "; ".join(sorted(set(c))))
    pool = pool.sort_values(["uncertainty", "transcript_id", "turn", "code"], ascending=[False, True, True, True])
    queues = {code: list(rows.itertuples(index=False)) for code, rows in pool.groupby("code", sort=False)}
    chosen: list[Any] = []
    if size <= 0 or not queues:
        return pd.DataFrame(columns=REVIEW_COLUMNS)
    taken: set[tuple[str, int]] = set()
    per_transcript: dict[str, int] = {}
    cap = math.ceil(size / pool["transcript_id"].nunique())
    while len(chosen) < size:
        added = False
        for code in list(queues):
            queue = queues[code]
            for i, row in enumerate(queue):
                key = (row.transcript_id, row.turn)
                if key in taken:
                    continue
                if per_transcript.get(row.transcript_id, 0) >= cap:
                    continue
                chosen.append(row)
                taken.add(key)
                per_transcript[row.transcript_id] = per_transcript.get(row.transcript_id, 0) + 1
                del queue[: i + 1]
                added = True
                break
            if len(chosen) >= size:
                break
        queues = {c: [r for r in q if (r.transcript_id, r.turn) not in taken] for c, q in queues.items()}
        queues = {c: q for c, q in queues.items() if q}
        if not queues:
            break
        if not added:
            cap += 1
    table = pd.DataFrame(chosen, columns=pool.columns)
    table = table.join(info[["speaker", "role", "text"]], on=["transcript_id", "turn"])
    table["workflow_codes"] = [every_code.get((t, n), "") for t, n in zip(table["transcript_id"], table["turn"])]
    table.insert(0, "rank", np.arange(1, len(table) + 1))
    return table[REVIEW_COLUMNS].reset_index(drop=True)


# ---------------------------------------------------------------- the review project


def review_description(selected: pd.DataFrame, blind: bool) -> str:
    """The project-level Description: the importer's review marker, and what the analyst is asked to do."""
    from pipeline.refi.importer import REVIEW_MARKER

    codes = "left out (blind review): code each turn as you read it" if blind else (
        "shown as the user 'qualflow': keep the ones you agree with, remove or move the others, add what is missing")
    return (f"{REVIEW_MARKER}: {len(selected)} turns of {selected['transcript_id'].nunique()} transcripts "
            f"that the workflow is least sure of. Every turn here counts as read when the project is imported "
            f"with qualflow import-qdpx. The workflow's codes are {codes}.")


def review_project(selected: pd.DataFrame, turns: pd.DataFrame, coded: pd.DataFrame, codebook: Any, *,
                   blind: bool = False, created: str | None = None):
    """The chosen turns as a REFI-QDA project (document, texts), with the export's GUIDs, marked for review."""
    from lxml import etree

    from pipeline.refi.common import PROJECT_NS
    from pipeline.refi.project import build_project

    keys = pd.MultiIndex.from_frame(selected[list(UNIT_COLUMNS)].astype({"transcript_id": str, "turn": "int64"}))
    turns = turns.astype({"transcript_id": str, "turn": "int64"})
    chosen_turns = turns.loc[pd.MultiIndex.from_frame(turns[list(UNIT_COLUMNS)]).isin(keys)]
    coded = coded.astype({"transcript_id": str, "turn": "int64"})
    chosen_codes = coded.iloc[0:0] if blind else coded.loc[pd.MultiIndex.from_frame(coded[list(UNIT_COLUMNS)]).isin(keys)]
    document, texts = build_project(chosen_turns, chosen_codes, codebook, created=created)
    root = document.getroot()
    root.set("name", f"{codebook.name} (qualflow review{', blind' if blind else ''})")
    etree.SubElement(root, etree.QName(PROJECT_NS, "Description")).text = review_description(selected, blind)
    return document, texts


# ---------------------------------------------------------------- what the rules call


def run_review_next(turn_paths: Sequence[str | Path], coded_paths: Sequence[str | Path], codebook_path: str | Path,
                    settings: dict[str, Any], csv_output: str | Path, qdpx_output: str | Path, *,
                    training_path: str | Path | None = None, blind: bool | None = None) -> pd.DataFrame:
    """Write review_next.csv and review.qdpx."""
    from pipeline.codebook import load_codebook
    from pipeline.coding.semantic import code_thresholds
    from pipeline.io import write_table
    from pipeline.matrices import load_frames, run_date
    from pipeline.refi.project import write_qdpx
    from pipeline.turns import ANONYMISED_COLUMNS, CODED_COLUMNS

    coding = settings["coding"]
    review = coding.get("review") or {}
    blind = bool(review.get("blind", False)) if blind is None else blind
    codebook = load_codebook(codebook_path)
    turns = load_frames(turn_paths, ANONYMISED_COLUMNS, "anonymised turns")
    coded = load_frames(coded_paths, CODED_COLUMNS, "coded")
    override = coding.get("semantic_threshold")
    default = float(override if override is not None else codebook.settings.get("semantic_threshold", 0.5))
    thresholds = code_thresholds(codebook, default)
    read = read_training(training_path, turns).read if training_path else None
    exclude = settings.get("matrices", {}).get("exclude_roles") or FACILITATOR_ROLES
    candidates = uncertainty(coded, coding["coders"], thresholds)
    selected = select_review(candidates, turns, int(review.get("size", 40)), read=read, exclude_roles=exclude)
    write_table(selected, csv_output)
    document, texts = review_project(selected, turns, coded, codebook, blind=blind,
                                     created=run_date().replace("+00:00", "Z"))  # fmt: skip
    write_qdpx(document, texts, qdpx_output)
    log.info("Review - %d turns of %d transcripts to review next written to %s and %s%s", len(selected),
             selected["transcript_id"].nunique(), csv_output, qdpx_output, " (blind)" if blind else "")  # fmt: skip
    return selected


def run_analyst_agreement(training_path: str | Path, turn_paths: Sequence[str | Path],
                          coded_paths: Sequence[str | Path], codebook_path: str | Path, settings: dict[str, Any],
                          output: str | Path, *, bootstrap: int = 1000, seed: int = 42) -> pd.DataFrame:
    from pipeline.codebook import load_codebook
    from pipeline.io import write_table
    from pipeline.matrices import load_frames
    from pipeline.turns import CODED_COLUMNS

    codebook = load_codebook(codebook_path)
    turns = load_frames(turn_paths, ["transcript_id", "turn"], "anonymised turns")
    coded = load_frames(coded_paths, CODED_COLUMNS, "coded")
    training = read_training(training_path, turns)
    table = analyst_agreement(training, coded, codebook, settings["coding"]["coders"], bootstrap=bootstrap, seed=seed)
    write_table(table, output)
    log.info("Agreement - analyst against workflow on %d turns read (%s); least agreeing zero-shot coder: %s",
             len(training.read), training.note, disagrees_most(table) or "none")  # fmt: skip
    return table


# ---------------------------------------------------------------- what rules/coding.smk needs from config

REVIEW_NEXT = "results/coding/review_next.csv"
REVIEW_PROJECT = "results/export/review.qdpx"
AGREEMENT = "results/coding/agreement.csv"


def training_csv(config: dict[str, Any]) -> list[str]:
    """coding.training when it names a coding CSV ([] when unset, or a .qdpx: agreement needs the imported CSV)."""
    path = config["coding"].get("training")
    return [path] if path and Path(path).suffix.lower() == ".csv" else []


def training_inputs(config: dict[str, Any]) -> list[str]:
    """The analyst's CSV and, when it exists, its .read.csv: inputs of the rules, so a new import reruns them."""
    found = training_csv(config)
    return found + [str(sidecar_path(p)) for p in found if sidecar_path(p).exists()]


def review_outputs(config: dict[str, Any]) -> list[str]:
    return [REVIEW_NEXT, REVIEW_PROJECT] + ([AGREEMENT] if training_csv(config) else [])


def training_flag(wildcards: Any, input: Any) -> str:
    """`--training CSV` for review-next when the rule was given the analyst's coding."""
    import shlex

    paths = [p for p in list(getattr(input, "training", []) or []) if not p.endswith(".read.csv")]
    return f"--training {shlex.quote(paths[0])}" if paths else ""
