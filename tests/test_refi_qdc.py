"""REFI-QDA codebook exchange: export is valid and stable, import reads what other tools write, round trips lose nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from pipeline.cli import cli
from pipeline.refi.common import CODEBOOK_NS, GUID_PATTERN, RefiError, code_guid, normalise_colour, parse_xml
from pipeline.refi.qdc import (
    codebook_to_qdc,
    describe,
    export_qdc,
    import_qdc,
    parse_description,
    qdc_problems,
    qdc_to_codebook_dict,
    slugify,
)

FIXTURES = Path(__file__).parent / "fixtures" / "refi"
SMALL = FIXTURES / "small-nested.codebook.yaml"
DEFAULT_CODEBOOK = Path(__file__).parent.parent / "codebooks" / "community-consultation.yaml"
NS = {"q": CODEBOOK_NS}


@pytest.fixture
def codebook_xsd() -> Path:
    xsd = Path(__file__).parent.parent.parent / "shared" / "refi-qda" / "Codebook-mrt2019.xsd"
    if not xsd.is_file():
        pytest.skip("REFI-QDA schemas not present beside the project (../shared/refi-qda/)")
    return xsd


def yaml_dict(path: Path) -> dict:
    from pipeline.codebook import codebook_to_yaml_dict, load_codebook

    return codebook_to_yaml_dict(load_codebook(path))


def import_ok(qdc: Path, tmp_path: Path) -> dict:
    """Import, then check the written YAML passes validate-codebook with no errors; return it as loaded."""
    from pipeline.codebook import check_codebook

    out = tmp_path / f"{qdc.stem}.yaml"
    import_qdc(qdc, out)
    codebook, problems = check_codebook(out)
    assert codebook is not None and not [p for p in problems if p.severity == "error"], problems
    return yaml_dict(out)


def codes_by_id(book: dict) -> dict[str, dict]:
    found = {}

    def walk(codes, parent):
        for code in codes:
            found[code["id"]] = {**code, "_parent": parent}
            walk(code.get("codes", []), code["id"])

    walk(book["themes"], None)
    return found


# ---------------------------------------------------------------- helpers


def test_code_guid_is_fixed_for_ever():
    # These values are a contract: tools match our codes across exports by them.
    assert code_guid("housing") == "b4c4b1d2-b8df-5e99-814f-18f898633d61"
    assert code_guid(["housing", "housing-damp"]) == "926e19b7-bbfa-59d2-84f7-dd0bc767b313"
    assert code_guid(["language", "housing-damp"]) != code_guid(["housing", "housing-damp"])
    assert GUID_PATTERN.match(code_guid("housing"))


@pytest.mark.parametrize(
    ("given", "expected"),
    [("#1f77b4", "#1F77B4"), ("1F77B4", "#1F77B4"), ("#abc", "#AABBCC"), ("rgb(31, 119, 180)", "#1F77B4"),
     ("31,119,180", "#1F77B4"), ("#12345678", None), ("rgb(300,0,0)", None), ("blue", None), ("", None), (None, None)],
)
def test_normalise_colour(given, expected):
    assert normalise_colour(given) == expected


@pytest.mark.parametrize(("name", "slug"), [("Trust in services (NHS)", "trust-in-services-nhs"),
                                            ("Łódź contacts", "lodz-contacts"), ("Landlord doesn't respond",
                                            "landlord-doesnt-respond"), ("Românǎ: școală", "romana-scoala"),
                                            ("???", "code")])
def test_slugify(name, slug):
    assert slugify(name) == slug


def test_description_round_trip_keeps_every_field():
    code = {
        "id": "housing-damp",
        "label": "Damp and mould",
        "definition": "Damp in the home.\n\nSecond paragraph.",
        "include": ["mould on walls"],
        "exclude": ["damp weather"],
        "examples": ["We asked three times.\nNobody came.", "Second quote"],
        "terms": ["damp", "black mould", "evict*", {"regex": r"\bsection 21\b"}, {"phrase": "rent arrears"}],
        "partners": ["Environmental health"],
    }
    text = describe(code)
    assert text.startswith("Damp in the home.\n\nSecond paragraph.\n\nInclude:\n- mould on walls\n\nExclude:")
    assert "- We asked three times.\n  Nobody came." in text
    assert text.endswith('qualflow: {"id": "housing-damp"}')
    parsed = parse_description(text)
    assert parsed == {k: v for k, v in code.items() if k != "label"}


def test_free_text_description_is_the_definition():
    assert parse_description("Anything about rent.\r\nAnd repairs.") == {"definition": "Anything about rent.\nAnd repairs."}
    assert parse_description(None) == {}


# ---------------------------------------------------------------- export


def test_export_is_valid_nested_and_stable(tmp_path, codebook_xsd):
    first, second = tmp_path / "a.qdc", tmp_path / "b.qdc"
    assert export_qdc(SMALL, first, xsd=codebook_xsd) == 5
    export_qdc(SMALL, second, xsd=codebook_xsd)
    assert first.read_bytes() == second.read_bytes()
    document = parse_xml(first)
    schema = etree.XMLSchema(etree.parse(str(codebook_xsd)))
    assert schema.validate(document), schema.error_log
    root = document.getroot()
    themes = root.findall("q:Codes/q:Code", NS)
    assert [t.get("name") for t in themes] == ["Housing", "Language"]
    housing = themes[0]
    assert housing.get("guid") == code_guid("housing")
    assert housing.get("color") == "#1F77B4"
    assert housing.get("isCodable") == "true"
    damp = housing.find("q:Code", NS)
    assert damp.get("name") == "Damp and mould"
    assert damp.get("guid") == code_guid(["housing", "housing-damp"])
    children_of_damp = damp.findall("q:Code", NS)
    assert [c.get("name") for c in children_of_damp] == ["Children's health and damp"]
    assert children_of_damp[0].get("color") is None
    # The flat `parent: language` sub-code is nested under its parent in the export.
    assert [c.get("name") for c in themes[1].findall("q:Code", NS)] == ["Letters in English only"]
    description = housing.find("q:Description", NS).text
    assert description.startswith("Living conditions, tenancy & rent; problems with landlords or the <council>")
    assert "\n\nInclude:\n- Repairs\n- damp\n" in description
    assert "- regex: \\bsection 21\\b" in description


def test_export_command(tmp_path):
    out = tmp_path / "export" / "codebook.qdc"
    result = CliRunner().invoke(cli, ["export-qdc", str(SMALL), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == f"5 codes written to {out}"
    assert out.read_bytes().startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<?qualflow-codebook ')


def test_schema_checks_are_wired(codebook_xsd):
    document = codebook_to_qdc({"themes": [{"id": "x", "label": "X", "definition": "d", "terms": ["x"]}]})
    assert qdc_problems(document, codebook_xsd) == []
    etree.SubElement(document.getroot(), f"{{{CODEBOOK_NS}}}Sets")  # empty Sets: invalid
    problems = qdc_problems(document, codebook_xsd)
    assert len(problems) == 1 and "Sets" in problems[0]


def test_without_the_schema_its_rules_are_checked_by_hand(tmp_path, monkeypatch):
    monkeypatch.setenv("QUALFLOW_REFI_SCHEMAS", str(tmp_path / "absent"))
    document = codebook_to_qdc({"themes": [{"id": "x", "label": "X", "definition": "d", "terms": ["x"]}]})
    assert qdc_problems(document) == []
    etree.SubElement(document.getroot(), f"{{{CODEBOOK_NS}}}Sets")
    assert qdc_problems(document) == ["an empty Sets element is not allowed"]


# ---------------------------------------------------------------- round trips


def test_round_trip_small_fixture_loses_nothing(tmp_path):
    qdc = tmp_path / "small.qdc"
    export_qdc(SMALL, qdc)
    back = tmp_path / "small.yaml"
    assert import_qdc(qdc, back) == 5
    assert yaml_dict(back) == yaml_dict(SMALL)
    assert "Stand-ins" not in back.read_text(encoding="utf-8")  # nothing was made up


def test_round_trip_default_codebook_loses_nothing(tmp_path):
    qdc = tmp_path / "default.qdc"
    export_qdc(DEFAULT_CODEBOOK, qdc)
    back = tmp_path / "default.yaml"
    import_qdc(qdc, back)
    assert yaml_dict(back) == yaml_dict(DEFAULT_CODEBOOK)


def test_default_codebook_export_is_valid(tmp_path, codebook_xsd):
    qdc = tmp_path / "default.qdc"
    export_qdc(DEFAULT_CODEBOOK, qdc, xsd=codebook_xsd)
    schema = etree.XMLSchema(etree.parse(str(codebook_xsd)))
    assert schema.validate(parse_xml(qdc)), schema.error_log
    themes = parse_xml(qdc).getroot().findall("q:Codes/q:Code", NS)
    assert [t.get("guid") for t in themes][:2] == [code_guid("housing"), code_guid("language")]


# ---------------------------------------------------------------- import from other tools


def test_import_nvivo_nested_codes(tmp_path):
    book = import_ok(FIXTURES / "nvivo-nested-braced-uppercase-guids.qdc", tmp_path)
    codes = codes_by_id(book)
    assert [t["id"] for t in book["themes"]] == ["housing", "access-to-services"]
    assert codes["landlord-doesnt-respond"]["_parent"] == "repairs"
    assert codes["landlord-doesnt-respond"]["definition"] == "Repairs reported but not done.\nIncludes letting agents."
    assert codes["repairs"]["_parent"] == "housing"
    # Two codes named "Other": the second gets its parent's id in front.
    assert codes["other"]["_parent"] == "repairs"
    assert codes["access-to-services-other"]["_parent"] == "access-to-services"
    assert codes["damp-mould"]["label"] == "Damp & mould"
    assert codes["damp-mould"]["colour"] == "#AEC7E8"
    # Stand-ins: no description -> name as definition; no terms -> name as term.
    assert codes["repairs"]["definition"] == "Repairs"
    assert codes["repairs"]["terms"] == ["repairs"]
    assert codes["gp-registration"]["definition"] == "Trouble registering with a GP surgery."
    header = (tmp_path / "nvivo-nested-braced-uppercase-guids.yaml").read_text(encoding="utf-8")
    assert "#   repairs: definition = its name; term 'repairs' from its name" in header
    assert book["name"] == "nvivo-nested-braced-uppercase-guids"
    assert "written by NVivo 14.24.0 (640)" in book["description"]


def test_import_atlasti_flat_codes_and_groups(tmp_path, caplog):
    book = import_ok(FIXTURES / "atlasti-flat-codes-with-groups.qdc", tmp_path)
    assert [t["id"] for t in book["themes"]] == ["housing-damp", "housing-overcrowding", "trust-police", "lodz-contacts"]
    codes = codes_by_id(book)
    assert codes["housing-damp"]["label"] == "HOUSING: damp"
    assert codes["housing-damp"]["colour"] == "#6D8FD4"
    assert codes["lodz-contacts"]["colour"] == "#AABBCC"  # "#ABC" expanded
    assert "1 code set(s) (Housing codes)" in caplog.text


def test_import_maxqda_with_bom_and_carriage_returns(tmp_path):
    book = import_ok(FIXTURES / "maxqda-nested-code-memos-bom.qdc", tmp_path)
    codes = codes_by_id(book)
    assert codes["language"]["definition"] == "Interpreting, translation, learning English.\n\nCode memo written by the team."
    assert codes["family-members-interpreting"]["_parent"] == "interpreters"
    assert codes["letters-in-english"]["_parent"] == "language"
    assert codes["discrimination"]["colour"] == "#D62728"


def test_import_qualcoder_namespace_typo(tmp_path):
    book = import_ok(FIXTURES / "qualcoder-namespace-1-colon-0.qdc", tmp_path)
    codes = codes_by_id(book)
    assert sorted(codes) == ["council", "nhs", "trust-in-services", "unlinked-code"]
    assert codes["council"]["definition"] == "Trust in the council"
    assert codes["nhs"]["_parent"] == "trust-in-services"


def test_import_other_schema_version_empty_sets_and_odd_colours(tmp_path, caplog):
    book = import_ok(FIXTURES / "schema-location-other-version-empty-sets.qdc", tmp_path)
    codes = codes_by_id(book)
    assert codes["housing"]["colour"] == "#1F77B4"  # rgb(31, 119, 180)
    assert "colour" not in codes["code"]
    assert "'#12345678'" in caplog.text
    # A name with no letters gives no term: the definition stands in as an example.
    assert codes["code"]["examples"] == ["???"]


def test_import_codebook_of_a_project_file(tmp_path):
    book = import_ok(FIXTURES / "project-root-with-codebook.qde", tmp_path)
    assert [t["id"] for t in book["themes"]] == ["housing"]


def test_no_namespace_is_a_clear_error(tmp_path):
    with pytest.raises(RefiError, match="has no QDA-XML namespace") as e:
        qdc_to_codebook_dict(FIXTURES / "no-namespace.qdc")
    assert e.value.line == 2


def test_malformed_xml_names_the_line(tmp_path):
    out = tmp_path / "out.yaml"
    with pytest.raises(RefiError, match="not well-formed XML") as e:
        import_qdc(FIXTURES / "not-well-formed-unescaped-ampersand.qdc", out)
    assert e.value.line == 5
    assert not out.exists()


def test_no_codes_is_an_error():
    with pytest.raises(RefiError, match="no codes: expected a <Codes> element with at least one <Code>"):
        qdc_to_codebook_dict(FIXTURES / "no-codes.qdc")


def test_import_command_reports_errors_in_one_line(tmp_path):
    from pipeline.cli import main

    with pytest.raises(SystemExit) as e:
        main(["import-qdc", str(FIXTURES / "no-namespace.qdc"), "-o", str(tmp_path / "x.yaml")])
    assert e.value.code == 1
