"""The last topic fit is kept while few documents change, and refitted otherwise."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from pipeline.topics import last_fit
from pipeline.topics.model import OUTLIER_TOPIC, TopicFit
from pipeline.topics.run import model_topics
from tests.test_topics import TOPIC_SETTINGS, THEMES, coded_for, corpus_of, invented_turns

SETTINGS = {**TOPIC_SETTINGS, "refit_share": 0.1, "outlier_threshold": 0.3}


def unit(*rows: list[float]) -> np.ndarray:
    matrix = np.array(rows, dtype=np.float32)
    return matrix / np.linalg.norm(matrix, axis=1, keepdims=True)


def saved(keys: list[str], topics: list[int], key: str = "k") -> last_fit.SavedFit:
    return last_fit.SavedFit(settings_key=key, doc_topics=dict(zip(keys, topics)),
                             terms={0: [("damp", 0.5)], 1: [("bus", 0.4)]}, method="hdbscan", params={})


def test_a_new_document_joins_the_topic_with_the_nearest_centroid() -> None:
    keys = [f"d{i}" for i in range(20)]
    vectors = unit(*([[1, 0.1, 0]] * 10 + [[0, 1, 0.1]] * 9 + [[0.1, 1, 0]]))
    fit = last_fit.kept_fit(saved(keys[:19], [0] * 10 + [1] * 9), keys, vectors, "k", SETTINGS)
    assert fit is not None
    assert fit.topics == [0] * 10 + [1] * 10
    assert fit.params["assigned_since_fit"] == 1 and fit.params["kept_last_fit"]


def test_a_new_document_far_from_every_topic_is_an_outlier() -> None:
    keys = [f"d{i}" for i in range(20)]
    vectors = unit(*([[1, 0, 0]] * 10 + [[0, 1, 0]] * 9 + [[0, 0, 1]]))
    fit = last_fit.kept_fit(saved(keys[:19], [0] * 10 + [1] * 9), keys, vectors, "k", SETTINGS)
    assert fit is not None and fit.topics[-1] == OUTLIER_TOPIC


@pytest.mark.parametrize("share, new, gone, kept", [
    (0.1, 2, 0, True),    # 2 of 20 new: 10 %, at the limit
    (0.1, 2, 1, False),   # plus one gone: 15 %
    (0.1, 3, 0, False),
    (0.0, 1, 0, False),   # 0 refits on every change
    (0.0, 0, 0, True),    # ... but nothing changed: the same fit
])
def test_the_fit_is_kept_only_while_the_change_is_within_refit_share(share, new, gone, kept) -> None:
    keys = [f"d{i}" for i in range(20)]
    old_keys = keys[: 20 - new] + [f"old{i}" for i in range(gone)]
    vectors = unit(*([[1, 0]] * 20))
    fit = last_fit.kept_fit(saved(old_keys, [0] * len(old_keys)), keys, vectors, "k",
                            {**SETTINGS, "refit_share": share})
    assert (fit is not None) is kept


def test_other_settings_refit() -> None:
    keys = ["a", "b"]
    assert last_fit.kept_fit(saved(keys, [0, 0], key="old"), keys, unit([1, 0], [1, 0]), "new", SETTINGS) is None
    assert last_fit.settings_key({"seed": 1}, "minilm", None) != last_fit.settings_key({"seed": 2}, "minilm", None)
    assert last_fit.settings_key({"seed": 1, "refit_share": 0.1}, "minilm", None) == \
        last_fit.settings_key({"seed": 1, "refit_share": 0.5}, "minilm", None)
    assert last_fit.settings_key({}, "minilm", None) != last_fit.settings_key({}, "tfidf", None)


def test_a_saved_fit_round_trips_and_a_damaged_one_means_refit(tmp_path) -> None:
    fit = TopicFit(topics=[0, 1, -1], terms={0: [("damp", 0.25)], 1: [("bus", 0.125)], -1: []}, method="hdbscan",
                   params={"n_neighbors": 5})
    path = tmp_path / last_fit.FILE_NAME
    last_fit.save_fit(path, fit, ["a", "b", "c"], "k")
    loaded = last_fit.load_fit(path)
    assert loaded is not None
    assert loaded.doc_topics == {"a": 0, "b": 1, "c": -1}
    assert loaded.terms == fit.terms and loaded.params == {"n_neighbors": 5}
    path.write_text("{not json", encoding="utf-8")
    assert last_fit.load_fit(path) is None
    assert last_fit.load_fit(tmp_path / "missing.json") is None


def frames_and_codes(edit: str | None = None):
    frames, coded = [], []
    for transcript_id, site, seed in (("site-a", "Ashby Vale", 1), ("site-b", "Kingsmere", 2)):
        turns, subjects = invented_turns(transcript_id, site, 150, seed)
        if edit and transcript_id == "site-b":
            turns.loc[turns.index[1], "text"] = edit
        frames.append(turns)
        coded.append(coded_for(turns, subjects))
    return frames, pd.concat(coded, ignore_index=True)


def test_editing_one_turn_keeps_every_other_documents_topic_and_the_topic_terms(tmp_path) -> None:
    path = tmp_path / last_fit.FILE_NAME
    frames, coded = frames_and_codes()
    first = model_topics(corpus_of(frames), coded, THEMES, SETTINGS, saved_at=path)
    state = json.loads(path.read_text(encoding="utf-8"))
    frames, coded = frames_and_codes(edit="The landlord never fixes the damp and the black mould is back.")
    second = model_topics(corpus_of(frames), coded, THEMES, SETTINGS, saved_at=path)

    assert json.loads(path.read_text(encoding="utf-8")) == state, "a kept fit is not saved again"
    before, after = first.turn_topics, second.turn_topics
    edited = (after["transcript_id"] == "site-b") & (after["turn"] == 2)
    pd.testing.assert_series_equal(before.loc[~edited, "topic"], after.loc[~edited, "topic"])
    housing_topic = first.topics.loc[first.topics["top_terms"].str.contains("damp|mould|landlord"), "topic"]
    assert int(after.loc[edited, "topic"].iat[0]) in set(housing_topic)
    assert list(first.topics["top_terms"]) == list(second.topics["top_terms"])

    fresh = model_topics(corpus_of(frames), coded, THEMES, {**SETTINGS, "refit_share": 0.0},
                         saved_at=tmp_path / "other" / last_fit.FILE_NAME)
    assert fresh.params.get("kept_last_fit") is None
