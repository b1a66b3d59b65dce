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
@click.option("-v", "--verbose", is_flag=True, help="Show debug messages.")
@click.version_option(package_name="qualflow")
def cli(log_file: str | None, verbose: bool) -> None:
    """qualflow: turn focus-group transcripts into anonymised theme matrices.

    \b
    Example:
      qualflow parse transcripts/leeds-roma-housing.vtt -o turns.csv
    """
    configure_logging(log_file, verbose)


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


def main(argv: list[str] | None = None) -> None:
    """Run the CLI; a user error becomes one 'error:' line and exit status 1, never a traceback."""
    if argv is None:
        from pipeline import warm

        if warm.enabled():
            status = warm.run_in_server(sys.argv[1:])
            if status is not None:
                sys.exit(status)
    started = time.perf_counter()
    try:
        cli.main(args=argv, prog_name="qualflow", standalone_mode=False)
        log_resources(started)
    except QualflowError as e:
        logging.getLogger("qualflow").debug("user error", exc_info=True)
        click.echo(f"error: {e}", err=True)
        sys.exit(1)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(130)
    except click.ClickException as e:
        e.show()
        sys.exit(e.exit_code)
    except click.exceptions.Exit as e:
        sys.exit(e.exit_code)


def log_resources(started: float) -> None:
    """One line per job with its cost, for the logs and benchmarks/workflow_bench.py. Peak memory
    counts pages shared with a warm server (pipeline/warm.py), as the operating system does."""
    import resource

    usage = resource.getrusage(resource.RUSAGE_SELF)
    # Worker processes a command started and waited for (the leak gate's scanners) count as its CPU.
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    logging.getLogger("qualflow").info(
        "Resources - wall %.2f s, cpu %.2f s, peak memory %.0f MB",
        time.perf_counter() - started,
        usage.ru_utime + usage.ru_stime + children.ru_utime + children.ru_stime,
        usage.ru_maxrss / 1024,
    )
