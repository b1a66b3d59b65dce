"""The terms coder: codebook terms found by lemma, phrase, word prefix or regex.

A term and the text go through the same spaCy pipeline, so "landlord" finds
"landlords" and "landlord's", and "black mould" finds "black moulds".
"""

from __future__ import annotations

import bisect
import logging
import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from pipeline.codebook import Codebook
from pipeline.coding import Hit
from pipeline.coding.lemmas import Lemmatiser, load_lemmatiser
from pipeline.coding.polarity import AFFIRMED, polarity_at, strongest
from pipeline.coding.literal_starts import literal_starts

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class _Pattern:
    code: str
    term: str
    # One entry per word: a frozenset of accepted lemma/lower forms, or a str prefix for a wildcard word.
    words: tuple[frozenset[str] | str, ...]


@dataclass(frozen=True)
class TermMatch:
    code: str
    term: str
    start: int  # token index
    end: int
    polarity: str


def term_score(distinct_terms: int) -> float:
    """More distinct terms, more confidence: 1 term 0.6, 2 terms 0.84, 3 terms 0.94."""
    return round(1.0 - 0.4**distinct_terms, 4) if distinct_terms else 0.0


class TermsCoder:
    name = "terms"

    def __init__(self, codebook: Codebook, settings: dict[str, Any] | None = None,
                 lemmatiser: Lemmatiser | None = None) -> None:
        settings = settings or {}
        self.lemmatiser = lemmatiser or load_lemmatiser(settings.get("spacy_model", "en_core_web_sm"))
        self._first: dict[str, list[_Pattern]] = defaultdict(list)
        self._prefixes: dict[int, dict[str, list[_Pattern]]] = defaultdict(lambda: defaultdict(list))
        self._regexes: list[tuple[str, str, re.Pattern[str], frozenset[str] | None]] = []
        self._candidate_cache: dict[tuple[str, str], list[_Pattern]] = {}
        self.terms_by_code: dict[str, list[str]] = {}
        for code in codebook.all_codes():
            self.terms_by_code[code.id] = [t.text for t in code.terms]
            for term in code.terms:
                if term.kind == "regex":
                    self._regexes.append(
                        (code.id, term.text, re.compile(term.text, re.IGNORECASE), literal_starts(term.text)))
                else:
                    self._add(_Pattern(code.id, term.text, self._words(term.text)))

    def _words(self, text: str) -> tuple[frozenset[str] | str, ...]:
        words: list[frozenset[str] | str] = []
        for word in text.split():
            if word.endswith("*"):
                words.append(word.rstrip("*").lower())
                continue
            _, lowers, lemmas, _ = next(self.lemmatiser.analyse([word]))
            for lower, lemma in zip(lowers, lemmas):
                # A term written in its base form stands for all its inflections; one written inflected
                # ("housing") means that word, not its lemma ("house").
                words.append(frozenset({lemma if lemma == lower else lower}))
        return tuple(words)

    def _add(self, pattern: _Pattern) -> None:
        first = pattern.words[0]
        if isinstance(first, str):
            self._prefixes[len(first)][first].append(pattern)
        else:
            for form in first:
                self._first[form].append(pattern)

    # -- matching -----------------------------------------------------------

    def find(self, text: str, lowers: list[str], lemmas: list[str], starts: list[int]) -> list[TermMatch]:
        """Every term found in one analysed unit, with its polarity."""
        matches: list[TermMatch] = []
        for i in range(len(lowers)):
            for pattern in self._candidates(lemmas[i], lowers[i]):
                end = self._match_from(pattern, i, lemmas, lowers)
                if end:
                    matches.append(TermMatch(pattern.code, pattern.term, i, end, polarity_at(lemmas, i, end)))
        if self._regexes:
            lowered = text.lower()
            for code, term, regex, beginnings in self._regexes:
                if beginnings is not None and not any(b in lowered for b in beginnings):
                    continue
                for m in regex.finditer(text):
                    first = max(0, bisect.bisect_right(starts, m.start()) - 1)
                    last = max(first + 1, bisect.bisect_left(starts, m.end()))
                    matches.append(TermMatch(code, term, first, last, polarity_at(lemmas, first, last)))
        return matches

    def _candidates(self, lemma: str, lower: str) -> list[_Pattern]:
        key = (lemma, lower)
        found = self._candidate_cache.get(key)
        if found is None:
            found = self._candidate_cache[key] = self._find_candidates(lemma, lower)
        return found

    def _find_candidates(self, lemma: str, lower: str) -> list[_Pattern]:
        found = list(self._first.get(lemma, ()))
        if lower != lemma:
            found += [p for p in self._first.get(lower, ()) if p not in found]
        for length, table in self._prefixes.items():
            if len(lower) >= length:
                found += table.get(lower[:length], ())
        return found

    @staticmethod
    def _match_from(pattern: _Pattern, i: int, lemmas: list[str], lowers: list[str]) -> int:
        """End index of `pattern` matched at token i, or 0."""
        position = i
        for word in pattern.words:
            if position >= len(lowers):
                return 0
            if isinstance(word, str):
                if not lowers[position].startswith(word):
                    return 0
            elif lemmas[position] not in word and lowers[position] not in word:
                return 0
            position += 1
        return position

    def code_units(self, texts: list[str], vectors: Any = None) -> list[Hit]:
        """One Hit per (unit, code) with the distinct matched terms as evidence."""
        hits: list[Hit] = []
        for unit, (text, lowers, lemmas, starts) in enumerate(self.lemmatiser.analyse(texts)):
            by_code: dict[str, dict[str, str]] = defaultdict(dict)
            for match in self.find(text, lowers, lemmas, starts):
                terms = by_code[match.code]
                terms[match.term] = strongest({terms.get(match.term, match.polarity), match.polarity})
            for code, terms in by_code.items():
                polarity = strongest(set(terms.values()))
                counted_terms = [t for t, p in terms.items() if p == polarity] if polarity != AFFIRMED else [
                    t for t, p in terms.items() if p == AFFIRMED]
                hits.append(Hit(unit, code, term_score(len(counted_terms)), tuple(sorted(terms)), polarity))
        return hits
