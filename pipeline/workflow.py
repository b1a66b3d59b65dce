"""What the Snakefile needs to know at start-up: checked inputs and the file lists of each stage.

Everything here runs before any job, so bad input stops the run with one
line naming the file and key before anything is written.
"""

from __future__ import annotations

import json
import shlex
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.config import Config, validate_config
from pipeline.errors import QualflowError

MATRIX_FILES = [
    "results/matrices/evidence.csv",
    "results/matrices/theme_by_transcript.csv",
    "results/matrices/theme_by_site.csv",
    "results/matrices/theme_by_group_type.csv",
    "results/matrices/theme_by_role.csv",
    "results/matrices/code_by_transcript.csv",
    "results/matrices/code_by_site.csv",
    "results/matrices/code_by_group_type.csv",
    "results/matrices/code_by_role.csv",
    "results/matrices/cooccurrence.csv",
    "results/matrices/framework_matrix.csv",
    "results/matrices/divergence.csv",
    "results/matrices/action_plan.csv",
    "results/matrices/action_plan.md",
    "results/matrices/codes.csv",
    "results/matrices/run_info.json",
    "results/theme_matrices.xlsx",
]

EXPORT_FILES = ["results/export/project.qdpx", "results/export/codebook.qdc"]

TOPIC_FILES = [
    "results/topics/topics.csv",
    "results/topics/turn_topics.parquet",
    "results/topics/topic_by_theme.csv",
    "results/topics/topic_by_site.csv",
    "results/topics/topic_by_role.csv",
    "results/topics/candidate_codes.yaml",
    "results/topics/topics_chart.html",
    "results/topics/topic_similarity.html",
]


@dataclass
class Project:
    """The checked study: its settings and its transcripts (id -> file)."""

    config: Config
    transcripts: dict[str, Path]
    # (transcript_id, label) of speakers the transcripts have but speakers.csv does not list.
    unlisted_speakers: list[tuple[str, str]] = field(default_factory=list)

    @property
    def transcript_ids(self) -> list[str]:
        return sorted(self.transcripts)

    def per_transcript(self, pattern: str) -> list[str]:
        return [pattern.format(id=i) for i in self.transcript_ids]

    def matrix_outputs(self) -> list[str]:
        extra = [f"results/matrices/theme_by_{a}.csv" for a in self.config["matrices"]["attributes"]]
        return MATRIX_FILES + extra

    def topic_outputs(self) -> list[str]:
        return TOPIC_FILES

    def coding_outputs(self) -> list[str]:
        from pipeline.coding.rule_inputs import REFINEMENT_FILES, SUPERVISED_CV, SUPERVISED_MODEL, supervised_on

        supervised = [SUPERVISED_MODEL, SUPERVISED_CV] if supervised_on(self.config) else []
        return list(REFINEMENT_FILES) + supervised

    def review_outputs(self) -> list[str]:
        from pipeline.review import review_outputs

        return review_outputs(self.config)

    def embeddings_for_coding(self, wildcards: Any) -> list[str]:
        """The transcript's unit vectors, when the semantic coder or a supervised coder on vectors is on."""
        from pipeline.coding.rule_inputs import supervised_vectors_on

        if "semantic" in self.config["coding"]["coders"] or supervised_vectors_on(self.config):
            return [f"results/embeddings/{wildcards.id}.npz"]
        return []

    def report_inputs(self) -> list[str]:
        # The exports are listed so that `rule all` builds them and the leak check scans them.
        inputs = self.matrix_outputs() + EXPORT_FILES + ["results/anonymised/summary.csv"]
        if self.config["topics"]["enabled"]:
            inputs += self.topic_outputs()
        from pipeline.review import AGREEMENT, training_csv

        inputs += [AGREEMENT] if training_csv(self.config) else []  # the report's "Agreement with the analyst"
        return inputs + self.per_transcript("results/anonymised/{id}.parquet")

    def shared_outputs(self) -> list[str]:
        """Every file under results/ that the leak check must scan before the run may finish."""
        return sorted(set(self.report_inputs()) | {"results/report.html"}
                      | set(self.per_transcript("results/anonymised/{id}.txt"))
                      | set(self.per_transcript("results/anonymised/{id}.redactions.csv"))
                      | set(self.per_transcript("results/coded/{id}.parquet"))
                      | set(self.coding_outputs()) | set(self.review_outputs()))

    def final_outputs(self) -> list[str]:
        return self.shared_outputs() + ["results/leak_check.txt"]


def load_project(config: Config) -> Project:
    """Validate config, transcripts, metadata, speakers and codebook; raise QualflowError on the first problem."""
    from pipeline.codebook import load_codebook
    from pipeline.transcripts.discover import discover_transcripts
    from pipeline.transcripts.check import CACHE_FILE, check_transcripts, first_problem, unlisted_speakers
    from pipeline.transcripts.metadata import load_metadata, load_speakers, speaker_attributes

    config = validate_config(config)
    transcripts = discover_transcripts(config["transcripts"]["dir"])
    ids = sorted(transcripts)
    load_metadata(config["transcripts"]["metadata"], ids, transcripts_dir=config["transcripts"]["dir"])
    speakers = load_speakers(config["transcripts"]["speakers"], ids)
    # Every transcript is read as the parse step will read it (unchanged ones come from the cache).
    checks = check_transcripts(transcripts, cache=CACHE_FILE)
    problem = first_problem(checks)
    if problem is not None:
        raise problem
    load_codebook(config["coding"]["codebook"])
    attributes = speaker_attributes(speakers)
    for name in config["matrices"]["attributes"]:
        if name not in attributes:
            raise QualflowError(
                f"speaker attribute '{name}' is not a column of {config['transcripts']['speakers']}; "
                f"available: {', '.join(attributes) or 'none'}",
                path="config.yaml",
                key="matrices.attributes",
            )
    return Project(config=config, transcripts=transcripts, unlisted_speakers=unlisted_speakers(checks, speakers))


def ensure_cli_on_path() -> None:
    """Put the `qualflow` command of the Python running Snakemake first on PATH, or stop with how to install it.

    Rules call `qualflow ...`; a user-site pip install puts the command in a folder
    that is often not on PATH, and jobs must use the same installation as Snakemake.
    """
    import os
    import sysconfig

    schemes = [sysconfig.get_default_scheme(), f"{os.name}_user"]
    folders = [sysconfig.get_path("scripts", scheme) for scheme in schemes] + [str(Path(sys.executable).parent)]
    for folder in folders:
        if folder and (Path(folder) / "qualflow").exists():
            os.environ["PATH"] = folder + os.pathsep + os.environ.get("PATH", "")
            return
    sys.exit(
        "error: the qualflow command is not installed for this Python "
        f"({sys.executable}); run: python3 -m pip install -e ."
    )


def drop_local_job_rate_limit(workflow: Any) -> bool:
    """For a local run, switch off Snakemake's job rate limit before scheduling starts; True if it did.

    Snakemake (9.27) sets a limit even when asked for none (100 jobs a second from the command
    line), and while one is set every scheduling round starts a one-second timer whose firing
    starts another round. Each finished job adds a chain of such rounds, so the rounds multiply
    as the run goes on, and each one checks the size of every input of every job that is ready.
    At 500 transcripts the scheduler used 57 % of one core (15 CPU minutes in the first 28) on
    21,000 file checks a second. On one machine the limit does nothing useful: two cores never
    start 100 jobs a second. A cluster run keeps it, so as not to flood the queue.
    """
    scheduler = getattr(workflow, "scheduler", None)
    if not workflow.local_exec or workflow.remote_exec or getattr(scheduler, "job_rate_limiter", None) is None:
        return False
    scheduler.job_rate_limiter = None
    return True


def check_project(config: Config) -> Project:
    """load_project for the Snakefile: a user error ends the run with one line, no traceback.

    Also refuses results/ and a key built from another study's transcripts, and warns
    (one line) of speakers missing from speakers.csv, who get role 'other'.
    """
    from pipeline.study import check_same_study
    from pipeline.transcripts.check import unlisted_warning

    try:
        project = load_project(config)
        check_same_study(project.transcript_ids)
    except QualflowError as e:
        sys.exit(f"error: {e}")
    warning = unlisted_warning(project.unlisted_speakers, project.config["transcripts"]["speakers"])
    if warning:
        print(warning, file=sys.stderr)
    return project


def remove_outputs_of_removed_transcripts(project: Project) -> None:
    """At the start of a real run (not a dry run): drop the outputs of transcripts no longer present."""
    from pipeline.study import remove_outputs_of_removed

    removed = remove_outputs_of_removed(project.transcript_ids)
    if removed:
        print(f"removed the outputs of {len(removed)} transcript(s) no longer in the transcripts folder: "
              f"{', '.join(removed)} (the pseudonym key keeps their entries)", file=sys.stderr)


def check_private(*, create: bool = True) -> None:
    """Stop the run with one line if private/ can be read by other users; else (with `create`) make it and its folders 0700.

    The workflow checks before it reads any input (so nothing is read into an exposed folder)
    and creates the folders only when a real run starts: a refused or dry run writes nothing.
    """
    from pipeline.private import check_private_folder

    try:
        check_private_folder(create=create)
    except QualflowError as e:
        sys.exit(f"error: {e}")


def settings_arg(config: Config, *sections: str) -> str:
    """The named config sections as one shell-quoted JSON argument.

    Passing only the sections a rule uses means editing one stage's settings
    reruns that stage and what follows, not the whole workflow.
    """
    chosen = {name: config[name] for name in sections}
    if len(sections) == 1:
        chosen = chosen[sections[0]]
    return shlex.quote(json.dumps(chosen, sort_keys=True))


def parse_settings(text: str | None, *sections: str) -> dict[str, Any]:
    """Inverse of settings_arg for the CLI: JSON text (or nothing) -> a completed settings dict."""
    from pipeline.config import validate_config

    given = json.loads(text) if text else {}
    if len(sections) == 1:
        given = {sections[0]: given}
    full = validate_config(given)
    return full[sections[0]] if len(sections) == 1 else {name: full[name] for name in sections}
