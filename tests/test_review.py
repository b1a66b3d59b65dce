"""The analyst's loop: agreement with the analyst's coding, the turns to review next, the review project."""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import pytest
from outputs_data import coded_frame, tiny_codebook, turns_frame

from pipeline.agreement import POOLED
from pipeline.refi.common import PROJECT_NS, schema_problems, stable_guid
from pipeline.review import (
    Training,
    analyst_agreement,
    analyst_confirmed,
    disagrees_most,
    read_training,
    review_project,
    select_review,
    uncertainty,
)

ASHBY, KINGS = "ashby-community-1", "kingsmere-providers-1"
Q = f"{{{PROJECT_NS}}}"


@pytest.fixture(scope="module")
def project_xsd(repo_root):
    folder = Path(os.environ.get("QUALFLOW_REFI_SCHEMAS") or repo_root.parent / "shared" / "refi-qda")
    path = folder / "Project-mrt2019.xsd"
    return path if path.exists() else None


# ---------------------------------------------------------------- which turns next


def candidates(rows: list[tuple[str, int, str, float]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["transcript_id", "turn", "code", "uncertainty"]).assign(
        theme=lambda t: t["code"], method="terms", score=0.5, reason="test", evidence="", polarity="affirmed",
        counted=True)  # fmt: skip


def many_turns(transcripts: int, turns: int) -> pd.DataFrame:
    return pd.DataFrame([{"transcript_id": f"t{i}", "turn": n, "speaker": f"P{n}", "role": "community",
                          "text": f"turn {n}"} for i in range(transcripts) for n in range(1, turns + 1)])  # fmt: skip


def test_review_turns_are_spread_over_codes_before_the_least_sure_code_takes_a_second():
    rows = [("t0", n, "housing", 0.9) for n in range(1, 6)] + [("t0", 6, "trust", 0.2), ("t0", 7, "language", 0.1)]
    chosen = select_review(candidates(rows), many_turns(1, 8), 3)
    assert sorted(chosen["code"]) == ["housing", "language", "trust"]
    assert list(chosen["rank"]) == [1, 2, 3]


def test_review_turns_are_capped_per_transcript_until_the_list_would_be_short():
    rows = [(f"t{i}", n, "housing", 0.9 - i / 10) for i in range(3) for n in range(1, 5)] + [("t3", 1, "trust", 0.1)]
    chosen = select_review(candidates(rows), many_turns(4, 5), 4)
    assert sorted(chosen["transcript_id"]) == ["t0", "t1", "t2", "t3"]
    # Only two transcripts with candidates: the cap rises so the list still fills.
    rows = [(f"t{i}", n, "housing", 0.5) for i in range(2) for n in range(1, 5)] + [("t1", 9, "trust", 0.1)]
    chosen = select_review(candidates(rows), many_turns(2, 9), 6)
    assert len(chosen) == 6 and chosen["transcript_id"].value_counts().max() == 3


def test_review_leaves_out_turns_read_facilitators_and_sure_turns():
    turns = many_turns(1, 4)
    turns.loc[0, "role"] = "facilitator"
    rows = [("t0", 1, "housing", 0.9), ("t0", 2, "housing", 0.8), ("t0", 3, "trust", 0.7), ("t0", 4, "trust", 0.0)]
    read = pd.DataFrame({"transcript_id": ["t0"], "turn": [2]})
    chosen = select_review(candidates(rows), turns, 10, read=read)
    assert list(zip(chosen["turn"], chosen["code"])) == [(3, "trust")]
    assert chosen.loc[0, "workflow_codes"] == "trust"


def test_uncertainty_ranks_a_semantic_score_at_its_threshold_above_one_far_above():
    coded = pd.DataFrame([
        ("t0", 1, "trust", "trust", 0.51, "semantic", "x", "affirmed", True),
        ("t0", 2, "trust", "trust", 0.80, "semantic", "x", "affirmed", True),
        ("t0", 3, "trust", "trust", 0.70, "terms+semantic", "trust | x", "affirmed", True),
    ], columns=coded_frame().columns)  # fmt: skip
    scored = uncertainty(coded, ["terms", "semantic"], {"trust": 0.5})
    assert scored.loc[0, "uncertainty"] > scored.loc[1, "uncertainty"] > scored.loc[2, "uncertainty"] == 0
    assert "near its threshold" in scored.loc[0, "reason"]


def terms_only(coded: pd.DataFrame) -> pd.DataFrame:
    """The coded rows as the terms coder alone would give them: its method, and its matched term as evidence."""
    return coded.assign(method="terms", evidence=coded["evidence"].str.split(" | ", regex=False).str[0])


def test_a_single_term_found_everywhere_is_less_sure_than_a_rare_one():
    coded = terms_only(coded_frame())
    scored = uncertainty(coded, ["terms", "semantic"], {})
    by_turn = scored.set_index(["transcript_id", "turn", "code"])["uncertainty"]
    assert by_turn[(KINGS, 4, "trust")] > by_turn[(KINGS, 3, "language")]  # 'trust' in 3 turns, interpreter* in 1


# ---------------------------------------------------------------- agreement with the analyst


def training(rows, read_turns) -> Training:
    coding = pd.DataFrame(rows, columns=["transcript_id", "turn", "code"])
    read = pd.DataFrame(read_turns, columns=["transcript_id", "turn"])
    return Training(coding, read, "analyst.csv", "test")


def test_agreement_with_the_analyst_per_theme_and_sub_code_and_per_coder():
    # The analyst read all of Kingsmere: agrees on damp (2) and trust (4, 5), adds language to 4, drops language 3.
    read = [(KINGS, n) for n in range(1, 6)]
    coded = terms_only(coded_frame())
    coded.loc[(coded["transcript_id"] == KINGS) & (coded["turn"] == 5), "method"] = "semantic"
    table = analyst_agreement(training([(KINGS, 2, "housing-damp"), (KINGS, 4, "trust"), (KINGS, 5, "trust"),
                                        (KINGS, 4, "language")], read), coded, tiny_codebook(),
                              ["terms", "semantic"], bootstrap=200)  # fmt: skip
    themes = table.loc[table["level"] == "theme"].set_index("code")
    assert list(themes.index) == ["housing", "language", "trust", POOLED]
    assert themes.loc["housing", "kappa"] == 1.0 and themes.loc["trust", "kappa"] == 1.0
    assert themes.loc["language", "percent_agreement"] == 0.6
    assert themes.loc["trust", "kappa_terms"] < 1.0  # turn 5 is the semantic coder's
    assert themes.loc["trust", "least_agreeing_coder"] == "semantic" or themes.loc["trust", "kappa_semantic"] < 1
    assert themes.loc["housing", "n_units"] == 5 and themes.loc["housing", "prevalence_analyst"] == 0.2
    assert 0 <= themes.loc[POOLED, "kappa_low"] <= themes.loc[POOLED, "kappa"] <= themes.loc[POOLED, "kappa_high"]
    codes = table.loc[table["level"] == "code"].set_index("code")
    assert list(codes.index) == ["housing-damp", POOLED] and codes.loc["housing-damp", "kappa"] == 1.0
    assert disagrees_most(table) in {"terms", "semantic"}
    assert not table["includes_trained_model"].any()


def test_agreement_marks_a_combination_that_learnt_from_the_same_turns():
    read = [(KINGS, n) for n in range(1, 6)]
    table = analyst_agreement(training([(KINGS, 2, "housing-damp")], read), coded_frame(), tiny_codebook(),
                              ["terms", "supervised"], bootstrap=0)  # fmt: skip
    assert table["includes_trained_model"].all() and table["note"].str.contains("trained on these turns").all()
    assert "kappa_supervised" not in table.columns and "kappa_terms" in table.columns


def test_without_a_read_file_every_turn_of_the_coded_transcripts_counts_as_read(tmp_path):
    path = tmp_path / "analyst.csv"
    path.write_text(f"transcript_id,turn,code\n{KINGS},2,housing-damp\n", encoding="utf-8")
    found = read_training(path, turns_frame())
    assert list(found.read["turn"]) == [1, 2, 3, 4, 5] and "taken as read" in found.note
    (tmp_path / "analyst.read.csv").write_text(f"transcript_id,turn,rule\n{KINGS},2,reviewed-set\n", encoding="utf-8")
    found = read_training(path, turns_frame())
    assert list(zip(found.read["transcript_id"], found.read["turn"])) == [(KINGS, 2)]


def test_analyst_confirmed_quotes_by_code_or_theme():
    quotes = coded_frame()[["transcript_id", "turn", "code", "theme"]]
    analyst = pd.DataFrame([(ASHBY, 2, "housing"), (KINGS, 4, "trust"), (KINGS, 3, "trust")],
                           columns=["transcript_id", "turn", "code"])  # fmt: skip
    assert analyst_confirmed(quotes, analyst) == {(ASHBY, 2, "housing"), (ASHBY, 2, "housing-damp"),
                                                  (KINGS, 4, "trust")}  # fmt: skip
    assert analyst_confirmed(quotes, analyst.iloc[0:0]) == set()


# ---------------------------------------------------------------- the review project


def chosen_turns() -> pd.DataFrame:
    return pd.DataFrame({"transcript_id": [ASHBY, ASHBY, KINGS], "turn": [3, 4, 3]})


@pytest.mark.parametrize("blind", [False, True])
def test_the_review_project_validates_and_reads_back_as_every_turn_read(tmp_path, project_xsd, blind):
    from pipeline.refi.importer import import_project, read_qdpx
    from pipeline.refi.project import write_qdpx

    document, texts = review_project(chosen_turns(), turns_frame(), coded_frame(), tiny_codebook(), blind=blind,
                                     created="2026-03-10T00:00:00Z")  # fmt: skip
    if project_xsd is not None:
        assert schema_problems(document, project_xsd) == []
    root = document.getroot()
    assert {s.get("guid") for s in root.iter(Q + "TextSource")} == {stable_guid("source", ASHBY),
                                                                    stable_guid("source", KINGS)}  # fmt: skip
    assert len(list(root.iter(Q + "PlainTextSelection"))) == 3
    assert (len(list(root.iter(Q + "Coding"))) == 0) == blind
    write_qdpx(document, texts, tmp_path / "review.qdpx")
    result = import_project(read_qdpx(tmp_path / "review.qdpx"), turns_frame(), codebook=tiny_codebook())
    assert result.rule == "review-project"
    assert set(zip(result.read["transcript_id"], result.read["turn"])) == {(ASHBY, 3), (ASHBY, 4), (KINGS, 3)}
    coding = set(zip(result.coding["transcript_id"], result.coding["turn"], result.coding["code"]))
    expected = set() if blind else {(ASHBY, 3, "trust"), (ASHBY, 4, "language"), (ASHBY, 4, "trust"),
                                    (KINGS, 3, "language")}  # fmt: skip
    assert coding == expected


# ---------------------------------------------------------------- the commands


def test_the_commands_write_review_next_the_review_project_and_agreement(tmp_path, project_xsd):
    import zipfile

    from click.testing import CliRunner
    from lxml import etree
    from outputs_data import CODEBOOK

    from pipeline.cli import cli

    turns, coded = [], []
    for tid in (ASHBY, KINGS):
        turns.append(tmp_path / f"{tid}.turns.parquet")
        turns_frame().loc[lambda t: t["transcript_id"] == tid].to_parquet(turns[-1])
        coded.append(tmp_path / f"{tid}.coded.parquet")
        coded_frame().loc[lambda t: t["transcript_id"] == tid].to_parquet(coded[-1])
    analyst = tmp_path / "analyst.csv"
    analyst.write_text(f"transcript_id,turn,code,coder\n{KINGS},2,housing-damp,Amira\n{KINGS},4,trust,Amira\n",
                       encoding="utf-8")  # fmt: skip
    (tmp_path / "analyst.read.csv").write_text("transcript_id,turn,rule\n" + "".join(
        f"{KINGS},{n},reviewed-set\n" for n in range(1, 6)), encoding="utf-8")  # fmt: skip
    common = ["--turns", *map(str, turns), "--coded", *map(str, coded), "--codebook", str(CODEBOOK)]
    result = CliRunner().invoke(cli, ["review-next", *common, "--training", str(analyst), "--blind",
                                      "--csv", str(tmp_path / "review_next.csv"), "-o", str(tmp_path / "review.qdpx")])
    assert result.exit_code == 0, result.output
    listed = pd.read_csv(tmp_path / "review_next.csv")
    assert set(listed["transcript_id"]) == {ASHBY}  # Kingsmere was read
    assert 1 not in set(listed["turn"])  # the facilitator
    with zipfile.ZipFile(tmp_path / "review.qdpx") as archive:
        root = etree.fromstring(archive.read("project.qde"))
    assert len(root.findall(f".//{Q}Coding")) == 0 and "review project" in root.find(f"{Q}Description").text
    result = CliRunner().invoke(cli, ["analyst-agreement", str(analyst), *common, "--bootstrap", "50",
                                      "-o", str(tmp_path / "agreement.csv")])
    assert result.exit_code == 0, result.output
    table = pd.read_csv(tmp_path / "agreement.csv")
    assert set(table["level"]) == {"theme", "code"} and (table["n_units"] == 5).all()


def test_review_next_is_a_sheet_of_the_workbook(tmp_path):
    from openpyxl import load_workbook

    from pipeline.matrices.workbook import review_sheet, write_workbook

    chosen = select_review(uncertainty(coded_frame(), ["terms", "semantic"], {}), turns_frame(), 4)
    write_workbook([review_sheet(chosen)], tmp_path / "book.xlsx")
    sheet = load_workbook(tmp_path / "book.xlsx")["Review next"]
    assert [c.value for c in sheet[2]][:3] == ["rank", "transcript_id", "turn"] and sheet.max_row == 2 + len(chosen)


def test_the_report_has_an_agreement_section_only_with_analyst_coding(tmp_path):
    from test_report import make_results

    from pipeline.config import validate_config
    from pipeline.io import write_table
    from pipeline.report import write_report

    folder = make_results(tmp_path / "results", topics=False)
    settings = validate_config({})
    write_report(folder, settings, folder / "report.html")
    assert "Agreement with the analyst" not in (folder / "report.html").read_text(encoding="utf-8")
    read = [(KINGS, n) for n in range(1, 6)]
    table = analyst_agreement(training([(KINGS, 2, "housing-damp"), (KINGS, 4, "trust")], read), coded_frame(),
                              tiny_codebook(), ["terms", "semantic"], bootstrap=50)  # fmt: skip
    write_table(table, folder / "coding" / "agreement.csv")
    write_report(folder, settings, folder / "report.html")
    html = (folder / "report.html").read_text(encoding="utf-8")
    assert "<h2>Agreement with the analyst</h2>" in html and "Kappa (semantic)" in html
    assert "On the 5 turns the analyst read" in html and "coder agrees least" in html
    assert html.index("Agreement with the analyst") < html.index("<h2>Methods</h2>")
