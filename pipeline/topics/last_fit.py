"""Keeping the last topic fit while only a few documents change.

Refitting after a one-word correction renumbers and relabels every topic and is
most of the cost of a rerun. So the topics step saves its last full fit
(results/topics/last_fit.json): a key for each document it saw (a hash of the
transcript id and the text), each document's topic, the topics' terms and a key
of the settings. While the settings are unchanged and at most
`topics.refit_share` of the documents are new, changed or gone since that fit,
the fit is kept: unchanged documents keep their topics and the others join the
topic whose centroid is nearest (the rule outlier reduction uses; below
`outlier_threshold` they stay outliers). Otherwise the model is refitted and
the file replaced. `refit_share: 0` refits on every change, so the topics are
then exactly those a run from scratch gives.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from dataclasses import dataclass
from typing import Any

import numpy as np

from pipeline.io import atomic_open
from pipeline.topics.model import OUTLIER_TOPIC, TopicFit, nearest_topics

log = logging.getLogger(__name__)

FILE_NAME = "last_fit.json"
FORMAT = 1


@dataclass
class SavedFit:
    settings_key: str
    doc_topics: dict[str, int]
    terms: dict[int, list[tuple[str, float]]]
    method: str
    params: dict[str, Any]


def document_keys(transcript_ids: list[str], docs: list[str]) -> list[str]:
    return [hashlib.sha1(f"{t}\n{d}".encode()).hexdigest()[:20] for t, d in zip(transcript_ids, docs)]


def settings_key(settings: dict[str, Any], backend: str, seeds: list[list[str]] | None) -> str:
    """What the fit depends on besides the documents; refit_share itself is not part of it."""
    relevant = {k: v for k, v in settings.items() if k != "refit_share"}
    text = json.dumps({"settings": relevant, "backend": backend, "seeds": seeds}, sort_keys=True, default=str)
    return hashlib.sha1(text.encode()).hexdigest()


def save_fit(path: str | os.PathLike[str], fit: TopicFit, keys: list[str], key: str) -> None:
    state = {
        "format": FORMAT,
        "settings_key": key,
        "method": fit.method,
        "params": fit.params,
        "terms": {str(t): [[w, s] for w, s in terms] for t, terms in fit.terms.items()},
        "doc_topics": dict(zip(keys, fit.topics)),
    }
    with atomic_open(path, "w") as handle:
        json.dump(state, handle)


def load_fit(path: str | os.PathLike[str]) -> SavedFit | None:
    """The saved fit, or None when there is none or it cannot be read (then the model is simply refitted)."""
    try:
        with open(path, encoding="utf-8") as handle:
            state = json.load(handle)
        if state.get("format") != FORMAT:
            return None
        return SavedFit(
            settings_key=str(state["settings_key"]),
            doc_topics={str(k): int(v) for k, v in state["doc_topics"].items()},
            terms={int(t): [(str(w), float(s)) for w, s in terms] for t, terms in state["terms"].items()},
            method=str(state["method"]),
            params=dict(state["params"]),
        )
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError) as e:
        log.warning("%s: the saved topic fit cannot be read (%s); refitting", path, e)
        return None


def kept_fit(saved: SavedFit | None, keys: list[str], vectors: np.ndarray, key: str,
             settings: dict[str, Any]) -> TopicFit | None:
    """The saved fit carried over to the current documents, or None when the model must be refitted."""
    if saved is None:
        return None
    if saved.settings_key != key:
        log.info("Topics - the settings, embeddings or seeds changed since the last fit: refitting")
        return None
    known = [saved.doc_topics.get(k) for k in keys]
    new = [i for i, topic in enumerate(known) if topic is None]
    gone = len(saved.doc_topics.keys() - set(keys))
    share = (len(new) + gone) / max(len(keys), 1)
    limit = float(settings.get("refit_share", 0.1))
    if (new or gone) and share > limit:
        log.info("Topics - %d of %d documents are new or changed and %d are gone since the last fit (%.1f%% > "
                 "topics.refit_share %.1f%%): refitting", len(new), len(keys), gone, 100 * share, 100 * limit)
        return None
    topics = [OUTLIER_TOPIC if t is None else t for t in known]
    if new:
        assigned = nearest_topics(vectors, topics, new, float(settings.get("outlier_threshold", 0.3)))
        for i, topic in zip(new, assigned):
            topics[i] = topic
        log.info("Topics - kept the last fit: %d of %d documents are new or changed and %d are gone (%.1f%%, "
                 "topics.refit_share is %.1f%%); they joined their nearest topic. Set topics.refit_share to 0 "
                 "to refit on every change", len(new), len(keys), gone, 100 * share, 100 * limit)
    present = set(topics)
    return TopicFit(topics=topics, terms={t: v for t, v in saved.terms.items() if t in present},
                    method=saved.method, params={**saved.params, "kept_last_fit": True,
                                                 "assigned_since_fit": len(new), "gone_since_fit": gone})
