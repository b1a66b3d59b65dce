"""Benchmark the whole workflow on generated corpora and print a table per stage.

For each corpus size it generates fictional transcripts (benchmarks/generate_corpus.py),
copies the workflow beside them, runs `snakemake --cores N`, and reads the cost every job
logs under results/logs/. Then it edits one
transcript and reruns, then edits the codebook and reruns, to measure incremental work.

    python benchmarks/workflow_bench.py --sizes 10 100 500 --words 10000

Columns, from the "Resources" line each job logs (with warm start a job runs in a child
forked from the warm server, pipeline/warm.py): jobs; wall = summed job wall time (the
stage's share of the run); cpu = summed CPU time of the jobs' own processes; peak MB = largest
resident memory of any one job, pages shared with the warm server included; words/s =
corpus words / summed job wall time. The "end to end" row is the elapsed time of the
whole run and the machine's peak memory in use during it, above what was in use before
(every process: Snakemake, the warm server and the jobs).
"""

from __future__ import annotations

import os
import re
import threading
import shutil
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

import click

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.generate_corpus import generate_corpus  # noqa: E402
from tests.workflow_project import copy_project  # noqa: E402


def run(project: Path, cores: int, *args: str) -> tuple[float, str, float]:
    """Elapsed seconds, Snakemake's log, and the machine's peak memory in use above the start, in MB."""
    env = dict(os.environ, HF_HUB_OFFLINE="1", HF_HUB_DISABLE_PROGRESS_BARS="1", TOKENIZERS_PARALLELISM="false")
    baseline = memory_in_use_mb()
    peak = [baseline]
    done = threading.Event()

    def sample() -> None:
        while not done.wait(0.25):
            peak[0] = max(peak[0], memory_in_use_mb())

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "snakemake", "--cores", str(cores), *args],
                            cwd=project, capture_output=True, text=True, env=env)
    elapsed = time.perf_counter() - started
    done.set()
    sampler.join()
    if result.returncode != 0:
        raise SystemExit(f"snakemake failed in {project}:\n{result.stderr[-3000:]}")
    return elapsed, result.stderr, peak[0] - baseline


def memory_in_use_mb() -> float:
    fields = dict(line.split(":", 1) for line in Path("/proc/meminfo").read_text().splitlines())
    return (int(fields["MemTotal"].split()[0]) - int(fields["MemAvailable"].split()[0])) / 1024


def jobs_run(log: str) -> dict[str, int]:
    """Count the jobs Snakemake really ran per rule. Its 'Job stats' table is printed before
    checkpoints run, so it overcounts the jobs a checkpoint later drops."""
    counts: dict[str, int] = {}
    for line in log.splitlines():
        words = line.split()
        if len(words) == 2 and words[0] in {"rule", "localrule", "checkpoint", "localcheckpoint"} and words[1] != "all:":
            name = words[1].rstrip(":")
            counts[name] = counts.get(name, 0) + 1
    return counts


RESOURCES = re.compile(r"Resources - wall ([\d.]+) s, cpu ([\d.]+) s, peak memory ([\d.]+) MB")


def stage_table(project: Path, words: int) -> list[tuple]:
    """Per stage, from the one 'Resources' line every job logs (per-transcript rules keep no Snakemake
    benchmark files: their polling thread per job cost Snakemake a tenth of a core)."""
    totals: dict[str, dict[str, float]] = defaultdict(lambda: {"jobs": 0, "s": 0.0, "cpu": 0.0, "rss": 0.0})
    for path in (project / "results" / "logs").glob("*/*.log"):
        stage = path.parent.name
        for wall, cpu, rss in RESOURCES.findall(path.read_text(encoding="utf-8", errors="replace")):
            totals[stage]["jobs"] += 1
            totals[stage]["s"] += float(wall)
            totals[stage]["cpu"] += float(cpu)
            totals[stage]["rss"] = max(totals[stage]["rss"], float(rss))
    order = ["parse", "find_identifiers", "build_key", "anonymise", "anonymisation_summary", "embed",
             "embed_codebook", "code", "codebook_report", "topics", "matrices", "report", "export_qdc",
             "export_qdpx", "check_leaks"]
    stages = sorted(totals, key=lambda s: order.index(s) if s in order else len(order))
    return [(s, int(totals[s]["jobs"]), totals[s]["s"], totals[s]["cpu"], totals[s]["rss"],
             words / totals[s]["s"] if totals[s]["s"] else 0.0) for s in stages]


def print_table(title: str, rows: list[tuple], end_to_end: float, words: int, machine_peak: float) -> None:
    click.echo(f"\n{title}")
    click.echo(f"{'stage':<24}{'jobs':>6}{'wall s':>10}{'cpu s':>10}{'peak MB':>10}{'words/s':>12}")
    for stage, jobs, wall, cpu, rss, wps in rows:
        click.echo(f"{stage:<24}{jobs:>6}{wall:>10.1f}{cpu:>10.1f}{rss:>10.0f}{wps:>12,.0f}")
    click.echo(f"{'end to end':<24}{sum(r[1] for r in rows):>6}{end_to_end:>10.1f}{'':>10}{machine_peak:>10.0f}"
               f"{words / end_to_end:>12,.0f}")


def edit_one_turn(path: Path) -> None:
    """Change the words of one turn, as a researcher correcting a transcript would."""
    if path.suffix == ".docx":
        import docx

        document = docx.Document(str(path))
        paragraph = next(p for p in document.paragraphs if " the " in p.text)
        paragraph.runs[-1].text += " We said this again at the meeting."
        document.save(str(path))
        return
    text = path.read_text(encoding="utf-8-sig")
    at = text.index(" the ")
    path.write_text(text[:at] + " that" + text[at + 4 :], encoding="utf-8")


def count_words(folder: Path) -> int:
    from pipeline.transcripts import read_transcript
    from pipeline.transcripts.discover import discover_transcripts

    return sum(len(t.text.split()) for path in discover_transcripts(folder).values() for t in read_transcript(path))


@click.command()
@click.option("--sizes", "-n", type=int, multiple=True, default=(10, 100, 500), show_default=True,
              help="Corpus sizes in transcripts.")
@click.option("--words", "-m", type=int, default=10_000, show_default=True, help="About how many words per transcript.")
@click.option("--cores", type=int, default=2, show_default=True)
@click.option("--workdir", type=click.Path(file_okay=False, path_type=Path), default=Path("/tmp/qualflow-bench"),
              show_default=True)
@click.option("--backend", default="minilm", show_default=True, help="embedding.backend for the run.")
@click.option("--incremental/--no-incremental", default=True, show_default=True,
              help="Also time a rerun after editing one transcript and after editing the codebook.")
def main(sizes: tuple[int, ...], words: int, cores: int, workdir: Path, backend: str, incremental: bool) -> None:
    """Run the workflow on generated corpora and print time, CPU and memory per stage.

    \b
    Example:
      python benchmarks/workflow_bench.py --sizes 10 100 --words 10000
    """
    for size in sizes:
        base = workdir / f"corpus-{size}"
        shutil.rmtree(base, ignore_errors=True)
        corpus = base / "transcripts"
        generate_corpus(corpus, size, words, seed=size)
        project = copy_project(base / "project", transcripts=corpus,
                               config={"embedding": {"backend": backend}, "anonymise": {"keep": []}})
        total_words = count_words(project / "transcripts")
        elapsed, _, machine_peak = run(project, cores)
        print_table(f"{size} transcripts, {total_words:,} words, {cores} cores, embedding={backend}",
                    stage_table(project, total_words), elapsed, total_words, machine_peak)
        if not incremental:
            continue
        edit_one_turn(sorted((project / "transcripts").glob("session-0001.*"))[0])
        rerun, log, _ = run(project, cores)
        click.echo(f"rerun after editing one transcript: {rerun:.1f} s ({rerun / elapsed:.0%} of the full run); "
                   f"jobs: {jobs_run(log)}")
        codebook = project / "codebooks" / "community-consultation.yaml"
        codebook.write_text(codebook.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
        rerun, log, _ = run(project, cores)
        click.echo(f"rerun after editing the codebook: {rerun:.1f} s; jobs: {jobs_run(log)}")


if __name__ == "__main__":
    main()
