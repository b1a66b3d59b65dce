"""Read a transcript in any supported format into speaker turns.

    read_transcript("transcripts/site-a.vtt") -> [Turn(...), ...]
    turns_frame(turns) -> DataFrame with TURN_COLUMNS

One reader per format; each yields labelled pieces of talk, and merge.py
turns them into numbered turns the same way for every format.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pandas as pd

from pipeline.errors import TranscriptError
from pipeline.turns import TURN_COLUMNS, Turn

log = logging.getLogger(__name__)

# Extension -> format name; the format names are also the choices of `qualflow parse --format`.
FORMATS = {".txt": "txt", ".md": "md", ".docx": "docx", ".vtt": "vtt", ".srt": "srt"}
SUPPORTED_EXTENSIONS = tuple(FORMATS)


def detect_format(path: str | Path) -> str:
    """The format a file's extension says it is; TranscriptError naming the supported ones otherwise."""
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise TranscriptError(
            f"unsupported transcript file type '{suffix or '(no extension)'}'; "
            f"supported: {', '.join(SUPPORTED_EXTENSIONS)}",
            path=path,
        )
    return FORMATS[suffix]


def read_transcript(path: str | Path, fmt: str = "auto", transcript_id: str | None = None) -> list[Turn]:
    """Speaker turns of one transcript, numbered from 1; consecutive pieces of one speaker form one turn.

    fmt: 'auto' (by extension) or one of txt, md, docx, vtt, srt.
    transcript_id: defaults to the file name without its extension.
    """
    from pipeline.transcripts.merge import merge_segments

    path = Path(path)
    sniff = fmt == "auto"
    fmt = detect_format(path) if fmt == "auto" else fmt
    if fmt not in FORMATS.values():
        raise TranscriptError(f"unknown format '{fmt}'; expected auto or one of {', '.join(FORMATS.values())}",
                              path=path)
    if not path.is_file():
        raise TranscriptError("transcript file not found", path=path)
    segments = _read_segments(path, fmt, sniff)
    # Subtitle cues cut sentences anywhere; labelled paragraphs are real paragraphs.
    joiner = " " if fmt in ("vtt", "srt") else "\n"
    turns = merge_segments(segments, transcript_id or path.stem, joiner=joiner)
    if not turns:
        raise TranscriptError("speaker labels found but no text in any turn", path=path)
    log.info("%s: %d turns, %d speakers", path, len(turns), len({t.speaker for t in turns}))
    return turns


def _read_segments(path: Path, fmt: str, sniff: bool):
    if fmt == "docx":
        from pipeline.transcripts.docx import parse_docx

        return parse_docx(path)
    from pipeline.transcripts.encoding import read_text_file

    text = read_text_file(path)
    # A Teams or Zoom caption file saved as .txt is still WebVTT.
    if sniff and fmt in ("txt", "md") and text.lstrip().startswith("WEBVTT"):
        log.info("%s: starts with 'WEBVTT'; read as WebVTT", path)
        fmt = "vtt"
    if fmt == "vtt":
        from pipeline.transcripts.vtt import parse_vtt

        return parse_vtt(text, path)
    if fmt == "srt":
        from pipeline.transcripts.srt import parse_srt

        return parse_srt(text, path)
    from pipeline.transcripts.text import parse_plain_text

    return parse_plain_text(text, path, markdown=fmt == "md")


def turns_frame(turns: list[Turn]) -> pd.DataFrame:
    """Turns as a table with TURN_COLUMNS: turn int64, start/end float64 seconds (NaN when unknown)."""
    frame = pd.DataFrame(
        {
            "transcript_id": [t.transcript_id for t in turns],
            "turn": [t.turn for t in turns],
            "speaker": [t.speaker for t in turns],
            "start": [t.start for t in turns],
            "end": [t.end for t in turns],
            "text": [t.text for t in turns],
        },
        columns=TURN_COLUMNS,
    )
    return frame.astype({"turn": "int64", "start": "float64", "end": "float64"})


def read_turns(path: str | Path, fmt: str = "auto", transcript_id: str | None = None) -> pd.DataFrame:
    """read_transcript as a DataFrame with TURN_COLUMNS."""
    return turns_frame(read_transcript(path, fmt, transcript_id))
