"""Find missing values written out as text ("nan", "None", "NaT", "<NA>") in the files under results/.

A missing value must read as an empty cell (CSV, XLSX, Parquet) or as words a
researcher understands ("not recorded") in the report and the readable
tables; pandas' own spellings of "missing" must never reach a user. Each file
type is read as what it is (cells, text nodes, XML values), so the word
"none" in ordinary prose is not a finding, while a cell "Norvania; nan" is.
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
import zipfile
from collections.abc import Iterable, Iterator
from html.parser import HTMLParser
from pathlib import Path

NULL_TOKENS = frozenset({"nan", "NaN", "None", "NaT", "<NA>", "null"})
# Inside a longer value: pieces of a list ("a; nan"), a label ("P03: None") or a number column ("nan%").
_PIECES = re.compile(r"\s*(?:[;|\n\u2022,]|: |\s/\s)\s*")
# Spellings no prose uses, found anywhere as whole words.
_ANYWHERE = re.compile(r"(?<![\w.-])(?:nan|NaN|NaT|<NA>)(?![\w-])")


def null_text(value: object) -> bool:
    """Whether a cell's text is, or holds as one of its pieces, a missing value spelled out."""
    if isinstance(value, float) and math.isnan(value):
        return True
    if not isinstance(value, str):
        return False
    text = value.strip()
    if text in NULL_TOKENS or _ANYWHERE.search(text):
        return True
    return any(piece.strip(" .*“”()[]") in NULL_TOKENS for piece in _PIECES.split(text))


def findings(results: Path) -> list[str]:
    """'file: value' for every missing value spelled out as text under `results` (logs are not outputs)."""
    found = []
    for path in sorted(results.rglob("*")):
        if not path.is_file() or "logs" in path.relative_to(results).parts:
            continue
        for value in _values(path):
            if null_text(value):
                found.append(f"{path.relative_to(results)}: {str(value)[:120]!r}")
    return found


def _values(path: Path) -> Iterator[object]:
    suffix = path.suffix.lower()
    if suffix == ".csv":
        yield from (cell for row in csv.reader(io.StringIO(path.read_text(encoding="utf-8"))) for cell in row)
    elif suffix == ".parquet":
        import pandas as pd

        table = pd.read_parquet(path)
        for column in table.columns:
            if not _numeric(table[column]):
                # A Parquet null is a null, not text: only strings can spell one out.
                yield from (v for v in table[column].tolist() if isinstance(v, str))
    elif suffix == ".xlsx":
        from openpyxl import load_workbook

        book = load_workbook(path, read_only=True)
        for sheet in book.worksheets:
            yield from (v for row in sheet.iter_rows(values_only=True) for v in row if v is not None)
    elif suffix in {".html", ".htm"}:
        yield from _html_texts(path.read_text(encoding="utf-8"))
    elif suffix == ".md":
        yield from _markdown_cells(path.read_text(encoding="utf-8"))
    elif suffix in {".yaml", ".yml"}:
        import yaml

        yield from _leaves(yaml.safe_load(path.read_text(encoding="utf-8")))
    elif suffix == ".json":
        yield from _leaves(json.loads(path.read_text(encoding="utf-8")))
    elif suffix in {".qdpx", ".qdc"}:
        yield from _qda_values(path)
    elif suffix == ".txt":
        # Readable transcripts: "[00:01:02] P03: text" lines; a missing text or speaker shows as a piece.
        yield from path.read_text(encoding="utf-8").splitlines()


def _numeric(series) -> bool:
    import pandas as pd

    return pd.api.types.is_numeric_dtype(series) or pd.api.types.is_bool_dtype(series)


def _leaves(value: object) -> Iterator[object]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield str(key)
            yield from _leaves(item)
    elif isinstance(value, list):
        for item in value:
            yield from _leaves(item)
    elif isinstance(value, (str, float)):
        yield value


def _markdown_cells(text: str) -> Iterator[str]:
    for line in text.splitlines():
        if line.startswith("|"):
            yield from (cell.strip() for cell in re.split(r"(?<!\\)\|", line.strip("|")))
        else:
            yield line


class _TextNodes(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.texts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in {"script", "style"}:
            self.skip += 1

    def handle_endtag(self, tag):
        if tag in {"script", "style"} and self.skip:
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip and data.strip():
            self.texts.append(data)


def _html_texts(html: str) -> list[str]:
    parser = _TextNodes()
    parser.feed(html)
    return parser.texts


def _qda_values(path: Path) -> Iterator[str]:
    from lxml import etree

    def from_xml(data: bytes) -> Iterable[str]:
        root = etree.fromstring(data)
        for element in root.iter():
            if isinstance(element.tag, str):
                yield from element.attrib.values()
                if element.text and element.text.strip():
                    yield element.text

    if path.suffix.lower() == ".qdc":
        yield from from_xml(path.read_bytes())
        return
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            data = archive.read(name)
            if name.endswith(".qde"):
                yield from from_xml(data)
            else:
                yield from data.decode("utf-8").splitlines()
