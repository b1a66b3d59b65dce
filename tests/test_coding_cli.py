"""The coding commands, called as a user would."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from pipeline.cli import COMMANDS, cli
from tests.cli_run import run

CODING_COMMANDS = ["validate-codebook", "embed-codebook", "train-coder", "code", "code-texts", "codebook-report"]
MINIMAL = "tests/fixtures/codebooks/valid-minimal.codebook.yaml"
TERMS_ONLY = json.dumps({"coding": {"coders": ["terms"]}})


@pytest.mark.parametrize("name", CODING_COMMANDS)
def test_every_coding_command_is_registered_with_help_and_an_example(name):
    command = cli.get_command(None, name)
    assert COMMANDS[name].startswith("pipeline.cli.coding:")
    assert "Example:" in command.help and "qualflow " + name in command.help


def test_validate_codebook_exit_status(capsys, repo_root):
    assert run(["validate-codebook", str(repo_root / MINIMAL)]) == 0
    assert "valid, 4 codes in 2 theme(s)" in capsys.readouterr().out
    bad = str(repo_root / "tests/fixtures/codebooks/invalid-many-problems.codebook.yaml")
    assert run(["validate-codebook", bad]) == 1
    err = capsys.readouterr().err
    assert f"{bad}:7: unknown key 'colur'; did you mean 'colour'?" in err
    assert "5 error(s)" in err
    shared = str(repo_root / "tests/fixtures/codebooks/warning-sibling-shared-term.codebook.yaml")
    assert run(["validate-codebook", shared]) == 0
    assert "warning: term 'repairs'" in capsys.readouterr().out


def test_code_texts_writes_one_line_per_input(tmp_path, repo_root):
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": "a", "text": "The landlords never fixed the black moulds."}) + "\n"
                      + json.dumps({"id": "b", "text": "We never had damp."}) + "\n\n"
                      + json.dumps({"id": "c", "text": "Nice weather."}) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert run(["code-texts", str(source), "--codebook", str(repo_root / MINIMAL), "--settings", TERMS_ONLY,
                "-o", str(out)]) == 0
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [line["id"] for line in lines] == ["a", "b", "c"]
    assert lines[0]["codes"] == [{"code": "housing", "score": 0.84, "method": "terms",
                                  "evidence": ["black mould", "landlord"], "polarity": "affirmed", "counted": True}]
    assert [(c["code"], c["polarity"], c["counted"]) for c in lines[1]["codes"]] == [
        ("housing-damp", "negated", False)]
    assert lines[2]["codes"] == []


def test_code_texts_names_the_bad_line(tmp_path, repo_root, capsys):
    source = tmp_path / "in.jsonl"
    source.write_text('{"id": "a", "text": "fine"}\n{"id": "b", "text": \n', encoding="utf-8")
    assert run(["code-texts", str(source), "--codebook", str(repo_root / MINIMAL), "-o", str(tmp_path / "o")]) == 1
    assert f"error: {source}:2: not valid JSON" in capsys.readouterr().err


def test_code_writes_the_coded_table_and_the_report(tmp_path, repo_root):
    turns = pd.DataFrame({"transcript_id": ["s"] * 3, "turn": [1, 2, 3], "speaker": ["Facilitator 1", "P01", "P02"],
                          "start": [None] * 3, "end": [None] * 3, "role": ["facilitator", "community", "community"],
                          "text": ["Tell me about housing and the landlord.", "If we were evicted, where would we go?",
                                   "The interpreter never came."]})
    turns_path = tmp_path / "s.parquet"
    turns.to_parquet(turns_path, index=False)
    coded_path = tmp_path / "coded" / "s.parquet"
    assert run(["code", str(turns_path), "--codebook", str(repo_root / MINIMAL), "--settings", TERMS_ONLY,
                "-o", str(coded_path)]) == 0
    coded = pd.read_parquet(coded_path)
    assert [(r.turn, r.code, r.polarity, r.counted) for r in coded.itertuples()] == [
        (1, "housing", "affirmed", True), (2, "housing", "hypothetical", True), (3, "language", "affirmed", True)]
    report = tmp_path / "refinement.md"
    assert run(["codebook-report", "--coded", str(coded_path), "--turns", str(turns_path), "--codebook",
                str(repo_root / MINIMAL), "--csv", str(tmp_path / "refinement.csv"), "-o", str(report)]) == 0
    assert "| housing | theme | 2 | 2 | 0 | 1 |" in report.read_text(encoding="utf-8")
    assert pd.read_csv(tmp_path / "refinement.csv")["code"].tolist()[:2] == ["housing", "housing-damp"]
