"""A job's own benchmark file, in Snakemake's format."""

from __future__ import annotations

import time

from pipeline.benchmark import COLUMNS, Usage, benchmark_tsv, measure


def test_the_file_has_snakemakes_header_and_one_row() -> None:
    from snakemake.benchmark import BenchmarkRecord

    text = benchmark_tsv(Usage(wall_s=3725.25, cpu_s=1862.5, peak_rss_mb=812.0, peak_vms_mb=None, read_mb=1.5,
                               written_mb=20.0))
    header, row, end = text.split("\n")
    assert header.split("\t") == list(COLUMNS) == BenchmarkRecord.get_header() and end == ""
    assert row.split("\t") == ["3725.2500", "1:02:05", "812.00", "NA", "NA", "NA", "1.50", "20.00", "50.00",
                               "1862.50"]


def test_a_run_of_more_than_a_day_counts_its_days() -> None:
    text = benchmark_tsv(Usage(wall_s=2 * 86400 + 61, cpu_s=0.0, peak_rss_mb=1.0, peak_vms_mb=2.0, read_mb=0.0,
                               written_mb=0.0))
    assert text.split("\n")[1].split("\t")[1] == "2 days, 0:01:01"


def test_measure_counts_this_process() -> None:
    usage = measure(time.perf_counter() - 1.0)
    assert usage.wall_s >= 1.0 and usage.cpu_s > 0 and usage.peak_rss_mb > 1
