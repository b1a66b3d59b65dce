"""One person, one pseudonym, across the forms of a name.

Two small normalisations, both on the entity key (the lower-case name without title):

- always: the feminine form of a Polish, Czech or Slovak surname in -ska/-cka/-dzka (-ská/-cká)
  keys as the masculine -ski/-cki/-dzki (-ský/-cký): Kowalska and Kowalski, Nowicka and Nowicki
  share an entity, as a family's members share the surname;
- within one transcript: a Czech or Slovak surname in -ová ("Nováková", "Svobodová") takes the
  entity of its base ("Novák", "Svoboda"), and a familiar form ("Tomek", "Ola") that of its full
  first name ("Tomasz", "Aleksandra", from the table in pipeline/data/name-forms.json), when that
  transcript also names the base or full form. Without it nothing ties them: "Ola" alone may be
  anyone's name. A speaker's familiar forms are among that speaker's name forms (known.py), so
  they always take the speaker's entity.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

_FEMININE_SURNAME = (("dzka", "dzki"), ("ská", "ský"), ("cká", "cký"), ("ska", "ski"), ("cka", "cki"))
_OVA = ("ová", "ova")


def surname_base(word: str) -> str:
    """'kowalska' -> 'kowalski', 'malinovská' -> 'malinovský'; any other word unchanged."""
    for feminine, masculine in _FEMININE_SURNAME:
        if word.endswith(feminine) and len(word) > len(feminine) + 2:
            return word[: -len(feminine)] + masculine
    return word


def person_key(name: str) -> str:
    """The entity key of a person's name (already lower case, without title), word by word."""
    return " ".join(surname_base(w) for w in name.split(" "))


@cache
def familiar_to_full() -> dict[str, tuple[str, ...]]:
    """Familiar form -> the full first names it can stand for (lower case)."""
    from pipeline.anonymise.context import name_forms

    table: dict[str, list[str]] = {}
    for full, forms in name_forms()["familiar"].items():  # type: ignore[union-attr]
        for form in forms:
            table.setdefault(form.casefold(), []).append(full.casefold())
    return {form: tuple(fulls) for form, fulls in table.items()}


@cache
def full_to_familiar() -> dict[str, tuple[str, ...]]:
    from pipeline.anonymise.context import name_forms

    return {full.casefold(): tuple(f.casefold() for f in forms)
            for full, forms in name_forms()["familiar"].items()}  # type: ignore[union-attr]


def _word_alternatives(word: str) -> list[str]:
    alternatives: list[str] = []
    for ending in _OVA:
        if word.endswith(ending) and len(word) > len(ending) + 2:
            stem = word[: -len(ending)]
            alternatives += [stem, stem + "a"]
    alternatives += list(familiar_to_full().get(word, ()))
    return alternatives


def tie_name_forms(entities: Iterable[str]) -> dict[str, str]:
    """entity -> the entity it joins, for the PERSON entities of one transcript ("PERSON:tomek" ->
    "PERSON:tomasz" when both occur; "PERSON:anna nováková" -> "PERSON:anna novák")."""
    present = {e for e in entities if e.startswith("PERSON:")}
    names = {e.removeprefix("PERSON:"): e for e in present if not e.startswith("PERSON:speaker:")}
    ties: dict[str, str] = {}
    for name, entity in names.items():
        words = name.split(" ")
        for k, word in enumerate(words):
            for alternative in _word_alternatives(word):
                candidate = " ".join([*words[:k], alternative, *words[k + 1 :]])
                if candidate != name and candidate in names:
                    ties[entity] = names[candidate]
                    break
            if entity in ties:
                break
    # A chain (tomek -> tomasz -> ...) ends at its last entity.
    for entity in list(ties):
        seen = {entity}
        target = ties[entity]
        while target in ties and target not in seen:
            seen.add(target)
            target = ties[target]
        ties[entity] = target
    return ties
