"""Precision, recall and F1 per theme on the hand-coded gold set, for each coder and the combinations.

    python benchmarks/coding_eval.py [--gold main|fresh|blind|curve|formal] [--split all|dev|test] [--backend minilm|tfidf] [--threshold 0.45] [--pool 2]

The gold set (tests/data/coding-gold.csv, turns in tests/data/coding-gold-turns.csv)
was written and coded by hand at theme level; see docs/coding.md for how.
--gold fresh and --gold blind score the independent held-out sets instead (tests/data/coding-fresh.csv
and coding-blind.csv, turns in coding-*-turns.csv; see tests/data/README-fresh.md and README-blind.md);
--gold curve scores the learning-curve set zero-shot (tests/data/coding-curve*.csv, README-curve.md);
--gold formal scores the formal-register set (policy statements, minutes, service letters;
tests/data/coding-formal.csv, see README-formal.md); --split is ignored for all of these.
A theme counts as predicted for a turn when a counted row of any of its codes exists.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pandas as pd  # noqa: E402

from pipeline.codebook import load_codebook  # noqa: E402
from pipeline.coding.run import code_turns  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
CORE = ["housing", "language", "discrimination", "trust-in-services"]
# Terms and thresholds were tuned looking only at the "dev" transcripts; "test" was left unread.
DEV = {"gold-roma-women-a", "gold-migrant-men-b", "gold-providers-c", "gold-refugee-youth-d", "gold-roma-parents-e"}


def scores(predicted: set[tuple[str, int, str]], gold: set[tuple[str, int, str]], theme: str) -> tuple[float, float, float]:
    p = {k for k in predicted if k[2] == theme}
    g = {k for k in gold if k[2] == theme}
    tp = len(p & g)
    precision = tp / len(p) if p else 0.0
    recall = tp / len(g) if g else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def predicted_themes(coded: pd.DataFrame) -> set[tuple[str, int, str]]:
    counted = coded[coded["counted"]]
    return set(zip(counted["transcript_id"], counted["turn"].astype(int), counted["theme"]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", default="minilm")
    parser.add_argument("--threshold", type=float, default=None)
    parser.add_argument("--gold", choices=["main", "fresh", "blind", "curve", "formal"], default="main",
                        help="fresh, blind, curve, formal: the independent sets coded at theme level (ignore --split)")
    parser.add_argument("--split", choices=["all", "dev", "test"], default="all")
    parser.add_argument("--top-k", type=int, default=None, help="semantic coder: at most this many codes per unit")
    parser.add_argument("--pool", type=int, default=None,
                        help="semantic coder: a theme's score is the mean of its this many nearest texts")
    parser.add_argument("--codebook", default=str(REPO / "codebooks/community-consultation.yaml"))
    args = parser.parse_args()

    from pipeline.embeddings import embed_units, load_backend

    codebook = load_codebook(args.codebook)
    gold_name = "coding-gold" if args.gold == "main" else f"coding-{args.gold}"
    if args.gold != "main":
        args.split = "all"
    turns = pd.read_csv(REPO / f"tests/data/{gold_name}-turns.csv")
    if args.split != "all":
        turns = turns[turns["transcript_id"].isin(DEV) == (args.split == "dev")].reset_index(drop=True)
    gold_rows = pd.read_csv(REPO / f"tests/data/{gold_name}.csv")
    gold_rows = gold_rows[gold_rows["transcript_id"].isin(set(turns["transcript_id"]))]
    theme_of = {c.id: c.theme for c in codebook.all_codes()}
    # The held-out sets are coded with theme ids, the main set with sub-code ids.
    gold = {(t, int(n), theme_of.get(c, c)) for t, n, c in gold_rows.itertuples(index=False)}
    embedding = {"backend": args.backend, "batch_size": 64}
    backend = load_backend(embedding)
    from pipeline.coding.semantic import embed_codebook

    groups = [group.reset_index(drop=True) for _, group in turns.groupby("transcript_id", sort=True)]
    cached = [embed_units(group, embedding, backend=backend) for group in groups]
    codebook_embeddings = embed_codebook(codebook, backend)
    base = {"semantic_threshold": args.threshold, "embedding": embedding}
    if args.top_k is not None:
        base["semantic_top_k"] = args.top_k
    if args.pool is not None:
        base["semantic_pool"] = args.pool
    runs = {
        "terms": {"coders": ["terms"]},
        "semantic": {"coders": ["semantic"]},
        "any": {"coders": ["terms", "semantic"], "combine": "any"},
        "terms_then_semantic": {"coders": ["terms", "semantic"], "combine": "terms_then_semantic"},
        "weighted": {"coders": ["terms", "semantic"], "combine": "weighted", "combine_threshold": 0.3},
    }
    themes = [t.id for t in codebook.themes]
    print(f"gold set {args.gold} ({args.split}): {len(turns)} turns, {len(gold)} (turn, theme) codes; backend {args.backend}; "
          f"semantic threshold {args.threshold if args.threshold is not None else codebook.settings['semantic_threshold']}"
          f"; pool {args.pool if args.pool is not None else 'default'}")
    print(f"| theme | n | " + " | ".join(f"{name} P/R/F1" for name in runs) + " |")
    print("|---|---|" + "---|" * len(runs))
    results = {}
    for name, overrides in runs.items():
        coded = pd.concat([code_turns(group, codebook, {**base, **overrides}, unit_embeddings=emb,
                                      codebook_embeddings=codebook_embeddings) for group, emb in zip(groups, cached)])
        results[name] = predicted_themes(coded)
    for theme in themes:
        n = sum(1 for k in gold if k[2] == theme)
        cells = [("%.2f/%.2f/**%.2f**" if theme in CORE else "%.2f/%.2f/%.2f") % scores(results[name], gold, theme)
                 for name in runs]
        print(f"| {theme} | {n} | " + " | ".join(cells) + " |")
    for name in runs:
        macro = sum(scores(results[name], gold, t)[2] for t in CORE) / len(CORE)
        print(f"{name}: mean F1 over the four core themes {macro:.3f}")


if __name__ == "__main__":
    main()
