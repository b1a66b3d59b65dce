"""Check every transcript at the door: at each workflow start and for `qualflow check-inputs`.

A transcript is checked by reading it exactly as the parse step will, so a file
that passes here cannot fail there (empty, not a Word document, undecodable,
no speaker labels). Reading costs ~25-65 ms a file, so results are cached by
file size and modification time, in a file under private/ (it holds speaker
labels, which are names).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from dataclasses import asdict, dataclass
from pathlib import Path

import pandas as pd

from pipeline.errors import InputError, MetadataError, TranscriptError
from pipeline.transcripts import detect_format, read_transcript
from pipeline.transcripts.discover import discover_transcripts
from pipeline.transcripts.metadata import DEFAULT_ROLE, fold_label, load_metadata, load_speakers

log = logging.getLogger(__name__)

SUMMARY_COLUMNS = ["transcript_id", "format", "turns", "speakers", "not_in_speakers_csv"]

# Where the workflow keeps the checks of unchanged transcripts; only used when private/ exists.
CACHE_FILE = "private/cache/transcript-check.json"

# How many unlisted speakers a warning names before it says how many more there are.
_NAMED_IN_WARNING = 5


@dataclass(frozen=True)
class TranscriptCheck:
    """What reading one transcript found: an error line, or its format, turn count and speaker labels."""

    format: str
    turns: int = 0
    speakers: tuple[str, ...] = ()
    error: str | None = None


def check_transcript(path: str | Path, transcript_id: str) -> TranscriptCheck:
    """Read one transcript as the parse step does; the error is one line naming the file and what is wrong."""
    path = Path(path)
    fmt = detect_format(path)
    try:
        turns = read_transcript(path, transcript_id=transcript_id)
    except InputError as e:
        return TranscriptCheck(format=fmt, error=str(e))
    return TranscriptCheck(format=fmt, turns=len(turns), speakers=tuple(dict.fromkeys(t.speaker for t in turns)))


def check_transcripts(transcripts: dict[str, Path], cache: str | Path | None = None) -> dict[str, TranscriptCheck]:
    """check_transcript for every transcript (id -> file); with `cache`, unchanged files are not read again.

    A cached check is used only while the file keeps its size and modification time
    and the reading code is unchanged. The cache file is written (mode 0600) only when
    something changed, and only if its folder's parent exists (it never creates private/).
    """
    fingerprint = _reader_fingerprint()
    cached = _load_cache(cache, fingerprint) if cache else {}
    checks: dict[str, TranscriptCheck] = {}
    entries: dict[str, dict] = {}
    for transcript_id, path in transcripts.items():
        stat = Path(path).stat()
        key = str(path)
        entry = cached.get(key)
        if entry and entry.get("size") == stat.st_size and entry.get("mtime_ns") == stat.st_mtime_ns:
            check = TranscriptCheck(format=entry["format"], turns=entry["turns"],
                                    speakers=tuple(entry["speakers"]), error=entry["error"])
        else:
            check = check_transcript(path, transcript_id)
            entry = dict(asdict(check), size=stat.st_size, mtime_ns=stat.st_mtime_ns)
            entry["speakers"] = list(check.speakers)
        checks[transcript_id] = check
        entries[key] = entry
    if cache and entries != cached:
        _save_cache(Path(cache), fingerprint, entries)
    return checks


def first_problem(checks: dict[str, TranscriptCheck]) -> TranscriptError | None:
    """The first unreadable transcript as one error line (saying how many others fail), or None."""
    bad = [check.error for check in checks.values() if check.error]
    if not bad:
        return None
    more = ""
    if len(bad) > 1:
        more = f" (and {len(bad) - 1} more transcript(s) with problems; qualflow check-inputs lists them)"
    return TranscriptError(bad[0] + more)


def every_problem(checks: dict[str, TranscriptCheck]) -> TranscriptError | None:
    """Every unreadable transcript, one line each under a count when there are several, or None."""
    bad = [check.error for check in checks.values() if check.error]
    if len(bad) <= 1:
        return first_problem(checks)
    return TranscriptError(f"{len(bad)} transcripts cannot be read:\n  " + "\n  ".join(bad))


def unlisted_speakers(checks: dict[str, TranscriptCheck], speakers: pd.DataFrame) -> list[tuple[str, str]]:
    """(transcript_id, label) of every speaker a transcript has but speakers.csv does not list."""
    listed = {(str(t), fold_label(str(s))) for t, s in zip(speakers["transcript_id"], speakers["speaker"])}
    return [(transcript_id, label) for transcript_id, check in checks.items() for label in check.speakers
            if (transcript_id, fold_label(label)) not in listed]


def unlisted_warning(unlisted: list[tuple[str, str]], speakers_csv: str | Path) -> str | None:
    """One line for the start of a run: who is not in speakers.csv and gets role 'other'; None if nobody."""
    if not unlisted:
        return None
    named = ", ".join(f"'{label}' ({transcript_id})" for transcript_id, label in unlisted[:_NAMED_IN_WARNING])
    more = f" and {len(unlisted) - _NAMED_IN_WARNING} more" if len(unlisted) > _NAMED_IN_WARNING else ""
    return (f"warning: {len(unlisted)} speaker(s) not in {speakers_csv} get role '{DEFAULT_ROLE}': {named}{more}; "
            f"add a row for each to give the role (qualflow check-inputs lists them all)")


def check_inputs(folder: str | Path, metadata: str | Path, speakers: str | Path) -> pd.DataFrame:
    """One summary row per transcript; raises the first QualflowError found in any input.

    Every transcript is read; unreadable ones raise, naming each. Speakers
    missing from speakers.csv are in the summary's last column and, as
    (transcript_id, label) pairs, in `summary.attrs['unlisted']` (see unlisted_error).
    """
    transcripts = discover_transcripts(folder)
    ids = list(transcripts)
    load_metadata(metadata, ids, transcripts_dir=str(folder).rstrip("/"))
    listed = load_speakers(speakers, ids)
    checks = check_transcripts(transcripts)
    problem = every_problem(checks)
    if problem is not None:
        raise problem
    unlisted = unlisted_speakers(checks, listed)
    missing = {t: [label for i, label in unlisted if i == t] for t in checks}
    summary = pd.DataFrame(
        [(t, c.format, c.turns, len(c.speakers), ", ".join(missing[t])) for t, c in checks.items()],
        columns=SUMMARY_COLUMNS,
    )
    summary.attrs["unlisted"] = unlisted
    return summary


def unlisted_error(unlisted: list[tuple[str, str]], speakers: str | Path) -> MetadataError | None:
    """The error for the first (transcript_id, label) missing from speakers.csv (saying how many more), or None."""
    if not unlisted:
        return None
    transcript_id, label = unlisted[0]
    more = f" (and {len(unlisted) - 1} more, listed above)" if len(unlisted) > 1 else ""
    return MetadataError(f"no row for speaker '{label}' of transcript '{transcript_id}'{more}; "
                         f"add one with their role, or the workflow gives them role '{DEFAULT_ROLE}'", path=speakers)


def _reader_fingerprint() -> str:
    """Digest of the code that reads transcripts: a change to it invalidates every cached check."""
    digest = hashlib.sha256()
    here = Path(__file__).resolve().parent
    for source in sorted(here.glob("*.py")) + [here.parent / "turns.py"]:
        digest.update(source.name.encode())
        digest.update(source.read_bytes())
    return digest.hexdigest()[:16]


def _load_cache(cache: str | Path, fingerprint: str) -> dict[str, dict]:
    try:
        data = json.loads(Path(cache).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("fingerprint") != fingerprint or not isinstance(data.get("files"), dict):
        return {}
    return data["files"]


def _save_cache(cache: Path, fingerprint: str, entries: dict[str, dict]) -> None:
    from pipeline.io import atomic_open

    # The cache holds speaker labels: it lives in private/ and never creates it.
    if not cache.parent.parent.is_dir():
        return
    try:
        if not cache.parent.is_dir():
            os.mkdir(cache.parent, 0o700)
        with atomic_open(cache, file_mode=0o600) as handle:
            json.dump({"fingerprint": fingerprint, "files": entries}, handle)
    except OSError as e:  # a speed-up only: never stop a run for it
        log.warning("cannot write %s (%s); transcripts will be read again next time", cache, e)
