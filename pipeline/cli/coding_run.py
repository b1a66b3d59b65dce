"""The bodies of the coding commands, kept apart so `qualflow --help` imports nothing heavy."""

from __future__ import annotations

import json
from typing import Any

import pandas as pd


def _coding_settings(settings: str | None) -> dict[str, Any]:
    from pipeline.workflow import parse_settings

    sections = parse_settings(settings, "coding", "embedding")
    return {**sections["coding"], "embedding": sections["embedding"]}


def run_code(turns: str, codebook: str, embeddings: str | None, codebook_embeddings: str | None, model: str | None,
             settings: str | None, output: str) -> None:
    from pipeline.codebook import load_codebook
    from pipeline.coding.run import code_turns
    from pipeline.io import read_table, write_table

    options = _coding_settings(settings)
    book = load_codebook(codebook)
    extra: dict[str, Any] = {}
    if embeddings and ("semantic" in options["coders"] or "supervised" in options["coders"]):
        from pipeline.embeddings import load_unit_embeddings

        extra["unit_embeddings"] = load_unit_embeddings(embeddings)
    if "semantic" in options["coders"]:
        from pipeline.coding.semantic import load_codebook_embeddings

        if codebook_embeddings:
            extra["codebook_embeddings"] = load_codebook_embeddings(codebook_embeddings, book)
    if "supervised" in options["coders"] and model:
        from pipeline.coding.supervised import load_model

        extra["supervised_model"] = load_model(model)
    write_table(code_turns(read_table(turns), book, options, **extra), output)


def run_train_coder(coding: str, turns: tuple[str, ...], embeddings: tuple[str, ...], codebook: str, features: str,
                    threshold: float, cv_output: str | None, output: str) -> None:
    import click

    from pipeline.codebook import load_codebook
    from pipeline.coding.supervised import cv_report, load_training, save_model, training_vectors, train_supervised
    from pipeline.io import read_table, write_table

    book = load_codebook(codebook)
    tables = [read_table(p) for p in turns]
    table = pd.concat(tables, ignore_index=True)
    vectors = training_vectors(list(turns), tables, list(embeddings or ())) if features != "tfidf" else None
    model = train_supervised(table, load_training(coding, book, table), book, vectors=vectors, features=features,
                             threshold=threshold)
    report = cv_report(model)
    click.echo(report.to_string(index=False) if len(report) else "no code has enough coded turns to train on")
    if cv_output:
        write_table(report, cv_output)
    save_model(model, output)


def run_code_texts(texts: str, codebook: str, settings: str | None, output: str) -> None:
    from pipeline.codebook import load_codebook
    from pipeline.coding.run import code_texts
    from pipeline.io import atomic_open, read_text_records

    records = read_text_records(texts, require_id=True)
    results = code_texts(records, load_codebook(codebook), _coding_settings(settings))
    with atomic_open(output) as out:
        for result in results:
            out.write(json.dumps(result, ensure_ascii=False) + "\n")


def run_codebook_report(coded: tuple[str, ...], turns: tuple[str, ...], codebook: str, settings: str | None,
                        csv_output: str | None, output: str, supervised_cv: str | None = None) -> None:
    from pipeline.codebook import load_codebook
    from pipeline.coding.report import (cooccurrence, refinement_markdown, refinement_table, sibling_overlaps,
                                        uncoded_sample)
    from pipeline.io import atomic_open, read_table, write_table
    from pipeline.workflow import parse_settings

    options = parse_settings(settings, "coding")
    book = load_codebook(codebook)
    coded_table = pd.concat([read_table(p) for p in coded], ignore_index=True)
    turn_table = pd.concat([read_table(p) for p in turns], ignore_index=True)
    table = refinement_table(coded_table, turn_table, book)
    sample = uncoded_sample(coded_table, turn_table, int(options["report_sample"]))
    text = refinement_markdown(book, table, cooccurrence(coded_table), sibling_overlaps(coded_table, book),
                               sample, turn_table, read_table(supervised_cv) if supervised_cv else None)
    if csv_output:
        write_table(table, csv_output)
    with atomic_open(output) as out:
        out.write(text)
