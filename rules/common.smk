# Checks every input at the door, then discovers the transcripts.
import os
import re

from pipeline.workflow import check_project, drop_local_job_rate_limit, ensure_cli_on_path, settings_arg
from pipeline.workflow import check_private, remove_outputs_of_removed_transcripts

ensure_cli_on_path()
# Local jobs fork from one warm process instead of each importing torch and spaCy (pipeline/warm.py).
# Cluster jobs run on other machines, each on its own. QUALFLOW_WARM=0 turns it off.
if workflow.local_exec and not workflow.remote_exec:
    os.environ.setdefault("QUALFLOW_WARM", "1")
# private/ holds raw text: the run stops unless only its owner can read it (pipeline/private.py).
check_private(create=False)
PROJECT = check_project(config)
config = PROJECT.config
IDS = PROJECT.transcript_ids


# Snakemake's job rate limit makes a long local run's scheduler spin; see the function.
# A real run (not a dry run) also removes what transcripts taken out of the study left behind.
onstart:
    check_private()
    drop_local_job_rate_limit(workflow)
    remove_outputs_of_removed_transcripts(PROJECT)


wildcard_constraints:
    id="|".join(re.escape(i) for i in IDS) or "(?!)",


def transcript_file(wildcards):
    return PROJECT.transcripts[wildcards.id]


def identifiers_file(wildcards):
    path = config["anonymise"]["identifiers"]
    return [path] if os.path.exists(path) else []


def all_of(pattern):
    return expand(pattern, id=IDS)


def final_outputs():
    return PROJECT.final_outputs()


def after_key(pattern):
    """Input function for a per-transcript rule downstream of `anonymise` (embed, code).

    Snakemake 9.27 keeps the first-pass "input updated by another job" reason of jobs
    below a checkpoint's dependants, so `embed`/`code` would rerun for every transcript
    even when its `anonymise` job was dropped. Jobs whose input waits on the checkpoint
    are rebuilt after it, with fresh reasons.
    """

    def inputs(wildcards):
        checkpoints.build_key.get()
        return pattern.format(id=wildcards.id)

    return inputs


def key_view(wildcards):
    checkpoints.build_key.get()
    view = f"private/keys/views/{wildcards.id}.csv"
    # A view deleted by hand: the whole key gives the same output (the view is a subset that suffices).
    return view if os.path.exists(view) else "private/keys/key.csv"
