"""The whole workflow on tiny data: a codebook word a provider says stays in the text and the run is clean;
editing the codebook re-anonymises only where it must; a real leak says what and how to fix it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.test_workflow import TINY_CONFIG, write_tiny_transcripts
from tests.workflow_project import copy_project, run_snakemake

pytestmark = pytest.mark.slow

PROVIDER = "I work in the council housing team and I hear about overcrowding a lot."
# A capitalised rare word with no name cue: the offline detector guesses it is a name on the word alone.
SAID = "Zorblat eviction is something we see a lot, after tenants complain."


def _jobs(result) -> list[tuple[str, str]]:
    """(rule, transcript id or "") of every job a run started."""
    jobs, rule = [], None
    for line in (result.stdout + result.stderr).splitlines():
        started = re.match(r"^(?:local)?(?:rule|checkpoint) (\w+):", line)
        if started:
            rule = started.group(1)
            jobs.append((rule, ""))
        elif rule and (wildcard := re.match(r"^\s+wildcards: id=(\S+)", line)):
            jobs[-1] = (rule, wildcard.group(1).rstrip(","))
    return jobs


def _files_holding(folder: Path, word: str) -> list[Path]:
    """Files under `folder` whose bytes or readable text (zip members, parquet columns) hold `word`, any case."""
    from pipeline.anonymise.leaks import file_texts

    return [p for p in folder.rglob("*") if p.is_file() and (
        word.encode() in p.read_bytes().lower() or any(word in t.casefold() for t in file_texts(p)))]


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_codebook_words_in_the_talk_stay_and_a_real_leak_says_how_to_fix_it(tmp_path):
    transcripts = write_tiny_transcripts(tmp_path / "transcripts")
    _edit(transcripts / "westgate-dialogue.vtt", PROVIDER, f"I work in the council housing team. {SAID}")
    project = copy_project(tmp_path / "project", transcripts=transcripts, config=TINY_CONFIG)
    codebook = project / "codebooks" / "community-consultation.yaml"
    _edit(codebook, "retaliatory threats", "zorblat threats")

    # The codebook says "zorblat threats": the provider's word is not a name.
    first = run_snakemake(project)
    assert first.returncode == 0, first.stderr[-5000:]
    text = (project / "results" / "anonymised" / "westgate-dialogue.txt").read_text(encoding="utf-8")
    assert SAID in text
    assert (project / "results" / "leak_check.txt").is_file()

    # An edit that changes nothing the detectors guessed reruns the key, never anonymise or embed.
    _edit(codebook, "terms: [housing, tenant,", 'terms: ["damp patch", housing, tenant,')
    second = run_snakemake(project)
    assert second.returncode == 0, second.stderr[-5000:]
    rules = {rule for rule, _ in _jobs(second)}
    assert "build_key" in rules and "code" in rules
    assert not rules & {"parse", "find_identifiers", "anonymise", "embed"}, rules

    # Without the word in the codebook it is masked again, in that transcript only.
    _edit(codebook, "zorblat threats", "threats")
    third = run_snakemake(project)
    assert third.returncode == 0, third.stderr[-5000:]
    assert sorted(j for j in _jobs(third) if j[0] in {"anonymise", "embed"}) == [
        ("anonymise", "westgate-dialogue"), ("embed", "westgate-dialogue")]
    text = (project / "results" / "anonymised" / "westgate-dialogue.txt").read_text(encoding="utf-8")
    assert "Zorblat" not in text and "] eviction is something" in text

    # A name said with a cue ("My son Tomas") that the codebook also holds is a real leak.
    _edit(codebook, 'terms: ["damp patch",', 'terms: ["damp patch", "tomas",')
    fourth = run_snakemake(project)
    assert fourth.returncode != 0
    message, _, note = fourth.stderr.partition("The originals, shown on this console only")
    for part in ["export/codebook.qdc: contains the original of [PERSON_", "(PERSON)", "offline name detector",
                 "relation word", "eastmoor-focus-group turn ", "codebooks/community-consultation.yaml (line",
                 "`anonymise.keep` in config.yaml"]:
        assert part in message, part
    assert "tomas" not in message.casefold() and '"tomas"' in note
    log = (project / "results" / "logs" / "check_leaks" / "check_leaks.log").read_text(encoding="utf-8")
    assert "offline name detector" in log and "anonymise.keep" in log
    assert _files_holding(project / "results", "tomas") == []
    assert (project / "private" / "quarantine" / "export" / "codebook.qdc").is_file()
