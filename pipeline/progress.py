"""Progress for long stages: a bar on a terminal, a few log lines otherwise, nothing extra in CI.

Workflow jobs write to log files, so there progress is a log line every
`every` percent; an interactive `qualflow` command on many inputs shows a bar.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")

log = logging.getLogger(__name__)


def interactive() -> bool:
    """A person is watching: stderr is a terminal and this is not CI."""
    return sys.stderr.isatty() and not os.environ.get("CI")


def progress(items: Iterable[T], *, total: int, label: str, unit: str = "turns", every: int = 25) -> Iterator[T]:
    """Yield `items`, reporting how far along `label` is."""
    if interactive() and total > 1:
        import click

        with click.progressbar(items, length=total, label=label, file=sys.stderr) as bar:
            yield from bar
        return
    step = max(1, total * every // 100)
    done = 0
    for item in items:
        yield item
        done += 1
        if done % step == 0 or done == total:
            log.info("%s: %d/%d %s (%d%%)", label, done, total, unit, 100 * done // max(total, 1))
