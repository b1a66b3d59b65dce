"""Coding throughput on one core: turns per second for the terms and semantic coders.

    python benchmarks/coding_bench.py [--turns 20000] [--backend minilm|minilm-int8]

Turns are varied, not repeated: sentences of the gold set recombined, with
invented words, numbers and names mixed in (repetitive text flatters the
tokenizer's cache, see STACK.md). Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

for variable in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
    os.environ[variable] = "1"
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

SEED = 7


def varied_turns(n: int) -> list[str]:
    from faker import Faker

    from pipeline.units import split_sentences

    fake = Faker("en_GB")
    Faker.seed(SEED)
    rng = np.random.default_rng(SEED)
    gold = pd.read_csv(REPO / "tests/data/coding-gold-turns.csv")["text"].tolist()
    sentences = [s for text in gold for s in split_sentences(text)]
    turns = []
    for _ in range(n):
        parts = [sentences[i] for i in rng.integers(0, len(sentences), size=int(rng.integers(1, 4)))]
        words = " ".join(parts).split()
        for _ in range(max(1, len(words) // 6)):  # about one word in six replaced by an unseen one
            words[int(rng.integers(0, len(words)))] = rng.choice([fake.word(), fake.last_name(), str(fake.random_int())])
        turns.append(" ".join(words) + " " + fake.sentence())
    return turns


def timed(function, *args) -> float:
    start = time.perf_counter()
    function(*args)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--turns", type=int, default=20000)
    parser.add_argument("--semantic-turns", type=int, default=2000)
    parser.add_argument("--batch-size", type=int, default=64, help="MiniLM batch size for the embedding row")
    parser.add_argument("--backend", default="minilm", help="embedding backend for the semantic rows (minilm, minilm-int8)")
    args = parser.parse_args()

    import torch

    torch.set_num_threads(1)
    from pipeline.codebook import load_codebook
    from pipeline.coding.semantic import SemanticCoder, embed_codebook
    from pipeline.coding.terms import TermsCoder
    from pipeline.embeddings import load_backend

    book = load_codebook(REPO / "codebooks/community-consultation.yaml")
    texts = varied_turns(args.turns)
    words = sum(len(t.split()) for t in texts) / len(texts)
    rows = []

    start = time.perf_counter()
    terms = TermsCoder(book)
    setup = time.perf_counter() - start
    terms.code_units(texts[:200])  # warm-up
    seconds = timed(terms.code_units, texts)
    rows.append(("terms", args.turns, words, setup, seconds, args.turns / seconds))

    backend = load_backend({"backend": args.backend, "batch_size": args.batch_size})
    start = time.perf_counter()
    semantic = SemanticCoder(book, embed_codebook(book, backend))
    setup = time.perf_counter() - start
    sample = texts[: args.semantic_turns]
    backend.embed(sample[:64])  # warm-up
    start = time.perf_counter()
    vectors = backend.embed(sample)
    semantic.code_units(sample, vectors)
    seconds = time.perf_counter() - start
    rows.append(("semantic, embedding included", len(sample), words, setup, seconds, len(sample) / seconds))
    cached = np.repeat(vectors, max(1, args.turns // len(sample)), axis=0)
    seconds = timed(semantic.code_units, [""] * len(cached), cached)
    rows.append(("semantic, cached vectors (workflow)", len(cached), words, setup, seconds, len(cached) / seconds))

    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"Coding throughput, one core (torch threads {torch.get_num_threads()}), lemmas: {terms.lemmatiser.strategy}, "
          f"embedding {args.backend}, batch size {args.batch_size}; machine: {os.cpu_count()} cores, load average {load}\n")
    print("| coder | turns | words/turn | set-up s | coding s | turns/s |")
    print("|---|---|---|---|---|---|")
    for name, n, w, s, c, rate in rows:
        print(f"| {name} | {n} | {w:.0f} | {s:.2f} | {c:.2f} | {rate:,.0f} |")


if __name__ == "__main__":
    main()
