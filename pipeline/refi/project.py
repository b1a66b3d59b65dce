"""Export a run as a REFI-QDA project (.qdpx) for review in QualCoder, NVivo, ATLAS.ti or MAXQDA.

The .qdpx is a zip of `project.qde` (QDA-XML) and one plain-text file per
anonymised transcript under `Sources/`. Each turn is a PlainTextSelection
(character positions into that text, end exclusive) carrying the codings of
its counted coded rows; each speaker is a Case pointing at their turns, with
role and speaker attributes as Variables; site, group type and date are
Variables of the source. GUIDs are stable across exports, so a re-export
lines up with a reviewer's earlier project.
"""

from __future__ import annotations

import io
import logging
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
from lxml import etree

from pipeline.refi.common import (
    PROJECT_NS,
    RefiError,
    code_guid,
    find_schema,
    normalise_colour,
    schema_problems,
    stable_guid,
)
from pipeline.io import NOT_RECORDED, text_of
from pipeline.turns import ANONYMISED_COLUMNS, CODED_COLUMNS

log = logging.getLogger(__name__)

SOURCE_VARIABLES = ["site", "group_type", "date"]
# A fixed time inside the zip, so two exports of the same run are byte-identical.
ZIP_TIME = (2000, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class TurnSpan:
    turn: int
    speaker: str
    start: int  # character position of the turn's text in the source, inclusive
    end: int  # exclusive


def clock(seconds: Any) -> str:
    if seconds is None or pd.isna(seconds):
        return ""
    total = int(float(seconds))
    return f"[{total // 3600:02d}:{total % 3600 // 60:02d}:{total % 60:02d}] "


def source_text(turns: pd.DataFrame) -> tuple[str, list[TurnSpan]]:
    """A transcript as `[hh:mm:ss] Speaker: text` lines, and where each turn's text sits in it."""
    parts: list[str] = []
    spans: list[TurnSpan] = []
    position = 0
    for row in turns.sort_values("turn").itertuples(index=False):
        prefix = f"{clock(row.start)}{text_of(row.speaker, NOT_RECORDED)}: "
        text = text_of(row.text)
        start = position + len(prefix)
        spans.append(TurnSpan(int(row.turn), text_of(row.speaker, NOT_RECORDED), start, start + len(text)))
        line = prefix + text + "\n"
        parts.append(line)
        position += len(line)
    return "".join(parts), spans


def build_project(
    turns: pd.DataFrame, coded: pd.DataFrame, codebook: Any, created: str | None = None
) -> tuple[etree._ElementTree, dict[str, str]]:
    """The project document and the source texts it points at ({zip member name: text})."""
    ns = f"{{{PROJECT_NS}}}"

    def el(parent: etree._Element, tag: str, **attributes: str | None) -> etree._Element:
        return etree.SubElement(parent, ns + tag, {k: xml_safe(v) for k, v in attributes.items() if v is not None})

    user = stable_guid("user", "qualflow")
    root = etree.Element(ns + "Project", nsmap={None: PROJECT_NS})
    root.set("name", f"{codebook.name} (qualflow export)")
    root.set("origin", "qualflow")
    root.set("creatingUserGUID", user)
    if created:
        root.set("creationDateTime", created)
    el(el(root, "Users"), "User", guid=user, name="qualflow")

    code_guids = _codebook_element(el(root, "CodeBook"), codebook, el)
    attributes = [c for c in turns.columns if c not in ANONYMISED_COLUMNS and c != "person_id"]
    case_variables = ["role", *attributes]
    variables = el(root, "Variables")
    for name in case_variables + SOURCE_VARIABLES:
        el(variables, "Variable", guid=stable_guid("variable", name), name=name, typeOfVariable="Text")

    counted = coded.loc[coded["counted"].astype(bool)]
    unknown = sorted(set(counted["code"]) - set(code_guids))
    if unknown:
        log.warning("codings of %d unknown code(s) left out of the export: %s", len(unknown), ", ".join(unknown[:10]))
    codes_by_turn = {
        key: [c for c in group["code"] if c in code_guids]
        for key, group in counted.groupby(["transcript_id", "turn"], sort=False)
    }

    texts: dict[str, str] = {}
    selections_of: dict[str, list[str]] = {}
    source_elements = []
    for transcript_id, rows in turns.groupby("transcript_id", sort=True):
        guid = stable_guid("source", str(transcript_id))
        text, spans = source_text(rows)
        member = f"{guid}.txt"
        texts[member] = text
        source = etree.Element(ns + "TextSource", guid=guid, name=str(transcript_id),
                               plainTextPath=f"internal://{member}", creatingUser=user)  # fmt: skip
        for span in spans:
            selection_guid = stable_guid("selection", str(transcript_id), str(span.turn))
            selection = el(source, "PlainTextSelection", guid=selection_guid,
                           name=f"{span.speaker}, turn {span.turn}",
                           startPosition=str(span.start), endPosition=str(span.end), creatingUser=user)  # fmt: skip
            for code in dict.fromkeys(codes_by_turn.get((transcript_id, span.turn), [])):
                coding = el(selection, "Coding", guid=stable_guid("coding", str(transcript_id), str(span.turn), code),
                            creatingUser=user)  # fmt: skip
                el(coding, "CodeRef", targetGUID=code_guids[code])
            selections_of.setdefault(span.speaker, []).append(selection_guid)
        first = rows.iloc[0]
        for name in SOURCE_VARIABLES:
            _variable_value(source, ns, name, first.get(name))
        source_elements.append(source)

    cases = el(root, "Cases")
    people = turns.sort_values(["transcript_id", "turn"]).groupby("speaker", sort=True)
    for speaker, rows in people:
        case = el(cases, "Case", guid=stable_guid("case", str(speaker)), name=str(speaker))
        for name in case_variables:
            values = rows[name].dropna()
            _variable_value(case, ns, name, values.iloc[0] if len(values) else None)
        for selection_guid in selections_of.get(str(speaker), []):
            el(case, "SelectionRef", targetGUID=selection_guid)
    sources = el(root, "Sources")
    sources.extend(source_elements)
    return etree.ElementTree(root), texts


def _codebook_element(parent: etree._Element, codebook: Any, el) -> dict[str, str]:
    """Nested Code elements, themes at the top, described exactly as in the .qdc export
    (same GUIDs, names and Description text, so `qualflow import-qdc` reads them back); returns {code id: GUID}."""
    from pipeline.codebook import codebook_to_yaml_dict
    from pipeline.refi.qdc import describe, nested_themes

    guids: dict[str, str] = {}
    codes = el(parent, "Codes")

    def add(into: etree._Element, code: dict[str, Any], path: list[str]) -> None:
        path = [*path, str(code["id"])]
        guids[path[-1]] = code_guid(path)
        element = el(into, "Code", guid=guids[path[-1]], name=str(code.get("label") or code["id"]), isCodable="true",
                     color=normalise_colour(code.get("colour")))  # fmt: skip
        description = describe(code)
        if description:
            etree.SubElement(element, etree.QName(PROJECT_NS, "Description")).text = description
        for sub in code.get("codes") or []:
            add(element, sub, path)

    for theme in nested_themes(codebook_to_yaml_dict(codebook).get("themes") or []):
        add(codes, theme, [])
    return guids


def _variable_value(parent: etree._Element, ns: str, name: str, value: Any) -> None:
    """A Variable's value; a missing one is left out (QDA tools show an empty value), never written "nan"."""
    text = text_of(value)
    if text == "":
        return
    holder = etree.SubElement(parent, ns + "VariableValue")
    etree.SubElement(holder, ns + "VariableRef", targetGUID=stable_guid("variable", name))
    etree.SubElement(holder, ns + "TextValue").text = xml_safe(text)


# Characters XML 1.0 cannot hold (C0 controls but tab and line breaks, lone surrogates, U+FFFE/U+FFFF).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    return _NOT_XML.sub(" ", text)


def write_qdpx(document: etree._ElementTree, texts: dict[str, str], path: str | Path) -> None:
    """Zip the project and its sources; checked against the REFI XSD first when it is available."""
    from pipeline.io import atomic_open

    xsd = find_schema("project")
    if xsd is not None:
        problems = schema_problems(document, xsd)
        if problems:
            raise RefiError("the project export breaks the REFI-QDA schema: " + "; ".join(problems[:5]), path=path)
    else:
        log.info("REFI-QDA schema not found; the export was not checked against it")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        xml = etree.tostring(document, xml_declaration=True, encoding="UTF-8", pretty_print=True)
        archive.writestr(zipfile.ZipInfo("project.qde", ZIP_TIME), xml, compress_type=zipfile.ZIP_DEFLATED)
        for member, text in sorted(texts.items()):
            info = zipfile.ZipInfo(f"Sources/{member}", ZIP_TIME)
            archive.writestr(info, text.encode("utf-8"), compress_type=zipfile.ZIP_DEFLATED)
    with atomic_open(path, "wb") as handle:
        handle.write(buffer.getvalue())


def export_project(
    turn_paths: Sequence[str | Path], coded_paths: Sequence[str | Path], codebook_path: str | Path, output: str | Path
) -> None:
    from pipeline.codebook import load_codebook
    from pipeline.matrices import load_frames, run_date

    codebook = load_codebook(codebook_path)
    turns = load_frames(turn_paths, ANONYMISED_COLUMNS, "anonymised turns")
    coded = load_frames(coded_paths, CODED_COLUMNS, "coded")
    document, texts = build_project(turns, coded, codebook, created=run_date().replace("+00:00", "Z"))
    write_qdpx(document, texts, output)
    log.info("Export - %d sources, %d turns, %d codings written to %s", len(texts), len(turns),
             int(coded["counted"].astype(bool).sum()), output)  # fmt: skip
