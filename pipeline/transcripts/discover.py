"""Find the transcripts in the transcripts folder: one file per session, its stem is its id."""

from __future__ import annotations

import logging
from pathlib import Path

from pipeline.errors import TranscriptError
from pipeline.transcripts import SUPPORTED_EXTENSIONS

log = logging.getLogger(__name__)


def discover_transcripts(folder: str | Path) -> dict[str, Path]:
    """transcript_id -> file, sorted by id.

    CSV files (metadata, speakers), hidden files, README files and Word lock files
    (~$name.docx) are not transcripts and are passed over; any other file is an
    error, so a transcript saved in an unsupported format is never silently left out.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise TranscriptError("transcripts folder not found", path=folder)
    found: dict[str, Path] = {}
    for path in sorted(folder.iterdir()):
        if not path.is_file() or _ignored(path.name):
            continue
        suffix = path.suffix.lower()
        if suffix == ".csv":
            continue
        if suffix not in SUPPORTED_EXTENSIONS:
            raise TranscriptError(
                f"not a transcript: unsupported file type '{suffix or '(no extension)'}'; supported: "
                f"{', '.join(SUPPORTED_EXTENSIONS)} (CSV files, README files and hidden files are ignored)",
                path=path,
            )
        if path.stem in found:
            raise TranscriptError(
                f"two files for transcript '{path.stem}': {found[path.stem].name} and {path.name}; "
                "keep one (the file name without its extension is the transcript id)",
                path=folder,
            )
        found[path.stem] = path
    if not found:
        raise TranscriptError(
            f"no transcripts found in {folder}/; expected files ending in {', '.join(SUPPORTED_EXTENSIONS)}"
        )
    log.info("%s: %d transcripts", folder, len(found))
    return dict(sorted(found.items()))


def _ignored(name: str) -> bool:
    return name.startswith((".", "~$")) or name.upper().startswith("README")
