"""Generate a fictional consultation corpus for benchmarks: N transcripts of about M words each.

Deterministic from a seed. Transcripts rotate through every supported format
(txt, md, docx, vtt, srt), have facilitators, interpreters, community members
and providers, and carry planted fictional identifiers (names, addresses,
postcodes, Ofcom drama-range phone numbers, example.org emails) so the
anonymiser has real work to do. The text is built from a phrase grammar with
thousands of combinations, because repetitive text flatters the tokenizer.

    python benchmarks/generate_corpus.py --transcripts 100 --words 10000 --out /tmp/corpus

With --real-shapes it writes the shapes real corpora have and our examples lack
(committee-hearing style): hundreds of speakers with punctuation-heavy labels
("Hon. Zoë O'Neil-Dubois (St. Albans—Lower Ferry, Harbour Party)", "Mr. Ødegård"),
label lines with no words, sites, group types and dates left blank in
metadata.csv, one site per country, and a speakers.csv with no attribute
columns. Names come from Faker; ridings and parties are invented.

    python benchmarks/generate_corpus.py --real-shapes -n 3 -m 1500 --out /tmp/corpus-real
"""

from __future__ import annotations

import csv
import random
from dataclasses import dataclass
from pathlib import Path

import click

FORMATS = ("txt", "vtt", "docx", "srt", "md")
SITES = ("Ashby Vale", "Kingsmere", "Hollins Cross", "Marlow Heath", "Fenbridge", "Oakley Moor", "Carrow End")
GROUP_TYPES = ("community focus group", "open dialogue", "provider workshop")
NAME_LOCALES = ("en_GB", "ro_RO", "sk_SK", "cs_CZ", "hu_HU", "pl_PL", "tr_TR")
STREET_KINDS = ("Road", "Street", "Close", "Avenue", "Lane", "Court", "Way", "Terrace", "Gardens")

OPENERS = (
    "I think", "To be honest", "Honestly", "For me", "The thing is", "What I see is", "In my experience",
    "She says that", "He is saying", "From our side", "I mean", "Last year", "Since we came here",
    "When we moved", "Every winter", "My neighbour says", "In our street", "At the school", "At the GP",
    "With the council", "Before", "Now", "Sometimes", "Most of the time", "Really", "You know",
)
SUBJECTS = {
    "housing": ("the landlord", "the damp in the bedroom", "the black mould", "the rent", "the deposit",
                "the boiler", "the repairs", "the housing officer", "the tenancy", "the eviction notice",
                "the overcrowding", "the kitchen ceiling", "the letting agent", "the housing association"),
    "language": ("the ESOL class", "the English course", "the waiting list for English", "the interpreter",
                 "the phone interpreter", "the letters in English", "my daughter translating", "the forms",
                 "the college", "the language line", "the evening class"),
    "discrimination": ("the abuse in the street", "what people shout at us", "the racism", "the way they look at us",
                       "the hate crime report", "being called a Gypsy", "the graffiti", "how staff treat Roma families",
                       "the comments at the shop"),
    "trust": ("children's services", "the social worker", "the police", "the school", "the GP receptionist",
              "the council", "the health visitor", "the safeguarding meeting", "the Jobcentre", "Citizens Advice"),
    "work": ("the agency", "the factory shifts", "the zero-hours contract", "the warehouse job", "the car wash",
             "the cleaning work", "the wages", "the payslips", "the night shift"),
    "status": ("the settled status", "the pre-settled status", "the Home Office letter", "the share code",
               "the EU Settlement Scheme", "the biometric card", "the visa"),
    "transport": ("the bus", "the number 42", "the bus fare", "the last bus", "the day ticket", "the bus stop",
                  "the timetable", "the taxi", "the school bus pass", "the train to town"),
}
VERBS = (
    "is a big problem for us", "makes everything harder", "was never explained properly", "changed after the summer",
    "costs too much for a family", "is not working for the children", "takes months and months",
    "frightens a lot of mothers", "nobody listens to", "we complained about twice", "is better than before",
    "is worse since the cuts", "depends on who you speak to", "is the first thing people mention",
    "is why many families stay quiet", "gave us a letter we could not read", "is something we talk about every week",
    "stopped last March", "was promised but never came", "keeps coming back", "makes us feel like outsiders",
)
TAILS = (
    "", "", "", " and nobody came back to us", " so we stopped asking", " because of the money", " for the kids mostly",
    " even after we phoned them", " and that is the truth", " which is not fair", " when it rains", " in the winter",
    " since the new manager", " before the school holidays", " and my husband works nights", " for the whole street",
)
SHORT_TURNS = ("Yes.", "Mm.", "Okay.", "Yeah, yeah.", "Right.", "No.", "Exactly.", "Thank you.", "Sorry, go on.")
FACILITATOR_PROMPTS = (
    "Can you say a bit more about that?", "How does that affect your family?", "Has anyone else had this?",
    "What would make it better?", "Who did you go to for help?", "Let's come back to housing for a moment.",
    "Could the interpreter ask the group what they think?", "Thank you, that's really helpful.",
)


@dataclass(frozen=True)
class Speaker:
    label: str
    role: str
    person_id: str
    gender: str
    age_band: str


def _faker(locale: str, seed: int):
    from faker import Faker

    fake = Faker(locale)
    fake.seed_instance(seed)
    return fake


class IdentifierFactory:
    """Invents fictional identifiers and remembers them so the benchmark can check recall."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.fakers = [_faker(loc, rng.randrange(10**6)) for loc in NAME_LOCALES]
        self.planted: list[tuple[str, str]] = []
        self.everyday_words = sorted(set(_faker("en_US", 0).get_words_list()))

    def person(self) -> tuple[str, str]:
        fake = self.rng.choice(self.fakers)
        return fake.first_name(), fake.last_name()

    def mention(self) -> str:
        kind = self.rng.random()
        if kind < 0.45:
            first, last = self.person()
            text = self.rng.choice((f"my neighbour {first}", f"Mrs {last}", f"{first} {last}", f"a man called {first}"))
            self.planted.append(("PERSON", first if "Mrs" not in text else last))
        elif kind < 0.6:
            _, last = self.person()
            text = f"{self.rng.randint(1, 120)} {last.title()} {self.rng.choice(STREET_KINDS)}"
            self.planted.append(("ADDRESS", text))
        elif kind < 0.72:
            area = "".join(self.rng.choice("ABCDEFGHKLMNPRSTW") for _ in range(2))
            text = f"{area}{self.rng.randint(1, 19)} {self.rng.randint(1, 9)}{self.rng.choice('ABDEFGHJLNPQRSTUWXYZ')}{self.rng.choice('ABDEFGHJLNPQRSTUWXYZ')}"
            self.planted.append(("POSTCODE", text))
        elif kind < 0.86:
            text = self.rng.choice(("07700 900", "0113 496 0", "020 7946 0")) + f"{self.rng.randint(0, 999):03d}"
            self.planted.append(("PHONE", text))
        else:
            first, last = self.person()
            text = f"{_ascii(first).lower()}.{_ascii(last).lower()}@example.org"
            self.planted.append(("EMAIL", text))
        return text


def _ascii(text: str) -> str:
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFKD", text) if c.isascii() and c.isalnum())


def make_speakers(rng: random.Random, ids: IdentifierFactory, transcript_id: str) -> list[Speaker]:
    speakers = []
    counts = {"facilitator": 1, "interpreter": rng.randint(0, 1), "community": rng.randint(3, 7), "provider": rng.randint(0, 4)}
    for role, n in counts.items():
        for _ in range(n):
            first, last = ids.person()
            ids.planted.append(("PERSON", first))
            ids.planted.append(("PERSON", last))
            speakers.append(Speaker(f"{first} {last}", role, f"{transcript_id}-{len(speakers) + 1}",
                                    rng.choice(("female", "male")), rng.choice(("18-24", "25-34", "35-44", "45-54", "55+"))))
    return speakers


def make_sentence(rng: random.Random, ids: IdentifierFactory) -> str:
    subject = rng.choice(SUBJECTS[rng.choice(tuple(SUBJECTS))])
    sentence = f"{rng.choice(OPENERS)}, {subject} {rng.choice(VERBS)}{rng.choice(TAILS)}"
    if rng.random() < 0.35:
        # Everyday English words widen the vocabulary the way real talk does.
        sentence += ", " + " ".join(rng.choices(ids.everyday_words, k=rng.randint(3, 8)))
    if rng.random() < 0.08:
        sentence += f", ask {ids.mention()}"
    return sentence + rng.choice((".", ".", ".", "?", "!"))


def make_turns(rng: random.Random, ids: IdentifierFactory, speakers: list[Speaker], words: int) -> list[tuple[Speaker, str]]:
    facilitator = [s for s in speakers if s.role == "facilitator"]
    others = [s for s in speakers if s.role != "facilitator"]
    turns: list[tuple[Speaker, str]] = []
    total = 0
    previous = None
    while total < words:
        if previous is not None and previous.role != "facilitator" and rng.random() < 0.2:
            speaker, text = facilitator[0], rng.choice(FACILITATOR_PROMPTS)
        else:
            speaker = rng.choice([s for s in others if s != previous] or others)
            text = rng.choice(SHORT_TURNS) if rng.random() < 0.12 else " ".join(
                make_sentence(rng, ids) for _ in range(rng.randint(1, 6)))
        turns.append((speaker, text))
        total += len(text.split())
        previous = speaker
    return turns


def _clock(seconds: float, sep: str = ".") -> str:
    whole = int(seconds)
    return f"{whole // 3600:02d}:{whole // 60 % 60:02d}:{whole % 60:02d}{sep}{int(seconds * 1000) % 1000:03d}"


def write_transcript(path: Path, fmt: str, turns: list[tuple[Speaker, str]]) -> None:
    """Write turns in one of the supported formats, with timings where the format has them."""
    clock = 0.0
    timed = []
    for speaker, text in turns:
        length = max(1.5, len(text.split()) / 2.5)
        timed.append((speaker, text, clock, clock + length))
        clock += length + 0.4
    if fmt == "txt":
        path.write_text("".join(f"[{_clock(a)[:8]}] {s.label}: {t}\n" for s, t, a, _ in timed), encoding="utf-8")
    elif fmt == "md":
        path.write_text("# Consultation session\n\n" + "".join(f"**{s.label}:** {t}\n\n" for s, t, _, _ in timed), encoding="utf-8")
    elif fmt == "vtt":
        cues = "".join(f"{i}\n{_clock(a)} --> {_clock(b)}\n<v {s.label}>{t}</v>\n\n" for i, (s, t, a, b) in enumerate(timed, 1))
        path.write_text("WEBVTT\n\n" + cues, encoding="utf-8")
    elif fmt == "srt":
        cues = "".join(f"{i}\n{_clock(a, ',')} --> {_clock(b, ',')}\n{s.label}: {t}\n\n" for i, (s, t, a, b) in enumerate(timed, 1))
        path.write_text(cues, encoding="utf-8")
    elif fmt == "docx":
        import docx

        document = docx.Document()
        for speaker, text, _, _ in timed:
            paragraph = document.add_paragraph()
            paragraph.add_run(f"{speaker.label}:").bold = True
            paragraph.add_run(f" {text}")
        document.save(str(path))
    else:
        raise ValueError(f"unknown format {fmt}")


def generate_corpus(out: Path, transcripts: int, words: int, seed: int = 1, formats: tuple[str, ...] = FORMATS) -> list[str]:
    """Write transcripts + metadata.csv + speakers.csv + planted_identifiers.csv into `out`; return the ids."""
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    ids = IdentifierFactory(rng)
    metadata, speaker_rows, planted = [], [], []
    transcript_ids = []
    for n in range(transcripts):
        transcript_id = f"session-{n + 1:04d}"
        site = SITES[n % len(SITES)]
        fmt = formats[n % len(formats)]
        before = len(ids.planted)
        speakers = make_speakers(rng, ids, transcript_id)
        turns = make_turns(rng, ids, speakers, words)
        write_transcript(out / f"{transcript_id}.{fmt}", fmt, turns)
        metadata.append((transcript_id, site, f"2026-{1 + n % 12:02d}-{1 + n % 28:02d}", GROUP_TYPES[n % len(GROUP_TYPES)]))
        speaker_rows += [(transcript_id, s.label, s.role, s.person_id, s.gender, s.age_band) for s in speakers]
        planted += [(transcript_id, category, term) for category, term in ids.planted[before:]]
        transcript_ids.append(transcript_id)
    _write_csv(out / "metadata.csv", ("transcript_id", "site", "date", "group_type"), metadata)
    _write_csv(out / "speakers.csv", ("transcript_id", "speaker", "role", "person_id", "gender", "age_band"), speaker_rows)
    _write_csv(out.parent / f"{out.name}-planted_identifiers.csv", ("transcript_id", "category", "term"), planted)
    return transcript_ids


# --- real-corpus shapes ---------------------------------------------------------------------------

COUNTRIES = ("Norvania", "Estmark", "Caldora", "Vellmoor")  # invented; one site per country
RIDINGS = (
    "St. Albans—Lower Ferry", "Côte-Sainte-Lucie", "Brook's End", "Nether Wick–Hallam", "Île-aux-Pins",
    "Fenwick, Dale and Moor", "Łąka Wielka", "O'Dwyer Flats", "Mount Pélérin—Rivière-Noire",
)
PARTIES = ("Harbour Party", "Lib.", "Independent", "Green Coalition", "N.D.P.", "Party of the Commons")
TITLES = ("Mr.", "Ms.", "Mrs.", "Dr.", "Hon.")


def real_shape_label(rng: random.Random, ids: IdentifierFactory, n: int) -> str:
    """A committee-transcript label: titles, dots, parentheses, commas, apostrophes, hyphens, non-ASCII."""
    first, last = ids.person()
    last = rng.choice((last, f"{last}-{ids.person()[1]}", f"O'{last}", f"D'{last}", last))
    kind = n % 5
    if kind == 0:
        return f"Hon. {first} {last} ({rng.choice(RIDINGS)}, {rng.choice(PARTIES)})"
    if kind == 1:
        return f"{rng.choice(TITLES[:4])} {last}"
    if kind == 2:
        return f"{rng.choice(TITLES)} {first} {last} ({rng.choice(RIDINGS)}, {rng.choice(PARTIES)})"
    if kind == 3:
        return f"{rng.choice(TITLES[:4])} {first[0]}. {last}"
    return f"{rng.choice(TITLES[:4])} {first} {last}"


def generate_real_shapes(out: Path, transcripts: int, words: int, seed: int = 1,
                         speakers_per_transcript: int = 100) -> list[str]:
    """Like generate_corpus, in the shapes of a real corpus (see the module docstring); plain-text transcripts."""
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    ids = IdentifierFactory(rng)
    metadata, speaker_rows, transcript_ids = [], [], []
    for n in range(transcripts):
        transcript_id = f"hearing-{n + 1:03d}"
        chair = Speaker(f"The Chair ({rng.choice(TITLES[:3])} {ids.person()[1]})", "facilitator", "", "", "")
        labels: dict[str, Speaker] = {}
        while len(labels) < speakers_per_transcript:
            label = real_shape_label(rng, ids, len(labels))
            # Members of the committee and witnesses; a hearing has no "community" role, so every
            # community share is missing (not zero).
            role = "provider" if label.startswith("Hon.") or "(" in label else "other"
            labels.setdefault(label, Speaker(label, role, "", "", ""))
        people = list(labels.values())
        lines = []
        total = 0
        for i, speaker in enumerate(people):  # everyone speaks at least once: hundreds of speakers
            if i % 7 == 0:
                lines.append(f"{chair.label}: {rng.choice(FACILITATOR_PROMPTS)}")
            if i % 11 == 5:  # a label with no words (interrupted, or inaudible), between two other speakers
                lines.append(f"{people[(i + 3) % len(people)].label}:")
            text = rng.choice(SHORT_TURNS) if i % 9 == 4 else make_sentence(rng, ids)
            lines.append(f"{speaker.label}: {text}")
            total += len(text.split())
        while total < words:
            text = make_sentence(rng, ids)
            lines.append(f"{rng.choice(people).label}: {text}")
            total += len(text.split())
        (out / f"{transcript_id}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
        site = "" if n % 3 == 1 else COUNTRIES[n % len(COUNTRIES)]
        date = "" if n % 3 == 2 else f"2026-{1 + n % 12:02d}-{1 + n % 28:02d}"
        group_type = "" if n % 3 == 0 else GROUP_TYPES[n % len(GROUP_TYPES)]
        metadata.append((transcript_id, site, date, group_type))
        speaker_rows += [(transcript_id, s.label, s.role) for s in [chair, *people]]
        transcript_ids.append(transcript_id)
    _write_csv(out / "metadata.csv", ("transcript_id", "site", "date", "group_type"), metadata)
    _write_csv(out / "speakers.csv", ("transcript_id", "speaker", "role"), speaker_rows)
    return transcript_ids


def _write_csv(path: Path, header: tuple[str, ...], rows: list[tuple]) -> None:
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


@click.command()
@click.option("--transcripts", "-n", type=int, default=10, show_default=True, help="How many transcripts.")
@click.option("--words", "-m", type=int, default=10_000, show_default=True, help="About how many words each.")
@click.option("--seed", type=int, default=1, show_default=True)
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), required=True, help="Folder to write into.")
@click.option("--real-shapes", is_flag=True, help="Committee-hearing shapes: hundreds of punctuation-heavy speaker "
              "labels, empty turns, blank sites, group types and dates, no speaker attributes (see above).")
@click.option("--speakers", type=int, default=100, show_default=True, help="With --real-shapes: speakers per transcript.")
def main(transcripts: int, words: int, seed: int, out: Path, real_shapes: bool, speakers: int) -> None:
    """Generate a fictional corpus (planted identifiers listed beside the folder, never inside it).

    \b
    Example:
      python benchmarks/generate_corpus.py -n 100 -m 10000 --out /tmp/corpus-100
      python benchmarks/generate_corpus.py --real-shapes -n 3 -m 1500 --out /tmp/corpus-real
    """
    if real_shapes:
        made = generate_real_shapes(out, transcripts, words, seed, speakers)
    else:
        made = generate_corpus(out, transcripts, words, seed)
    click.echo(f"wrote {len(made)} transcripts to {out}")


if __name__ == "__main__":
    main()
