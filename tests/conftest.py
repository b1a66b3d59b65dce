"""Shared fixtures: where the repo is, and a blank spaCy pipeline for unit tests."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

# Property tests draw the same examples on every run and every machine: a red CI run is reproducible.
settings.register_profile("qualflow", derandomize=True, database=None)
settings.load_profile("qualflow")

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"

# Nothing in the tests may reach a model hub.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO


@pytest.fixture(scope="session")
def blank_nlp():
    import spacy

    return spacy.blank("en")
