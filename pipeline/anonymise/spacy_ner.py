"""Names and places from an installed spaCy pipeline's NER; nothing is ever downloaded."""

from __future__ import annotations

import logging
from functools import cache
from pathlib import Path
from typing import Any

from pipeline.anonymise.spans import Span
from pipeline.errors import ModelNotInstalledError

log = logging.getLogger(__name__)

# spaCy's entity labels (OntoNotes and WikiNER schemes) -> ours; the rest (numbers, money, events) stay.
LABEL_MAP = {"PERSON": "PERSON", "PER": "PERSON", "GPE": "PLACE", "LOC": "PLACE", "FAC": "ADDRESS", "ORG": "ORG",
             "NORP": None, "DATE": None}


def load_ner_pipeline(name: str) -> Any:
    """spacy.load by package name or path; a missing model is ModelNotInstalledError with the way out."""
    import spacy

    try:
        nlp = spacy.load(name, exclude=["lemmatizer", "textcat", "parser"])
    except OSError as e:
        raise ModelNotInstalledError(
            f"spaCy model '{name}' is not installed (nothing is downloaded); install it, or set "
            "anonymise.ner to 'offline' (or 'auto') to use the offline detector, which needs no model",
            key="anonymise.spacy_model",
        ) from e
    if "ner" not in nlp.pipe_names and "entity_ruler" not in nlp.pipe_names:
        raise ModelNotInstalledError(
            f"spaCy pipeline '{name}' has no 'ner' or 'entity_ruler' component; its components: "
            f"{', '.join(nlp.pipe_names) or 'none'}",
            key="anonymise.spacy_model",
        )
    return nlp


@cache
def spacy_model_available(name: str) -> bool:
    import spacy.util

    return Path(name).exists() or spacy.util.is_package(name)


class SpacyNerDetector:
    name = "spacy"

    def __init__(self, nlp: Any) -> None:
        self.nlp = nlp

    def find(self, text: str) -> list[Span]:
        from pipeline.anonymise.offline import context_cue

        doc = self.nlp(text)
        spans = []
        for ent in doc.ents:
            label = LABEL_MAP.get(ent.label_, None)
            if label:
                spans.append(Span(ent.start_char, ent.end_char, label, self.name,
                                  cue=context_cue(text, ent.start_char, ent.end_char)))
        return spans
