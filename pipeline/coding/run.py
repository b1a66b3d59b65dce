"""Coding a table of turns or a list of texts: split into units, run the chosen coders, combine."""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import Any

import numpy as np
import pandas as pd

from pipeline.codebook import Codebook
from pipeline.coding import CODER_NAMES
from pipeline.coding.combine import combine, turn_hits
from pipeline.errors import ConfigError, InputError
from pipeline.turns import CODED_COLUMNS
from pipeline.units import split_units

log = logging.getLogger(__name__)


def chosen_coders(settings: dict[str, Any]) -> list[str]:
    names = list(settings.get("coders") or ["terms", "semantic"])
    unknown = [n for n in names if n not in CODER_NAMES]
    if unknown:
        raise ConfigError(f"unknown coder(s) {', '.join(unknown)}; expected some of {', '.join(CODER_NAMES)}",
                          key="coding.coders")
    if "supervised" in names and not settings.get("training"):
        raise ConfigError("the supervised coder needs coding.training to name a coded CSV (transcript_id,turn,code)",
                          key="coding.training")
    return names


def unit_vectors(units: pd.DataFrame, embeddings: Any, path: str = "") -> np.ndarray:
    """The cached vectors in the order of `units`; InputError when the cache does not match the turns."""
    index = {(int(t), int(u)): i for i, (t, u) in enumerate(zip(embeddings.turn, embeddings.unit))}
    rows = [index.get((int(t), int(u))) for t, u in zip(units["turn"], units["unit"])]
    if any(r is None for r in rows) or len(index) != len(units):
        raise InputError(f"holds {len(index)} units but the turns split into {len(units)}; the embeddings are stale, "
                         "delete the file and rerun to recompute", path=path or None)
    return embeddings.vectors[rows]


def code_turns(
    turns: pd.DataFrame,
    codebook: Codebook,
    settings: dict[str, Any],
    *,
    unit_embeddings: Any = None,
    codebook_embeddings: Any = None,
    backend: Any = None,
    supervised_model: Any = None,
    lemmatiser: Any = None,
) -> pd.DataFrame:
    """The coded table (CODED_COLUMNS): one row per (turn, code) found by the combination of coders."""
    names = chosen_coders(settings)
    units = split_units(turns)
    texts = units["text"].tolist()
    log.info("Coding - %d units of %d turns with %s", len(units), len(turns), " + ".join(names))
    per_coder: dict[str, pd.DataFrame] = {}
    probabilities = None
    for name in names:
        if name == "supervised":
            per_coder[name], probabilities = _supervised(turns, units, codebook, settings, unit_embeddings, backend,
                                                         supervised_model)
            log.info("Coding - supervised coder: %d (turn, code) hits", len(per_coder[name]))
            continue
        coder, vectors = _coder(name, codebook, settings, units, unit_embeddings, codebook_embeddings, backend,
                                supervised_model, lemmatiser)
        hits = coder.code_units(texts, vectors)
        per_coder[name] = turn_hits(units, hits, codebook, name)
        log.info("Coding - %s coder: %d (turn, code) hits", name, len(per_coder[name]))
    if not per_coder:
        return pd.DataFrame(columns=CODED_COLUMNS)
    return combine(per_coder, settings, probabilities=probabilities)


def supervised_settings(settings: dict[str, Any]) -> dict[str, Any]:
    """coding.supervised with its defaults: features, add_threshold, remove_threshold, override."""
    from pipeline.coding.supervised import ADD_THRESHOLD, DEFAULT_FEATURES, MIN_F1, REMOVE_THRESHOLD, check_features

    given = settings.get("supervised") or {}
    out = {"features": given.get("features") or DEFAULT_FEATURES,
           "add_threshold": float(given.get("add_threshold", ADD_THRESHOLD)),
           "remove_threshold": float(given.get("remove_threshold", REMOVE_THRESHOLD)),
           "override": bool(given.get("override", True)),
           "min_f1": float(given.get("min_f1", MIN_F1))}
    check_features(out["features"])
    if out["remove_threshold"] >= out["add_threshold"]:
        raise ConfigError(f"remove_threshold ({out['remove_threshold']}) must be below add_threshold "
                          f"({out['add_threshold']})", key="coding.supervised.remove_threshold")
    return out


def _supervised(turns: pd.DataFrame, units: pd.DataFrame, codebook: Codebook, settings: dict[str, Any],
                unit_embeddings: Any, backend: Any, model: Any) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The supervised coder's turn hits (probability >= add_threshold) and every turn's probability per trained code."""
    from pipeline.coding.supervised import SupervisedCoder, mean_by_turn, trusted_codes, turn_probabilities

    if model is None:
        raise ConfigError("the supervised coder needs a trained model (qualflow train-coder)", key="coding.training")
    options = supervised_settings(settings)
    vectors = None
    if model.features != "tfidf":
        if unit_embeddings is not None:
            unit_matrix = unit_vectors(units, unit_embeddings)
        else:
            unit_matrix = (backend or _backend(settings)).embed(units["text"].tolist())
        vectors = mean_by_turn(turns, units, unit_matrix)
    texts = turns["text"].astype(str).tolist()
    keys = list(zip(turns["transcript_id"].astype(str), turns["turn"].astype("int64")))
    first_unit: dict[tuple[str, int], int] = {}
    for i, key in enumerate(zip(units["transcript_id"].astype(str), units["turn"].astype("int64"))):
        first_unit.setdefault((key[0], int(key[1])), i)
    trusted = trusted_codes(model, options["min_f1"])
    hits = [h for h in SupervisedCoder(model, options["add_threshold"]).code_units(texts, vectors)
            if keys[h.unit] in first_unit and h.code in trusted]
    hits = [replace(h, unit=first_unit[keys[h.unit]]) for h in hits]
    table = turn_probabilities(model, texts, vectors)[trusted]
    table.insert(0, "turn", [k[1] for k in keys])
    table.insert(0, "transcript_id", [k[0] for k in keys])
    long = table.melt(id_vars=["transcript_id", "turn"], var_name="code", value_name="probability")
    return turn_hits(units, hits, codebook, "supervised"), long


def _coder(name: str, codebook: Codebook, settings: dict[str, Any], units: pd.DataFrame, unit_embeddings: Any,
           codebook_embeddings: Any, backend: Any, supervised_model: Any, lemmatiser: Any) -> tuple[Any, Any]:
    if name == "terms":
        from pipeline.coding.terms import TermsCoder

        return TermsCoder(codebook, settings, lemmatiser=lemmatiser), None
    if name == "semantic":
        from pipeline.coding.semantic import SemanticCoder, embed_codebook

        if unit_embeddings is not None:
            vectors = unit_vectors(units, unit_embeddings)
        else:
            backend = backend or _backend(settings)
            vectors = backend.embed(units["text"].tolist())
        if codebook_embeddings is None:
            codebook_embeddings = embed_codebook(codebook, backend or _backend(settings))
        return SemanticCoder(codebook, codebook_embeddings, settings), vectors
    raise ValueError(f"no coder named {name}")


def _backend(settings: dict[str, Any]) -> Any:
    from pipeline.embeddings import load_backend

    return load_backend(settings.get("embedding") or {})


def code_texts(records: list[dict[str, Any]], codebook: Codebook, settings: dict[str, Any], **kwargs: Any) -> list[dict]:
    """code-texts: [{"id", "text"}] -> [{"id", "codes": [{"code", "score", "method", "evidence"}]}]."""
    ids = [str(r["id"]) for r in records]
    turns = pd.DataFrame({"transcript_id": ids, "turn": range(1, len(ids) + 1),
                          "text": [str(r.get("text") or "") for r in records]})
    coded = code_turns(turns, codebook, settings, **kwargs)
    found: dict[int, list[dict]] = {}
    for row in coded.itertuples(index=False):
        found.setdefault(int(row.turn), []).append({
            "code": row.code, "score": float(row.score), "method": row.method,
            "evidence": [e for e in str(row.evidence).split(" | ") if e],
            "polarity": row.polarity, "counted": bool(row.counted)})
    return [{"id": record_id, "codes": found.get(i + 1, [])} for i, record_id in enumerate(ids)]
