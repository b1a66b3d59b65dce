"""The gate: scan every file under results/ for any original in the key or term in identifiers.csv."""

from __future__ import annotations

import hashlib
import json
import logging
import re
import shutil
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.anonymise.key import SEPARATOR, read_key
from pipeline.anonymise.known import KnownTerm, TermMatcher, load_identifiers
from pipeline.errors import LeakError

if TYPE_CHECKING:
    from pipeline.anonymise.keep import KeepList

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
                speakers_path: str | Path | None = None, keep: Iterable[str] = (),
                *, workers: int = 1, cache_path: str | Path | None = None,
                spans_dir: str | Path | None = None, codebook: str | Path | None = None) -> tuple[int, int]:
    """Return (files scanned, terms checked); on a leak move the files to quarantine and raise LeakError.

    The error says, for each leaked pseudonym, its category, where it came from (detector and cue,
    transcript and turn from the spans in `spans_dir`; speakers.csv, identifiers.csv or `codebook`
    lines) and what resolves it, all without the original, so it can go to the job's log; the
    originals are in the error's console note only.

    A match wholly inside a kept phrase (a service, a community, a kept site, a site name of the
    metadata) is not a leak, just as the anonymiser does not mask it: "Cross" as a surname is
    checked, "Hollins Cross" as a site is not.

    Files are scanned by `workers` processes. With `cache_path`, a file whose bytes are those of a
    file that passed an earlier check against the very same terms and kept phrases is not read
    again, so a rerun after one transcript changed scans what changed.
    """
    kept_phrases = sorted(set(keep))
    terms = _leak_terms(key_path, identifiers_path, speakers_path)
    fingerprint = _fingerprint(terms, kept_phrases) if cache_path is not None else ""
    clean_before = _read_cache(cache_path, fingerprint)
    report = Path(report_path).resolve()
    paths = [p for p in sorted(Path(results).rglob("*"))
             if p.is_file() and p.resolve() != report and not p.name.startswith(".")]
    # Digests only serve the cache: without one, every file is read once, by the scan.
    digests = {path: _digest(path) for path in paths} if cache_path is not None else {}
    to_scan = [p for p in paths if str(p) not in clean_before or clean_before[str(p)] != digests[p]]
    # Largest first, so the last file a worker starts is a small one.
    to_scan.sort(key=lambda p: p.stat().st_size, reverse=True)
    leaks = {path: entities for path, entities in _scan(to_scan, terms, kept_phrases, workers) if entities}
    if cache_path is not None:
        _write_cache(cache_path, fingerprint, {str(p): digests[p] for p in paths if p not in leaks})
    if leaks:
        from pipeline.anonymise.explain import explain_leaks

        for path in leaks:
            target = Path(quarantine) / path.relative_to(results)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(str(path), target)
        try:
            message, note = explain_leaks(
                leaks, results=results, quarantine=quarantine,
                key=read_key(key_path) if Path(key_path).exists() else None, identifiers_path=identifiers_path,
                speakers_path=speakers_path, spans_dir=spans_dir, codebook=codebook)
        except Exception as e:  # noqa: BLE001 - explaining must never hide the leak itself
            # The type only: an exception's text could quote an entity, and this log is under results/.
            log.warning("Leak check - could not say where the leaked entities came from (%s)", type(e).__name__)
            message, note = f"{len(leaks)} file(s) hold identifiers; each was moved to {quarantine}/:\n" + "\n".join(
                f"  {path}: contains the original of {', '.join(sorted(found))}" for path, found in leaks.items()), ""
        raise LeakError(message, path=results, console_note=note)
    from pipeline.io import atomic_open

    checked = len({t.term.casefold() for t in terms})
    with atomic_open(report_path) as handle:
        handle.write(f"leak check passed\nfiles scanned: {len(paths)}\nterms checked: {checked}\n")
    log.info("Leak check - %d files (%d read, the rest unchanged since a passing check), %d terms, no leaks",
             len(paths), len(to_scan), checked)
    return len(paths), checked


def _leak_terms(key_path: str | Path, identifiers_path: str | Path,
                speakers_path: str | Path | None) -> list[KnownTerm]:
    key = read_key(key_path) if Path(key_path).exists() else None
    terms: list[KnownTerm] = speaker_leak_terms(speakers_path)
    if key is not None:
        terms += [KnownTerm(o, lab, p) for lab, p, joined in zip(key["label"], key["pseudonym"], key["originals"])
                  for o in joined.split(SEPARATOR) if o.strip()]
    for line, t in enumerate(load_identifiers(identifiers_path), start=2):
        terms.append(KnownTerm(t.term, t.label, t.replacement or f"identifiers.csv line {line}"))
    return terms


# One matcher per scanning process, built once from the terms (module state, as each worker is a process).
_SCANNER: tuple[TermMatcher, KeepList] | None = None


def _start_scanner(terms: list[KnownTerm], kept_phrases: list[str]) -> None:
    global _SCANNER
    from pipeline.anonymise.keep import KeepList

    _SCANNER = (TermMatcher(terms, "leak"), KeepList(kept_phrases))


def _leaked_entities(path: Path) -> tuple[Path, dict[str, set[str]]]:
    """The pseudonyms whose originals are in the file, each with the text that matched."""
    assert _SCANNER is not None
    matcher, kept = _SCANNER
    entities: dict[str, set[str]] = {}
    for text in file_texts(path):
        spans = matcher.find(text)
        for span in kept.filter(text, spans, protected=()) if spans else ():
            entities.setdefault(span.entity, set()).add(text[span.start : span.end])
    return path, entities


def _scan(paths: list[Path], terms: list[KnownTerm], kept_phrases: list[str],
          workers: int) -> Iterator[tuple[Path, dict[str, set[str]]]]:
    if workers <= 1 or len(paths) < 2:
        _start_scanner(terms, kept_phrases)
        yield from map(_leaked_entities, paths)
        return
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=workers, initializer=_start_scanner,
                             initargs=(terms, kept_phrases)) as pool:
        yield from pool.map(_leaked_entities, paths)


def _digest(path: Path) -> str:
    digest = hashlib.blake2b(digest_size=16)
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _fingerprint(terms: list[KnownTerm], kept_phrases: list[str]) -> str:
    """Changes whenever the check would: other terms, other kept phrases, other scanning code."""
    digest = hashlib.blake2b(digest_size=16)
    for text in sorted({f"{t.term.casefold()}\t{t.entity}" for t in terms}) + ["\0"] + kept_phrases:
        digest.update(text.encode("utf-8") + b"\n")
    for module in sorted(Path(__file__).parent.glob("*.py")):  # the gate's matching and keep rules
        digest.update(module.read_bytes())
    return digest.hexdigest()


def _read_cache(cache_path: str | Path | None, fingerprint: str) -> dict[str, str]:
    if cache_path is None or not Path(cache_path).exists():
        return {}
    try:
        cache = json.loads(Path(cache_path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}  # a damaged cache only costs a full scan
    return cache.get("clean", {}) if cache.get("fingerprint") == fingerprint else {}


def _write_cache(cache_path: str | Path, fingerprint: str, clean: dict[str, str]) -> None:
    from pipeline.io import atomic_open

    Path(cache_path).parent.mkdir(parents=True, exist_ok=True)
    with atomic_open(cache_path) as handle:
        json.dump({"fingerprint": fingerprint, "clean": clean}, handle)


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
