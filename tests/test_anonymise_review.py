"""private/review/low_confidence.csv: the spans found on the weakest evidence, with their context."""

from __future__ import annotations

import stat
from pathlib import Path

import pandas as pd

from pipeline.anonymise.review import context_of, doubts, low_confidence, residual_risk, residual_risk_sentence, \
    write_low_confidence


def _spans() -> pd.DataFrame:
    rows = [
        ("t1", 1, 0, 11, "PERSON", "offline", "", "Retaliatory", "PERSON:retaliatory"),
        ("t1", 1, 40, 45, "PERSON", "offline", "relation", "Oksan", "PERSON:oksan"),
        ("t1", 2, 10, 18, "POSTCODE", "pattern", "", "LS11 5QT", "POSTCODE:LS115QT"),
        ("t1", 2, 0, 6, "PERSON", "offline", "name list", "Mirela", "PERSON:mirela"),
        ("t1", 3, 4, 9, "PERSON", "known", "", "tomek", "PERSON:tomek"),
    ]
    return pd.DataFrame(rows, columns=["transcript_id", "turn", "start", "end", "label", "detector", "cue", "text",
                                       "entity"])


def test_doubts_name_the_weak_evidence_and_certain_spans_have_none():
    assert doubts("offline", "", "Retaliatory", False) == ["no cue", "left in the text", "single capitalised word"]
    assert doubts("offline", "relation", "Oksan", True) == ["single capitalised word"]
    assert doubts("pattern", "", "LS11 5QT", True) == []
    assert doubts("speaker", "", "ardita", True) == ["lower-case match"]


def test_context_marks_the_span_in_a_window_of_words():
    text = "one two three four Name five six seven eight"
    assert context_of(text, 19, 23, words=2) == "three four [[Name]] five six"


def test_low_confidence_lists_the_least_sure_first_with_context_and_skips_the_certain():
    turns = {("t1", 1): "Retaliatory eviction is common, and my cousin Oksan knows it.",
             ("t1", 2): "Mirela at LS11 5QT", ("t1", 3): "ask tomek"}
    # Retaliatory was left in the text (a codebook term found on the word alone).
    table = low_confidence(_spans(), turns, {"PERSON:oksan", "PERSON:mirela", "POSTCODE:LS115QT", "PERSON:tomek"})
    assert list(table["text"]) == ["Retaliatory", "Mirela", "Oksan"]
    first = table.iloc[0]
    assert first["masked"] == "no" and first["context"].startswith("[[Retaliatory]] eviction is")


def test_the_review_file_is_private(tmp_path: Path):
    private = tmp_path / "private"
    (private / "turns").mkdir(parents=True)
    pd.DataFrame({"turn": [1, 2, 3], "text": ["Retaliatory eviction is common", "Mirela at LS11 5QT", "ask tomek"]}
                 ).to_parquet(private / "turns" / "t1.parquet")
    spans = private / "t1.parquet"
    _spans().to_parquet(spans)
    out = private / "review" / "low_confidence.csv"
    count = write_low_confidence([spans], private / "turns", pd.DataFrame({"entity": ["PERSON:mirela", "PERSON:oksan", "POSTCODE:LS115QT", "PERSON:tomek"]}), out)
    assert count == 3 and stat.S_IMODE(out.stat().st_mode) == 0o600
    assert "Retaliatory" in out.read_text(encoding="utf-8")


def test_residual_risk_is_figures_only():
    figures = residual_risk()
    assert figures["sets"] and all(0 <= s["missed_percent"] <= 100 for s in figures["sets"])
    sentence = residual_risk_sentence()
    assert "%" in sentence and figures["measured"] in sentence
