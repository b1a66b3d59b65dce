"""Missing values and odd strings in every table writer: nothing crashes, nothing reads "nan".

Real corpora leave sites, group types and dates blank, have speakers with no
attributes, roles nobody in the corpus has, and text with control characters
and formula-like strings. A missing value is an empty cell in CSV, XLSX and
Parquet and reads "not recorded" where a person reads it as a group's name.
"""

from __future__ import annotations

import csv
import io
import math
import re
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from missing_text import NULL_TOKENS, findings, null_text
from outputs_data import ACTION, coded_frame, tiny_codebook, turns_frame

from pipeline.actionplan import action_plan_markdown
from pipeline.config import validate_config
from pipeline.io import NOT_RECORDED, blank_missing, is_missing, text_of, write_table
from pipeline.matrices import build_tables, run_info, write_outputs
from pipeline.matrices.codes import code_table
from pipeline.matrices.workbook import MAX_CELL_CHARACTERS, write_workbook
from pipeline.refi.project import build_project, source_text, write_qdpx
from pipeline.report import write_report

MISSING = [None, float("nan"), np.nan, pd.NA, pd.NaT]
NO_ATTRIBUTES = {"exclude_roles": ["facilitator"], "attributes": [], "framework_case": "participant",
                 "framework_quotes": 2, "quote_words": 25}  # fmt: skip
PROPERTY = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

# Text as participants, typists and exporters write it: any character but lone surrogates (which no
# UTF-8 file can hold), newlines, control characters, formula-like strings, pandas' own words for "missing".
ODD_TEXT = st.one_of(
    st.text(st.characters(exclude_categories=["Cs"]), max_size=40),
    st.sampled_from(["", " ", "=1+1", "+SUM(A1)", "-2", "@cmd", "line one\nline two", "a\r\nb", "tab\there",
                     "\x00\x01\x0b\x1f", "Łąka Wielka — Île", "a | b", "“quoted” ‘text’", "x" * 40_000]),
)
CELL = st.one_of(st.sampled_from(MISSING), ODD_TEXT)


def real_shaped_turns() -> pd.DataFrame:
    """The tiny study as a real corpus has it: one site, group type and date left blank, no attributes,
    nobody in the community role, one empty turn."""
    turns = turns_frame().drop(columns=["gender", "age_band"])
    ashby = turns["transcript_id"] == "ashby-community-1"
    turns.loc[ashby, ["site", "group_type", "date"]] = None
    turns.loc[turns["role"] == "community", "role"] = "other"
    turns.loc[ashby & (turns["turn"] == 6), "text"] = ""
    return turns


def real_shaped_coded() -> pd.DataFrame:
    # Language raised only at the session whose site was not recorded.
    coded = coded_frame()
    return coded.loc[~((coded["transcript_id"] == "kingsmere-providers-1") & (coded["code"] == "language"))]


@pytest.fixture(scope="module")
def real_results(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("real-results")
    turns, codebook = real_shaped_turns(), tiny_codebook()
    tables = build_tables(turns, real_shaped_coded(), code_table(codebook), NO_ATTRIBUTES, ACTION)
    write_outputs(tables, run_info(turns, codebook, NO_ATTRIBUTES, ACTION), folder, ACTION["weights"])
    for tid, rows in turns.groupby("transcript_id"):
        write_table(rows, folder / "anonymised" / f"{tid}.parquet")
    write_table(pd.DataFrame({"category": ["PERSON", "PLACE"], "site": ["Kingsmere", None], "count": [3, np.nan]}),
                folder / "anonymised" / "summary.csv")
    write_report(folder, validate_config({}), folder / "report.html")
    document, texts = build_project(turns, real_shaped_coded(), codebook, created="2026-03-10T00:00:00Z")
    write_qdpx(document, texts, folder / "export" / "project.qdpx")
    return folder


# --- the corpus shapes, end to end through the aggregate stages -------------------------------------


def test_matrices_report_and_export_accept_a_real_corpus_shape(real_results: Path):
    assert (real_results / "theme_matrices.xlsx").is_file()
    assert findings(real_results) == []


def test_a_blank_site_is_a_group_named_not_recorded(real_results: Path):
    by_site = pd.read_csv(real_results / "matrices" / "theme_by_site.csv", keep_default_na=False)
    assert set(by_site["site"]) == {NOT_RECORDED, "Kingsmere"}
    evidence = pd.read_csv(real_results / "matrices" / "evidence.csv", keep_default_na=False)
    assert set(evidence.loc[evidence["transcript_id"] == "ashby-community-1", "date"]) == {NOT_RECORDED}


def test_breadth_counts_only_the_sites_that_were_recorded(real_results: Path):
    plan = pd.read_csv(real_results / "matrices" / "action_plan.csv", keep_default_na=False).set_index("code")
    # Language came up only where the site was not recorded: no recorded site, so no breadth.
    assert plan.loc["language", "sites"] == NOT_RECORDED
    assert plan.loc["language", "site_breadth"] == 0.0
    assert plan.loc["trust", "site_breadth"] == 1.0


def test_a_share_of_a_role_nobody_has_is_an_empty_cell_not_zero_or_nan(real_results: Path):
    with open(real_results / "matrices" / "divergence.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert {r["community_share"] for r in rows} == {""}
    assert {r["community_total"] for r in rows} == {"0"}
    from openpyxl import load_workbook

    sheet = load_workbook(real_results / "theme_matrices.xlsx", read_only=True)["Divergence"]
    header = [c.value for c in next(sheet.iter_rows(min_row=1, max_row=1))]
    values = [row[header.index("community_share")] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert values and set(values) == {None}


def test_the_report_says_what_was_not_recorded(real_results: Path):
    html = (real_results / "report.html").read_text(encoding="utf-8")
    assert "Sites: Kingsmere (not recorded for 1 transcript)." in html
    assert "Group types: provider (not recorded for 1 transcript)." in html
    assert "<td>PLACE</td><td>(not recorded)</td><td class=num></td>" in html


def test_the_export_leaves_a_blank_variable_out(real_results: Path):
    with zipfile.ZipFile(real_results / "export" / "project.qdpx") as archive:
        xml = archive.read("project.qde").decode("utf-8")
    assert "<TextValue>Kingsmere</TextValue>" in xml and ">nan<" not in xml and ">None<" not in xml


# --- one value at a time --------------------------------------------------------------------------


@pytest.mark.parametrize("value", MISSING, ids=repr)
def test_every_kind_of_missing_value_is_missing_and_reads_empty(value):
    assert is_missing(value) and text_of(value) == "" and text_of(value, NOT_RECORDED) == NOT_RECORDED


@pytest.mark.parametrize("value", ["", "nan", 0, 0.0, False, [], "None"], ids=repr)
def test_values_that_are_not_missing(value):
    assert not is_missing(value)


def test_workbook_takes_text_columns_holding_missing_values(tmp_path: Path):
    from openpyxl import load_workbook

    table = pd.DataFrame({"site": ["Caldora", *MISSING], "share": [0.5, np.nan, None, 0.1, 0.2, 0.3]})
    write_workbook([("Sheet", table, {"heat": ["share"], "wrap": ["site"]})], tmp_path / "book.xlsx")
    rows = list(load_workbook(tmp_path / "book.xlsx").active.iter_rows(min_row=2, values_only=True))
    assert rows == [("Caldora", 0.5), (None, None), (None, None), (None, 0.1), (None, 0.2), (None, 0.3)]


def test_a_turn_with_no_text_exports_as_an_empty_selection():
    turns = turns_frame()
    one = turns.loc[turns["transcript_id"] == "kingsmere-providers-1"].copy()
    one.loc[one["turn"] == 2, "text"] = None
    text, spans = source_text(one)
    assert text.splitlines()[1] == "[00:00:20] Provider 1: "
    assert spans[1].start == spans[1].end


def test_markdown_cells_of_missing_values_are_empty():
    from pipeline.actionplan import _md_cell

    assert [_md_cell(v) for v in MISSING] == [""] * len(MISSING)
    assert _md_cell("a|b\r\nc\x0bd") == "a\\|b c d"


# --- properties of the writers ----------------------------------------------------------------------


@PROPERTY
@given(st.lists(CELL, min_size=1, max_size=8))
@example(values=["\r", "a\r\nb"])
def test_csv_writer_spells_missing_as_an_empty_cell_and_keeps_text(tmp_path: Path, values):
    path = tmp_path / "table.csv"
    write_table(pd.DataFrame({"text": values, "n": range(len(values))}), path)
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["text", "n"] and len(rows) == len(values) + 1
    for value, (cell, _) in zip(values, rows[1:]):
        # A carriage return is a line break: the writer spells it "\n" so that the cell is quoted.
        assert cell == ("" if is_missing(value) else re.sub(r"\r\n?", "\n", value))


@PROPERTY
@given(st.lists(st.tuples(CELL, st.one_of(st.sampled_from(MISSING[:2]), st.floats(0, 1)), CELL), min_size=1, max_size=6))
def test_workbook_writes_any_text_and_missing_values(tmp_path: Path, rows):
    from openpyxl import load_workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    table = pd.DataFrame(rows, columns=["label", "share", "quotes"])
    path = tmp_path / "book.xlsx"
    write_workbook([("Any", table, {"heat": ["share"], "wrap": ["quotes"], "note": "A note."})], path)
    sheet = load_workbook(path).active
    assert [c.value for c in sheet[2]] == ["label", "share", "quotes"]
    for row, cells in zip(rows, sheet.iter_rows(min_row=3)):
        for value, cell in zip(row, cells):
            if is_missing(value) or value == "":
                assert cell.value is None
            elif isinstance(value, str):
                expected = ILLEGAL_CHARACTERS_RE.sub(" ", value)
                if len(expected) > MAX_CELL_CHARACTERS:
                    expected = expected[: MAX_CELL_CHARACTERS - 1] + "…"
                assert cell.value == expected and cell.data_type == "s"  # "=1+1" stays text, never a formula
            else:
                assert math.isclose(cell.value, value)


@PROPERTY
@given(st.lists(st.tuples(CELL, CELL, CELL, CELL), min_size=1, max_size=5))
def test_action_plan_markdown_keeps_one_line_and_eleven_cells_per_row(rows):
    table = pd.DataFrame([{
        "rank": str(i + 1), "level": "theme", "label": label, "priority": 50.0, "turns_coded": 3, "prevalence": 0.1,
        "participants": 2, "sites": sites, "community_share": np.nan, "provider_share": 0.5, "divergence": 0.0,
        "partners": partners, "quotes": quotes,
    } for i, (label, sites, partners, quotes) in enumerate(rows)])  # fmt: skip
    lines = action_plan_markdown(table, ACTION["weights"]).split("\n")
    body = lines[2 : 2 + len(rows)]
    assert len(body) == len(rows) and all(line.startswith("| ") for line in body)
    for line, row in zip(body, rows):
        cells = [c for c in _unescaped_pipes(line)]
        assert len(cells) == 11, line
        for value, cell in zip(row, (cells[1], cells[5], cells[9], cells[10])):
            if is_missing(value):
                assert cell.strip(" *") == ""


def _unescaped_pipes(line: str) -> list[str]:
    cells, current, escaped = [], "", False
    for ch in line.strip()[1:-1]:
        if ch == "|" and not escaped:
            cells.append(current)
            current = ""
        else:
            current += ch
        escaped = ch == "\\" and not escaped
    return [*cells, current]


@PROPERTY
@given(st.lists(st.tuples(CELL, CELL), min_size=1, max_size=5))
def test_qdpx_holds_any_text_and_attribute_values(tmp_path: Path, values):
    turns = turns_frame().head(len(values)).copy()
    turns["text"] = [v[0] for v in values]
    turns["gender"] = [v[1] for v in values]
    turns.loc[turns.index[0], "site"] = values[0][1]
    document, texts = build_project(turns, coded_frame().head(0), tiny_codebook())
    write_qdpx(document, texts, tmp_path / "project.qdpx")
    found = [v for v in _qda_texts(tmp_path / "project.qdpx") if null_text(v)]
    planted = [v for pair in values for v in pair if isinstance(v, str) and null_text(v)]
    assert len(found) <= len(planted) * 2  # only what the text itself said, never a missing value


def _qda_texts(path: Path) -> list[str]:
    from lxml import etree

    with zipfile.ZipFile(path) as archive:
        root = etree.fromstring(archive.read("project.qde"))
        values = [v for e in root.iter() if isinstance(e.tag, str) for v in [*e.attrib.values(), e.text or ""]]
        return values + [line for name in archive.namelist() if name.startswith("Sources/")
                         for line in archive.read(name).decode("utf-8").splitlines()]  # fmt: skip


@PROPERTY
@given(st.lists(CELL, min_size=1, max_size=6))
def test_blank_missing_leaves_text_and_numbers_alone(values):
    frame = pd.DataFrame({"text": pd.Series(values, dtype=object), "n": [1.5] * len(values)})
    out = blank_missing(frame)
    assert [None if is_missing(v) else v for v in values] == out["text"].tolist()
    assert out["n"].tolist() == [1.5] * len(values)


def test_the_null_finder_finds_spelled_out_missing_values_and_not_prose():
    assert all(null_text(t) for t in NULL_TOKENS)
    assert all(null_text(t) for t in ["Norvania; nan", "P03: None", "[00:00:05] P03: nan", "NaT", "nan%"])
    assert not any(null_text(t) for t in ["None of them called back.", "Nan said so", "banana", "not recorded", ""])


def test_csv_text_is_read_back_by_a_spreadsheet_as_it_was_written(tmp_path: Path):
    # Every reader of results/ (pandas with keep_default_na=False, csv, spreadsheets) sees "" for missing.
    write_table(pd.DataFrame({"a": [pd.NA, "x"], "b": [pd.NaT, pd.Timestamp("2026-01-02")]}), tmp_path / "t.csv")
    assert list(csv.reader(io.StringIO((tmp_path / "t.csv").read_text(encoding="utf-8")))) == [
        ["a", "b"], ["", ""], ["x", "2026-01-02"]]  # fmt: skip
