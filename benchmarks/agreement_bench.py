"""Time `agreement_table` on synthetic coding (raters who disagree on ~3% of decisions) and print a table.

    python benchmarks/agreement_bench.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pipeline.agreement import Coding, agreement_table  # noqa: E402

SIZES = [(2, 2_000, 25), (2, 10_000, 25), (3, 10_000, 25), (2, 50_000, 25)]  # raters, turns, codes


def synthetic(n_raters: int, n_units: int, n_codes: int, seed: int = 1) -> tuple[list[Coding], pd.DataFrame]:
    rng = np.random.default_rng(seed)
    units = pd.DataFrame({"transcript_id": [f"t{i // 200:03d}" for i in range(n_units)],
                          "turn": np.arange(n_units) % 200 + 1})
    codes = np.array([f"code-{i:02d}" for i in range(n_codes)])
    truth = rng.random((n_units, n_codes)) < 0.08
    codings = []
    for r in range(n_raters):
        u, c = np.nonzero(truth ^ (rng.random(truth.shape) < 0.03))
        rows = pd.DataFrame({"transcript_id": units["transcript_id"].to_numpy()[u], "turn": units["turn"].to_numpy()[u],
                             "code": codes[c], "line": np.arange(len(u)) + 2})
        codings.append(Coding(rater=f"r{r + 1}", path=f"r{r + 1}.csv", rows=rows))
    return codings, units


def main() -> None:
    print(f"{'raters':>6} {'turns':>7} {'codes':>5} {'bootstrap':>9} {'seconds':>8}")
    for n_raters, n_units, n_codes in SIZES:
        codings, units = synthetic(n_raters, n_units, n_codes)
        for bootstrap in (0, 1000):
            start = time.perf_counter()
            agreement_table(codings, units=units, bootstrap=bootstrap)
            print(f"{n_raters:>6} {n_units:>7} {n_codes:>5} {bootstrap:>9} {time.perf_counter() - start:>8.2f}")


if __name__ == "__main__":
    main()
