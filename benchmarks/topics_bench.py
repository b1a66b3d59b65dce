"""Embedding speed, topic-fit time and peak memory for generated corpora of 1k-50k turns.

Each (backend, size) runs in a fresh process, as the workflow's topics job
does, so the fit time includes numba compiling UMAP and peak memory is that
process's own. Embedding speed is measured on a sample with torch limited to
one thread (the "per core" figure) and with the default thread count.

    python benchmarks/topics_bench.py                       # everything (long)
    python benchmarks/topics_bench.py --sizes 1000 5000 --backends tfidf
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

# Invented subjects of community consultations: (nouns, verbs, qualifiers).
SUBJECTS = {
    "housing": ("landlord flat rent damp mould boiler repairs tenancy deposit eviction council-house bedroom".split(),
                "fixed ignored raised refused inspected promised".split()),
    "transport": ("bus fare route timetable taxi driver stop ticket pass train station journey".split(),
                  "cancelled changed delayed doubled cut missed".split()),
    "language": ("interpreter letter form English translation leaflet phone-line appointment".split(),
                 "translated refused explained booked misunderstood sent".split()),
    "schools": ("school teacher attendance uniform homework class headteacher exclusion meeting".split(),
                "excluded fined called warned supported listened".split()),
    "health": ("GP doctor nurse prescription hospital dentist clinic waiting-room vaccine".split(),
               "registered refused treated prescribed referred waited".split()),
    "work": ("job shift agency contract wage factory manager overtime payslip".split(),
             "paid sacked hired cut underpaid promised".split()),
    "police": ("police officer patrol complaint stop-and-search report neighbour PCSO".split(),
               "stopped searched ignored arrested visited reported".split()),
    "benefits": ("benefit claim jobcentre universal-credit sanction payment adviser appointment".split(),
                 "stopped delayed sanctioned approved cut paid".split()),
}
QUALIFIERS = "again every week last month since winter for years without warning twice this year".split(" ")
FILLERS = ["", "Well, ", "Honestly ", "I think ", "For my family ", "You know, ", "In our street "]


def generated_turns(n: int, seed: int = 7) -> list[str]:
    """Varied invented turns: one to three clauses on one or two subjects (a repetitive corpus flatters speed)."""
    rng = random.Random(seed)
    names = list(SUBJECTS)
    turns = []
    for _ in range(n):
        chosen = rng.sample(names, 1 if rng.random() < 0.8 else 2)
        clauses = []
        for _ in range(rng.randint(1, 3)):
            nouns, verbs = SUBJECTS[rng.choice(chosen)]
            a, b = rng.sample(nouns, 2)
            clauses.append(f"{rng.choice(FILLERS)}the {a} {rng.choice(verbs)} the {b} {rng.choice(QUALIFIERS)}"
                           .replace("-", " "))
        turns.append(". ".join(c.strip().capitalize() for c in clauses) + ".")
    return turns


def run_one(backend_name: str, size: int, embed_sample: int) -> dict:
    """In this process: embed, then fit on the cached vectors; report times and peak memory."""
    import numpy as np
    import pandas as pd

    from pipeline.config import validate_config
    from pipeline.embeddings import load_backend
    from pipeline.topics.documents import TopicCorpus
    from pipeline.topics.run import model_topics

    texts = generated_turns(size)
    backend = load_backend({"backend": backend_name})
    rates = {}
    if backend_name != "tfidf":
        import torch

        default_threads = torch.get_num_threads()
        sample = texts[: min(embed_sample, size)]
        backend.embed(sample[:64])  # warm-up
        for label, threads in (("per_core", 1), ("all_cores", default_threads)):
            torch.set_num_threads(threads)
            start = time.perf_counter()
            backend.embed(sample)
            rates[label] = len(sample) / (time.perf_counter() - start)
        torch.set_num_threads(default_threads)
    start = time.perf_counter()
    vectors = backend.embed(texts) if backend_name == "tfidf" or size <= embed_sample else None
    embed_seconds = time.perf_counter() - start
    if vectors is None:
        # Extrapolating is honest only for speed; the fit still needs real vectors of the right shape,
        # so the rest are embedded too but their time is reported from the measured rate.
        vectors = backend.embed(texts)
        embed_seconds = size / rates["all_cores"]
    if backend_name == "tfidf":
        rates = {"per_core": size / embed_seconds, "all_cores": size / embed_seconds}
    turns = pd.DataFrame({"transcript_id": "bench", "turn": np.arange(1, size + 1), "speaker": "P01",
                          "role": "community", "site": "Bench", "status": "modelled", "doc": np.arange(size)})
    corpus = TopicCorpus(docs=texts, vectors=vectors, turns=turns, backend=backend.name)
    settings = validate_config({})["topics"]
    rss_before_fit = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    cpu_before = time.process_time()
    start = time.perf_counter()
    result = model_topics(corpus, pd.DataFrame(columns=["transcript_id", "turn", "theme", "counted"]), [], settings)
    fit_seconds = time.perf_counter() - start
    fit_cpu_seconds = time.process_time() - cpu_before
    return {
        "backend": backend_name, "turns": size, "embed_s": round(embed_seconds, 1),
        "embed_per_core": round(rates["per_core"]), "embed_all_cores": round(rates["all_cores"]),
        "fit_s": round(fit_seconds, 1), "fit_cpu_s": round(fit_cpu_seconds, 1), "topics": int((result.topics["topic"] >= 0).sum()),
        "outliers": int(result.topics.loc[result.topics["topic"] < 0, "size"].sum()),
        "rss_before_fit_mb": round(rss_before_fit),
        "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 20000, 50000])
    parser.add_argument("--backends", nargs="+", default=["tfidf", "minilm"])
    parser.add_argument("--embed-sample", type=int, default=2000,
                        help="MiniLM speed is measured on this many turns (all turns are still embedded for the fit).")
    parser.add_argument("--one", nargs=2, metavar=("BACKEND", "SIZE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        import logging

        logging.disable(logging.WARNING)
        print(json.dumps(run_one(args.one[0], int(args.one[1]), args.embed_sample)))
        return
    columns = ["backend", "turns", "embed_s", "embed_per_core", "embed_all_cores", "fit_s", "fit_cpu_s", "topics",
               "outliers", "peak_mb"]
    print(f"load average at start: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    print(" | ".join(columns))
    for backend in args.backends:
        for size in args.sizes:
            start = time.perf_counter()
            done = subprocess.run([sys.executable, __file__, "--one", backend, str(size),
                                   "--embed-sample", str(args.embed_sample)],
                                  capture_output=True, text=True)
            if done.returncode != 0:
                print(f"{backend} | {size} | failed: {done.stderr.strip().splitlines()[-1:]}")
                continue
            row = json.loads(done.stdout.strip().splitlines()[-1])
            row["job_s"] = round(time.perf_counter() - start, 1)
            print(" | ".join(str(row.get(c, "")) for c in columns) + f" | job {row['job_s']} s", flush=True)


if __name__ == "__main__":
    main()
