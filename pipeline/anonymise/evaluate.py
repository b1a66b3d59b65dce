"""Recall and precision of the detectors on an annotated set (lines {"id", "text", "spans"})."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.anonymise.detect import SpanFinder
from pipeline.io import read_text_records

WORD = re.compile(r"\w+")


@dataclass
class Scores:
    """Token counts per label; a gold token is caught when any of its characters is masked."""

    gold_tokens: Counter = field(default_factory=Counter)
    caught_tokens: Counter = field(default_factory=Counter)
    predicted_tokens: Counter = field(default_factory=Counter)
    correct_predicted: Counter = field(default_factory=Counter)
    entities: Counter = field(default_factory=Counter)
    entities_caught: Counter = field(default_factory=Counter)

    def rows(self) -> list[tuple[str, int, float, float, int, float]]:
        """(label, gold tokens, token recall, token precision, entities, entity recall), overall last."""
        labels = sorted(set(self.gold_tokens) | set(self.predicted_tokens))
        out = [self._row(label, [label]) for label in labels]
        return out + [self._row("ALL", labels)]

    def _row(self, name: str, labels: list[str]) -> tuple[str, int, float, float, int, float]:
        def total(counter: Counter) -> int:
            return sum(counter[label] for label in labels)

        def ratio(a: int, b: int) -> float:
            return a / b if b else float("nan")

        return (name, total(self.gold_tokens), ratio(total(self.caught_tokens), total(self.gold_tokens)),
                ratio(total(self.correct_predicted), total(self.predicted_tokens)), total(self.entities),
                ratio(total(self.entities_caught), total(self.entities)))


def read_gold(path: str | Path) -> list[dict]:
    """Annotated lines {"id", "text", "spans": [{"start", "end", "label"}]} (spans optional)."""
    return read_text_records(path)


def evaluate(records: list[dict], finder: SpanFinder) -> Scores:
    scores = Scores()
    for record in records:
        text = record["text"]
        predicted = finder.find(text)
        masked = bytearray(len(text))
        for s in predicted:
            masked[s.start : s.end] = b"\x01" * (s.end - s.start)
        gold_label = [""] * len(text)
        for g in record.get("spans", []):
            for i in range(g["start"], g["end"]):
                gold_label[i] = g["label"]
            scores.entities[g["label"]] += 1
            scores.entities_caught[g["label"]] += all(masked[g["start"] : g["end"]])
        for token in WORD.finditer(text):
            a, b = token.span()
            gold = next((gold_label[i] for i in range(a, b) if gold_label[i]), "")
            hit = any(masked[a:b])
            if gold:
                scores.gold_tokens[gold] += 1
                scores.caught_tokens[gold] += hit
            if hit:
                label = next((s.label for s in predicted if s.start < b and a < s.end), "OTHER")
                scores.predicted_tokens[label] += 1
                scores.correct_predicted[label] += bool(gold)
    return scores


def format_scores(scores: Scores) -> str:
    lines = [f"{'label':<10} {'tokens':>6} {'recall':>7} {'precision':>9} {'entities':>8} {'entity recall':>13}"]
    for label, n, recall, precision, entities, entity_recall in scores.rows():
        lines.append(f"{label:<10} {n:>6} {recall:>7.3f} {precision:>9.3f} {entities:>8} {entity_recall:>13.3f}")
    return "\n".join(lines)
