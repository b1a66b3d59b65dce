"""Commands of the anonymisation stage: find, key, replace, summarise, check for leaks, evaluate."""

from __future__ import annotations

import click

from pipeline.workflow import parse_settings

SETTINGS_HELP = "The 'anonymise' config section as JSON (defaults fill the rest)."


@click.command("find-identifiers")
@click.argument("turns", type=click.Path(exists=True, dir_okay=False))
@click.option("--speakers", type=click.Path(exists=True, dir_okay=False), help="speakers.csv: every speaker's name is searched for.")
@click.option("--settings", default=None, help=SETTINGS_HELP)
@click.option("--cache-dir", type=click.Path(file_okay=False), default=None,
              help="Keep the speakers' name matcher here (under private/), built once for the project's speakers.")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="Spans parquet (under private/).")
def find_identifiers(turns: str, speakers: str | None, settings: str | None, cache_dir: str | None,
                     output: str) -> None:
    """Find identifier spans in one transcript's raw turns.

    \b
    Example:
      qualflow find-identifiers private/turns/site-a.parquet --speakers transcripts/speakers.csv -o private/spans/site-a.parquet
    """
    from pipeline.anonymise.detect import build_finder, find_transcript_spans, speakers_of
    from pipeline.io import read_table, write_table

    finder = build_finder(parse_settings(settings, "anonymise"), speakers_of(speakers), cache_dir=cache_dir)
    write_table(find_transcript_spans(read_table(turns), finder), output, file_mode=0o600)


@click.command("build-key")
@click.argument("spans", nargs=-1, type=click.Path(exists=True, dir_okay=False))
@click.option("--settings", default=None, help=SETTINGS_HELP)
@click.option("--turns-dir", default=None, type=click.Path(file_okay=False),
              help="Folder of the raw turns ({id}.parquet); needed with --views-dir.")
@click.option("--views-dir", default=None, type=click.Path(file_okay=False),
              help="Write one view of the key per transcript here ({id}.csv, mode 0600), only when it changes.")
@click.option("--codebook", default=None, type=click.Path(exists=True, dir_okay=False),
              help="Leave out of the key the codebook's terms that a detector found on the word alone (no name cue).")
@click.option("--review", default=None, type=click.Path(dir_okay=False),
              help="Also write the spans least sure of, masked or left, with their context (CSV, mode 0600; "
                   "private/review/low_confidence.csv); needs --turns-dir.")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="Key CSV (mode 0600).")
def build_key(spans: tuple[str, ...], settings: str | None, turns_dir: str | None, views_dir: str | None,
              codebook: str | None, review: str | None, output: str) -> None:
    """Give every entity found a stable pseudonym, appending to the registry beside the key.

    With --views-dir, each transcript also gets the key rows it needs, so editing one
    transcript reruns `anonymise` only where the edit matters. With --codebook, a word
    of the codebook that was masked only for being a rare capitalised word stays in the text.
    With --review, the spans found on the weakest evidence (masked or left) are listed for a person to check.

    \b
    Example:
      qualflow build-key private/spans/*.parquet --turns-dir private/turns --views-dir private/keys/views \\
        --codebook codebooks/community-consultation.yaml --review private/review/low_confidence.csv \\
        -o private/keys/key.csv
    """
    from pipeline.anonymise.key import build_key as build

    if views_dir and not turns_dir:
        raise click.UsageError("--views-dir needs --turns-dir (a view depends on the transcript's raw text)")
    if review and not turns_dir:
        raise click.UsageError("--review needs --turns-dir (its context comes from the raw text)")
    key = build(spans, output, keep=parse_settings(settings, "anonymise")["keep"], turns_dir=turns_dir,
                views_dir=views_dir, codebook=codebook)
    if review:
        import logging

        from pipeline.anonymise.review import write_low_confidence

        count = write_low_confidence(spans, turns_dir, key, review)
        logging.getLogger(__name__).info("Review - %d spans to check by hand", count)  # a count only: logs are shared


@click.command("anonymise")
@click.argument("turns", type=click.Path(exists=True, dir_okay=False))
@click.option("--spans", required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--key", required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--speakers", required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--metadata", required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--settings", default=None, help=SETTINGS_HELP)
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="results/anonymised/{id}.parquet; .txt and .redactions.csv go beside it.")
def anonymise(turns: str, spans: str, key: str, speakers: str, metadata: str, settings: str | None, output: str) -> None:
    """Write the anonymised transcript (parquet, readable text, redactions), or nothing if a check fails.

    \b
    Example:
      qualflow anonymise private/turns/site-a.parquet --spans private/spans/site-a.parquet --key private/keys/key.csv --speakers transcripts/speakers.csv --metadata transcripts/metadata.csv -o results/anonymised/site-a.parquet
    """
    from pipeline.anonymise.transcript import anonymise_transcript

    anonymise_transcript(turns, spans, key, speakers, metadata, parse_settings(settings, "anonymise"), output)


@click.command("summarise-redactions")
@click.argument("redactions", nargs=-1, type=click.Path(exists=True, dir_okay=False))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False))
def summarise_redactions(redactions: tuple[str, ...], output: str) -> None:
    """Count redactions per transcript, category and detector (counts only, no text).

    \b
    Example:
      qualflow summarise-redactions results/anonymised/*.redactions.csv -o results/anonymised/summary.csv
    """
    from pipeline.anonymise.leaks import summarise_redactions as summarise
    from pipeline.io import write_table

    write_table(summarise(list(redactions)), output)


@click.command("check-leaks")
@click.argument("results", type=click.Path(exists=True, file_okay=False))
@click.option("--key", required=True, type=click.Path(dir_okay=False))
@click.option("--settings", default=None, help=SETTINGS_HELP)
@click.option("--speakers", type=click.Path(dir_okay=False), default=None,
              help="speakers.csv: every speaker's name forms are checked too.")
@click.option("--metadata", type=click.Path(dir_okay=False), default=None,
              help="metadata.csv: its site names are shown in results by design, so words inside them are not leaks.")
@click.option("--quarantine", default="private/quarantine", show_default=True, type=click.Path(file_okay=False))
@click.option("--workers", default=1, show_default=True, type=click.IntRange(min=1), help="Processes scanning files.")
@click.option("--cache", type=click.Path(dir_okay=False), default=None,
              help="Remember files that passed (by content), so an unchanged file is not read again; keep it private.")
@click.option("--spans-dir", type=click.Path(file_okay=False), default=None,
              help="private/spans: on a leak, say which detector found each entity, in which transcript and turn.")
@click.option("--codebook", type=click.Path(exists=True, dir_okay=False), default=None,
              help="The codebook: on a leak, name the codebook lines that hold each leaked entity.")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False))
def check_leaks(results: str, key: str, settings: str | None, speakers: str | None, metadata: str | None,
                quarantine: str, workers: int, cache: str | None, spans_dir: str | None, codebook: str | None,
                output: str) -> None:
    """Fail if any keyed original, speaker name or known identifier is in a file under RESULTS (leaking files are quarantined).

    The failure names each leaked pseudonym's category, where it came from and the edit that
    resolves it; the log gets the same without the originals, which only the console shows.

    \b
    Example:
      qualflow check-leaks results --key private/keys/key.csv --speakers transcripts/speakers.csv \\
        --spans-dir private/spans --codebook codebooks/community-consultation.yaml \\
        --workers 2 --cache private/cache/leak_check.json -o results/leak_check.txt
    """
    from pipeline.anonymise.leaks import check_leaks as check, site_names

    anonymise = parse_settings(settings, "anonymise")
    check(results, key, anonymise["identifiers"], quarantine, output, speakers,
          keep=[*anonymise.get("keep", []), *site_names(metadata)], workers=workers, cache_path=cache,
          spans_dir=spans_dir, codebook=codebook)


@click.command("detect-identifiers")
@click.argument("source", type=click.Path(exists=True, dir_okay=False))
@click.option("--settings", default=None, help=SETTINGS_HELP)
@click.option("--speakers", type=click.Path(exists=True, dir_okay=False), default=None)
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False))
def detect_identifiers(source: str, settings: str | None, speakers: str | None, output: str) -> None:
    """Spans for each line {"id", "text"} of a JSONL file -> {"id", "spans": [{start, end, label, detector}]}.

    \b
    Example:
      qualflow detect-identifiers texts.jsonl -o spans.jsonl
    """
    import json

    from pipeline.anonymise.detect import build_finder, speakers_of
    from pipeline.anonymise.evaluate import read_gold
    from pipeline.io import atomic_open

    finder = build_finder(parse_settings(settings, "anonymise"), speakers_of(speakers))
    with atomic_open(output) as handle:
        for record in read_gold(source):
            spans = [{"start": s.start, "end": s.end, "label": s.label, "detector": s.detector}
                     for s in finder.find(record["text"])]
            handle.write(json.dumps({"id": record.get("id"), "spans": spans}, ensure_ascii=False) + "\n")


@click.command("evaluate-anonymisation")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--settings", default=None, help=SETTINGS_HELP)
@click.option("--speakers", type=click.Path(exists=True, dir_okay=False), default=None)
def evaluate_anonymisation(gold: str, settings: str | None, speakers: str | None) -> None:
    """Print token recall/precision per label and overall, and entity recall, on an annotated JSONL set.

    \b
    Example:
      qualflow evaluate-anonymisation tests/data/anonymisation-gold.jsonl --settings '{"ner": "offline", "identifiers": "tests/data/anonymisation-gold.identifiers.csv"}'
    """
    from pipeline.anonymise.detect import build_finder, speakers_of
    from pipeline.anonymise.evaluate import evaluate, format_scores, read_gold

    finder = build_finder(parse_settings(settings, "anonymise"), speakers_of(speakers))
    click.echo(format_scores(evaluate(read_gold(gold), finder)))
