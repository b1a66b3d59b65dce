# Checks every input at the door, then discovers the transcripts.
import os
import re
import shlex
import sys

from pipeline.workflow import check_project, settings_arg

# Jobs run the CLI with the interpreter Snakemake itself runs on, so no PATH set-up is needed.
QUALFLOW = f"{shlex.quote(sys.executable)} -m pipeline"

PROJECT = check_project(config, workflow_dir=workflow.basedir)
config = PROJECT.config
IDS = PROJECT.transcript_ids


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
