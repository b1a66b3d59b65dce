"""Analytic content that is never masked: services, institutions, days, months, and the kept study sites."""

from __future__ import annotations

import bisect
import calendar
import re
from collections.abc import Iterable

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
        self.pattern = re.compile(
            r"(?<![\w])(?:" + "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in terms) + r")(?:['’]s|s)?(?![\w])",
            re.IGNORECASE,
        )

    def covers(self, text: str) -> bool:
        """Whether the whole of `text` is a kept phrase."""
        return any(m.start() == 0 and m.end() == len(text.strip()) for m in self.pattern.finditer(text.strip()))

    def filter(self, text: str, spans: list[Span], protected: Iterable[str] = ("known",)) -> list[Span]:
        kept_ranges = [m.span() for m in self.pattern.finditer(text)]
        if not kept_ranges:
            return spans
        starts = [a for a, _ in kept_ranges]  # sorted and not overlapping, as finditer gives them

        def inside_kept(span: Span) -> bool:
            i = bisect.bisect_right(starts, span.start) - 1
            return i >= 0 and span.end <= kept_ranges[i][1]

        return [s for s in spans if s.detector in protected or not inside_kept(s)]
