"""Theme matrices, the framework matrix, divergence and the action plan, from anonymised and coded turns.

build_tables() is pure (DataFrames in, DataFrames out); write_outputs() puts
them under results/; run_matrices() is what `qualflow matrices` calls.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from pipeline.errors import InputError
from pipeline.matrices.codes import CodeInfo, code_table, codes_frame
from pipeline.matrices.counts import (
    build_evidence,
    cooccurrence,
    counted_turns,
    dimensions,
    divergence,
    prevalence,
)
from pipeline.matrices.quotes import facilitator_prompts, framework_matrix
from pipeline.matrices.voice import attribution_summary, credited_speaker
from pipeline.turns import ANONYMISED_COLUMNS, CODED_COLUMNS, INTERPRETS_FOR

log = logging.getLogger(__name__)

# File stem used for each grouping column (theme_by_<stem>.csv).
DIMENSION_STEMS = {"transcript_id": "transcript"}


def stem_of(dimension: str) -> str:
    return DIMENSION_STEMS.get(dimension, dimension)


def load_frames(paths: Sequence[str | Path], required: Sequence[str], what: str) -> pd.DataFrame:
    """Concatenate parquet files, naming the first one that lacks a required column."""
    frames = []
    for path in paths:
        frame = pd.read_parquet(path)
        missing = [c for c in required if c not in frame.columns]
        if missing:
            raise InputError(f"{what} file lacks column(s) {', '.join(missing)}; see docs/data.md", path=path)
        frames.append(frame)
    if not frames:
        return pd.DataFrame(columns=list(required))
    return pd.concat(frames, ignore_index=True)


def build_tables(
    turns: pd.DataFrame,
    coded: pd.DataFrame,
    codes: list[CodeInfo],
    matrices: Mapping[str, Any],
    action: Mapping[str, Any],
) -> dict[str, pd.DataFrame]:
    """Every output table, keyed by its file name under results/matrices/ (without .csv)."""
    from pipeline.actionplan import action_plan

    attributes = list(matrices["attributes"])
    missing = [a for a in attributes if a not in turns.columns]
    if missing:
        raise InputError(
            f"speaker attribute(s) {', '.join(missing)} named in matrices.attributes are not columns of the "
            f"anonymised turns; available: {', '.join(c for c in turns.columns if c not in [*ANONYMISED_COLUMNS, INTERPRETS_FOR]) or 'none'}",
            key="matrices.attributes",
        )
    base = counted_turns(turns, matrices["exclude_roles"])
    evidence = build_evidence(base, coded, codes, attributes)
    log.info("Matrices - %d counted turns, %d evidence rows, %d codes", len(base), len(evidence), len(codes))
    tables: dict[str, pd.DataFrame] = {"evidence": evidence, "codes": codes_frame(codes)}
    for dimension in dimensions(attributes):
        tables[f"theme_by_{stem_of(dimension)}"] = prevalence(base, evidence, codes, dimension, "theme")
        if dimension not in attributes:
            tables[f"code_by_{stem_of(dimension)}"] = prevalence(base, evidence, codes, dimension, "code")
    tables["cooccurrence"] = cooccurrence(base, evidence, codes)
    prompts = facilitator_prompts(turns)  # a short reply is quoted after the question it answers
    tables["framework_matrix"] = framework_matrix(
        base, evidence, codes, matrices["framework_case"], matrices["framework_quotes"], matrices["quote_words"],
        prompts,
    )
    tables["divergence"] = divergence(base, evidence, codes)
    tables["action_plan"] = action_plan(
        base, evidence, codes, action["weights"], action["quotes"], matrices["quote_words"], prompts
    )
    return tables


def run_info(turns: pd.DataFrame, codebook: Any, matrices: Mapping, action: Mapping) -> dict[str, Any]:
    """Facts the report states about the run: what went in, which codebook, which settings, when."""
    people = turns.drop_duplicates("speaker")
    return {
        "run_date": run_date(),
        "codebook": {"name": codebook.name, "version": codebook.version, "sha256": codebook.sha256,
                     "file": Path(codebook.path).name},  # fmt: skip
        "settings": {"matrices": dict(matrices), "action_plan": dict(action)},
        "transcripts": int(turns["transcript_id"].nunique()),
        "sites": sorted(str(s) for s in turns["site"].dropna().unique()),
        "group_types": sorted(str(s) for s in turns["group_type"].dropna().unique()),
        "turns": len(turns),
        "participants_by_role": {str(k): int(v) for k, v in people["role"].value_counts().sort_index().items()},
        # How interpreters' turns were attributed (pipeline/matrices/voice.py): the report states it.
        "interpreted": attribution_summary(credited_speaker(turns).loc[turns["role"] == "interpreter"]),
        # Transcripts whose metadata.csv row left the value blank: the report says "not recorded for N".
        "not_recorded": {column: int(turns.drop_duplicates("transcript_id")[column].isna().sum())
                         for column in ("site", "group_type", "date")},
    }


def run_date() -> str:
    """UTC now, or SOURCE_DATE_EPOCH when set so that a rebuild can be byte-identical."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = dt.datetime.fromtimestamp(int(epoch), dt.UTC) if epoch else dt.datetime.now(dt.UTC)
    return moment.replace(microsecond=0).isoformat()


def write_outputs(tables: dict[str, pd.DataFrame], info: dict[str, Any], outdir: str | Path, weights: Mapping,
                  extra_sheets: Sequence[tuple[str, pd.DataFrame, dict]] = ()) -> None:
    from pipeline.actionplan import action_plan_markdown
    from pipeline.io import atomic_open, write_table
    from pipeline.matrices.workbook import write_workbook

    folder = Path(outdir) / "matrices"
    for name, table in tables.items():
        write_table(table, folder / f"{name}.csv")
    with atomic_open(folder / "action_plan.md") as handle:
        handle.write(action_plan_markdown(tables["action_plan"], weights))
    with atomic_open(folder / "run_info.json") as handle:
        json.dump(info, handle, indent=2, sort_keys=True)
        handle.write("\n")
    write_workbook(workbook_sheets(tables) + list(extra_sheets), Path(outdir) / "theme_matrices.xlsx")


# A sheet of more rows is slow to write and to open, and nobody reads it in a spreadsheet.
EVIDENCE_SHEET_ROWS = 10_000


def workbook_sheets(tables: dict[str, pd.DataFrame]) -> list[tuple[str, pd.DataFrame, dict]]:
    from pipeline.actionplan import FORMULA
    from pipeline.matrices.workbook import wide_prevalence

    sheets: list[tuple[str, pd.DataFrame, dict]] = [
        ("Action plan", tables["action_plan"], {
            "heat": ["prevalence", "community_share", "provider_share", "divergence", "site_breadth"],
            "wrap": ["quotes", "partners", "sites"], "freeze_columns": 4, "note": FORMULA,
        }),
    ]  # fmt: skip
    for name, table in tables.items():
        if name.startswith(("theme_by_", "code_by_")):
            by = next(c for c in table.columns if c not in {"theme", "code", "label", "level", "parent"})
            wide = wide_prevalence(table, by)
            shares = [c for c in wide.columns if c.endswith("_share")]
            title = name.replace("theme_by_", "Theme x ").replace("code_by_", "Code x ")
            note = "Per group: turns coded, share of the group's turns, distinct participants, share of participants."
            sheets.append((title, wide, {"heat": shares, "freeze_columns": 2, "note": note}))
    rows = len(tables["evidence"])
    evidence_note = (f"Rows 1-{EVIDENCE_SHEET_ROWS:,} of {rows:,}, in transcript order; every row is in "
                     "matrices/evidence.csv." if rows > EVIDENCE_SHEET_ROWS else "Every row is also in matrices/evidence.csv.")
    sheets += [
        ("Co-occurrence", tables["cooccurrence"], {"heat": ["turn_jaccard", "participant_jaccard"], "freeze_columns": 2}),
        ("Divergence", tables["divergence"], {"heat": ["community_share", "provider_share"], "freeze_columns": 2}),
        ("Framework", tables["framework_matrix"], {
            "wrap": [c for c in tables["framework_matrix"].columns if c not in {"case", "role", "turns"}],
            "freeze_columns": 1}),
        ("Evidence", tables["evidence"].head(EVIDENCE_SHEET_ROWS), {"freeze_columns": 2, "note": evidence_note}),
        ("Codes", tables["codes"], {"wrap": ["definition", "partners"], "freeze_columns": 1}),
    ]  # fmt: skip
    return sheets


def run_matrices(
    turn_paths: Sequence[str | Path],
    coded_paths: Sequence[str | Path],
    codebook_path: str | Path,
    settings: Mapping[str, Any],
    outdir: str | Path = "results",
    review_path: str | Path | None = None,
) -> dict[str, pd.DataFrame]:
    """Read the inputs, build every table, write them; returns the tables."""
    from pipeline.codebook import load_codebook

    codebook = load_codebook(codebook_path)
    codes = code_table(codebook)
    turns = load_frames(turn_paths, ANONYMISED_COLUMNS, "anonymised turns")
    coded = load_frames(coded_paths, CODED_COLUMNS, "coded")
    matrices, action = settings["matrices"], settings["action_plan"]
    tables = build_tables(turns, coded, codes, matrices, action)
    extra = []
    if review_path:  # results/coding/review_next.csv, as a sheet of the workbook
        from pipeline.matrices.workbook import review_sheet

        extra.append(review_sheet(pd.read_csv(review_path, keep_default_na=False, na_values=[""])))
    write_outputs(tables, run_info(turns, codebook, matrices, action), outdir, action["weights"], extra)
    return tables
