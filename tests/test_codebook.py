"""The codebook model, its validation (every problem at once, with lines) and the default codebook."""

from __future__ import annotations

import pytest
import yaml

from pipeline.codebook import Term, check_codebook, codebook_to_yaml_dict, load_codebook
from pipeline.errors import CodebookError

FIXTURES = "tests/fixtures/codebooks"
DEFAULT = "codebooks/community-consultation.yaml"


@pytest.fixture
def fixture_path(repo_root):
    return lambda name: str(repo_root / FIXTURES / name)


def test_minimal_codebook_builds_nested_and_flat_sub_codes(fixture_path):
    book = load_codebook(fixture_path("valid-minimal.codebook.yaml"))
    assert [c.id for c in book.all_codes()] == ["housing", "housing-damp", "housing-overcrowding", "language"]
    assert book.get("housing-overcrowding").parent == "housing"
    assert book.theme_of("housing-damp") == "housing"
    assert book.get("housing").terms == (Term("landlord", "lemma"), Term("black mould", "phrase"),
                                         Term("evict*", "wildcard"), Term(r"\bsection 21\b", "regex"))
    assert book.settings == {"semantic_threshold": 0.45}
    assert len(book.sha256) == 64


def test_get_unknown_code_suggests_close_ids(fixture_path):
    book = load_codebook(fixture_path("valid-minimal.codebook.yaml"))
    with pytest.raises(CodebookError, match="no code 'housing-dmp'.*did you mean 'housing-damp'"):
        book.get("housing-dmp")


@pytest.mark.parametrize(
    ("name", "line", "message"),
    [
        ("invalid-duplicate-code-id.codebook.yaml", 7, "duplicate code id 'housing' (first defined on line 3)"),
        ("invalid-unknown-parent.codebook.yaml", 8, "unknown parent 'housnig'; did you mean 'housing'?"),
        ("invalid-no-terms-no-examples.codebook.yaml", 3, "code 'housing' has neither terms nor examples"),
        ("invalid-regex.codebook.yaml", 8, "invalid regex 'section (21'"),
        ("invalid-unknown-key.codebook.yaml", 7, "unknown key 'partner'; did you mean 'partners'?"),
        ("invalid-wrong-types.codebook.yaml", 6, "themes[0].terms: expected a list, got a string 'landlord'"),
        ("invalid-term-kind.codebook.yaml", 8, "got {'regx': 'section 21'}; did you mean 'regex'?"),
    ],
)
def test_each_problem_is_an_error_with_its_line(fixture_path, name, line, message):
    book, problems = check_codebook(fixture_path(name))
    assert book is None
    errors = [p for p in problems if p.severity == "error"]
    assert any(p.line == line and message in p.message for p in errors), [str(p) for p in errors]


def test_every_problem_is_reported_at_once(fixture_path):
    path = fixture_path("invalid-many-problems.codebook.yaml")
    with pytest.raises(CodebookError) as caught:
        load_codebook(path)
    lines = caught.value.problems
    assert len(lines) == 5
    assert lines[0].startswith(f"{path}:6: code 'housing': invalid regex '('")
    assert any(line.startswith(f"{path}:7: unknown key 'colur'; did you mean 'colour'?") for line in lines)
    assert any(line.startswith(f"{path}:8: duplicate code id 'housing'") for line in lines)
    assert any(line.startswith(f"{path}:12: code 'damp' names unknown parent 'nowhere'") for line in lines)


def test_a_shared_sibling_term_is_only_a_warning(fixture_path):
    book, problems = check_codebook(fixture_path("warning-sibling-shared-term.codebook.yaml"))
    assert book is not None
    assert [(p.severity, p.line) for p in problems] == [("warning", 15)]
    assert "'repairs' is used by sibling codes 'housing-damp' and 'housing-landlords'" in problems[0].message


def test_wrong_colour_and_id_are_named(fixture_path):
    _, problems = check_codebook(fixture_path("invalid-wrong-types.codebook.yaml"))
    messages = {p.line: p.message for p in problems}
    assert "got 'Housing Theme'" in messages[3]
    assert 'expected a colour like "#1F77B4", got \'blue\'' in messages[8]


def test_a_code_may_set_its_own_semantic_threshold(fixture_path):
    book = load_codebook(fixture_path("code-semantic-threshold.codebook.yaml"))
    assert [(c.id, c.semantic_threshold) for c in book.all_codes()] == [
        ("housing", 0.8), ("housing-damp", 0.5), ("housing-overcrowding", None), ("language", None)]
    assert book.settings["semantic_threshold"] == 0.6


@pytest.mark.parametrize("value, message", [("1.5", "1.5 is greater than the maximum of 1"),
                                            ('"high"', "expected a number, got a string 'high'")])
def test_a_code_semantic_threshold_outside_0_1_or_not_a_number_is_named_with_its_line(tmp_path, value, message):
    path = tmp_path / "threshold.yaml"
    path.write_text("name: x\nthemes:\n  - id: housing\n    label: Housing\n    definition: Homes.\n"
                    f"    semantic_threshold: {value}\n    terms: [landlord]\n", encoding="utf-8")
    book, problems = check_codebook(path)
    assert book is None
    assert [(p.line, p.message) for p in problems] == [(6, f"themes[0].semantic_threshold: {message}")]


def test_not_yaml_names_the_line(tmp_path):
    path = tmp_path / "broken.yaml"
    path.write_text("name: x\nthemes:\n  - id: [unclosed\n", encoding="utf-8")
    _, problems = check_codebook(path)
    assert problems[0].severity == "error" and "not valid YAML" in problems[0].message
    assert problems[0].line == 4


def test_round_trip_loses_nothing(fixture_path, tmp_path):
    for source in (fixture_path("valid-minimal.codebook.yaml"), fixture_path("code-semantic-threshold.codebook.yaml"),
                   DEFAULT):
        book = load_codebook(source)
        path = tmp_path / "again.yaml"
        path.write_text(yaml.safe_dump(codebook_to_yaml_dict(book), sort_keys=False, allow_unicode=True), "utf-8")
        again = load_codebook(path)
        assert again.themes == book.themes
        assert (again.name, again.version, again.description, again.settings) == (
            book.name, book.version, book.description, book.settings)


def test_default_codebook_has_the_themes_the_issue_asks_for(repo_root):
    book = load_codebook(repo_root / DEFAULT)
    _, problems = check_codebook(repo_root / DEFAULT)
    assert problems == []
    assert [t.id for t in book.themes] == [
        "housing", "language", "discrimination", "trust-in-services", "employment", "education",
        "health-wellbeing", "immigration-status", "information-advice", "community-belonging"]
    assert [c.id for c in book.get("housing").children] == [
        "housing-conditions", "housing-overcrowding", "housing-landlords-tenancy", "housing-eviction-homelessness"]
    assert [c.id for c in book.get("language").children] == [
        "language-english-esol", "language-interpreting", "language-written-information"]
    assert len(book.get("discrimination").children) == 3
    assert len(book.get("trust-in-services").children) == 5
    assert "transport" not in " ".join(c.id for c in book.all_codes())
    assert book.get("housing").partners[:3] == ("Council housing team", "Housing associations", "Environmental health")
    for code in book.all_codes():
        assert code.partners and code.colour and code.definition, code.id
        # The semantic coder pools a theme's nearest texts, so the core themes carry more, varied examples.
        # Round 4 (docs/coding.md) took discrimination and trust in services to 10-13 per code.
        assert 2 <= len(code.examples) <= 14, code.id
        if code.parent is None:
            assert code.include and code.exclude, code.id
