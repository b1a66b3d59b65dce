"""Interpreted speech is the participant's voice: the attribution rules of pipeline/matrices/voice.py on tiny
hand-made turn tables, and what they change in the counts, divergence and quotes."""

from __future__ import annotations

import pandas as pd
import pytest
from outputs_data import ACTION, MATRICES, tiny_codebook

from pipeline.errors import MetadataError
from pipeline.matrices import build_tables
from pipeline.matrices.codes import code_table
from pipeline.matrices.quotes import format_quote
from pipeline.matrices.voice import ADJACENT, INTERPRETER, LISTED, OWN, QUESTION, credited_speaker, relay_kind
from pipeline.turns import CODED_COLUMNS

ROLE = {"F": "facilitator", "I": "interpreter", "P": "community", "S": "provider"}


def session(*turns: tuple[str, str], interprets_for: dict[str, str] | None = None, tid: str = "t1") -> pd.DataFrame:
    """Turns (speaker, text) of one transcript; the role is read off the first letter of the speaker."""
    rows = [{"transcript_id": tid, "turn": n, "speaker": who, "role": ROLE[who[0]], "text": text,
             "interprets_for": (interprets_for or {}).get(who)} for n, (who, text) in enumerate(turns, start=1)]
    return pd.DataFrame(rows)


def voices(turns: pd.DataFrame) -> list[tuple[str, str]]:
    credited = credited_speaker(turns)
    return list(zip(credited["voice_speaker"], credited["voice_source"]))


def test_own_turns_are_their_speakers_voice():
    turns = session(("F1", "How is the housing?"), ("P01", "The flat is damp."))
    assert voices(turns) == [("F1", OWN), ("P01", OWN)]
    assert not credited_speaker(turns)["via_interpreter"].any()


def test_interpreter_after_a_participant_relays_their_answer():
    turns = session(("F1", "How is the housing?"), ("P01", "[in Romanian]"),
                    ("I1", "The walls are black with mould, the windows run with water."),
                    ("I1", "And the landlord does nothing."))  # fmt: skip
    credited = credited_speaker(turns)
    assert voices(turns)[2:] == [("P01", ADJACENT), ("P01", ADJACENT)]
    assert list(credited["voice_role"])[2:] == ["community", "community"]
    assert list(credited["via_interpreter"]) == [False, False, True, True]


def test_speakers_csv_names_whom_the_interpreter_speaks_for():
    # P02 spoke last, but speakers.csv says the interpreter speaks for P03 only.
    turns = session(("P03", "[in Dari]"), ("P02", "Yes, the same for me."),
                    ("I1", "She says the class is at nine and the school run is at nine."),
                    interprets_for={"I1": "P03"})  # fmt: skip
    assert voices(turns)[2] == ("P03", LISTED)
    # Several labels: the one who spoke just before is credited.
    turns = session(("P02", "[in Arabic]"), ("I1", "He says he works nights."), interprets_for={"I1": "P03;P02"})
    assert voices(turns)[1] == ("P02", LISTED)


def test_a_relayed_question_is_credited_to_no_one():
    turns = session(("F1", "Who helps you with letters?"), ("I1", "[speaks Romanian]"), ("P01", "[in Romanian]"),
                    ("I1", "She says her daughter reads them."))  # fmt: skip
    credited = credited_speaker(turns)
    assert voices(turns)[1] == ("", QUESTION) and credited["voice_role"].iloc[1] == ""
    assert voices(turns)[3] == ("P01", ADJACENT)
    # A second-person question relays the facilitator's question, even right after a participant's turn.
    turns = session(("P01", "[in Slovak]"), ("I1", "Do you have a crime number?"), ("P01", "[in Slovak]"))
    assert voices(turns)[1] == ("", QUESTION)


def test_the_interpreters_own_words_are_credited_to_no_one():
    turns = session(("F1", "Thank you all."), ("I1", "I will tell them again in Romanian."), ("F1", "Lovely."))
    assert voices(turns)[1] == ("", INTERPRETER)


@pytest.mark.parametrize(("text", "kind"), [
    ("She says the bus never stops for them.", "answer"),
    ("[PERSON_3] says yes, fine.", "answer"),
    ("He asks, can he say about his house?", "answer"),
    ("She is asking you whether the form is online.", "question"),
    ("Okay. Have you told the landlord?", "question"),
    ("The mould comes back every winter.", None),
])  # fmt: skip
def test_wording_cues(text, kind):
    assert relay_kind(text) == kind


# A community member who speaks only through an interpreter, and two providers.
STUDY = [
    ("F1", "What worries you most about housing?"),
    ("P01", "[in Romanian]"),
    ("I1", "She says the damp makes her daughter ill."),
    ("S1", "We hear about damp from families every week."),
    ("S2", "I work on the schools side, so not really housing."),
]
CODED = [(3, "housing-damp", "damp"), (4, "housing-damp", "damp")]


def study_tables() -> dict[str, pd.DataFrame]:
    turns = session(*STUDY).assign(start=None, end=None, site="Ashby Vale", date="2026-03-02", group_type="mixed")
    coded = pd.DataFrame([("t1", n, code, "housing", 0.9, "terms", ev, "affirmed", True) for n, code, ev in CODED],
                         columns=CODED_COLUMNS)  # fmt: skip
    return build_tables(turns, coded, code_table(tiny_codebook()), {**MATRICES, "attributes": []}, ACTION)


def test_interpreters_are_never_participants_in_the_counts():
    tables = study_tables()
    by_role = tables["theme_by_role"]
    assert set(by_role["role"]) == {"community", "provider"}
    community = by_role.loc[(by_role["theme"] == "housing") & (by_role["role"] == "community")].iloc[0]
    # P01's own turn and the interpreter's relay of it: two community turns, one person, who raised damp.
    assert (community["turns_coded"], community["group_turns"], community["participants"],
            community["group_participants"]) == (1, 2, 1, 1)  # fmt: skip
    assert "I1" not in set(tables["framework_matrix"]["case"])
    evidence = tables["evidence"].set_index("turn")
    assert (evidence.loc[3, "speaker"], evidence.loc[3, "voice_speaker"], evidence.loc[3, "voice_role"],
            bool(evidence.loc[3, "via_interpreter"])) == ("I1", "P01", "community", True)  # fmt: skip


def test_divergence_credits_the_community_member_who_spoke_through_an_interpreter():
    divergence = study_tables()["divergence"].set_index("code")
    # Damp: community 1 of 1 (P01, through the interpreter), providers 1 of 2.
    damp = divergence.loc["housing-damp"]
    assert (damp["community_share"], damp["provider_share"], damp["raised_more_by"]) == (1.0, 0.5, "community")


def test_relayed_quotes_are_marked_via_interpreter():
    tables = study_tables()
    plan = tables["action_plan"].set_index("code")
    assert "(P01 via interpreter, t1#3)" in plan.loc["housing-damp", "quotes"]
    framework = tables["framework_matrix"].set_index("case")
    assert framework.loc["P01", "Housing"].endswith("(via interpreter, t1#3)")
    assert format_quote({"quote": "x", "speaker": "P02", "ref": "t#1"}) == "“x” (P02, t#1)"


def test_speakers_csv_interprets_for_is_checked(tmp_path):
    from pipeline.transcripts.metadata import load_speakers

    path = tmp_path / "speakers.csv"
    header = "transcript_id,speaker,role,interprets_for\n"
    path.write_text(header + "t1,Ana,community,\nt1,Ioana,interpreter,Ana; ana \n", encoding="utf-8")
    listed = load_speakers(path, ["t1"])["interprets_for"]
    assert listed.isna().iloc[0] and listed.iloc[1] == "Ana; ana"
    path.write_text(header + "t1,Ana,community,Ioana\nt1,Ioana,interpreter,\n", encoding="utf-8")
    with pytest.raises(MetadataError, match="only an interpreter") as caught:
        load_speakers(path, ["t1"])
    assert caught.value.line == 2
    path.write_text(header + "t1,Ana,community,\nt1,Ioana,interpreter,Mirela\n", encoding="utf-8")
    with pytest.raises(MetadataError, match="'Mirela', who is not a speaker of transcript 't1'"):
        load_speakers(path, ["t1"])


def test_anonymised_interprets_for_holds_pseudonyms():
    from pipeline.anonymise.transcript import interprets_for_pseudonyms

    labels = {("t1", "Ana Pop"): "P01", ("t1", "Dan"): "P02", ("t1", "Ioana"): "Interpreter 1"}
    cells = pd.Series([None, "ana pop;Dan"])
    assert interprets_for_pseudonyms(pd.Series(["t1", "t1"]), cells, labels) == [None, "P01;P02"]



def test_the_report_sentence_counts_each_attribution():
    from pipeline.report import interpreted_sentence

    counts = {"credited": 3, "by_speakers_csv": 1, "by_adjacency": 2, "relayed_questions": 4, "interpreter_own_words": 5}
    assert interpreted_sentence(counts) == (
        "3 interpreted turns were credited to the participant they relayed (1 by speakers.csv, 2 by adjacency); "
        "4 relayed questions and 5 of the interpreters' own remarks were credited to no one.")
