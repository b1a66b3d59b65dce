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


def test_a_surname_inside_a_site_name_is_not_a_leak_but_the_surname_alone_is(tmp_path):
    from pipeline.anonymise.leaks import check_leaks
    from pipeline.errors import LeakError

    speakers = tmp_path / "speakers.csv"
    speakers.write_text("transcript_id,speaker,role\ns1,Francesca Cross,community\n", encoding="utf-8")
    results = tmp_path / "results"
    results.mkdir()
    (results / "theme_by_site.csv").write_text("theme,site,turns\nhousing,Hollins Cross,4\n", encoding="utf-8")
    report = results / "leak_check.txt"
    assert check_leaks(results, tmp_path / "no-key.csv", tmp_path / "none.csv", tmp_path / "quarantine", report,
                       speakers, keep=["Hollins Cross"])[0] == 1
    (results / "quotes.md").write_text("As Ms Cross told us, the flat was cold.", encoding="utf-8")
    with pytest.raises(LeakError, match="quotes.md"):
        check_leaks(results, tmp_path / "no-key.csv", tmp_path / "none.csv", tmp_path / "quarantine", report,
                    speakers, keep=["Hollins Cross"])
    assert (tmp_path / "quarantine" / "quotes.md").exists()
    assert (results / "theme_by_site.csv").exists()


def test_office_boilerplate_and_guids_are_not_read_as_names(tmp_path):
    import zipfile

    from pipeline.anonymise.leaks import file_texts

    book = tmp_path / "matrices.xlsx"
    with zipfile.ZipFile(book, "w") as archive:
        archive.writestr("xl/theme/theme1.xml", '<a:font script="Hebr" typeface="Times New Roman"/>')
        archive.writestr("xl/styles.xml", "<fonts><font name='Roman'/></fonts>")
        archive.writestr("xl/worksheets/sheet1.xml", '<c><is><t>Roman said the flat was cold</t></is></c>'
                                                     '<ref guid="da6e365a-bebe-5ff4-a180-74c47c0eb871"/>')
    text = " ".join(file_texts(book))
    assert "Times New Roman" not in text and "styles" not in text
    assert "Roman said the flat was cold" in text
    assert "bebe" not in text


def test_the_keep_filter_looks_only_around_each_span_yet_finds_every_covering_phrase():
    from pipeline.anonymise.keep import KeepList
    from pipeline.anonymise.spans import Span

    kept = KeepList(["Hollins Cross"])
    filler = "housing repairs were slow. " * 2000
    text = filler + "At Hollins Cross the Cross family spoke. " + filler + "Hollins Crossley"
    inside = text.index("Hollins Cross") + len("Hollins ")
    alone = text.index("the Cross family") + len("the ")
    at_end = len(text) - len("ley")  # "Cross" inside "Hollins Crossley" is no whole word of a kept phrase
    spans = [Span(i, i + len("Cross"), "PERSON", "leak") for i in (inside, alone, at_end - len("Cross"))]
    assert [s.start for s in kept.filter(text, spans, protected=())] == [alone, at_end - len("Cross")]


def _check(tmp_path: Path, results: Path, speakers: Path, **options):
    return check_leaks(results, tmp_path / "no-key.csv", tmp_path / "none.csv", tmp_path / "quarantine",
                       results / "leak_check.txt", speakers, **options)


def test_two_workers_find_the_same_leaks_as_one(tmp_path):
    results, speakers = _project(tmp_path, "P01: fine.\n")
    for n in range(6):
        text = "Mrs Popescu came.\n" if n in (1, 4) else f"P0{n}: nothing to see.\n"
        (results / f"f{n}.txt").write_text(text, encoding="utf-8")
    with pytest.raises(LeakError) as caught:
        _check(tmp_path, results, speakers, workers=2)
    assert "2 file(s)" in str(caught.value)
    assert sorted(p.name for p in (tmp_path / "quarantine").iterdir()) == ["f1.txt", "f4.txt"]


def test_the_cache_skips_only_files_unchanged_since_a_passing_check_against_the_same_terms(tmp_path, monkeypatch):
    import pipeline.anonymise.leaks as leaks

    results, speakers = _project(tmp_path, "P01: the landlord never came.\n")
    (results / "other.txt").write_text("P02: the damp came back.\n", encoding="utf-8")
    cache = tmp_path / "private" / "leak_cache.json"
    read: list[str] = []
    real_texts = leaks.file_texts
    monkeypatch.setattr(leaks, "file_texts", lambda path: (read.append(path.name), real_texts(path))[1])

    assert _check(tmp_path, results, speakers, cache_path=cache)[0] == 2
    assert sorted(read) == ["other.txt", "s1.txt"]
    read.clear()
    assert _check(tmp_path, results, speakers, cache_path=cache)[0] == 2
    assert read == []  # nothing changed: nothing read

    (results / "other.txt").write_text("P02: Karim said the damp came back.\n", encoding="utf-8")
    with pytest.raises(LeakError, match="other.txt"):
        _check(tmp_path, results, speakers, cache_path=cache)
    assert read == ["other.txt"]

    # A new speaker changes the terms: every file is read again, and the old pass counts for nothing.
    read.clear()
    speakers.write_text(SPEAKERS + "s1,Landlord Tom,community,C3\n", encoding="utf-8")
    with pytest.raises(LeakError, match="s1.txt"):
        _check(tmp_path, results, speakers, cache_path=cache)
    assert read == ["s1.txt"]
