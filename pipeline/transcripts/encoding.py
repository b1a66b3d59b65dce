"""Turn a transcript file's bytes into clean text, whatever program saved it.

Researchers hand over files saved by Word ("Save as text" gives Windows-1252),
by Notepad (UTF-8 with a byte-order mark), by Teams (UTF-8 with BOM and CRLF),
or pasted through an email client that double-encoded the apostrophes. None of
them should need to know which encoding they used.
"""

from __future__ import annotations

import codecs
import logging
from pathlib import Path

import ftfy

from pipeline.errors import TranscriptError

log = logging.getLogger(__name__)

# Only the repairs that undo a wrong decoding. Quotes, ligatures and
# full-width characters are what the speaker's typist wrote, so they stay.
_FIX_ENCODING_ONLY = ftfy.TextFixerConfig(
    unescape_html=False,
    remove_terminal_escapes=True,
    fix_encoding=True,
    restore_byte_a0=True,
    replace_lossy_sequences=True,
    decode_inconsistent_utf8=True,
    fix_c1_controls=True,
    fix_latin_ligatures=False,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=True,
    fix_surrogates=True,
    remove_control_chars=True,
    normalization="NFC",
    explain=False,
)

# Bytes that start a zip archive: a .docx (or .xlsx) saved under a text extension.
_ZIP_MAGIC = b"PK\x03\x04"

# Share of C0 control characters above which decoded "text" is really binary data.
_MAX_CONTROL_SHARE = 0.01


def read_text_file(path: str | Path) -> str:
    """The file's text: decoded, mojibake repaired, line endings '\\n'; TranscriptError if empty or binary."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as e:
        raise TranscriptError(f"cannot read the file ({e.strerror})", path=path) from e
    text = fix_text(decode_bytes(data, path))
    if not text.strip():
        raise TranscriptError("the file is empty (no text in it)", path=path)
    return text


def decode_bytes(data: bytes, path: str | Path) -> str:
    """Decode without asking: UTF-16 or UTF-8 by their BOM, else UTF-8, else Windows-1252."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        log.info("%s: decoded as UTF-16 (byte-order mark found)", path)
        return data.decode("utf-16", errors="replace")
    if data.startswith(_ZIP_MAGIC):
        raise TranscriptError(
            "this is a zip archive (a Word .docx or Excel file?), not plain text; "
            "give a Word document the .docx extension",
            path=path,
        )
    if b"\x00" in data:
        raise TranscriptError("this is a binary file (it contains NUL bytes), not a text transcript", path=path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError as e:
            raise TranscriptError(
                f"cannot decode the file as UTF-8 or Windows-1252 (byte 0x{data[e.start]:02x} at offset {e.start}); "
                "save it as UTF-8 text",
                path=path,
            ) from e
        log.info("%s: not UTF-8; decoded as Windows-1252", path)
    if _looks_binary(text):
        raise TranscriptError("this looks like a binary file (many control characters), not a text transcript", path=path)
    return text


def fix_text(text: str) -> str:
    """Repair mojibake such as 'â€™' and normalise every line ending to '\\n'."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.isascii():
        return text
    return ftfy.fix_text(text, _FIX_ENCODING_ONLY)


def _looks_binary(text: str) -> bool:
    if not text:
        return False
    controls = sum(1 for ch in text[:65536] if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    return controls / min(len(text), 65536) > _MAX_CONTROL_SHARE
