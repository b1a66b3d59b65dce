"""metadata.csv (one row per transcript) and speakers.csv (one row per speaker per transcript).

Both are typed by hand, often in Excel, so every check names the file and the
CSV line to fix, and the values allowed.
"""

from __future__ import annotations

import csv
import datetime as dt
import logging
import re
from pathlib import Path

import pandas as pd

from pipeline.errors import InputError, MetadataError
from pipeline.transcripts.encoding import decode_bytes, fix_text
from pipeline.turns import INTERPRETS_FOR, ROLES, TURN_COLUMNS, split_labels

log = logging.getLogger(__name__)

METADATA_COLUMNS = ["transcript_id", "site", "date", "group_type"]
SPEAKER_COLUMNS = ["transcript_id", "speaker", "role"]
OPTIONAL_SPEAKER_COLUMNS = ["person_id"]
# Also optional, kept only when the file has it: interprets_for, on an interpreter's row the label(s) of the
# speaker(s) of the same transcript they speak for, several separated by ';' (pipeline/matrices/voice.py).
DEFAULT_ROLE = "other"

# Columns a turn already has once speakers and metadata are attached: an attribute may not reuse them.
RESERVED_COLUMNS = frozenset(TURN_COLUMNS + ["role", "site", "date", "group_type", "person_id"])

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def load_metadata(path: str | Path, transcript_ids: list[str], *, transcripts_dir: str = "transcripts") -> pd.DataFrame:
    """One row per transcript: transcript_id, site, date (YYYY-MM-DD), group_type, then any extra columns.

    site, date and group_type may be blank (missing values in the frame); the outputs say "not recorded".
    """
    path = Path(path)
    header, rows = _read_csv(path, METADATA_COLUMNS)
    known = set(transcript_ids)
    seen: dict[str, int] = {}
    for line, row in rows:
        transcript_id = row["transcript_id"]
        # site, date and group_type may be left blank (not recorded); the transcript id may not.
        if not transcript_id:
            raise MetadataError("empty transcript_id; every row needs one", path=path, line=line)
        if transcript_id in seen:
            raise MetadataError(f"transcript '{transcript_id}' has a second row (first on line {seen[transcript_id]})",
                                path=path, line=line)
        seen[transcript_id] = line
        if transcript_id not in known:
            raise MetadataError(f"transcript '{transcript_id}' has no transcript file in {transcripts_dir}/",
                                path=path, line=line)
        if row["date"] and not _is_iso_date(row["date"]):
            raise MetadataError(f"date '{row['date']}' is not a date written YYYY-MM-DD (e.g. 2024-03-12)",
                                path=path, line=line)
    missing = sorted(known - set(seen))
    if missing:
        raise MetadataError(f"no row for transcript(s) {', '.join(missing)}; every transcript needs one", path=path)
    return _frame(header, rows)


def speaker_attributes(speakers: pd.DataFrame) -> list[str]:
    """The attribute columns of a speakers table (gender, age_band, ...): every column but who and what a speaker is."""
    known = {*SPEAKER_COLUMNS, *OPTIONAL_SPEAKER_COLUMNS, INTERPRETS_FOR}
    return [c for c in speakers.columns if c not in known]


def load_speakers(path: str | Path, transcript_ids: list[str]) -> pd.DataFrame:
    """One row per speaker per transcript: transcript_id, speaker, role, person_id, then attribute columns.

    `speaker` is the label exactly as the transcript shows it; `role` is one of ROLES.
    """
    path = Path(path)
    header, rows = _read_csv(path, SPEAKER_COLUMNS)
    clashing = [c for c in header if c in RESERVED_COLUMNS and c not in SPEAKER_COLUMNS + OPTIONAL_SPEAKER_COLUMNS]
    if clashing:
        raise MetadataError(
            f"column '{clashing[0]}' would clash with a column turns already have; rename it "
            f"(reserved: {', '.join(sorted(RESERVED_COLUMNS))})",
            path=path,
            line=1,
        )
    known = set(transcript_ids)
    seen: dict[tuple[str, str], int] = {}
    for line, row in rows:
        for column in SPEAKER_COLUMNS:
            if not row[column]:
                raise MetadataError(f"empty {column}; every row needs {', '.join(SPEAKER_COLUMNS)}",
                                    path=path, line=line)
        role = row["role"].casefold()
        if role not in ROLES:
            raise MetadataError(f"role '{row['role']}' is not one of {', '.join(ROLES)}", path=path, line=line)
        row["role"] = role
        if row["transcript_id"] not in known:
            raise MetadataError(f"transcript '{row['transcript_id']}' has no transcript file", path=path, line=line)
        pair = (row["transcript_id"], row["speaker"])
        if pair in seen:
            raise MetadataError(
                f"speaker '{pair[1]}' of transcript '{pair[0]}' has a second row (first on line {seen[pair]})",
                path=path, line=line,
            )
        seen[pair] = line
    _check_interprets_for(rows, seen, path)
    columns = SPEAKER_COLUMNS + OPTIONAL_SPEAKER_COLUMNS + [c for c in header if c not in SPEAKER_COLUMNS
                                                            + OPTIONAL_SPEAKER_COLUMNS]
    frame = _frame(columns, rows)
    frame.attrs["path"] = str(path)
    return frame


def _check_interprets_for(rows: list[tuple[int, dict[str, str]]], seen: dict[tuple[str, str], int], path: Path) -> None:
    """interprets_for is on interpreters' rows only and names speakers of the same transcript."""
    folded = {(t, fold_label(s)) for t, s in seen}
    for line, row in rows:
        labels = split_labels(row.get("interprets_for"))
        if labels and row["role"] != "interpreter":
            raise MetadataError(f"interprets_for is set for '{row['speaker']}', whose role is '{row['role']}'; "
                                "only an interpreter's row may say whom they speak for", path=path, line=line)
        for label in labels:
            if (row["transcript_id"], fold_label(label)) not in folded:
                raise MetadataError(
                    f"interprets_for names '{label}', who is not a speaker of transcript '{row['transcript_id']}' "
                    "in this file; give speaker labels of the same transcript, several separated by ';'",
                    path=path, line=line)


def attach_speakers(turns: pd.DataFrame, speakers: pd.DataFrame, transcript_id: str) -> pd.DataFrame:
    """The turns with role, person_id and the speaker attribute columns of speakers.csv added.

    A speaker the transcript has but speakers.csv does not list is logged as a
    warning and gets role 'other', so one missing row does not stop the run.
    """
    source = speakers.attrs.get("path", "speakers.csv")
    # Also accept speakers.csv read without load_speakers (ids read as numbers, roles in any case, no person_id).
    if "person_id" not in speakers.columns:
        speakers = speakers.assign(person_id=None)
    listed = speakers[speakers["transcript_id"].astype(str) == str(transcript_id)]
    attributes = ["person_id"] + [c for c in speakers.columns if c not in SPEAKER_COLUMNS + ["person_id"]]
    records = listed[attributes + ["role"]].to_dict("records")
    for record in records:
        record["role"] = str(record["role"]).strip().casefold() if isinstance(record["role"], str) else DEFAULT_ROLE
    by_label = {str(speaker): row for speaker, row in zip(listed["speaker"], records)}
    by_folded = {fold_label(label): row for label, row in by_label.items()}
    found: dict[str, dict] = {}
    for label in dict.fromkeys(turns["speaker"]):
        row = by_label.get(label) or by_folded.get(fold_label(label))
        if row is None:
            # The label is often a real name and this log lies under results/: name the turn instead.
            first_turn = turns.loc[turns["speaker"] == label, "turn"].iloc[0] if "turn" in turns else "?"
            log.warning("the speaker of turn %s of transcript '%s' is not in %s; given role '%s' "
                        "(qualflow check-inputs shows the label)", first_turn, transcript_id, source, DEFAULT_ROLE)
            row = {"role": DEFAULT_ROLE}
        found[label] = row
    result = turns.copy()
    for column in ["role"] + attributes:
        result[column] = [found[label].get(column) for label in turns["speaker"]]
    return result


def fold_label(label: str) -> str:
    return " ".join(label.casefold().split())


def _is_iso_date(value: str) -> bool:
    if not _ISO_DATE.match(value):
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _read_csv(path: Path, required: list[str]) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    """Header and (CSV line number, row) pairs, values stripped; blank rows skipped."""
    if not path.is_file():
        raise MetadataError(f"file not found; expected a CSV with columns {', '.join(required)}", path=path)
    try:
        text = fix_text(decode_bytes(path.read_bytes(), path))
    except InputError as e:
        raise MetadataError(e.message, path=path) from e
    reader = csv.reader(text.splitlines(keepends=True))
    cells = [c.strip() for c in next(reader, [])]
    # Excel often saves empty columns after the last real one; they carry no name and no data.
    header = [c for c in cells if c]
    if not header:
        raise MetadataError(f"the file is empty; expected a header line {','.join(required)}", path=path)
    missing = [c for c in required if c not in header]
    if missing:
        raise MetadataError(
            f"missing column '{missing[0]}'; required: {', '.join(required)}; found: {', '.join(header)}",
            path=path, line=1,
        )
    duplicated = sorted({c for c in header if header.count(c) > 1})
    if duplicated:
        raise MetadataError(f"column '{duplicated[0]}' appears twice in the header", path=path, line=1)
    rows = []
    for values in reader:
        if not any(v.strip() for v in values):
            continue
        if len(values) > len(cells) and any(v.strip() for v in values[len(cells):]):
            raise MetadataError(f"{len(values)} values but the header has {len(header)} columns",
                                path=path, line=reader.line_num)
        row = {name: value.strip() for name, value in zip(cells, values) if name}
        rows.append((reader.line_num, {name: row.get(name, "") for name in header}))
    return header, rows


def _frame(columns: list[str], rows: list[tuple[int, dict[str, str]]]) -> pd.DataFrame:
    """Text columns, with empty cells as missing values."""
    data = {c: [row.get(c) or None for _, row in rows] for c in columns}
    return pd.DataFrame(data, columns=columns, dtype="str")
