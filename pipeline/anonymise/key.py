"""The project-wide key (entity -> pseudonym), append-only so pseudonyms survive reruns."""

from __future__ import annotations

import csv
import logging
import re
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from pipeline.anonymise.keep import KeepList
from pipeline.errors import AnonymisationError
from pipeline.io import write_table

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


def build_key(span_files: Iterable[str | Path], key_path: str | Path, keep: Iterable[str] = ()) -> pd.DataFrame:
    """Append the new entities of these span files to the registry, then write the key (both mode 0600).

    The registry keeps every entity ever seen, so numbers are never reused. The key
    leaves out entities whose every original is now on the keep-list: a word masked
    by mistake ("PCSOs") and then kept stops being masked and stops failing the leak check.
    """
    spans = [pd.read_parquet(p) for p in span_files]
    spans = pd.concat(spans, ignore_index=True) if spans else pd.DataFrame(columns=["entity", "label", "text"])
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
    kept = KeepList(keep)
    in_use = [not all(kept.covers(o) for o in originals[e]) for e in everything["entity"]]
    key = everything[in_use].reset_index(drop=True)
    write_table(key, key_path, file_mode=PRIVATE_MODE)
    log.info("Key - %d entities (%d new, %d now on the keep-list)", len(key), len(everything) - len(known),
             len(everything) - len(key))
    return key
