"""Topics against the codebook: which themes each topic's turns carry, and which topics are new.

A topic whose turns mostly carry no counted code is an emergent theme: the
codebook has no place for it yet. Each gets a ready-to-paste code stub.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from pipeline.errors import CodebookError

UNCODED = "uncoded"


def read_codebook_themes(path: str | Path) -> list[dict[str, Any]]:
    """The top-level themes of a codebook (id, label, terms as words), read leniently: it was validated at the door."""
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as e:
        raise CodebookError([f"cannot read the codebook ({e}); expected a YAML file with a 'themes' list"],
                            path=path) from e
    themes = data.get("themes", []) if isinstance(data, dict) else []
    return [{"id": str(t.get("id")), "label": str(t.get("label", t.get("id"))), "terms": _term_words(t.get("terms"))}
            for t in themes if isinstance(t, dict) and t.get("id")]


def _term_words(terms: Any) -> list[str]:
    """Plain words and phrases from a theme's terms, whatever shape they take (list or lemmas/phrases map)."""
    found: list[str] = []
    if isinstance(terms, str):
        found.append(terms)
    elif isinstance(terms, list):
        for item in terms:
            found += _term_words(item)
    elif isinstance(terms, dict):
        for key in ("lemma", "phrase", "wildcard", "lemmas", "phrases", "terms", "words"):
            found += _term_words(terms.get(key))
    return [w.strip("*") for w in found if re.fullmatch(r"[\w' -]+\*?", w)]


def codebook_vocabulary(path: str | Path) -> set[str]:
    """Every word of every term of every code (sub-codes too), as comparable word keys."""
    return set().union(*theme_vocabularies(path).values())


def theme_vocabularies(path: str | Path) -> dict[str, set[str]]:
    """Per top-level theme id, every word of the terms of the theme and of its sub-codes, as word keys."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}

    def words_of(code: dict[str, Any]) -> set[str]:
        words = {word_key(w) for term in _term_words(code.get("terms")) for w in term.split()}
        for sub in code.get("codes") or []:
            if isinstance(sub, dict):
                words |= words_of(sub)
        return words

    themes = data.get("themes") if isinstance(data, dict) else None
    return {str(t["id"]): words_of(t) for t in themes or [] if isinstance(t, dict) and t.get("id")}


def word_key(word: str) -> str:
    """A crude singular, so "buses", "fares" and "families" meet "bus", "fare" and "family"."""
    word = word.lower().strip("*'")
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ses", "xes", "ches", "shes", "zes")) and len(word) > 4:
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


def codebook_term_count(terms: list[str], vocabulary: set[str]) -> int:
    """How many of a topic's terms share a word with the codebook's terms."""
    return sum(any(word_key(w) in vocabulary for w in term.split()) for term in terms)


def covering_term_count(terms: list[str], shares: dict[str, float], vocabularies: dict[str, set[str]],
                        min_share: float) -> int:
    """The most of a topic's terms that share a word with one theme's terms, among the themes coding at least
    `min_share` of its turns (0 when none does).

    Counting a theme's words only where that theme codes the topic keeps a stray phrase word from
    elsewhere in the codebook ("late" of "late application", "town" of "part of the town") from
    making bus talk look covered.
    """
    counts = [codebook_term_count(terms, vocabularies.get(theme, set()))
              for theme, share in shares.items() if share >= min_share]
    return max(counts, default=0)


def seed_topics(themes: list[dict[str, Any]]) -> list[list[str]]:
    """Guided topic modelling seeds: each theme's label words and terms."""
    seeds = []
    for theme in themes:
        words = re.findall(r"[a-z][a-z'-]+", theme["label"].lower()) + [t.lower() for t in theme["terms"]]
        if words:
            seeds.append(list(dict.fromkeys(words)))
    return seeds


def doc_themes(doc_turns: pd.DataFrame, coded: pd.DataFrame) -> pd.DataFrame:
    """One row per (doc, theme) where any turn of the document has a counted code of that theme."""
    if coded.empty:
        return pd.DataFrame(columns=["doc", "theme"])
    counted = coded[coded["counted"].astype(bool)] if "counted" in coded else coded
    keyed = counted[["transcript_id", "turn", "theme"]].astype({"transcript_id": str, "turn": "int64"})
    merged = doc_turns[["transcript_id", "turn", "doc"]].merge(keyed, on=["transcript_id", "turn"])
    return merged[["doc", "theme"]].drop_duplicates()


def topic_by_theme(doc_topics: pd.DataFrame, themes_of_docs: pd.DataFrame, theme_ids: list[str],
                   labels: dict[int, str]) -> pd.DataFrame:
    """Share of each topic's documents coded with each theme, plus the share coded with none."""
    sizes = doc_topics.groupby("topic").size()
    joined = doc_topics.merge(themes_of_docs, on="doc")
    counts = joined.groupby(["topic", "theme"]).size().unstack(fill_value=0) if not joined.empty else pd.DataFrame()
    ordered = list(theme_ids) + sorted(set(counts.columns) - set(theme_ids))
    table = pd.DataFrame({"topic": sizes.index.astype("int64")})
    table["label"] = [labels.get(int(t), "") for t in table["topic"]]
    table["size"] = sizes.to_numpy()
    for theme in ordered:
        hits = counts[theme].reindex(sizes.index, fill_value=0).to_numpy() if theme in counts else 0
        table[theme] = (hits / table["size"]).round(3)
    coded_docs = joined.groupby("topic")["doc"].nunique().reindex(sizes.index, fill_value=0).to_numpy()
    table[UNCODED] = (1 - coded_docs / table["size"]).round(3)
    return table


def candidate_code(topic: int, label_words: list[str], terms: list[str], quotes: list[str],
                   existing_ids: set[str]) -> dict[str, Any]:
    """A draft code for an emergent topic, shaped like a codebook theme."""
    base = "-".join(["emergent"] + [re.sub(r"[^a-z0-9]+", "-", t.lower()).strip("-") for t in label_words[:2]])
    code_id = base if base not in existing_ids else f"{base}-{topic}"
    # The corpus's own words, not capitalised: "Day ticket" would read as the surname Day to the leak gate.
    label = ", ".join(label_words) if label_words else f"Topic {topic}"
    return {
        "id": code_id,
        "label": label,
        "definition": (f"Draft: turns about {', '.join(terms[:5])}, raised by participants but not covered "
                       f"by any theme of the codebook (topic {topic}). Rewrite this definition before use."),
        "terms": list(terms),
        "examples": list(quotes),
    }


def candidate_codes_yaml(stubs: list[dict[str, Any]], header: str) -> str:
    comment = "".join(f"# {line}\n" if line else "#\n" for line in header.splitlines())
    if not stubs:
        return comment + "themes: []\n"
    body = yaml.safe_dump({"themes": stubs}, sort_keys=False, allow_unicode=True, width=100)
    return comment + body
