"""Commands of the analyst's loop: agreement with the analyst, and the turns to review next."""

from __future__ import annotations

import click

from pipeline.cli.topics import ManyPathsOption


@click.command("review-next")
@click.option("--turns", "turn_paths", cls=ManyPathsOption, required=True, type=click.Path(exists=True, dir_okay=False),
              help="The anonymised turns (results/anonymised/*.parquet).")
@click.option("--coded", "coded_paths", cls=ManyPathsOption, required=True,
              type=click.Path(exists=True, dir_okay=False), help="The workflow's coding (results/coded/*.parquet).")
@click.option("--codebook", required=True, type=click.Path(exists=True, dir_okay=False), help="The codebook YAML.")
@click.option("--training", type=click.Path(exists=True, dir_okay=False),
              help="The analyst's coding (CSV from import-qdpx); the turns they read (NAME.read.csv beside it, "
                   "else every turn of the transcripts in it) are left out.")
@click.option("--settings", "settings_json", help="The config's 'coding' and 'matrices' sections as JSON "
                                                  "(defaults fill the rest); uses coding.review.size and .blind.")
@click.option("--blind/--no-blind", default=None,
              help="Leave the workflow's codes out of the .qdpx (default: coding.review.blind).")
@click.option("--csv", "csv_output", required=True, type=click.Path(dir_okay=False),
              help="The list to write (results/coding/review_next.csv).")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False),
              help="The review project to write (results/export/review.qdpx).")
def review_next(turn_paths, coded_paths, codebook, training, settings_json, blind, csv_output, output) -> None:
    """List the turns whose coding the workflow is least sure of, and export them as a small .qdpx to code.

    A turn is uncertain when a semantic score is close to its threshold, only
    one coder found a code the others did not, a code rests on one term that
    matches many turns, or a mention was negated or hypothetical. Codes take
    turns (round-robin) and each transcript gives a fair share, so the list
    spreads over codes and transcripts; facilitators' turns and turns the
    analyst already read are left out. The .qdpx says it is a review project,
    so `qualflow import-qdpx` counts every turn in it as read.

    \b
    Example:
      qualflow review-next --turns results/anonymised/*.parquet --coded results/coded/*.parquet \\
          --codebook codebooks/community-consultation.yaml --training reviewed/coding.csv --blind \\
          --csv results/coding/review_next.csv -o results/export/review.qdpx
    """
    from pipeline.review import run_review_next
    from pipeline.workflow import parse_settings

    settings = parse_settings(settings_json, "coding", "matrices")
    selected = run_review_next(turn_paths, coded_paths, codebook, settings, csv_output, output,
                               training_path=training, blind=blind)  # fmt: skip
    click.echo(f"{len(selected)} turns to review written to {csv_output} and {output}")


@click.command("analyst-agreement")
@click.argument("training", type=click.Path(exists=True, dir_okay=False))
@click.option("--turns", "turn_paths", cls=ManyPathsOption, required=True, type=click.Path(exists=True, dir_okay=False),
              help="The anonymised turns (results/anonymised/*.parquet).")
@click.option("--coded", "coded_paths", cls=ManyPathsOption, required=True,
              type=click.Path(exists=True, dir_okay=False), help="The workflow's coding (results/coded/*.parquet).")
@click.option("--codebook", required=True, type=click.Path(exists=True, dir_okay=False), help="The codebook YAML.")
@click.option("--settings", "settings_json", help="The config's 'coding' section as JSON (defaults fill the rest).")
@click.option("--bootstrap", type=click.IntRange(min=0), default=1000, show_default=True,
              help="Bootstrap replicates for the 95% intervals (resampling turns); 0 for none.")
@click.option("--seed", type=int, default=42, show_default=True, help="Seed of the bootstrap.")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False),
              help="The table to write (results/coding/agreement.csv).")
def analyst_agreement(training, turn_paths, coded_paths, codebook, settings_json, bootstrap, seed, output) -> None:
    """Agreement between the analyst's coding (TRAINING) and the workflow's, on the turns the analyst read.

    TRAINING is a CSV transcript_id,turn,code (from `qualflow import-qdpx`);
    the turns read are NAME.read.csv beside it, else every turn of the
    transcripts that appear in it (a warning says so). One row per theme and
    per sub-code either side used, and a pooled row per level: prevalence,
    percent agreement, Cohen's kappa and Krippendorff's alpha with bootstrap
    95% intervals for the combined coding; kappa of each zero-shot coder's
    part of it (terms, semantic), and the one that agrees least. When the
    supervised coder runs, it learnt from these turns: the combined figures
    are marked as optimistic (see supervised_cv.csv for cross-validated ones).

    \b
    Example:
      qualflow analyst-agreement reviewed/coding.csv --turns results/anonymised/*.parquet \\
          --coded results/coded/*.parquet --codebook codebooks/community-consultation.yaml \\
          -o results/coding/agreement.csv
    """
    from pipeline.review import disagrees_most, run_analyst_agreement
    from pipeline.workflow import parse_settings

    settings = {"coding": parse_settings(settings_json, "coding")}
    table = run_analyst_agreement(training, turn_paths, coded_paths, codebook, settings, output,
                                  bootstrap=bootstrap, seed=seed)  # fmt: skip
    coder = disagrees_most(table)
    click.echo(f"agreement on {table['n_units'].iloc[0]} turns written to {output}"
               + (f"; the zero-shot coder agreeing least with the analyst: {coder}" if coder else ""))
