"""The `qualflow` command line: a thin click layer over the library.

Commands are imported only when called, so a workflow job that runs one
command does not pay for importing every stage's libraries.
"""

from __future__ import annotations

import importlib
import logging
import os
import sys
import time

import click

from pipeline.errors import QualflowError

# name -> "module:function". Each module holds the commands of one stage.
COMMANDS = {
    "parse": "pipeline.cli.ingest:parse",
    "find-identifiers": "pipeline.cli.anonymise:find_identifiers",
    "build-key": "pipeline.cli.anonymise:build_key",
    "anonymise": "pipeline.cli.anonymise:anonymise",
    "summarise-redactions": "pipeline.cli.anonymise:summarise_redactions",
    "check-leaks": "pipeline.cli.anonymise:check_leaks",
    "detect-identifiers": "pipeline.cli.anonymise:detect_identifiers",
    "evaluate-anonymisation": "pipeline.cli.anonymise:evaluate_anonymisation",
    "matrices": "pipeline.cli.outputs:matrices",
    "report": "pipeline.cli.outputs:report",
    "export-qdpx": "pipeline.cli.outputs:export_qdpx",
    "check-inputs": "pipeline.cli.ingest:check_inputs",
    "new-study": "pipeline.cli.study:new_study",
    "embed": "pipeline.cli.topics:embed",
    "topics": "pipeline.cli.topics:topics",
    "agreement": "pipeline.cli.exchange:agreement",
    "export-qdc": "pipeline.cli.exchange:export_qdc",
    "import-qdc": "pipeline.cli.exchange:import_qdc",
    "import-qdpx": "pipeline.cli.exchange:import_qdpx",
    "review-next": "pipeline.cli.review:review_next",
    "analyst-agreement": "pipeline.cli.review:analyst_agreement",
    "validate-codebook": "pipeline.cli.coding:validate_codebook",
    "embed-codebook": "pipeline.cli.coding:embed_codebook",
    "train-coder": "pipeline.cli.coding:train_coder",
    "code": "pipeline.cli.coding:code",
    "code-texts": "pipeline.cli.coding:code_texts",
    "codebook-report": "pipeline.cli.coding:codebook_report",
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module_name, attr = target.split(":")
        return getattr(importlib.import_module(module_name), attr)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--log", "log_file", type=click.Path(dir_okay=False), help="Also write the full log to this file.")
@click.option("--benchmark", "benchmark_file", type=click.Path(dir_okay=False),
              help="Also write the job's wall time, CPU time and peak memory to this file (Snakemake's format).")
@click.option("-v", "--verbose", is_flag=True, help="Show debug messages.")
@click.version_option(package_name="qualflow")
def cli(log_file: str | None, benchmark_file: str | None, verbose: bool) -> None:
    """qualflow: turn focus-group transcripts into anonymised theme matrices.

    \b
    Example:
      qualflow parse transcripts/leeds-roma-housing.vtt -o turns.csv
    """
    configure_logging(log_file, verbose)
    _job["benchmark"] = benchmark_file


# What the running command was asked to record, and warnings from before logging was configured.
_job: dict[str, str | None] = {"benchmark": None}
_early_warnings: list[str] = []


def configure_logging(log_file: str | None, verbose: bool) -> None:
    """Only the command line configures logging; the library just logs."""
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    console = logging.StreamHandler(sys.stderr)
    console.setLevel(logging.DEBUG if verbose else logging.WARNING)
    console.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
    root.addHandler(console)
    if log_file:
        os.makedirs(os.path.dirname(os.path.abspath(log_file)), exist_ok=True)
        to_file = logging.FileHandler(log_file, mode="w", encoding="utf-8")
        to_file.setLevel(logging.DEBUG if verbose else logging.INFO)
        to_file.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root.addHandler(to_file)
    for noisy in ("numba", "matplotlib", "urllib3", "httpx", "filelock", "huggingface_hub"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    for message in _early_warnings:
        logging.getLogger("qualflow").warning(message)


def main(argv: list[str] | None = None) -> None:
    """Run the CLI; a user error becomes one 'error:' line and exit status 1, never a traceback."""
    if argv is None:
        from pipeline import warm

        if warm.enabled():
            try:
                status = warm.run_in_server(sys.argv[1:])
            except warm.FolderRefused as e:
                status = None
                _early_warnings.append(f"not using the warm server: {e}; this job runs on its own, slower. "
                                       "Set QUALFLOW_WARM_DIR to a folder only you can open")
            if status is not None:
                sys.exit(status)
    started = time.perf_counter()
    try:
        cli.main(args=argv, prog_name="qualflow", standalone_mode=False)
        log_resources(started)
    except QualflowError as e:
        logging.getLogger("qualflow").debug("user error", exc_info=True)
        if e.log_safe:
            _to_log_files(str(e))
        click.echo(f"error: {e}", err=True)
        if e.console_note:
            click.echo(e.console_note, err=True)
        sys.exit(1)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(130)
    except click.ClickException as e:
        e.show()
        sys.exit(e.exit_code)
    except click.exceptions.Exit as e:
        sys.exit(e.exit_code)


def _to_log_files(message: str) -> None:
    """An error's message into the job's log files (not the console, which prints it once anyway)."""
    record = logging.LogRecord("qualflow", logging.ERROR, __file__, 0, message, None, None)
    for handler in logging.getLogger().handlers:
        if isinstance(handler, logging.FileHandler):
            handler.handle(record)


def log_resources(started: float) -> None:
    """One line per job with its cost, for the logs and benchmarks/workflow_bench.py, and the same figures
    in the benchmark file when one was asked for. Measured in the process that did the work (with warm
    start, the child forked from the warm server, pipeline/warm.py); peak memory counts pages shared with
    the warm server, as the operating system does."""
    from pipeline.benchmark import measure, write_benchmark

    usage = measure(started)
    logging.getLogger("qualflow").info(
        "Resources - wall %.2f s, cpu %.2f s, peak memory %.0f MB", usage.wall_s, usage.cpu_s, usage.peak_rss_mb
    )
    if _job["benchmark"]:
        write_benchmark(_job["benchmark"], usage)
