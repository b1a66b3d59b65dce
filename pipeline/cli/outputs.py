"""Commands of the output stage: theme matrices, the HTML report, the REFI-QDA project export."""

from __future__ import annotations

import click

from pipeline.workflow import parse_settings

SETTINGS_HELP = "Config sections as JSON (as the workflow passes them); keys left out take their defaults."


@click.command()
@click.option("--turns", "turn_paths", multiple=True, required=True, type=click.Path(exists=True, dir_okay=False),
              help="results/anonymised/{id}.parquet files (repeat, or list after one --turns).")
@click.option("--coded", "coded_paths", multiple=True, required=True, type=click.Path(exists=True, dir_okay=False),
              help="results/coded/{id}.parquet files.")
@click.option("--codebook", required=True, type=click.Path(exists=True, dir_okay=False), help="The YAML codebook.")
@click.option("--settings", "settings_json", help=SETTINGS_HELP + " Sections: matrices, action_plan.")
@click.option("--outdir", default="results", show_default=True, type=click.Path(file_okay=False),
              help="Writes OUTDIR/matrices/*.csv, action_plan.md, run_info.json and OUTDIR/theme_matrices.xlsx.")
@click.option("--review", "review_path", type=click.Path(exists=True, dir_okay=False),
              help="results/coding/review_next.csv, added to the workbook as the sheet 'Review next'.")
@click.argument("more_paths", nargs=-1, type=click.Path(exists=True, dir_okay=False))
def matrices(turn_paths, coded_paths, codebook, settings_json, outdir, review_path, more_paths) -> None:
    """Build theme matrices, the framework matrix, divergence and the action plan.

    Counts only coded rows with counted=True, and leaves out the roles in
    matrices.exclude_roles (facilitators by default).

    \b
    Example:
      qualflow matrices --turns results/anonymised/*.parquet \\
        --coded results/coded/*.parquet --codebook codebooks/community-consultation.yaml --outdir results
    """
    from pipeline.matrices import run_matrices

    turns, coded = _split_extra(turn_paths, coded_paths, more_paths)
    run_matrices(turns, coded, codebook, parse_settings(settings_json, "matrices", "action_plan"), outdir,
                 review_path=review_path)


def _split_extra(turn_paths, coded_paths, more_paths) -> tuple[list[str], list[str]]:
    """Snakemake expands `--turns {input.turns}` to one option followed by bare paths: sort them by their columns."""
    import pyarrow.parquet as pq

    turns, coded = list(turn_paths), list(coded_paths)
    for path in more_paths:
        (coded if "counted" in pq.read_schema(path).names else turns).append(path)
    return turns, coded


@click.command()
@click.argument("results_dir", type=click.Path(exists=True, file_okay=False))
@click.option("--settings", "settings_json", help=SETTINGS_HELP + " Sections used: matrices, action_plan, topics, report.")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="The HTML file to write.")
def report(results_dir, settings_json, output) -> None:
    """Write one self-contained HTML report (works offline) from the files under RESULTS_DIR.

    \b
    Example:
      qualflow report results --settings '{"report": {"title": "Ashby Vale consultation"}}' -o results/report.html
    """
    import json

    from pipeline.report import write_report

    given = json.loads(settings_json) if settings_json else {}
    sections = ("matrices", "action_plan", "topics", "report")
    chosen = {name: given[name] for name in sections if name in given}
    write_report(results_dir, parse_settings(json.dumps(chosen), *sections), output)


@click.command("export-qdpx")
@click.option("--turns", "turn_paths", multiple=True, required=True, type=click.Path(exists=True, dir_okay=False),
              help="results/anonymised/{id}.parquet files.")
@click.option("--coded", "coded_paths", multiple=True, required=True, type=click.Path(exists=True, dir_okay=False),
              help="results/coded/{id}.parquet files.")
@click.option("--codebook", required=True, type=click.Path(exists=True, dir_okay=False), help="The YAML codebook.")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="The .qdpx file to write.")
@click.argument("more_paths", nargs=-1, type=click.Path(exists=True, dir_okay=False))
def export_qdpx(turn_paths, coded_paths, codebook, output, more_paths) -> None:
    """Export anonymised transcripts, codebook and codings as a REFI-QDA project (.qdpx).

    Open it in QualCoder, NVivo, ATLAS.ti or MAXQDA to review the automatic
    coding by hand. Speakers become Cases with their attributes as Variables.

    \b
    Example:
      qualflow export-qdpx --turns results/anonymised/*.parquet --coded results/coded/*.parquet \\
        --codebook codebooks/community-consultation.yaml -o results/export/project.qdpx
    """
    from pipeline.refi.project import export_project

    turns, coded = _split_extra(turn_paths, coded_paths, more_paths)
    export_project(turns, coded, codebook, output)
