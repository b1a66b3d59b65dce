"""Writes anonymisation-names-dev.jsonl: the tuning set of the context name rules (a dev set, not held out).

Lines in the voice of a quick typist or an automatic transcript: lower case, names next to cues,
names that are ordinary or calendar words, titles with initials, greetings and ordinary uses of
name words that must stay. [[...]] marks a PERSON. All names are invented combinations.
Run: python tests/data/make_anonymisation_names_dev.py
"""

import json
import re
from pathlib import Path

LINES = [
    "my cousin [[ardita]] said the same thing about the letters",
    "you should ask [[tomasz]], he deals with the landlord",
    "[[ilie]] told me the rent went up again",
    "My neighbour is called [[Jan]]. [[Jan]] said it was the boiler.",
    "My neighbour [[Precious]] came round with soup.",
    "[[Lily]] said no to the flat in the end.",
    "my neighbour [[Sunday]] helped us move the sofa",
    "Call [[Jan Kowalski]] at the office, he knows.",
    "[[Radek]], can you tell us a bit more?",
    "[[Nadia]], what happened then?",
    "thank you, [[nadia]].",
    "[[Mr T. Hargreaves]] wrote to us in March.",
    "The letter was signed [[Mrs P.]] and nothing else.",
    "[[J.D.]] from the housing team never called back.",
    "It came from [[Mr A.B. Nowak]] at the council.",
    "[[Lord Carrow]] opened the new centre.",
    "our caseworker [[olumide]] helped with the forms",
    "my husband [[dragan]] works nights at the depot",
    "her son is named [[will]], he is seven",
    "[[vesna]] asked if the interpreter was coming",
    "so i said to [[mrs haddad]] we cannot wait",
    "my daughter [[zuzana]] translates the letters for me",
    "the social worker [[kemal]] phoned twice",
    "hello [[bogdan]], thanks for coming",
    "my friend [[Mark]] said the same",
    "ask [[ferhat]] about the bus pass",
    "[[Tomek]] and [[Tomasz]] are the same boy, we just call him [[Tomek]]",
    "[[Nováková]] is her name now, it was [[Novák]] before",
    # Must stay: ordinary words, calendar words, greetings.
    "i will come in may if the bill came by then",
    "mark the form and bring it on sunday",
    "the sunday market is where we meet",
    "there is a grace period of two weeks",
    "Bună ziua, everyone, thank you for coming.",
    "Dobrý den. Dzień dobry. Salam. Selam.",
    "Retaliatory eviction is something we see a lot.",
    "my son will be there and my wife and i too",
    "the caseworker said no, she said it was too late",
    "we asked the council and they told us to wait",
    "I saw him on Sunday morning at the market.",
    "In May we moved, and then in June again.",
    "We flew to the U.K. at 5 p.m. on the Friday.",
    "Will you come to the next meeting?",
    "the landlord said we had to leave by friday",
]


def main() -> None:
    out = Path(__file__).with_name("anonymisation-names-dev.jsonl")
    with out.open("w", encoding="utf-8") as handle:
        for k, marked in enumerate(LINES, 1):
            text, spans, offset = "", [], 0
            for part in re.split(r"(\[\[.*?\]\])", marked):
                if part.startswith("[["):
                    name = part[2:-2]
                    spans.append({"start": len(text), "end": len(text) + len(name), "label": "PERSON"})
                    text += name
                else:
                    text += part
            record = {"id": f"names-dev-{k:03d}", "text": text, "spans": spans}
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
