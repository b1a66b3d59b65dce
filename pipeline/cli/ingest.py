"""Commands of the ingestion stage: parse one transcript; check the transcripts folder and its CSVs."""

from __future__ import annotations

import sys

import click

FORMAT_CHOICES = ["auto", "txt", "md", "docx", "vtt", "srt"]


@click.command()
@click.argument("path", type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(FORMAT_CHOICES), default="auto", show_default=True,
              help="Transcript format; 'auto' goes by the file's extension.")
@click.option("--transcript-id", default=None, help="Id written in the transcript_id column [default: file name without extension].")
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None,
              help="Write the turns here (.csv or .parquet); without it, CSV goes to standard output.")
def parse(path: str, fmt: str, transcript_id: str | None, output: str | None) -> None:
    """Read one transcript (.txt .md .docx .vtt .srt) into speaker turns.

    Columns: transcript_id, turn (from 1), speaker, start, end (seconds, empty when
    the file has no times), text. Consecutive pieces of one speaker become one turn.

    \b
    Example:
      qualflow parse transcripts/kingsmere-roma-parents-schools.vtt -o turns.csv
      qualflow parse notes/session-2.txt --transcript-id hollins-cross-2 -o turns.parquet
    """
    if output is not None and not output.lower().endswith((".csv", ".parquet")):
        raise click.BadParameter(f"'{output}' must end in .csv or .parquet", param_hint="-o/--output")
    from pipeline.io import write_table
    from pipeline.transcripts import read_turns

    turns = read_turns(path, fmt, transcript_id)
    if output is None:
        turns.to_csv(sys.stdout, index=False, lineterminator="\n")
    else:
        write_table(turns, output)


@click.command("check-inputs")
@click.option("--transcripts", "folder", default="transcripts", show_default=True,
              help="Folder of transcripts (config: transcripts.dir).")
@click.option("--metadata", default="transcripts/metadata.csv", show_default=True,
              help="One row per transcript (config: transcripts.metadata).")
@click.option("--speakers", default="transcripts/speakers.csv", show_default=True,
              help="One row per speaker per transcript (config: transcripts.speakers).")
def check_inputs(folder: str, metadata: str, speakers: str) -> None:
    """Check the transcripts folder, metadata.csv and speakers.csv before a run.

    Parses every transcript and prints one line per transcript: its format, turns,
    speakers, and the speakers missing from speakers.csv. Stops at the first problem
    with the file and line to fix (every transcript that cannot be read, if several);
    a speaker missing from speakers.csv (the workflow would give them role 'other')
    is a problem too, reported after the summary.

    \b
    Example:
      qualflow check-inputs
      qualflow check-inputs --transcripts pilot/ --metadata pilot/metadata.csv --speakers pilot/speakers.csv
    """
    from pipeline.transcripts.check import check_inputs as run_checks
    from pipeline.transcripts.check import unlisted_error

    summary = run_checks(folder, metadata, speakers)
    click.echo(summary.to_string(index=False))
    problem = unlisted_error(summary.attrs["unlisted"], speakers)
    if problem is not None:
        raise problem
