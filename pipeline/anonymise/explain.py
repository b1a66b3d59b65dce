"""Why the leak gate failed: where each leaked entity came from, and the edit that resolves it.

The explanation names pseudonyms, categories, detectors, transcripts, turns and file lines,
never an original, so it may go to the job's log under results/. The originals themselves
go to a separate note that only the console shows.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

DETECTORS = {
    "offline": "the offline name detector",
    "spacy": "the spaCy model",
    "known": "private/identifiers.csv",
    "speaker": "a speaker's name (speakers.csv)",
    "pattern": "a pattern",
}
CUES = {
    "": "on the word alone: a capitalised word English rarely uses, with no name cue",
    "title": "after a title such as Mrs or Sergeant",
    "relation": "next to a relation word such as \"my neighbour\" or \"'s wife\"",
    "called": "after \"called\" or \"named\"",
    "suffix": "by a last word such as Road or Academy",
    "speech": "before a verb of speech such as \"says\"",
    "name list": "in a list of first names, surnames or places",
}
GUESSING = {"offline", "spacy", "pattern"}
# Occurrences named in a message; the rest are counted.
SHOWN = 3


@dataclass
class Source:
    """What is known of one leaked pseudonym."""

    pseudonym: str
    label: str = ""
    found: list[str] = field(default_factory=list)  # "the offline name detector (on the word alone)"
    occurrences: list[tuple[str, int]] = field(default_factory=list)  # (transcript, turn)
    speaker_lines: list[int] = field(default_factory=list)
    identifier_lines: list[int] = field(default_factory=list)
    codebook_lines: list[int] = field(default_factory=list)
    in_key: bool = False
    detectors: set[str] = field(default_factory=set)


def explain_leaks(
    leaks: dict[Path, dict[str, set[str]]],
    *,
    results: str | Path,
    quarantine: str | Path,
    key: pd.DataFrame | None,
    identifiers_path: str | Path,
    speakers_path: str | Path | None = None,
    spans_dir: str | Path | None = None,
    codebook: str | Path | None = None,
) -> tuple[str, str]:
    """(message without originals, console-only note with them) for files -> {pseudonym: originals found}."""
    originals: dict[str, set[str]] = {}
    for found in leaks.values():
        for pseudonym, texts in found.items():
            originals.setdefault(pseudonym, set()).update(texts)
    sources = {p: Source(p) for p in sorted(originals)}
    _from_key(sources, key, spans_dir)
    _from_speakers(sources, speakers_path)
    _from_identifiers(sources, identifiers_path)
    codebook_lines = _codebook_lines(originals, codebook) if codebook is not None else {}
    for pseudonym, source in sources.items():
        source.codebook_lines = sorted({n for o in originals[pseudonym] for n in codebook_lines.get(o.casefold(), [])})

    lines = [f"{len(leaks)} file(s) hold identifiers; each was moved to {quarantine}/:"]
    for path, found in leaks.items():
        target = Path(quarantine) / path.relative_to(results)
        lines.append(f"  {path}: contains the original of {', '.join(sorted(found))} (moved to {target})")
    for source in sources.values():
        files = [path for path, found in leaks.items() if source.pseudonym in found]
        lines.extend(_describe(source, files, results, codebook, identifiers_path, speakers_path))
    note = ["The originals, shown on this console only and never written to a file:"]
    note += [f"  {p} is " + " / ".join(f'"{o}"' for o in sorted(originals[p])) for p in sources]
    return "\n".join(lines), "\n".join(note)


def _from_key(sources: dict[str, Source], key: pd.DataFrame | None, spans_dir: str | Path | None) -> None:
    if key is None:
        return
    entity_of = {p: (e, lab) for e, lab, p in zip(key["entity"], key["label"], key["pseudonym"]) if p in sources}
    for pseudonym, (_, label) in entity_of.items():
        sources[pseudonym].in_key = True
        sources[pseudonym].label = label
    if not entity_of or spans_dir is None or not Path(spans_dir).is_dir():
        return
    wanted = {e: p for p, (e, _) in entity_of.items()}
    for path in sorted(Path(spans_dir).glob("*.parquet")):
        spans = pd.read_parquet(path)
        spans = spans[spans["entity"].isin(list(wanted))]
        cues = spans["cue"] if "cue" in spans.columns else ["?"] * len(spans)
        for transcript, turn, detector, entity, cue in zip(spans["transcript_id"], spans["turn"], spans["detector"],
                                                           spans["entity"], cues):
            source = sources[wanted[entity]]
            source.occurrences.append((str(transcript), int(turn)))
            source.detectors.add(str(detector))
            how = DETECTORS.get(str(detector), f"the {detector} detector")
            if detector in {"offline", "spacy"}:
                how += f" ({CUES.get(cue, 'its cue not recorded') if isinstance(cue, str) else 'its cue not recorded'})"
            if how not in source.found:
                source.found.append(how)


def _from_speakers(sources: dict[str, Source], speakers_path: str | Path | None) -> None:
    if speakers_path is None or not Path(speakers_path).exists():
        return
    from pipeline.anonymise.transcript import speaker_pseudonyms
    from pipeline.io import read_table

    speakers = read_table(speakers_path).astype({"transcript_id": str, "speaker": str})
    pseudonyms = speaker_pseudonyms(speakers)
    for line, (transcript_id, label) in enumerate(zip(speakers["transcript_id"], speakers["speaker"]), start=2):
        source = sources.get(pseudonyms[(transcript_id, label)])
        if source is not None:
            source.speaker_lines.append(line)
            source.label = source.label or "PERSON"


def _from_identifiers(sources: dict[str, Source], identifiers_path: str | Path) -> None:
    from pipeline.anonymise.known import load_identifiers

    for line, term in enumerate(load_identifiers(identifiers_path), start=2):
        source = sources.get(term.replacement or f"identifiers.csv line {line}")
        if source is not None:
            source.identifier_lines.append(line)
            source.label = source.label or term.label


def _codebook_lines(originals: dict[str, set[str]], codebook: str | Path) -> dict[str, list[int]]:
    """Casefolded original -> the codebook lines that hold it, matched as the gate matches."""
    from pipeline.anonymise.keep import found_in

    wanted = {o for texts in originals.values() for o in texts}
    lines: dict[str, list[int]] = {}
    text = Path(codebook).read_text(encoding="utf-8", errors="replace")
    for number, line in enumerate(text.splitlines(), start=1):
        for original in found_in(wanted, line):
            lines.setdefault(original, []).append(number)
    return lines


def _describe(source: Source, files: list[Path], results: str | Path, codebook: str | Path | None,
              identifiers_path: str | Path, speakers_path: str | Path | None) -> list[str]:
    head = f"{source.pseudonym} ({source.label or 'category unknown'})"
    where: list[str] = []
    if source.found:
        where.append("found by " + "; ".join(source.found) + " in " + _occurrences(source.occurrences))
    elif source.in_key:
        where.append("in the key from an earlier run (private/keys/registry.csv); no current transcript has it")
    if source.speaker_lines:
        where.append(f"a name form of the speaker on {speakers_path or 'speakers.csv'} {_lines(source.speaker_lines)}")
    if source.identifier_lines:
        where.append(f"listed in {identifiers_path} {_lines(source.identifier_lines)}")
    if source.codebook_lines:
        where.append(f"written in the codebook {codebook} {_lines(source.codebook_lines)}")
    out = [f"  {head}: " + "; ".join(where or ["source unknown"]) + "."]

    not_identifier: list[str] = []
    if source.detectors & GUESSING or source.speaker_lines or (source.in_key and not source.found):
        not_identifier.append("add it to `anonymise.keep` in config.yaml (it then stays in the text everywhere)")
    if source.identifier_lines or "known" in source.detectors:
        lines = source.identifier_lines
        not_identifier.append(f"delete {_lines(lines) if lines else 'its line'} of {identifiers_path}")
    if source.codebook_lines:
        remove = f"take it out of the codebook {codebook} ({_lines(source.codebook_lines)})"
    elif files and all(_under(f, results, "anonymised") for f in files):
        remove = ("there is nothing to change at its source: anonymise never writes an original, so the file "
                  "was changed by hand or by another version (report it if the next run brings it back)")
    else:
        remove = ("remove it from what the file is made of (the codebook, a metadata.csv or speakers.csv "
                  "column, or a hand edit)")
    fixes = []
    if not_identifier:
        fixes.append("if it is not an identifier, " + " or ".join(not_identifier))
    fixes.append(f"if it is one, {remove}")
    out.append("    To fix: " + "; ".join(fixes) + ". Then run the workflow again: it rebuilds the moved files.")
    return out


def _occurrences(found: list[tuple[str, int]]) -> str:
    unique = sorted(set(found))
    shown = ", ".join(f"{t} turn {n}" for t, n in unique[:SHOWN])
    more = len(unique) - SHOWN
    return shown + (f" and {more} more turn(s) in {len({t for t, _ in unique})} transcript(s)" if more > 0 else "")


def _lines(numbers: Iterable[int]) -> str:
    numbers = sorted(set(numbers))
    return ("line " if len(numbers) == 1 else "lines ") + ", ".join(map(str, numbers[:SHOWN])) + (
        " ..." if len(numbers) > SHOWN else "")


def _under(path: Path, results: str | Path, folder: str) -> bool:
    try:
        return Path(path).relative_to(results).parts[0] == folder
    except (ValueError, IndexError):
        return False
