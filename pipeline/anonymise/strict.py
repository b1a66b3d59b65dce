"""What the strict profile masks besides the default detectors: large cities, counties and regions
below country level, and named organisations other than public services."""

from __future__ import annotations

import re
from functools import cache

from pipeline.anonymise.keep import LARGE_CITIES
from pipeline.anonymise.spans import Span

# Endings of an organisation's name ("Marsh & Partners Solicitors", "Brookdale Primary", "Al-Noor Mosque").
ORG_ENDINGS = (
    "Ltd", "LTD", "Limited", "LLP", "plc", "PLC", "Academy", "School", "Primary", "College", "University",
    "Nursery", "Church", "Chapel", "Mosque", "Masjid", "Gurdwara", "Temple", "Synagogue", "Surgery", "Practice",
    "Medical Centre", "Health Centre", "Solicitors", "Lettings", "Estates", "Housing Association", "Homes", "Trust",
    "Foundation", "Centre", "Clinic", "Hospital", "Hotel", "Care Home", "FC", "Partnership", "Associates", "Group",
    "Chambers", "Charity", "Pharmacy", "Garage", "Motors", "Properties",
)
_NAME_WORD = r"(?:St\.|[A-Z]\.|[A-Z][\w'’-]*|&)"  # a full stop only after an initial or "St"
_JOIN = r"(?:\s+(?:of|the|for|on|upon|&)(?=\s+[A-Z]))?"
ORG = re.compile(
    rf"(?<![\w])(?:{_NAME_WORD}{_JOIN}\s+){{1,5}}(?:{'|'.join(sorted(ORG_ENDINGS, key=len, reverse=True))})(?![\w])"
)
# Leading words that open a sentence or a phrase, not a name ("The Brookdale Primary", "At Green Lane Surgery").
LEADING_COMMON_ZIPF = 5.8
# Every name word this common: an ordinary phrase ("Good Practice", "Best Practice", "Our School").
ORDINARY_ZIPF = 5.5
# UK regions below the nation, beside the counties of the gazetteer.
UK_REGIONS = (
    "Greater London", "Greater Manchester", "Merseyside", "West Midlands", "East Midlands", "Midlands",
    "West Yorkshire", "South Yorkshire", "North Yorkshire", "East Riding", "Tyne and Wear", "East Anglia",
    "Home Counties", "North West", "North East", "South West", "South East", "Yorkshire", "Lancashire",
)


@cache
def _places_pattern() -> re.Pattern[str]:
    from faker.providers.address.en_GB import Provider as GBAddress

    from pipeline.anonymise.lexicon import default_lexicon, fold

    countries = default_lexicon().countries
    names = {n for n in (*LARGE_CITIES, *GBAddress.counties, *UK_REGIONS) if fold(n) not in countries}
    alternation = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![\w])(?:{alternation})(?![\w])")


class StrictDetector:
    """Large cities and regions (as written, with their capitals) and named organisations."""

    name = "strict"

    def find(self, text: str) -> list[Span]:
        from pipeline.anonymise.offline import context_cue

        # "my daughter Victoria", "Mrs Bradford", "Victoria said": a person, whom the name detector labels.
        spans = [Span(m.start(), m.end(), "PLACE", self.name) for m in _places_pattern().finditer(text)
                 if context_cue(text, m.start(), m.end()) in {"", "suffix"}]
        for m in ORG.finditer(text):
            bounds = _org_bounds(text, m)
            if bounds:
                spans.append(Span(*bounds, "ORG", self.name, cue="suffix"))
        return spans


def _org_bounds(text: str, match: re.Match[str]) -> tuple[int, int] | None:
    from pipeline.anonymise.lexicon import english_zipf_table, fold

    zipf = english_zipf_table()
    words = list(re.finditer(r"\S+", match.group()))
    ending_words = 1
    for ending in ORG_ENDINGS:
        if match.group().endswith(ending):
            ending_words = max(ending_words, len(ending.split()))
    names = words[: len(words) - ending_words]
    while names and zipf.get(fold(names[0].group().rstrip(".,")), 0.0) >= LEADING_COMMON_ZIPF:
        names = names[1:]
    content = [w.group() for w in names if w.group() not in {"&", "of", "the", "and", "for", "on", "upon", "in"}]
    if not content or all(zipf.get(fold(w.rstrip("'’s")), 0.0) >= ORDINARY_ZIPF for w in content):
        return None
    return match.start() + names[0].start(), match.end()
