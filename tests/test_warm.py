"""Warm start: a command run through the warm server behaves exactly as one run on its own."""

from __future__ import annotations

import os
import re
import signal
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


def stop_servers(folder: Path) -> None:
    """Stop the servers a test started in `folder` (their command line names it)."""
    found = subprocess.run(["pgrep", "-f", f"pipeline.warm {folder} "], capture_output=True, text=True)
    for pid in found.stdout.split():
        os.kill(int(pid), signal.SIGTERM)


@pytest.fixture
def warm_dir(tmp_path: Path):
    folder = tmp_path / "warm"
    yield folder
    stop_servers(folder)


def test_command_name_skips_global_options() -> None:
    assert warm._command_name(["--log", "results/logs/x.log", "embed", "a.parquet"]) == "embed"
    assert warm._command_name(["-v", "parse", "t.txt"]) == "parse"
    assert warm._command_name(["--version"]) is None
    assert warm._command_name(["--log", "t.log", "--benchmark", "results/logs/benchmarks/topics.tsv", "topics"]) == "topics"


def test_socket_lives_in_the_configured_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUALFLOW_WARM_DIR", str(tmp_path / "w"))
    folder, fd = warm.first_usable_folder()
    os.close(fd)
    assert folder == tmp_path / "w"
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


# --- a shared machine: only the user can reach the socket -------------------------------------


def test_the_socket_folder_is_the_runtime_folder_then_the_projects_then_a_temporary_one(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("QUALFLOW_WARM_DIR", raising=False)
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".snakemake").mkdir()
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    assert warm.candidate_folders()[:2] == [runtime / "qualflow-warm", tmp_path / ".snakemake" / "warm"]
    monkeypatch.delenv("XDG_RUNTIME_DIR")
    assert warm.candidate_folders()[0] == tmp_path / ".snakemake" / "warm"
    assert warm.candidate_folders()[-1].name == f"qualflow-warm-{os.getuid()}"


def test_a_refused_folder_gives_way_to_the_next_candidate(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("QUALFLOW_WARM_DIR", raising=False)
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".snakemake").mkdir()
    runtime = tmp_path / "run"
    (runtime / "qualflow-warm").mkdir(parents=True)
    (runtime / "qualflow-warm").chmod(0o777)  # someone made it for everyone
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    folder, fd = warm.first_usable_folder()
    os.close(fd)
    assert folder == tmp_path / ".snakemake" / "warm"
    assert (folder.stat().st_mode & 0o777) == 0o700


@pytest.mark.parametrize("mode", [0o755, 0o750, 0o701])
def test_a_folder_others_can_open_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mode: int) -> None:
    folder = tmp_path / "warm"
    folder.mkdir()
    folder.chmod(mode)
    monkeypatch.setenv("QUALFLOW_WARM_DIR", str(folder))
    with pytest.raises(warm.FolderRefused, match=f"can be opened by other users \\(mode {mode:o}"):
        warm.first_usable_folder()


def test_a_symbolic_link_is_refused_even_to_a_private_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    private = tmp_path / "private"
    private.mkdir(mode=0o700)
    (tmp_path / "warm").symlink_to(private)
    monkeypatch.setenv("QUALFLOW_WARM_DIR", str(tmp_path / "warm"))
    with pytest.raises(warm.FolderRefused, match="is a symbolic link"):
        warm.first_usable_folder()


@pytest.mark.skipif(os.geteuid() != 0, reason="giving a folder to another user needs root")
def test_a_folder_another_user_owns_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import pwd

    folder = tmp_path / "warm"
    folder.mkdir(mode=0o700)
    nobody = pwd.getpwnam("nobody")
    os.chown(folder, nobody.pw_uid, nobody.pw_gid)
    monkeypatch.setenv("QUALFLOW_WARM_DIR", str(folder))
    with pytest.raises(warm.FolderRefused, match=f"belongs to another user \\(uid {nobody.pw_uid}\\)"):
        warm.first_usable_folder()


def test_a_job_refuses_an_open_folder_and_runs_on_its_own(tmp_path: Path) -> None:
    folder = tmp_path / "warm"
    folder.mkdir()
    folder.chmod(0o777)
    (tmp_path / "group.txt").write_text(TRANSCRIPT, encoding="utf-8")
    done = qualflow("--log", "parse.log", "parse", "group.txt", "-o", "turns.parquet", cwd=tmp_path, warm_dir=folder)
    stop_servers(folder)
    assert done.returncode == 0, done.stderr
    assert len(pd.read_parquet(tmp_path / "turns.parquet")) == 2
    assert list(folder.iterdir()) == [], "no socket and no lock in a folder others can open"
    warning = f"not using the warm server: {folder} can be opened by other users (mode 777, not 700)"
    assert warning in done.stderr and done.stderr.count("\n") == 1
    assert warning in (tmp_path / "parse.log").read_text(encoding="utf-8")


def test_a_deep_project_folder_still_gets_a_server(tmp_path: Path) -> None:
    folder = tmp_path.joinpath(*["a-rather-long-folder-name"] * 5, "warm")
    assert len(str(folder / f"{warm.fingerprint()}.sock")) > 108  # longer than a socket's path may be
    (tmp_path / "group.txt").write_text(TRANSCRIPT, encoding="utf-8")
    try:
        done = qualflow("parse", "group.txt", "-o", "turns.parquet", cwd=tmp_path, warm_dir=folder)
        assert done.returncode == 0, done.stderr
        assert list(folder.glob("*.sock")), "the job reached a server"
    finally:
        stop_servers(folder)


def test_the_fingerprint_covers_the_versions_of_the_preloaded_libraries(monkeypatch: pytest.MonkeyPatch) -> None:
    versions = warm.library_versions(("pandas", "torch", "spacy", "no-such-distribution"))
    assert versions["pandas"].split("@")[0] == pd.__version__
    assert versions["torch"] != "-" and versions["spacy"] != "-"
    assert versions["no-such-distribution"] == "-"
    assert {"torch", "spacy", "sentence-transformers", "transformers", "numpy", "pandas", "scikit-learn",
            "bertopic"} <= set(warm.FINGERPRINT_DISTRIBUTIONS)
    before = warm.fingerprint()
    upgraded = {**warm.library_versions(), "torch": "99.0"}
    monkeypatch.setattr(warm, "library_versions", lambda: upgraded)
    assert warm.fingerprint() != before


# --- many jobs, killed jobs and what they cost --------------------------------------------------


def test_concurrent_jobs_each_get_their_own_result_and_status(tmp_path: Path, warm_dir: Path) -> None:
    env = {**os.environ, "QUALFLOW_WARM": "1", "QUALFLOW_WARM_IDLE": "20", "QUALFLOW_WARM_DIR": str(warm_dir)}
    jobs = {}
    for n in range(6):
        if n % 3 == 2:
            args = ["parse", f"missing-{n}.txt", "-o", f"t{n}.parquet"]
        else:
            (tmp_path / f"group-{n}.txt").write_text(f"Facilitator: Hello {n}.\nAmina: Reply {n}.\n" * (n + 1),
                                                    encoding="utf-8")
            args = ["parse", f"group-{n}.txt", "-o", f"t{n}.parquet"]
        jobs[n] = subprocess.Popen([sys.executable, "-m", "pipeline", *args], cwd=tmp_path, env=env,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    for n, job in jobs.items():
        _, err = job.communicate(timeout=300)
        if n % 3 == 2:
            assert job.returncode == 1 and err == f"error: missing-{n}.txt: transcript file not found\n"
            assert not (tmp_path / f"t{n}.parquet").exists()
        else:
            assert job.returncode == 0, err
            turns = pd.read_parquet(tmp_path / f"t{n}.parquet")
            assert set(turns["transcript_id"]) == {f"group-{n}"} and len(turns) == 2 * (n + 1)
    assert len(list(warm_dir.glob("*.sock"))) == 1, "one server served them all"


def _until(condition, what: str) -> None:
    deadline = time.monotonic() + 120
    while not condition():
        assert time.monotonic() < deadline, what
        time.sleep(0.05)


def _children(parent: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rpartition(")")[2].split()
        except OSError:
            continue
        if int(fields[1]) == parent:
            found.append(int(stat.parent.name))
    return found


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="finds the job's process through /proc")
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGKILL])
def test_a_job_killed_mid_run_leaves_nothing_and_the_rerun_completes(tmp_path: Path, warm_dir: Path,
                                                                     signum: int) -> None:
    """The job's log is a pipe nobody reads, so the job's process waits in opening it, before any
    output, when Snakemake (SIGTERM) or the system (SIGKILL, which the client cannot pass on) stops it."""
    (tmp_path / "group.txt").write_text(TRANSCRIPT, encoding="utf-8")
    ready = qualflow("--version", cwd=tmp_path, warm_dir=warm_dir)  # starts the server
    assert ready.returncode == 0
    [server] = [int(pid) for pid in subprocess.run(["pgrep", "-f", f"pipeline.warm {warm_dir} "],
                                                   capture_output=True, text=True).stdout.split()]
    _until(lambda: not _children(server), "the first job's process ends")
    os.mkfifo(tmp_path / "parse.log")
    env = {**os.environ, "QUALFLOW_WARM": "1", "QUALFLOW_WARM_IDLE": "20", "QUALFLOW_WARM_DIR": str(warm_dir)}
    job = subprocess.Popen([sys.executable, "-m", "pipeline", "--log", "parse.log", "parse", "group.txt",
                            "-o", "turns.parquet"], cwd=tmp_path, env=env, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, text=True)
    children: list[int] = []
    _until(lambda: children.extend(_children(server)) or children, "the server forks the job's process")
    job.send_signal(signum)
    job.communicate(timeout=120)
    assert job.returncode != 0
    _until(lambda: not Path(f"/proc/{children[0]}").exists(), "the work stops with the job")
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "warm") == ["group.txt", "parse.log"], \
        "nothing half-written"

    (tmp_path / "parse.log").unlink()
    again = qualflow("--log", "parse.log", "parse", "group.txt", "-o", "turns.parquet", cwd=tmp_path,
                     warm_dir=warm_dir)
    assert again.returncode == 0, again.stderr
    assert len(pd.read_parquet(tmp_path / "turns.parquet")) == 2
    assert subprocess.run(["pgrep", "-f", f"pipeline.warm {warm_dir} "], capture_output=True,
                          text=True).stdout.split() == [str(server)], "the same server served the rerun"


def test_the_benchmark_file_holds_the_figures_of_the_process_that_did_the_work(tmp_path: Path,
                                                                               warm_dir: Path) -> None:
    from snakemake.benchmark import BenchmarkRecord

    (tmp_path / "group.txt").write_text(TRANSCRIPT, encoding="utf-8")
    for _ in range(2):  # the second job runs in a child of the warm server the first one started
        done = qualflow("--log", "parse.log", "--benchmark", "bench/parse.tsv", "parse", "group.txt",
                        "-o", "turns.parquet", cwd=tmp_path, warm_dir=warm_dir)
        assert done.returncode == 0, done.stderr
    table = pd.read_csv(tmp_path / "bench/parse.tsv", sep="\t")
    assert list(table.columns) == BenchmarkRecord.get_header() and len(table) == 1
    logged = re.search(r"wall ([\d.]+) s, cpu ([\d.]+) s, peak memory ([\d.]+) MB",
                       (tmp_path / "parse.log").read_text(encoding="utf-8"))
    wall, cpu, peak = (float(x) for x in logged.groups())
    row = table.iloc[0]
    # The log rounds to hundredths of a second and whole megabytes.
    assert abs(row["s"] - wall) <= 0.006 and abs(row["cpu_time"] - cpu) <= 0.006 and abs(row["max_rss"] - peak) <= 0.51
    assert row["max_rss"] > 50, "the warm child's memory (pandas is loaded), not a thin client's"


def test_a_benchmark_file_is_not_left_by_a_failed_job(tmp_path: Path, warm_dir: Path) -> None:
    done = qualflow("--benchmark", "bench/parse.tsv", "parse", "missing.txt", "-o", "turns.parquet",
                    cwd=tmp_path, warm_dir=warm_dir)
    assert done.returncode == 1
    assert not (tmp_path / "bench").exists()
