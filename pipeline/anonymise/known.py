"""What the researcher already knows must go: private/identifiers.csv, and the names of every speaker."""

from __future__ import annotations

import csv
import logging
import re
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

from pipeline.anonymise.nameforms import full_to_familiar, person_key
from pipeline.anonymise.spans import LABELS, Span
from pipeline.errors import AnonymisationError

log = logging.getLogger(__name__)

TITLES = ("Mr", "Mrs", "Ms", "Miss", "Dr", "Mx", "PC", "PCSO", "Sgt", "Sergeant", "Cllr", "Councillor")
# Speaker labels that are roles or placeholders, not names.
GENERIC_LABEL = re.compile(
    r"^(?:speaker|participant|respondent|facilitator|moderator|interviewer|interpreter|translator|provider|"
    r"unknown|p|f|i|all|group|several|voice|male|female|man|woman)\s*\d*$"
    r"|^(?:the\s+)?(?:(?:vice|deputy)[- ])?(?:chair|chairperson|chairman|chairwoman|clerk)$",
    re.IGNORECASE,
)
# "The Chair (Mr. Paul Okafor)": a role outside the brackets, the person's name inside, after a title.
_NAME_IN_BRACKETS = re.compile(r"\(\s*((?:Mr|Mrs|Ms|Miss|Dr|Mx|Hon)\.?\s+[^()]+?)\s*\)")


# A named tuple, not a dataclass: the speakers' matcher of a large project holds tens of
# thousands and is unpickled by every find-identifiers job (frozen dataclasses: 0.28 s of 0.32).
class KnownTerm(NamedTuple):
    term: str
    label: str
    entity: str
    replacement: str = ""


def load_identifiers(path: str | Path) -> list[KnownTerm]:
    """Read term,category[,replacement]; a missing file is allowed (logged), a malformed one is an error."""
    path = Path(path)
    if not path.exists():
        log.info("No known identifiers: %s does not exist", path)
        return []
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        columns = [c.strip() for c in reader.fieldnames or []]
        missing = [c for c in ("term", "category") if c not in columns]
        if missing:
            raise AnonymisationError(
                f"missing column(s) {', '.join(missing)}; expected a header 'term,category[,replacement]'",
                path=path, line=1,
            )
        terms: list[KnownTerm] = []
        for line, row in enumerate(reader, start=2):
            row = {(k or "").strip(): (v or "").strip() for k, v in row.items()}
            term, category = row.get("term", ""), row.get("category", "").upper() or "OTHER"
            if not term:
                raise AnonymisationError("empty term; every row needs the identifier to remove", path=path, line=line)
            if category not in LABELS:
                raise AnonymisationError(
                    f"unknown category '{row.get('category')}'; expected one of {', '.join(LABELS)}", path=path, line=line
                )
            key = person_key(normalise(term)) if category == "PERSON" else normalise(term)
            terms.append(KnownTerm(term, category, f"{category}:{key}", row.get("replacement", "")))
    log.info("Loaded %d known identifiers from %s", len(terms), path)
    return terms


def normalise(text: str) -> str:
    """The entity key of a string: case, spacing, titles and possessives do not make a new person."""
    text = re.sub(r"['’]s?$", "", text.strip())
    text = re.sub(rf"^(?:{'|'.join(TITLES)})\.?\s+", "", text, flags=re.IGNORECASE)
    return re.sub(r"\s+", " ", text).casefold()


def speaker_name_forms(label: str) -> list[str]:
    """'Popescu, Mirela' -> Mirela Popescu, Mirela, Popescu, Mrs Popescu, ...; generic labels give nothing."""
    inside = _NAME_IN_BRACKETS.search(label)
    label = re.sub(r"\s*\(.*?\)\s*", " ", label).strip()
    if (not label or GENERIC_LABEL.match(label)) and inside:
        label = inside.group(1)
    elif not label or GENERIC_LABEL.match(label):
        return []
    if "," in label:
        surname, _, first = (p.strip() for p in label.partition(","))
        parts = first.split() + surname.split()
    else:
        parts = label.split()
    parts = [p for p in parts if p.rstrip(".") not in TITLES and p.rstrip(".") != "Hon"]
    if not parts:
        return []
    forms = {label, " ".join(parts)}
    # The speaker's familiar forms ("Tomek" of Tomasz, "Ola" of Aleksandra) are the speaker's too.
    forms.update(f.capitalize() for f in full_to_familiar().get(parts[0].casefold(), ()) if not is_common_word(f))
    # Parts in capitals ("PCSO", "GP") are roles, not names.
    # Nor are small lower-case words ("Clerk of the Committee").
    forms.update(p for p in parts if len(p) > 1 and not p.isupper() and not (p.islower() and is_common_word(p)))
    if len(parts) > 1:
        forms.update(f"{t} {parts[-1]}" for t in TITLES)
    return sorted(forms, key=len, reverse=True)


def speaker_terms(speakers: Iterable[tuple[str, str]]) -> list[KnownTerm]:
    """(speaker label, person key) pairs -> every name form, all pointing to that person's one entity."""
    terms: list[KnownTerm] = []
    for label, person in speakers:
        entity = f"PERSON:speaker:{normalise(person)}"
        terms.extend(KnownTerm(form, "PERSON", entity) for form in speaker_name_forms(label))
    return terms


def is_common_word(term: str) -> bool:
    """A one-word term that English uses often ("Price", "Hope", "Young") as an ordinary word."""
    if " " in term.strip():
        return False
    from pipeline.anonymise.lexicon import english_zipf_table, fold

    return english_zipf_table().get(fold(term.strip()), 0.0) >= COMMON_WORD_ZIPF


# Above this Zipf frequency a one-word name is matched only with its capital ("Price", not "the price").
COMMON_WORD_ZIPF = 4.0


_WORD = re.compile(r"\w+")
# More terms than this under one first word are indexed by their second word as well.
SPLIT_GROUP = 64


def _words(term: str) -> list[str]:
    return _WORD.findall(term.lower()) or [term.lower()]


def _word_forms(lowered: str) -> tuple[str, ...]:
    """A word of the text as a term's word may be written: itself, or less a plural ending the
    pattern allows ("Popescus", "Joneses")."""
    return (lowered, lowered[:-1] if lowered.endswith("s") else "", lowered[:-2] if lowered.endswith("es") else "")


class TermMatcher:
    """Case-insensitive whole-word matching of many literal terms, with possessive and plural endings.

    A one-word term that is also a common English word must start with a capital
    letter to match: "Sergeant Price" goes, "the price of a bus ticket" stays,
    in the transcripts and in the leak check alike.
    """

    def __init__(self, terms: Iterable[KnownTerm], name: str, keep: frozenset[str] = frozenset()) -> None:
        self.name = name
        self.by_folded: dict[str, KnownTerm] = {}
        self.capital_only: set[str] = set()
        for term in terms:
            if term.term.casefold() not in keep:
                self.by_folded.setdefault(term.term.casefold(), term)
        self.capital_only = {t for t in self.by_folded if is_common_word(t)}
        self.alternatives = sorted(self.by_folded, key=len, reverse=True)
        # Terms by their first word (a term can match a text only where that word occurs), and where
        # a first word starts many terms ("Mrs" + every surname) by their first two words.
        by_first: dict[str, list[str]] = {}
        for a in self.alternatives:
            by_first.setdefault(_words(a)[0], []).append(a)
        self._by_first_word: dict[str, tuple[str, ...]] = {}
        self._by_two_words: dict[tuple[str, str], tuple[str, ...]] = {}
        self._split_first_words: set[str] = set()
        for first, group in by_first.items():
            if len(group) <= SPLIT_GROUP:
                self._by_first_word[first] = tuple(group)
                continue
            self._split_first_words.add(first)
            by_second: dict[tuple[str, str], list[str]] = {}
            for a in group:  # longest first within each part, as in the group
                by_second.setdefault((first, (_words(a) + [""])[1]), []).append(a)
            self._by_two_words.update((key, tuple(part)) for key, part in by_second.items())
        self._patterns: dict[str | tuple[str, str], re.Pattern[str]] = {}

    @staticmethod
    def _compile(alternatives: tuple[str, ...]) -> re.Pattern[str]:
        return re.compile(
            r"(?<![\w])(" + "|".join(re.escape(a).replace(r"\ ", r"\s+") for a in alternatives) + r")"
            # "es" only after a sibilant ("the Joneses", "Marxes"): after Mak or Tim it would take "makes", "times".
            r"(?:['’]s|s['’]|['’]|s|(?:(?<=[sxz])|(?<=[cs]h))es)?(?![\w])",
            re.IGNORECASE,
        )

    def _matches(self, text: str) -> list[re.Match[str]]:
        """Every match, longest first where two start together, none overlapping: as one alternation
        of all terms (longest first) would find them.

        That alternation of thousands of terms would be tried at every position of a text, and
        a text mentions few of them: 122 s for one 64 MB workbook. So a term is tried only where
        its first word starts, with one small pattern per first word, compiled once per job. A
        first word that starts more than SPLIT_GROUP terms gets one pattern per second word: with
        500 transcripts' speakers, "Mrs" or "PC" started 1,745 terms each, and compiling one such
        pattern took 65-90 ms in every job whose transcript used the title.
        """
        found: list[re.Match[str]] = []
        for word in _WORD.finditer(text):
            for first in _word_forms(word.group().lower()):
                group = self._by_first_word.get(first)
                if group is not None:
                    self._match_group(first, group, text, word.start(), found)
                elif first in self._split_first_words:
                    after = _WORD.search(text, word.end())
                    for second in dict.fromkeys(("", *_word_forms(after.group().lower() if after else ""))):
                        group = self._by_two_words.get((first, second))
                        if group is not None:
                            self._match_group((first, second), group, text, word.start(), found)
        found.sort(key=lambda m: (m.start(), -(m.end() - m.start())))
        kept: list[re.Match[str]] = []
        for m in found:
            if not kept or m.start() >= kept[-1].end():
                kept.append(m)
        return kept

    def _match_group(self, key: str | tuple[str, str], group: tuple[str, ...], text: str, start: int,
                     found: list[re.Match[str]]) -> None:
        pattern = self._patterns.get(key)
        if pattern is None:
            pattern = self._patterns[key] = self._compile(group)
        match = pattern.match(text, start)
        if match:
            found.append(match)

    def matched_entities(self, text: str) -> set[str]:
        """Entities of every literal match, including those `find` then drops for want of a capital.

        A subset of the terms that still holds every entity found here matches the
        text exactly as the whole set does (same positions, same terms), which is
        what lets a transcript be anonymised with its view of the key alone.
        """
        found = (self.by_folded.get(re.sub(r"\s+", " ", m.group(1)).casefold()) for m in self._matches(text))
        return {term.entity for term in found if term is not None}

    def find(self, text: str) -> list[Span]:
        spans = []
        for m in self._matches(text):
            folded = re.sub(r"\s+", " ", m.group(1)).casefold()
            term = self.by_folded.get(folded)
            if term is None or (folded in self.capital_only and not m.group(1)[:1].isupper()):
                continue
            spans.append(Span(m.start(1), m.end(1), term.label, self.name, term.entity))
        return spans
