"""The offline detector's context rules (names in any case, by their cues) and one entity per person's name forms."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from pipeline.anonymise.detect import build_finder, entity_key, find_transcript_spans
from pipeline.anonymise.known import speaker_name_forms
from pipeline.anonymise.nameforms import person_key, tie_name_forms

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def finder():
    return build_finder({"ner": "offline", "identifiers": "none.csv"})


def _found(finder, text: str) -> list[str]:
    return [text[s.start : s.end] for s in finder.find(text)]


@pytest.mark.parametrize("text, names", [
    ("my cousin ardita said the same", ["ardita"]),
    ("ask tomasz", ["tomasz"]),
    ("ilie told me", ["ilie"]),
    ("My neighbour is called Jan. Jan said it was fine.", ["Jan", "Jan"]),
    ("My neighbour Precious came round.", ["Precious"]),
    ("Lily said no. Will said yes.", ["Lily", "Will"]),
    ("My neighbour Sunday helped. My neighbour Monday too.", ["Sunday", "Monday"]),
    ("Call Jan Kowalski", ["Jan Kowalski"]),
    ("call jan kowalski please", ["jan kowalski"]),
    ("Radek, can you tell us a bit more?", ["Radek"]),
    ("nadia, what happened then?", ["nadia"]),
    ("thank you, nadia.", ["nadia"]),
    ("Mr T. Hargreaves wrote to us.", ["Mr T. Hargreaves"]),
    ("Mrs P. said no.", ["Mrs P."]),
    ("J.D. was there.", ["J.D."]),
    ("Mr A.B. Nowak signed it.", ["Mr A.B. Nowak"]),
    ("Lord Carrow decided.", ["Lord Carrow"]),
    ("so i said to mrs haddad we cannot wait", ["mrs haddad"]),
    ("her son is named will, he is seven", ["will"]),
    ("our interpreter, vesnik, she said", ["vesnik"]),
    ("we stayed at dragana's house for a week", ["dragana"]),
    ("ilie, bogdan and ferhat came on the bus", ["ilie", "bogdan", "ferhat"]),
    ("The interpreter, Selam, was very good.", ["Selam"]),
])
def test_names_are_found_by_their_context_in_any_case(finder, text, names):
    assert _found(finder, text) == names


@pytest.mark.parametrize("text", [
    "i will come in may.", "the bill came.", "mark the form.", "the sunday market is busy.",
    "there is a grace period.", "Bună ziua, everyone.", "bună ziua", "Dobrý den.", "Dzień dobry.", "Salam.",
    "Selam.", "Retaliatory eviction is common.", "my son will be there.", "the caseworker said no.",
    "we asked the council and they told us to wait.", "I saw him on Sunday morning.", "In May we moved.",
    "We flew to the U.K. at 5 p.m.", "Will you come to the next meeting?", "ask her. tell them. call me.",
    "She says crèche, crèche, crèche.", "I am the PCSO, the one in town.", "Ďakujeme, dobrú noc. Thank you.",
    "Inshallah next year it will be better.", "Shukran, you were very kind.", "he is the imam's brother.",
])
def test_ordinary_words_calendar_words_and_greetings_stay(finder, text):
    assert _found(finder, text) == []


def test_context_spans_record_their_cue(finder):
    cues = {finder_text: s.cue for finder_text, s in
            ((t[s.start : s.end], s) for t in ["my cousin ardita said so", "ilie told me", "Radek, can you?",
                                               "J.D. was there", "she is called Jan"] for s in finder.find(t))}
    assert cues == {"ardita": "relation", "ilie": "speech", "Radek": "vocative", "J.D.": "initials", "Jan": "called"}


def test_the_names_dev_set_is_fully_masked_with_no_false_positive(finder):
    for line in (DATA / "anonymisation-names-dev.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        found = {(s.start, s.end) for s in finder.find(record["text"]) if s.label == "PERSON"}
        assert found == {(s["start"], s["end"]) for s in record["spans"]}, record["text"]


def test_feminine_slavic_surnames_key_as_the_masculine_form():
    assert person_key("kowalska") == "kowalski"
    assert person_key("anna nowicka") == "anna nowicki"
    assert person_key("malinovská") == "malinovský"
    assert person_key("ska") == "ska" and person_key("popescu") == "popescu"
    assert entity_key("PERSON", "Mrs Kowalska") == entity_key("PERSON", "Kowalski") == "PERSON:kowalski"


def test_familiar_and_ova_forms_join_their_full_form_only_where_the_transcript_has_both():
    ties = tie_name_forms(["PERSON:tomek", "PERSON:tomasz", "PERSON:nováková", "PERSON:novák", "PERSON:ola",
                           "PERSON:svobodová", "PERSON:svoboda", "PLACE:tomek"])
    assert ties == {"PERSON:tomek": "PERSON:tomasz", "PERSON:nováková": "PERSON:novák",
                    "PERSON:svobodová": "PERSON:svoboda"}
    assert tie_name_forms(["PERSON:ola", "PERSON:tomek"]) == {}


def test_one_transcript_gives_tomek_and_tomasz_one_entity(finder):
    turns = pd.DataFrame({"transcript_id": ["t1", "t1"], "turn": [1, 2],
                          "text": ["My son Tomasz started school.", "Tomek said he likes it."]})
    spans = find_transcript_spans(turns, finder)
    assert set(spans["text"]) == {"Tomasz", "Tomek"}
    assert set(spans["entity"]) == {"PERSON:tomasz"}


def test_a_speakers_familiar_forms_are_the_speakers_name_forms():
    forms = speaker_name_forms("Aleksandra Nowak")
    assert "Ola" in forms and "Aleksandra" in forms
    assert "Will" not in speaker_name_forms("William Price")  # a common word: not a name form by itself
