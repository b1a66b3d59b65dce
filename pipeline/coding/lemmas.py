"""Lemmas for the terms coder, from the best source available offline.

Terms and text always go through the same Lemmatiser, so whichever strategy is
in use, a term and its inflected forms in the text meet in the middle:
1. an installed spaCy model (config coding.spacy_model), its rule-based lemmas;
2. else spaCy's English lookup table (spacy-lookups-data) on a blank tokenizer,
   looked up lower-cased so "Landlords" at the start of a sentence still counts;
3. else a small suffix-stripping normaliser.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any

log = logging.getLogger(__name__)

# The tokenizer's default cache (10,000 strings) thrashes on varied speech (STACK.md).
TOKENIZER_CACHE = 1_000_000
BATCH_SIZE = 256

_SUFFIXES = (("ies", "y"), ("sses", "ss"), ("ves", "f"), ("ing", ""), ("ed", ""), ("es", ""), ("s", ""))


def strip_suffix(word: str) -> str:
    """A crude English normaliser for when no lemma table is installed: plurals and -ing/-ed go."""
    word = word.lower()
    if word.endswith("'s"):
        word = word[:-2]
    for suffix, replacement in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith("ss"):
            return word[: -len(suffix)] + replacement
    return word


class Lemmatiser:
    """Tokens of a text with their lower-cased forms and lemmas."""

    def __init__(self, nlp: Any, strategy: str, table: Any = None) -> None:
        self.nlp = nlp
        self.strategy = strategy
        self._table = table
        self._cache: dict[str, str] = {}

    def _lemma(self, lower: str) -> str:
        lemma = self._cache.get(lower)
        if lemma is None:
            if self._table is not None:
                lemma = str(self._table.get(lower, lower)).lower()
            else:
                lemma = strip_suffix(lower)
            self._cache[lower] = lemma
        return lemma

    def analyse(self, texts: Iterable[str]) -> Iterator[tuple[str, list[str], list[str], list[int]]]:
        """(text, lower-cased tokens, lower-cased lemmas, token start offsets) per text, in batches."""
        if self.strategy == "model":
            for doc in self.nlp.pipe(texts, batch_size=BATCH_SIZE):
                yield doc.text, [t.lower_ for t in doc], [t.lemma_.lower() for t in doc], [t.idx for t in doc]
            return
        from spacy.attrs import IDX, LOWER

        strings = self.nlp.vocab.strings
        forms: dict[int, tuple[str, str]] = {}
        # Arrays of hashes, not Token objects: building a Token per word costs more than the matching.
        texts = list(texts)
        for text, doc in zip(texts, self.nlp.tokenizer.pipe(texts, batch_size=BATCH_SIZE)):
            array = doc.to_array([LOWER, IDX]).tolist()
            lowers, lemmas = [], []
            for key, _ in array:
                form = forms.get(key)
                if form is None:
                    lower = strings[key]
                    form = forms[key] = (lower, self._lemma(lower))
                lowers.append(form[0])
                lemmas.append(form[1])
            yield text, lowers, lemmas, [start for _, start in array]


@cache
def load_lemmatiser(model: str = "en_core_web_sm", allow_model: bool = True) -> Lemmatiser:
    """The best lemmatiser installed here (see the module docstring); the choice is logged."""
    import spacy

    lemmatiser = None
    if allow_model:
        try:
            nlp = spacy.load(model, exclude=["parser", "ner", "senter"])
            lemmatiser = Lemmatiser(nlp, "model")
            description = f"spaCy model {model}"
        except OSError:
            pass
    if lemmatiser is None:
        nlp = spacy.blank("en")
        try:
            from spacy.lookups import load_lookups

            table = load_lookups("en", ["lemma_lookup"]).get_table("lemma_lookup")
            lemmatiser = Lemmatiser(nlp, "lookup", table)
            description = "spaCy English lookup table (spacy-lookups-data)"
        except (ValueError, OSError, ImportError) as e:
            log.debug("lemma lookup table unavailable: %s", e)
            lemmatiser = Lemmatiser(nlp, "suffix")
            description = "suffix stripping (no spaCy model or lookup table installed)"
    lemmatiser.nlp.tokenizer.max_cache_size = TOKENIZER_CACHE
    log.info("Lemmas - using %s", description)
    return lemmatiser
