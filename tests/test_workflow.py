"""The whole workflow on tiny data: it runs, a rerun does nothing, a leak fails it, bad config stops it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from tests.workflow_project import REPO, copy_project, copy_run, run_snakemake

pytestmark = pytest.mark.slow

SESSION_A = """Focus group, Eastmoor library
[00:00:05] Facilitator: Welcome everyone. Can you tell me about housing?
[00:00:12] Dana Petrova: The landlord never fixes the damp. Black mould on the bedroom wall, every winter.
[00:00:30] Facilitator: How long has that gone on?
[00:00:34] Dana Petrova: Two years. My son Tomas has asthma now. Ring me on 07700 900123 if you need more.
[00:00:51] Karim Haddad: For us the English classes are full. The waiting list at the college is one year.
[00:01:10] Facilitator: Is there anything about the council or the police?
[00:01:15] Karim Haddad: People are afraid of children's services. They think they will take the children.
[00:01:31] Dana Petrova: And the bus to the college is too expensive, the 42 only comes every hour.
[00:01:45] Karim Haddad: Somebody shouted at my wife in the street, racist words. We did not report it to the police.
"""

SESSION_B = """WEBVTT

1
00:00:01.000 --> 00:00:06.000
<v Officer Lane>I work in the council housing team and I hear about overcrowding a lot.</v>

2
00:00:06.500 --> 00:00:12.000
<v Mirela Stan>Eight of us in two rooms at 14 Elm Road. The landlord wants more rent.</v>

3
00:00:12.500 --> 00:00:20.000
<v Mirela Stan>The letters are all in English, my daughter reads them for me.</v>

4
00:00:20.500 --> 00:00:28.000
<v Officer Lane>We can get an interpreter for appointments, you only need to ask the GP or the council.</v>

5
00:00:28.500 --> 00:00:35.000
<v Mirela Stan>At the school they treat Roma children differently, they put them at the back.</v>
"""

SESSION_C = """Workshop, Southgate community centre
[00:00:04] Facilitator: Thank you for coming. What is it like to rent round here?
[00:00:10] Aylin Demir: The flat is cold and the damp comes back every winter, the landlord does nothing.
[00:00:25] Jonas Berg: The English classes at the college have a waiting list of a year.
[00:00:40] Aylin Demir: People do not trust the council, they never answer the letters.
[00:00:55] Jonas Berg: My neighbour was shouted at in the street, racist things. Nobody called the police.
"""

METADATA = """transcript_id,site,date,group_type
eastmoor-focus-group,Eastmoor,2026-01-14,community focus group
westgate-dialogue,Westgate,2026-02-03,open dialogue
"""

SPEAKERS = """transcript_id,speaker,role,person_id,gender
eastmoor-focus-group,Facilitator,facilitator,F1,female
eastmoor-focus-group,Dana Petrova,community,C1,female
eastmoor-focus-group,Karim Haddad,community,C2,male
westgate-dialogue,Officer Lane,provider,S1,male
westgate-dialogue,Mirela Stan,community,C3,female
"""

TINY_CONFIG = {
    "embedding": {"backend": "tfidf"},
    "anonymise": {"keep": ["Eastmoor", "Westgate"]},
    "matrices": {"attributes": ["gender"]},
}


def write_tiny_transcripts(folder: Path) -> Path:
    folder.mkdir(parents=True)
    (folder / "eastmoor-focus-group.txt").write_text(SESSION_A, encoding="utf-8")
    (folder / "westgate-dialogue.vtt").write_text(SESSION_B, encoding="utf-8")
    (folder / "metadata.csv").write_text(METADATA, encoding="utf-8")
    (folder / "speakers.csv").write_text(SPEAKERS, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def tiny_run(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("tiny")
    project = copy_project(base / "project", transcripts=write_tiny_transcripts(base / "transcripts"), config=TINY_CONFIG)
    # A shared server's usual umask (group-writable); private/ must stay owner-only all the same.
    result = run_snakemake(project, umask=0o002)
    assert result.returncode == 0, result.stderr[-5000:]
    return project


def test_every_stage_writes_its_outputs(tiny_run: Path):
    results = tiny_run / "results"
    for path in [
        "anonymised/eastmoor-focus-group.parquet",
        "anonymised/westgate-dialogue.txt",
        "anonymised/westgate-dialogue.redactions.csv",
        "coded/eastmoor-focus-group.parquet",
        "matrices/theme_by_role.csv",
        "matrices/theme_by_gender.csv",
        "matrices/action_plan.md",
        "theme_matrices.xlsx",
        "topics/topics.csv",
        "report.html",
        "export/project.qdpx",
        "leak_check.txt",
    ]:
        assert (results / path).is_file(), path
    assert (tiny_run / "private" / "turns" / "eastmoor-focus-group.parquet").is_file()
    assert not list(results.rglob("*.part")), "a temporary file was left behind"


def test_benchmark_files_hold_the_figures_of_the_process_that_did_the_work(tiny_run: Path):
    """With warm start the work runs in a child of the warm server: the benchmark files are the job's own."""
    import re

    logs = tiny_run / "results" / "logs"
    for rule in ("build_key", "topics", "matrices"):
        row = pd.read_csv(logs / "benchmarks" / f"{rule}.tsv", sep="\t").iloc[0]
        logged = re.search(r"Resources - wall ([\d.]+) s, cpu ([\d.]+) s",
                           (logs / rule / f"{rule}.log").read_text(encoding="utf-8"))
        assert abs(row["s"] - float(logged[1])) <= 0.006 and abs(row["cpu_time"] - float(logged[2])) <= 0.006, rule


def test_results_hold_pseudonyms_not_names(tiny_run: Path):
    text = (tiny_run / "results" / "anonymised" / "eastmoor-focus-group.txt").read_text(encoding="utf-8")
    for identifier in ["Dana", "Petrova", "Haddad", "Tomas", "07700 900123"]:
        assert identifier not in text
    turns = pd.read_parquet(tiny_run / "results" / "anonymised" / "westgate-dialogue.parquet")
    assert set(turns["speaker"]) == {"P03", "Provider 1"} and set(turns["role"]) == {"community", "provider"}
    assert "14 Elm Road" not in " ".join(turns["text"])
    assert "Eastmoor" in (tiny_run / "results" / "report.html").read_text(encoding="utf-8")


def test_turns_are_coded_against_the_codebook(tiny_run: Path):
    coded = pd.concat(pd.read_parquet(p) for p in (tiny_run / "results" / "coded").glob("*.parquet"))
    themes = set(coded.loc[coded["counted"], "theme"])
    assert {"housing", "language", "discrimination"} <= themes


def test_key_is_private_and_outside_results(tiny_run: Path):
    key = tiny_run / "private" / "keys" / "key.csv"
    assert key.is_file()
    assert oct(key.stat().st_mode & 0o777) == "0o600"
    assert not list((tiny_run / "results").rglob("key*.csv"))


def test_private_is_owner_only_whatever_the_umask(tiny_run: Path):
    private = tiny_run / "private"
    modes = {p.relative_to(tiny_run).as_posix(): oct(p.stat().st_mode & 0o777) for p in [private, *private.rglob("*")]}
    assert "private/turns/eastmoor-focus-group.parquet" in modes and "private/cache" in modes
    assert {path: mode for path, mode in modes.items() if mode != ("0o700" if (tiny_run / path).is_dir() else "0o600")} == {}
    assert oct((tiny_run / "results" / "report.html").stat().st_mode & 0o777) == "0o664", "results/ keeps the umask"


def test_a_private_folder_others_can_read_stops_the_run(tiny_run: Path, tmp_path: Path):
    project = tmp_path / "shared"
    copy_run(tiny_run, project)
    (project / "private" / "turns" / "westgate-dialogue.parquet").chmod(0o644)
    result = run_snakemake(project, "--dry-run")
    assert result.returncode != 0
    assert "private/turns/westgate-dialogue.parquet: other users can read or write this (mode 0644)" in result.stderr
    assert "chmod -R go-rwx private" in result.stderr
    assert "Traceback" not in result.stderr


def test_second_run_has_nothing_to_do(tiny_run: Path):
    result = run_snakemake(tiny_run)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Nothing to be done" in result.stderr + result.stdout


def test_a_planted_leak_fails_the_run_and_is_quarantined(tiny_run: Path, tmp_path: Path):
    project = tmp_path / "leaky"
    copy_run(tiny_run, project)
    target = project / "results" / "anonymised" / "westgate-dialogue.txt"
    target.write_text(target.read_text(encoding="utf-8") + "\nNote: Dana Petrova said this.\n", encoding="utf-8")
    result = run_snakemake(project)
    assert result.returncode != 0
    # The original may be shown on the console, after the message and apart from it, never in a file.
    message, _, note = result.stderr.partition("The originals, shown on this console only")
    assert "westgate-dialogue.txt" in message
    assert "westgate-dialogue.txt: contains the original of P01" in message  # Dana Petrova is speaker P01
    assert "Dana Petrova" not in message and "Petrova" in note
    assert "Petrova" not in (project / "results" / "logs" / "check_leaks" / "check_leaks.log").read_text(encoding="utf-8")
    assert not target.exists()
    quarantined = project / "private" / "quarantine" / "anonymised" / "westgate-dialogue.txt"
    assert oct(quarantined.stat().st_mode & 0o777) == "0o600"


def test_unknown_config_key_stops_snakemake_with_one_line(tmp_path: Path):
    project = copy_project(tmp_path / "project", transcripts=write_tiny_transcripts(tmp_path / "transcripts"),
                           config={"anonymise": {"nerr": "offline"}})
    result = run_snakemake(project, "--dry-run")
    assert result.returncode != 0
    assert "key 'anonymise.nerr': unknown key; did you mean 'ner'?" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (project / "results" / "anonymised").exists()


def test_bad_metadata_stops_snakemake_before_any_job(tmp_path: Path):
    transcripts = write_tiny_transcripts(tmp_path / "transcripts")
    (transcripts / "metadata.csv").write_text(METADATA.replace("westgate-dialogue", "no-such-session"), encoding="utf-8")
    project = copy_project(tmp_path / "project", transcripts=transcripts)
    result = run_snakemake(project)
    assert result.returncode != 0
    assert "metadata.csv:3" in result.stderr and "no-such-session" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (project / "private" / "turns").exists()


def test_a_local_run_drops_snakemakes_job_rate_limit_and_a_cluster_run_keeps_it():
    from types import SimpleNamespace

    from snakemake.scheduling.job_scheduler import JobScheduler

    from pipeline.workflow import drop_local_job_rate_limit

    # The attribute the workaround clears is still where this Snakemake keeps it.
    assert "job_rate_limiter" in JobScheduler.__init__.__code__.co_names
    local = SimpleNamespace(local_exec=True, remote_exec=False, scheduler=SimpleNamespace(job_rate_limiter=object()))
    assert drop_local_job_rate_limit(local) and local.scheduler.job_rate_limiter is None
    assert not drop_local_job_rate_limit(local)  # already off
    cluster = SimpleNamespace(local_exec=False, remote_exec=False, scheduler=SimpleNamespace(job_rate_limiter=object()))
    assert not drop_local_job_rate_limit(cluster) and cluster.scheduler.job_rate_limiter is not None
    assert not drop_local_job_rate_limit(SimpleNamespace(local_exec=True, remote_exec=False))  # no scheduler (dry run)


def test_analyst_coding_brings_agreement_and_leaves_read_turns_out_of_review(tiny_run: Path, tmp_path: Path):
    import yaml

    project = tmp_path / "reviewed"
    copy_run(tiny_run, project)
    coded = pd.read_parquet(project / "results" / "coded" / "eastmoor-focus-group.parquet")
    turns = pd.read_parquet(project / "results" / "anonymised" / "eastmoor-focus-group.parquet")
    analyst = coded.loc[coded["counted"], ["transcript_id", "turn", "code"]].iloc[1:]  # one coding taken back
    (project / "reviewed").mkdir()
    analyst.assign(coder="Amira Osei").to_csv(project / "reviewed" / "coding.csv", index=False)
    turns[["transcript_id", "turn"]].assign(rule="reviewed-set").to_csv(project / "reviewed" / "coding.read.csv",
                                                                        index=False)  # fmt: skip
    config = yaml.safe_load((project / "config.yaml").read_text(encoding="utf-8"))
    config["coding"]["training"] = "reviewed/coding.csv"
    (project / "config.yaml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    result = run_snakemake(project)
    assert result.returncode == 0, result.stderr[-5000:]
    table = pd.read_csv(project / "results" / "coding" / "agreement.csv")
    assert (table["n_units"] == len(turns)).all() and "(pooled)" in set(table["code"])
    review = pd.read_csv(project / "results" / "coding" / "review_next.csv")
    assert "eastmoor-focus-group" not in set(review["transcript_id"])
    assert "Agreement with the analyst" in (project / "results" / "report.html").read_text(encoding="utf-8")
    assert (project / "results" / "export" / "review.qdpx").is_file()


def test_unreadable_transcripts_stop_snakemake_before_anything_is_written(tmp_path: Path):
    transcripts = write_tiny_transcripts(tmp_path / "transcripts")
    (transcripts / "empty-session.txt").write_bytes(b"")
    (transcripts / "renamed-binary.docx").write_bytes(bytes(range(256)) * 16)
    with open(transcripts / "metadata.csv", "a", encoding="utf-8") as handle:
        handle.write("empty-session,Eastmoor,2026-03-01,open dialogue\n"
                     "renamed-binary,Westgate,2026-03-02,open dialogue\n")
    project = copy_project(tmp_path / "project", transcripts=transcripts, config=TINY_CONFIG)
    result = run_snakemake(project)
    assert result.returncode != 0
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == 1, result.stderr
    assert errors[0].startswith("error: transcripts/empty-session.txt: the file is empty")
    assert "and 1 more transcript(s) with problems" in errors[0]
    assert "Traceback" not in result.stderr
    assert not (project / "results").exists() and not (project / "private").exists()


def test_a_speaker_missing_from_speakers_csv_is_a_warning_at_the_start_not_a_stop(tmp_path: Path):
    transcripts = write_tiny_transcripts(tmp_path / "transcripts")
    (transcripts / "speakers.csv").write_text(SPEAKERS.replace("westgate-dialogue,Officer Lane,provider,S1,male\n", ""),
                                              encoding="utf-8")
    project = copy_project(tmp_path / "project", transcripts=transcripts, config=TINY_CONFIG)
    result = run_snakemake(project, "--dry-run")
    assert result.returncode == 0, result.stderr[-3000:]
    assert ("warning: 1 speaker(s) not in transcripts/speakers.csv get role 'other': 'Officer Lane' (westgate-dialogue)"
            in result.stderr)


def test_another_studys_results_and_key_stop_snakemake_until_new_study(tmp_path: Path):
    project = copy_project(tmp_path / "project", transcripts=write_tiny_transcripts(tmp_path / "transcripts"),
                           config=TINY_CONFIG)
    for old in ["private/turns/old-session.parquet", "results/anonymised/old-session.txt", "private/keys/registry.csv"]:
        (project / old).parent.mkdir(parents=True, exist_ok=True)
        (project / old).write_text("x", encoding="utf-8")
    for path in [project / "private", *(project / "private").rglob("*")]:  # as the workflow leaves them
        path.chmod(0o700 if path.is_dir() else 0o600)
    result = run_snakemake(project, "--dry-run")
    assert result.returncode != 0
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == 1 and "qualflow new-study" in errors[0], result.stderr
    assert "Traceback" not in result.stderr
    archived = subprocess.run([sys.executable, "-m", "pipeline", "new-study"], cwd=project, capture_output=True,
                              text=True, env={**os.environ, "PYTHONPATH": str(REPO)})
    assert archived.returncode == 0, archived.stderr
    assert run_snakemake(project, "--dry-run").returncode == 0
    assert list((project / "private" / "archive").glob("*/private/keys/registry.csv"))


def test_a_removed_transcripts_outputs_go_and_its_key_entries_stay(tiny_run: Path, tmp_path: Path):
    project = tmp_path / "smaller"
    copy_run(tiny_run, project)
    gone = "eastmoor-focus-group"
    (project / "transcripts" / f"{gone}.txt").unlink()
    for name in ["metadata.csv", "speakers.csv"]:
        path = project / "transcripts" / name
        path.write_text("".join(line for line in path.read_text(encoding="utf-8").splitlines(keepends=True)
                                if not line.startswith(gone)), encoding="utf-8")
    registry_before = (project / "private" / "keys" / "registry.csv").read_text(encoding="utf-8")
    result = run_snakemake(project)
    assert result.returncode == 0, result.stderr[-5000:]
    assert f"removed the outputs of 1 transcript(s) no longer in the transcripts folder: {gone}" in result.stderr
    left = [str(p.relative_to(project)) for p in (project / "results").rglob("*")] + \
           [str(p.relative_to(project)) for p in (project / "private").rglob("*")]
    assert not [p for p in left if gone in p]
    registry = (project / "private" / "keys" / "registry.csv").read_text(encoding="utf-8")
    assert registry.startswith(registry_before)
    assert gone in (project / "private" / "keys" / "transcripts.txt").read_text(encoding="utf-8").split()
    assert (project / "results" / "leak_check.txt").is_file()


def test_a_new_study_where_one_has_run_starts_with_a_fresh_key(tiny_run: Path, tmp_path: Path):
    project = tmp_path / "next-study"
    copy_run(tiny_run, project)
    old_registry = (project / "private" / "keys" / "registry.csv").read_text(encoding="utf-8")
    transcripts = project / "transcripts"
    for path in transcripts.iterdir():
        path.unlink()
    # The next study: other sessions, one of them with speakers of the same names as before.
    (transcripts / "northfield-dialogue.vtt").write_text(SESSION_B, encoding="utf-8")
    (transcripts / "southgate-group.txt").write_text(SESSION_C, encoding="utf-8")
    (transcripts / "metadata.csv").write_text(
        "transcript_id,site,date,group_type\nnorthfield-dialogue,Westgate,2026-05-01,open dialogue\n"
        "southgate-group,Eastmoor,2026-05-02,community focus group\n", encoding="utf-8")
    (transcripts / "speakers.csv").write_text(
        "transcript_id,speaker,role,person_id,gender\nnorthfield-dialogue,Officer Lane,provider,S1,male\n"
        "northfield-dialogue,Mirela Stan,community,C3,female\nsouthgate-group,Facilitator,facilitator,F1,female\n"
        "southgate-group,Aylin Demir,community,C1,female\nsouthgate-group,Jonas Berg,community,C2,male\n",
        encoding="utf-8")
    refused = run_snakemake(project, "--dry-run")
    assert refused.returncode != 0 and "qualflow new-study" in refused.stderr
    archived = subprocess.run([sys.executable, "-m", "pipeline", "new-study"], cwd=project, capture_output=True,
                              text=True, env={**os.environ, "PYTHONPATH": str(REPO)})
    assert archived.returncode == 0, archived.stderr
    result = run_snakemake(project)
    assert result.returncode == 0, result.stderr[-5000:]
    registry = pd.read_csv(project / "private" / "keys" / "registry.csv")
    # Nothing of the old study's key (it had Tomas and a phone number), and numbering starts again at 1.
    assert "Tomas" in old_registry
    assert not registry["originals"].str.contains("Tomas|07700").any()
    numbers = registry["pseudonym"].str.extract(r"^\[([A-Z_]+)_(\d+)\]$")
    for label, group in numbers.groupby(0):
        assert sorted(group[1].astype(int)) == list(range(1, len(group) + 1)), label
    assert (project / "private" / "keys" / "transcripts.txt").read_text(encoding="utf-8").split() == [
        "northfield-dialogue", "southgate-group"]
    assert not [p for p in (project / "results").rglob("*") if "eastmoor" in p.name or "westgate" in p.name]
    [old] = list((project / "private" / "archive").glob("*/private/keys/registry.csv"))
    assert old.read_text(encoding="utf-8") == old_registry
    assert oct(old.stat().st_mode & 0o777) == "0o600"
