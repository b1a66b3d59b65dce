"""The project-wide key (entity -> pseudonym), append-only so pseudonyms survive reruns."""

from __future__ import annotations

import csv
import logging
import re
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from pipeline.anonymise.keep import KeepList
from pipeline.anonymise.spans import is_weak
from pipeline.errors import AnonymisationError
from pipeline.io import write_table
from pipeline.study import record_key_transcripts

log = logging.getLogger(__name__)

KEY_COLUMNS = ["entity", "label", "pseudonym", "originals"]
SEPARATOR = " | "
PRIVATE_MODE = 0o600
_TAG = re.compile(r"^\[([A-Z_]+)_(\d+)\]$")
_TITLE = re.compile(r"^(?:Mr|Mrs|Ms|Miss|Dr|Mx|PC|PCSO|Sgt|Sergeant|Cllr|Councillor)\.?\s+", re.IGNORECASE)


def registry_path(key_path: str | Path) -> Path:
    """Snakemake deletes the key before rebuilding it; the registry beside it is what persists."""
    return Path(key_path).with_name("registry.csv")


def read_key(path: str | Path) -> pd.DataFrame:
    """Read and check a key or registry; any hand edit that breaks one-entity-one-pseudonym is an error."""
    path = Path(path)
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in KEY_COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            raise AnonymisationError(
                f"missing column(s) {', '.join(missing)}; expected {','.join(KEY_COLUMNS)}", path=path, line=1
            )
        rows, entities, pseudonyms = [], {}, {}
        for line, row in enumerate(reader, start=2):
            entity, pseudonym = (row.get("entity") or "").strip(), (row.get("pseudonym") or "").strip()
            if not entity or not pseudonym:
                raise AnonymisationError("empty entity or pseudonym", path=path, line=line)
            if entity in entities:
                raise AnonymisationError(f"entity listed twice (first on line {entities[entity]})", path=path, line=line)
            if pseudonym in pseudonyms:
                raise AnonymisationError(
                    f"pseudonym {pseudonym} already given to another entity on line {pseudonyms[pseudonym]}",
                    path=path, line=line,
                )
            entities[entity], pseudonyms[pseudonym] = line, line
            rows.append({c: (row.get(c) or "") for c in KEY_COLUMNS})
    return pd.DataFrame(rows, columns=KEY_COLUMNS)


def build_key(
    span_files: Iterable[str | Path],
    key_path: str | Path,
    keep: Iterable[str] = (),
    turns_dir: str | Path | None = None,
    views_dir: str | Path | None = None,
    codebook: str | Path | None = None,
) -> pd.DataFrame:
    """Append the new entities of these span files to the registry, then write the key (both mode 0600).

    The span files' stems (transcript ids) are added to the list of transcripts the
    key was built from (transcripts.txt beside it), so a later study cannot reuse it.

    The registry keeps every entity ever seen, so numbers are never reused. The key
    leaves out entities whose every original is now on the keep-list: a word masked
    by mistake ("PCSOs") and then kept stops being masked and stops failing the leak check.
    With `codebook`, it also leaves out codebook terms that only a guess on the word
    alone found (see codebook_terms_left): "Retaliatory eviction is something we see"
    keeps its first word, while "my neighbour Retaliatory" would still be masked.
    With `views_dir`, also writes each transcript's view of the key (see key_views),
    touching only the views whose content changed.
    """
    span_files = list(span_files)
    per_file = {Path(p).stem: pd.read_parquet(p) for p in span_files}
    spans = pd.concat(list(per_file.values()), ignore_index=True) if per_file else pd.DataFrame(
        columns=["transcript_id", "turn", "start", "entity", "label", "text"])
    registry = registry_path(key_path)
    known = read_key(registry) if registry.exists() else pd.DataFrame(columns=KEY_COLUMNS)
    counters: dict[str, int] = {}
    for pseudonym in known["pseudonym"]:
        m = _TAG.match(pseudonym)
        if m:
            counters[m.group(1)] = max(counters.get(m.group(1), 0), int(m.group(2)))
    originals = {e: set(filter(None, o.split(SEPARATOR))) for e, o in zip(known["entity"], known["originals"])}
    rows = known.to_dict("records")
    ordered = spans.sort_values(["transcript_id", "turn", "start"], kind="stable") if len(spans) else spans
    for entity, label, text in zip(ordered["entity"], ordered["label"], ordered["text"]):
        if entity not in originals:
            counters[label] = counters.get(label, 0) + 1
            rows.append({"entity": entity, "label": label, "pseudonym": f"[{label}_{counters[label]}]", "originals": ""})
            originals[entity] = set()
        originals[entity].add(text)
        # "Mr Mahmoud" found once should also mask a bare "Mahmoud" in every transcript.
        untitled = _TITLE.sub("", text)
        if label == "PERSON" and untitled != text and len(untitled) > 1:
            originals[entity].add(untitled)
    for row in rows:
        row["originals"] = SEPARATOR.join(sorted(originals[row["entity"]]))
    everything = pd.DataFrame(rows, columns=KEY_COLUMNS)
    write_table(everything, registry, file_mode=PRIVATE_MODE)
    record_key_transcripts(per_file, registry.parent)
    kept = KeepList(keep)
    on_keep_list = {e for e in everything["entity"] if all(kept.covers(o) for o in originals[e])}
    left = codebook_terms_left(spans, originals, codebook) - on_keep_list if codebook is not None else set()
    key = everything[~everything["entity"].isin(on_keep_list | left)].reset_index(drop=True)
    write_table(key, key_path, file_mode=PRIVATE_MODE)
    # Counts only: this log is under results/.
    log.info("Key - %d entities (%d new, %d now on the keep-list, %d codebook terms found on the word alone "
             "and left in the text)", len(key), len(everything) - len(known), len(on_keep_list), len(left))
    if views_dir is not None:
        if turns_dir is None:
            raise ValueError("views_dir needs turns_dir: a view depends on the transcript's raw text")
        texts = {i: _turn_texts(Path(turns_dir) / f"{i}.parquet") for i in per_file}
        views = key_views(key, texts, {i: set(table["entity"]) for i, table in per_file.items()})
        changed = write_key_views(views, views_dir)
        log.info("Key views - %d of %d changed", len(changed), len(views))
    return key


def weak_entities(spans: pd.DataFrame) -> set[str]:
    """Entities every span of which a guessing detector found on the word alone, with no name cue.

    Spans written before detectors recorded their cue have none: they count as cued, so
    they stay masked.
    """
    if not len(spans) or "cue" not in spans.columns:
        return set()
    weak = [is_weak(str(d), c) if isinstance(c, str) else False for d, c in zip(spans["detector"], spans["cue"])]
    per_entity = pd.Series(weak, index=spans["entity"].to_numpy()).groupby(level=0).all()
    return set(per_entity.index[per_entity.to_numpy()])


def codebook_terms_left(spans: pd.DataFrame, originals: dict[str, set[str]], codebook: str | Path) -> set[str]:
    """Entities left in the text: found on the word alone, every original of them in the codebook.

    A word the codebook uses ("retaliatory eviction") is analytic content, as services are;
    masking it on no more evidence than its capital and its rarity hides the very term that
    codes the turn, and the codebook's own exported files then fail the leak check. The
    originals are matched as the leak gate matches them.
    """
    from pipeline.anonymise.keep import codebook_text, found_in

    candidates = weak_entities(spans)
    if not candidates:
        return set()
    in_codebook = found_in((o for e in candidates for o in originals.get(e, ())), codebook_text(codebook))
    return {e for e in candidates if originals.get(e) and all(o.casefold() in in_codebook for o in originals[e])}


def _turn_texts(path: Path) -> list[str]:
    turns = pd.read_parquet(path, columns=["text"])
    return [t for t in turns["text"] if isinstance(t, str)]


def key_views(key: pd.DataFrame, texts: dict[str, list[str]], found: dict[str, set[str]]) -> dict[str, pd.DataFrame]:
    """For each transcript, the key rows its anonymisation needs, in key order.

    A transcript needs the entities detected in it (`found`) and every entity with an
    original that occurs in its text under the same literal matching that `anonymise`
    applies (case-insensitive, whole words, possessive and plural endings). With those
    rows, anonymising it gives the same bytes as with the whole key; with no others,
    a new name in one transcript reruns only the transcripts where that name occurs.
    Fast on large projects: a word-set test picks the few candidate entities per
    transcript, and only those go into the exact matcher.
    """
    from pipeline.anonymise.known import KnownTerm, TermMatcher

    terms = [
        (KnownTerm(o, label, entity), _word_signature(o))
        for entity, label, joined in zip(key["entity"], key["label"], key["originals"])
        for o in joined.split(SEPARATOR) if o.strip()
    ]
    views: dict[str, pd.DataFrame] = {}
    for transcript_id, turn_texts in texts.items():
        words = {_fold_word(w) for w in {w.lower() for t in turn_texts for w in _WORDS.findall(t)}}
        candidates = [term for term, signature in terms if _may_occur(signature, words)]
        matcher = TermMatcher(candidates, "view")
        needed = set(found.get(transcript_id, set()))
        for text in turn_texts:
            needed |= matcher.matched_entities(text)
        views[transcript_id] = key[key["entity"].isin(needed)].reset_index(drop=True)
    return views


_WORDS = re.compile(r"\w+")


def _fold_word(word: str) -> str:
    # Broader than the regex's IGNORECASE (diacritics, dotless i), so the test never misses a match.
    from pipeline.anonymise.lexicon import fold

    return fold(word)


def _word_signature(original: str) -> tuple[tuple[str, ...], str]:
    words = tuple(_fold_word(w) for w in _WORDS.findall(original))
    return words[:-1], (words[-1] if words else "")


def _may_occur(signature: tuple[tuple[str, ...], str], words: set[str]) -> bool:
    """Whether every word of an original is in the text; the last may carry a plural ending ("Popescus")."""
    inner, last = signature
    if not last:
        return True
    return all(w in words for w in inner) and (last in words or last + "s" in words or last + "es" in words)


def view_bytes(view: pd.DataFrame) -> bytes:
    return view.to_csv(index=False, lineterminator="\n").encode("utf-8")


def write_key_views(views: dict[str, pd.DataFrame], views_dir: str | Path) -> list[str]:
    """Write each view (mode 0600) only when its bytes change, so an unchanged view keeps its mtime
    and Snakemake does not rerun that transcript. Returns the ids whose view was written."""
    from pipeline.io import atomic_open

    folder = Path(views_dir)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    changed = []
    for transcript_id, view in sorted(views.items()):
        path = folder / f"{transcript_id}.csv"
        content = view_bytes(view)
        if path.exists() and path.read_bytes() == content:
            continue
        with atomic_open(path, "wb", file_mode=PRIVATE_MODE) as handle:
            handle.write(content)
        changed.append(transcript_id)
    return changed
