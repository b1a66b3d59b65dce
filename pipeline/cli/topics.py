"""Commands of the embedding and topic-modelling stage."""

from __future__ import annotations

from typing import Any

import click


class ManyPathsOption(click.Option):
    """An option followed by one or more paths, as a Snakemake rule writes them: --turns a.parquet b.parquet."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("multiple", True)
        kwargs.setdefault("metavar", "FILE...")
        super().__init__(*args, **kwargs)

    def add_to_parser(self, parser: Any, ctx: click.Context) -> None:
        super().add_to_parser(parser, ctx)
        for name in self.opts:
            option = parser._long_opt.get(name) or parser._short_opt.get(name)
            if option is None:
                continue
            take_one = option.process

            def take_until_next_option(value: Any, state: Any, take_one: Any = take_one) -> None:
                take_one(value, state)
                while state.rargs and not state.rargs[0].startswith("-"):
                    take_one(state.rargs.pop(0), state)

            option.process = take_until_next_option


@click.command("embed")
@click.argument("turns", type=click.Path(exists=True, dir_okay=False))
@click.option("--settings", help="The config's 'embedding' section as JSON (defaults when left out).")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="The .npz file to write.")
def embed(turns: str, settings: str | None, output: str) -> None:
    """Embed every coding unit of one anonymised transcript and cache the vectors.

    Units are turns, or sentence windows of long turns; facilitator turns are
    embedded too (the semantic coder needs them). The backend comes from
    embedding.backend: 'minilm', 'minilm-int8', 'tfidf', or an installed sentence-transformers
    model; nothing is downloaded.

    \b
    Example:
      qualflow embed results/anonymised/site-a.parquet -o results/embeddings/site-a.npz
      qualflow embed results/anonymised/site-a.parquet --settings '{"backend": "tfidf"}' -o site-a.npz
    """
    from pipeline.embeddings import embed_units, save_unit_embeddings
    from pipeline.io import read_table
    from pipeline.workflow import parse_settings

    save_unit_embeddings(embed_units(read_table(turns), parse_settings(settings, "embedding")), output)


@click.command("topics")
@click.option("--turns", cls=ManyPathsOption, required=True, type=click.Path(exists=True, dir_okay=False),
              help="Anonymised transcripts (results/anonymised/{id}.parquet), one or more.")
@click.option("--embeddings", cls=ManyPathsOption, required=True, type=click.Path(exists=True, dir_okay=False),
              help="Their cached embeddings (results/embeddings/{id}.npz), matched by file name.")
@click.option("--coded", cls=ManyPathsOption, type=click.Path(exists=True, dir_okay=False),
              help="Their coded rows (results/coded/{id}.parquet), for the topic x theme table.")
@click.option("--codebook", required=True, type=click.Path(exists=True, dir_okay=False), help="The codebook YAML.")
@click.option("--settings", help="The config's 'topics' and 'embedding' sections as JSON: {\"topics\": ..., \"embedding\": ...}.")
@click.option("--outdir", default="results/topics", show_default=True, type=click.Path(file_okay=False),
              help="Folder for topics.csv, turn_topics.parquet, the tables, candidate_codes.yaml and the charts.")
def topics(turns: tuple[str, ...], embeddings: tuple[str, ...], coded: tuple[str, ...], codebook: str,
           settings: str | None, outdir: str) -> None:
    """Model topics over all transcripts and reconcile them with the codebook.

    Fits BERTopic on the cached embeddings (fixed seeds: identical topics on
    identical input), writes topic tables by theme, site and role, and drafts
    codebook entries for topics the codebook does not cover. Fewer usable
    turns than topics.min_turns: a warning and empty outputs, not an error.

    \b
    Example:
      qualflow topics --turns results/anonymised/*.parquet --embeddings results/embeddings/*.npz \\
        --coded results/coded/*.parquet --codebook codebooks/community-consultation.yaml \\
        --outdir results/topics
    """
    import os

    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from pipeline.topics import run_topics
    from pipeline.workflow import parse_settings

    run_topics(list(turns), list(embeddings), list(coded), codebook,
               parse_settings(settings, "topics", "embedding"), outdir)
