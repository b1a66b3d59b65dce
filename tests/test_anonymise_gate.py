"""Codebook terms and the leak gate: a term guessed on the word alone stays in the text; a real leak
says what leaked, where it came from and what resolves it, and no file under results/ holds it."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from pipeline.anonymise.detect import build_finder, find_transcript_spans, speakers_of
from pipeline.anonymise.key import build_key, read_key
from pipeline.anonymise.leaks import check_leaks
from pipeline.anonymise.offline import context_cue
from pipeline.anonymise.transcript import anonymise_transcript
from pipeline.errors import LeakError
from pipeline.io import write_table
from pipeline.refi.qdc import export_qdc

REPO = Path(__file__).resolve().parent.parent
CODEBOOK = REPO / "codebooks" / "community-consultation.yaml"
PROVIDER_TURN = "Retaliatory eviction is something we see a lot, after tenants complain about disrepair."


def _codebook(tmp_path: Path, *terms: str) -> Path:
    """The default codebook, without its one "retaliatory", with `terms` added to the housing theme's terms."""
    text = CODEBOOK.read_text(encoding="utf-8")
    extra = "".join(f'"{t}", ' for t in terms)
    assert "terms: [housing, tenant," in text and text.count("retaliatory threats") == 1
    text = text.replace("retaliatory threats", "threats")
    path = tmp_path / "codebook.yaml"
    path.write_text(text.replace("terms: [housing, tenant,", f"terms: [{extra}housing, tenant,", 1), encoding="utf-8")
    return path


def _study(tmp_path: Path, texts: list[str], codebook: Path) -> dict[str, Path]:
    """Find, key, anonymise one transcript and export the codebook, as the workflow does."""
    paths = {"base": tmp_path, "turns": tmp_path / "private" / "turns" / "site-a.parquet",
             "spans": tmp_path / "private" / "spans" / "site-a.parquet", "key": tmp_path / "private" / "keys" / "key.csv",
             "speakers": tmp_path / "speakers.csv", "metadata": tmp_path / "metadata.csv",
             "identifiers": tmp_path / "private" / "identifiers.csv", "results": tmp_path / "results",
             "codebook": codebook}
    turns = pd.DataFrame({"transcript_id": "site-a", "turn": range(1, len(texts) + 1), "speaker": "Provider",
                          "start": 0.0, "end": 1.0, "text": texts})
    write_table(turns, paths["turns"])
    paths["speakers"].write_text("transcript_id,speaker,role\nsite-a,Provider,provider\n", encoding="utf-8")
    paths["metadata"].write_text("transcript_id,site,date,group_type\nsite-a,Kingsmere,2026-03-14,providers\n",
                                 encoding="utf-8")
    settings = {"ner": "offline", "identifiers": str(paths["identifiers"]), "keep": [], "style": "tag"}
    finder = build_finder(settings, speakers_of(paths["speakers"]))
    write_table(find_transcript_spans(turns, finder), paths["spans"])
    build_key([paths["spans"]], paths["key"], codebook=codebook)
    anonymise_transcript(paths["turns"], paths["spans"], paths["key"], paths["speakers"], paths["metadata"], settings,
                         paths["results"] / "anonymised" / "site-a.parquet")
    export_qdc(codebook, paths["results"] / "export" / "codebook.qdc")
    return paths


def _check(paths: dict[str, Path]) -> tuple[int, int]:
    return check_leaks(paths["results"], paths["key"], paths["identifiers"], paths["base"] / "private" / "quarantine",
                       paths["results"] / "leak_check.txt", paths["speakers"],
                       spans_dir=paths["spans"].parent, codebook=paths["codebook"])


def test_a_codebook_term_found_on_the_word_alone_stays_in_the_text_and_the_gate_passes(tmp_path):
    paths = _study(tmp_path, [PROVIDER_TURN], _codebook(tmp_path, "retaliatory eviction"))
    text = pd.read_parquet(paths["results"] / "anonymised" / "site-a.parquet")["text"].iloc[0]
    assert text == PROVIDER_TURN
    assert "Retaliatory" not in read_key(paths["key"])["originals"].str.cat(sep=" ")
    scanned, _ = _check(paths)
    assert scanned == 4 and (paths["results"] / "leak_check.txt").exists()


def test_the_default_codebook_already_keeps_the_providers_word(tmp_path):
    paths = _study(tmp_path, [PROVIDER_TURN], CODEBOOK)  # it says "retaliatory threats"
    assert pd.read_parquet(paths["results"] / "anonymised" / "site-a.parquet")["text"].iloc[0] == PROVIDER_TURN
    assert _check(paths)[0] == 4


def test_without_the_codebook_term_a_word_guessed_on_the_word_alone_is_still_masked(tmp_path):
    # A capitalised rare word the detector guesses with no cue ("Retaliatory" is no longer guessed).
    turn = PROVIDER_TURN.replace("Retaliatory", "Zorblat")
    paths = _study(tmp_path, [turn], _codebook(tmp_path))
    text = pd.read_parquet(paths["results"] / "anonymised" / "site-a.parquet")["text"].iloc[0]
    assert text.startswith("[PERSON_1] eviction")


def _spans(rows: list[tuple[str, str, str]], path: Path, *, with_cue: bool = True) -> Path:
    """(text, detector, cue) -> a spans file of transcript a, one turn per row."""
    table = pd.DataFrame({
        "transcript_id": "a", "turn": range(1, len(rows) + 1), "start": 0, "end": [len(t) for t, _, _ in rows],
        "label": "PERSON", "detector": [d for _, d, _ in rows], "text": [t for t, _, _ in rows],
        "entity": [f"PERSON:{t.casefold()}" for t, _, _ in rows], "cue": [c for _, _, c in rows]})
    path.parent.mkdir(parents=True, exist_ok=True)
    (table if with_cue else table.drop(columns=["cue"])).to_parquet(path)
    return path


def test_a_detection_with_a_real_cue_or_a_known_source_is_masked_even_when_the_codebook_has_the_word(tmp_path):
    codebook = _codebook(tmp_path, "retaliatory eviction", "zorblat", "quenby", "mirela", "vantrix")
    spans = _spans([("Retaliatory", "offline", ""),  # on the word alone: left in the text
                    ("Zorblat", "offline", "relation"), ("Quenby", "offline", "title"),  # cued: masked
                    ("Mirela", "speaker", ""), ("Vantrix", "known", ""),  # known names: masked
                    ("Windrush", "offline", "")],  # not a codebook word: masked
                   tmp_path / "spans" / "a.parquet")
    key = build_key([spans], tmp_path / "keys" / "key.csv", codebook=codebook)
    assert sorted(key["originals"]) == ["Mirela", "Quenby", "Vantrix", "Windrush", "Zorblat"]
    registry = read_key(tmp_path / "keys" / "registry.csv")
    assert "Retaliatory" in set(registry["originals"])  # numbered once, so a later cue gets the same pseudonym


def test_one_cued_occurrence_masks_every_occurrence_of_the_word(tmp_path):
    codebook = _codebook(tmp_path, "zorblat")
    spans = _spans([("Zorblat", "offline", ""), ("Zorblat", "offline", "title")], tmp_path / "spans" / "a.parquet")
    assert list(build_key([spans], tmp_path / "keys" / "key.csv", codebook=codebook)["originals"]) == ["Zorblat"]


def test_spans_written_before_cues_were_recorded_stay_masked(tmp_path):
    codebook = _codebook(tmp_path, "retaliatory eviction")
    spans = _spans([("Retaliatory", "offline", "")], tmp_path / "spans" / "a.parquet", with_cue=False)
    assert list(build_key([spans], tmp_path / "keys" / "key.csv", codebook=codebook)["originals"]) == ["Retaliatory"]


@pytest.mark.parametrize("text, cue", [
    ("Zorblat eviction is something we see a lot.", ""),  # a guess on the word alone
    ("Windrush was a scandal for them.", ""),
    ("My neighbour Zorblat said so.", "relation"),
    ("She is called Zorblat.", "called"),
    ("Ask Mrs Zorblat about it.", "title"),
    ("Zorblat says the rent went up.", "speech"),
    ("Zorblat's wife came too.", "relation"),
])
def test_the_offline_detector_records_the_cue_it_saw(text, cue):
    finder = build_finder({"ner": "offline", "identifiers": "none.csv"})
    spans = [s for s in finder.find(text) if s.detector == "offline"]
    assert len(spans) == 1 and spans[0].cue == cue
    assert context_cue(text, spans[0].start, spans[0].end) == cue or cue == "name list"


def _files_holding(folder: Path, word: str) -> list[Path]:
    """Files under `folder` whose bytes or readable text (zip members, parquet columns) hold `word`, any case."""
    from pipeline.anonymise.leaks import file_texts

    return [p for p in folder.rglob("*") if p.is_file() and (
        word.encode() in p.read_bytes().lower() or any(word in t.casefold() for t in file_texts(p)))]


def test_a_real_leak_names_category_detector_transcript_turn_and_fix_and_no_file_under_results_holds_it(
        tmp_path, capsys):
    from pipeline.cli import main

    # "Zorblat" is a neighbour's name (a real cue); the researcher also wrote it into the codebook.
    # ("Retaliatory" is English-shaped and no longer guessed a name: the neighbour is [PERSON_1].)
    codebook = _codebook(tmp_path, "retaliatory eviction", "zorblat")
    paths = _study(tmp_path, [PROVIDER_TURN, "My neighbour Zorblat had the same letter."], codebook)
    log = paths["results"] / "logs" / "check_leaks" / "check_leaks.log"
    with pytest.raises(SystemExit) as done:
        main(["--log", str(log), "check-leaks", str(paths["results"]), "--key", str(paths["key"]),
              "--speakers", str(paths["speakers"]), "--spans-dir", str(paths["spans"].parent),
              "--codebook", str(codebook), "--quarantine", str(tmp_path / "private" / "quarantine"),
              "--settings", json.dumps({"identifiers": str(paths["identifiers"])}),
              "-o", str(paths["results"] / "leak_check.txt")])
    assert done.value.code == 1
    err = capsys.readouterr().err
    message, _, note = err.partition("The originals, shown on this console only")
    line = next(n for n, text in enumerate(codebook.read_text().splitlines(), 1) if '"zorblat"' in text)
    for part in ["codebook.qdc: contains the original of [PERSON_1]", "[PERSON_1] (PERSON)", "offline name detector",
                 "relation word", "site-a turn 2", f"{codebook} (line {line})", "`anonymise.keep` in config.yaml"]:
        assert part in message, part
    assert "zorblat" not in message.casefold()
    assert '[PERSON_1] is "zorblat"' in note  # the console alone may show it
    # The log says the same, without the original; no file under results/ holds it.
    logged = log.read_text(encoding="utf-8")
    assert "[PERSON_1] (PERSON)" in logged and "site-a turn 2" in logged and "anonymise.keep" in logged
    assert not (paths["results"] / "export" / "codebook.qdc").exists()
    assert _files_holding(paths["results"], "zorblat") == []
    assert _files_holding(tmp_path / "private" / "quarantine", "zorblat")  # the check itself can see it
    assert (tmp_path / "private" / "quarantine" / "export" / "codebook.qdc").exists()


def test_a_leaked_speaker_name_or_listed_identifier_points_to_its_line(tmp_path):
    paths = _study(tmp_path, ["We met at the school."], _codebook(tmp_path))
    paths["speakers"].write_text("transcript_id,speaker,role\nsite-a,Provider,provider\nsite-a,Qilvane Dorth,community\n",
                                 encoding="utf-8")
    paths["identifiers"].write_text("term,category,replacement\nBrackwater School,ORG,\n", encoding="utf-8")
    leaky = paths["results"] / "matrices" / "evidence.csv"
    leaky.parent.mkdir(parents=True)
    leaky.write_text("quote\nQilvane said Brackwater School was far\n", encoding="utf-8")
    with pytest.raises(LeakError) as caught:
        _check(paths)
    message = caught.value.message
    assert "a name form of the speaker on" in message and "speakers.csv line 3" in message
    assert "listed in" in message and "identifiers.csv line 2" in message and "delete line 2 of" in message
    assert "Qilvane" not in message and "Brackwater" not in message
    assert "Qilvane" in caught.value.console_note and "Brackwater School" in caught.value.console_note


def test_a_word_left_out_as_a_guess_is_still_masked_where_the_key_has_it_for_a_better_reason(tmp_path):
    # PLACE:zorblat is a guess on the word alone (left out); PERSON:zorblat has a cue (in the key).
    codebook = _codebook(tmp_path, "zorblat")
    paths = _study(tmp_path, ["We moved from Zorblat last year.", "My friend Zorblat helped."], codebook)
    assert list(read_key(paths["key"])["entity"]) == ["PERSON:zorblat"]
    texts = list(pd.read_parquet(paths["results"] / "anonymised" / "site-a.parquet")["text"])
    assert texts == ["We moved from [PERSON_1] last year.", "My friend [PERSON_1] helped."]


def test_a_models_span_gets_its_cue_from_the_words_around_it():
    import spacy

    from pipeline.anonymise.spacy_ner import SpacyNerDetector

    nlp = spacy.blank("en")
    nlp.add_pipe("entity_ruler").add_patterns([{"label": "PERSON", "pattern": "Zorblat"}])
    text = "Ask Mrs. Zorblat about it. Zorblat eviction is common. My cousin Zorblat knows."
    assert [s.cue for s in SpacyNerDetector(nlp).find(text)] == ["title", "", "relation"]


def test_a_damaged_spans_file_still_fails_the_gate_with_the_pseudonyms(tmp_path):
    codebook = _codebook(tmp_path, "zorblat")
    paths = _study(tmp_path, ["My neighbour Zorblat had the same letter."], codebook)
    (paths["spans"].parent / "broken.parquet").write_bytes(b"not a parquet file")
    with pytest.raises(LeakError) as caught:
        _check(paths)
    assert "codebook.qdc: contains the original of [PERSON_1]" in caught.value.message
    assert "zorblat" not in caught.value.message.casefold()
