"""Write tests/data/anonymisation-heldout.jsonl: a second, held-out annotated set.

The first set (make_anonymisation_gold.py) was written before the detector, but
the detector was then improved after looking at its misses there, so its
figures are no longer an independent measure. This set was written afterwards
with new sentence frames and new names, run once, and the detector was not
changed because of it; its figures are the honest ones. All names, streets and
numbers are invented (phones from Ofcom's drama ranges, emails at example.org).

Run from the project folder:  python tests/data/make_anonymisation_heldout.py
"""

from __future__ import annotations

import json
import random
from pathlib import Path

from make_anonymisation_gold import Line, nhs_number

OUT = Path(__file__).with_name("anonymisation-heldout.jsonl")

FIRST = [
    "Ramona", "Bogdan", "Sorin", "Luminita", "Valentin", "Denisa", "Rastislav", "Ivana", "Dusan", "Lenka",
    "Tibor", "Erzsebet", "Bartosz", "Katarzyna", "Hristo", "Desislava", "Nazar", "Olena", "Mustafa", "Nour",
    "Hamid", "Zainab", "Parisa", "Javad", "Karwan", "Sozan", "Aras", "Bahar", "Kidane", "Saba", "Merhawi",
    "Luwam", "Abdiwali", "Ayaan", "Tariq", "Shabnam", "Lorraine", "Wayne", "Bernadette", "Tunde", "Efua",
]
SURNAME = [
    "Ciobanu", "Rostas", "Mihai", "Tanase", "Oravcova", "Ferko", "Sarkozi", "Kowalczyk", "Zielinska", "Dimitrov",
    "Bondarenko", "Melnyk", "Sultani", "Ahmadzai", "Mohammadi", "Talabani", "Sherwani", "Gebreyesus", "Tekle",
    "Nur", "Jama", "Hussaini", "Al-Khatib", "Oyelaran", "Asante", "Brannigan", "Fairclough", "Hebblethwaite",
]
STREETS = ["Cobden Street", "Wellfield Terrace", "Aire View", "Nettle Close", "Brunswick Crescent", "Mafeking Road"]
TOWNS = ["Batley", "Scunthorpe", "Oldham", "Grimsby", "Walsall", "Mansfield", "Keighley", "Halifax"]
ABROAD = ["Ostrava", "Brasov", "Nyiregyhaza", "Lviv", "Kandahar", "Erbil", "Mekelle", "Hargeisa", "Kerman"]
SERVICES = ["the council", "the GP", "Citizens Advice", "the Jobcentre", "the police", "the housing officer"]


def frames(rng: random.Random):
    def name() -> str:
        return rng.choice(FIRST)

    def f_list(line: Line) -> None:
        a, b, c = rng.sample(FIRST, 3)
        line.say("It was ").mark(a, "PERSON").say(", ").mark(b, "PERSON").say(" and ").mark(c, "PERSON").say(
            " who went to the meeting, the rest of us were working.")

    def f_vocative(line: Line) -> None:
        line.say("Sorry, ").mark(name(), "PERSON").say(", can I just come in there?")

    def f_couple(line: Line) -> None:
        line.say("The family next door, ").mark(f"Mr and Mrs {rng.choice(SURNAME)}", "PERSON").say(
            ", they had the same letter.")

    def f_surname(line: Line) -> None:
        line.say("The officer, ").mark(rng.choice(SURNAME), "PERSON").say(" I think his name was, he did not listen.")

    def f_grand(line: Line) -> None:
        line.say("My grandson ").mark(f"{name()} {rng.choice(SURNAME)}", "PERSON").say(
            " has asthma and the flat makes it worse.")

    def f_said(line: Line) -> None:
        line.say("And then ").mark(name(), "PERSON").say(" said we should complain in writing.")

    def f_town(line: Line) -> None:
        line.say("They offered us a house in ").mark(rng.choice(TOWNS), "PLACE").say(
            ", but all our family is here.")

    def f_origin(line: Line) -> None:
        line.say("Back home in ").mark(rng.choice(ABROAD), "PLACE").say(" I was a nurse for nine years.")

    def f_street_no(line: Line) -> None:
        line.say("We moved to ").mark(f"{rng.randint(1, 140)} {rng.choice(STREETS)}", "ADDRESS").say(
            " last winter and the boiler is broken.")

    def f_street(line: Line) -> None:
        line.say("Kids play on ").mark(rng.choice(STREETS), "ADDRESS").say(" because there is no park.")

    def f_phone(line: Line) -> None:
        phone = rng.choice(["07700 900 111", "+447700900222", "07700-900-333", "0113 4960 444", "020 7946 0888"])
        line.say("Write my number, ").mark(phone, "PHONE").say(", and text me, don't ring.")

    def f_email(line: Line) -> None:
        user = rng.choice(["rostas.family", "k.melnyk77", "nour_h", "bogdan.c"])
        line.say("I sent it from ").mark(f"{user}@example.org", "EMAIL").say(" twice.")

    def f_postcode(line: Line) -> None:
        line.say("They said ").mark(rng.choice(["ls6 2qa", "BD5 9JP", "HU3 1AB", "NG7 2DF", "WS1 4QX"]), "POSTCODE").say(
            " is outside the area.")

    def f_dob(line: Line) -> None:
        date = rng.choice(["the 5th of May 2011", "5/5/2011", "22nd February 2019", "9 Nov 2014"])
        line.say("Her date of birth is ")
        if date.startswith("the "):
            line.say("the ").mark(date[4:], "DATE")
        else:
            line.mark(date, "DATE")
        line.say(", it is on every form.")

    def f_nhs(line: Line) -> None:
        line.say("His NHS number is ").mark(nhs_number(rng, True), "ID_NUMBER").say(" if you need it.")

    def f_ni(line: Line) -> None:
        line.say("National Insurance ").mark(rng.choice(["QQ 98 76 54 A", "QQ112233D"]), "ID_NUMBER").say(", yes.")

    def f_negative(line: Line) -> None:
        line.say(rng.choice([
            "The Slovak and Czech families go to the same church on Sunday.",
            "Without an interpreter the GP appointment is ten minutes of nothing.",
            "In August the council stopped the bus to the school.",
            "Honestly, Citizens Advice were the only ones who rang back.",
            "We speak Kurdish at home and the children answer in English.",
            "The police came on Tuesday, but only after three calls.",
            "Housing said the waiting list is two years, maybe more.",
            "Is it the Home Office or the council that decides this?",
        ]))

    return [f_list, f_vocative, f_couple, f_surname, f_grand, f_said, f_town, f_origin, f_street_no, f_street,
            f_phone, f_email, f_postcode, f_dob, f_nhs, f_ni, f_negative, f_negative]


def main() -> None:
    rng = random.Random(4242)
    makers = frames(rng)
    records, total = [], 0
    for index in range(180):
        line = Line()
        makers[index % len(makers)](line)
        records.append({"id": f"heldout-{index + 1:03d}", "text": line.text(), "spans": line.spans})
        total += len(line.spans)
    with OUT.open("w", encoding="utf-8", newline="\n") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"{len(records)} lines, {total} annotated identifiers -> {OUT.name}")


if __name__ == "__main__":
    main()
