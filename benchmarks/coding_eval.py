"""Precision, recall and F1 per theme on the hand-coded gold set, for each coder and the combinations.

    python benchmarks/coding_eval.py [--gold main|fresh|blind|curve|formal] [--split all|dev|test] [--backend minilm|tfidf] [--threshold 0.45] [--pool 2]
    python benchmarks/coding_eval.py --learning-curve [--sizes 25,50,100,200,400] [--seeds 5] [--features both]

The gold set (tests/data/coding-gold.csv, turns in tests/data/coding-gold-turns.csv)
was written and coded by hand at theme level; see docs/coding.md for how.
--gold fresh and --gold blind score the independent held-out sets instead (tests/data/coding-fresh.csv
and coding-blind.csv, turns in coding-*-turns.csv; see tests/data/README-fresh.md and README-blind.md);
--gold curve scores the learning-curve set zero-shot (tests/data/coding-curve*.csv, README-curve.md);
--gold formal scores the formal-register set (policy statements, minutes, service letters;
tests/data/coding-formal.csv, see README-formal.md); --split is ignored for all of these.
--learning-curve trains the supervised coder on N turns of the learning-curve set drawn at random
(one draw per seed) and scores every coder on the remaining turns; see docs/coding.md.
A theme counts as predicted for a turn when a counted row of any of its codes exists.
"""

from __future__ import annotations

import argparse
import json
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
    parser.add_argument("--learning-curve", action="store_true",
                        help="train on N turns of the learning-curve set, score on the rest (ignores --gold, --split)")
    parser.add_argument("--sizes", default="25,50,100,200,400", help="--learning-curve: training sizes")
    parser.add_argument("--seeds", type=int, default=5, help="--learning-curve: random draws per size")
    parser.add_argument("--features", default=None, help="--learning-curve: the combination's features (default: the coder's)")
    parser.add_argument("--supervised", default="{}", help="--learning-curve: coding.supervised settings as JSON")
    args = parser.parse_args()
    if args.learning_curve:
        learning_curve(args)
        return

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


def learning_curve(args: argparse.Namespace) -> None:
    """Per-theme and macro F1 (mean and spread over seeds) on the turns not drawn for training."""
    import platform
    import statistics
    import time

    import numpy as np

    from pipeline.coding.combine import combine, turn_hits
    from pipeline.coding.run import _coder, _supervised
    from pipeline.coding.semantic import embed_codebook
    from pipeline.coding.supervised import DEFAULT_FEATURES, mean_by_turn, train_supervised
    from pipeline.embeddings import embed_units, load_backend
    from pipeline.units import split_units

    import logging

    logging.getLogger("pipeline.coding.supervised").setLevel(logging.ERROR)
    started = time.perf_counter()
    codebook = load_codebook(args.codebook)
    turns = pd.read_csv(REPO / "tests/data/coding-curve-turns.csv")
    turns["transcript_id"] = turns["transcript_id"].astype(str)
    gold_rows = pd.read_csv(REPO / "tests/data/coding-curve.csv")
    gold = {(t, int(n), c) for t, n, c in gold_rows.itertuples(index=False)}
    embedding = {"backend": args.backend, "batch_size": 64}
    backend = load_backend(embedding)
    groups = [g.reset_index(drop=True) for _, g in turns.groupby("transcript_id", sort=True)]
    turns = pd.concat(groups, ignore_index=True)
    cached = [embed_units(g, embedding, backend=backend) for g in groups]  # once, reused for every size and seed
    codebook_embeddings = embed_codebook(codebook, backend)
    group_units = [split_units(g) for g in groups]
    vectors = np.concatenate([mean_by_turn(g, u, e.vectors) for g, u, e in zip(groups, group_units, cached)])
    settings = {"coders": ["terms", "semantic", "supervised"], "combine": "any", "semantic_threshold": args.threshold,
                "embedding": embedding, "supervised": {"features": args.features or DEFAULT_FEATURES, **json.loads(args.supervised)}}
    zero_shot = []  # per group: the zero-shot coders' turn hits, computed once
    for g, u, e in zip(groups, group_units, cached):
        per = {}
        for name in ("terms", "semantic"):
            coder, vecs = _coder(name, codebook, settings, u, e, codebook_embeddings, backend, None, None)
            per[name] = turn_hits(u, coder.code_units(u["text"].tolist(), vecs), codebook, name)
        zero_shot.append(per)
    default = predicted_themes(pd.concat([combine(per, {"combine": "any"}) for per in zero_shot]))
    keys = list(zip(turns["transcript_id"], turns["turn"].astype(int)))
    themes = [t.id for t in codebook.themes]
    sizes = [int(s) for s in args.sizes.split(",")]
    systems = ["zero-shot", "supervised (vectors)", "tf-idf + LR", "combination"]
    # f1[system][size] = list over seeds of {theme: F1}
    f1: dict[str, dict[int, list[dict[str, float]]]] = {s: {n: [] for n in sizes} for s in systems}
    for n in sizes:
        for seed in range(args.seeds):
            drawn = np.random.default_rng(seed).choice(len(turns), size=n, replace=False)
            train = turns.iloc[sorted(drawn)].reset_index(drop=True)
            train_keys = set(zip(train["transcript_id"], train["turn"].astype(int)))
            coding = pd.DataFrame([k for k in sorted(gold) if k[:2] in train_keys],
                                  columns=["transcript_id", "turn", "code"])
            rest = {k for k in keys if k not in train_keys}
            rest_gold = {k for k in gold if k[:2] in rest}
            train_vectors = vectors[sorted(drawn)]
            predicted = {"zero-shot": {k for k in default if k[:2] in rest}}
            for system, features in (("supervised (vectors)", "vectors"), ("tf-idf + LR", "tfidf")):
                model = train_supervised(train, coding, codebook, vectors=train_vectors, features=features,
                                         all_read=True, cross_validate=False)
                predicted[system] = _supervised_themes(model, turns, vectors, rest)
            model = train_supervised(train, coding, codebook, vectors=train_vectors,
                                     features=settings["supervised"]["features"], all_read=True)
            coded = []
            for g, u, e, per in zip(groups, group_units, cached, zero_shot):
                hits, probabilities = _supervised(g, u, codebook, settings, e, backend, model)
                coded.append(combine({**per, "supervised": hits}, settings, probabilities=probabilities))
            predicted["combination"] = {k for k in predicted_themes(pd.concat(coded)) if k[:2] in rest}
            for system in systems:
                f1[system][n].append({t: scores(predicted[system], rest_gold, t)[2] for t in themes})
    cpu = _cpu() or platform.processor()
    print(f"learning curve: {len(turns)} turns of the learning-curve set, {args.seeds} random draws per size, "
          f"scored on the turns not drawn; backend {args.backend}; combination: terms + semantic + supervised "
          f"({settings['supervised']['features']}), rule any with the confident override; CPU {cpu}; "
          f"{time.perf_counter() - started:.0f} s")
    print("F1 as mean ± standard deviation over draws (min-max of macro F1 in brackets)")
    print("| turns | system | " + " | ".join(CORE) + " | core macro F1 | all-theme macro F1 |")
    print("|---|---|" + "---|" * (len(CORE) + 2))
    for n in sizes:
        for system in systems:
            runs = f1[system][n]
            cells = [_spread([r[t] for r in runs]) for t in CORE]
            core = [statistics.mean(r[t] for t in CORE) for r in runs]
            every = [statistics.mean(r[t] for t in themes) for r in runs]
            print(f"| {n} | {system} | " + " | ".join(cells) +
                  f" | {_spread(core)} [{min(core):.2f}-{max(core):.2f}] | {_spread(every)} [{min(every):.2f}-{max(every):.2f}] |")
    print()
    print("other themes, all-seed mean F1 at each size (zero-shot / supervised / tf-idf / combination):")
    for t in themes:
        if t in CORE:
            continue
        cells = [" / ".join(f"{statistics.mean(r[t] for r in f1[s][n]):.2f}" for s in systems) for n in sizes]
        print(f"- {t}: " + "; ".join(f"{n}: {c}" for n, c in zip(sizes, cells)))


def _supervised_themes(model, turns: pd.DataFrame, vectors, rest: set) -> set:
    from pipeline.coding.supervised import turn_probabilities

    probabilities = turn_probabilities(model, turns["text"].astype(str).tolist(), vectors)
    out = set()
    for code in probabilities.columns:
        for i in probabilities.index[probabilities[code] >= model.threshold]:
            key = (turns.at[i, "transcript_id"], int(turns.at[i, "turn"]))
            if key in rest:
                out.add((*key, code))
    return out


def _spread(values: list[float]) -> str:
    import statistics

    return f"{statistics.mean(values):.2f} ± {statistics.stdev(values) if len(values) > 1 else 0.0:.2f}"


def _cpu() -> str:
    try:
        for line in open("/proc/cpuinfo", encoding="utf-8"):
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return ""


if __name__ == "__main__":
    main()
