"""Detectors chosen by settings, run together: spans found, overlaps settled, keep-list applied, entities named."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any

import pandas as pd

from pipeline.anonymise.context import CALENDAR_WORDS, STRONG_CUES
from pipeline.anonymise.keep import LARGE_CITIES, KeepList, large_city_kept, trim_council_tail
from pipeline.anonymise.lexicon import fold
from pipeline.anonymise.nameforms import person_key, tie_name_forms
from pipeline.anonymise.known import KnownTerm, TermMatcher, load_identifiers, normalise, speaker_terms
from pipeline.anonymise.patterns import PatternDetector
from pipeline.anonymise.spans import Detector, Span, resolve_overlaps
from pipeline.progress import progress

log = logging.getLogger(__name__)

# `cue`: the evidence a guessing detector saw besides the word itself ("" for none; see Span).
SPAN_COLUMNS = ["transcript_id", "turn", "start", "end", "label", "detector", "text", "entity", "cue"]


@dataclass
class SpanFinder:
    """Runs every detector over a text and returns the settled spans, each with its entity key."""

    detectors: list[Detector]
    keep: KeepList
    # "consultation" leaves large cities (found with no person cue) in the text; "strict" masks them.
    profile: str = "consultation"

    def find(self, text: str) -> list[Span]:
        found: list[Span] = []
        for detector in self.detectors:
            found.extend(detector.find(text))
        found = [trim_council_tail(text, s) if s.detector != "known" else s for s in found]
        if self.profile == "consultation":
            cities = _large_cities()
            found = [s for s in found if s.detector in {"known", "speaker"} or not large_city_kept(text, s, cities)]
        # A calendar word the context names ("my neighbour Sunday", "she is called May") is a person:
        # the keep-list's days and months do not cover it.
        named = [s for s in found if s.cue in STRONG_CUES and fold(text[s.start : s.end]) in CALENDAR_WORDS]
        kept = self.keep.filter(text, [s for s in found if s not in named], protected=("known",))
        settled = resolve_overlaps(kept + named)
        return [s if s.entity else replace(s, entity=entity_key(s.label, text[s.start : s.end])) for s in settled]


@cache
def _large_cities() -> frozenset[str]:
    return frozenset(c.casefold() for c in LARGE_CITIES)


def entity_key(label: str, original: str) -> str:
    """Spellings of one thing share a key: digits of a phone, a postcode without spaces, a name without title."""
    if label == "PHONE":
        digits = re.sub(r"\D", "", original)
        return f"PHONE:0{digits[2:]}" if digits.startswith("44") else f"PHONE:{digits}"
    if label in {"POSTCODE", "ID_NUMBER"}:
        compact = re.sub(r"\W", "", original).upper()
        return f"{label}:{compact}"
    if label == "PERSON":
        return f"PERSON:{person_key(normalise(original))}"  # Kowalska and Kowalski: one family name
    return f"{label}:{normalise(original)}"


def name_detector(settings: dict[str, Any], kept: frozenset[str] = frozenset()) -> Detector:
    """The free-text layer by name: spaCy NER when chosen (or installed, for auto), else the offline one."""
    from pipeline.anonymise.spacy_ner import SpacyNerDetector, load_ner_pipeline, spacy_model_available

    choice, model = settings.get("ner", "auto"), settings.get("spacy_model", "en_core_web_sm")
    if choice == "spacy" or (choice == "auto" and spacy_model_available(model)):
        return SpacyNerDetector(load_ner_pipeline(model))
    if choice == "auto":
        log.info("spaCy model '%s' is not installed; using the offline name detector", model)
    from pipeline.anonymise.offline import OfflineNameDetector

    return OfflineNameDetector(kept=kept)


def build_finder(
    settings: dict[str, Any],
    speakers: Iterable[tuple[str, str]] = (),
    extra_terms: Iterable[KnownTerm] = (),
    cache_dir: str | Path | None = None,
) -> SpanFinder:
    keep = KeepList(settings.get("keep", []))
    known = load_identifiers(settings.get("identifiers", "private/identifiers.csv")) + list(extra_terms)
    detectors: list[Detector] = [
        TermMatcher(known, "known"),
        speaker_matcher(list(speakers), keep.folded, cache_dir),
        PatternDetector(),
    ]
    detectors.append(name_detector(settings, keep.folded))
    profile = settings.get("profile", "consultation")
    if profile == "strict":
        from pipeline.anonymise.strict import StrictDetector

        detectors.append(StrictDetector())
    return SpanFinder(detectors, keep, profile)


def speaker_matcher(
    speakers: list[tuple[str, str]], kept: frozenset[str], cache_dir: str | Path | None = None
) -> TermMatcher:
    """The matcher of every speaker's name forms; with `cache_dir`, built once per set of speakers.

    Every find-identifiers job matches all speakers of the project, so building this matcher
    grew with the project: 0.6 s per job at 500 transcripts' speakers. Loading it is much cheaper.
    """
    if cache_dir is None:
        return TermMatcher(speaker_terms(speakers), "speaker", keep=kept)
    import hashlib
    import json
    import pickle

    from pipeline.anonymise import known

    digest = hashlib.blake2b(digest_size=16)
    digest.update(json.dumps([sorted(speakers), sorted(kept)]).encode("utf-8"))
    digest.update(Path(known.__file__).read_bytes())  # other matching code, other matcher
    path = Path(cache_dir) / f"speaker-matcher-{digest.hexdigest()}.pickle"
    try:
        matcher = pickle.loads(path.read_bytes())
        if isinstance(matcher, TermMatcher):
            return matcher
    except (OSError, EOFError, AttributeError, ImportError, pickle.UnpicklingError):
        pass  # absent or damaged: build it again
    matcher = TermMatcher(speaker_terms(speakers), "speaker", keep=kept)
    _save_matcher(matcher, path)
    return matcher


def _save_matcher(matcher: TermMatcher, path: Path) -> None:
    import pickle

    from pipeline.io import atomic_open

    path.parent.mkdir(parents=True, exist_ok=True)
    for stale in path.parent.glob("speaker-matcher-*.pickle"):
        if stale != path:
            stale.unlink(missing_ok=True)
    with atomic_open(path, "wb") as handle:
        pickle.dump(matcher, handle, protocol=pickle.HIGHEST_PROTOCOL)


def speakers_of(path: str | Path | None) -> list[tuple[str, str]]:
    """(label, person key) for every speaker of the project; person_id when given, else the label."""
    if path is None:
        return []
    from pipeline.io import read_table

    table = read_table(path)
    if "speaker" not in table.columns:
        from pipeline.errors import MetadataError

        raise MetadataError("no 'speaker' column; expected transcript_id,speaker,role[,person_id]", path=path, line=1)
    people = table["person_id"] if "person_id" in table.columns else table["speaker"]
    pairs = []
    for label, person in zip(table["speaker"], people):
        person = person if isinstance(person, str) and person.strip() else label
        pairs.append((str(label), str(person)))
    return pairs


def find_transcript_spans(turns: pd.DataFrame, finder: SpanFinder) -> pd.DataFrame:
    rows = []
    label = f"Finding identifiers in {turns['transcript_id'].iloc[0]}" if len(turns) else "Finding identifiers"
    rows_in = zip(turns["transcript_id"], turns["turn"], turns["text"])
    for transcript_id, turn, text in progress(rows_in, total=len(turns), label=label):
        text = text if isinstance(text, str) else ""
        for s in finder.find(text):
            rows.append((transcript_id, int(turn), s.start, s.end, s.label, s.detector, text[s.start : s.end], s.entity,
                         s.cue))
    spans = pd.DataFrame(rows, columns=SPAN_COLUMNS)
    # "Tomek" and "Tomasz", "Nováková" and "Novák" in one transcript: one person (nameforms.py).
    ties = tie_name_forms(set(spans["entity"]))
    if ties:
        spans["entity"] = spans["entity"].map(lambda e: ties.get(e, e))
    return spans.astype({"turn": "int64", "start": "int64", "end": "int64"})
