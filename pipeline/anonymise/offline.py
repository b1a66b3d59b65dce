"""Names and places in free text without a model: capitalisation, lexicons and context cues."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.anonymise.context import ContextNames, is_greeting
from pipeline.anonymise.lexicon import FOREIGN_COMMON_ZIPF, Lexicon, default_lexicon, fold, foreign_zipf
from pipeline.anonymise.spans import Span, resolve_overlaps

TOKEN = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]")
# Words that make the capitalised word after them a name ("Sergeant Price", "PC Whitlock").
TITLES = {
    "mr", "mrs", "ms", "miss", "dr", "mx", "sir", "auntie", "aunty", "uncle", "pc", "pcso", "sgt", "sergeant",
    "inspector", "officer", "detective", "councillor", "cllr", "nurse", "professor", "prof", "imam", "pastor",
    "reverend", "rev", "father", "judge", "st", "saint", "lord", "lady", "dame", "baroness", "baron",
}
# Endings of contractions: in "I'm" or "We'll" only the part before the apostrophe is a word to judge.
CONTRACTIONS = ("'m", "'ll", "'ve", "'d", "'re", "'t", "'s", "’m", "’ll", "’ve", "’d", "’re", "’t", "’s", "'", "’")
RELATIONS = {
    "son", "daughter", "husband", "wife", "neighbour", "neighbor", "cousin", "brother", "sister", "nephew", "niece",
    "auntie", "aunt", "uncle", "mother", "father", "mum", "dad", "grandson", "granddaughter", "friend", "partner",
    "boyfriend", "girlfriend", "child", "baby", "grandmother", "grandfather", "boy", "girl", "landlord", "caseworker",
}
NAME_CUES = {"called", "named", "name's", "name’s", "call"}
PLACE_CUES = {"in", "from", "near", "moved", "lives", "live", "living"}
ORG_SUFFIXES = {
    "primary", "academy", "infants", "juniors", "junior", "school", "college", "nursery", "foods", "ltd", "limited",
    "logistics", "packaging", "warehouse", "factory", "farm", "farms", "hotel", "plc",
}
STREET_SUFFIXES = {
    "road", "street", "close", "avenue", "lane", "estate", "court", "way", "grove", "drive", "crescent", "terrace",
    "gardens", "mews", "row", "rise", "walk", "square", "place", "view", "parade", "house", "flats", "tower",
    "towers", "buildings", "lodge", "cottages", "park",
}
# Lower-case endings that still make the capitalised word before them a street or estate ("the Moorfield estate").
LOWER_STREET_SUFFIXES = {"estate", "road", "street", "lane", "flats", "close", "avenue"}
# Verbs after a sentence-initial word that make it a person: "Khalid says", "Shirin told me".
SPEECH_VERBS = {
    "says", "said", "told", "tells", "asked", "asks", "thinks", "thought", "wants", "wanted", "rang", "phoned",
    "called", "explained", "mentioned", "agreed", "replied", "answered", "knows", "knew", "works", "worked",
    "lives", "lived", "came", "went", "cannot", "can't", "couldn't", "didn't", "doesn't", "was", "is", "has", "had",
    "and", "cried", "shouted", "helped", "helps", "brought", "drove", "fixed", "started", "moved",
}
# The verbs among those that only a person does: "Windrush was", "Eviction is" are no evidence of a name.
PERSON_VERBS = SPEECH_VERBS - {
    "was", "is", "has", "had", "and", "cannot", "can't", "couldn't", "didn't", "doesn't", "came", "went", "started",
    "moved", "works", "worked", "lives", "lived", "wants", "wanted", "knows", "knew", "helps", "helped", "brought",
    "fixed",
}
# Below this English frequency a sentence-initial word before such a verb is taken as a name.
SPEAKER_CUE_ZIPF = 4.0
SENTENCE_END = {".", "!", "?", ":", ";", '"', "“", "”", "(", "[", "-", "–", "—", "…"}


@dataclass(frozen=True)
class Thresholds:
    """Zipf frequencies (log10 per billion words) above which a capitalised word is taken as ordinary English."""

    # Mid-sentence, a known first name is a name unless it is a very common word ("Will", "May").
    first_name_mid: float = 5.6
    # At the start of a sentence capitals prove nothing, so a name must also be rarer as a word.
    first_name_initial: float = 5.0
    surname_initial: float = 3.3
    # A capitalised word no list knows is a name when English text rarely uses it.
    unknown_word: float = 3.0
    surname_mid: float = 3.8
    # Towns are capitalised and rarely ordinary words; "London" (5.3) is too big to identify anyone.
    place_mid: float = 4.8


class OfflineNameDetector:
    """Capitalised words judged by lexicons (first names, surnames, places) and English word frequency.

    A run of adjacent capitalised words is masked whole when any word in it looks like a
    name, so "Harrowgate Foods" or "Mirela Popescu" become one span, and its label comes
    from its last word (Road -> ADDRESS, Academy -> ORG) or the word before it (in -> PLACE).
    """

    name = "offline"

    def __init__(
        self, lexicon: Lexicon | None = None, thresholds: Thresholds = Thresholds(), kept: frozenset[str] = frozenset()
    ) -> None:
        self.lexicon = lexicon or default_lexicon()
        self.t = thresholds
        # Kept single words ("Roma", "Kingsmere") are never evidence of a name: "Czech Roma" stays,
        # while "Kingsmere Academy" still goes because of its last word.
        self.kept = frozenset(fold(w) for w in kept if " " not in w)
        self._verdicts: dict[tuple[str, bool], bool] = {}
        self.context = ContextNames(self.lexicon, self.kept)

    def find(self, text: str) -> list[Span]:
        """Capitalised runs judged by lists and frequency, then names found by the cues around them
        in any case (context.py); where both found a name, the longer span wins, and a run found on
        the word alone takes the cue the context saw."""
        spans = self._capitalised_runs(text)
        extra = self.context.find(text)
        if not extra:
            return spans
        by_extent = {(s.start, s.end): k for k, s in enumerate(spans)}
        added: list[Span] = []
        for start, end, cue in extra:
            k = by_extent.get((start, end))
            if k is not None:  # a person by its context, whatever the lists said ("my sister Layla")
                spans[k] = Span(start, end, "PERSON", self.name, cue=spans[k].cue if spans[k].cue not in
                                ("", "name list") else cue)
                continue
            if any(s.start <= start and end <= s.end for s in spans):
                continue
            added.append(Span(start, end, "PERSON", self.name, cue=cue))
        return resolve_overlaps(spans + added) if added else spans

    def _capitalised_runs(self, text: str) -> list[Span]:
        tokens = [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text)]
        spans: list[Span] = []
        i = 0
        while i < len(tokens):
            if not _capitalised(tokens[i][2]):
                i += 1
                continue
            j = i
            # A possessive ends a name: "Agnieszka's Saturday class" is one name, then ordinary words.
            while (
                j + 1 < len(tokens) and _capitalised(tokens[j + 1][2]) and tokens[j + 1][0] - tokens[j][1] <= 1
                and (_strip_possessive(tokens[j][2]) == tokens[j][2] or fold(tokens[i][2]).rstrip(".") in {"st", "saint"})
            ):
                j += 1
            if j + 1 < len(tokens) and tokens[j + 1][2] in LOWER_STREET_SUFFIXES and tokens[j + 1][0] - tokens[j][1] <= 1:
                j += 1
            span = self._judge_run(text, tokens, i, j)
            if span:
                spans.append(span)
            i = j + 1
        return spans

    def _judge_run(self, text: str, tokens: list[tuple[int, int, str]], i: int, j: int) -> Span | None:
        start_index = i
        initial = i == 0 or tokens[i - 1][2] in SENTENCE_END
        previous = fold(tokens[i - 1][2]) if i > 0 else ""
        words = [_strip_contraction(t[2]) for t in tokens[i : j + 1]]
        folded = [fold(w) for w in words]
        # A leading title belongs to the name ("Mrs Popescu"), and is enough evidence by itself.
        titled = folded[0].rstrip(".") in TITLES and len(words) > 1
        cued = (previous in NAME_CUES or previous in RELATIONS) and not self.lexicon.is_language_or_nationality(folded[0])
        hits = [w not in self.kept and self._looks_like_name(w, initial and k == 0) for k, w in enumerate(folded)]
        # Foreign speech ("Ďakujem", "Dziękuję"): judged on the word as written, before diacritics are folded.
        hits = [h and not self._foreign_word(w, f) for h, w, f in zip(hits, words, folded)]
        if initial and not hits[0] and len(folded) == 1 and self._speaker_cue(tokens, j, folded[0]):
            hits[0] = True
        if titled:
            hits[0] = True
        # "Shepherd Street", "Brookdale Academy": the last word says what the whole run is.
        suffixed = len(folded) > 1 and (folded[-1] in STREET_SUFFIXES or folded[-1] in ORG_SUFFIXES) and not (
            initial and len(folded) == 2 and self.lexicon.english_zipf(folded[0]) >= 6.0
        )
        if suffixed:
            hits[-1] = True
        if not any(hits) and not (cued and not initial and self.lexicon.english_zipf(folded[0]) < self.t.surname_mid):
            return None
        # Leading ordinary words ("When Mirela ...", "I'm Joanne") are not part of the name.
        while folded and not hits[0] and not titled and not (suffixed and not initial) and (
            initial or self.lexicon.english_zipf(folded[0]) >= 5.0
        ):
            i += 1
            folded, words, hits = folded[1:], words[1:], hits[1:]
            titled = bool(folded) and folded[0].rstrip(".") in TITLES and len(folded) > 1
        if not folded or self.lexicon.is_region(folded):
            return None
        following = fold(tokens[j + 1][2]) if j + 1 < len(tokens) else ""
        if not titled and not cued and is_greeting(folded, following, initial and i == start_index):
            return None  # "Bună ziua", "Dzień dobry", "Salam": greetings, not people
        if titled and i >= 2 and fold(tokens[i - 1][2]) in {"and", "&"} and fold(tokens[i - 2][2]).rstrip(".") in TITLES:
            i -= 2  # "Mr and Mrs Sultani", "Dr & Mrs Haddad": one couple, one span
        start = tokens[i][0]
        end = tokens[i][0] + len(text[tokens[i][0] : tokens[j][1]]) - (len(tokens[j][2]) - len(words[-1]))
        lex = self.lexicon
        cue = context_cue(text, start, end) or (
            "name list" if any(w in lex.first_names or w in lex.surnames or w in lex.places for w in folded) else "")
        return Span(start, end, self._label(folded, previous), self.name, cue=cue)

    def _foreign_word(self, word: str, folded: str) -> bool:
        lex = self.lexicon
        if folded in lex.first_names or folded in lex.surnames or folded in lex.places or word.isascii():
            return False
        return lex.english_zipf(folded) < self.t.unknown_word and foreign_zipf(word) >= FOREIGN_COMMON_ZIPF

    def _speaker_cue(self, tokens: list[tuple[int, int, str]], j: int, folded: str) -> bool:
        """A sentence-initial word that is rare in English and then speaks or acts ("Khalid says", "Khalid's wife")."""
        if not folded.isalpha() or self.lexicon.english_zipf(folded) >= SPEAKER_CUE_ZIPF:
            return False
        if self.lexicon.is_language_or_nationality(folded) or self.lexicon.is_region([folded]):
            return False
        if _english_shaped(folded) or (len(folded) >= 7 and folded.endswith(VERBAL_NOUN_ENDINGS)):
            return False  # "Interpreting is hard", "Safeguarding was": English words, not a person acting
        token = tokens[j][2]
        if token.endswith(("'s", "’s")):
            return True
        following = fold(tokens[j + 1][2]) if j + 1 < len(tokens) else ""
        return following in SPEECH_VERBS

    def _looks_like_name(self, word: str, sentence_initial: bool) -> bool:
        key = (word, sentence_initial)
        verdict = self._verdicts.get(key)
        if verdict is None:
            verdict = self._verdict(word, sentence_initial)
            self._verdicts[key] = verdict
        return verdict

    def _verdict(self, word: str, sentence_initial: bool) -> bool:
        lex, t = self.lexicon, self.t
        first_name = word in lex.first_names
        if len(word) < 2 or word in TITLES or (lex.is_language_or_nationality(word) and not first_name):
            return False
        if lex.is_region([word]):
            return False
        zipf = lex.english_zipf(word)
        first, surname, place = word in lex.first_names, word in lex.surnames, word in lex.places
        if not (first or surname or place) and "-" in word and all(lex.english_zipf(p) >= 3.5 for p in word.split("-") if p):
            return False  # "Co-op", "Drop-in": English words joined, not a name
        if not (first or surname or place) and zipf < t.unknown_word and foreign_zipf(word) >= FOREIGN_COMMON_ZIPF:
            return False  # "Dobrý", "Mulțumesc": a common word of a community language
        if sentence_initial:
            return (first and zipf < t.first_name_initial) or ((surname or place) and zipf < t.surname_initial) or (
                zipf < t.unknown_word and word.isalpha() and not _looks_like_acronym(word) and not _english_shaped(word)
            )
        if first:
            return zipf < t.first_name_mid
        if place:
            return zipf < t.place_mid
        if surname:
            return zipf < t.surname_mid
        return zipf < t.unknown_word and not _english_shaped(word)

    def _label(self, folded: list[str], previous: str) -> str:
        last = folded[-1]
        if last in STREET_SUFFIXES and len(folded) > 1:
            return "ADDRESS"
        if last in ORG_SUFFIXES and len(folded) > 1:
            return "ORG"
        lex = self.lexicon
        in_place_list = all(w in lex.places for w in folded)
        in_name_list = any(w in lex.first_names or w in lex.surnames for w in folded)
        if previous in PLACE_CUES and (in_place_list or not in_name_list) and previous not in {"with", "to"}:
            return "PLACE"
        if in_place_list and not in_name_list:
            return "PLACE"
        return "PERSON"


def context_cue(text: str, start: int, end: int) -> str:
    """The evidence around text[start:end] that it is a name, whoever found it: a title ("Mrs X",
    "Sergeant X"), a relation ("my neighbour X", "X's wife"), "called X", a street or organisation
    ending ("X Road", "X Academy"), a verb only a person does ("X says"); "" when there is none.

    Only the decision of a guessing detector depends on this: a codebook term found with no cue
    is left in the text (see pipeline/anonymise/key.py), one found with a cue is still masked.
    """
    inside = text[start:end].split()
    previous = _previous_token(text, start).casefold().rstrip(".")
    if (len(inside) > 1 and inside[0].casefold().rstrip(".") in TITLES) or previous in TITLES:
        return "title"
    if previous in RELATIONS:
        return "relation"
    if previous in NAME_CUES:
        return "called"
    if len(inside) > 1 and (inside[-1].casefold() in STREET_SUFFIXES or inside[-1].casefold() in ORG_SUFFIXES):
        return "suffix"
    possessive = _POSSESSIVE_RELATION.match(text, end)
    if possessive and possessive.group(1).casefold() in RELATIONS:
        return "relation"
    following = _NEXT_TOKEN.match(text, end)
    if following and following.group(1).casefold() in PERSON_VERBS:
        return "speech"
    return ""


def _previous_token(text: str, start: int) -> str:
    """The token (as TOKEN splits text) that ends before `start`; a regex anchored at the end
    would be tried at every position of the window, and this runs once per span."""
    window = text[max(0, start - 40) : start].rstrip()
    if not window:
        return ""
    word = window.split()[-1]
    if word.endswith(".") and word[:-1].casefold() in TITLES:
        return word  # "Mrs." before a name a model found without its title
    if not (window[-1].isalnum() or window[-1] == "_"):
        return window[-1]
    k = len(word)
    while k > 0 and (word[k - 1].isalnum() or word[k - 1] in "_-'’"):
        k -= 1
    return word[k:].lstrip("-'’")


_NEXT_TOKEN = re.compile(r"\s*(\w+(?:[-'’]\w+)*|[^\w\s])")
_POSSESSIVE_RELATION = re.compile(r"['’]s\s+(\w+)")


def _capitalised(token: str) -> bool:
    """A word that starts with a capital, is not an acronym (NHS, GP; titles like PC excepted), has no digits (B10)."""
    if not token[:1].isupper() or any(c.isdigit() for c in token) or token in {"I", "I'm", "I’m"}:
        return False
    acronym = token.removesuffix("s").removesuffix("'").removesuffix("’")  # "PCSOs", "GP's"
    if _CAMEL.search(token) and not _NAME_PREFIX.match(token):
        return False  # "SENCo", "ParentPay", "WhatsApp": roles and brands, not people
    return not (acronym.isupper() and len(acronym) > 1) or token.casefold() in TITLES


# A capital after a lower-case letter, or two capitals then a lower-case one, inside one word.
_CAMEL = re.compile(r"[a-z][A-Z]|^[A-Z]{2,}[a-z]")
_NAME_PREFIX = re.compile(r"^(?:Mc|Mac|Fitz|De|Di|Da|Du|La|Le|Van|Von|St)[A-Z]")


def _strip_contraction(word: str) -> str:
    for suffix in CONTRACTIONS:
        if word.endswith(suffix) and len(word) > len(suffix):
            return word[: -len(suffix)]
    return word


# Endings of English derived words: a rare word with one ("Anonymised", "Immunisations") is still English.
ENGLISH_ENDINGS = (
    "ised", "ized", "ising", "izing", "isation", "ization", "isations", "izations", "ation", "ations", "ness",
    "ment", "ments", "ably", "ible", "able", "fully", "ful", "less", "ship", "ology", "ities", "ingly", "edly",
    "atory",
)


# Endings of English verbal and abstract nouns that open sentences ("Interpreting", "Transport", "Eviction").
VERBAL_NOUN_ENDINGS = ("ing", "tion", "sion", "ity", "ance", "ence", "ings")


def _english_shaped(word: str) -> bool:
    return any(word.endswith(e) and len(word) >= len(e) + 3 for e in ENGLISH_ENDINGS)


def _looks_like_acronym(word: str) -> bool:
    return len(word) <= 2


def _strip_possessive(word: str) -> str:
    for suffix in ("'s", "’s", "'", "’"):
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            return word[: -len(suffix)]
    return word
