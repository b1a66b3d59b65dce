"""Commands that compare with, and exchange codebooks with, people and other QDA tools."""

from __future__ import annotations

import click


@click.command(context_settings={"max_content_width": 100})
@click.argument("codings", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--codebook", type=click.Path(exists=True, dir_okay=False),
              help="Check every code against this codebook, and list its unused codes too.")
@click.option("--units", "units", multiple=True, type=click.Path(exists=True),
              help="Turns there were to code (transcript_id,turn; parquet/CSV file or folder; repeatable). "
                   "Default: the union of turns any rater coded.")
@click.option("--level", type=click.Choice(["code", "theme"]), default="code", show_default=True,
              help="Compare codes exactly as written (a sub-code does not count as its parent), or roll "
                   "every code up to its theme (needs --codebook).")
@click.option("--bootstrap", type=click.IntRange(min=0), default=1000, show_default=True,
              help="Bootstrap replicates for the 95% intervals (resampling turns); 0 for none.")
@click.option("--seed", type=int, default=42, show_default=True, help="Seed of the bootstrap.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Also write the table as CSV.")
def agreement(codings: tuple[str, ...], codebook: str | None, units: tuple[str, ...], level: str,
              bootstrap: int, seed: int, output: str | None) -> None:
    """Agreement between coders on which codes apply to which turns.

    Each CODING is one rater: a CSV or parquet file with columns
    transcript_id,turn,code (a row means the code applies to that turn), named
    by its file stem; or the workflow's own coding, results/coded/ (a folder,
    named by the folder) or one results/coded/ID.parquet, of which only rows
    with counted=True are used.

    \b
    Units compared: without --units, the union of turns any rater coded, so a
    turn nobody coded is not counted at all. With --units (e.g.
    results/anonymised/), every turn listed there; turns nobody coded count as
    agreed "no", which raises agreement: give the units of the coded
    transcripts only.

    \b
    Per code and pooled over all codes anyone used (each turn-code pair one
    decision): Cohen's kappa (exactly two raters), Krippendorff's alpha
    (nominal, two or more), percent agreement (share of turns on which all
    raters agree), prevalence (share of turns coded, per rater and mean), and
    bootstrap 95% percentile intervals from resampled turns. A code no rater
    used, or every rater used on every turn, has no variation: its kappa and
    alpha are undefined and reported as empty (NaN) with a note. If one rater
    never uses a code, kappa is 0 for it; the note says so.

    \b
    Example:
      qualflow agreement coding/alice.csv coding/bilal.csv results/coded/ \\
          --codebook codebooks/community-consultation.yaml --units results/anonymised/ -o agreement.csv
    """
    from pipeline.agreement import check_codes_known, format_table, map_codes, read_coding, read_units
    from pipeline.agreement import agreement_table
    from pipeline.errors import CodingFileError
    from pipeline.io import write_table

    raters = [read_coding(path) for path in codings]
    codes = None
    if codebook:
        from pipeline.codebook import load_codebook

        book = load_codebook(codebook)
        codes = [c.id for c in book.all_codes()]
        check_codes_known(raters, codes, codebook)
        if level == "theme":
            raters = [map_codes(r, {c: book.theme_of(c) for c in codes}) for r in raters]
            codes = [t.id for t in book.themes]
    elif level == "theme":
        raise CodingFileError("--level theme needs --codebook to know which theme each code belongs to")
    table = agreement_table(raters, units=read_units(units) if units else None, codes=codes,
                            bootstrap=bootstrap, seed=seed)
    click.echo(format_table(table))
    if output:
        write_table(table, output)


@click.command("export-qdc")
@click.argument("codebook", type=click.Path(exists=True, dir_okay=False))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="The .qdc file to write.")
@click.option("--xsd", type=click.Path(exists=True, dir_okay=False),
              help="REFI-QDA Codebook XSD to check against. Default: $QUALFLOW_REFI_SCHEMAS/Codebook-mrt2019.xsd, "
                   "else ../shared/refi-qda/Codebook-mrt2019.xsd; without one, the schema's rules are checked "
                   "by hand.")
def export_qdc(codebook: str, output: str, xsd: str | None) -> None:
    """Write a codebook as a REFI-QDA codebook (.qdc) for NVivo, ATLAS.ti, MAXQDA or QualCoder.

    Sub-codes stay nested; definition, include/exclude criteria, examples,
    terms and partners go into each code's Description as readable text that
    import-qdc reads back, so a round trip loses nothing. GUIDs are the same
    in every export (derived from each code's path of ids), so tools match
    codes on re-import.

    \b
    Example:
      qualflow export-qdc codebooks/community-consultation.yaml -o results/export/codebook.qdc
    """
    from pipeline.refi.qdc import export_qdc as export

    count = export(codebook, output, xsd=xsd)
    click.echo(f"{count} codes written to {output}")


@click.command("import-qdc")
@click.argument("qdc", type=click.Path(exists=True, dir_okay=False))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="The YAML codebook to write.")
def import_qdc(qdc: str, output: str) -> None:
    """Read a REFI-QDA codebook (.qdc) from NVivo, ATLAS.ti, MAXQDA or QualCoder as a YAML codebook.

    Code ids come from code names (lower case, hyphens, made unique), or from
    the file when qualflow wrote it. Codes made in other tools have no terms:
    each gets its own name as its one term (and its name as definition when
    it has no description) so the codebook passes validate-codebook; the
    YAML's header lists every such stand-in to replace. Code sets (groups)
    have no place in a codebook and are left out, with a warning.

    \b
    Example:
      qualflow import-qdc exports/nvivo-codebook.qdc -o codebooks/from-nvivo.yaml
    """
    from pipeline.refi.qdc import import_qdc as do_import

    count = do_import(qdc, output)
    click.echo(f"{count} codes written to {output}")


@click.command("import-qdpx")
@click.argument("project", type=click.Path(exists=True, dir_okay=False))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False),
              help="The coding CSV to write (transcript_id,turn,code,coder); the turns read go beside it "
                   "as NAME.read.csv.")
@click.option("--turns", "turn_paths", multiple=True, type=click.Path(exists=True),
              help="The anonymised turns the project was exported from (parquet files or folder; repeatable). "
                   "Default: results/anonymised/.")
@click.option("--codebook", type=click.Path(exists=True, dir_okay=False),
              help="The codebook of the export: matches codes whose GUID or description a tool changed, by "
                   "GUID or label; codes not in it are new.")
@click.option("--coded", "coded_paths", multiple=True, type=click.Path(exists=True),
              help="The workflow's coding the project was exported with (results/coded/), to find sources "
                   "where the analyst only removed codings.")
@click.option("--codebook-out", type=click.Path(dir_okay=False),
              help="Write the codes the analyst created as codebook stubs (YAML) with their coded quotes as examples.")
@click.option("--min-share", type=click.FloatRange(0, 1, min_open=True), default=0.5, show_default=True,
              help="A selection codes every turn it covers by at least this share of the turn's characters "
                   "(and always the turn holding most of it).")
def import_qdpx(project: str, output: str, turn_paths: tuple[str, ...], codebook: str | None,
                coded_paths: tuple[str, ...], codebook_out: str | None, min_share: float) -> None:
    """Read a REFI-QDA project an analyst reviewed (QualCoder, NVivo, MAXQDA, ATLAS.ti) as coding by turn.

    Each coded selection is mapped back to the turns it covers; sources are
    matched to transcripts by GUID, name or text, and realigned when their
    text changed since the export. Where no code means "not this code" is
    decided by the first rule that applies: (a) every turn of a review
    project the workflow exported; (b) the sources in a Set named
    'reviewed'; (c) every source with at least one coding change. The rule
    is logged and written in NAME.read.csv with the turns it gives.

    \b
    Example:
      qualflow import-qdpx reviewed/project.qdpx --turns results/anonymised/ \\
          --codebook codebooks/community-consultation.yaml --codebook-out reviewed/new-codes.yaml \\
          -o reviewed/coding.csv
    """
    from pathlib import Path

    from pipeline.errors import InputError
    from pipeline.refi.importer import RULES, count_codes, import_qdpx as do_import, read_path

    if not turn_paths:
        default = Path("results") / "anonymised"
        if not default.is_dir():
            raise InputError("no --turns given and results/anonymised/ does not exist; name the anonymised "
                             "turns the project was exported from")
        turn_paths = (str(default),)
    result = do_import(project, output, turn_paths=turn_paths, codebook_path=codebook, coded_paths=coded_paths,
                       codebook_out=codebook_out, min_share=min_share)
    click.echo(f"{len(result.coding)} codings written to {output}; turns read by rule {RULES[result.rule]}: "
               f"{len(result.read)}, listed in {read_path(output)}")
    if codebook_out:
        click.echo(f"{count_codes(result.stubs)} new code(s) written to {codebook_out}")
