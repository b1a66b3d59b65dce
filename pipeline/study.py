"""One study per project folder: which transcripts its outputs and key were built from, and starting anew.

    check_same_study(ids)          at workflow start: refuse outputs and a key of another study
    remove_outputs_of_removed(ids) at run start: drop what transcripts no longer there left behind
    archive_study()                `qualflow new-study`: move results/ and private/ to private/archive/

The transcripts a study was built from are the stems of its per-transcript files
(the workflow's own record of what it ran on) and the list the key keeps beside
itself (private/keys/transcripts.txt), which outlives those files: the key is
append-only, so the list is too.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import shutil
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.errors import StudyError
from pipeline.private import DIR_MODE, FILE_MODE, make_private_folder

log = logging.getLogger(__name__)

KEY_FILES = ("private/keys/key.csv", "private/keys/registry.csv")
KEY_TRANSCRIPTS = "private/keys/transcripts.txt"
ARCHIVE = "private/archive"

# Every file the workflow writes for one transcript (rules/*.smk); {id} is the transcript id.
PER_TRANSCRIPT_OUTPUTS = (
    "private/turns/{id}.parquet",
    "private/spans/{id}.parquet",
    "private/keys/views/{id}.csv",
    "results/anonymised/{id}.parquet",
    "results/anonymised/{id}.txt",
    "results/anonymised/{id}.redactions.csv",
    "results/embeddings/{id}.npz",
    "results/coded/{id}.parquet",
    "results/logs/parse/{id}.log",
    "results/logs/find_identifiers/{id}.log",
    "results/logs/anonymise/{id}.log",
    "results/logs/embed/{id}.log",
    "results/logs/code/{id}.log",
)

# Per-transcript outputs whose file names give the ids (folder, suffix); files that are not a transcript's.
_RECORDS = (
    ("private/turns", ".parquet"),
    ("private/spans", ".parquet"),
    ("private/keys/views", ".csv"),
    ("results/anonymised", ".parquet"),
    ("results/coded", ".parquet"),
    ("results/embeddings", ".npz"),
)
_NOT_TRANSCRIPTS = {"results/embeddings/codebook.npz"}

# Files of the repository itself that stay where they are when a study is archived.
_KEPT_IN_PLACE = {"results": {".gitkeep"}, "private": {"README.md", "archive"}}

NEW_STUDY_HINT = "run `qualflow new-study` to archive them (nothing is deleted) and start this study clean"


def recorded_transcripts(root: str | Path = ".") -> set[str]:
    """Ids of the transcripts the outputs under results/ and private/ and the key were built from."""
    root = Path(root)
    ids: set[str] = set()
    for folder, suffix in _RECORDS:
        path = root / folder
        if not path.is_dir():
            continue
        for item in path.iterdir():
            name = item.name
            if name.endswith(suffix) and not name.startswith(".") and f"{folder}/{name}" not in _NOT_TRANSCRIPTS:
                ids.add(name[: -len(suffix)])
    listed = root / KEY_TRANSCRIPTS
    if listed.is_file():
        ids.update(line.strip() for line in listed.read_text(encoding="utf-8").splitlines() if line.strip())
    return ids


def has_key(root: str | Path = ".") -> bool:
    return any((Path(root) / name).is_file() for name in KEY_FILES)


def check_same_study(transcript_ids: Iterable[str], root: str | Path = ".") -> None:
    """StudyError if results/ or the key were built from transcripts none of which is present now.

    Some removed and some kept is the same study going on: see remove_outputs_of_removed.
    """
    current = set(transcript_ids)
    recorded = recorded_transcripts(root)
    if recorded & current:
        return
    if recorded:
        raise StudyError(
            f"results/ and private/ (the pseudonym key) were built from {len(recorded)} other transcript(s), "
            f"none of which is in the transcripts folder now (e.g. '{sorted(recorded)[0]}'): another study's; "
            + NEW_STUDY_HINT,
            path="private/keys",
        )
    if has_key(root):
        raise StudyError("the pseudonym key does not record which transcripts it was built from, so it may be "
                         "another study's; " + NEW_STUDY_HINT, path="private/keys")


def outputs_of_removed(transcript_ids: Iterable[str], root: str | Path = ".") -> dict[str, list[Path]]:
    """Removed transcript id -> its per-transcript files still present (relative to root)."""
    root = Path(root)
    gone = sorted(recorded_transcripts(root) - set(transcript_ids))
    found: dict[str, list[Path]] = {}
    for transcript_id in gone:
        paths = [Path(p.format(id=transcript_id)) for p in PER_TRANSCRIPT_OUTPUTS]
        present = [p for p in paths if (root / p).is_file() and str(p) not in _NOT_TRANSCRIPTS]
        if present:
            found[transcript_id] = present
    return found


def remove_outputs_of_removed(transcript_ids: Iterable[str], root: str | Path = ".") -> list[str]:
    """Delete the per-transcript outputs of transcripts no longer present; the key keeps their entries.

    Returns the ids whose outputs were removed.
    """
    root = Path(root)
    found = outputs_of_removed(transcript_ids, root)
    for paths in found.values():
        for path in paths:
            (root / path).unlink(missing_ok=True)
    if found:
        log.info("Removed the outputs of %d transcript(s) no longer in the transcripts folder: %s",
                 len(found), ", ".join(found))
    return list(found)


def record_key_transcripts(transcript_ids: Iterable[str], key_dir: str | Path) -> None:
    """Add these ids to the list of transcripts the key was built from (mode 0600; never shrinks)."""
    from pipeline.io import atomic_open

    path = Path(key_dir) / Path(KEY_TRANSCRIPTS).name
    known = set(path.read_text(encoding="utf-8").split()) if path.is_file() else set()
    everything = known | set(transcript_ids)
    if everything != known or not path.is_file():
        with atomic_open(path, file_mode=0o600) as handle:
            handle.write("".join(f"{i}\n" for i in sorted(everything)))


@dataclass
class Archived:
    """What archive_study moved: where to, and the notable files among them."""

    folder: Path | None
    moved: list[str] = field(default_factory=list)
    identifiers: bool = False


def archive_study(root: str | Path = ".", now: dt.datetime | None = None) -> Archived:
    """Move everything of results/ and private/ (but earlier archives) into private/archive/<date-time>/.

    Everything in the archive is owner-only (folders 0700, files 0600); nothing is deleted.
    results/.gitkeep and private/README.md stay in place. Returns Archived(None) if there was nothing.
    StudyError while a workflow run holds Snakemake's lock on the folder.
    """
    root = Path(root)
    locks = root / ".snakemake" / "locks"
    if locks.is_dir() and any(locks.iterdir()):
        raise StudyError("a workflow run is going on in this folder (or one was killed: then run "
                         "`python3 -m snakemake --unlock`); let it finish before starting a new study",
                         path=".snakemake/locks")
    moving = [(part, item) for part in ("results", "private") if (root / part).is_dir()
              for item in sorted((root / part).iterdir()) if item.name not in _KEPT_IN_PLACE[part]]
    if not moving:
        return Archived(folder=None)
    stamp = (now or dt.datetime.now()).strftime("%Y-%m-%d-%H%M%S")
    archive = root / ARCHIVE
    folder = archive / stamp
    suffix = 1
    while folder.exists():
        suffix += 1
        folder = archive / f"{stamp}-{suffix}"
    make_private_folder(folder, root / "private")
    moved = []
    for part, item in moving:
        target = folder / part
        make_private_folder(target, folder)
        shutil.move(str(item), str(target / item.name))
        moved.append(f"{part}/{item.name}")
    # Everything archived lies under private/ now, results/ included: owner-only like the rest of it.
    for path in folder.rglob("*"):
        if not path.is_symlink():
            os.chmod(path, DIR_MODE if path.is_dir() else FILE_MODE)
    return Archived(folder=folder.relative_to(root), moved=moved, identifiers="private/identifiers.csv" in moved)
