"""Break down what the detector leaves on the two frozen anonymisation sets, by class of identifier.

For each class (lower-case names, names that are ordinary words, vocatives, titles and initials,
codes, multi-word places, ...) it prints how many annotated identifiers fall in it, how many are
not fully masked, and the token recall inside the class. An identifier can be in several classes.
It only reads the sets and runs the detector; it changes nothing.

Run from the project folder:
    python tests/data/score_frozen_sets_by_class.py [--settings '{"ner": "offline"}']
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

DATA = Path(__file__).parent
sys.path.insert(0, str(DATA))
sys.path.insert(0, str(DATA.parent.parent))

import make_anonymisation_asr_interpreted as asr  # noqa: E402
import make_anonymisation_strict_letters as strict  # noqa: E402

HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "lord", "lady", "sir", "cllr", "pc", "dc", "pastor", "sister",
              "pan", "pani", "paní", "kak", "abu", "umm", "mx"}
INITIAL = re.compile(r"(?:[A-Za-z]\.)+|[A-Za-z]|[A-Z]{2,3}")  # "A.B.", "m", "JP"
WORD = re.compile(r"\w+")


def classes(text: str, span: dict, vocative: bool) -> list[str]:
    piece, label = text[span["start"] : span["end"]], span["label"]
    words = piece.split()
    out = []
    if label == "PERSON":
        out.append("names, lower case" if piece == piece.lower() else "names, capitalised")
        if any(w.lower().strip(".'") in asr.ORDINARY_WORD_NAMES for w in words):
            out.append("names that are ordinary words")
        if vocative:
            out.append("vocatives and turn openings")
        if words[0].lower().strip(".") in HONORIFICS or any(INITIAL.fullmatch(w.rstrip(",")) for w in words):
            out.append("titles and initials")
    elif label == "ID_NUMBER":
        out.append("codes (ID_NUMBER)")
    elif label == "PLACE":
        out.append("places, multi-word" if len(words) > 1 else "places, one word")
    else:
        out.append(f"other: {label}")
    return out


def table(passages: list[dict], finder) -> list[tuple[str, int, int, float]]:
    counts: dict[str, list[int]] = {}
    for p in passages:
        text = p["text"]
        masked = bytearray(len(text))
        for s in finder.find(text):
            masked[s.start : s.end] = b"\x01" * (s.end - s.start)
        for i, span in enumerate(p["spans"]):
            tokens = [m.span() for m in WORD.finditer(text, span["start"], span["end"])]
            caught = sum(any(masked[a:b]) for a, b in tokens)
            full = all(masked[span["start"] : span["end"]])
            for name in ["(all identifiers)", *classes(text, span, i in p.get("vocatives", []))]:
                row = counts.setdefault(name, [0, 0, 0, 0])
                row[0] += 1
                row[1] += not full
                row[2] += len(tokens)
                row[3] += caught
    return [(name, n, missed, caught / tokens if tokens else float("nan"))
            for name, (n, missed, tokens, caught) in sorted(counts.items())]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--settings", default='{"ner": "offline"}', help="the 'anonymise' settings as JSON")
    args = parser.parse_args()
    from pipeline.anonymise.detect import build_finder
    from pipeline.workflow import parse_settings

    finder = build_finder(parse_settings(args.settings, "anonymise"))
    for title, passages in (("anonymisation-asr-interpreted", asr.passages()),
                            ("anonymisation-strict-letters", strict.passages())):
        print(f"\n{title} ({json.loads(args.settings)})")
        print(f"{'class':<32} {'identifiers':>11} {'not fully masked':>16} {'share':>6} {'token recall':>12}")
        for name, n, missed, recall in table(passages, finder):
            print(f"{name:<32} {n:>11} {missed:>16} {missed / n:>6.3f} {recall:>12.3f}")


if __name__ == "__main__":
    main()
