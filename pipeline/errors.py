"""One error hierarchy for everything a researcher can fix by changing an input.

Each message says where to look (file, line, key, code id) and what was
expected, so the command line can print it as one line with no traceback.
"""

from __future__ import annotations

from os import PathLike
from typing import Any


class QualflowError(Exception):
    """Base of every error caused by input the user controls.

    `log_safe`: the message never quotes raw text, so the command line also writes it to the
    job's log (under results/). `console_note`: more for the console only, never for a file.
    """

    log_safe = False
    console_note = ""

    def __init__(
        self,
        message: str,
        *,
        path: str | PathLike[str] | None = None,
        line: int | None = None,
        key: str | None = None,
    ) -> None:
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line
        self.key = key
        super().__init__(self.__str__())

    def __str__(self) -> str:
        where = self.path or ""
        if self.path and self.line is not None:
            where = f"{self.path}:{self.line}"
        if self.key:
            where = f"{where}: key '{self.key}'" if where else f"key '{self.key}'"
        return f"{where}: {self.message}" if where else self.message


class ConfigError(QualflowError):
    """config.yaml is invalid: unknown key, wrong type, missing file it names."""


class InputError(QualflowError):
    """A transcript, metadata.csv or speakers.csv cannot be used as it is."""


class TranscriptError(InputError):
    """A transcript file is empty, unreadable, or has no recognisable turns."""


class MetadataError(InputError):
    """metadata.csv or speakers.csv is missing a column or names unknown things."""


class StudyError(QualflowError):
    """results/ or the pseudonym key belong to another study than the transcripts now present."""


class CodebookError(QualflowError):
    """A codebook breaks the schema or its own rules; lists every problem found."""

    def __init__(self, problems: list[str], *, path: str | PathLike[str] | None = None) -> None:
        self.problems = list(problems)
        joined = problems[0] if len(problems) == 1 else f"{len(problems)} problems:\n  " + "\n  ".join(problems)
        super().__init__(joined, path=None)
        self.path = str(path) if path is not None else None


class CodingFileError(InputError):
    """A human coding file (transcript_id,turn,code) is malformed or names unknown codes or turns."""


class RefiError(QualflowError):
    """A REFI-QDA file cannot be read, or what we would write breaks the standard."""


class AnonymisationError(QualflowError):
    """Anonymisation cannot guarantee a safe output (bad identifiers.csv, corrupted key, ...)."""


class LeakError(AnonymisationError):
    """An identifier from the key was found in a file under results/.

    The message names pseudonyms and where they came from, never an original; the originals
    are in `console_note`, which the command line prints to the console alone.
    """

    log_safe = True

    def __init__(self, message: str, *, console_note: str = "", **where: Any) -> None:
        super().__init__(message, **where)
        self.console_note = console_note


class ModelNotInstalledError(QualflowError):
    """A model named in config is not installed on this machine (nothing is downloaded)."""
