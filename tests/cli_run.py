"""Run `qualflow` in the test's own process and get its exit code, as the shell would see it."""

from __future__ import annotations

from pipeline.cli import main


def run(argv: list[str]) -> int:
    try:
        main(argv)
    except SystemExit as e:
        return e.code or 0
    return 0
