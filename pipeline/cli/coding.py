"""Commands of the coding stage: check a codebook, code turns or texts, train a coder, report on a codebook."""

from __future__ import annotations

import click

from pipeline.cli.topics import ManyPathsOption


@click.command("validate-codebook")
@click.argument("codebook", type=click.Path(dir_okay=False))
def validate_codebook(codebook: str) -> None:
    """Check a codebook and print every problem at once, each with its file and line.

    Errors (exit status 1): YAML or schema violations, wrong types, unknown keys
    (with a did-you-mean), duplicate code ids, unknown parents, a code with
    neither terms nor examples, invalid regexes and wildcards. Warnings (exit
    status 0): a term shared by sibling codes.

    \b
    Example:
      qualflow validate-codebook codebooks/community-consultation.yaml
    """
    from pipeline.codebook import check_codebook

    loaded, problems = check_codebook(codebook)
    for problem in problems:
        click.echo(str(problem), err=problem.severity == "error")
    if loaded is None:
        errors = sum(p.severity == "error" for p in problems)
        click.echo(f"{codebook}: {errors} error(s); the workflow will not code with this codebook", err=True)
        raise SystemExit(1)
    warnings = len(problems)
    click.echo(f"{codebook}: valid, {len(loaded.all_codes())} codes in {len(loaded.themes)} theme(s)"
               + (f", {warnings} warning(s)" if warnings else ""))


@click.command("embed-codebook")
@click.argument("codebook", type=click.Path(exists=True, dir_okay=False))
@click.option("--settings", help="The config's 'embedding' section as JSON (defaults when left out).")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="The .npz file to write.")
def embed_codebook(codebook: str, settings: str | None, output: str) -> None:
    """Embed each code's definition and examples once, for the semantic coder of every transcript.

    \b
    Example:
      qualflow embed-codebook codebooks/community-consultation.yaml -o results/embeddings/codebook.npz
    """
    from pipeline.codebook import load_codebook
    from pipeline.coding.semantic import embed_codebook as embed, save_codebook_embeddings
    from pipeline.embeddings import load_backend
    from pipeline.workflow import parse_settings

    save_codebook_embeddings(embed(load_codebook(codebook), load_backend(parse_settings(settings, "embedding"))),
                             output)


@click.command("train-coder")
@click.argument("coding", type=click.Path(exists=True, dir_okay=False))
@click.option("--turns", cls=ManyPathsOption, required=True, type=click.Path(exists=True, dir_okay=False),
              help="Anonymised transcripts holding the coded turns (results/anonymised/{id}.parquet).")
@click.option("--embeddings", cls=ManyPathsOption, type=click.Path(exists=True, dir_okay=False),
              help="The transcripts' cached unit vectors (results/embeddings/{id}.npz, matched to --turns by file "
                   "name); needed unless --features tfidf.")
@click.option("--codebook", required=True, type=click.Path(exists=True, dir_okay=False), help="The codebook YAML.")
@click.option("--features", type=click.Choice(["vectors", "tfidf", "both"]), default="both", show_default=True,
              help="What the classifiers read: the cached sentence vectors, TF-IDF of the words, or both.")
@click.option("--threshold", type=float, default=0.5, show_default=True,
              help="Probability at which a code is applied (coding.supervised.add_threshold); the report uses it.")
@click.option("--cv-output", type=click.Path(dir_okay=False), help="Also write the cross-validation table (.csv).")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="The model file to write (.joblib).")
def train_coder(coding: str, turns: tuple[str, ...], embeddings: tuple[str, ...], codebook: str, features: str,
                threshold: float, cv_output: str | None, output: str) -> None:
    """Train the supervised coder on an analyst's coded turns; print cross-validated precision, recall and F1 per code.

    CODING has columns transcript_id,turn,code (a row means "this code applies
    to this turn"); every turn of a transcript it names counts as read, so turns
    without a row are negatives. Unknown codes or turns stop with a list of them.
    A code with fewer than 5 coded (or 5 uncoded) turns gets no classifier; the
    table says so and the other coders keep it.

    \b
    Example:
      qualflow train-coder coding/analyst-a.csv --turns results/anonymised/*.parquet \\
        --embeddings results/embeddings/*.npz --codebook codebooks/community-consultation.yaml \\
        --cv-output results/coding/supervised_cv.csv -o results/coding/supervised.joblib
    """
    from pipeline.cli.coding_run import run_train_coder

    run_train_coder(coding, turns, embeddings, codebook, features, threshold, cv_output, output)


@click.command("code")
@click.argument("turns", type=click.Path(exists=True, dir_okay=False))
@click.option("--codebook", required=True, type=click.Path(exists=True, dir_okay=False), help="The codebook YAML.")
@click.option("--embeddings", type=click.Path(exists=True, dir_okay=False),
              help="The transcript's cached unit vectors (results/embeddings/{id}.npz), for the semantic coder.")
@click.option("--codebook-embeddings", type=click.Path(exists=True, dir_okay=False),
              help="The codebook's vectors (results/embeddings/codebook.npz); computed here when left out.")
@click.option("--model", type=click.Path(exists=True, dir_okay=False), help="The trained supervised coder (.joblib).")
@click.option("--settings", help="The config's 'coding' and 'embedding' sections as JSON: {\"coding\": ..., \"embedding\": ...}.")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="The coded table (.parquet or .csv).")
def code(turns: str, codebook: str, embeddings: str | None, codebook_embeddings: str | None, model: str | None,
         settings: str | None, output: str) -> None:
    """Code one anonymised transcript against the codebook: one row per (turn, code).

    Columns transcript_id,turn,code,theme,score,method,evidence,polarity,counted
    (docs/data.md). Facilitator turns are coded too; matrices decide whether to
    count them. Denied mentions ("we never had damp") are kept with
    polarity 'negated' and counted false.

    \b
    Example:
      qualflow code results/anonymised/site-a.parquet --codebook codebooks/community-consultation.yaml \\
        --embeddings results/embeddings/site-a.npz --codebook-embeddings results/embeddings/codebook.npz \\
        -o results/coded/site-a.parquet
    """
    from pipeline.cli.coding_run import run_code

    run_code(turns, codebook, embeddings, codebook_embeddings, model, settings, output)


@click.command("code-texts")
@click.argument("texts", type=click.Path(exists=True, dir_okay=False))
@click.option("--codebook", required=True, type=click.Path(exists=True, dir_okay=False), help="The codebook YAML.")
@click.option("--settings", help="The config's 'coding' and 'embedding' sections as JSON: {\"coding\": ..., \"embedding\": ...}.")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="The JSON-lines file to write.")
def code_texts(texts: str, codebook: str, settings: str | None, output: str) -> None:
    """Code texts outside the workflow: JSON lines {"id", "text"} in, {"id", "codes": [...]} out.

    Each code is {"code", "score", "method", "evidence": [...], "polarity",
    "counted"}; texts are embedded here when the semantic coder is on.

    \b
    Example:
      qualflow code-texts notes.jsonl --codebook codebooks/community-consultation.yaml -o notes.coded.jsonl
    """
    from pipeline.cli.coding_run import run_code_texts

    run_code_texts(texts, codebook, settings, output)


@click.command("codebook-report")
@click.option("--coded", cls=ManyPathsOption, required=True, type=click.Path(exists=True, dir_okay=False),
              help="Coded transcripts (results/coded/{id}.parquet).")
@click.option("--turns", cls=ManyPathsOption, required=True, type=click.Path(exists=True, dir_okay=False),
              help="Their anonymised turns (results/anonymised/{id}.parquet).")
@click.option("--codebook", required=True, type=click.Path(exists=True, dir_okay=False), help="The codebook YAML.")
@click.option("--settings", help="The config's 'coding' section as JSON (report_sample: how many uncoded turns to show).")
@click.option("--csv", "csv_output", type=click.Path(dir_okay=False), help="Also write the per-code table here.")
@click.option("--supervised-cv", type=click.Path(exists=True, dir_okay=False),
              help="The supervised coder's cross-validation table (results/coding/supervised_cv.csv), for its section.")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="The Markdown report to write.")
def codebook_report(coded: tuple[str, ...], turns: tuple[str, ...], codebook: str, settings: str | None,
                    csv_output: str | None, supervised_cv: str | None, output: str) -> None:
    """Write the codebook refinement report: per code hits, participants, top and never-matched terms,
    co-occurring themes, sibling overlaps, and a sample of uncoded turns to read.

    \b
    Example:
      qualflow codebook-report --coded results/coded/*.parquet --turns results/anonymised/*.parquet \\
        --codebook codebooks/community-consultation.yaml --csv results/coding/refinement.csv \\
        -o results/coding/refinement.md
    """
    from pipeline.cli.coding_run import run_codebook_report

    run_codebook_report(coded, turns, codebook, settings, csv_output, output, supervised_cv)
