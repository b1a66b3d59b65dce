"""Opt-in: start a real one-node SLURM from Debian's packages and run the workflow through it.

    QUALFLOW_TEST_SLURM=1 python3 -m pytest tests/test_slurm.py
Needs root, `apt-get install slurm-wlm munge`, and `pip install -e ".[slurm]"`; .ci/run does all three.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import stat
import subprocess
from pathlib import Path

import pytest

from tests.workflow_project import REPO, copy_project, run_snakemake

pytestmark = [
    pytest.mark.slurm,
    pytest.mark.skipif(os.environ.get("QUALFLOW_TEST_SLURM") != "1", reason="set QUALFLOW_TEST_SLURM=1 to start a real SLURM"),
]

SCRIPT = REPO / "tests" / "slurm" / "single-node.sh"


def cluster(action: str, state: Path, timeout: int) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", str(SCRIPT), action, str(state)], capture_output=True, text=True, timeout=timeout)


@pytest.fixture
def slurm_cluster(tmp_path: Path):
    # Asked for by name: a missing piece is a failure, never a quiet skip.
    if shutil.which("slurmctld") is None or shutil.which("munged") is None or os.geteuid() != 0:
        pytest.fail("the SLURM test needs root and Debian's slurm-wlm and munge packages installed")
    if importlib.util.find_spec("snakemake_executor_plugin_slurm") is None:
        pytest.fail('the SLURM test needs the executor plugin: pip install -e ".[slurm]"')
    state = tmp_path / "slurm"
    try:
        started = cluster("start", state, timeout=120)
    except subprocess.TimeoutExpired:
        started = None
    os.environ["SLURM_CONF"] = str(state / "slurm.conf")
    try:
        if started is None or started.returncode != 0:
            output = "timed out after 120 s" if started is None else started.stdout + started.stderr
            pytest.fail(f"the one-node SLURM did not start:\n{output}\n{cluster('logs', state, 30).stdout}")
        yield state
    finally:
        stopped = cluster("stop", state, timeout=120)
        os.environ.pop("SLURM_CONF", None)
        if stopped.returncode != 0:
            print(f"stopping SLURM failed:\n{stopped.stdout}{stopped.stderr}")


def failure(result: subprocess.CompletedProcess, state: Path) -> str:
    """Snakemake's last output, the queue and the daemons' logs: what to read when the run failed."""
    try:
        queue = subprocess.run(["squeue", "--all", "-o", "%i %j %T %R"], capture_output=True, text=True, timeout=30)
        queue_text = queue.stdout + queue.stderr
    except (OSError, subprocess.TimeoutExpired) as e:
        queue_text = f"(squeue failed: {e})\n"
    logs = cluster("logs", state, timeout=30).stdout
    return f"{result.stderr[-4000:]}\n--- squeue\n{queue_text}{logs}"


def test_example_corpus_runs_through_slurm(tmp_path: Path, slurm_cluster: Path):
    project = copy_project(tmp_path / "project", config={"embedding": {"backend": "tfidf"}})
    result = run_snakemake(
        project,
        "--profile", "profiles/slurm",
        # A test cluster has no accounting database and no accounts.
        "--slurm-no-account", "--slurm-status-command", "squeue",
        "--slurm-init-seconds-before-status-checks", "2",
        timeout=1800,
        umask=0o002,
    )
    assert result.returncode == 0, failure(result, slurm_cluster)
    # The plugin deletes the logs of jobs that succeed, so count submissions in Snakemake's own output.
    submitted = re.findall(r"has been submitted with SLURM jobid (\d+)", result.stderr)
    parse_jobs = len(list((project / "transcripts").glob("*.*"))) - 2  # minus metadata.csv, speakers.csv
    assert len(submitted) >= parse_jobs, "per-transcript jobs did not go through sbatch"
    assert (project / "results" / "leak_check.txt").read_text(encoding="utf-8").startswith("leak check passed")
    assert (project / "results" / "report.html").exists()
    # Cluster jobs write private/ owner-only too.
    private = project / "private"
    open_to_others = [p for p in [private, *private.rglob("*")] if stat.S_IMODE(p.stat().st_mode) & 0o077]
    assert open_to_others == [], open_to_others
