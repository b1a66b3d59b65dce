"""private/ is its owner's alone: writers make it so whatever the umask, and the workflow refuses an exposed one."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pandas as pd
import pytest

from pipeline.io import atomic_open, write_table
from pipeline.private import PrivateFolderError, check_private_folder, private_root


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def loose_umask():
    """No umask at all: new files 0666 and folders 0777 unless the writer says otherwise."""
    previous = os.umask(0)
    yield
    os.umask(previous)


def test_writers_under_private_make_owner_only_files_and_folders(tmp_path: Path, loose_umask):
    private = tmp_path / "project" / "private"
    write_table(pd.DataFrame({"text": ["Dana Petrova said"]}), private / "turns" / "site-a.parquet")
    with atomic_open(private / "cache" / "deep" / "leak_check.json") as handle:
        handle.write("{}")
    write_table(pd.DataFrame({"a": [1]}), private / "keys" / "key.csv", file_mode=0o644)
    assert mode(private / "turns" / "site-a.parquet") == 0o600
    assert mode(private / "cache" / "deep" / "leak_check.json") == 0o600
    assert mode(private / "keys" / "key.csv") == 0o600, "a mode asked for loses its group and other bits"
    for folder in [private, private / "turns", private / "cache", private / "cache" / "deep", private / "keys"]:
        assert mode(folder) == 0o700, folder
    assert mode(tmp_path / "project") != 0o700, "folders above private/ are left alone"


def test_a_folder_made_by_someone_else_with_the_umask_is_tightened(tmp_path: Path, loose_umask):
    turns = tmp_path / "private" / "turns"
    turns.mkdir(parents=True)  # as Snakemake makes an output's folder: 0777 here
    write_table(pd.DataFrame({"a": [1]}), turns / "site-a.parquet")
    assert mode(turns) == 0o700 and mode(tmp_path / "private") == 0o700


def test_results_keep_the_umask(tmp_path: Path, loose_umask):
    write_table(pd.DataFrame({"a": [1]}), tmp_path / "results" / "matrix.csv")
    assert mode(tmp_path / "results" / "matrix.csv") == 0o666


def test_a_project_inside_a_folder_called_private_keeps_results_shareable(tmp_path: Path, monkeypatch):
    project = tmp_path / "private" / "study"
    project.mkdir(parents=True)
    monkeypatch.chdir(project)
    assert private_root("results/report.html") is None
    assert private_root("private/turns/a.parquet") == project / "private"
    assert private_root(tmp_path / "private" / "x.csv") == tmp_path / "private"


def test_a_private_folder_others_can_read_is_refused_with_the_fix(tmp_path: Path):
    private = tmp_path / "private"
    (private / "turns").mkdir(parents=True, mode=0o700)
    private.chmod(0o700)
    turns = private / "turns" / "site-a.parquet"
    turns.write_bytes(b"raw")
    turns.chmod(0o644)
    with pytest.raises(PrivateFolderError) as caught:
        check_private_folder(private)
    message = str(caught.value)
    assert message.startswith(f"{turns}: other users can read or write this (mode 0644)")
    assert message.endswith(f"run chmod -R go-rwx {private}") and "\n" not in message
    assert mode(turns) == 0o644, "refusing changes nothing"


def test_an_exposed_folder_is_refused_even_if_its_files_are_private(tmp_path: Path):
    private = tmp_path / "private"
    private.mkdir()
    private.chmod(0o755)
    (private / "identifiers.csv").write_text("term\n")
    (private / "identifiers.csv").chmod(0o600)
    with pytest.raises(PrivateFolderError, match="mode 0755"):
        check_private_folder(private)


def test_the_workflow_check_stops_with_one_line(tmp_path: Path, monkeypatch):
    from pipeline.workflow import check_private

    monkeypatch.chdir(tmp_path)
    Path("private").mkdir(mode=0o700)
    Path("private/identifiers.csv").write_text("term,category\n")
    Path("private/identifiers.csv").chmod(0o664)
    with pytest.raises(SystemExit) as caught:
        check_private()
    assert str(caught.value) == ("error: private/identifiers.csv: other users can read or write this (mode 0664); "
                                 "private must be yours alone: run chmod -R go-rwx private")


def test_a_fresh_clone_is_tightened_and_the_workflow_folders_made(tmp_path: Path, loose_umask):
    private = tmp_path / "private"
    private.mkdir()
    private.chmod(0o775)
    (private / "README.md").write_text("# private/\n")
    (private / "README.md").chmod(0o664)
    check_private_folder(private)
    assert mode(private) == 0o700 and mode(private / "README.md") == 0o600
    assert all(mode(private / name) == 0o700 for name in ["turns", "spans", "keys"])
    check_private_folder(private)  # and the next run goes ahead


def test_no_private_folder_yet_is_made_owner_only(tmp_path: Path, loose_umask):
    check_private_folder(tmp_path / "private")
    assert mode(tmp_path / "private") == 0o700


def test_the_shipped_readme_rewritten_by_git_is_tightened_not_refused(tmp_path: Path):
    private = tmp_path / "private"
    check_private_folder(private)
    (private / "turns" / "site-a.parquet").write_bytes(b"raw")
    (private / "turns" / "site-a.parquet").chmod(0o600)
    (private / "README.md").write_text("# private/\n")
    (private / "README.md").chmod(0o644)  # as a checkout that changes it leaves it
    check_private_folder(private)
    assert mode(private / "README.md") == 0o600
