"""Commands about the study as a whole: start a new one with a clean results/ and a fresh key."""

from __future__ import annotations

import click


@click.command("new-study")
def new_study() -> None:
    """Archive this study's results/ and private/ (with its pseudonym key) and start a clean one.

    Everything under results/ and private/ (the key, raw turns, identifiers.csv, caches)
    moves to private/archive/<date-time>/ (owner-only; nothing is deleted). Earlier
    archives stay where they are; transcripts/, config.yaml and the codebooks are left
    as they are. Run it in the project folder before putting a new study's transcripts
    in transcripts/, so that one study's key never serves another.

    \b
    Example:
      qualflow new-study
    """
    from pipeline.study import archive_study

    archived = archive_study()
    if archived.folder is None:
        click.echo("nothing to archive: results/ and private/ hold no study yet")
        return
    click.echo(f"archived {len(archived.moved)} item(s) of results/ and private/ to {archived.folder}/ "
               "(the old pseudonym key is in its private/keys/)")
    if archived.identifiers:
        click.echo(f"private/identifiers.csv went with them: write this study's own, or copy the old one back "
                   f"(cp {archived.folder}/private/identifiers.csv private/)")
    click.echo("results/ and private/ are empty: put this study's transcripts, metadata.csv and speakers.csv "
               "in transcripts/ and run the workflow")
