"""A tiny synthetic, already-anonymised study for the matrices, report and export tests.

Two sessions at two fictional sites. Every name is a pseudonym; the counts the
tests expect are worked out by hand in the comments.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from pipeline.turns import CODED_COLUMNS

# (transcript, turn, speaker, role, gender, age_band, text)
TURNS = [
    ("ashby-community-1", 1, "Facilitator 1", "facilitator", None, None,
     "Can you tell me about your housing? Is there damp or mould?"),
    ("ashby-community-1", 2, "P01", "community", "female", "25-34",
     "The mould comes back every winter on the bedroom wall. The landlord never answers our calls."),
    ("ashby-community-1", 3, "P02", "community", "male", "35-44",
     "We do not trust the council. They never call back when we ring."),
    ("ashby-community-1", 4, "Interpreter 1", "interpreter", None, None,
     "He says the letters are only in English and nobody explains them, so he stopped trusting them."),
    ("ashby-community-1", 5, "P01", "community", "female", "25-34",
     "My son translates the letters from the school for me."),
    ("ashby-community-1", 6, "P02", "community", "male", "35-44",
     "I am not worried about the housing, it is fine for us."),
    ("kingsmere-providers-1", 1, "Facilitator 1", "facilitator", None, None,
     "What do families tell you when they come to you?"),
    ("kingsmere-providers-1", 2, "Provider 1", "provider", "female", "45-54",
     "Families say the damp makes the children ill. We refer them to environmental health."),
    ("kingsmere-providers-1", 3, "Provider 2", "provider", "male", "35-44",
     "Interpreters are hard to book at short notice."),
    ("kingsmere-providers-1", 4, "Provider 1", "provider", "female", "45-54",
     "Some families do not trust the services because of what happened before."),
    ("kingsmere-providers-1", 5, "Provider 2", "provider", "male", "35-44",
     "Trust in the council is low, people tell us that every week."),
]  # fmt: skip

SITES = {"ashby-community-1": ("Ashby Vale", "community", "2026-03-02"),
         "kingsmere-providers-1": ("Kingsmere", "provider", "2026-03-09")}  # fmt: skip

# (transcript, turn, code, score, method, evidence, polarity, counted). Most rows are found by both coders, so
# their turns may be quoted (pipeline.matrices.quotes).
CODED = [
    ("ashby-community-1", 1, "housing-damp", 0.8, "terms", "damp | mould", "affirmed", True),  # facilitator: left out
    ("ashby-community-1", 2, "housing-damp", 0.9, "terms+semantic", "mould | Mould on the walls.", "affirmed", True),
    ("ashby-community-1", 2, "housing", 0.7, "terms", "landlord", "affirmed", True),  # same turn, same theme
    ("ashby-community-1", 3, "trust", 0.7, "terms+semantic", "trust | Nobody trusts them.", "affirmed", True),
    ("ashby-community-1", 4, "language", 0.8, "terms+semantic", "English | Letters only in English.", "affirmed", True),
    ("ashby-community-1", 4, "trust", 0.6, "semantic", "We stopped trusting them.", "affirmed", True),
    ("ashby-community-1", 5, "language", 0.75, "terms+semantic", "translates | My child translates.", "affirmed", True),
    ("ashby-community-1", 6, "housing", 0.6, "terms", "housing", "negated", False),  # not counted
    ("kingsmere-providers-1", 2, "housing-damp", 0.85, "terms+semantic", "damp | Mould on the walls.", "affirmed", True),
    ("kingsmere-providers-1", 3, "language", 0.9, "terms+semantic", "interpreter* | No interpreter came.", "affirmed", True),
    ("kingsmere-providers-1", 4, "trust", 0.8, "terms+semantic", "trust | Nobody trusts them.", "affirmed", True),
    ("kingsmere-providers-1", 5, "trust", 0.65, "terms+semantic", "trust | Nobody trusts them.", "affirmed", True),
]  # fmt: skip


def turns_frame() -> pd.DataFrame:
    rows = []
    for tid, turn, speaker, role, gender, age, text in TURNS:
        site, group_type, date = SITES[tid]
        rows.append({"transcript_id": tid, "turn": turn, "speaker": speaker, "start": float(turn * 10),
                     "end": float(turn * 10 + 8), "text": text, "role": role, "site": site, "date": date,
                     "group_type": group_type, "gender": gender, "age_band": age})  # fmt: skip
    return pd.DataFrame(rows)


def coded_frame() -> pd.DataFrame:
    themes = {"housing-damp": "housing", "housing": "housing", "trust": "trust", "language": "language"}
    rows = [(t, n, c, themes[c], s, m, e, p, k) for t, n, c, s, m, e, p, k in CODED]
    return pd.DataFrame(rows, columns=CODED_COLUMNS)


CODEBOOK = Path(__file__).parent / "fixtures" / "outputs" / "tiny.codebook.yaml"


def tiny_codebook():
    from pipeline.codebook import load_codebook

    return load_codebook(CODEBOOK)


MATRICES = {"exclude_roles": ["facilitator"], "attributes": ["gender", "age_band"], "framework_case": "participant",
            "framework_quotes": 2, "quote_words": 25}  # fmt: skip
ACTION = {"weights": {"prevalence": 1.0, "breadth": 1.0, "community_share": 2.0, "divergence": 1.0}, "quotes": 3}
