"""REFI-QDA project export: texts, selections at the right characters, cases, variables, schema."""

from __future__ import annotations

import zipfile

import pytest
from lxml import etree
from outputs_data import CODEBOOK, coded_frame, tiny_codebook, turns_frame

from pipeline.refi.common import PROJECT_NS, code_guid, schema_problems
from pipeline.refi.project import build_project, source_text, write_qdpx

NS = {"q": PROJECT_NS}


@pytest.fixture(scope="module")
def project():
    return build_project(turns_frame(), coded_frame(), tiny_codebook(), created="2026-03-10T00:00:00Z")


@pytest.fixture(scope="module")
def project_xsd(repo_root):
    path = repo_root.parent / "shared" / "refi-qda" / "Project-mrt2019.xsd"
    if not path.exists():
        pytest.skip("REFI-QDA schemas not found at ../shared/refi-qda/")
    return path


def test_source_text_positions_point_at_each_turns_text():
    turns = turns_frame()
    one = turns.loc[turns["transcript_id"] == "kingsmere-providers-1"]
    text, spans = source_text(one)
    assert text.splitlines()[1] == "[00:00:20] Provider 1: Families say the damp makes the children ill. We refer them to environmental health."
    for span, expected in zip(spans, one["text"]):
        assert text[span.start : span.end] == expected
    assert (spans[2].turn, spans[2].speaker) == (3, "Provider 2")


def test_every_selection_holds_its_turns_text_and_codings(project):
    document, texts = project
    sources = document.findall(".//q:TextSource", NS)
    assert [s.get("name") for s in sources] == ["ashby-community-1", "kingsmere-providers-1"]
    ashby = sources[0]
    text = texts[ashby.get("plainTextPath").removeprefix("internal://")]
    selections = ashby.findall("q:PlainTextSelection", NS)
    assert len(selections) == 6  # one per turn, facilitator included
    second = selections[1]
    assert second.get("name") == "P01, turn 2"
    start, end = int(second.get("startPosition")), int(second.get("endPosition"))
    assert text[start:end] == turns_frame().loc[1, "text"]
    coded = [c.find("q:CodeRef", NS).get("targetGUID") for c in second.findall("q:Coding", NS)]
    assert coded == [code_guid(["housing", "housing-damp"]), code_guid(["housing"])]
    # The negated, uncounted housing row on turn 6 is not exported.
    assert selections[5].findall("q:Coding", NS) == []


def test_speakers_are_cases_with_attribute_variables(project):
    document, _ = project
    variables = {v.get("guid"): v.get("name") for v in document.findall(".//q:Variable", NS)}
    assert sorted(variables.values()) == ["age_band", "date", "gender", "group_type", "role", "site"]
    cases = {c.get("name"): c for c in document.findall(".//q:Case", NS)}
    assert sorted(cases) == ["Facilitator 1", "Interpreter 1", "P01", "P02", "Provider 1", "Provider 2"]
    p01 = cases["P01"]
    values = {variables[v.find("q:VariableRef", NS).get("targetGUID")]: v.findtext("q:TextValue", namespaces=NS)
              for v in p01.findall("q:VariableValue", NS)}  # fmt: skip
    assert values == {"role": "community", "gender": "female", "age_band": "25-34"}
    assert len(p01.findall("q:SelectionRef", NS)) == 2
    assert len(cases["Facilitator 1"].findall("q:SelectionRef", NS)) == 2  # one turn in each session


def test_codebook_nests_sub_codes_with_stable_guids(project):
    document, _ = project
    themes = document.findall("q:CodeBook/q:Codes/q:Code", NS)
    assert [t.get("name") for t in themes] == ["Housing", "Language", "Trust in services"]
    damp = themes[0].find("q:Code", NS)
    assert (damp.get("name"), damp.get("guid"), damp.get("color")) == ("Damp and mould", code_guid(["housing", "housing-damp"]), "#AEC7E8")


def test_export_validates_against_the_refi_schema(project, project_xsd):
    document, _ = project
    assert schema_problems(document, project_xsd) == []


def test_qdpx_zip_holds_project_and_sources_and_is_reproducible(project, tmp_path):
    document, texts = project
    first, second = tmp_path / "a.qdpx", tmp_path / "b.qdpx"
    write_qdpx(document, texts, first)
    write_qdpx(document, texts, second)
    assert first.read_bytes() == second.read_bytes()
    with zipfile.ZipFile(first) as archive:
        names = archive.namelist()
        assert names[0] == "project.qde"
        assert sorted(names[1:]) == sorted(f"Sources/{m}" for m in texts)
        root = etree.fromstring(archive.read("project.qde"))
        assert root.get("name") == "Tiny consultation codebook (qualflow export)"
        member = names[1]
        assert archive.read(member).decode("utf-8") == texts[member.removeprefix("Sources/")]


def test_export_command_writes_a_valid_qdpx(tmp_path, project_xsd, monkeypatch):
    from click.testing import CliRunner

    from pipeline.cli import cli
    from pipeline.io import write_table

    monkeypatch.setenv("QUALFLOW_REFI_SCHEMAS", str(project_xsd.parent))
    turns, coded = tmp_path / "t.parquet", tmp_path / "c.parquet"
    write_table(turns_frame(), turns)
    write_table(coded_frame(), coded)
    output = tmp_path / "export" / "project.qdpx"
    args = ["export-qdpx", "--turns", str(turns), "--coded", str(coded), "--codebook", str(CODEBOOK), "-o", str(output)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(output) as archive:
        root = etree.fromstring(archive.read("project.qde"))
    # Every counted coded row, the facilitator's too: the export is for review, not counting.
    assert len(root.findall(".//q:Coding", NS)) == 11


def test_codes_match_the_qdc_export(project):
    from pipeline.codebook import codebook_to_yaml_dict
    from pipeline.refi.common import CODEBOOK_NS
    from pipeline.refi.qdc import codebook_to_qdc

    document, _ = project
    qdc = codebook_to_qdc(codebook_to_yaml_dict(tiny_codebook()))

    def codes(tree, ns):
        return [(c.get("guid"), c.get("name"), c.findtext(f"{{{ns}}}Description")) for c in tree.iter(f"{{{ns}}}Code")]

    assert codes(document, PROJECT_NS) == codes(qdc, CODEBOOK_NS)
    assert len(codes(document, PROJECT_NS)) == 4
