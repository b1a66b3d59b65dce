"""Agreement figures checked against hand arithmetic, the libraries, and the degenerate cases."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from pipeline.agreement import (
    POOLED,
    Coding,
    _stats_from_sums,
    _unit_sums,
    agreement_table,
    alpha_nominal,
    check_codes_known,
    kappa_two_raters,
    map_codes,
    read_coding,
    read_units,
)
from pipeline.errors import CodingFileError

FIXTURES = "tests/fixtures/agreement"


@pytest.fixture
def fixtures(repo_root):
    return repo_root / FIXTURES


def by_code(table: pd.DataFrame) -> dict[str, pd.Series]:
    return {row["code"]: row for _, row in table.iterrows()}


def coding(rater: str, pairs: list[tuple[int, str]], transcript: str = "t1") -> Coding:
    rows = pd.DataFrame(
        {
            "transcript_id": [transcript] * len(pairs),
            "turn": np.array([p[0] for p in pairs], dtype=np.int64),
            "code": [p[1] for p in pairs],
            "line": np.arange(len(pairs), dtype=np.int64) + 2,
        }
    )
    return Coding(rater=rater, path=f"{rater}.csv", rows=rows)


def test_two_raters_match_hand_arithmetic(fixtures):
    # Ten turns. housing: alice {1,2,3,4}, bilal {1,2,3,5}.
    #   both yes 1,2,3; both no 6..10; disagree 4,5 -> po = 8/10 = 0.8
    #   pa = pb = 0.4 -> pe = 0.4*0.4 + 0.6*0.6 = 0.52 -> kappa = (0.8-0.52)/(1-0.52) = 0.28/0.48
    #   alpha: n = 20 values, n1 = 8, n0 = 12, one yes/no coincidence per disagreeing unit -> o01 = 2
    #          alpha = 1 - (n-1) * o01 / (n0*n1) = 1 - 19*2/96
    # language: both {6,7} -> perfect, kappa = alpha = 1.
    # discrimination: alice never, bilal {8} -> po = 0.9, pe = 1*0.9 + 0*0.1 = 0.9 -> kappa 0;
    #   alpha: n1 = 1, n0 = 19, o01 = 1 -> 1 - 19*1/19 = 0.
    raters = [read_coding(fixtures / "alice.csv"), read_coding(fixtures / "bilal.csv")]
    units = read_units([fixtures / "units-site-a-01-ten-turns.csv"])
    table = agreement_table(raters, units=units, codes=["housing", "language", "discrimination", "trust"], bootstrap=200)
    rows = by_code(table)

    housing = rows["housing"]
    assert housing["n_units"] == 10
    assert housing["percent_agreement"] == pytest.approx(0.8)
    assert housing["prevalence_alice"] == pytest.approx(0.4)
    assert housing["prevalence_bilal"] == pytest.approx(0.4)
    assert housing["kappa"] == pytest.approx(0.28 / 0.48)
    assert housing["alpha"] == pytest.approx(1 - 19 * 2 / 96)
    assert housing["kappa_low"] <= housing["kappa"] <= housing["kappa_high"]
    assert housing["note"] == ""

    assert rows["language"]["kappa"] == pytest.approx(1.0)
    assert rows["language"]["alpha"] == pytest.approx(1.0)
    assert rows["language"]["percent_agreement"] == pytest.approx(1.0)

    discrimination = rows["discrimination"]
    assert discrimination["kappa"] == pytest.approx(0.0)
    assert discrimination["alpha"] == pytest.approx(0.0)
    assert discrimination["percent_agreement"] == pytest.approx(0.9)
    assert discrimination["note"] == "alice never used this code"

    # A codebook code nobody used: no variation, so undefined (NaN), not 1.0.
    trust = rows["trust"]
    assert math.isnan(trust["kappa"]) and math.isnan(trust["alpha"])
    assert trust["percent_agreement"] == pytest.approx(1.0)
    assert trust["prevalence_mean"] == 0.0
    assert "no rater used this code" in trust["note"]

    # Pooled over the three codes anyone used: 30 decisions, 3 disagreements.
    #   po = 27/30 = 0.9; pa = 6/30 = 0.2, pb = 7/30 -> pe = 0.2*7/30 + 0.8*23/30 = 19.8/30 = 0.66
    #   kappa = (0.9-0.66)/0.34; alpha: n = 60, n1 = 13, n0 = 47, o01 = 3 -> 1 - 59*3/(47*13)
    pooled = rows[POOLED]
    assert pooled["percent_agreement"] == pytest.approx(0.9)
    assert pooled["kappa"] == pytest.approx(0.24 / 0.34)
    assert pooled["alpha"] == pytest.approx(1 - 59 * 3 / (47 * 13))
    assert list(table["code"]) == ["housing", "language", "discrimination", "trust", POOLED]


def test_three_raters_alpha_and_all_agree(fixtures):
    # housing over ten turns: alice {1,2,3,4}, bilal {1,2,3,5}, carmen {1,2,4}.
    #   yes-count per unit k = 3,3,2,2,1,0,0,0,0,0; coincidences o01 = sum k(3-k)/2 = 1+1+1 = 3
    #   n = 30, n1 = 11, n0 = 19 -> alpha = 1 - 29*3/(19*11) = 1 - 87/209
    #   all three agree on units 1,2 and 6..10 -> 7/10
    raters = [read_coding(fixtures / f"{name}.csv") for name in ("alice", "bilal", "carmen")]
    units = read_units([fixtures / "units-site-a-01-ten-turns.csv"])
    rows = by_code(agreement_table(raters, units=units, bootstrap=0))
    housing = rows["housing"]
    assert housing["alpha"] == pytest.approx(1 - 87 / 209)
    assert housing["percent_agreement"] == pytest.approx(0.7)
    assert housing["prevalence_mean"] == pytest.approx((0.4 + 0.4 + 0.3) / 3)
    assert math.isnan(housing["kappa"])
    assert "kappa needs exactly two raters, not 3" in rows[POOLED]["note"]
    assert math.isnan(housing["alpha_low"])  # --bootstrap 0: no intervals


def test_without_units_only_coded_turns_count(fixtures):
    # The union of coded turns is 1..8 (turns 9, 10 nobody coded), so housing has 8 units:
    #   po = 6/8; pa = pb = 4/8 -> pe = 0.5 -> kappa = (0.75-0.5)/0.5 = 0.5
    raters = [read_coding(fixtures / "alice.csv"), read_coding(fixtures / "bilal.csv")]
    rows = by_code(agreement_table(raters, bootstrap=0))
    assert rows["housing"]["n_units"] == 8
    assert rows["housing"]["kappa"] == pytest.approx(0.5)


def test_every_rater_coding_every_unit_is_undefined():
    a = coding("a", [(1, "x"), (2, "x"), (1, "y")])
    b = coding("b", [(1, "x"), (2, "x"), (2, "y")])
    rows = by_code(agreement_table([a, b], bootstrap=0))
    assert math.isnan(rows["x"]["kappa"]) and math.isnan(rows["x"]["alpha"])
    assert rows["x"]["note"] == "every rater applied this code to every unit: kappa and alpha undefined"
    # y: a on turn 1 only, b on turn 2 only -> po 0, pe = 0.5 -> kappa -1
    assert rows["y"]["kappa"] == pytest.approx(-1.0)


def test_rater_constant_yes_is_noted():
    a = coding("a", [(1, "x"), (2, "x"), (3, "x"), (3, "y")])
    b = coding("b", [(1, "x"), (3, "y")])
    rows = by_code(agreement_table([a, b], bootstrap=0))
    assert rows["x"]["note"] == "a applied this code to every unit"
    assert rows["x"]["kappa"] == pytest.approx(0.0)


@pytest.mark.parametrize("n_raters", [2, 3, 4])
def test_closed_forms_equal_the_libraries(n_raters):
    # The bootstrap uses closed forms over per-unit sums; they must give the libraries' figures.
    rng = np.random.default_rng(7)
    for _ in range(20):
        decisions = rng.random((n_raters, 40)) < rng.uniform(0.1, 0.6)
        sums = {k: v.sum() for k, v in _unit_sums(decisions).items()}
        stats = _stats_from_sums(sums, n_raters)
        assert float(stats["alpha"]) == pytest.approx(alpha_nominal(decisions))
        if n_raters == 2:
            from sklearn.metrics import cohen_kappa_score

            expected = cohen_kappa_score(decisions[0].astype(int), decisions[1].astype(int))
            assert float(stats["kappa"]) == pytest.approx(expected)
            assert kappa_two_raters(decisions[0], decisions[1]) == pytest.approx(expected)


def test_bootstrap_is_seeded(fixtures):
    raters = [read_coding(fixtures / "alice.csv"), read_coding(fixtures / "bilal.csv")]
    first = agreement_table(raters, bootstrap=300, seed=3)
    again = agreement_table(raters, bootstrap=300, seed=3)
    other = agreement_table(raters, bootstrap=300, seed=4)
    pd.testing.assert_frame_equal(first, again)
    assert not first["kappa_low"].equals(other["kappa_low"])


def test_missing_column_is_named(fixtures):
    with pytest.raises(CodingFileError, match=r"missing column\(s\) code; expected columns transcript_id,turn,code") as e:
        read_coding(fixtures / "missing-code-column.csv")
    assert e.value.path.endswith("missing-code-column.csv")


def test_non_integer_turns_listed_with_lines(fixtures):
    with pytest.raises(CodingFileError) as e:
        read_coding(fixtures / "non-integer-turn.csv")
    message = str(e.value)
    assert "2 problems" in message
    assert "non-integer-turn.csv:3: turn '2.5' is not a whole number >= 1" in message
    assert "non-integer-turn.csv:4: turn 'three' is not a whole number >= 1" in message
    assert ":5:" not in message  # "4.0" is a whole number, as spreadsheets write them


def test_unknown_codes_listed_with_lines_and_suggestion(fixtures):
    rater = read_coding(fixtures / "unknown-codes.csv")
    with pytest.raises(CodingFileError) as e:
        check_codes_known([rater], ["housing", "housing-damp", "language"], "codebooks/test.yaml")
    message = str(e.value)
    assert "2 unknown codes" in message
    assert "unknown-codes.csv:3: code 'housing-dmp' is not in codebooks/test.yaml; did you mean 'housing-damp'?" in message
    assert "unknown-codes.csv:4: code 'weather' is not in codebooks/test.yaml" in message


def test_coded_turn_missing_from_units(fixtures, tmp_path):
    units_file = tmp_path / "units.csv"
    units_file.write_text("transcript_id,turn\nsite-a-01,1\nsite-a-01,2\n", encoding="utf-8")
    raters = [read_coding(fixtures / "alice.csv"), read_coding(fixtures / "bilal.csv")]
    with pytest.raises(CodingFileError, match=r"alice.csv:5: transcript 'site-a-01' turn 4 is not among the units"):
        agreement_table(raters, units=read_units([units_file]))


def test_one_rater_is_not_enough(fixtures):
    with pytest.raises(CodingFileError, match="at least two coding files, got 1"):
        agreement_table([read_coding(fixtures / "alice.csv")])


def test_workflow_coded_parquet_counts_only_counted_rows(tmp_path, fixtures):
    coded = tmp_path / "coded"
    coded.mkdir()
    pd.DataFrame(
        {
            "transcript_id": ["site-a-01"] * 4,
            "turn": [1, 2, 3, 9],
            "code": ["housing", "housing", "housing", "housing"],
            "theme": ["housing"] * 4,
            "score": [0.9, 0.8, 0.7, 0.6],
            "method": ["terms"] * 4,
            "evidence": ["landlord"] * 4,
            "polarity": ["affirmed", "affirmed", "affirmed", "negated"],
            "counted": [True, True, True, False],
        }
    ).to_parquet(coded / "site-a-01.parquet", index=False)
    workflow = read_coding(coded)
    assert workflow.rater == "coded"
    assert sorted(workflow.rows["turn"]) == [1, 2, 3]
    units = read_units([fixtures / "units-site-a-01-ten-turns.csv"])
    rows = by_code(agreement_table([read_coding(fixtures / "alice.csv"), workflow], units=units, bootstrap=0))
    # housing: alice {1,2,3,4}, workflow {1,2,3} -> po 0.9, pa .4, pb .3, pe = .12 + .42 = .54 -> kappa .36/.46
    assert rows["housing"]["kappa"] == pytest.approx(0.36 / 0.46)


def test_theme_level_merges_sub_codes():
    a = coding("a", [(1, "housing-damp"), (1, "housing-rent"), (2, "language")])
    themes = {"housing-damp": "housing", "housing-rent": "housing", "language": "language"}
    merged = map_codes(a, themes)
    assert sorted(zip(merged.rows["turn"], merged.rows["code"])) == [(1, "housing"), (2, "language")]


def test_same_stem_raters_get_distinct_columns(tmp_path, fixtures):
    for folder in ("round1", "round2"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "alice.csv").write_text((fixtures / "alice.csv").read_text(), encoding="utf-8")
    raters = [read_coding(tmp_path / "round1" / "alice.csv"), read_coding(tmp_path / "round2" / "alice.csv")]
    table = agreement_table(raters, bootstrap=0)
    assert "prevalence_round1/alice" in table.columns and "prevalence_round2/alice" in table.columns


def test_command_with_codebook_lists_unused_codes_and_writes_csv(fixtures, tmp_path):
    from click.testing import CliRunner

    from pipeline.cli import cli

    out = tmp_path / "agreement.csv"
    result = CliRunner().invoke(cli, [
        "agreement", str(fixtures / "alice.csv"), str(fixtures / "bilal.csv"),
        "--codebook", str(fixtures / "three-themes.codebook.yaml"),
        "--units", str(fixtures / "units-site-a-01-ten-turns.csv"), "--bootstrap", "100", "-o", str(out),
    ])
    assert result.exit_code == 0, result.output
    table = pd.read_csv(out)
    # Codebook order, every code (unused ones too), then the pooled row.
    assert list(table["code"]) == ["housing", "housing-damp", "language", "discrimination", "trust", POOLED]
    assert table.loc[0, "kappa"] == pytest.approx(0.28 / 0.48)
    assert math.isnan(table.loc[1, "kappa"])
    lines = result.output.splitlines()
    assert lines[0].split()[:4] == ["code", "units", "prev", "agree"]
    assert lines[2].split()[:5] == ["housing", "10", "0.400", "0.800", "0.583"]


def test_command_theme_level_rolls_sub_codes_up(fixtures, tmp_path):
    from click.testing import CliRunner

    from pipeline.cli import cli

    out = tmp_path / "themes.csv"
    # dilek codes turns 1, 3, 4 as housing-damp and 2 as housing: as themes, the same turns as alice.
    result = CliRunner().invoke(cli, [
        "agreement", str(fixtures / "alice.csv"), str(fixtures / "dilek-sub-codes.csv"),
        "--codebook", str(fixtures / "three-themes.codebook.yaml"), "--level", "theme",
        "--units", str(fixtures / "units-site-a-01-ten-turns.csv"), "--bootstrap", "0", "-o", str(out),
    ])
    assert result.exit_code == 0, result.output
    table = pd.read_csv(out).set_index("code")
    assert list(table.index) == ["housing", "language", "discrimination", "trust", POOLED]
    assert table.loc["housing", "kappa"] == pytest.approx(1.0)
    assert table.loc["housing", "prevalence_dilek-sub-codes"] == pytest.approx(0.4)


def test_command_unknown_codes_is_one_error(fixtures, capsys):
    from pipeline.cli import main

    with pytest.raises(SystemExit) as e:
        main(["agreement", str(fixtures / "alice.csv"), str(fixtures / "unknown-codes.csv"),
              "--codebook", str(fixtures / "three-themes.codebook.yaml")])
    assert e.value.code == 1
    err = capsys.readouterr().err
    assert err.startswith("error: 2 unknown codes:")
    assert "unknown-codes.csv:3: code 'housing-dmp' is not in" in err


def test_theme_level_needs_a_codebook(fixtures, capsys):
    from pipeline.cli import main

    with pytest.raises(SystemExit):
        main(["agreement", str(fixtures / "alice.csv"), str(fixtures / "bilal.csv"), "--level", "theme"])
    assert "--level theme needs --codebook" in capsys.readouterr().err


def test_header_only_file_is_a_rater_who_coded_nothing(tmp_path, fixtures, caplog):
    empty = tmp_path / "erin.csv"
    empty.write_text("transcript_id,turn,code\n", encoding="utf-8")
    rater = read_coding(empty)
    assert rater.rows.empty
    assert "no coded turns; rater 'erin' applied no code" in caplog.text
    units = read_units([fixtures / "units-site-a-01-ten-turns.csv"])
    rows = by_code(agreement_table([read_coding(fixtures / "alice.csv"), rater], units=units, bootstrap=0))
    # housing: alice 4 of 10, erin none -> po 0.6, pe = 0.4*0 + 0.6*1 = 0.6 -> kappa 0
    assert rows["housing"]["percent_agreement"] == pytest.approx(0.6)
    assert rows["housing"]["kappa"] == pytest.approx(0.0)
    assert rows["housing"]["note"] == "erin never used this code"


def test_units_from_a_folder_of_anonymised_parquet(tmp_path):
    folder = tmp_path / "anonymised"
    folder.mkdir()
    for tid, n in (("site-b-02", 3), ("site-a-01", 2)):
        pd.DataFrame({"transcript_id": [tid] * n, "turn": list(range(1, n + 1)), "speaker": ["P01"] * n,
                      "text": ["(anonymised)"] * n}).to_parquet(folder / f"{tid}.parquet", index=False)
    units = read_units([folder])
    assert list(zip(units["transcript_id"], units["turn"])) == [
        ("site-a-01", 1), ("site-a-01", 2), ("site-b-02", 1), ("site-b-02", 2), ("site-b-02", 3)]
    pd.DataFrame({"transcript_id": ["x"], "speaker": ["P01"]}).to_parquet(folder / "bad.parquet", index=False)
    with pytest.raises(CodingFileError, match=r"missing column\(s\) turn; a units file needs transcript_id,turn"):
        read_units([folder])
