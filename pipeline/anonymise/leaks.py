"""The gate: scan every file under results/ for any original in the key or term in identifiers.csv."""

from __future__ import annotations

import logging
import re
import shutil
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from pipeline.anonymise.key import SEPARATOR, read_key
from pipeline.anonymise.known import KnownTerm, TermMatcher, load_identifiers
from pipeline.errors import LeakError

log = logging.getLogger(__name__)

TEXT_SUFFIXES = {".txt", ".csv", ".tsv", ".md", ".html", ".htm", ".yaml", ".yml", ".json", ".jsonl", ".log", ".xml", ".svg", ".js", ".css", ".qdc"}
ZIP_SUFFIXES = {".xlsx", ".qdpx", ".docx", ".zip"}
SKIP_SUFFIXES = {".npz", ".npy", ".png", ".jpg", ".pdf"}


# Parts of office files that are the same in every file the library writes: the theme's font list
# ("Times New Roman" made the first name Roman a leak) and styles. Cell text lives elsewhere.
BOILERPLATE_MEMBERS = re.compile(r"(^|/)(theme/[^/]+|styles\.xml|\[Content_Types\]\.xml|_rels/[^/]+)$")
# GUIDs identify codes and selections in REFI-QDA files; their hex runs ("bebe") are not words.
_GUID = re.compile(r"\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b")


def file_texts(path: Path) -> Iterator[str]:
    """The text of a results file as the leak gate reads it, in pieces."""
    for text in _raw_texts(path):
        yield _GUID.sub(" ", text)


def _raw_texts(path: Path) -> Iterator[str]:
    suffix = path.suffix.lower()
    if suffix in SKIP_SUFFIXES:
        return
    if suffix == ".parquet":
        import pandas as pd

        table = pd.read_parquet(path)
        for column in table.columns:
            if table[column].dtype == object or str(table[column].dtype).startswith("str"):
                yield "\n".join(map(str, table[column].dropna()))
        yield " ".join(map(str, table.columns))
    elif suffix in ZIP_SUFFIXES:
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                if BOILERPLATE_MEMBERS.search(name):
                    continue
                if name.lower().endswith((".xml", ".rels", ".qde", ".qdc", ".txt", ".json", ".html")):
                    yield archive.read(name).decode("utf-8", errors="replace")
    else:
        text = path.read_text(encoding="utf-8", errors="replace")
        yield _without_vendored_scripts(text) if suffix in {".html", ".htm"} else text


def _without_vendored_scripts(html: str) -> str:
    """Drop the plotly.js bundle that charts inline: 4.8 MB of library code, not data, full of words like "Price"."""
    if "plotly" not in html:
        return html
    try:
        from plotly.offline import get_plotlyjs
    except ImportError:
        return html
    return html.replace(get_plotlyjs(), "")


def speaker_leak_terms(speakers_path: str | Path | None) -> list[KnownTerm]:
    """Every name form of every speaker, reported under the speaker's pseudonym.

    Speakers who are never named in the talk have no entry in the key, yet their
    labels are the most obvious identifiers of all, so the gate checks them too.
    """
    if speakers_path is None or not Path(speakers_path).exists():
        return []
    from pipeline.anonymise.known import speaker_name_forms
    from pipeline.anonymise.transcript import speaker_pseudonyms
    from pipeline.io import read_table

    speakers = read_table(speakers_path).astype({"transcript_id": str, "speaker": str})
    pseudonyms = speaker_pseudonyms(speakers)
    return [KnownTerm(form, "PERSON", pseudonyms[(transcript_id, label)])
            for transcript_id, label in zip(speakers["transcript_id"], speakers["speaker"])
            for form in speaker_name_forms(label)]


def site_names(metadata_path: str | Path | None) -> list[str]:
    if metadata_path is None or not Path(metadata_path).exists():
        return []
    from pipeline.io import read_table

    table = read_table(metadata_path)
    return sorted({str(s) for s in table["site"].dropna()}) if "site" in table.columns else []


def check_leaks(results: str | Path, key_path: str | Path, identifiers_path: str | Path,
                quarantine: str | Path, report_path: str | Path,
                speakers_path: str | Path | None = None, keep: Iterable[str] = ()) -> tuple[int, int]:
    """Return (files scanned, terms checked); on a leak move the files to quarantine and raise LeakError.

    A match wholly inside a kept phrase (a service, a community, a kept site, a site name of the
    metadata) is not a leak, just as the anonymiser does not mask it: "Cross" as a surname is
    checked, "Hollins Cross" as a site is not.
    """
    from pipeline.anonymise.keep import KeepList

    kept = KeepList(keep)
    key = read_key(key_path) if Path(key_path).exists() else None
    terms: list[KnownTerm] = speaker_leak_terms(speakers_path)
    if key is not None:
        terms += [KnownTerm(o, lab, p) for lab, p, joined in zip(key["label"], key["pseudonym"], key["originals"])
                  for o in joined.split(SEPARATOR) if o.strip()]
    for line, t in enumerate(load_identifiers(identifiers_path), start=2):
        terms.append(KnownTerm(t.term, t.label, t.replacement or f"identifiers.csv line {line}"))
    matcher = TermMatcher(terms, "leak")
    report = Path(report_path).resolve()
    leaks: dict[Path, set[str]] = {}
    scanned = 0
    for path in sorted(p for p in Path(results).rglob("*") if p.is_file()):
        if path.resolve() == report or path.name.startswith("."):
            continue
        scanned += 1
        for text in file_texts(path):
            spans = matcher.find(text)
            for span in kept.filter(text, spans, protected=()) if spans else ():
                leaks.setdefault(path, set()).add(span.entity)
    if leaks:
        lines = []
        for path, pseudonyms in leaks.items():
            target = Path(quarantine) / path.relative_to(results)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(str(path), target)
            lines.append(f"{path}: contains the original of {', '.join(sorted(pseudonyms))} (moved to {target})")
        raise LeakError(f"{len(leaks)} file(s) leak identifiers:\n  " + "\n  ".join(lines), path=results)
    from pipeline.io import atomic_open

    with atomic_open(report_path) as handle:
        handle.write(f"leak check passed\nfiles scanned: {scanned}\nterms checked: {len(matcher.by_folded)}\n")
    log.info("Leak check - %d files, %d terms, no leaks", scanned, len(matcher.by_folded))
    return scanned, len(matcher.by_folded)


def summarise_redactions(paths: list[str | Path]):
    import pandas as pd

    frames = []
    for p in paths:
        table = pd.read_csv(p)
        table["transcript_id"] = Path(p).name.removesuffix(".redactions.csv")
        frames.append(table)
    if not frames:
        return pd.DataFrame(columns=["transcript_id", "category", "detector", "count"])
    allrows = pd.concat(frames, ignore_index=True)
    per = allrows.groupby(["transcript_id", "category", "detector"]).size().reset_index(name="count")
    total = allrows.groupby(["category", "detector"]).size().reset_index(name="count").assign(transcript_id="ALL")
    return pd.concat([per, total], ignore_index=True)[["transcript_id", "category", "detector", "count"]]
