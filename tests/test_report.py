"""The HTML report: built from results/ alone, escaped, self-contained, and clean in a real browser."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pandas as pd
import pytest
from outputs_data import ACTION, MATRICES, coded_frame, tiny_codebook, turns_frame

from pipeline.config import validate_config
from pipeline.errors import InputError
from pipeline.io import write_table
from pipeline.matrices import build_tables, run_info, write_outputs
from pipeline.matrices.codes import code_table
from pipeline.report import write_report

HOSTILE = "We do not trust the council <script>alert('x')</script> & its <b>letters</b>."


def make_results(folder: Path, *, hostile: bool = False, topics: bool = True) -> Path:
    turns = turns_frame()
    if hostile:
        turns.loc[(turns["transcript_id"] == "ashby-community-1") & (turns["turn"] == 3), "text"] = HOSTILE
    codebook = tiny_codebook()
    tables = build_tables(turns, coded_frame(), code_table(codebook), MATRICES, ACTION)
    info = run_info(turns, codebook, MATRICES, ACTION)
    info["run_date"] = "2026-03-10T09:00:00+00:00"
    write_outputs(tables, info, folder, ACTION["weights"])
    for tid, rows in turns.groupby("transcript_id"):
        write_table(rows, folder / "anonymised" / f"{tid}.parquet")
    summary = pd.DataFrame({"category": ["PERSON", "PHONE"], "detector": ["known-list", "rules"], "count": [7, 2]})
    write_table(summary, folder / "anonymised" / "summary.csv")
    if topics:
        write_table(pd.DataFrame({"topic": [0, 1], "label": ["school letters", "bus fares"], "size": [4, 3],
                                  "emergent": [False, True], "top_terms": ["letters, school", "bus, fare"],
                                  "quote_1": ["My son translates the letters", "The bus is dear"]}),
                    folder / "topics" / "topics.csv")  # fmt: skip
    return folder


@pytest.fixture(scope="module")
def report_html(tmp_path_factory) -> str:
    folder = make_results(tmp_path_factory.mktemp("results"), hostile=True)
    write_report(folder, validate_config({"report": {"title": "Ashby & Kingsmere <2026>"}}), folder / "report.html")
    return (folder / "report.html").read_text(encoding="utf-8")


def test_report_has_every_section(report_html):
    for heading in ("Overview", "Themes by site and role", "Action plan", "Community and providers",
                    "Themes in participants&#x27; words", "Themes raised together", "Emergent topics", "Methods"):  # fmt: skip
        assert f"<h2>{heading}</h2>" in report_html, heading


def test_overview_states_counts_codebook_and_anonymisation(report_html):
    assert "<b>2</b><span>transcripts</span>" in report_html
    assert "<b>4</b><span>participants counted</span>" in report_html  # the interpreter is not one
    assert "<td>interpreter</td><td class=num>1</td><td>no (what they relay counts for the participant)</td>" in report_html
    assert ("1 interpreted turns were credited to the participant they relayed (0 by speakers.csv, 1 by adjacency); "
            "0 relayed questions and 0 of the interpreters&#x27; own remarks were credited to no one.") in report_html
    assert "(community) via interpreter, ashby-community-1#4</cite>" in report_html
    assert "<td>facilitator</td><td class=num>1</td><td>no (left out of counts)</td>" in report_html
    assert tiny_codebook().sha256 in report_html
    assert "<td>PERSON</td><td>known-list</td><td class=num>7</td>" in report_html
    assert "run 2026-03-10T09:00:00+00:00" in report_html


def test_heatmap_cells_show_share_and_counts(report_html):
    # Trust at Kingsmere: both providers, 2 of 4 turns.
    assert re.search(r'<td class="heat" style="background:#C0392B;color:#fff">100%<small>2/2 people · 2/4 turns</small>', report_html)


def test_action_plan_and_theme_sections_quote_participants(report_html):
    assert "Trust in services" in report_html
    assert "“My son translates the letters from the school for me.”" in report_html
    assert "<cite>P01 (community), ashby-community-1#5</cite>" in report_html
    assert "Council housing team; Environmental health" in report_html


def test_all_text_is_escaped(report_html):
    assert "<script" not in report_html
    assert "&lt;script&gt;" in report_html
    assert "<b>letters</b>" not in report_html
    assert "<title>Ashby &amp; Kingsmere &lt;2026&gt;</title>" in report_html


def test_report_is_self_contained(report_html):
    assert not re.search(r"https?://", report_html)
    for outside in ("<link", "src=", "@import", "url("):
        assert outside not in report_html, outside


def test_topics_section_lists_emergent_topics(report_html):
    assert "<td>bus fares</td><td class=num>3</td><td>True</td>" in report_html


def test_missing_topics_are_explained(tmp_path):
    folder = make_results(tmp_path, topics=False)
    write_report(folder, validate_config({"topics": {"enabled": False}}), folder / "report.html")
    assert "Topic modelling is switched off (topics.enabled)." in (folder / "report.html").read_text()


def test_report_without_matrices_is_an_error(tmp_path):
    with pytest.raises(InputError, match="run `qualflow matrices` first"):
        write_report(tmp_path, validate_config({}), tmp_path / "report.html")
    assert not (tmp_path / "report.html").exists()


def test_report_command(tmp_path):
    from click.testing import CliRunner

    from pipeline.cli import cli

    folder = make_results(tmp_path)
    settings = '{"report": {"title": "Kingsmere"}, "coding": {}, "anonymise": {}}'
    result = CliRunner().invoke(cli, ["report", str(folder), "--settings", settings, "-o", str(folder / "r.html")])
    assert result.exit_code == 0, result.output
    assert "<h1>Kingsmere</h1>" in (folder / "r.html").read_text()


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt-get install chromium)")
def test_report_renders_in_headless_chromium_without_console_errors(tmp_path):
    folder = make_results(tmp_path / "results", hostile=True)
    report = folder / "report.html"
    write_report(folder, validate_config({}), report)
    with tempfile.TemporaryDirectory() as profile:
        command = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                   "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={profile}",
                   "--enable-logging=stderr", "--v=0", "--dump-dom", report.resolve().as_uri()]  # fmt: skip
        done = subprocess.run(command, capture_output=True, text=True, timeout=120, env={**os.environ, "LANG": "C.UTF-8"})
    assert done.returncode == 0, done.stderr[-2000:]
    console = [line for line in done.stderr.splitlines() if ":CONSOLE" in line]
    assert console == []
    assert "Themes in participants' words" in done.stdout  # the browser parsed the whole document
    assert "<script" not in done.stdout
