"""What rules/coding.smk needs to know from config: which optional inputs the code rule takes.

Kept here (not in the .smk file) because `snakemake --lint` objects to
functions and rules in one file.
"""

from __future__ import annotations

from typing import Any

CODEBOOK_EMBEDDINGS = "results/embeddings/codebook.npz"
SUPERVISED_MODEL = "results/coding/supervised.joblib"
SUPERVISED_CV = "results/coding/supervised_cv.csv"
REFINEMENT_FILES = ["results/coding/refinement.md", "results/coding/refinement.csv"]


def semantic_on(config: dict[str, Any]) -> bool:
    return "semantic" in config["coding"]["coders"]


def supervised_on(config: dict[str, Any]) -> bool:
    return "supervised" in config["coding"]["coders"]


def supervised_options(config: dict[str, Any]) -> dict[str, Any]:
    """coding.supervised with its defaults (the schema's), for the train_coder rule's parameters."""
    given = config["coding"].get("supervised") or {}
    return {"features": given.get("features") or "both", "add_threshold": given.get("add_threshold", 0.5)}


def supervised_vectors_on(config: dict[str, Any]) -> bool:
    """Whether the supervised coder reads the cached sentence vectors (features 'vectors' or 'both')."""
    return supervised_on(config) and supervised_options(config)["features"] != "tfidf"


def codebook_embeddings_input(config: dict[str, Any]) -> list[str]:
    return [CODEBOOK_EMBEDDINGS] if semantic_on(config) else []


def model_input(config: dict[str, Any]) -> list[str]:
    return [SUPERVISED_MODEL] if supervised_on(config) else []


def code_flags(wildcards: Any, input: Any) -> str:
    """The optional command-line flags of `qualflow code`, from the inputs the rule was given."""
    flags = []
    for name, flag in (("embeddings", "--embeddings"), ("codebook_embeddings", "--codebook-embeddings"),
                       ("model", "--model")):
        paths = list(getattr(input, name, []) or [])
        if isinstance(getattr(input, name, None), str):
            paths = [getattr(input, name)]
        if paths:
            flags.append(f"{flag} {paths[0]}")
    return " ".join(flags)


def train_coder_flags(wildcards: Any, input: Any) -> str:
    """`--embeddings FILE ...` for `qualflow train-coder` when the rule was given the cached vectors."""
    paths = list(getattr(input, "embeddings", []) or [])
    return f"--embeddings {' '.join(paths)}" if paths else ""


def codebook_report_flags(wildcards: Any, input: Any) -> str:
    """`--supervised-cv FILE` for `qualflow codebook-report` when the analyst's model was trained."""
    paths = list(getattr(input, "supervised_cv", []) or [])
    return f"--supervised-cv {paths[0]}" if paths else ""
