"""One study per project folder: another study's outputs and key are refused, removed transcripts are tidied
away, and `qualflow new-study` archives everything (key kept, owner-only) for a clean start."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.errors import StudyError
from pipeline.study import (
    archive_study,
    check_same_study,
    outputs_of_removed,
    record_key_transcripts,
    recorded_transcripts,
    remove_outputs_of_removed,
)


def touch(root: Path, *paths: str) -> None:
    for path in paths:
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text("x", encoding="utf-8")


def a_study(root: Path, *ids: str) -> Path:
    """The files a run over these transcripts leaves (contents do not matter here)."""
    touch(root, "results/.gitkeep", "private/README.md", "private/keys/key.csv", "private/keys/registry.csv",
          "private/identifiers.csv", "results/embeddings/codebook.npz", "results/matrices/evidence.csv",
          "private/cache/leak_check.json")
    for i in ids:
        touch(root, f"private/turns/{i}.parquet", f"private/spans/{i}.parquet", f"private/keys/views/{i}.csv",
              f"results/anonymised/{i}.parquet", f"results/anonymised/{i}.txt",
              f"results/anonymised/{i}.redactions.csv",
              f"results/embeddings/{i}.npz", f"results/coded/{i}.parquet", f"results/logs/parse/{i}.log")
    return root


def test_the_transcripts_a_study_was_built_from_are_read_from_its_files_and_the_keys_list(tmp_path):
    a_study(tmp_path, "site-a", "site-b.2")
    record_key_transcripts(["site-c"], tmp_path / "private" / "keys")
    assert recorded_transcripts(tmp_path) == {"site-a", "site-b.2", "site-c"}
    assert oct((tmp_path / "private/keys/transcripts.txt").stat().st_mode & 0o777) == "0o600"


def test_the_keys_list_of_transcripts_only_grows(tmp_path):
    keys = tmp_path / "keys"
    record_key_transcripts(["b", "a"], keys)
    record_key_transcripts(["c"], keys)
    assert (keys / "transcripts.txt").read_text(encoding="utf-8") == "a\nb\nc\n"


def test_a_new_checkout_and_the_same_study_are_let_through(tmp_path):
    check_same_study(["anything"], tmp_path)
    a_study(tmp_path, "site-a", "site-b")
    check_same_study(["site-b", "site-new"], tmp_path)


def test_outputs_of_another_studys_transcripts_are_refused_naming_new_study(tmp_path):
    a_study(tmp_path, "site-a", "site-b")
    with pytest.raises(StudyError) as raised:
        check_same_study(["my-own-1", "my-own-2"], tmp_path)
    message = str(raised.value)
    assert "qualflow new-study" in message and "2 other transcript(s)" in message
    assert "\n" not in message


def test_a_key_that_records_no_transcripts_is_refused(tmp_path):
    touch(tmp_path, "private/keys/registry.csv")
    with pytest.raises(StudyError, match="qualflow new-study"):
        check_same_study(["my-own-1"], tmp_path)


def test_the_outputs_of_removed_transcripts_are_removed_and_the_key_kept(tmp_path):
    a_study(tmp_path, "site-a", "site-b")
    record_key_transcripts(["site-a", "site-b"], tmp_path / "private" / "keys")
    assert sorted(outputs_of_removed(["site-b"], tmp_path)) == ["site-a"]
    assert remove_outputs_of_removed(["site-b"], tmp_path) == ["site-a"]
    left = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*") if p.is_file())
    assert not [p for p in left if "site-a" in p]
    for kept in ["private/keys/key.csv", "private/keys/registry.csv", "results/embeddings/codebook.npz",
                 "results/anonymised/site-b.txt", "private/turns/site-b.parquet"]:
        assert kept in left
    # The key still says it was built from site-a too, so the study stays the same study.
    assert "site-a" in recorded_transcripts(tmp_path)
    assert remove_outputs_of_removed(["site-b"], tmp_path) == []


def test_new_study_archives_results_and_private_and_keeps_earlier_archives(tmp_path):
    a_study(tmp_path, "site-a")
    touch(tmp_path, "private/archive/2026-01-01-000000/private/keys/key.csv")
    archived = archive_study(tmp_path, now=dt.datetime(2026, 12, 8, 9, 30, 5))
    folder = tmp_path / "private/archive/2026-12-08-093005"
    assert archived.folder == Path("private/archive/2026-12-08-093005")
    assert archived.identifiers
    assert (folder / "private/keys/key.csv").is_file() and (folder / "private/keys/registry.csv").is_file()
    assert (folder / "results/anonymised/site-a.txt").is_file()
    assert (tmp_path / "private/archive/2026-01-01-000000/private/keys/key.csv").is_file()
    left = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*")
                  if p.is_file() and "archive" not in p.parts)
    assert left == ["private/README.md", "results/.gitkeep"]
    for path in [tmp_path / "private/archive", folder]:
        assert oct(path.stat().st_mode & 0o777) == "0o700"
    for key in (folder / "private/keys").rglob("*"):
        assert oct(key.stat().st_mode & 0o777) == ("0o700" if key.is_dir() else "0o600")
    # The new study starts clean: nothing records the old transcripts any more.
    assert recorded_transcripts(tmp_path) == set()
    check_same_study(["my-own-1"], tmp_path)


def test_new_study_twice_in_one_second_makes_two_archives(tmp_path):
    now = dt.datetime(2026, 12, 8, 9, 30, 5)
    a_study(tmp_path, "site-a")
    archive_study(tmp_path, now=now)
    a_study(tmp_path, "site-b")
    assert archive_study(tmp_path, now=now).folder == Path("private/archive/2026-12-08-093005-2")


def test_new_study_waits_for_a_run_in_progress(tmp_path):
    a_study(tmp_path, "site-a")
    touch(tmp_path, ".snakemake/locks/0.input.lock")
    with pytest.raises(StudyError, match="snakemake --unlock"):
        archive_study(tmp_path)
    assert (tmp_path / "private/keys/key.csv").is_file()


def test_new_study_with_nothing_to_archive_changes_nothing(tmp_path):
    touch(tmp_path, "results/.gitkeep", "private/README.md")
    assert archive_study(tmp_path).folder is None
    assert not (tmp_path / "private" / "archive").exists()


def test_the_new_study_command_says_where_the_old_study_went(tmp_path):
    a_study(tmp_path, "site-a")
    result = subprocess.run([sys.executable, "-m", "pipeline", "new-study"], capture_output=True, text=True,
                            cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)})
    assert result.returncode == 0, result.stderr
    assert "private/archive/" in result.stdout
    assert "private/identifiers.csv" in result.stdout
    assert not (tmp_path / "private" / "keys").exists()


def test_build_key_records_the_transcripts_it_was_built_from(tmp_path):
    import pandas as pd

    from pipeline.anonymise.key import build_key

    for transcript_id in ["site-a", "site-b"]:
        pd.DataFrame({"transcript_id": [transcript_id], "turn": [1], "start": [0], "end": [6], "label": ["PERSON"],
                      "detector": ["offline"], "text": ["Florin"], "entity": ["PERSON:florin"]}
                     ).to_parquet(tmp_path / f"{transcript_id}.parquet")
    keys = tmp_path / "private" / "keys"
    build_key([tmp_path / "site-a.parquet", tmp_path / "site-b.parquet"], keys / "key.csv")
    build_key([tmp_path / "site-b.parquet"], keys / "key.csv")
    assert (keys / "transcripts.txt").read_text(encoding="utf-8") == "site-a\nsite-b\n"
    assert recorded_transcripts(tmp_path) == {"site-a", "site-b"}
