"""Anonymise one transcript: speakers to role pseudonyms, spans and key originals to tags, then self-check."""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

import pandas as pd

from pipeline.anonymise.keep import KeepList
from pipeline.anonymise.known import KnownTerm, TermMatcher, load_identifiers
from pipeline.anonymise.key import SEPARATOR, read_key
from pipeline.anonymise.replace import apply_spans
from pipeline.anonymise.spans import Span, is_weak, resolve_overlaps
from pipeline.errors import AnonymisationError
from pipeline.io import read_table, write_table
from pipeline.turns import ANONYMISED_COLUMNS, INTERPRETS_FOR, LABEL_SEPARATOR, split_labels

log = logging.getLogger(__name__)

REDACTION_COLUMNS = ["turn", "start", "end", "category", "pseudonym", "detector"]
ROLE_PREFIX = {"facilitator": "Facilitator", "interpreter": "Interpreter", "provider": "Provider", "other": "Other"}
WORD = re.compile(r"\w+")


def speaker_pseudonyms(speakers: pd.DataFrame) -> dict[tuple[str, str], str]:
    """(transcript_id, label) -> P01 / Facilitator 1 ...: numbered by first appearance in speakers.csv, per person."""
    by_person: dict[str, str] = {}
    counters: dict[str, int] = {}
    out: dict[tuple[str, str], str] = {}
    people = speakers["person_id"] if "person_id" in speakers.columns else speakers["speaker"]
    for transcript_id, label, role, person in zip(speakers["transcript_id"], speakers["speaker"], speakers["role"], people):
        person = person if isinstance(person, str) and person.strip() else label
        if person not in by_person:
            role = role if role in ROLE_PREFIX or role == "community" else "other"
            counters[role] = counters.get(role, 0) + 1
            n = counters[role]
            by_person[person] = f"P{n:02d}" if role == "community" else f"{ROLE_PREFIX[role]} {n}"
        out[(str(transcript_id), str(label))] = by_person[person]
    return out


def interprets_for_pseudonyms(transcript_ids: pd.Series, cells: pd.Series, labels: dict[tuple[str, str], str]) -> list:
    """The interprets_for cells with each speaker label replaced by that speaker's pseudonym ('P02;P03')."""
    from pipeline.transcripts.metadata import fold_label

    folded = {(t, fold_label(label)): pseudonym for (t, label), pseudonym in labels.items()}
    out = []
    for transcript_id, cell in zip(transcript_ids, cells):
        names = split_labels(cell)
        pseudonyms = [folded.get((str(transcript_id), fold_label(n)), "Other") for n in names]
        out.append(LABEL_SEPARATOR.join(pseudonyms) if pseudonyms else None)
    return out


def _with_metadata(turns: pd.DataFrame, speakers: pd.DataFrame, metadata: pd.DataFrame) -> pd.DataFrame:
    try:
        from pipeline.transcripts.metadata import attach_speakers
    except ImportError:
        attach_speakers = None
    transcript_id = str(turns["transcript_id"].iloc[0]) if len(turns) else ""
    if attach_speakers is not None:
        joined = attach_speakers(turns, speakers, transcript_id)
    else:
        own = speakers[speakers["transcript_id"].astype(str) == transcript_id].drop(columns=["transcript_id"])
        joined = turns.merge(own.drop_duplicates("speaker"), on="speaker", how="left")
        unknown = sorted(set(joined.loc[joined["role"].isna(), "speaker"]))
        if unknown:
            log.warning("speakers.csv has no row for %s in %s; role 'other'", ", ".join(unknown), transcript_id)
        joined["role"] = joined["role"].fillna("other")
    meta = metadata[metadata["transcript_id"].astype(str) == transcript_id]
    for column in ("site", "date", "group_type"):
        joined[column] = meta[column].iloc[0] if len(meta) and column in meta.columns else None
    return joined


def anonymise_transcript(
    turns_path: str | Path,
    spans_path: str | Path,
    key_path: str | Path,
    speakers_path: str | Path,
    metadata_path: str | Path,
    settings: dict[str, Any],
    out_path: str | Path,
) -> pd.DataFrame:
    turns = read_table(turns_path)
    spans = read_table(spans_path)
    key = read_key(key_path)
    speakers = read_table(speakers_path)
    metadata = read_table(metadata_path)
    pseudonym_of = dict(zip(key["entity"], key["pseudonym"]))
    originals = [
        KnownTerm(o, label, entity)
        for entity, label, joined in zip(key["entity"], key["label"], key["originals"])
        for o in joined.split(SEPARATOR) if o.strip()
    ]
    everywhere = TermMatcher(originals, "key")
    identifiers = load_identifiers(settings.get("identifiers", "private/identifiers.csv"))
    max_share = float(settings.get("max_masked_share", 0.5))
    keep = KeepList(settings.get("keep", []))

    texts, redactions = [], []
    for turn, text in zip(turns["turn"], turns["text"]):
        text = text if isinstance(text, str) else ""
        own = spans[spans["turn"] == turn]
        cues = own["cue"] if "cue" in own.columns else [None] * len(own)
        found = [Span(int(s), int(e), lab, det, ent, cue if isinstance(cue, str) else "?") for s, e, lab, det, ent, cue
                 in zip(own["start"], own["end"], own["label"], own["detector"], own["entity"], cues)]
        # A codebook term found on the word alone: build-key left it out of the key, so it stays,
        # unless the key masks the same word for a better reason (a literal match below).
        found = [s for s in found if s.entity in pseudonym_of or not is_weak(s.detector, s.cue)]
        settled = resolve_overlaps(found + everywhere.find(text))
        pairs = []
        for span in settled:
            pseudonym = pseudonym_of.get(span.entity)
            if pseudonym is None and keep.covers(text[span.start : span.end]):
                continue  # kept since the spans were found
            if pseudonym is None:
                raise AnonymisationError(f"entity of a span in turn {turn} is not in the key; rerun build-key", path=key_path)
            pairs.append((span, pseudonym))
            redactions.append((int(turn), span.start, span.end, span.label, pseudonym, span.detector))
        _warn_if_mostly_masked(text, settled, max_share, turn, turns_path)
        texts.append(apply_spans(text, pairs, settings.get("style", "tag")))

    out = _with_metadata(turns.assign(text=texts), speakers, metadata)
    labels = speaker_pseudonyms(speakers)
    out["speaker"] = [labels.get((str(t), str(s)), "Other") for t, s in zip(out["transcript_id"], out["speaker"])]
    if INTERPRETS_FOR in out.columns:
        out[INTERPRETS_FOR] = interprets_for_pseudonyms(out["transcript_id"], out[INTERPRETS_FOR], labels)
    attributes = [c for c in out.columns if c not in ANONYMISED_COLUMNS and c not in {"person_id"}]
    out = out[ANONYMISED_COLUMNS + attributes]
    _refuse_leaks(out, key, identifiers, out_path)

    out_path = Path(out_path)
    write_table(out, out_path)
    write_table(pd.DataFrame(redactions, columns=REDACTION_COLUMNS), out_path.with_suffix(".redactions.csv"))
    from pipeline.io import atomic_open

    with atomic_open(out_path.with_suffix(".txt")) as handle:
        for speaker, start, text in zip(out["speaker"], out["start"], out["text"]):
            handle.write(f"[{_clock(start)}] {speaker}: {text}\n")
    return out


def _clock(seconds: Any) -> str:
    if seconds is None or pd.isna(seconds):
        return "--:--:--"
    s = int(seconds)
    return f"{s // 3600:02d}:{s % 3600 // 60:02d}:{s % 60:02d}"


def _warn_if_mostly_masked(text: str, spans: list[Span], max_share: float, turn: Any, path: Any) -> None:
    words = list(WORD.finditer(text))
    if len(words) < 4:
        return
    masked = sum(any(s.start < w.end() and w.start() < s.end for s in spans) for w in words)
    if masked / len(words) > max_share:
        log.warning("more than %d%% of words masked in turn %s of %s (%d of %d); check the detectors",
                    round(max_share * 100), turn, path, masked, len(words))


def _refuse_leaks(out: pd.DataFrame, key: pd.DataFrame, identifiers: list[KnownTerm], out_path: Any) -> None:
    """The last line of defence: if any original survived, write nothing at all."""
    terms = [KnownTerm(o, lab, p) for lab, p, joined in zip(key["label"], key["pseudonym"], key["originals"])
             for o in joined.split(SEPARATOR) if o.strip()]
    terms += [KnownTerm(t.term, t.label, t.replacement or t.entity) for t in identifiers]
    matcher = TermMatcher(terms, "check")
    for column in ("text", "speaker", INTERPRETS_FOR):
        if column not in out.columns:
            continue
        for turn, value in zip(out["turn"], out[column]):
            for span in matcher.find(str(value)):
                raise AnonymisationError(
                    f"refusing to write: turn {turn} still contains the original of {span.entity}", path=out_path
                )
