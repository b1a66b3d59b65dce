"""The bundled example study, run end to end with the default settings.

Golden files pin the theme matrices (regenerate on purpose only, see tests/golden.py);
every planted identifier must be absent from every file under results/.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from pipeline.anonymise.leaks import file_texts
from tests.golden import check_golden
from tests.workflow_project import REPO, copy_project, run_snakemake

pytestmark = pytest.mark.slow

PLANTED = REPO / "tests" / "data" / "example-identifiers.csv"


@pytest.fixture(scope="module")
def example_run(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("examples") / "project")
    result = run_snakemake(project)
    assert result.returncode == 0, result.stderr[-5000:]
    return project


def _results_text(project: Path) -> dict[Path, str]:
    return {path: "\n".join(file_texts(path)) for path in sorted((project / "results").rglob("*"))
            if path.is_file() and "logs" not in path.parts}


def test_no_planted_identifier_appears_in_any_result_file(example_run: Path):
    planted = pd.read_csv(PLANTED, dtype=str)
    texts = _results_text(example_run)
    found = []
    for term, category in sorted(set(zip(planted["term"], planted["category"]))):
        # Whole words, any case: "Price" the surname, not "half-price" the fare.
        pattern = re.compile(rf"(?<![\w-]){re.escape(term)}(?![\w-])", re.IGNORECASE if " " in term else 0)
        for path, text in texts.items():
            if pattern.search(text):
                found.append(f"{category} '{term}' in {path.relative_to(example_run)}")
    assert found == []


def test_no_result_file_spells_a_missing_value_as_text(example_run: Path):
    from missing_text import findings

    assert findings(example_run / "results") == []


def test_speaker_labels_in_results_are_pseudonyms(example_run: Path):
    speakers = pd.read_csv(REPO / "transcripts" / "speakers.csv", dtype=str)
    turns = pd.concat(pd.read_parquet(p) for p in (example_run / "results" / "anonymised").glob("*.parquet"))
    assert not set(turns["speaker"]) & set(speakers["speaker"])
    assert set(turns["speaker"]) <= {s for s in turns["speaker"] if re.fullmatch(r"P\d\d|(Facilitator|Interpreter|Provider|Other) \d+", s)}
    # One person across two sessions keeps one pseudonym (Gary Whitfield, housing officer, S01).
    whitfield = turns[turns["transcript_id"].isin(["ashby-vale-open-dialogue", "kingsmere-open-dialogue-police"])
                      & (turns["role"] == "provider")]
    assert whitfield.groupby("speaker")["transcript_id"].nunique().max() == 2


def test_matrix_counts_equal_the_evidence_behind_them(example_run: Path):
    matrices = example_run / "results" / "matrices"
    evidence = pd.read_csv(matrices / "evidence.csv")
    by_site = pd.read_csv(matrices / "theme_by_site.csv")
    expected = evidence.drop_duplicates(["theme", "site", "transcript_id", "turn"]).groupby(["theme", "site"]).size()
    got = by_site[by_site["turns_coded"] > 0].set_index(["theme", "site"])["turns_coded"]
    pd.testing.assert_series_equal(got.sort_index(), expected.sort_index(), check_names=False)


def test_theme_matrices_match_their_golden_files(example_run: Path):
    matrices = example_run / "results" / "matrices"
    for name in ("theme_by_site", "theme_by_role", "theme_by_group_type", "code_by_role"):
        check_golden(pd.read_csv(matrices / f"{name}.csv"), f"examples/{name}")
    plan = pd.read_csv(matrices / "action_plan.csv")
    check_golden(plan[["rank", "level", "code", "theme", "priority", "turns_coded", "participants",
                       "community_share", "provider_share", "divergence"]], "examples/action_plan")


def test_public_transport_surfaces_as_an_emergent_topic(example_run: Path):
    topics = pd.read_csv(example_run / "results" / "topics" / "topics.csv")
    words = " ".join(topics.astype(str).agg(" ".join, axis=1)).lower()
    assert re.search(r"\bbus(es)?\b", words)
    candidates = (example_run / "results" / "topics" / "candidate_codes.yaml").read_text(encoding="utf-8").lower()
    assert "bus" in candidates


def test_report_is_one_offline_file(example_run: Path):
    html = (example_run / "results" / "report.html").read_text(encoding="utf-8")
    assert "<html" in html.lower() and "Housing" in html
    assert not re.search(r"""(src|href)=["']https?://""", html)
