"""Reference numbers (ID_NUMBER): by shape, and any digit-and-letter run after a cue, written or spoken.

The examples are our own dev sentences (a caseworker's voice), not the frozen evaluation sets."""

from __future__ import annotations

import pytest

from pipeline.anonymise.patterns import PatternDetector


def codes(text: str) -> list[str]:
    return sorted({text[s.start : s.end] for s in PatternDetector().find(text) if s.label == "ID_NUMBER"})


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The appeal was listed as PA/04417/2025 last spring.", "PA/04417/2025"),
        ("Her application 30412/07 came back refused.", "30412/07"),
        ("They wrote 09/22H.4 on the form.", "09/22H.4"),
        ("The letter had B1234567 at the top.", "B1234567"),
        ("Quote your UAN 1234-5678-9012-3456 when you call.", "1234-5678-9012-3456"),
        ("My council tax account number is 40029311 and it never changes.", "40029311"),
        ("his passport number is 123456789", "123456789"),
        ("the housing ref HB 123 456 was wrong", "HB 123 456"),
        ("my reference is hb0098812 i think", "hb0098812"),
        ("the claim number, it's 7731 2290, is on the letter", "7731 2290"),
        ("my reference is b one two three four five six seven", "b one two three four five six seven"),
        ("case number three oh four one two slash oh seven, she said", "three oh four one two slash oh seven"),
        ("HO ref: K7788123", "K7788123"),
        ("application no. 55120/19", "55120/19"),
    ],
)
def test_reference_numbers_are_found(text, code):
    assert codes(text) == [code]


@pytest.mark.parametrize(
    "text",
    [
        "We met at 10:30 and left at 9.30am.",
        "The rent went up to £1,200 a month, then £1200.50.",
        "It was on 12/03/2024 I think.",
        "We live at 42 Hill Road now.",
        "You take the 42 or the number 42 bus.",
        "About 50% of us, maybe 3/4 of the street.",
        "In 2019, and in the 1990s before that.",
        "The helpline is open 24/7.",
        "He is 45, aged 45 really.",
        "With reference to the 2019 letter.",
        "My reference is the letter from March.",
        "The case number was one of many.",
        "The ref stopped it 10 minutes later.",
        "The M62 and the A58, then COVID-19 hit.",
        "The 2023/24 budget was cut for 10,000 people.",
        "Year 10 students, page 3 of 4, Room 101, Flat 3B.",
        "case number three, not four",
        "his reference is good and so is his number",
    ],
)
def test_numbers_that_are_not_references_stay(text):
    assert codes(text) == []
