"""File writing that never leaves a half-written output behind."""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import pandas as pd


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike[str], mode: int | None = None) -> Iterator[Path]:
    """Yield a temporary path beside `path`; move it into place only if the block succeeds."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    os.close(fd)
    tmp_path = Path(tmp)
    try:
        yield tmp_path
        # mkstemp makes files private (0600); ordinary outputs get the usual umask-based mode.
        os.chmod(tmp_path, mode if mode is not None else 0o666 & ~_umask())
        os.replace(tmp_path, target)
    finally:
        tmp_path.unlink(missing_ok=True)


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


@contextlib.contextmanager
def atomic_open(
    path: str | os.PathLike[str], mode: str = "w", *, file_mode: int | None = None, encoding: str | None = "utf-8"
) -> Iterator[IO]:
    """Open a file for writing that appears at `path` only when closed without error."""
    binary = "b" in mode
    with atomic_path(path, file_mode) as tmp:
        with open(tmp, mode, encoding=None if binary else encoding, newline=None if binary else "") as handle:
            yield handle


# --- missing values -------------------------------------------------------------------------------
# One rule for every output: a missing value (None, NaN, pd.NA, NaT) is an empty cell in a CSV, XLSX or
# Parquet table, and reads NOT_RECORDED where a person reads it as a group's name; pandas' own spellings
# ("nan", "None", "NaT", "<NA>") never reach a file. See docs/data.md.

NOT_RECORDED = "(not recorded)"


def is_missing(value: object) -> bool:
    """None, NaN, pd.NA or NaT (a scalar; lists and strings are never missing, "" included)."""
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    if isinstance(value, (str, bytes, list, tuple, dict, set)):
        return False
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def text_of(value: object, missing: str = "") -> str:
    """A value as text for a cell or a sentence: `missing` for a missing value, never "nan" or "None"."""
    if is_missing(value):
        return missing
    return value if isinstance(value, str) else str(value)


def blank_missing(df: pd.DataFrame) -> pd.DataFrame:
    """Text columns with every kind of missing value as None, which every writer spells as an empty cell.

    Numeric and date columns keep NaN and NaT (empty cells too); a column of text is never turned into "nan".
    """
    out = df.copy()
    for column in out.columns:
        series = out[column]
        if (series.dtype == object or isinstance(series.dtype, pd.StringDtype)) and series.isna().any():
            out[column] = series.astype(object).where(series.notna(), None)
    return out


def _line_breaks_as_newlines(df: pd.DataFrame) -> pd.DataFrame:
    """Carriage returns in text cells as newlines.

    Python's csv writer quotes a cell only for the characters of its line terminator ("\\n"),
    so a bare "\\r" in a cell would be written unquoted and split the row when read back.
    """
    for column in df.columns:
        series = df[column]
        if series.dtype == object or isinstance(series.dtype, pd.StringDtype):
            has_return = series.str.contains("\r", regex=False, na=False).astype(bool)
            if has_return.any():
                df[column] = series.where(~has_return, series[has_return].str.replace(r"\r\n?", "\n", regex=True))
    return df


def write_table(df: pd.DataFrame, path: str | os.PathLike[str], *, file_mode: int | None = None) -> None:
    """Write a table as parquet or CSV (chosen by the file's extension), atomically; missing values are empty cells."""
    suffix = Path(path).suffix.lower()
    with atomic_path(path, file_mode) as tmp:
        if suffix == ".parquet":
            df.to_parquet(tmp, index=False)
        elif suffix == ".csv":
            _line_breaks_as_newlines(blank_missing(df)).to_csv(tmp, index=False, lineterminator="\n", na_rep="")
        else:
            raise ValueError(f"cannot write a table to '{path}': use .parquet or .csv")


def read_table(path: str | os.PathLike[str]) -> pd.DataFrame:
    suffix = Path(path).suffix.lower()
    if suffix == ".parquet":
        return pd.read_parquet(path)
    return pd.read_csv(path, keep_default_na=False, na_values=[""])


def read_text_records(path: str | os.PathLike[str], *, require_id: bool = False) -> list[dict]:
    """The objects of a JSONL file of texts ({"id": ..., "text": ...} per line; blank lines skipped).

    A line that is not JSON, not an object, has no string "text" (or, with
    `require_id`, no "id") is an InputError naming the file and line.
    """
    from pipeline.errors import InputError

    records = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as e:
                raise InputError(f"not valid JSON ({e.msg}); expected one {{\"id\": ..., \"text\": ...}} per line",
                                 path=path, line=number) from e
            if not isinstance(record, dict) or not isinstance(record.get("text"), str) or (
                require_id and "id" not in record
            ):
                raise InputError('expected a JSON object with "id" and a string "text"', path=path, line=number)
            records.append(record)
    return records
