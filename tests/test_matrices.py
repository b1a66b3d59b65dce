"""Theme matrices on a tiny hand-counted study (tests/outputs_data.py): counts, shares, exclusions, quotes."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from golden import check_golden
from outputs_data import ACTION, CODEBOOK, MATRICES, coded_frame, tiny_codebook, turns_frame

from pipeline.errors import InputError
from pipeline.matrices import build_tables, workbook_sheets
from pipeline.matrices.codes import code_table
from pipeline.matrices.counts import expand_to_level
from pipeline.matrices.quotes import quote_from_turn


@pytest.fixture(scope="module")
def codes():
    return code_table(tiny_codebook())


@pytest.fixture(scope="module")
def tables(codes):
    return build_tables(turns_frame(), coded_frame(), codes, MATRICES, ACTION)


def cell(table: pd.DataFrame, key: str, value: str, by: str, id_column: str = "theme") -> pd.Series:
    row = table.loc[(table[id_column] == key) & (table[by] == value)]
    assert len(row) == 1, f"expected one row for {key} x {value}"
    return row.iloc[0]


def test_evidence_keeps_counted_rows_of_counted_roles_only(tables):
    evidence = tables["evidence"]
    # 12 coded rows: 1 of a facilitator and 1 negated (counted=False) drop out.
    assert len(evidence) == 10
    assert "Facilitator 1" not in set(evidence["speaker"])
    assert not ((evidence["transcript_id"] == "ashby-community-1") & (evidence["turn"] == 6)).any()
    first = evidence.iloc[0]
    assert (first["transcript_id"], first["turn"], first["speaker"], first["code"]) == ("ashby-community-1", 2, "P01", "housing")
    assert list(evidence.columns[:7]) == ["transcript_id", "turn", "speaker", "role", "site", "group_type", "date"]
    assert {"gender", "age_band", "theme", "code", "method", "score"} <= set(evidence.columns)


def test_theme_by_site_counts_turns_and_people_with_shares(tables):
    by_site = tables["theme_by_site"]
    housing = cell(by_site, "housing", "Ashby Vale", "site")
    # Turn 2 carries two housing rows (housing and housing-damp): one turn, one person; the interpreter is not
    # a participant (their turn 4 is P02's), so Ashby Vale has 2.
    assert (housing["turns_coded"], housing["group_turns"], housing["turn_share"]) == (1, 5, 0.2)
    assert (housing["participants"], housing["group_participants"], housing["participant_share"]) == (1, 2, 0.5)
    trust = cell(by_site, "trust", "Kingsmere", "site")
    assert (trust["turns_coded"], trust["turn_share"], trust["participants"], trust["participant_share"]) == (2, 0.5, 2, 1.0)


def test_every_matrix_count_equals_the_evidence_rows_behind_it(tables, codes):
    evidence = tables["evidence"]
    for name, table in tables.items():
        if not name.startswith(("theme_by_", "code_by_")):
            continue
        level = "theme" if name.startswith("theme_by_") else "code"
        keyed = expand_to_level(evidence, codes, level)
        id_column = "theme" if level == "theme" else "code"
        by = table.columns[2] if level == "theme" else table.columns[5]
        column = "voice_role" if by == "role" else by  # roles and people are whose voice the turn is
        for row in table.itertuples(index=False):
            behind = keyed.loc[(keyed["key"] == getattr(row, id_column)) & (keyed[column].astype(str) == str(getattr(row, by)))]
            assert row.turns_coded == len(behind[["transcript_id", "turn"]].drop_duplicates()), (name, row)
            assert row.participants == behind["voice_speaker"].nunique(), (name, row)


def test_sub_codes_count_for_their_parent(tables):
    by_site = tables["code_by_site"]
    damp = cell(by_site, "housing-damp", "Kingsmere", "site", "code")
    housing = cell(by_site, "housing", "Kingsmere", "site", "code")
    assert (damp["turns_coded"], damp["level"], damp["parent"]) == (1, "sub-code", "housing")
    assert housing["turns_coded"] == 1  # the turn coded only with housing-damp


def test_facilitators_are_left_out_of_counts_and_denominators(tables):
    by_role = tables["theme_by_role"]
    assert set(by_role["role"]) == {"community", "provider"}  # the interpreter's turn counts as P02's
    community = cell(by_role, "housing", "community", "role")
    assert (community["group_turns"], community["group_participants"]) == (5, 2)


def test_facilitators_can_be_counted_when_config_says_so(codes):
    settings = {**MATRICES, "exclude_roles": []}
    tables = build_tables(turns_frame(), coded_frame(), codes, settings, ACTION)
    damp = cell(tables["code_by_role"], "housing-damp", "facilitator", "role", "code")
    assert (damp["turns_coded"], damp["group_turns"]) == (1, 2)


def test_attribute_matrices_show_missing_values_as_not_recorded(codes):
    turns = turns_frame()
    turns.loc[turns["speaker"] == "Provider 2", "gender"] = None
    by_gender = build_tables(turns, coded_frame(), codes, MATRICES, ACTION)["theme_by_gender"]
    assert set(by_gender["gender"]) == {"female", "male", "(not recorded)"}
    unrecorded = cell(by_gender, "language", "(not recorded)", "gender")
    assert (unrecorded["turns_coded"], unrecorded["participants"]) == (1, 1)


def test_unknown_attribute_is_an_error_naming_the_key(codes):
    with pytest.raises(InputError, match="matrices.attributes") as caught:
        build_tables(turns_frame(), coded_frame(), codes, {**MATRICES, "attributes": ["shoe_size"]}, ACTION)
    assert "shoe_size" in str(caught.value)


def test_cooccurrence_same_turn_and_same_speaker_with_jaccard(tables):
    pairs = tables["cooccurrence"].set_index(["theme_a", "theme_b"])
    language_trust = pairs.loc[("language", "trust")]
    # Turns: language {a#4, a#5, k#3}, trust {a#3, a#4, k#4, k#5}; people (a#4 is the interpreter relaying
    # P02): language {P02, P01, Prov2}, trust {P02, Prov1, Prov2}.
    assert (language_trust["turns_both"], language_trust["turns_either"], language_trust["turn_jaccard"]) == (1, 6, 0.1667)
    assert (language_trust["participants_both"], language_trust["participant_jaccard"]) == (2, 0.5)
    assert pairs.loc[("housing", "trust"), "turns_both"] == 0


def test_framework_matrix_has_a_row_per_participant_and_capped_quotes(codes):
    settings = {**MATRICES, "framework_quotes": 1}
    framework = build_tables(turns_frame(), coded_frame(), codes, settings, ACTION)["framework_matrix"]
    assert list(framework["case"]) == ["P01", "P02", "Provider 1", "Provider 2"]  # never the interpreter
    provider2 = framework.set_index("case").loc["Provider 2"]
    assert provider2["Trust in services"] == "“Trust in the council is low, people tell us that every week.” (kingsmere-providers-1#5)"
    assert provider2["Housing"] == ""
    assert all(cell.count("“") <= 1 for column in ("Housing", "Language", "Trust in services") for cell in framework[column])


def test_framework_matrix_by_transcript_names_the_speaker(codes):
    settings = {**MATRICES, "framework_case": "transcript", "framework_quotes": 5}
    framework = build_tables(turns_frame(), coded_frame(), codes, settings, ACTION)["framework_matrix"].set_index("case")
    trust = framework.loc["kingsmere-providers-1", "Trust in services"].split("\n")
    assert len(trust) == 2
    assert trust[0].endswith("(Provider 1, kingsmere-providers-1#4)")


def test_quote_is_the_sentence_with_the_matched_term_cut_to_length():
    text = "We moved in May. The landlord never fixes anything at all in the flat, ever."
    assert quote_from_turn(text, "landlord", 25) == "The landlord never fixes anything at all in the flat, ever."
    assert quote_from_turn(text, "landlord", 4) == "The landlord never fixes …"
    assert quote_from_turn(text, "an example sentence from the codebook", 25) == "The landlord never fixes anything at all in the flat, ever."
    assert quote_from_turn("Yes. We moved in May.", "", 25) == "Yes."


def test_divergence_lists_largest_gap_first(tables):
    divergence = tables["divergence"]
    top, second = divergence.iloc[0], divergence.iloc[1]
    # Language: community 2 of 2 (P01, and P02 through the interpreter), providers 1 of 2; a tie with trust
    # (community 1 of 2, providers 2 of 2) goes to codebook order.
    assert (top["code"], top["community_share"], top["provider_share"], top["difference"]) == ("language", 1.0, 0.5, 0.5)
    assert top["raised_more_by"] == "community"
    assert (second["code"], second["difference"], second["raised_more_by"]) == ("trust", -0.5, "provider")


def test_action_plan_priority_follows_the_documented_formula(tables):
    plan = tables["action_plan"].set_index("code")
    # trust: P = 4/4, B = (2/2 + 2/2)/2, C = 0.5, D = 0.5 -> 100 * (1 + 1 + 2*0.5 + 0.5) / 5
    assert plan.loc["trust", "priority"] == 70.0
    # housing: P = 2/4 -> 100 * (0.5 + 1 + 1 + 0) / 5; its sub-code is the top sub-code, so P = 1.
    assert plan.loc["housing", "priority"] == 50.0
    assert plan.loc["housing-damp", "priority"] == 60.0
    assert list(tables["action_plan"]["rank"]) == ["1", "2", "3", "3.1"]
    assert plan.loc["housing", "partners"] == "Council housing team; Environmental health"
    assert plan.loc["housing-damp", "partners"] == "Council housing team; Environmental health"  # inherited


def test_action_plan_weights_come_from_config(codes):
    weights = {"prevalence": 0.0, "breadth": 0.0, "community_share": 0.0, "divergence": 1.0}
    plan = build_tables(turns_frame(), coded_frame(), codes, MATRICES, {**ACTION, "weights": weights})["action_plan"]
    assert plan.set_index("code").loc["trust", "priority"] == 50.0
    assert plan.set_index("code").loc["language", "priority"] == 50.0
    assert plan.iloc[0]["code"] == "language"  # a tie goes to codebook order


def test_action_plan_quotes_prefer_community_members_and_are_capped(codes):
    plan = build_tables(turns_frame(), coded_frame(), codes, MATRICES, {**ACTION, "quotes": 2})["action_plan"]
    quotes = plan.set_index("code").loc["trust", "quotes"].split("\n")
    assert len(quotes) == 2
    assert quotes[0] == "“We do not trust the council.” (P02, ashby-community-1#3)"


def test_matrices_command_writes_every_file(tmp_path):
    from click.testing import CliRunner

    from pipeline.cli import cli
    from pipeline.io import write_table

    paths = []
    for kind, frame in (("anonymised", turns_frame()), ("coded", coded_frame())):
        for tid, rows in frame.groupby("transcript_id"):
            path = tmp_path / kind / f"{tid}.parquet"
            write_table(rows, path)
            paths.append(str(path))
    settings = json.dumps({"matrices": {"attributes": ["gender"]}})
    # As Snakemake expands it: one option, then the rest of the files bare.
    args = ["matrices", "--turns", paths[0], paths[1], "--coded", paths[2], paths[3],
            "--codebook", str(CODEBOOK), "--settings", settings, "--outdir", str(tmp_path / "results")]  # fmt: skip
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    out = tmp_path / "results"
    from pipeline.workflow import MATRIX_FILES

    for name in MATRIX_FILES:
        assert (out / name.removeprefix("results/")).exists(), name
    assert (out / "matrices" / "theme_by_gender.csv").exists()
    evidence = pd.read_csv(out / "matrices" / "evidence.csv")
    assert len(evidence) == 10
    info = json.loads((out / "matrices" / "run_info.json").read_text())
    assert info["codebook"]["name"] == "Tiny consultation codebook"
    assert info["participants_by_role"] == {"community": 2, "facilitator": 1, "interpreter": 1, "provider": 2}
    markdown = (out / "matrices" / "action_plan.md").read_text()
    # Language: P = 3/4, B = 1, C = 2/2, D = 0.5 -> 100 * (0.75 + 1 + 2*1 + 0.5) / 5
    assert markdown.splitlines()[2].startswith("| 1 | **Language** | 85.0 |")


def test_workbook_has_a_sheet_per_matrix_with_frozen_headers_and_heat(tables, tmp_path):
    from openpyxl import load_workbook

    from pipeline.matrices.workbook import heat_colour, write_workbook

    path = tmp_path / "theme_matrices.xlsx"
    write_workbook(workbook_sheets(tables), path)
    book = load_workbook(path)
    assert book.sheetnames[:3] == ["Action plan", "Theme x transcript", "Code x transcript"]
    assert {"Theme x site", "Theme x role", "Theme x gender", "Co-occurrence", "Divergence", "Framework", "Evidence"} <= set(book.sheetnames)
    sheet = book["Theme x site"]
    assert sheet.freeze_panes == "C3"  # a note row, the header row, then data
    assert sheet["A3"].value == "housing"
    headers = [c.value for c in sheet[2]]
    column = headers.index("Kingsmere\nparticipant_share") + 1
    trust_row = [r for r in sheet.iter_rows(min_row=3) if r[0].value == "trust"][0]
    assert trust_row[column - 1].value == 1.0
    assert trust_row[column - 1].fill.fgColor.rgb.endswith(heat_colour(1.0))
    assert heat_colour(0) == "FFFFFF" and heat_colour(1) == "C0392B"


def test_no_coded_turns_gives_zeros_and_an_empty_action_plan(codes):
    tables = build_tables(turns_frame(), coded_frame().iloc[0:0], codes, MATRICES, ACTION)
    assert tables["evidence"].empty and tables["action_plan"].empty
    assert tables["theme_by_site"]["turns_coded"].sum() == 0
    assert tables["theme_by_site"]["group_turns"].tolist() == [5, 4, 5, 4, 5, 4]


def test_tiny_study_matches_golden_tables(tables):
    check_golden(tables["theme_by_site"], "outputs-tiny/theme_by_site")
    check_golden(tables["action_plan"].drop(columns=["quotes"]), "outputs-tiny/action_plan")
