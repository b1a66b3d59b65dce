"""The leak gate checks every speaker's name, even speakers nobody names in the talk."""

from pathlib import Path

import pytest

from pipeline.anonymise.leaks import check_leaks
from pipeline.errors import LeakError

SPEAKERS = "transcript_id,speaker,role,person_id\ns1,Facilitator,facilitator,F1\ns1,\"Popescu, Mirela\",community,C1\ns1,Karim Haddad,community,C2\n"


def _project(tmp_path: Path, leaked_text: str) -> tuple[Path, Path]:
    results = tmp_path / "results"
    (results / "anonymised").mkdir(parents=True)
    (results / "anonymised" / "s1.txt").write_text(leaked_text, encoding="utf-8")
    speakers = tmp_path / "speakers.csv"
    speakers.write_text(SPEAKERS, encoding="utf-8")
    return results, speakers


def test_a_speaker_surname_in_results_fails_naming_the_speaker_pseudonym(tmp_path):
    results, speakers = _project(tmp_path, "P02: we went to the council, Mrs Popescu came too.\n")
    with pytest.raises(LeakError) as caught:
        check_leaks(results, tmp_path / "no-key.csv", tmp_path / "none.csv", tmp_path / "quarantine",
                    results / "leak_check.txt", speakers)
    message = str(caught.value)
    assert "P01" in message and "s1.txt" in message
    assert "Popescu" not in message
    assert (tmp_path / "quarantine" / "anonymised" / "s1.txt").exists()
    assert not (results / "anonymised" / "s1.txt").exists()


def test_pseudonymised_speakers_and_role_labels_pass(tmp_path):
    results, speakers = _project(tmp_path, "Facilitator 1: welcome.\nP01: the landlord never came.\n")
    scanned, terms = check_leaks(results, tmp_path / "no-key.csv", tmp_path / "none.csv", tmp_path / "quarantine",
                                 results / "leak_check.txt", speakers)
    assert scanned == 1
    assert terms >= 5  # Mirela, Popescu, Mirela Popescu, Karim, Haddad, ...
    assert (results / "leak_check.txt").read_text(encoding="utf-8").startswith("leak check passed")
