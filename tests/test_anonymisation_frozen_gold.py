"""Integrity of the two frozen anonymisation evaluation sets (tests/data/anonymisation-asr-interpreted.jsonl and
anonymisation-strict-letters.jsonl); no detector is run here. README-asr-interpreted.md and
README-strict-letters.md say how each was made and how it is scored."""

from __future__ import annotations

import hashlib
import importlib.util
import json
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
LABELS = {"PERSON", "PLACE", "ORG", "ADDRESS", "POSTCODE", "PHONE", "EMAIL", "ID_NUMBER", "DATE", "URL", "OTHER"}
# name: (generator script, sha256 of the JSONL, least number of identifiers)
SETS = {
    "anonymisation-asr-interpreted": ("make_anonymisation_asr_interpreted.py",
                                      "2b488b14dc3f30bda52e110c4de23109e62203206c8f1ed8ba5f2bc5f05fb5cd", 1000),
    "anonymisation-strict-letters": ("make_anonymisation_strict_letters.py",
                                     "d82736c0a41c27db9ae64fcfdea3b2c43bd4f6372914a5a819be3d54f1a7a334", 300),
}
REQUIRED_ORIGINS = {"roma", "czech", "slovak", "polish", "romanian", "albanian", "kurdish", "arabic", "tigrinya",
                    "somali", "english"}


def load_script(name: str):
    spec = importlib.util.spec_from_file_location(name.removesuffix(".py"), DATA / name)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def records_of(name: str) -> list[dict]:
    return [json.loads(line) for line in (DATA / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("name", sorted(SETS))
def test_the_set_is_the_frozen_one(name):
    assert hashlib.sha256((DATA / f"{name}.jsonl").read_bytes()).hexdigest() == SETS[name][1]


@pytest.mark.parametrize("name", sorted(SETS))
def test_the_script_writes_exactly_the_frozen_set(name):
    script = load_script(SETS[name][0])
    assert script.render(script.passages()) == (DATA / f"{name}.jsonl").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(SETS))
def test_spans_are_in_range_sorted_apart_and_labelled(name):
    records = records_of(name)
    assert len({r["id"] for r in records}) == len(records)
    for r in records:
        assert set(r) == {"id", "text", "spans"}
        text, end = r["text"], 0
        assert text.strip() and "{" not in text and "}" not in text
        for s in r["spans"]:
            assert set(s) == {"start", "end", "label"}, r["id"]
            assert s["label"] in LABELS, r["id"]
            assert end <= s["start"] < s["end"] <= len(text), r["id"]
            piece = text[s["start"] : s["end"]]
            assert piece == piece.strip() and (piece[0].isalnum() or piece[0] == "@"), (r["id"], piece)
            end = s["end"]


@pytest.mark.parametrize("name", sorted(SETS))
def test_the_set_has_enough_identifiers(name):
    assert sum(len(r["spans"]) for r in records_of(name)) >= SETS[name][2]


def test_consultation_set_names_come_from_at_least_twenty_origins():
    passages = load_script(SETS["anonymisation-asr-interpreted"][0]).passages()
    origins = {o for p in passages for o in p["origins"]}
    assert len(origins) >= 20
    assert REQUIRED_ORIGINS <= origins
    assert all(bool(p["origins"]) == any(s["label"] == "PERSON" for s in p["spans"]) for p in passages)


def test_consultation_set_has_each_hard_case():
    passages = load_script(SETS["anonymisation-asr-interpreted"][0]).passages()
    texts = [p["text"] for p in passages]
    assert sum(len(p["vocatives"]) for p in passages) >= 50
    for negative in ("i will", "in may", "the bill came", "bună ziua", "retaliatory eviction", "citizens advice"):
        assert any(negative in t.lower() for t in texts), negative
    names = {p["text"][s["start"] : s["end"]].lower() for p in passages for s in p["spans"] if s["label"] == "PERSON"}
    assert {"jan", "will", "may", "precious", "lily", "sunday", "grace", "hope", "rose", "mark", "bill"} <= names
    assert {"kowalski", "kowalska"} <= {w for n in names for w in n.split()}
    assert {"Mr A.B. Nowak", "Mr T. Hargreaves", "Mrs P.", "J.D.", "Lord Carrow"} <= {
        p["text"][s["start"] : s["end"]] for p in passages for s in p["spans"]}
    codes = {p["text"][s["start"] : s["end"]] for p in passages for s in p["spans"] if s["label"] == "ID_NUMBER"}
    assert {"30412/07", "09/22h.4", "4021-7736-0915-2284"} <= codes
    places = [p["text"][s["start"] : s["end"]] for p in passages for s in p["spans"] if s["label"] == "PLACE"]
    assert {"barrow upon soar", "kirkby in ashfield", "west hendon", "lower earley"} <= set(places)
