"""Golden files for output tables: compare a DataFrame to a CSV under tests/golden/.

Regenerate on purpose only:  QUALFLOW_REGENERATE_GOLDEN=1 python -m pytest tests/test_matrices*.py
then read the diff of tests/golden/ before committing it.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import pandas as pd

GOLDEN_DIR = Path(__file__).parent / "golden"
REGENERATE_ENV = "QUALFLOW_REGENERATE_GOLDEN"


def _as_csv(df: pd.DataFrame) -> str:
    buffer = io.StringIO()
    df.to_csv(buffer, index=False, lineterminator="\n", float_format="%.6g")
    return buffer.getvalue()


def check_golden(df: pd.DataFrame, name: str) -> None:
    """Assert `df` equals tests/golden/<name>.csv (name may hold a sub-folder), or write it when regenerating."""
    path = GOLDEN_DIR / f"{name}.csv"
    actual = _as_csv(df)
    if os.environ.get(REGENERATE_ENV) == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
        return
    if not path.exists():
        raise AssertionError(f"no golden file {path}; create it with {REGENERATE_ENV}=1 and review it")
    expected = path.read_text(encoding="utf-8")
    if actual != expected:
        want = pd.read_csv(io.StringIO(expected), keep_default_na=False)
        got = pd.read_csv(io.StringIO(actual), keep_default_na=False)
        detail = _first_difference(want, got)
        raise AssertionError(f"{path.name} differs from its golden file: {detail}. "
                             f"If the change is intended, rerun with {REGENERATE_ENV}=1 and review the diff.")  # fmt: skip


def _first_difference(want: pd.DataFrame, got: pd.DataFrame) -> str:
    if list(want.columns) != list(got.columns):
        return f"columns {list(got.columns)} != expected {list(want.columns)}"
    if len(want) != len(got):
        return f"{len(got)} rows != expected {len(want)}"
    for i in range(len(want)):
        for column in want.columns:
            if str(want.at[i, column]) != str(got.at[i, column]):
                return f"row {i + 1}, column '{column}': {got.at[i, column]!r} != expected {want.at[i, column]!r}"
    return "formatting only"
