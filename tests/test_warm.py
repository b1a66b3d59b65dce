"""Warm start: a command run through the warm server behaves exactly as one run on its own."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from pipeline import warm

TRANSCRIPT = "Facilitator: Welcome, everyone.\nAmina: The flat is damp and the landlord never comes.\n"


def qualflow(*args: str, cwd: Path, warm_dir: Path | None) -> subprocess.CompletedProcess:
    env = {**os.environ, "QUALFLOW_WARM": "1" if warm_dir else "0", "QUALFLOW_WARM_IDLE": "20"}
    if warm_dir:
        env["QUALFLOW_WARM_DIR"] = str(warm_dir)
    return subprocess.run([sys.executable, "-m", "pipeline", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=300)


@pytest.fixture
def warm_dir(tmp_path: Path):
    folder = tmp_path / "warm"
    yield folder
    for sock in folder.glob("*.sock"):  # stop the server this test started
        found = subprocess.run(["pgrep", "-f", f"pipeline.warm {sock}"], capture_output=True, text=True)
        for pid in found.stdout.split():
            os.kill(int(pid), 15)


def test_command_name_skips_global_options() -> None:
    assert warm._command_name(["--log", "results/logs/x.log", "embed", "a.parquet"]) == "embed"
    assert warm._command_name(["-v", "parse", "t.txt"]) == "parse"
    assert warm._command_name(["--version"]) is None


def test_socket_lives_in_the_configured_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUALFLOW_WARM_DIR", str(tmp_path / "w"))
    path = warm.socket_path()
    assert path.parent == tmp_path / "w" and path.name == f"{warm.fingerprint()}.sock"
    assert oct((tmp_path / "w").stat().st_mode & 0o777) == "0o700"


def test_enabled_reads_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    for value, expected in [("1", True), ("0", False), ("", False), ("false", False)]:
        monkeypatch.setenv("QUALFLOW_WARM", value)
        assert warm.enabled() is expected


def test_warm_run_matches_a_cold_run(tmp_path: Path, warm_dir: Path) -> None:
    (tmp_path / "group.txt").write_text(TRANSCRIPT, encoding="utf-8")
    cold = qualflow("parse", "group.txt", "-o", "cold.parquet", cwd=tmp_path, warm_dir=None)
    first = qualflow("--log", "logs/parse.log", "parse", "group.txt", "-o", "warm.parquet", cwd=tmp_path,
                     warm_dir=warm_dir)
    assert cold.returncode == first.returncode == 0, first.stderr
    assert list(warm_dir.glob("*.sock")), "the first warm job starts a server"
    pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / "cold.parquet"), pd.read_parquet(tmp_path / "warm.parquet"))
    assert "Resources - wall" in (tmp_path / "logs/parse.log").read_text(encoding="utf-8")

    again = qualflow("parse", "group.txt", "-o", "again.parquet", cwd=tmp_path, warm_dir=warm_dir)
    assert again.returncode == 0
    pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / "cold.parquet"), pd.read_parquet(tmp_path / "again.parquet"))


def test_warm_errors_and_exit_codes_match_a_cold_run(tmp_path: Path, warm_dir: Path) -> None:
    for args in (["parse", "missing.txt", "-o", "x.parquet"], ["no-such-command"], ["--version"]):
        cold = qualflow(*args, cwd=tmp_path, warm_dir=None)
        hot = qualflow(*args, cwd=tmp_path, warm_dir=warm_dir)
        assert (hot.returncode, hot.stdout, hot.stderr) == (cold.returncode, cold.stdout, cold.stderr), args
    assert not (tmp_path / "x.parquet").exists()


def test_the_server_stops_when_idle(tmp_path: Path) -> None:
    folder = tmp_path / "warm"
    env = {**os.environ, "QUALFLOW_WARM": "1", "QUALFLOW_WARM_DIR": str(folder), "QUALFLOW_WARM_IDLE": "1"}
    done = subprocess.run([sys.executable, "-m", "pipeline", "--version"], env=env, capture_output=True, text=True,
                          cwd=tmp_path, timeout=120)
    assert done.returncode == 0 and "qualflow" in done.stdout
    deadline = time.monotonic() + 30
    while list(folder.glob("*.sock")) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not list(folder.glob("*.sock"))


def test_the_embedding_warm_up_loads_the_backend_the_job_names():
    from pipeline.warm import _embedding_settings

    embed = ["qualflow", "embed", "a.parquet", "--settings", '{"backend": "minilm-int8", "batch_size": 64}']
    codebook = ["qualflow", "embed-codebook", "c.yaml", "--settings", '{"coding": {}, "embedding": {"backend": "tfidf"}}']
    assert _embedding_settings(embed)["backend"] == "minilm-int8"
    assert _embedding_settings(codebook) == {"backend": "tfidf"}
    assert _embedding_settings(["qualflow", "embed", "a.parquet"]) == {"backend": "minilm"}
    assert _embedding_settings(["qualflow", "embed", "--settings", "not json"]) == {"backend": "minilm"}
