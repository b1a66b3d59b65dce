"""Make a runnable copy of the workflow in a temporary folder and run Snakemake in it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
WORKFLOW_PARTS = ("Snakefile", "rules", "envs", "codebooks", "profiles")


def copy_project(dst: Path, *, transcripts: Path | None = None, config: dict | None = None) -> Path:
    """Copy the workflow, the codebooks and a transcripts folder (the examples by default) into `dst`."""
    dst.mkdir(parents=True, exist_ok=True)
    for part in WORKFLOW_PARTS:
        source = REPO / part
        if source.is_dir():
            shutil.copytree(source, dst / part)
        else:
            shutil.copy2(source, dst / part)
    shutil.copytree(transcripts or REPO / "transcripts", dst / "transcripts")
    settings = yaml.safe_load((REPO / "config.yaml").read_text(encoding="utf-8"))
    for section, values in (config or {}).items():
        settings.setdefault(section, {}).update(values)
    (dst / "config.yaml").write_text(yaml.safe_dump(settings, sort_keys=False), encoding="utf-8")
    return dst


def copy_run(src: Path, dst: Path) -> Path:
    """Copy a project that has run, without its warm server's folder (a socket cannot be copied)."""

    def warm_folder(folder: str, names: list[str]) -> list[str]:
        return ["warm"] if Path(folder).name == ".snakemake" and "warm" in names else []

    shutil.copytree(src, dst, symlinks=True, ignore=warm_folder)
    return dst


def run_snakemake(project: Path, *args: str, timeout: int = 1200, umask: int | None = None) -> subprocess.CompletedProcess:
    """Run Snakemake in `project`; with `umask`, Snakemake and its jobs start with that umask."""
    env = dict(os.environ, HF_HUB_OFFLINE="1", HF_HUB_DISABLE_PROGRESS_BARS="1", TOKENIZERS_PARALLELISM="false")
    previous = os.umask(umask) if umask is not None else None
    try:
        return subprocess.run(
            [sys.executable, "-m", "snakemake", "--cores", "2", *args],
            cwd=project,
            capture_output=True,
            text=True,
            timeout=timeout,
            env=env,
        )
    finally:
        if previous is not None:
            os.umask(previous)
