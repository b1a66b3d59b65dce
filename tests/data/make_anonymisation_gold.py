"""Write tests/data/anonymisation-gold.jsonl: fictional dialogue lines with annotated identifiers.

Written before the detector, and not changed to suit it. Every name, street,
phone number and address is invented for this project (phones from Ofcom's
drama ranges, emails at example.org/example.com, NI numbers with the QQ
prefix). Names are typed here from many origins, not drawn from any package
the detector reads, so the evaluation measures how well it generalises.

Run from the project folder:  python tests/data/make_anonymisation_gold.py
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

OUT = Path(__file__).with_name("anonymisation-gold.jsonl")
IDENTIFIERS = Path(__file__).with_name("anonymisation-gold.identifiers.csv")

FIRST = [
    # Roma / Romanian / Slovak / Czech / Hungarian / Polish / Bulgarian / Ukrainian
    "Mirela", "Florin", "Ionela", "Costel", "Lacramioara", "Dorin", "Marius", "Nicoleta", "Gheorghe", "Viorica",
    "Zdenka", "Miroslav", "Jarmila", "Ladislav", "Radka", "Milan", "Eszter", "Zsolt", "Ildiko", "Gabor",
    "Agnieszka", "Krzysztof", "Wojciech", "Malgorzata", "Stoyan", "Radostina", "Petya", "Yordan", "Oksana",
    "Taras", "Bohdana", "Mykola",
    # Arabic / Persian / Dari / Pashto / Kurdish / Tigrinya / Somali
    "Ahmad", "Fatima", "Yousef", "Samira", "Khalid", "Rania", "Omar", "Layla", "Farhad", "Shirin",
    "Mahnaz", "Behrouz", "Zarghona", "Habibullah", "Wahida", "Nawroz", "Rezan", "Dilan", "Shwan", "Hevin",
    "Tesfay", "Semhar", "Yonas", "Mehari", "Abrehet", "Filmon", "Hodan", "Abdirahman", "Faduma",
    # English / Irish / Scottish / Caribbean / West African
    "Helen", "Gary", "Sharon", "Declan", "Siobhan", "Callum", "Kerry", "Dwayne", "Marcia", "Chidi",
    "Ngozi", "Kwame", "Abena",
]

SURNAME = [
    "Popescu", "Lingurar", "Caldararu", "Stanciu", "Dumitrescu", "Balog", "Horvathova", "Gunar", "Kovacova",
    "Lakatos", "Orsos", "Nowicka", "Wisniewski", "Grabowski", "Stoyanova", "Petkov", "Kovalenko", "Hrytsenko",
    "Haidari", "Rahimi", "Noorzai", "Karimi", "Barzani", "Zebari", "Hawrami", "Tesfamariam", "Ghebremedhin",
    "Woldu", "Haile", "Abdullahi", "Warsame", "Farah", "Al-Hassan", "El-Masri", "Qureshi", "Mahmoud",
    "Marsh", "Whitfield", "Pickering", "Donnelly", "McAllister", "Okafor", "Mensah", "Boateng", "Thwaite",
]

RELATION = ["son", "daughter", "husband", "wife", "neighbour", "cousin", "brother", "sister", "nephew", "auntie"]
TITLES = ["Mr", "Mrs", "Ms", "Miss", "Dr"]

STREETS = ["Elm Road", "Park Close", "Tanner Street", "Beckside Lane", "Gorse Avenue", "Millbank Court",
           "Foundry Way", "Larch Grove", "Shepherd Street", "Holly Bank Road"]
ESTATES = ["Greystone Estate", "Marlpit Estate", "Lowfield Estate"]
UK_PLACES = ["Rotherham", "Wakefield", "Peterborough", "Sheffield", "Derby", "Bradford", "Leicester",
             "Stoke-on-Trent", "Middlesbrough", "Huddersfield", "Doncaster", "Coventry"]
ABROAD = ["Kosice", "Presov", "Craiova", "Targu Jiu", "Miskolc", "Plovdiv", "Kharkiv", "Herat", "Sulaymaniyah",
          "Asmara", "Mazar-i-Sharif", "Aleppo"]
SCHOOLS = ["Westfield Primary", "St Anne's Catholic Primary", "Brookdale Academy", "Hillcrest Infants"]
EMPLOYERS = ["Harrowgate Foods", "Northline Packaging", "Crestway Logistics", "Dales Poultry"]
# Small places a researcher lists in identifiers.csv because they are too small to be in any gazetteer.
VILLAGES = ["Little Swaleby", "Cotterdyke", "Upper Fennick"]

KEEP_SITES = ["Ashby Vale", "Kingsmere", "Hollins Cross"]
SERVICES = ["the council", "Jobcentre Plus", "the NHS", "Citizens Advice", "the police", "children's services",
            "the housing association", "the GP", "the Home Office", "social services", "the school nurse",
            "the food bank", "Universal Credit", "the Roma Support Group"]
MONTHS = ["January", "March", "June", "September", "December"]
DAYS = ["Monday", "Wednesday", "Friday", "Saturday"]

PHONES = ["07700 900123", "07700-900456", "+44 7700 900789", "0113 496 0321", "(0113) 496 0777", "020 7946 0512",
          "+44 20 7946 0999", "07700900318", "0113-496-0654"]
POSTCODES = ["LS9 8QT", "S60 2AB", "WF1 3NX", "DN4 5PZ", "M14 7HE", "PE1 2LS", "B10 0AA", "EC1A 1BB", "ls11 5tq",
             "S602XY", "W1A 0AX", "DE23 6RF"]


def nhs_number(rng: random.Random, spaced: bool) -> str:
    """A random 10-digit number whose last digit is the NHS mod-11 check digit."""
    while True:
        digits = [rng.randint(0, 9) for _ in range(9)]
        check = 11 - sum(d * w for d, w in zip(digits, range(10, 1, -1))) % 11
        if check == 11:
            check = 0
        if check != 10:
            text = "".join(map(str, digits + [check]))
            return f"{text[:3]} {text[3:6]} {text[6:]}" if spaced else text
NI = ["QQ 12 34 56 C", "QQ123456A", "QQ 65 43 21 B"]
DATES = ["3 March 2016", "03/03/2016", "March 3rd, 2016", "14 June 2019", "21/11/2008", "1st September 2012",
         "12.05.2015", "October 9, 2010"]
URLS = ["https://www.example.org/roma-family-support", "www.example.com/help", "http://example.org/ref?case=88"]


def _email(rng: random.Random, first: str, surname: str) -> str:
    clean = re.sub(r"[^a-z]", "", f"{first}.{surname}".lower().replace(".", "_"))
    return f"{clean[:6]}.{clean[-5:]}{rng.randint(1, 99)}@{rng.choice(['example.org', 'example.com'])}"


def _person(rng: random.Random) -> tuple[str, str]:
    return rng.choice(FIRST), rng.choice(SURNAME)


class Line:
    """Builds one text piece by piece so every span's offsets are exact."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.spans: list[dict] = []
        self.length = 0

    def say(self, text: str) -> "Line":
        self.parts.append(text)
        self.length += len(text)
        return self

    def mark(self, text: str, label: str) -> "Line":
        self.spans.append({"start": self.length, "end": self.length + len(text), "label": label})
        return self.say(text)

    def text(self) -> str:
        return "".join(self.parts)


def templates(rng: random.Random):
    """Each template fills one line; names and values drawn at random from the lists above."""

    def t_relation(line: Line) -> None:
        first, _ = _person(rng)
        line.say(f"My {rng.choice(RELATION)} ").mark(first, "PERSON").say(
            f" went to {rng.choice(SERVICES)} three times and nobody rang back.")

    def t_title(line: Line) -> None:
        _, surname = _person(rng)
        line.say("We saw ").mark(f"{rng.choice(TITLES)} {surname}", "PERSON").say(
            f" at {rng.choice(SERVICES)} and she was kind, honestly.")

    def t_full_name(line: Line) -> None:
        first, surname = _person(rng)
        line.say("The lady who helps us, ").mark(f"{first} {surname}", "PERSON").say(
            ", she translates the letters for everyone.")

    def t_start_name(line: Line) -> None:
        first, _ = _person(rng)
        line.mark(first, "PERSON").say(" told me the landlord will not fix the damp until the spring.")

    def t_called(line: Line) -> None:
        first, surname = _person(rng)
        line.say("There is a man called ").mark(first, "PERSON").say(", he collects rent for ").mark(
            f"Mr {surname}", "PERSON").say(".")

    def t_lives(line: Line) -> None:
        line.say("My sister lives in ").mark(rng.choice(UK_PLACES), "PLACE").say(
            " now, she moved because of the school.")

    def t_from(line: Line) -> None:
        line.say("We came from ").mark(rng.choice(ABROAD), "PLACE").say(" in ").say(
            rng.choice(["2014", "2019", "the summer", "winter"])).say(", first to ").mark(
            rng.choice(UK_PLACES), "PLACE").say(".")

    def t_street(line: Line) -> None:
        line.say("The flats on ").mark(rng.choice(STREETS), "ADDRESS").say(" have mould in every room.")

    def t_address(line: Line) -> None:
        number = rng.choice(["14", "22", "3", "108", "14a", "7B"])
        line.say("Send it to ").mark(f"{number} {rng.choice(STREETS)}", "ADDRESS").say(", ").mark(
            rng.choice(UK_PLACES), "PLACE").say(" ").mark(rng.choice(POSTCODES), "POSTCODE").say(", please.")

    def t_flat(line: Line) -> None:
        line.say("We are at ").mark(f"Flat {rng.randint(1, 12)}, {rng.randint(2, 90)} {rng.choice(STREETS)}",
                                    "ADDRESS").say(" since the eviction.")

    def t_estate(line: Line) -> None:
        line.say("On the ").mark(rng.choice(ESTATES), "ADDRESS").say(
            " people shout at our children, the police do nothing.")

    def t_phone(line: Line) -> None:
        first, _ = _person(rng)
        line.say("You can ring ").mark(first, "PERSON").say(" on ").mark(rng.choice(PHONES), "PHONE").say(
            " any time after four.")

    def t_email(line: Line) -> None:
        first, surname = _person(rng)
        line.say("Her email is ").mark(_email(rng, first, surname), "EMAIL").say(" but she never checks it.")

    def t_postcode(line: Line) -> None:
        line.say("Our postcode is ").mark(rng.choice(POSTCODES), "POSTCODE").say(
            " and the bus does not come there.")

    def t_nhs(line: Line) -> None:
        line.say("The receptionist asked for his NHS number, ").mark(nhs_number(rng, rng.random() < 0.6), "ID_NUMBER").say(
            ", and still said no.")

    def t_ni(line: Line) -> None:
        line.say("They lost my National Insurance number twice, it is ").mark(rng.choice(NI), "ID_NUMBER").say(".")

    def t_dob(line: Line) -> None:
        first, _ = _person(rng)
        line.mark(first, "PERSON").say(" was born on ").mark(rng.choice(DATES), "DATE").say(
            " so she should start school in September.")

    def t_date(line: Line) -> None:
        line.say("The hearing was on ").mark(rng.choice(DATES), "DATE").say(
            f", a {rng.choice(DAYS)}, and the interpreter never came.")

    def t_url(line: Line) -> None:
        line.say("They told us to fill the form at ").mark(rng.choice(URLS), "URL").say(" but we have no laptop.")

    def t_school(line: Line) -> None:
        first, _ = _person(rng)
        line.say("My daughter ").mark(first, "PERSON").say(" goes to ").mark(rng.choice(SCHOOLS), "ORG").say(
            " and the teachers are good.")

    def t_employer(line: Line) -> None:
        line.say("He works nights at ").mark(rng.choice(EMPLOYERS), "ORG").say(", twelve hours, no contract.")

    def t_village(line: Line) -> None:
        line.say("There is a caravan site near ").mark(rng.choice(VILLAGES), "PLACE").say(
            " where my cousins stay in winter.")

    def t_two_people(line: Line) -> None:
        a, b = rng.sample(FIRST, 2)
        line.say("Me and ").mark(a, "PERSON").say(" asked ").mark(b, "PERSON").say(
            " to come with us to the appointment.")

    def t_mention(line: Line) -> None:
        first, surname = _person(rng)
        line.say("I think ").mark(f"{first} {surname}", "PERSON").say(
            f" from {rng.choice(SERVICES)} understands us better than anyone.")

    def t_possessive(line: Line) -> None:
        first, _ = _person(rng)
        line.say("We stayed at ").mark(first, "PERSON").say("'s house for two months after the fire.")

    def t_named(line: Line) -> None:
        first, _ = _person(rng)
        line.say("The baby is named ").mark(first, "PERSON").say(" after her grandmother.")

    def t_interpreter(line: Line) -> None:
        first, _ = _person(rng)
        line.say("Can ").mark(first, "PERSON").say(" translate that for the others, please?")

    def t_facilitator(line: Line) -> None:
        first, _ = _person(rng)
        line.say("Thank you, ").mark(first, "PERSON").say(f". Does anyone want to add something about {rng.choice(SERVICES)}?")

    # Hard negatives: no identifiers at all, but capitals, services, sites, months and nationalities.
    def n_services(line: Line) -> None:
        line.say(f"When we went to {rng.choice(SERVICES)} in {rng.choice(MONTHS)} they sent us to "
                 f"{rng.choice(SERVICES)} instead.")

    def n_sites(line: Line) -> None:
        line.say(f"In {rng.choice(KEEP_SITES)} the Romanian families and the Slovak families use "
                 f"{rng.choice(SERVICES)} more than before.")

    def n_language(line: Line) -> None:
        line.say(rng.choice([
            "The letters come only in English, and my English is not good for letters.",
            "At the Jobcentre they said I need ESOL classes first, but the classes are full until Easter.",
            "On Friday the Council sent a man about the bins, and he was polite.",
            "Everybody speaks Romani at home, Romanian with neighbours, and English at school.",
            "Thank you all for coming. Shall we start with housing? What has the council done since March?",
            "I went to A&E on Sunday because the GP had no appointments until Thursday.",
            "The Kurdish and Arabic speakers had to share one interpreter, which was not fair.",
            "We pray at the mosque on Friday and after Ramadan there is a big meal for everyone.",
            "At Christmas the church gave food parcels, and the Salvation Army gave coats.",
            "Universal Credit stopped for six weeks and the Home Office letter said nothing useful.",
        ]))

    return [t_relation, t_title, t_full_name, t_start_name, t_called, t_lives, t_from, t_street, t_address,
            t_flat, t_estate, t_phone, t_email, t_postcode, t_nhs, t_ni, t_dob, t_date, t_url, t_school,
            t_employer, t_village, t_two_people, t_mention, t_possessive, t_named, t_interpreter, t_facilitator,
            n_services, n_sites, n_language, n_language]


def main() -> None:
    rng = random.Random(20261123)
    makers = templates(rng)
    records = []
    total = 0
    for index in range(400):
        line = Line()
        makers[index % len(makers)](line)
        records.append({"id": f"gold-{index + 1:03d}", "text": line.text(), "spans": line.spans})
        total += len(line.spans)
    with OUT.open("w", encoding="utf-8", newline="\n") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    # Terms a researcher would list because no gazetteer or name list knows them.
    rows = ["term,category,replacement"] + [f"{s},ORG," for s in SCHOOLS + EMPLOYERS] + [f"{v},PLACE," for v in VILLAGES]
    IDENTIFIERS.write_text("\n".join(rows) + "\n", encoding="utf-8")
    print(f"{len(records)} lines, {total} annotated identifiers -> {OUT.name}")


if __name__ == "__main__":
    main()
