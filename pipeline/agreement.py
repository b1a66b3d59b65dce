"""Agreement between coders (people, or the workflow) on which codes apply to which turns.

Every code is a yes/no decision per unit (a turn), so each statistic reduces
to sums over units of small per-unit counts. That makes the bootstrap (resample
units, recompute) one matrix product of resample counts and per-unit values
instead of thousands of library calls. Alpha's point estimate comes from the
`krippendorff` package; kappa's from the 2x2 formula (see kappa_two_raters);
the tests check every route against scikit-learn and `krippendorff`.

Decisions about undefined cases (documented in `qualflow agreement --help`):
- A code no rater used, or that every rater applied to every unit, has no
  variation: kappa and alpha are 0/0, so they are reported as NaN with a note,
  never as 1.0 (that would reward a code nobody tried to apply).
- One rater constant while another varies is defined: kappa is 0 and alpha is
  at most 0. The note names the constant rater.
- Perfect agreement with variation gives kappa = alpha = 1.
- Kappa is Cohen's, so it is NaN (noted on the pooled row) with more than two raters; alpha
  takes any number of raters.
- Percent agreement is the share of units on which all raters agree.
- The pooled row treats every (unit, code) pair as one decision, over the
  codes at least one rater used; its bootstrap resamples units with all their codes.
"""

from __future__ import annotations

import difflib
import logging
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from pipeline.errors import CodingFileError

log = logging.getLogger(__name__)

CODING_COLUMNS = ("transcript_id", "turn", "code")
UNIT_COLUMNS = ("transcript_id", "turn")
POOLED = "(pooled)"
MAX_LISTED_PROBLEMS = 20


@dataclass(frozen=True)
class Coding:
    """One rater's decisions: which codes they applied to which turns."""

    rater: str
    path: str
    rows: pd.DataFrame  # transcript_id (str), turn (int), code (str), line (int: where to look in the file)
    line_label: str = "line"  # "line" for CSV (counting the header), "row" for parquet


# ---------------------------------------------------------------- reading


def read_coding(path: str | Path, rater: str | None = None) -> Coding:
    """Read a coding file (CSV or parquet), or a directory of the workflow's results/coded/*.parquet.

    Parquet files written by the workflow carry a `counted` column; only rows
    with counted=True are decisions the workflow stands behind, so only those count.
    """
    path = Path(path)
    if path.is_dir():
        files = sorted(path.glob("*.parquet"))
        if not files:
            raise CodingFileError("directory holds no .parquet coding files", path=path)
        parts = [read_coding(f, rater=rater or path.name) for f in files]
        rows = pd.concat([p.rows for p in parts], ignore_index=True)
        return Coding(rater=rater or path.name, path=str(path), rows=rows, line_label="row")
    if not path.exists():
        raise CodingFileError("coding file not found", path=path)
    name = rater or path.stem
    if path.suffix.lower() == ".parquet":
        raw = pd.read_parquet(path)
        line_label, first_line = "row", 1
    else:
        try:
            raw = pd.read_csv(path, dtype=str, keep_default_na=False, skipinitialspace=True)
        except pd.errors.EmptyDataError as e:
            raise CodingFileError("file is empty; expected a header 'transcript_id,turn,code'", path=path) from e
        except pd.errors.ParserError as e:
            raise CodingFileError(f"not a readable CSV ({e})", path=path) from e
        line_label, first_line = "line", 2  # line 1 is the header
    raw.columns = [str(c).strip() for c in raw.columns]
    missing = [c for c in CODING_COLUMNS if c not in raw.columns]
    if missing:
        raise CodingFileError(
            f"missing column(s) {', '.join(missing)}; expected columns transcript_id,turn,code, "
            f"found {', '.join(map(str, raw.columns)) or 'none'}",
            path=path,
        )
    raw = raw.reset_index(drop=True)
    raw["line"] = np.arange(len(raw)) + first_line
    if "counted" in raw.columns:
        raw = raw[raw["counted"].map(_truthy)]
    rows = _checked_rows(raw, path, line_label)
    if rows.empty:
        log.warning("%s: no coded turns; rater '%s' applied no code", path, name)
    return Coding(rater=name, path=str(path), rows=rows, line_label=line_label)


def _truthy(value: object) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in {"true", "1", "yes"}
    return bool(value) and not pd.isna(value)


def _checked_rows(raw: pd.DataFrame, path: Path, line_label: str) -> pd.DataFrame:
    turns = _as_turns(raw["turn"])
    tids = raw["transcript_id"].astype("string").str.strip()
    codes = raw["code"].astype("string").str.strip()
    bad_turn, blank_tid, blank_code = turns.isna(), tids.fillna("").eq(""), codes.fillna("").eq("")
    problems: list[str] = []
    for i in np.flatnonzero((bad_turn | blank_tid | blank_code).to_numpy()):
        line = raw["line"].iloc[i]
        where = f"{path}:{line}" if line_label == "line" else f"{path}: row {line}"
        if bad_turn.iloc[i]:
            problems.append(f"{where}: turn {raw['turn'].iloc[i]!r} is not a whole number >= 1")
        if blank_tid.iloc[i]:
            problems.append(f"{where}: transcript_id is empty")
        if blank_code.iloc[i]:
            problems.append(f"{where}: code is empty")
    if problems:
        raise CodingFileError(_listing(problems, "problem"), path=None)
    rows = pd.DataFrame(
        {
            "transcript_id": tids.astype(str).to_numpy(),
            "turn": turns.astype("int64").to_numpy(),
            "code": codes.astype(str).to_numpy(),
            "line": raw["line"].to_numpy(dtype=np.int64),
        }
    )
    # A repeated row says the same thing twice; the first one is where to look.
    return rows.drop_duplicates(subset=list(CODING_COLUMNS), keep="first").reset_index(drop=True)


def _as_turns(values: pd.Series) -> pd.Series:
    """Turn numbers as written by hand or by a spreadsheet ("12", 12, 12.0); NaN where a value is not one."""
    if values.dtype == bool:
        return pd.Series(np.nan, index=values.index)
    numbers = pd.to_numeric(values.astype("string").str.strip(), errors="coerce").astype("float64")
    whole = numbers.notna() & (numbers % 1 == 0) & (numbers >= 1)
    return numbers.where(whole)


def _listing(problems: Sequence[str], noun: str) -> str:
    shown = list(problems[:MAX_LISTED_PROBLEMS])
    more = len(problems) - len(shown)
    if more:
        shown.append(f"... and {more} more")
    if len(problems) == 1:
        return shown[0]
    return f"{len(problems)} {noun}s:\n  " + "\n  ".join(shown)


def read_units(paths: Iterable[str | Path]) -> pd.DataFrame:
    """The turns that were there to be coded: transcript_id,turn from files or directories of parquet/CSV."""
    frames = []
    for path in map(Path, paths):
        files = (sorted(path.glob("*.parquet")) or sorted(path.glob("*.csv"))) if path.is_dir() else [path]
        if not files:
            raise CodingFileError("directory holds no .parquet or .csv units files", path=path)
        for file in files:
            if not file.exists():
                raise CodingFileError("units file not found", path=file)
            table = _read_unit_columns(file)
            missing = [c for c in UNIT_COLUMNS if c not in table.columns]
            if missing:
                raise CodingFileError(
                    f"missing column(s) {', '.join(missing)}; a units file needs transcript_id,turn "
                    "(e.g. results/anonymised/*.parquet)",
                    path=file,
                )
            turns = _as_turns(table["turn"])
            bad = turns.isna()
            if bad.any():
                first = int(np.flatnonzero(bad.to_numpy())[0])
                raise CodingFileError(
                    f"turn {table['turn'].iloc[first]!r} is not a whole number >= 1",
                    path=file,
                    line=first + 2 if file.suffix.lower() == ".csv" else None,
                )
            frames.append(pd.DataFrame({"transcript_id": table["transcript_id"].astype(str),
                                        "turn": turns.astype("int64")}))
    if not frames:
        raise CodingFileError("no units files given")
    return pd.concat(frames, ignore_index=True).drop_duplicates().sort_values(list(UNIT_COLUMNS)).reset_index(drop=True)


def _read_unit_columns(file: Path) -> pd.DataFrame:
    """Only transcript_id and turn when present: anonymised turn files also carry all the text."""
    if file.suffix.lower() == ".parquet":
        import pyarrow.parquet as pq

        present = [c for c in UNIT_COLUMNS if c in pq.read_schema(file).names]
        return pd.read_parquet(file, columns=present)
    return pd.read_csv(file, dtype=str, usecols=lambda c: c in UNIT_COLUMNS)


# ---------------------------------------------------------------- checks


def check_codes_known(codings: Sequence[Coding], known: Iterable[str], codebook_path: str = "the codebook") -> None:
    """Raise CodingFileError listing every row whose code the codebook does not define."""
    known = list(known)
    known_set = set(known)
    problems = []
    for coding in codings:
        unknown = coding.rows[~coding.rows["code"].isin(known_set)]
        for line, code in zip(unknown["line"], unknown["code"]):
            close = difflib.get_close_matches(code, known, n=1)
            hint = f"; did you mean '{close[0]}'?" if close else ""
            where = f"{coding.path}:{line}" if coding.line_label == "line" else f"{coding.path}: row {line}"
            problems.append(f"{where}: code '{code}' is not in {codebook_path}{hint}")
    if problems:
        raise CodingFileError(_listing(problems, "unknown code"))


def check_turns_in_units(codings: Sequence[Coding], units: pd.DataFrame) -> None:
    """Raise CodingFileError listing coded turns that the units files do not have (a wrong transcript or turn)."""
    known = pd.MultiIndex.from_frame(units[list(UNIT_COLUMNS)])
    problems = []
    for coding in codings:
        coded = pd.MultiIndex.from_frame(coding.rows[list(UNIT_COLUMNS)])
        missing = coding.rows[~coded.isin(known)]
        for line, tid, turn in zip(missing["line"], missing["transcript_id"], missing["turn"]):
            where = f"{coding.path}:{line}" if coding.line_label == "line" else f"{coding.path}: row {line}"
            problems.append(f"{where}: transcript '{tid}' turn {turn} is not among the units (--units)")
    if problems:
        raise CodingFileError(_listing(problems, "unknown turn"))


def map_codes(coding: Coding, mapping: Mapping[str, str]) -> Coding:
    """The same decisions one level up (e.g. code -> its theme); two codes of one theme on a turn become one."""
    rows = coding.rows.assign(code=coding.rows["code"].map(lambda c: mapping.get(c, c)))
    rows = rows.drop_duplicates(subset=list(CODING_COLUMNS), keep="first").reset_index(drop=True)
    return Coding(rater=coding.rater, path=coding.path, rows=rows, line_label=coding.line_label)


def unique_rater_names(codings: Sequence[Coding]) -> list[Coding]:
    """Raters are named by file stem; two files with one stem get their folder added so columns stay distinct."""
    # "mean" would collide with the prevalence_mean column.
    codings = [c if c.rater != "mean" else Coding("mean-rater", c.path, c.rows, c.line_label) for c in codings]
    names = [c.rater for c in codings]
    result = []
    for coding in codings:
        name = coding.rater
        if names.count(name) > 1:
            name = f"{Path(coding.path).parent.name}/{name}"
        result.append(Coding(rater=name, path=coding.path, rows=coding.rows, line_label=coding.line_label))
    final = [c.rater for c in result]
    if len(set(final)) != len(final):
        result = [Coding(rater=f"{c.rater}#{i + 1}", path=c.path, rows=c.rows, line_label=c.line_label)
                  for i, c in enumerate(result)]
    return result


# ---------------------------------------------------------------- statistics


def decision_matrix(codings: Sequence[Coding], units: pd.DataFrame, codes: Sequence[str]) -> np.ndarray:
    """Boolean array [rater, unit, code]: did this rater apply this code to this unit."""
    unit_index = pd.MultiIndex.from_frame(units[list(UNIT_COLUMNS)])
    code_index = {c: i for i, c in enumerate(codes)}
    out = np.zeros((len(codings), len(units), len(codes)), dtype=bool)
    for r, coding in enumerate(codings):
        rows = coding.rows[coding.rows["code"].isin(code_index)]
        u = unit_index.get_indexer(pd.MultiIndex.from_arrays([rows["transcript_id"], rows["turn"]]))
        c = rows["code"].map(code_index).to_numpy(dtype=np.int64)
        keep = u >= 0
        out[r, u[keep], c[keep]] = True
    return out


def kappa_two_raters(a: np.ndarray, b: np.ndarray) -> float:
    """Cohen's kappa of two yes/no vectors, NaN when neither rater varies.

    The 2x2 formula, not scikit-learn's cohen_kappa_score: importing
    scikit-learn took longer than the whole computation (4-7 s here). The tests
    check the two agree.
    """
    if len(a) == 0 or (a.min() == a.max() == b.min() == b.max()):
        return float("nan")
    observed = float(np.mean(a == b))
    pa, pb = float(np.mean(a)), float(np.mean(b))
    expected = pa * pb + (1 - pa) * (1 - pb)
    return (observed - expected) / (1 - expected)


def alpha_nominal(decisions: np.ndarray) -> float:
    """Krippendorff's alpha (nominal) of a [rater, unit] yes/no array (`krippendorff` package); NaN without variation."""
    import krippendorff

    if decisions.size == 0 or decisions.min() == decisions.max():
        return float("nan")
    return float(krippendorff.alpha(reliability_data=decisions.astype(float), level_of_measurement="nominal"))


def _unit_sums(decisions: np.ndarray) -> dict[str, np.ndarray]:
    """Per-unit whole-number counts; every statistic is a ratio of their sums. decisions: [rater, unit(, code)]."""
    m = decisions.shape[0]
    ones = decisions.sum(axis=0)  # raters saying yes, per unit (and code)
    sums = {
        "n": np.ones(ones.shape),
        "all_agree": ((ones == 0) | (ones == m)).astype(float),
        # Ordered yes/no pairs of raters within a unit; Krippendorff's coincidence o01 is this over (m-1).
        "split_pairs": (ones * (m - ones)).astype(float),
    }
    for r in range(m):
        sums[f"rater{r}"] = decisions[r].astype(float)
    return sums


def _stats_from_sums(s: Mapping[str, np.ndarray], m: int) -> dict[str, np.ndarray]:
    """Percent agreement, prevalence, kappa and alpha from summed per-unit counts (arrays broadcast over replicates)."""
    with np.errstate(divide="ignore", invalid="ignore"):
        n = s["n"]
        out = {"percent_agreement": s["all_agree"] / n}
        prevalences = [s[f"rater{r}"] / n for r in range(m)]
        for r, p in enumerate(prevalences):
            out[f"prevalence{r}"] = p
        out["prevalence_mean"] = sum(prevalences) / m
        if m == 2:
            pa, pb = prevalences
            po = out["percent_agreement"]
            pe = pa * pb + (1 - pa) * (1 - pb)
            out["kappa"] = np.where(pe < 1, (po - pe) / (1 - pe), np.nan)
        else:
            out["kappa"] = np.full_like(n, np.nan)
        total = n * m
        n1 = sum(s[f"rater{r}"] for r in range(m))
        n0 = total - n1
        o01 = s["split_pairs"] / (m - 1)
        out["alpha"] = np.where((n0 > 0) & (n1 > 0), 1 - (total - 1) * o01 / (n0 * n1), np.nan)
    return out


def resample_counts(n_units: int, replicates: int, seed: int, chunk: int = 100) -> Iterable[np.ndarray]:
    """Bootstrap replicates as [replicate, unit] counts of how often each unit was drawn, in chunks to bound memory."""
    rng = np.random.default_rng(seed)
    for start in range(0, replicates, chunk):
        size = min(chunk, replicates - start)
        draws = rng.integers(0, n_units, size=(size, n_units)) + np.arange(size)[:, None] * n_units
        yield np.bincount(draws.ravel(), minlength=size * n_units).reshape(size, n_units)


def bootstrap_intervals(
    per_unit: Sequence[Mapping[str, np.ndarray]], m: int, replicates: int, seed: int
) -> list[dict[str, tuple[float, float]]]:
    """Percentile 95% intervals for each row's per-unit sums; all rows share the same resamples.

    A replicate's sums are its counts times the per-unit values: one matrix
    product for every code at once. The values are whole numbers, so float32
    is exact while sums stay below 2**24, and twice as fast; float64 beyond.
    Replicates where a statistic is undefined (no variation drawn) are left out
    of its interval.
    """
    keys = [k for k in per_unit[0] if k != "n"]  # every unit weighs the same, so "n" is a constant
    values = np.column_stack([row[k] for row in per_unit for k in keys])
    n_units = len(values)
    dtype = np.float32 if values.sum(axis=0).max(initial=0) < 2**24 else np.float64
    values = values.astype(dtype)
    from threadpoolctl import threadpool_limits

    # Many small products: on a busy 2-core machine, BLAS threads fighting over
    # the cores made them 50x slower (5.8 s against 0.11 s with one thread).
    with threadpool_limits(limits=1, user_api="blas"):
        sums = np.vstack([counts.astype(dtype) @ values for counts in resample_counts(n_units, replicates, seed)])
    sums = sums.reshape(replicates, len(per_unit), len(keys)).astype(np.float64)
    intervals = []
    for j, row in enumerate(per_unit):
        by_key = {k: sums[:, j, i] for i, k in enumerate(keys)}
        by_key["n"] = np.full(replicates, float(row["n"].sum()))
        stats = _stats_from_sums(by_key, m)
        found = {}
        for name in ("percent_agreement", "prevalence_mean", "kappa", "alpha"):
            finite = stats[name][np.isfinite(stats[name])]
            found[name] = (float(np.percentile(finite, 2.5)), float(np.percentile(finite, 97.5))) if len(finite) else (
                np.nan, np.nan)
        intervals.append(found)
    return intervals


def _notes(decisions: np.ndarray, raters: Sequence[str]) -> list[str]:
    """Why a figure is missing or surprising, in words."""
    notes = []
    if decisions.size and not decisions.any():
        notes.append("no rater used this code: kappa and alpha undefined")
    elif decisions.size and decisions.all():
        notes.append("every rater applied this code to every unit: kappa and alpha undefined")
    else:
        for r, name in enumerate(raters):
            if decisions[r].size and not decisions[r].any():
                notes.append(f"{name} never used this code")
            elif decisions[r].size and decisions[r].all():
                notes.append(f"{name} applied this code to every unit")
    return notes


def agreement_table(
    codings: Sequence[Coding],
    *,
    units: pd.DataFrame | None = None,
    codes: Sequence[str] | None = None,
    bootstrap: int = 1000,
    seed: int = 42,
) -> pd.DataFrame:
    """Agreement per code and pooled: one row per code, then the pooled row.

    `units`: the turns there were to code (turns nobody coded count as agreed
    "no"); without it, the union of turns any rater coded. `codes`: the codes
    to report, in order (e.g. every codebook code, so unused ones show up);
    without it, every code a rater used, sorted.
    """
    if len(codings) < 2:
        raise CodingFileError(f"agreement needs at least two coding files, got {len(codings)}")
    codings = unique_rater_names(codings)
    raters = [c.rater for c in codings]
    if units is None:
        units = (
            pd.concat([c.rows[list(UNIT_COLUMNS)] for c in codings], ignore_index=True)
            .drop_duplicates()
            .sort_values(list(UNIT_COLUMNS))
            .reset_index(drop=True)
        )
    else:
        check_turns_in_units(codings, units)
        _note_uncoded_transcripts(codings, units)
    if units.empty:
        raise CodingFileError("no coded turns in any coding file, and no --units given: nothing to compare")
    used = sorted(set().union(*(set(c.rows["code"]) for c in codings)))
    codes = list(codes) if codes is not None else used
    codes += [c for c in used if c not in codes]
    decisions = decision_matrix(codings, units, codes)
    m = len(codings)
    pooled_codes = [i for i, code in enumerate(codes) if code in set(used)]
    # The pooled row treats each (unit, code) as a decision; a resampled unit brings all its codes along.
    per_unit = [_unit_sums(decisions[:, :, c]) for c in range(len(codes))]
    per_unit.append({k: v.sum(axis=1) for k, v in _unit_sums(decisions[:, :, pooled_codes]).items()})
    intervals = bootstrap_intervals(per_unit, m, bootstrap, seed) if bootstrap > 0 else [{}] * len(per_unit)
    rows = [_row(code, decisions[:, :, c], raters, intervals[c]) for c, code in enumerate(codes)]
    rows.append(_row(POOLED, decisions[:, :, pooled_codes], raters, intervals[-1]))
    table = pd.DataFrame(rows)
    table = table[["code", "n_units", "n_raters"] + [f"prevalence_{r}" for r in raters] + COLUMN_ORDER_TAIL]
    log.info("agreement: %d raters, %d units, %d codes, %d bootstrap replicates", m, len(units), len(codes), bootstrap)
    return table


def _row(code: str, decisions: np.ndarray, raters: Sequence[str],
         intervals: Mapping[str, tuple[float, float]]) -> dict[str, object]:
    """One table row; decisions is [rater, unit] or, for the pooled row, [rater, unit, code]."""
    m = len(raters)
    flat = decisions.reshape(m, -1)
    point = _stats_from_sums({k: v.sum() for k, v in _unit_sums(flat).items()}, m)
    row: dict[str, object] = {"code": code, "n_units": decisions.shape[1], "n_raters": m}
    for r, name in enumerate(raters):
        row[f"prevalence_{name}"] = float(point[f"prevalence{r}"])
    row["prevalence_mean"] = float(point["prevalence_mean"])
    row["percent_agreement"] = float(point["percent_agreement"])
    row["kappa"] = kappa_two_raters(flat[0], flat[1]) if m == 2 else float("nan")
    row["alpha"] = alpha_nominal(flat)
    for name in ("percent_agreement", "kappa", "alpha"):
        row[f"{name}_low"], row[f"{name}_high"] = intervals.get(name, (np.nan, np.nan))
    if decisions.ndim == 2:
        notes = _notes(flat, raters)
    else:  # said once, on the pooled row, rather than on every code
        notes = [] if m == 2 else [f"kappa needs exactly two raters, not {m}; see alpha"]
    row["note"] = "; ".join(notes)
    return row


def _note_uncoded_transcripts(codings: Sequence[Coding], units: pd.DataFrame) -> None:
    coded = set().union(*(set(c.rows["transcript_id"]) for c in codings))
    uncoded = sorted(set(units["transcript_id"]) - coded)
    if uncoded:
        log.warning(
            "units include %d transcript(s) no rater coded anything in (%s); their turns count as agreed 'no'. "
            "Pass only the units of the transcripts that were coded if that is not what you mean.",
            len(uncoded),
            ", ".join(uncoded[:5]) + (", ..." if len(uncoded) > 5 else ""),
        )


COLUMN_ORDER_TAIL = [
    "prevalence_mean",
    "percent_agreement",
    "percent_agreement_low",
    "percent_agreement_high",
    "kappa",
    "kappa_low",
    "kappa_high",
    "alpha",
    "alpha_low",
    "alpha_high",
    "note",
]


def format_table(table: pd.DataFrame) -> str:
    """A table for the terminal: one line per code, intervals in brackets, notes last."""

    def num(x: float) -> str:
        return "   -  " if pd.isna(x) else f"{x:6.3f}"

    def interval(row: pd.Series, name: str) -> str:
        low, high = row[f"{name}_low"], row[f"{name}_high"]
        return "" if pd.isna(low) else f" [{low:.2f}, {high:.2f}]"

    width = max([len("code")] + [len(str(c)) for c in table["code"]])
    header = f"{'code':<{width}}  {'units':>5}  {'prev':>6}  {'agree':>6}  {'kappa':<21}  {'alpha':<21}  note"
    lines = [header, "-" * len(header)]
    for _, row in table.iterrows():
        lines.append(
            f"{row['code']:<{width}}  {row['n_units']:>5}  "
            f"{num(row['prevalence_mean'])}  {num(row['percent_agreement'])}  "
            f"{(num(row['kappa']) + interval(row, 'kappa')):<21}  {(num(row['alpha']) + interval(row, 'alpha')):<21}  "
            f"{row['note']}".rstrip()
        )
    return "\n".join(lines)
