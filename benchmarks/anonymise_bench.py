"""Words per second of detection + replacement with the offline detector, on a generated ~1M-word corpus.

The corpus is varied on purpose (STACK.md trap 9: repetitive text flatters any
cache): ordinary words are drawn from wordfreq's English list by frequency, with
names from Faker's many locales, UK places, phone numbers, postcodes and
addresses mixed in, all from a fixed seed. Run from the project folder:

    python benchmarks/anonymise_bench.py [--words 1000000]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

# Run as a script from anywhere: the project folder is this file's parent's parent.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def make_corpus(words: int, seed: int = 7) -> list[str]:
    from faker import Faker
    from wordfreq import top_n_list

    rng = random.Random(seed)
    vocabulary = top_n_list("en", 30000)
    weights = [1 / (rank + 10) for rank in range(len(vocabulary))]
    fakers = [Faker(locale) for locale in ("en_GB", "ro_RO", "sk_SK", "pl_PL", "hu_HU", "fr_DZ", "en_PK")]
    for i, fake in enumerate(fakers):
        fake.seed_instance(seed + i)
    turns, total = [], 0
    while total < words:
        length = rng.randint(8, 120)
        chosen = rng.choices(vocabulary, weights=weights, k=length)
        sentence_start = True
        out = []
        for word in chosen:
            roll = rng.random()
            fake = rng.choice(fakers)
            if roll < 0.02:
                word = fake.first_name()
            elif roll < 0.025:
                word = f"Mrs {fake.last_name()}"
            elif roll < 0.028:
                word = f"in {rng.choice(['Rotherham', 'Wakefield', 'Derby', 'Peterborough', 'Kosice'])}"
            elif roll < 0.029:
                word = f"07700 900{rng.randint(0, 999):03d}"
            elif roll < 0.030:
                word = f"{rng.randint(1, 200)} {fakers[0].last_name()} Road"
            elif sentence_start:
                word = word.capitalize()
            out.append(word)
            sentence_start = rng.random() < 0.08
            if sentence_start:
                out[-1] += rng.choice([".", "?", "!"])
        turns.append(" ".join(out) + ".")
        total += len(" ".join(out).split())
    return turns


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=1_000_000)
    args = parser.parse_args()

    from pipeline.anonymise.detect import build_finder
    from pipeline.anonymise.replace import apply_spans

    started = time.perf_counter()
    turns = make_corpus(args.words)
    n_words = sum(len(t.split()) for t in turns)
    corpus_s = time.perf_counter() - started

    started = time.perf_counter()
    finder = build_finder({"ner": "offline", "identifiers": "none.csv", "keep": ["Ashby Vale", "Kingsmere"]})
    finder.find("Warm up Mirela.")
    build_s = time.perf_counter() - started

    started = time.perf_counter()
    found = [finder.find(t) for t in turns]
    detect_s = time.perf_counter() - started

    started = time.perf_counter()
    pseudonyms: dict[str, str] = {}
    for text, spans in zip(turns, found):
        pairs = [(s, pseudonyms.setdefault(s.entity, f"[{s.label}_{len(pseudonyms) + 1}]")) for s in spans]
        apply_spans(text, pairs)
    replace_s = time.perf_counter() - started

    spans_total = sum(map(len, found))
    print(f"corpus: {len(turns):,} turns, {n_words:,} words, {spans_total:,} spans (generated in {corpus_s:.1f} s)")
    print(f"{'step':<28} {'seconds':>8} {'words/s':>10}")
    print(f"{'build lexicon + detectors':<28} {build_s:>8.2f} {'':>10}")
    print(f"{'detect':<28} {detect_s:>8.2f} {n_words / detect_s:>10,.0f}")
    print(f"{'replace':<28} {replace_s:>8.2f} {n_words / replace_s:>10,.0f}")
    print(f"{'detect + replace':<28} {detect_s + replace_s:>8.2f} {n_words / (detect_s + replace_s):>10,.0f}")


if __name__ == "__main__":
    main()
