"""Whose voice a turn carries: interpreted speech is credited to the participant it relays.

An interpreter is never a participant. Each interpreter turn is credited to the
participant whose words it relays, or to no one (a question relayed to them, or
the interpreter's own remark). The rules, in this order, on the turns of one
transcript in turn order ("previous" and "next" skip other interpreter turns):

1. A third-person reporting cue ("she says", "he asks", "[PERSON_3] says", "they
   agree") relays a participant's answer.
2. A second-person question ("do you ...?", "she is asking you ...") relays a
   question to the participants: credited to no one.
3. Right after a participant's turn: relays that participant's answer.
4. Right after a facilitator's or provider's turn and before a participant's
   turn: relays the question (or the reply) to them: credited to no one.
5. Anything else is the interpreter's own words: credited to no one.

The participant credited for an answer is, among the speakers the interpreter
speaks for (the `interprets_for` column of speakers.csv, pseudonymised by
`qualflow anonymise`; by default every community member of the transcript): the
previous turn's speaker, else the participant this interpreter relayed last,
else the next turn's speaker, else (from speakers.csv) the first one listed.
"""

from __future__ import annotations

import re

import pandas as pd

from pipeline.turns import INTERPRETS_FOR, split_labels

VOICE_COLUMNS = ["voice_speaker", "voice_role", "via_interpreter", "voice_source"]

# voice_source values
OWN = "own"  # the speaker's own turn
LISTED = "speakers.csv"  # relayed; participant from the interprets_for column
ADJACENT = "adjacency"  # relayed; participant from the neighbouring turns
QUESTION = "relayed question"  # credited to no one
INTERPRETER = "interpreter"  # the interpreter's own words: credited to no one


_SUBJECT = r"(?:she|he|they|\[[A-Z_]+\d*\]|P\d\d)"
_ANSWER = re.compile(
    _SUBJECT + r",?\s+(?:also\s+|just\s+)?(?:says|said|say|is saying|are saying|asks|asked|agrees|agree|"
    r"wants to|would like|thinks|means|told)\b",
    re.IGNORECASE,
)
_QUESTION = re.compile(
    r"\b(?:is|are) asking (?:you|all of you|everyone|if you|whether you)\b|\bwants to know (?:if|whether) you\b"
    r"|\bthe question is\b|(?:^|[.?!]\s+|,\s*)(?:do|did|does|have|has|can|could|are|were|would|will|is)\s+you\b[^.?!]*\?",
    re.IGNORECASE,
)


def relay_kind(text: str) -> str | None:
    """'answer' or 'question' when the wording of an interpreter's turn says which; None when it does not."""
    if _ANSWER.search(text):
        return "answer"
    if _QUESTION.search(text):
        return "question"
    return None


def credited_speaker(turns: pd.DataFrame) -> pd.DataFrame:
    """VOICE_COLUMNS for each turn (same index): whose voice it is, that speaker's role, and how it was decided.

    `turns` needs transcript_id, turn, speaker, role, text; `interprets_for` is
    optional. A turn credited to no one has empty voice_speaker and voice_role.
    """
    columns: dict[str, list] = {c: [None] * len(turns) for c in VOICE_COLUMNS}
    listed = turns[INTERPRETS_FOR].tolist() if INTERPRETS_FOR in turns.columns else [None] * len(turns)
    ids, numbers = turns["transcript_id"].astype(str).tolist(), [int(n) for n in turns["turn"].tolist()]
    transcripts: dict[str, list[int]] = {}
    for i in sorted(range(len(turns)), key=lambda i: (ids[i], numbers[i])):
        transcripts.setdefault(ids[i], []).append(i)
    speakers, roles = turns["speaker"].astype(str).tolist(), turns["role"].astype(str).tolist()
    texts = [t if isinstance(t, str) else "" for t in turns["text"].tolist()]
    for rows in transcripts.values():
        role_of = {speakers[i]: roles[i] for i in rows if roles[i] != "interpreter"}
        community = [s for s, r in role_of.items() if r == "community"]
        last: dict[str, str] = {}  # interpreter -> the participant they relayed last
        for k, i in enumerate(rows):
            if roles[i] != "interpreter":
                _put(columns, i, speakers[i], roles[i], False, OWN)
                continue
            named = split_labels(listed[i])
            voices = named or community
            prev = next((rows[j] for j in range(k - 1, -1, -1) if roles[rows[j]] != "interpreter"), None)
            after = next((rows[j] for j in range(k + 1, len(rows)) if roles[rows[j]] != "interpreter"), None)
            kind = relay_kind(texts[i])
            if kind is None:
                if prev is not None and speakers[prev] in voices:
                    kind = "answer"
                elif after is not None and speakers[after] in voices and prev is not None:
                    kind = "question"
            if kind == "question":
                _put(columns, i, "", "", False, QUESTION)
                continue
            if kind != "answer":
                _put(columns, i, "", "", False, INTERPRETER)
                continue
            candidates = [
                speakers[prev] if prev is not None else None,
                last.get(speakers[i]),
                speakers[after] if after is not None else None,
                named[0] if named else None,
            ]
            who = next((c for c in candidates if c is not None and c in voices), None)
            if who is None:
                _put(columns, i, "", "", False, INTERPRETER)
                continue
            last[speakers[i]] = who
            _put(columns, i, who, role_of.get(who, "other"), True, LISTED if named else ADJACENT)
    return pd.DataFrame(columns, index=turns.index)


def _put(columns: dict[str, list], i: int, speaker: str, role: str, via: bool, source: str) -> None:
    for name, value in zip(VOICE_COLUMNS, (speaker, role, via, source)):
        columns[name][i] = value


def attribution_summary(voices: pd.DataFrame) -> dict[str, int]:
    """How interpreter turns were attributed, for run_info.json and the report."""
    source = voices["voice_source"]
    return {
        "credited": int(source.isin([LISTED, ADJACENT]).sum()),
        "by_speakers_csv": int((source == LISTED).sum()),
        "by_adjacency": int((source == ADJACENT).sum()),
        "relayed_questions": int((source == QUESTION).sum()),
        "interpreter_own_words": int((source == INTERPRETER).sum()),
    }
