import logging

from pipeline.progress import progress


def test_progress_logs_quarter_steps_when_not_on_a_terminal(caplog, monkeypatch):
    monkeypatch.setenv("CI", "true")
    with caplog.at_level(logging.INFO, logger="pipeline.progress"):
        items = list(progress(range(8), total=8, label="coding site-a"))
    assert items == list(range(8))
    assert [r.getMessage() for r in caplog.records] == [
        "coding site-a: 2/8 turns (25%)",
        "coding site-a: 4/8 turns (50%)",
        "coding site-a: 6/8 turns (75%)",
        "coding site-a: 8/8 turns (100%)",
    ]
