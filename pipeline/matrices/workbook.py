"""One formatted workbook of every matrix: frozen headers, sensible widths, heat-coloured shares.

Colours are fixed fills rather than conditional formatting so they look the
same in Excel, LibreOffice and any viewer that ignores rules.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from pipeline.io import is_missing, text_of

HEADER_FILL = "1F3B57"
HEAT_HIGH = (0xC0, 0x39, 0x2B)  # share 1.0
HEAT_LOW = (0xFF, 0xFF, 0xFF)  # share 0.0
WRAP_WIDTH = 60


def heat_colour(share: float) -> str:
    """Hex RRGGBB between white (0) and a warm red (1), on a square-root scale so small shares still show."""
    share = 0.0 if pd.isna(share) else max(0.0, min(1.0, float(share))) ** 0.5
    return "".join(f"{round(lo + (hi - lo) * share):02X}" for lo, hi in zip(HEAT_LOW, HEAT_HIGH))


def wide_prevalence(table: pd.DataFrame, by: str) -> pd.DataFrame:
    """Long prevalence table -> one row per code, four columns per group value."""
    head = [c for c in ("code", "theme", "label", "level") if c in table.columns][:3]
    key = head[0]
    order = table[key].drop_duplicates().tolist()
    wide = table.pivot(index=key, columns=by, values=["turns_coded", "turn_share", "participants", "participant_share"])
    wide = wide.swaplevel(0, 1, axis=1).sort_index(axis=1, level=0, sort_remaining=False)
    metrics = ["turns_coded", "turn_share", "participants", "participant_share"]
    groups = list(dict.fromkeys(table[by]))
    wide = wide.reindex(columns=pd.MultiIndex.from_product([groups, metrics])).reindex(order)
    labels = table.drop_duplicates(key).set_index(key)[[c for c in head if c != key]]
    return labels.join(wide.set_axis([f"{g}\n{m}" for g, m in wide.columns], axis=1)).reset_index()


def review_sheet(table: pd.DataFrame) -> tuple[str, pd.DataFrame, dict]:
    """The 'Review next' sheet: the turns the workflow is least sure of (results/coding/review_next.csv)."""
    note = ("The turns whose coding the workflow is least sure of; code them in results/export/review.qdpx "
            "and import it with qualflow import-qdpx.")
    return ("Review next", table, {"heat": ["uncertainty"], "wrap": ["reason", "text"], "freeze_columns": 3,
                                   "note": note})


def write_workbook(sheets: Sequence[tuple[str, pd.DataFrame, dict]], path: str | Path) -> None:
    """sheets: (name, table, options) where options may hold 'heat' (column names of shares in [0,1]),
    'wrap' (columns of long text) and 'note' (a line written above the table).

    Written in openpyxl's streaming (write-only) mode: the evidence sheet of 100 transcripts has
    over half a million cells, which the ordinary mode takes tens of seconds to build.
    """
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    from pipeline.io import atomic_path

    header_font, header_fill = Font(bold=True, color="FFFFFF"), PatternFill("solid", fgColor=HEADER_FILL)
    wrapped = Alignment(wrap_text=True, vertical="top")
    fills: dict[str, PatternFill] = {}
    book = Workbook(write_only=True)
    for name, table, options in sheets:
        sheet = book.create_sheet(title=name[:31])
        columns = list(table.columns)
        heat = set(options.get("heat", ()))
        wrap = set(options.get("wrap", ()))
        for j, column in enumerate(columns, start=1):
            sample = [text_of(v) for v in table[column].head(500).tolist()]
            longest = max([len(line) for line in str(column).split("\n")]
                          + [len(line) for v in sample for line in v.split("\n")])  # fmt: skip
            sheet.column_dimensions[get_column_letter(j)].width = min(WRAP_WIDTH if column in wrap else 40, max(8, longest + 2))
        top = 2 if options.get("note") else 1
        # Before the first row: the streaming writer emits the sheet's view with it.
        sheet.freeze_panes = f"{get_column_letter(1 + int(options.get('freeze_columns', 1)))}{top + 1}"
        if options.get("note"):
            note = WriteOnlyCell(sheet, value=options["note"])
            note.font = Font(italic=True)
            sheet.append([note])
        header = []
        for column in columns:
            cell = WriteOnlyCell(sheet, value=str(column))
            cell.font, cell.fill, cell.alignment = header_font, header_fill, wrapped
            header.append(cell)
        sheet.append(header)
        styled = [(column in heat, column in wrap) for column in columns]
        for row in zip(*(table[c].tolist() for c in table.columns)):  # not itertuples: see quotes.plain_rows
            values = []
            for (is_heat, is_wrap), value in zip(styled, row):
                missing = is_missing(value)
                value = None if missing else _plain(value)
                is_heat = is_heat and isinstance(value, (int, float))
                if isinstance(value, str) and value.startswith("="):  # text a participant said, not a formula
                    cell = WriteOnlyCell(sheet, value=value)
                    cell.data_type = "s"
                    if is_wrap:
                        cell.alignment = wrapped
                    values.append(cell)
                    continue
                if not (is_wrap or (is_heat and not missing)):
                    values.append(value)
                    continue
                cell = WriteOnlyCell(sheet, value=value)
                if is_heat and not missing:
                    colour = heat_colour(value)
                    cell.fill = fills.get(colour) or fills.setdefault(colour, PatternFill("solid", fgColor=colour))
                    cell.number_format = "0%"
                if is_wrap:
                    cell.alignment = wrapped
                values.append(cell)
            sheet.append(values)
    with atomic_path(path) as tmp:
        book.save(tmp)


# Excel's limit on the characters of one cell; a longer text is cut, with a mark, rather than refused on opening.
MAX_CELL_CHARACTERS = 32_767


def _plain(value: object) -> object:
    """A value openpyxl writes without complaint and Excel opens: numpy scalars -> Python ones, text without
    the control characters XML cannot hold, cut to Excel's cell limit."""
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    if hasattr(value, "item") and not isinstance(value, str):
        value = value.item()
    if isinstance(value, str):
        from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

        value = ILLEGAL_CHARACTERS_RE.sub(" ", value)
        if len(value) > MAX_CELL_CHARACTERS:
            value = value[: MAX_CELL_CHARACTERS - 1] + "…"
    return value
