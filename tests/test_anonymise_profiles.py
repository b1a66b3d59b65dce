"""The two profiles: consultation leaves large cities (analytic content), strict masks every place below
country level and every organisation other than a public service. Our own dev sentences."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.anonymise.detect import build_finder
from pipeline.anonymise.keep import LARGE_CITIES, SERVICES
from pipeline.workflow import parse_settings


def masked(text: str, profile: str) -> list[tuple[str, str]]:
    settings = parse_settings(json.dumps({"ner": "offline", "profile": profile, "identifiers": "absent.csv"}), "anonymise")
    return [(text[s.start : s.end], s.label) for s in build_finder(settings).find(text)]


def test_profile_defaults_to_consultation_and_rejects_others():
    assert parse_settings(None, "anonymise")["profile"] == "consultation"
    from pipeline.errors import QualflowError

    with pytest.raises(QualflowError):
        parse_settings('{"profile": "court"}', "anonymise")


def test_package_lists_are_there():
    assert {"London", "Leeds", "Kyiv", "Addis Ababa"} <= set(LARGE_CITIES)
    assert {"NHS", "Jobcentre Plus", "the council"} <= set(SERVICES)


def test_consultation_leaves_large_cities_and_countries():
    text = "We came from Kyiv to London, then Leeds; my family is still in Poland."
    assert masked(text, "consultation") == []


def test_consultation_still_masks_a_person_who_shares_a_city_name():
    assert ("Victoria", "PERSON") in masked("My daughter Victoria started school.", "consultation")


def test_strict_masks_cities_regions_and_organisations_but_not_services_or_countries():
    text = ("Leeds City Council wrote from Leeds about West Yorkshire. Marsh & Partners Solicitors and "
            "Brookdale Primary School replied, and so did the NHS and Jobcentre Plus, about Poland.")
    found = dict(masked(text, "strict"))
    assert found.get("Leeds") == "PLACE" and found.get("West Yorkshire") == "PLACE"
    assert found.get("Marsh & Partners Solicitors") == "ORG"
    assert found.get("Brookdale Primary School") == "ORG"
    assert not {"NHS", "Jobcentre Plus", "Poland", "City Council", "Leeds City Council"} & set(found)


def test_strict_leaves_ordinary_phrases_with_an_organisation_ending():
    assert masked("Good Practice matters, said the report.", "strict") == []


def test_detect_identifiers_takes_the_profile(tmp_path: Path):
    from pipeline.cli import main

    source = tmp_path / "texts.jsonl"
    source.write_text(json.dumps({"id": "a", "text": "We moved to Manchester in May."}) + "\n", encoding="utf-8")
    outputs = {}
    for profile in ("consultation", "strict"):
        out = tmp_path / f"{profile}.jsonl"
        main(["detect-identifiers", str(source), "--settings", json.dumps({"ner": "offline", "profile": profile}),
              "-o", str(out)])
        outputs[profile] = json.loads(out.read_text(encoding="utf-8"))["spans"]
    assert outputs["consultation"] == []
    assert [s["label"] for s in outputs["strict"]] == ["PLACE"]
