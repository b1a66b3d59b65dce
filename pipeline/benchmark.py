"""A job's cost, measured by the process that did the work.

Every command logs one "Resources" line, and with `--benchmark FILE` also writes
the figures as a benchmark file in Snakemake's format (a header and one row of
tab-separated columns). With warm start (pipeline/warm.py) the work runs in a
child forked from the warm server, so Snakemake's own `benchmark:` files would
measure only the thin client that waits for it; the rules name the file
instead and the command writes its own figures.
"""

from __future__ import annotations

import datetime
import os
import resource
import time
from dataclasses import dataclass

COLUMNS = ("s", "h:m:s", "max_rss", "max_vms", "max_uss", "max_pss", "io_in", "io_out", "mean_load", "cpu_time")


@dataclass(frozen=True)
class Usage:
    wall_s: float
    cpu_s: float  # user and system, this process and the workers it waited for
    peak_rss_mb: float  # this process's; pages shared with a warm server included, as the system counts them
    peak_vms_mb: float | None
    read_mb: float
    written_mb: float


def measure(started: float) -> Usage:
    """This process's cost since `started` (a time.perf_counter() reading)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    # Worker processes a command started and waited for (the leak gate's scanners) count too.
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return Usage(
        wall_s=time.perf_counter() - started,
        cpu_s=own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime,
        peak_rss_mb=own.ru_maxrss / 1024,
        peak_vms_mb=_peak_virtual_mb(),
        read_mb=(own.ru_inblock + children.ru_inblock) * 512 / 2**20,
        written_mb=(own.ru_oublock + children.ru_oublock) * 512 / 2**20,
    )


def _peak_virtual_mb() -> float | None:
    try:
        with open(f"/proc/{os.getpid()}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmPeak:"):
                    return int(line.split()[1]) / 1024
    except (OSError, ValueError, IndexError):
        pass
    return None


def benchmark_tsv(usage: Usage) -> str:
    """Snakemake's benchmark file for one run; USS and PSS are not measured ("NA")."""
    def number(value: float | None) -> str:
        return "NA" if value is None else f"{value:.2f}"

    wall = datetime.timedelta(seconds=int(usage.wall_s))
    row = [
        f"{usage.wall_s:.4f}", _hms(wall), number(usage.peak_rss_mb), number(usage.peak_vms_mb), "NA", "NA",
        number(usage.read_mb), number(usage.written_mb),
        number(100 * usage.cpu_s / usage.wall_s if usage.wall_s > 0 else 0.0), number(usage.cpu_s),
    ]
    return "\t".join(COLUMNS) + "\n" + "\t".join(row) + "\n"


def _hms(wall: datetime.timedelta) -> str:
    minutes, seconds = divmod(wall.seconds, 60)
    hours, minutes = divmod(minutes, 60)
    text = f"{hours}:{minutes:02d}:{seconds:02d}"
    if wall.days:
        text = f"{wall.days} day{'s' if wall.days != 1 else ''}, {text}"
    return text


def write_benchmark(path: str, usage: Usage) -> None:
    from pipeline.io import atomic_open  # pandas, which a job that wrote no table need not import

    with atomic_open(path) as handle:
        handle.write(benchmark_tsv(usage))
