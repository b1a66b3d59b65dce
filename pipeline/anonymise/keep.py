"""Analytic content that is never masked: services, institutions, days, months, the kept study sites,
and codebook terms that a guessing detector found with no name cue."""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from pathlib import Path

from pipeline.anonymise.spans import Span

# The services and institutions people talk about: masking them kills the "trust in services" theme.
SERVICES = (
    "council", "city council", "county council", "the council", "NHS", "Jobcentre", "Jobcentre Plus", "Job Centre",
    "Citizens Advice", "police", "the police", "children's services", "social services", "housing association",
    "housing associations", "GP", "A&E", "Home Office", "Universal Credit", "DWP", "HMRC", "ESOL",
    "Department for Work and Pensions", "Environmental Health", "Early Help", "Sure Start", "Salvation Army",
    "Red Cross", "British Red Cross", "Refugee Council", "Roma Support Group", "Migrant Help", "Shelter",
    "food bank", "Council Tax", "Housing Benefit", "Child Benefit", "PIP", "Ofsted", "Border Force",
)
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
