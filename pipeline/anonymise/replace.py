"""Operators: how a span becomes its pseudonym (tag or surrogate), applied right to left."""

from __future__ import annotations

import hashlib
from functools import cache

from pipeline.anonymise.spans import Span


def tag(pseudonym: str, label: str) -> str:
    return pseudonym


@cache
def surrogate(pseudonym: str, label: str) -> str:
    """A realistic invented value, the same for one pseudonym on every run (Faker seeded by the tag)."""
    from faker import Faker

    fake = Faker("en_GB")
    fake.seed_instance(int(hashlib.sha256(pseudonym.encode()).hexdigest()[:12], 16))
    # A full name: first names alone would collide (a few hundred of them) and merge two people.
    makers = {"PERSON": lambda: f"{fake.first_name()} {fake.last_name()}", "PLACE": fake.city, "ADDRESS": fake.street_address,
              "POSTCODE": fake.postcode, "PHONE": lambda: "07700 900" + f"{fake.random_int(0, 999):03d}",
              "EMAIL": lambda: f"{fake.user_name()}@example.org", "ORG": fake.company}
    maker = makers.get(label)
    return maker() if maker else pseudonym


OPERATORS = {"tag": tag, "surrogate": surrogate}


def apply_spans(text: str, spans: list[tuple[Span, str]], style: str = "tag") -> str:
    operator = OPERATORS[style]
    for span, pseudonym in sorted(spans, key=lambda p: p[0].start, reverse=True):
        text = text[: span.start] + operator(pseudonym, span.label) + text[span.end :]
    return text
