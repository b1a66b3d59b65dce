"""Opt-in: start a real one-node SLURM from Debian's packages and run the workflow through it.

    QUALFLOW_TEST_SLURM=1 python3 -m pytest tests/test_slurm.py
Needs root, `apt-get install slurm-wlm munge`, and `pip install -e ".[slurm]"`.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.workflow_project import REPO, copy_project, run_snakemake

pytestmark = [
    pytest.mark.slurm,
    pytest.mark.skipif(os.environ.get("QUALFLOW_TEST_SLURM") != "1", reason="set QUALFLOW_TEST_SLURM=1 to start a real SLURM"),
]


@pytest.fixture
def slurm_cluster(tmp_path: Path):
    if shutil.which("slurmctld") is None or os.geteuid() != 0:
        pytest.fail("the SLURM test needs root and Debian's slurm-wlm and munge packages installed")
    pytest.importorskip("snakemake_executor_plugin_slurm")
    state = tmp_path / "slurm"
    script = REPO / "tests" / "slurm" / "single-node.sh"
    subprocess.run(["bash", str(script), "start", str(state)], check=True, timeout=120)
    os.environ["SLURM_CONF"] = str(state / "slurm.conf")
    try:
        yield state
    finally:
        subprocess.run(["bash", str(script), "stop", str(state)], timeout=60)
        os.environ.pop("SLURM_CONF", None)


def test_example_corpus_runs_through_slurm(tmp_path: Path, slurm_cluster: Path):
    project = copy_project(tmp_path / "project", config={"embedding": {"backend": "tfidf"}})
    shutil.copytree(REPO / "profiles", project / "profiles")
    result = run_snakemake(
        project,
        "--profile", "profiles/slurm",
        # A test cluster has no accounting database and no accounts.
        "--slurm-no-account", "--slurm-status-command", "squeue",
        "--slurm-init-seconds-before-status-checks", "2",
        timeout=1800,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    # The plugin deletes the logs of jobs that succeed, so count submissions in Snakemake's own output.
    submitted = re.findall(r"has been submitted with SLURM jobid (\d+)", result.stderr)
    parse_jobs = len(list((project / "transcripts").glob("*.*"))) - 2  # minus metadata.csv, speakers.csv
    assert len(submitted) >= parse_jobs, "per-transcript jobs did not go through sbatch"
    assert (project / "results" / "leak_check.txt").read_text(encoding="utf-8").startswith("leak check passed")
    assert (project / "results" / "report.html").exists()
