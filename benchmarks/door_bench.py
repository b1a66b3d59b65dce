"""Benchmark the start of a run: what checking every input at the door costs, with and without the cache.

For each corpus size it generates fictional transcripts (benchmarks/generate_corpus.py), copies the
workflow beside them and times `snakemake --dry-run` (which reads the Snakefile, checks every input and
builds the plan) three times: on a fresh checkout (no private/ yet, so no cache: every transcript is
read), after private/ exists (the first start with it fills the cache), and again (every transcript
from the cache). It also times the transcript check alone, in this process.

    python benchmarks/door_bench.py -n 100 -n 500 --words 10000
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import click

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.generate_corpus import generate_corpus  # noqa: E402
from tests.workflow_project import copy_project  # noqa: E402


def dry_run(project: Path) -> float:
    env = dict(os.environ, HF_HUB_OFFLINE="1", HF_HUB_DISABLE_PROGRESS_BARS="1")
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "snakemake", "--cores", "2", "--dry-run", "--quiet"],
                            cwd=project, capture_output=True, text=True, env=env)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"snakemake failed in {project}:\n{result.stderr[-3000:]}")
    return elapsed


def check_alone(project: Path, cache: Path | None) -> float:
    from pipeline.transcripts.check import check_transcripts
    from pipeline.transcripts.discover import discover_transcripts

    transcripts = discover_transcripts(project / "transcripts")
    if cache is not None:
        check_transcripts(transcripts, cache=cache)  # fill it for these (absolute) paths
    started = time.perf_counter()
    check_transcripts(transcripts, cache=cache)
    return time.perf_counter() - started


@click.command()
@click.option("--sizes", "-n", type=int, multiple=True, default=(100, 500), show_default=True)
@click.option("--words", "-m", type=int, default=10_000, show_default=True)
@click.option("--workdir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Where to build the projects [default: a temporary folder, removed after].")
def main(sizes: tuple[int, ...], words: int, workdir: Path | None) -> None:
    """Print the dry-run start-up time per corpus size: no cache, cache being filled, cache used.

    \b
    Example:
      python benchmarks/door_bench.py -n 100 -n 500
    """
    import tempfile

    base = workdir or Path(tempfile.mkdtemp(prefix="door-bench-"))
    click.echo("| transcripts | dry run, no private/ | first with private/ | cached | check alone: read all | cached |")
    click.echo("|---|---|---|---|---|---|")
    for size in sizes:
        corpus = base / f"corpus-{size}"
        generate_corpus(corpus, size, words, 1)
        project = copy_project(base / f"project-{size}", transcripts=corpus, config={"embedding": {"backend": "tfidf"}})
        fresh = dry_run(project)
        (project / "private").mkdir(mode=0o700)
        filling = dry_run(project)
        cached = dry_run(project)
        read_all = check_alone(project, None)
        (base / f"cache-{size}").mkdir()
        from_cache = check_alone(project, base / f"cache-{size}" / "cache" / "transcript-check.json")
        click.echo(f"| {size} | {fresh:.1f} s | {filling:.1f} s | {cached:.1f} s "
                   f"| {read_all:.2f} s | {from_cache:.3f} s |")
    if workdir is None:
        shutil.rmtree(base)


if __name__ == "__main__":
    main()
