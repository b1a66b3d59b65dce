"""Negation and hypotheticals around a matched term, from lemmas alone (no parser needed).

Deliberately narrow. In this material a negated *resource* is the problem
itself ("no interpreter was booked", "we don't have a contract"), so a bare
"no"/"not" before a term does not negate it. Only a denial that the *problem*
exists does: "no problem with the landlord", "never had damp", "damp is not an
issue". Hypotheticals ("if we were evicted", "what would happen if") are kept
apart so matrices can decide; see docs/coding.md.
"""

from __future__ import annotations

AFFIRMED, NEGATED, HYPOTHETICAL = "affirmed", "negated", "hypothetical"

NEGATION_CUES = frozenset({"no", "not", "never", "nobody", "none", "nothing", "hardly", "neither", "nor"})
PROBLEM_WORDS = frozenset({"problem", "issue", "trouble", "complaint", "wrong", "difficulty", "bother"})
# Words that may stand between a problem word and the term: "no problem *with the* landlord".
LINKING = frozenset({"with", "about", "of", "from", "for", "to", "regard", "regarding", "the", "a", "an", "any", "my",
                     "our", "their", "his", "her", "your", "this", "that", "these", "those", "'s"})
# Words that may stand between a cue and a problem word or an experience verb: "never *had any* trouble".
FILLERS = frozenset({"any", "a", "an", "the", "much", "many", "real", "big", "major", "serious", "single", "really",
                     "actually", "ever", "have", "be", "get", "do", "'ve", "'s", "yet", "so", "too", "such"})
EXPERIENCE_VERBS = frozenset({"have", "experience", "face", "suffer", "see", "get", "encounter"})
HYPOTHETICAL_CUES = frozenset({"if", "unless", "suppose", "supposing", "imagine", "whether"})
SENTENCE_END = frozenset({".", "!", "?", ";"})

WINDOW = 8


def polarity_at(lemmas: list[str], start: int, end: int) -> str:
    """The polarity of a match spanning tokens [start, end) given lower-cased lemmas of the unit."""
    if _denied_before(lemmas, start) or _denied_after(lemmas, end):
        return NEGATED
    if _hypothetical_before(lemmas, start):
        return HYPOTHETICAL
    return AFFIRMED


def _denied_before(lemmas: list[str], start: int) -> bool:
    i = start - 1
    # "no problem with the landlord": linking words, then a problem word, then fillers, then a cue.
    while i >= 0 and start - i <= WINDOW and lemmas[i] in LINKING:
        i -= 1
    if i >= 0 and lemmas[i] in PROBLEM_WORDS:
        return _cue_before(lemmas, i - 1, start)
    # "never had (any) damp", "never experienced racism": determiners, an experience verb, then "never".
    i = start - 1
    while i >= 0 and lemmas[i] in {"any", "a", "an", "the", "much", "real", "serious", "major"}:
        i -= 1
    if i >= 0 and lemmas[i] in EXPERIENCE_VERBS:
        i -= 1
        while i >= 0 and lemmas[i] in {"ever", "really", "actually", "yet", "have", "'ve", "be"}:
            i -= 1
        return i >= 0 and lemmas[i] == "never"
    return False


def _cue_before(lemmas: list[str], i: int, start: int) -> bool:
    while i >= 0 and start - i <= WINDOW:
        if lemmas[i] in NEGATION_CUES:
            return True
        if lemmas[i] not in FILLERS:
            return False
        i -= 1
    return False


def _denied_after(lemmas: list[str], end: int) -> bool:
    """"damp is not a problem", "the landlord has never been an issue"."""
    window = lemmas[end : end + 7]
    seen_cue = False
    for lemma in window:
        if lemma in NEGATION_CUES:
            seen_cue = True
        elif lemma in PROBLEM_WORDS:
            return seen_cue
        elif lemma not in FILLERS and lemma not in {"for", "to", "us", "me", "them"}:
            return False
    return False


def _hypothetical_before(lemmas: list[str], start: int) -> bool:
    i = start - 1
    while i >= 0 and start - i <= WINDOW:
        if lemmas[i] in SENTENCE_END:
            return False
        if lemmas[i] in HYPOTHETICAL_CUES or (lemmas[i] == "case" and i > 0 and lemmas[i - 1] == "in"):
            return True
        i -= 1
    return False


def strongest(polarities: set[str] | list[str]) -> str:
    """One polarity for several matches: any affirmed match makes the whole affirmed."""
    if AFFIRMED in polarities:
        return AFFIRMED
    if HYPOTHETICAL in polarities:
        return HYPOTHETICAL
    return NEGATED
