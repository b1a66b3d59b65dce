"""Analytic content that is never masked: services, institutions, days, months, the kept study sites,
and codebook terms that a guessing detector found with no name cue."""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from pathlib import Path

from pipeline.anonymise.spans import Span

PROFILES = ("consultation", "strict")


def package_list(name: str) -> tuple[str, ...]:
    """One term a line of a list in pipeline/data ('#' lines are comments)."""
    from importlib import resources

    text = (resources.files("pipeline") / "data" / name).read_text(encoding="utf-8")
    return tuple(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


# The services and institutions people talk about: masking them kills the "trust in services" theme.
# Kept in both profiles (pipeline/data/public-services.txt).
SERVICES = package_list("public-services.txt")
# Capitals, UK cities of 250,000+ and world cities of a million+ (pipeline/data/large-cities.txt, made by
# make_large_cities.py beside it): too big to identify anyone, kept by the consultation profile only.
LARGE_CITIES = package_list("large-cities.txt")
# Communities, languages and faiths the consultations are about; CLDR's language names miss these spellings.
COMMUNITIES = (
    "Roma", "Romani", "Romany", "Romanes", "Gypsy", "Gypsies", "Traveller", "Travellers", "Irish Traveller", "Sinti",
    "Gypsy Roma Traveller", "GRT", "Farsi", "Dari", "Kurmanji", "Sorani", "Badini", "Muslim", "Muslims", "Christian",
    "Christians", "Catholic", "Orthodox", "Pentecostal", "Jewish", "Hindu", "Sikh", "Islam", "Allah", "God",
)
CALENDAR = tuple(m for m in calendar.month_name if m) + tuple(d for d in calendar.day_name) + (
    "Christmas", "Easter", "Eid", "Ramadan", "Diwali", "Nowruz",
)


class KeepList:
    """Drops spans that lie wholly inside a kept phrase; a longer span ("Kingsmere Road") still goes."""

    def __init__(self, extra: Iterable[str] = ()) -> None:
        terms = sorted({t.strip() for t in (*SERVICES, *COMMUNITIES, *CALENDAR, *extra) if t.strip()}, key=len, reverse=True)
        self.folded = frozenset(t.casefold() for t in terms)
        self.longest = max((len(t) for t in terms), default=0)
        self.pattern = re.compile(
            r"(?<![\w])(?:" + "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in terms) + r")(?:['’]s|s)?(?![\w])",
            re.IGNORECASE,
        )

    def covers(self, text: str) -> bool:
        """Whether the whole of `text` is a kept phrase."""
        return any(m.start() == 0 and m.end() == len(text.strip()) for m in self.pattern.finditer(text.strip()))

    def filter(self, text: str, spans: list[Span], protected: Iterable[str] = ("known",)) -> list[Span]:
        return [s for s in spans if s.detector in protected or not self._inside_kept(text, s)]

    def _inside_kept(self, text: str, span: Span) -> bool:
        """Whether a kept phrase covers the span. Only the text around the span is searched: the leak
        gate's texts run to tens of megabytes, and one alternation over all of it cost seconds."""
        reach = self.longest + 3  # a kept phrase plus a possessive ending
        start = max(0, span.start - reach)
        end = min(len(text), span.end + reach + 1)
        for match in self.pattern.finditer(text, start, end):
            # A match ending at a window edge inside the text may be cut short by it: not trusted.
            if match.end() == end < len(text):
                continue
            if match.start() <= span.start and span.end <= match.end():
                return True
        return False


def large_city_kept(text: str, span: Span, cities: frozenset[str]) -> bool:
    """Whether the consultation profile leaves this span: a large city the detector took for a place,
    with no person cue ("my daughter Victoria", "Milan said", "Mrs Bradford" still go)."""
    return span.label == "PLACE" and span.cue in {"", "name list"} and text[span.start : span.end].casefold() in cities


_COUNCIL_TAIL = re.compile(r"\s+(?:(?:City|County|Borough|Metropolitan\s+Borough|District|Town|Parish)\s+)?Council\Z")


def trim_council_tail(text: str, span: Span) -> Span:
    """'Leeds City Council' -> the place 'Leeds': the council is a public service, its place is a place."""
    match = _COUNCIL_TAIL.search(text, span.start, span.end)
    if not match or match.start() <= span.start:
        return span
    return Span(span.start, match.start(), "PLACE", span.detector, span.entity, span.cue)


def codebook_text(path: str | Path) -> str:
    """Every text of a codebook (labels, definitions, criteria, examples, terms, partners), one per line:
    what its exported files (codebook.qdc, the project's codes, the codebook report) can show."""
    from pipeline.codebook import codebook_to_yaml_dict, load_codebook

    return "\n".join(_strings(codebook_to_yaml_dict(load_codebook(path))))


def _strings(value: object) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _strings(item)


def found_in(originals: Iterable[str], text: str) -> set[str]:
    """The originals (casefolded) that the leak gate would find in `text`: whole words, any case,
    a common English word only with its capital (pipeline/anonymise/known.py)."""
    from pipeline.anonymise.known import KnownTerm, TermMatcher

    terms = [KnownTerm(o, "OTHER", o.casefold()) for o in sorted(set(originals)) if o.strip()]
    return {span.entity for span in TermMatcher(terms, "codebook").find(text)} if terms else set()
