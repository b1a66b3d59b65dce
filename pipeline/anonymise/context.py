"""Names found by the words around them, whatever the case of the text: "my cousin ardita said",
"ask tomasz", "Radek, can you ...", "My neighbour is called Jan", "Mr A.B. Nowak", "J.D.".

The capitalised-run pass of the offline detector (offline.py) judges a word by lists and its
frequency in English; this pass looks only where a cue stands (a few compiled patterns over the
whole text, so its cost is that of a regex scan) and judges the word next to the cue:

- strong cues: "called/named X", "name is X", a relation word after a determiner ("my neighbour X",
  "our caseworker X"), a title ("mrs X", "Mr T. X"), a greeting or thanks before a vocative
  ("thank you, X."): any name of the lists, and the first names that are ordinary or calendar
  words ("Will", "Precious", "Sunday"), count;
- medium cues: a speech verb after ("X said", "X told me"), "ask/tell/call X", a vocative at the
  turn's start ("X, can you ..."): a name of the lists that English rarely uses as a word, or a
  word no list knows that English rarely uses at all.

A word in lower case that is an ordinary English word ("i will", "in may", "the bill came",
"mark the form") is never taken without a strong cue, and greetings of the community
languages ("Bună ziua", "Dzień dobry", "Salam") are never names.
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources

from pipeline.anonymise.lexicon import FOREIGN_COMMON_ZIPF, Lexicon, fold, foreign_zipf

# Relation words after which a name is expected ("my cousin ardita"); extends offline.RELATIONS.
CONTEXT_RELATIONS = (
    "son", "daughter", "husband", "wife", "neighbour", "neighbor", "cousin", "brother", "sister", "nephew", "niece",
    "auntie", "aunty", "aunt", "uncle", "mother", "father", "mum", "mom", "dad", "grandson", "granddaughter",
    "friend", "partner", "boyfriend", "girlfriend", "child", "baby", "grandmother", "grandfather", "grandma",
    "grandpa", "granny", "nan", "nana", "landlord", "landlady", "caseworker", "teacher", "colleague", "flatmate",
    "housemate", "stepson", "stepdaughter", "stepmother", "stepfather", "fiance", "fiancé", "fiancee", "fiancée",
    "boss", "manager", "interpreter", "advisor", "adviser", "solicitor", "lawyer", "doctor", "social worker",
    "support worker", "key worker", "keyworker", "mentor", "tutor", "worker", "mate", "kid", "kids", "boy", "girl",
    "brother-in-law", "sister-in-law", "mother-in-law", "father-in-law", "son-in-law", "daughter-in-law",
)
DETERMINERS = ("my", "our", "his", "her", "their", "your", "a", "the", "one")
TITLE_WORDS = ("mr", "mrs", "ms", "miss", "mx", "dr", "sir", "lord", "lady", "dame", "prof", "professor", "cllr",
               "councillor", "baroness", "baron", "judge")
SPEECH_AFTER = (
    "said", "says", "told", "tells", "asked", "asks", "rang", "phoned", "texted", "explained", "mentioned", "replied",
    "answered", "shouted", "cried", "reckons", "laughed", "insisted", "complained", "whispered", "agreed",
)
ASK_BEFORE = ("ask", "asked", "tell", "told", "call", "ring", "phone", "text", "message", "thank", "thanked")
# Words before a vocative: "thank you, nadia", "hi radek", "sorry, Tunde,".
VOCATIVE_BEFORE = ("thank you", "thanks", "hi", "hello", "hiya", "hey", "sorry", "morning", "good morning",
                   "welcome", "okay", "ok", "yes", "yeah", "right", "go on", "over to you")
# Greetings of the community languages and others: words, never names (folded).
GREETING_PHRASES = frozenset({
    "buna ziua", "buna seara", "buna dimineata", "dobry den", "dobre rano", "dobry vecer", "dzien dobry",
    "dobry wieczor", "dobru noc", "dobrou noc", "dobranoc", "jo napot", "jo reggelt", "dobar dan", "dobro jutro", "mire dita", "miredita", "tungjatjeta",
    "mirembrema", "salam aleikum", "salaam alaikum", "assalamu alaikum", "as-salamu alaykum", "dobroho dnia",
    "dobryi den", "zdravstvuyte", "merhaba", "selam", "salam", "salaam", "shalom", "ahoj", "czesc", "nazdar",
    "zdravo", "privet", "szia", "szervusz", "servus", "pershendetje", "selamat", "marhaba", "namaste", "buna",
    "ciao", "hola", "bonjour", "salut", "hallo",
})
# Thanks and blessings, the same: "Mahadsanid, thank you", "Shukran", "Dziękuję", "Inshallah".
THANKS = frozenset({
    "mahadsanid", "shukran", "shukriya", "dziekuje", "dziekujemy", "dekuji", "dekujeme", "dakujem", "dakujeme", "multumesc", "faleminderit", "spas",
    "sagol", "tesekkurler", "tesekkur", "merci", "danke", "gracias", "grazie", "obrigado", "obrigada", "inshallah",
    "mashallah", "alhamdulillah", "hvala", "koszonom", "blagodarya", "spasibo", "dyakuyu", "yekenyeley", "ayo",
    "paldies", "aciu", "efharisto", "asante", "bismillah", "wallahi", "habibi", "yallah",
})
GREETING_WORDS = frozenset(w for p in GREETING_PHRASES for w in p.split() if w not in {"jo", "dobro"}) | THANKS
# A one-word greeting is a greeting before these ("Salam, ...", "Selam everyone"), a name elsewhere
# ("The interpreter, Selam, was very good", "Selam is my daughter's name").
_GREETING_FOLLOWERS = frozenset({"", ",", ".", "!", "?", ";", ":", "everyone", "everybody", "all", "friends",
                                 "thank", "thanks", "and", "to", "-", "–", "—"})
# Roles and titles said before or instead of a name ("the imam's brother"): never the name itself.
ROLES = frozenset({
    "imam", "pastor", "priest", "vicar", "rabbi", "officer", "nurse", "sergeant", "inspector", "councillor",
    "reverend", "father", "sister", "brother", "auntie", "uncle", "sheikh", "mullah", "chair", "clerk", "mayor",
    "headteacher", "head", "midwife", "gp", "receptionist", "warden", "sir", "madam", "maam", "ma'am", "boss",
})
# Words at a turn's start before a comma that are not vocatives.
DISCOURSE = frozenset({
    "yes", "no", "well", "so", "okay", "ok", "right", "sorry", "thanks", "hello", "hi", "now", "look", "listen",
    "actually", "honestly", "sure", "and", "but", "then", "also", "anyway", "because", "like", "obviously",
    "basically", "yeah", "yep", "nope", "oh", "ah", "um", "erm", "er", "hmm", "please", "first", "firstly",
    "secondly", "finally", "again", "still", "sometimes", "otherwise", "however", "maybe", "perhaps", "personally",
    "mind", "see", "good", "great", "fine", "true", "exactly", "indeed", "wow", "god", "allah", "inshallah",
})
# Words a relation word is followed by that are never names ("my son will be", "my wife and I").
NOT_NAMES = frozenset({
    "i", "me", "you", "he", "she", "it", "we", "they", "him", "her", "us", "them", "my", "your", "his", "our",
    "their", "its", "this", "that", "these", "those", "the", "a", "an", "and", "or", "but", "is", "was", "are",
    "were", "be", "been", "has", "had", "have", "do", "does", "did", "will", "would", "can", "could", "should",
    "may", "might", "must", "shall", "not", "no", "yes", "who", "what", "when", "where", "why", "how", "which",
    "there", "here", "then", "now", "too", "also", "just", "all", "some", "any", "every", "everyone", "someone",
    "nobody", "somebody", "everybody", "anyone", "anybody", "one", "two", "so", "if", "as", "at", "in", "on", "of",
    "to", "for", "from", "with", "by", "about", "said", "says", "told", "asked", "mum", "dad", "mother", "father",
})
# After a calendar word these make it a date ("my son Monday morning").
DATE_FOLLOWERS = frozenset({"morning", "afternoon", "evening", "night", "week", "next", "last", "mornings"})
# Cues that make even a calendar word a name ("my neighbour Sunday", "she is called May").
STRONG_CUES = frozenset({"called", "relation", "title"})
CALENDAR_WORDS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
                            "february", "march", "april", "may", "june", "july", "august", "september", "october",
                            "november", "december", "jan"})
# A lower-case name with only a medium cue must be rarer than this as an English word.
LOWER_NAME_ZIPF = 4.0
# A word no list knows is taken only when English (nearly) never uses it.
UNKNOWN_RARE_ZIPF = 2.5
# A word after a first name is its surname up to this frequency ("jan kowalski": 2.7).
SURNAME_RARE_ZIPF = 3.0
# Abbreviations written like initials ("U.K.", "a.m.") that are not people.
NOT_INITIALS = frozenset({"uk", "us", "usa", "eu", "un", "am", "pm", "ps", "nb", "id", "gp", "dc", "tv", "bbc", "nhs",
                          "ok", "re", "cv", "ie", "eg", "vs", "hr", "it", "rsvp", "asap", "uae", "ussr", "mp", "phd",
                          "ba", "ma", "bsc", "msc", "qc", "kc", "jp", "ad", "bc", "dvd", "cd"})


@cache
def name_forms() -> dict[str, object]:
    """The package's tables of familiar name forms and of first names that are ordinary words."""
    text = (resources.files("pipeline") / "data" / "name-forms.json").read_text(encoding="utf-8")
    return json.loads(text)


@cache
def ordinary_word_names() -> frozenset[str]:
    return frozenset(fold(w) for w in name_forms()["ordinary_word_names"])  # type: ignore[union-attr]


def _alternation(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+").replace(r"\-", "[-‐]") for w in sorted(words, key=len, reverse=True))


_WORD = r"[^\W\d_][\w'’-]*"
_REL = _alternation(CONTEXT_RELATIONS)
# Each pattern's group "name" is the word judged; the pattern's name is the strength and the cue.
STRONG = re.compile(
    rf"(?<![\w'’])(?:"
    rf"(?P<called>(?:called|named|name\s+is|name\s+was|name['’]s|known\s+as|goes\s+by))"
    rf"|(?P<relation>(?:{_alternation(DETERMINERS)})\s+(?:(?:little|older|younger|eldest|youngest|best|oldest|"
    rf"big|new|late|old|other|former)\s+)?(?:{_REL}))"
    rf"|(?P<title>(?:{_alternation(TITLE_WORDS)})\.?)"
    rf")\s+(?P<name>{_WORD})",
    re.IGNORECASE,
)
MEDIUM_BEFORE = re.compile(rf"(?<![\w'’])(?:{_alternation(ASK_BEFORE)})\s+(?P<name>{_WORD})", re.IGNORECASE)
SPEECH = re.compile(rf"(?<![\w'’-])(?P<name>{_WORD})\s+(?:{_alternation(SPEECH_AFTER)})(?![\w'’])", re.IGNORECASE)
VOCATIVE_START = re.compile(rf"^\W*(?P<name>{_WORD})\s*,")
VOCATIVE_AFTER = re.compile(
    rf"(?<![\w'’])(?:{_alternation(VOCATIVE_BEFORE)}|{_alternation(tuple(GREETING_PHRASES))})\s*,?\s+"
    rf"(?P<name>{_WORD})(?=\s*(?:[,.!?;:]|$))",
    re.IGNORECASE,
)
VOCATIVE_END = re.compile(rf",\s+(?P<name>{_WORD})\s*[?!.]*\s*$")
# "Mr T. Hargreaves", "Mrs P.", "Mr A.B. Nowak", "Dr. J Smith": a title, initials, perhaps a surname.
TITLED_INITIALS = re.compile(
    rf"(?<![\w'’])(?:{_alternation(tuple(t.capitalize() for t in TITLE_WORDS))})\.?\s+(?:[A-Z]\.\s?|[A-Z]\s)"
    rf"(?:[A-Z]\.\s?)*(?:[A-Z][a-z][\w'’-]*(?:-[A-Z][a-z][\w'’-]*)?)?"
)
# "J.D.", "A. B. Nowak": two or three initials, with a surname when one follows.
INITIALS = re.compile(r"(?<![\w.])(?:[A-Z]\.\s?){2,3}(?:[A-Z][a-z][\w'’-]*(?:-[A-Z][a-z][\w'’-]*)?)?")
# "the interpreter, selam, was", "the officer, sultani i think": a name set off by commas.
APPOSITION = re.compile(rf",\s+(?P<name>{_WORD})(?=\s*,|\s+i\s+think\b)", re.IGNORECASE)
# "we stayed at amira's house": a possessive.
POSSESSIVE = re.compile(rf"(?<![\w'’-])(?P<name>[^\W\d_][\w-]*)['’]s\b")
# "i am jan, ...", "this is radek.": a self-introduction.
INTRODUCTION = re.compile(
    rf"(?<![\w'’])(?:i\s+am|i['’]m|this\s+is|my\s+name\s+is)\s+(?P<name>{_WORD})(?=\s*[,.!?]|\s+and\b|\s*$)",
    re.IGNORECASE,
)
# Verbs after a subject: a listed name before one is a person ("when tomasz went", "if dusan had known").
ACTION_AFTER = ("was", "is", "had", "has", "went", "came", "moved", "fell", "works", "worked", "lives", "lived",
                "drives", "drove", "spoke", "got", "gave", "took", "helped", "translates", "translated", "knows",
                "knew", "wants", "wanted", "thinks", "needs", "needed", "can", "could", "will", "would", "did",
                "does", "goes", "comes", "and", "or")
ACTION = re.compile(rf"(?<![\w'’-])(?P<name>{_WORD})\s+(?:{_alternation(ACTION_AFTER)})(?![\w'’])", re.IGNORECASE)
# Names joined to a found name: "bassam, huda and amal", "is it costel or marian".
_JOINED_AFTER = re.compile(rf"(?:\s*,\s*|\s+and\s+|\s+or\s+|\s*&\s*)(?P<name>{_WORD})", re.IGNORECASE)
_JOINED_BEFORE = re.compile(rf"(?P<name>{_WORD})(?:\s*,\s*|\s+and\s+|\s+or\s+|\s*&\s*)$", re.IGNORECASE)
_NEXT = re.compile(rf"\s+(?P<word>{_WORD}|[^\w\s])")
_SURNAME_NEXT = re.compile(rf"\s+(?P<word>{_WORD})")


class ContextNames:
    """Finds (start, end, cue) of names next to cues; judged with the offline detector's lexicon."""

    def __init__(self, lexicon: Lexicon, kept: frozenset[str] = frozenset()) -> None:
        self.lex = lexicon
        self.kept = kept
        self.ordinary = ordinary_word_names()

    def find(self, text: str) -> list[tuple[int, int, str]]:
        found: list[tuple[int, int, str]] = []
        for m in TITLED_INITIALS.finditer(text):
            if _has_initial(m.group()):
                found.append((m.start(), m.end() - _trailing_space(m.group()), "title"))
        for m in INITIALS.finditer(text):
            initials = "".join(c for c in m.group() if c.isupper())[: m.group().count(".")]
            with_surname = not m.group().rstrip().endswith(".")
            if initials.casefold() in NOT_INITIALS and not with_surname:
                continue  # "U.K.", "a.m.", "P.S."
            found.append((m.start(), m.end() - _trailing_space(m.group()), "initials"))
        for m in STRONG.finditer(text):
            cue = "called" if m.group("called") else "relation" if m.group("relation") else "title"
            self._judge(text, m.start("name"), m.end("name"), cue, strong=True, found=found,
                        span_start=m.start("title") if cue == "title" else -1)
        for m in MEDIUM_BEFORE.finditer(text):
            self._judge(text, m.start("name"), m.end("name"), "speech", strong=False, found=found)
        for m in SPEECH.finditer(text):
            self._judge(text, m.start("name"), m.end("name"), "speech", strong=False, found=found, after=True)
        for pattern, strong in ((VOCATIVE_START, False), (VOCATIVE_AFTER, True), (VOCATIVE_END, False)):
            for m in pattern.finditer(text):
                self._judge(text, m.start("name"), m.end("name"), "vocative", strong=strong, found=found,
                            vocative=True)
        for pattern, cue in ((APPOSITION, "apposition"), (POSSESSIVE, "relation"), (INTRODUCTION, "called")):
            for m in pattern.finditer(text):
                # Set off by commas, a word no list knows is a name only after a person's role
                # ("the interpreter, selam,"): "crèche, crèche, crèche" and "Leanne, PCSO, I ..." stay.
                listed_only = pattern is APPOSITION and _previous_word(text, m.start()) not in _APPOSITION_HEADS
                self._judge(text, m.start("name"), m.end("name"), cue, strong=False, found=found,
                            vocative=pattern is APPOSITION, listed_only=listed_only)
        for m in ACTION.finditer(text):
            self._judge(text, m.start("name"), m.end("name"), "speech", strong=False, found=found, after=True,
                        listed_only=True)
        if found:
            self._joined(text, found)
        return found

    def _joined(self, text: str, found: list[tuple[int, int, str]]) -> None:
        """Names listed beside a found name ("bassam, huda and amal") are judged as after a medium cue."""
        queue = list(found)
        seen = {(s, e) for s, e, _ in found}
        while queue:
            start, end, _ = queue.pop()
            after = _JOINED_AFTER.match(text, end)
            before = _JOINED_BEFORE.search(text[max(0, start - 40) : start])
            candidates = []
            if after:
                candidates.append((after.start("name"), after.end("name")))
            if before:
                offset = max(0, start - 40)
                candidates.append((offset + before.start("name"), offset + before.end("name")))
            for s, e in candidates:
                if fold(text[s:e]) == fold(text[start:end]):
                    continue  # "crèche, crèche": a word repeated, not a list of names
                if (s, e) in seen or any(a <= s < b for a, b, _ in found):
                    continue
                count = len(found)
                self._judge(text, s, e, "name list", strong=False, found=found, joined=True)
                if len(found) > count:
                    seen.add(found[-1][:2])
                    queue.append(found[-1])

    def _judge(self, text: str, start: int, end: int, cue: str, strong: bool, found: list[tuple[int, int, str]],
               after: bool = False, vocative: bool = False, span_start: int = -1, listed_only: bool = False,
               joined: bool = False) -> None:
        word = text[start:end]
        for suffix in ("'s", "’s", "'", "’"):
            if word.endswith(suffix) and len(word) > len(suffix) + 1:
                word, end = word[: -len(suffix)], end - len(suffix)
                break
        if word.isupper() and len(word) > 1:
            return  # "PCSO", "NHS": acronyms, not names
        folded = fold(word)
        lex = self.lex
        if listed_only and folded not in lex.first_names and folded not in lex.surnames:
            return  # the commonest case by far ("it was", "we can"): decided before any other lookup
        if _previous_word(text, start).strip(",;") == folded:
            return  # "crèche, crèche": a word repeated, not a name said to someone
        nxt = _NEXT.match(text, end)
        following = fold(nxt.group("word")) if nxt else ""
        # A surname after the first name belongs to it, and is evidence too: "call jan kowalski".
        more = _SURNAME_NEXT.match(text, end)
        second = fold(more.group("word")) if more else ""
        surname = bool(more) and second not in NOT_NAMES and not _greeting(second) and self._rare_name_or_word(second)
        full_name = surname and folded in self.lex.first_names and folded not in NOT_NAMES
        if listed_only and not full_name and not (
                (folded in self.lex.first_names or folded in self.lex.surnames) and self.lex.english_zipf(folded) < 3.5):
            return
        if not full_name and not self._is_name(text, folded, word[:1].isupper(), strong, following, after, vocative,
                                               start, cue):
            return
        if not (folded in lex.first_names or folded in lex.surnames) and not word.isascii() and (
                foreign_zipf(word) >= FOREIGN_COMMON_ZIPF):
            return  # "Ďakujeme, dobrú noc": common words of a community language, judged as written
        if surname and more:
            end = more.end("word")
            for suffix in ("'s", "’s"):
                if text[start:end].endswith(suffix):
                    end -= len(suffix)
        found.append((start if span_start < 0 else span_start, end, cue))  # "mrs haddad": with the title

    def _is_name(self, text: str, folded: str, capital: bool, strong: bool, following: str, after: bool,
                 vocative: bool, start: int, cue: str = "") -> bool:
        lex = self.lex
        before = text[:start].rstrip()
        initial = not before or before[-1] in ".!?:;\"“”-–—…"
        if len(folded) < 2 or _greeting(folded, following, initial) or folded in self.kept and folded not in CALENDAR_WORDS:
            return False
        if folded in NOT_NAMES and not (folded in self.ordinary and (capital or cue == "called")):
            return False  # "my son will be", while "Will said" and "he is named will" are people
        if folded in TITLE_WORDS or folded in CONTEXT_RELATIONS or folded in ROLES or folded in DISCOURSE and vocative:
            return False
        if lex.is_language_or_nationality(folded) or lex.is_region([folded]) and folded not in lex.first_names:
            return False
        if after and _previous_word(text, start) in DETERMINERS:
            return False  # "the caseworker said", "a friend told me": a noun, not a name
        listed = folded in lex.first_names or folded in lex.surnames
        ordinary = folded in self.ordinary
        zipf = lex.english_zipf(folded)
        if folded in CALENDAR_WORDS and (following in DATE_FOLLOWERS or not strong):
            return False
        if strong:
            if ordinary or (listed and zipf < 5.5):
                # In lower case an ordinary word needs a name's position too: "my son will be" stays.
                return capital or zipf < LOWER_NAME_ZIPF or following in _END_OF_NAME or following in SPEECH_AFTER
            return self._unknown_rare(folded, zipf) or (capital and zipf < 3.8)
        if capital and vocative and folded in lex.places and zipf < 3.0:
            return True  # "Layla, do you want to say something?": a place's name said to a person
        if capital:
            return ordinary or listed and zipf < 6.0 or self._unknown_rare(folded, zipf)
        return (listed and zipf < LOWER_NAME_ZIPF) or self._unknown_rare(folded, zipf)

    def _rare_name_or_word(self, folded: str) -> bool:
        zipf = self.lex.english_zipf(folded)
        return (folded in self.lex.surnames and zipf < 3.5) or self._unknown_rare(folded, zipf, SURNAME_RARE_ZIPF)

    def _unknown_rare(self, folded: str, zipf: float, limit: float = 0.0) -> bool:
        lex = self.lex
        if zipf >= (limit or UNKNOWN_RARE_ZIPF) or len(folded) < 3 or not folded.replace("-", "").isalpha():
            return False
        if folded in lex.places and folded not in lex.first_names and folded not in lex.surnames:
            return False
        from pipeline.anonymise.offline import _english_shaped

        return not _english_shaped(folded) and foreign_zipf(folded) < FOREIGN_COMMON_ZIPF


# Words before "X," that make X a person's name: "the interpreter, selam, was very good".
_APPOSITION_HEADS = frozenset(CONTEXT_RELATIONS) | ROLES | {
    "interpreter", "translator", "lady", "man", "woman", "guy", "neighbour", "volunteer", "officer", "worker",
    "next", "door", "help", "us", "manager", "landlord", "caseworker", "advisor", "adviser",
}
_END_OF_NAME = frozenset({",", ".", "?", "!", ";", ":", "and", "who", "'", "’", "", ")", "-", "–", "—"})


def _greeting(folded: str, following: str = "", initial: bool = True) -> bool:
    return is_greeting([folded], following, initial)


def is_greeting(folded_words: list[str], following: str = "", initial: bool = True) -> bool:
    """Whether a run of words is a greeting or thanks ("Bună ziua", "Salam,", "Shukran"), judged with
    the word after it: a one-word greeting before an ordinary word may be a name ("Selam is ...")."""
    if not folded_words:
        return False
    phrase = " ".join(folded_words)
    if phrase in GREETING_PHRASES and len(folded_words) > 1 or f"{phrase} {following}" in GREETING_PHRASES:
        return True
    if all(w in THANKS for w in folded_words):
        return True  # "Inshallah next year", "Shukran, you were very kind": never a name
    return all(w in GREETING_WORDS for w in folded_words) and (
        following in GREETING_WORDS or len(folded_words) > 1 or initial and following in _GREETING_FOLLOWERS)


def _previous_word(text: str, start: int) -> str:
    window = text[max(0, start - 30) : start].split()
    return fold(window[-1]) if window else ""


def _has_initial(matched: str) -> bool:
    parts = matched.split()
    return len(parts) > 1 and bool(re.fullmatch(r"[A-Z]\.?", parts[1]) or re.fullmatch(r"(?:[A-Z]\.)+", parts[1]))


def _trailing_space(matched: str) -> int:
    return len(matched) - len(matched.rstrip())
