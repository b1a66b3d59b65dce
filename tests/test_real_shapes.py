"""The whole workflow on a corpus in the shapes real transcripts have and our examples lack.

Committee hearings (benchmarks/generate_corpus.py --real-shapes): 300 speakers with
labels such as "Hon. Zoë O'Neil-Dubois (St. Albans—Lower Ferry, Harbour Party)",
label lines with no words, a site, a group type and a date left blank, one site per
country, a speakers.csv with no attribute columns, `matrices.attributes: []`, and no
one in the community role. It must run clean, and no file under results/ may spell a
missing value as "nan", "None" or "NaT".
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pandas as pd
import pytest
from missing_text import findings

from benchmarks.generate_corpus import generate_real_shapes
from pipeline.io import NOT_RECORDED
from tests.workflow_project import copy_project, run_snakemake

pytestmark = pytest.mark.slow

SPEAKERS_PER_TRANSCRIPT = 100
CONFIG = {"embedding": {"backend": "tfidf"}, "anonymise": {"keep": []}, "matrices": {"attributes": []}}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("real-shapes") / "transcripts"
    generate_real_shapes(folder, transcripts=3, words=1500, seed=7, speakers_per_transcript=SPEAKERS_PER_TRANSCRIPT)
    return folder


@pytest.fixture(scope="module")
def real_run(corpus: Path) -> Path:
    project = copy_project(corpus.parent / "project", transcripts=corpus, config=CONFIG)
    result = run_snakemake(project)
    assert result.returncode == 0, result.stderr[-5000:]
    return project


def test_the_corpus_has_the_shapes_of_a_real_one(corpus: Path):
    metadata = pd.read_csv(corpus / "metadata.csv", dtype=str, keep_default_na=False)
    for column in ("site", "date", "group_type"):
        assert (metadata[column] == "").sum() == 1, column
    assert metadata["site"].replace("", pd.NA).dropna().is_unique  # one site per country
    speakers = pd.read_csv(corpus / "speakers.csv", dtype=str)
    assert list(speakers.columns) == ["transcript_id", "speaker", "role"]
    assert len(speakers) >= 3 * SPEAKERS_PER_TRANSCRIPT and "community" not in set(speakers["role"])
    labels = " ".join(speakers["speaker"])
    for mark in ("Hon. ", "Mr. ", "(", ",", "'", "-", "—", "."):
        assert mark in labels, mark
    assert any(not label.isascii() for label in speakers["speaker"])
    assert max(map(len, speakers["speaker"])) > 60
    text = (corpus / "hearing-001.txt").read_text(encoding="utf-8")
    assert re.search(r"^[^:\n]+:$", text, re.MULTILINE), "no label line without words"


def test_the_parser_finds_every_listed_speaker_and_drops_empty_turns(real_run: Path, corpus: Path):
    speakers = pd.read_csv(corpus / "speakers.csv", dtype=str)
    for path in sorted((real_run / "private" / "turns").glob("*.parquet")):
        turns = pd.read_parquet(path)
        listed = set(speakers.loc[speakers["transcript_id"] == path.stem, "speaker"])
        assert set(turns["speaker"]) == listed
        assert (turns["text"].str.strip() != "").all()


def test_every_aggregate_output_is_written(real_run: Path):
    results = real_run / "results"
    for path in ["matrices/theme_by_site.csv", "matrices/framework_matrix.csv", "matrices/action_plan.md",
                 "theme_matrices.xlsx", "report.html", "export/project.qdpx", "topics/topics.csv",
                 "topics/topic_by_site.csv", "leak_check.txt"]:  # fmt: skip
        assert (results / path).is_file(), path


def test_no_result_file_spells_a_missing_value_as_text(real_run: Path):
    assert findings(real_run / "results") == []


def test_no_table_under_results_has_a_column_without_a_name(real_run: Path):
    for path in sorted((real_run / "results").rglob("*.csv")):
        with open(path, encoding="utf-8", newline="") as handle:
            header = next(csv.reader(handle), [])
        assert all(name.strip() for name in header), f"{path.name}: {header}"


def test_blank_metadata_reads_not_recorded(real_run: Path):
    matrices = real_run / "results" / "matrices"
    for name, column in (("theme_by_site", "site"), ("theme_by_group_type", "group_type")):
        table = pd.read_csv(matrices / f"{name}.csv", keep_default_na=False)
        assert NOT_RECORDED in set(table[column]), name
    topics = pd.read_csv(real_run / "results" / "topics" / "topic_by_site.csv")
    assert NOT_RECORDED in topics.columns
    html = (real_run / "results" / "report.html").read_text(encoding="utf-8")
    assert "(not recorded for 1 transcript)" in html
