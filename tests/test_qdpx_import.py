"""Importing a reviewed REFI-QDA project: each tool's way of writing it back, mapped to turns.

Every fixture starts as the workflow's own export of the tiny study (tests/outputs_data.py)
and is then edited as a tool writes a project it has opened and saved: only coded
selections kept, one Coding per selection, the tool's own User, new GUIDs (QualCoder,
ATLAS.ti), renamed sources, CRLF line endings and a byte-order mark (NVivo, MAXQDA on
Windows), codings added, removed and moved, a new code, a `reviewed` Set.
"""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
import zipfile
from pathlib import Path

import pandas as pd
import pytest
import yaml
from lxml import etree
from outputs_data import CODEBOOK, coded_frame, tiny_codebook, turns_frame

from pipeline.errors import RefiError
from pipeline.refi.common import PROJECT_NS, code_guid, schema_problems, stable_guid
from pipeline.refi.importer import (
    REVIEW_MARKER,
    WORKFLOW_USER,
    align,
    import_project,
    import_qdpx,
    map_range,
    read_path,
    read_qdpx,
    turns_covered,
)
from pipeline.refi.project import build_project, source_text

Q = f"{{{PROJECT_NS}}}"
AMIRA = "6a0e7d7e-54f2-4f0e-9d36-3c1f7e1a0b01"  # fictional analysts
JONAS = "0b9d3f1c-2a47-4c55-8e0f-5d2c9a7b4e02"


@pytest.fixture(scope="module")
def project_xsd(repo_root):
    """The REFI-QDA project schema ($QUALFLOW_REFI_SCHEMAS, else ../shared/refi-qda/); None skips validation."""
    folder = Path(os.environ.get("QUALFLOW_REFI_SCHEMAS") or repo_root.parent / "shared" / "refi-qda")
    path = folder / "Project-mrt2019.xsd"
    return path if path.exists() else None


class ToolProject:
    """The workflow's export of the tiny study, to be edited as a QDA tool would save it."""

    def __init__(self) -> None:
        document, texts = build_project(turns_frame(), coded_frame(), tiny_codebook(), created="2026-03-10T00:00:00Z")
        self.root = document.getroot()
        self.texts = dict(texts)  # zip member -> text
        self.encoding: dict[str, tuple[bool, str, bool]] = {}  # member -> (bom, newline, offsets count CR)
        users = self.root.find(Q + "Users")
        for guid, name in [(AMIRA, "Amira Osei"), (JONAS, "Jonas Brandt")]:
            etree.SubElement(users, Q + "User", guid=guid, name=name)

    # -- finding things
    def source(self, transcript_id: str) -> etree._Element:
        return self.root.find(f".//{Q}TextSource[@guid='{stable_guid('source', transcript_id)}']")

    def text(self, transcript_id: str) -> str:
        return self.texts[f"{stable_guid('source', transcript_id)}.txt"]

    def turn_range(self, transcript_id: str, turn: int) -> tuple[int, int]:
        rows = turns_frame()
        _, spans = source_text(rows.loc[rows["transcript_id"] == transcript_id])
        span = next(s for s in spans if s.turn == turn)
        return span.start, span.end

    def code(self, code_id_path: list[str]) -> str:
        return code_guid(code_id_path)

    # -- edits an analyst makes
    def add_coding(self, transcript_id: str, start: int, end: int, code: str, user: str) -> None:
        selection = etree.SubElement(self.source(transcript_id), Q + "PlainTextSelection",
                                     guid=str(uuid.uuid4()), startPosition=str(start), endPosition=str(end),
                                     creatingUser=user)  # fmt: skip
        coding = etree.SubElement(selection, Q + "Coding", guid=str(uuid.uuid4()), creatingUser=user)
        etree.SubElement(coding, Q + "CodeRef", targetGUID=code)
        self._selections_before_variables(self.source(transcript_id))

    def remove_coding(self, transcript_id: str, turn: int, code: str) -> None:
        guid = stable_guid("coding", transcript_id, str(turn), code)
        coding = self.root.find(f".//{Q}Coding[@guid='{guid}']")
        coding.getparent().remove(coding)

    def move_coding(self, transcript_id: str, turn: int, code: str, to_turn: int, user: str) -> None:
        """As tools do it: the old coding goes, the analyst's new one is theirs."""
        path = ["housing", code] if code == "housing-damp" else [code]
        self.remove_coding(transcript_id, turn, code)
        self.add_coding(transcript_id, *self.turn_range(transcript_id, to_turn), code_guid(path), user)

    def new_code(self, name: str, parent: str | None, description: str | None = None) -> str:
        guid = str(uuid.uuid4())
        holder = self.root.find(f".//{Q}Code[@guid='{parent}']") if parent else self.root.find(f".//{Q}Codes")
        element = etree.SubElement(holder, Q + "Code", guid=guid, name=name, isCodable="true")
        if description:
            etree.SubElement(element, Q + "Description").text = description
        return guid

    def reviewed_set(self, *transcript_ids: str) -> None:
        sets = etree.Element(Q + "Sets")
        self.root.find(Q + "Sources").addnext(sets)
        member = etree.SubElement(sets, Q + "Set", guid=str(uuid.uuid4()), name="Reviewed")
        for transcript_id in transcript_ids:
            etree.SubElement(member, Q + "MemberSource", targetGUID=stable_guid("source", transcript_id))

    # -- how a tool saves it
    def save_as_tool(self, *, drop_uncoded: bool = True, regenerate_guids: bool = False,
                     rename: dict[str, str] | None = None, windows: str | None = None) -> None:
        """windows: None (LF), 'stored' (CRLF + BOM, offsets count CR) or 'lines' (CRLF + BOM, a line break is one)."""
        for source in self.root.iter(Q + "TextSource"):
            if drop_uncoded:
                for selection in source.findall(Q + "PlainTextSelection"):
                    if selection.find(Q + "Coding") is None:
                        source.remove(selection)
            if rename and source.get("name") in rename:
                source.set("name", rename[source.get("name")])
            if windows:
                member = source.get("plainTextPath").removeprefix("internal://")
                text = self.texts[member]
                self.encoding[member] = (True, "\r\n", windows == "stored")
                if windows == "stored":
                    for selection in source.findall(Q + "PlainTextSelection"):
                        for attribute in ("startPosition", "endPosition"):
                            position = int(selection.get(attribute))
                            selection.set(attribute, str(position + text[:position].count("\n")))
        self.root.find(f"{Q}Cases").getparent().remove(self.root.find(f"{Q}Cases"))  # tools rebuild cases
        if regenerate_guids:
            fresh: dict[str, str] = {}
            for element in self.root.iter():
                for attribute in ("guid", "targetGUID", "creatingUser", "creatingUserGUID"):
                    old = element.get(attribute)
                    if old and old not in (AMIRA, JONAS):
                        element.set(attribute, "{" + fresh.setdefault(old, str(uuid.uuid4())).upper() + "}")
            for source in self.root.iter(Q + "TextSource"):
                old = source.get("plainTextPath").removeprefix("internal://")
                new = source.get("guid").strip("{}") + ".txt"
                source.set("plainTextPath", f"internal://{new}")
                self.texts[new] = self.texts.pop(old)
                if old in self.encoding:
                    self.encoding[new] = self.encoding.pop(old)

    def _selections_before_variables(self, source: etree._Element) -> None:
        for value in source.findall(Q + "VariableValue"):
            source.remove(value)
            source.append(value)

    def write(self, path: Path, xsd: Path | None) -> Path:
        document = etree.ElementTree(self.root)
        if xsd is not None:
            assert schema_problems(document, xsd) == []
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("project.qde", etree.tostring(document, xml_declaration=True, encoding="UTF-8"))
            for member, text in self.texts.items():
                bom, newline, _ = self.encoding.get(member, (False, "\n", False))
                data = ("\ufeff" if bom else "") + text.replace("\n", newline)
                archive.writestr(f"Sources/{member}", data.encode("utf-8"))
        return path


def run(project: ToolProject, tmp_path: Path, xsd: Path | None, *, turns: pd.DataFrame | None = None,
        codebook=True, coded: pd.DataFrame | None = None):
    read = read_qdpx(project.write(tmp_path / "reviewed.qdpx", xsd))
    assert read.schema_problems == []
    return import_project(read, turns if turns is not None else turns_frame(),
                          codebook=tiny_codebook() if codebook else None, workflow_coding=coded)


def rows(result, transcript_id: str | None = None) -> set[tuple]:
    table = result.coding
    if transcript_id is not None:
        table = table.loc[table["transcript_id"] == transcript_id]
    return set(table[["transcript_id", "turn", "code", "coder"]].itertuples(index=False, name=None))


ASHBY, KINGS = "ashby-community-1", "kingsmere-providers-1"
WORKFLOW_ASHBY = {(ASHBY, 1, "housing-damp"), (ASHBY, 2, "housing-damp"), (ASHBY, 2, "housing"), (ASHBY, 3, "trust"),
                  (ASHBY, 4, "language"), (ASHBY, 4, "trust"), (ASHBY, 5, "language")}  # fmt: skip


# ---------------------------------------------------------------- by tool


def test_qualcoder_new_guids_added_removed_moved_and_a_new_code(tmp_path, project_xsd):
    """QualCoder: its own GUIDs for everything, one user; rule (c) reads only the source the analyst changed."""
    p = ToolProject()
    p.remove_coding(ASHBY, 4, "trust")  # the interpreter reports distrust: the analyst disagrees
    p.move_coding(ASHBY, 1, "housing-damp", 2, AMIRA)  # the facilitator's question is not damp
    start, end = p.turn_range(ASHBY, 6)
    p.add_coding(ASHBY, start, end, code_guid(["housing"]), AMIRA)  # a negated mention the analyst still codes
    eviction = p.new_code("Fear of eviction", parent=code_guid(["housing"]), description="Worry about losing a home.")
    text = p.text(ASHBY)
    quote = text.index("The landlord never answers")
    p.add_coding(ASHBY, quote, quote + len("The landlord never answers our calls."), eviction, AMIRA)
    p.save_as_tool(regenerate_guids=True)
    result = run(p, tmp_path, project_xsd)

    assert result.rule == "changed-sources"
    assert set(result.read["transcript_id"]) == {ASHBY}
    assert sorted(result.read["turn"]) == [1, 2, 3, 4, 5, 6]
    kept = WORKFLOW_ASHBY - {(ASHBY, 4, "trust"), (ASHBY, 1, "housing-damp")}
    assert rows(result) == {(*r, "qualflow") for r in kept} | {
        (ASHBY, 2, "housing-damp", "Amira Osei"), (ASHBY, 6, "housing", "Amira Osei"),
        (ASHBY, 2, "fear-of-eviction", "Amira Osei")}  # fmt: skip
    assert result.stubs == [{"id": "fear-of-eviction", "label": "Fear of eviction",
                             "definition": "Worry about losing a home.",
                             "examples": ["The landlord never answers our calls."], "parent": "housing"}]  # fmt: skip


def test_nvivo_crlf_bom_renamed_sources_offsets_counting_cr(tmp_path, project_xsd):
    """NVivo on Windows: CRLF and a BOM in the text, offsets counting each CR, sources renamed."""
    p = ToolProject()
    p.add_coding(KINGS, *p.turn_range(KINGS, 3), code_guid(["trust"]), AMIRA)
    p.save_as_tool(rename={ASHBY: "Ashby focus group", KINGS: "Kingsmere providers"}, windows="stored")
    result = run(p, tmp_path, project_xsd)
    kings = rows(result, KINGS)
    assert (KINGS, 3, "trust", "Amira Osei") in kings
    assert (KINGS, 2, "housing-damp", "qualflow") in kings and (KINGS, 5, "trust", "qualflow") in kings
    assert rows(result, ASHBY) == set()  # unread: the workflow's own codings are not the analyst's


def test_maxqda_crlf_bom_offsets_counting_line_breaks_once(tmp_path, project_xsd):
    p = ToolProject()
    p.add_coding(KINGS, *p.turn_range(KINGS, 3), code_guid(["trust"]), AMIRA)
    p.save_as_tool(windows="lines", regenerate_guids=True, rename={KINGS: "Kingsmere (providers)"})
    result = run(p, tmp_path, project_xsd)
    assert rows(result, KINGS) == {(KINGS, 2, "housing-damp", "qualflow"), (KINGS, 3, "language", "qualflow"),
                                   (KINGS, 3, "trust", "Amira Osei"), (KINGS, 4, "trust", "qualflow"),
                                   (KINGS, 5, "trust", "qualflow")}  # fmt: skip


def test_atlasti_two_coders_and_a_selection_spanning_two_turns(tmp_path, project_xsd):
    """ATLAS.ti: quotations of any length; two users; the turn holding most of a quotation is always coded."""
    p = ToolProject()
    four, five = p.turn_range(KINGS, 4), p.turn_range(KINGS, 5)
    p.add_coding(KINGS, four[0], five[1], code_guid(["language"]), JONAS)  # the whole of both turns
    tail = four[1] - (four[1] - four[0]) // 4
    p.add_coding(KINGS, tail, five[1], code_guid(["housing"]), AMIRA)  # a quarter of turn 4 and all of turn 5
    p.save_as_tool(regenerate_guids=True)
    result = run(p, tmp_path, project_xsd)
    kings = rows(result, KINGS)
    assert {(KINGS, 4, "language", "Jonas Brandt"), (KINGS, 5, "language", "Jonas Brandt")} <= kings
    assert (KINGS, 5, "housing", "Amira Osei") in kings and (KINGS, 4, "housing", "Amira Osei") not in kings
    assert set(result.coding["coder"]) == {"qualflow", "Amira Osei", "Jonas Brandt"}


def test_a_reviewed_set_decides_which_sources_were_read(tmp_path, project_xsd):
    """Rule (b): a Set named 'reviewed' (any case): its sources were read, even with no change made."""
    p = ToolProject()
    p.add_coding(ASHBY, *p.turn_range(ASHBY, 6), code_guid(["housing"]), AMIRA)
    p.reviewed_set(KINGS)
    p.save_as_tool()
    result = run(p, tmp_path, project_xsd)
    assert result.rule == "reviewed-set"
    assert set(result.read["transcript_id"]) == {KINGS} and set(result.read["rule"]) == {"reviewed-set"}
    assert (KINGS, 4, "trust", "qualflow") in rows(result)
    # A coding outside the set is still the analyst's: it is kept, but its source's other turns are not "read".
    assert (ASHBY, 6, "housing", "Amira Osei") in rows(result)
    assert (ASHBY, 3, "trust", "qualflow") not in rows(result)


def test_a_review_project_marks_itself_and_every_turn_in_it_was_read(tmp_path, project_xsd):
    p = ToolProject()
    etree.SubElement(p.root, Q + "Description").text = f"{REVIEW_MARKER}: 11 turns chosen for review."
    p.save_as_tool()
    result = run(p, tmp_path, project_xsd)
    assert result.rule == "review-project"
    assert len(result.read) == len(turns_frame())


def test_only_removals_need_the_workflows_coding_to_be_seen(tmp_path, project_xsd):
    p = ToolProject()
    p.remove_coding(KINGS, 3, "language")
    p.save_as_tool()
    assert run(p, tmp_path, project_xsd).read.empty
    counted = coded_frame().loc[coded_frame()["counted"]]
    result = run(p, tmp_path, project_xsd, coded=counted[["transcript_id", "turn", "code"]])
    assert set(result.read["transcript_id"]) == {KINGS}
    assert (KINGS, 3, "language", "qualflow") not in rows(result)


# ---------------------------------------------------------------- changed text


def test_text_re_anonymised_since_the_export_is_realigned(tmp_path, project_xsd):
    p = ToolProject()
    p.add_coding(ASHBY, *p.turn_range(ASHBY, 5), code_guid(["trust"]), AMIRA)
    unanswered = p.new_code("Unanswered calls", parent=None)
    quote = p.text(ASHBY).index("landlord never")
    p.add_coding(ASHBY, quote, quote + len("landlord never answers our calls."), unanswered, AMIRA)
    p.save_as_tool(regenerate_guids=True, rename={ASHBY: "Ashby"})
    turns = turns_frame()
    # A pseudonym changed in turn 2 and a longer text in turn 3: every later offset moves.
    turns.loc[1, "text"] = turns.loc[1, "text"].replace("The landlord", "Mr Person-B, the landlord,")
    turns.loc[2, "text"] += " Not once in two years."
    result = run(p, tmp_path, project_xsd, turns=turns)
    assert (ASHBY, 5, "trust", "Amira Osei") in rows(result)
    assert (ASHBY, 4, "language", "qualflow") in rows(result)
    assert any("realigned" in note for note in result.notes)
    # The quote comes from the text as anonymised now.
    assert result.stubs[0]["examples"] == ["landlord, never answers our calls."]
    assert (ASHBY, 2, "unanswered-calls", "Amira Osei") in rows(result)


def test_a_source_whose_text_changed_beyond_recognition_is_refused_by_name(tmp_path, project_xsd):
    p = ToolProject()
    p.add_coding(ASHBY, *p.turn_range(ASHBY, 5), code_guid(["trust"]), AMIRA)
    p.save_as_tool(rename={ASHBY: "Ashby"})
    turns = turns_frame()
    ashby = turns["transcript_id"] == ASHBY
    turns.loc[ashby, "text"] = "Completely different words were said here today."
    with pytest.raises(RefiError, match="source 'Ashby' no longer matches transcript 'ashby-community-1'"):
        run(p, tmp_path, project_xsd, turns=turns)


def test_align_and_turn_rule():
    old, new = "ab\ncd\nef\n", "ab\ncXd\nef\n"
    blocks = align(old, new)
    assert map_range(blocks, 6, 8) == [(7, 9)]  # "ef" after the changed line
    spans = source_text(turns_frame().iloc[:3])[1]
    a, b = spans[1], spans[2]
    assert turns_covered([(a.start + 2, a.start + 5)], spans, 0.5) == [2]  # part of one turn codes it
    assert turns_covered([(a.end - 3, b.end)], spans, 0.5) == [3]
    assert turns_covered([(a.start, b.end)], spans, 0.5) == [2, 3]


# ---------------------------------------------------------------- files and command


def test_import_writes_coding_read_turns_and_valid_stubs(tmp_path, project_xsd):
    from pipeline.codebook import codebook_schema
    from pipeline.io import write_table
    import jsonschema

    p = ToolProject()
    new = p.new_code("Overcrowding", parent=None)
    p.add_coding(ASHBY, *p.turn_range(ASHBY, 2), new, AMIRA)
    p.new_code("Never coded", parent=new)
    p.save_as_tool()
    qdpx = p.write(tmp_path / "reviewed.qdpx", project_xsd)
    turns = tmp_path / "turns.parquet"
    write_table(turns_frame(), turns)
    output, stubs = tmp_path / "out" / "coding.csv", tmp_path / "out" / "new-codes.yaml"
    import_qdpx(qdpx, output, turn_paths=[turns], codebook_path=CODEBOOK, codebook_out=stubs)
    coding = pd.read_csv(output)
    assert list(coding.columns) == ["transcript_id", "turn", "code", "coder"]
    assert ("ashby-community-1", 2, "overcrowding", "Amira Osei") in set(coding.itertuples(index=False, name=None))
    read = pd.read_csv(read_path(output))
    assert list(read.columns) == ["transcript_id", "turn", "rule"] and len(read) == 6
    book = yaml.safe_load(stubs.read_text(encoding="utf-8"))
    jsonschema.validate(book, codebook_schema())
    (overcrowding,) = book["themes"]
    assert overcrowding["examples"][0].startswith("The mould comes back")
    assert overcrowding["codes"] == [{"id": "never-coded", "label": "Never coded", "definition": "Never coded",
                                      "terms": ["never coded"]}]  # fmt: skip


def test_the_workflow_user_is_recognised_by_guid(tmp_path, project_xsd):
    assert WORKFLOW_USER == stable_guid("user", "qualflow")


def test_command_line_error_names_the_file_without_traceback(tmp_path):
    bad = tmp_path / "broken.qdpx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    result = subprocess.run([sys.executable, "-m", "pipeline", "import-qdpx", str(bad), "--turns", str(tmp_path),
                             "-o", str(tmp_path / "c.csv")], capture_output=True, text=True)  # fmt: skip
    assert result.returncode == 1
    assert "broken.qdpx" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "c.csv").exists()


@pytest.mark.parametrize("windows", ["stored", "lines"])
def test_crlf_offsets_either_way_give_the_exact_quote(tmp_path, project_xsd, windows):
    """Tools differ on whether a CRLF is one character or two; the reading that puts selections on turn
    boundaries wins, so the quote of a new code comes out exact either way."""
    p = ToolProject()
    text = p.text(KINGS)
    phrase = "people tell us that every week"
    start = text.index(phrase)
    weekly = p.new_code("Weekly complaints", parent=None)
    p.add_coding(KINGS, start, start + len(phrase), weekly, AMIRA)
    p.add_coding(KINGS, *p.turn_range(KINGS, 3), code_guid(["trust"]), AMIRA)
    p.save_as_tool(windows=windows)
    result = run(p, tmp_path, project_xsd)
    assert result.stubs[0]["examples"] == [phrase]
    assert (KINGS, 5, "weekly-complaints", "Amira Osei") in rows(result)


def test_command_imports_and_refuses_to_write_under_results(tmp_path, project_xsd, monkeypatch):
    from pipeline.io import write_table

    p = ToolProject()
    p.add_coding(KINGS, *p.turn_range(KINGS, 3), code_guid(["trust"]), JONAS)
    p.new_code("Waiting lists", parent=code_guid(["housing"]))
    p.save_as_tool(regenerate_guids=True)
    qdpx = p.write(tmp_path / "reviewed.qdpx", project_xsd)
    monkeypatch.chdir(tmp_path)
    write_table(turns_frame(), tmp_path / "results" / "anonymised" / "all.parquet")  # the default --turns
    args = [sys.executable, "-m", "pipeline", "--log", "import.log", "import-qdpx", str(qdpx),
            "--codebook", str(CODEBOOK), "--codebook-out", "reviewed/new.yaml", "-o", "reviewed/coding.csv"]  # fmt: skip
    done = subprocess.run(args, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "rule (c) every source with at least one coding change: 5" in done.stdout
    assert "1 new code(s) written to reviewed/new.yaml" in done.stdout
    assert "turns read by rule (c)" in (tmp_path / "import.log").read_text()  # the log says which rule applied
    assert len(pd.read_csv(tmp_path / "reviewed" / "coding.read.csv")) == 5
    refused = subprocess.run(args[:-1] + ["results/coding.csv"], capture_output=True, text=True)
    assert refused.returncode == 1 and "results/coding.csv" in refused.stderr and "leak" in refused.stderr
    assert not (tmp_path / "results" / "coding.csv").exists()


def test_a_tool_that_drops_users_keeps_the_workflows_codings_by_their_guids(tmp_path, project_xsd):
    p = ToolProject()
    p.add_coding(KINGS, *p.turn_range(KINGS, 3), code_guid(["trust"]), AMIRA)
    for element in p.root.iter(Q + "Coding", Q + "PlainTextSelection"):
        element.attrib.pop("creatingUser", None)
    p.save_as_tool()
    result = run(p, tmp_path, project_xsd)
    assert set(result.read["transcript_id"]) == {KINGS}
    assert (KINGS, 3, "trust", "unknown") in rows(result) and (KINGS, 4, "trust", "qualflow") in rows(result)


def test_a_turn_split_since_the_export_moves_codings_to_the_new_turn_numbers(tmp_path, project_xsd):
    """Re-parsed since the export: turn 2 of ashby is now two turns, so every later turn is one higher."""
    p = ToolProject()
    p.add_coding(ASHBY, *p.turn_range(ASHBY, 5), code_guid(["trust"]), AMIRA)
    p.save_as_tool(windows="stored")
    turns = turns_frame()
    ashby = turns.loc[turns["transcript_id"] == ASHBY].copy()
    first, second = ashby.loc[1, "text"].split(". ", 1)
    ashby.loc[ashby["turn"] > 2, "turn"] += 1
    ashby.loc[1, "text"] = first + "."
    extra = ashby.loc[[1]].assign(turn=3, text=second)
    turns = pd.concat([turns.loc[turns["transcript_id"] != ASHBY], ashby, extra], ignore_index=True)
    result = run(p, tmp_path, project_xsd, turns=turns)
    assert (ASHBY, 6, "trust", "Amira Osei") in rows(result)
    assert (ASHBY, 5, "language", "qualflow") in rows(result) and (ASHBY, 4, "trust", "qualflow") in rows(result)
    assert sorted(result.read["turn"]) == [1, 2, 3, 4, 5, 6, 7]


def test_every_coding_removed_in_a_reviewed_source_means_no_code_applies(tmp_path, project_xsd):
    p = ToolProject()
    for coding in list(p.source(KINGS).iter(Q + "Coding")):
        coding.getparent().remove(coding)
    p.reviewed_set(KINGS)
    p.save_as_tool()
    result = run(p, tmp_path, project_xsd, codebook=False)
    assert result.coding.empty and list(result.coding.columns) == ["transcript_id", "turn", "code", "coder"]
    assert sorted(result.read["turn"]) == [1, 2, 3, 4, 5] and result.rule == "reviewed-set"


def test_the_exports_own_file_reads_back_as_the_workflows_coding(tmp_path):
    """Round trip: the .qdpx exactly as export-qdpx writes it; with every source reviewed and nothing changed,
    the import is the workflow's counted coding."""
    from pipeline.refi.project import write_qdpx

    document, texts = build_project(turns_frame(), coded_frame(), tiny_codebook(), created="2026-03-10T00:00:00Z")
    write_qdpx(document, texts, tmp_path / "untouched.qdpx")
    untouched = import_project(read_qdpx(tmp_path / "untouched.qdpx"), turns_frame(), codebook=tiny_codebook())
    assert untouched.rule == "changed-sources" and untouched.read.empty and untouched.coding.empty
    etree.SubElement(document.getroot(), Q + "Description").text = REVIEW_MARKER
    write_qdpx(document, texts, tmp_path / "all-read.qdpx")
    result = import_project(read_qdpx(tmp_path / "all-read.qdpx"), turns_frame(), codebook=tiny_codebook())
    counted = coded_frame().loc[coded_frame()["counted"]]
    assert rows(result) == {(t, n, c, "qualflow") for t, n, c in zip(counted["transcript_id"], counted["turn"],
                                                                     counted["code"])}  # fmt: skip


def test_a_turn_with_line_breaks_of_its_own_maps_to_itself(tmp_path, project_xsd):
    """A turn whose text holds CRLF (pasted from Word): the export writes it as is; a tool may save it as LF."""
    turns = turns_frame()
    turns.loc[7, "text"] = "Families say the damp makes the children ill.\r\nWe refer them to environmental health."
    from pipeline.refi.project import write_qdpx

    document, texts = build_project(turns, coded_frame(), tiny_codebook(), created="2026-03-10T00:00:00Z")
    etree.SubElement(document.getroot(), Q + "Description").text = REVIEW_MARKER
    found = []
    for name, saved in [("as-exported", texts), ("lf", {m: t.replace("\r\n", "\n") for m, t in texts.items()})]:
        write_qdpx(document, saved, tmp_path / f"{name}.qdpx")
        result = import_project(read_qdpx(tmp_path / f"{name}.qdpx"), turns, codebook=tiny_codebook())
        assert result.notes == []  # the same text: nothing to realign
        found.append(rows(result))
    assert found[0] == found[1]
    assert {(KINGS, 2, "housing-damp", "qualflow"), (KINGS, 3, "language", "qualflow")} <= found[0]
