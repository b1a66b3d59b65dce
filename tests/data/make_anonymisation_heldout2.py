"""Write tests/data/anonymisation-heldout2.jsonl: a third annotated set, written before the detector changes of issue 7.

The lines below were written by hand as dialogue turns, with every identifier
marked inline as {text|LABEL}. They were written before the offline detector was
changed for "Mr and Mrs X", sentence-initial names, first-name linking and
over-masking, and the set was scored once before and once after those changes
(docs/anonymisation.md gives both). The detector was not tuned on it.

Annotation rules: a person's whole name including a title ("Mrs Haddad",
"Mr and Mrs Barzani") is one PERSON span; a possessive ending is outside the
span; towns and cities (UK or abroad) are PLACE; countries, regions, counties,
nationalities, languages, services, brands and words of other languages are
never identifiers (hard negatives). Names come from many origins (Persian and
Dari, Kurdish, Arabic, Tigrinya, Somali, Romanian and Roma, Slovak, Polish,
English, West African). Every name, street and number is invented (phones from
Ofcom's drama ranges, emails at example.org, NI numbers with prefix QQ).

Run from the project folder:  python tests/data/make_anonymisation_heldout2.py
"""

from __future__ import annotations

import json
import re
from pathlib import Path

OUT = Path(__file__).with_name("anonymisation-heldout2.jsonl")
LABELS = {"P": "PERSON", "L": "PLACE", "A": "ADDRESS", "O": "ORG", "PH": "PHONE", "E": "EMAIL", "PC": "POSTCODE",
          "D": "DATE", "ID": "ID_NUMBER"}
MARK = re.compile(r"\{([^{}|]+)\|([A-Z]+)\}")

LINES = """
Khalid says the bus from the estate stops at six, so after that we walk.
Shirin told me the form was only in English, nothing in Farsi.
Farhad, can you tell them what happened with the landlord?
Thank you, {Hodan|P}. Does anyone else want to add something?
Yes, {Dawit|P}, go on, we have time.
{Rezan Hawrami|P} came with me to the housing office, and Rezan spoke for me because my English is not good.
Mr and Mrs Barzani next door had the same problem with the damp.
The letter was for Mr & Mrs Tesfamariam, but it came to our flat.
Dr and Mrs Haddad run the Saturday Arabic class at the mosque.
{Golnaz|P} said the nursery would not take her son without the red book.
{Yonas|P} and {Semhar|P} both work nights at the warehouse, so they could not come.
My neighbour {Abdirahman Warsame|P} helps everyone with the forms, he is very patient.
We came from Romania in 2014, first to {Peterborough|L}, then here.
Dobrý deň, I am sorry I am late, the bus was full.
Mulțumesc, that is all I wanted to say.
Ďakujem pekne. My daughter {Zuzana|P} translates for me usually.
My husband's cousin lives in {Kosice|L}, he wants to come but the visa is a problem.
Back in {Herat|L} I was a teacher, here I clean offices.
We lived in {Sulaymaniyah|L} until 2019, then Turkey, then the lorry.
My mother is still in {Asmara|L}, I send money every month.
Her family is from {Craiova|L}, but she was born in Spain.
Honestly, the Czech Republic was easier for the papers than here.
Some people went to America, some to Canada, we came to England.
They moved us to Kent for six weeks, in a hotel, with the children.
The SENCo never answered my emails about the assessment.
We pay the school dinners on ParentPay but my phone does not open it.
The Co-op gave us vouchers at Christmas, that was kind.
I use WhatsApp with the teacher, she sends me voice notes.
Lidl is cheaper, but the Co-op is near the flats.
Mahadsanid, thank you for listening to us.
Spas, thank you. I have nothing more.
Inshallah next year it will be better for the children.
We are Sorani speakers, from the Kurdistan Region of Iraq.
The Eritreans in our building all go to the same church.
Many Afghans came after 2021, they are in hotels still.
Yorkshire is cold but people are kind, most of them.
{Habtom|P} works with {Filmon|P} at the car wash on {Leeds Road|A}.
Ask {Mrs Karimi|P}, she knows the woman at the council.
{Nawzad|P} is my brother, he has been waiting for his decision for three years.
{Fereshta|P}'s boy is in year four at {Northcliffe Primary|O}, same as mine.
My son {Liban|P} got excluded, and nobody explained why.
I am {Ifrah|P}, I live on the {Beechwood|A} estate with my four children.
{Roya|P} and her sister {Mitra Sadeghi|P} started the women's group together.
The caseworker, {Miss Dunka|P}, was the only one who listened.
Jozef says the police stopped his car three times in one month.
Mihaela asked if the interpreter could be a woman next time.
Gheorghe, you said before that the heating was broken, is it fixed?
{Nicoleta Stoica|P} from number 9 helps the old people with shopping.
Is it {Costel|P} or {Marian|P} who drives the minibus on Sundays?
{Florin Lacatus|P} works at {Hallamshire Poultry Ltd|O}, on the night line.
We asked {Dr Egal|P} at the surgery, but he said it was not his job.
The interpreter, {Selam|P}, was very good, she explained everything.
Behrouz rang me from {Luton|L}, his wife is sick.
{Kaveh|P} goes to college in {Wakefield|L} now, English and maths.
My uncle {Habibullah Noorzai|P} is in {Kabul|L} still, we cannot bring him.
Mr Popal, the shopkeeper, lets us pay at the end of the month.
{Abrehet|P} told the GP three times about her knee.
I asked {Hibo|P}, she said the same thing happened to her.
{Sagal|P}'s mother cannot read, so the letters are useless to her.
{Mahad Hirsi|P} and {Faadumo Hirsi|P} have five children in two bedrooms.
Our address is {27 Coronation Street|A}, the one behind the mosque.
They sent the letter to {Flat 6, 41 Hawthorn Rise|A} but we moved.
Write to me at {Flat 2, 118 Boundary Road|A}, {S63 9QT|PC}.
The postcode is {DN4 7LB|PC}, on the map it shows the wrong place.
My phone is {07700 900472|PH}, text is better than calling.
You can ring the mosque office on {0113 496 0215|PH} in the morning.
My email is {shirin.k88@example.org|E}, I check it every day.
Please send it to {dawit.tesfay@example.com|E}, my son reads them for me.
My daughter was born on {14 August 2017|D} in the hospital here.
His date of birth is {03/11/2009|D}, and they wrote it wrong.
The NI number is {QQ 45 67 89 B|ID}, it is on the letter.
Yes, Ahmed, I know, but the council said no.
Okay, {Yousef|P}, thank you, we will come back to that.
Samir, Rania and the children all have the same cough.
Layla, do you want to say something about the school?
Omar said he would bring the letters next week.
Khalid's wife was too scared to come today.
Farhad and Shirin both did the ESOL course at the college.
Hawre was at the meeting last time, he said the same.
Dilan asked about the school places, and nobody knew.
Berivan: I am from {Duhok|L}, I came in 2016.
Tesfay said the housing officer shouted at him.
Senait wants the forms in Tigrinya, not Amharic.
Ermias, can I ask you, did you get the letter about the rent?
Ghebremedhin is my surname, everyone spells it wrong, even the doctor.
Warsame is a common name where I come from, so it is confusing at the bank.
Sultana and her children are still in the hotel in {Grimsby|L}.
Our neighbour, {Mrs Khoury|P}, called the police when the men came.
The woman from Migrant Help, {Nadia|P} I think, she was nice.
{Navid|P} and {Soraya|P} are getting married in the summer.
I am from Bulgaria, my husband is from Slovakia, we met in {Sheffield|L}.
We speak Romanes at home, and Slovak with the grandparents.
The Somali women meet on Tuesdays at the library.
In Iran I was an engineer; here they say my diploma is nothing.
She works at Tesco, the big one by the ring road.
We found the flat on Facebook, a man from the community.
My mother-in-law {Mahnaz|P} looks after the baby when I work.
{Zarghuna|P} is my friend from the ESOL class, she is from {Mazar-i-Sharif|L}.
My cousin {Chnar|P} is a nurse in {Sunderland|L} now.
{Rebwar|P} fixed our boiler because the landlord would not.
{Avesta Baban|P} is the youngest in the group, she is seventeen.
Please, {Mrs Rahimi|P}, take your time.
Thank you, {Mr Zebari|P}, that is very helpful.
Nilofar, would you like the interpreter to say that in Dari?
Wahid cannot come, he has a hearing at the tribunal.
{Bassam|P}, {Huda|P} and {Amal|P} came together on the bus from {Rotherham|L}.
{Abdulrahman Darwish|P} is the imam's brother, he translates sometimes.
The imam, {Qasim|P}, said the hall is free on Wednesdays.
When {Mebrat|P} went to the Jobcentre they said she had no right to work.
After {Ahmed Farah|P} was evicted he slept at the mosque.
Because {Daniela Ursu|P} had no bank account, she could not get paid.
If {Marek|P} had known, he would have gone to Citizens Advice first.
I told {Jarmila Gaziova|P} about this meeting, maybe she comes later.
{Milan Lakatos|P} is the one with the van, he moves people's furniture.
My grandson {Stefan|P} is autistic, and the school cannot cope.
Grzegorz from the factory says they want more workers.
{Małgorzata|P} teaches Polish on Saturdays in the church hall.
{Kieran|P} from the youth club brought the football kit.
{Tracey|P} at the front desk is always rude to us.
{Gareth Pritchard|P} is our councillor, but he never comes.
Shannon from the school rang about the attendance.
{Tunde Adeyemi|P} organised the clean-up on {Mill Lane|A}.
Daniela and {Radu|P} have the flat above us, with the leak.
{Costel Duna|P}, {Marian Radu|P} and me, we all work for the same agency.
I said to Hodan, do not sign anything you cannot read.
{Zhilwan|P}? No, {Zhilwan|P} moved to {Derby|L} last year.
My friend {Berhane|P} drives for Uber, he works every night.
Selam is the name of my daughter too, it means peace.
Roya said {Mrs Sadeghi|P} from the school came to her house.
Last winter {Dariush|P} fell on the ice outside the GP.
The children go to {St Bede's|O} and the bus is not free.
Her son is at {Oakfield Academy|O}, in year eight.
Send the form to {Parkside Community School|O}, attention of the office.
She works for {Moorside Packaging|O} in {Barnsley|L}, twelve hours a day.
Mr Hashemi, the landlord, does not fix anything.
Mrs Azizi cannot climb the stairs with her shopping.
Ask Dr Woldu, he is the one at the walk-in centre.
Yalda and the baby are staying with us for now.
Bethany, the health visitor, comes every two weeks.
Dean, the caretaker, said it is not his job to fix the lights.
We went to Europe first, Italy, then France, then here.
Transylvania is where my grandparents lived.
East Africa is very different, the weather, the food, everything.
The Middle East is on the news every day, my mother worries.
Salaam alaikum, everyone, sorry I am late.
Bine, we can continue.
Dziękuję, thank you for the tea.
Shukran, you were very kind to my mother.
{Hamza|P} and {Idris Al-Amin|P} share a room at the hostel on {Cemetery Road|A}.
Liban's teacher, {Ms Okafor|P}, says he is clever but tired.
We waited at {Doncaster|L} station for four hours with baby {Ruqiya|P}.
{Tsega|P} phoned from {Kassala|L}, the camp is full again.
My number changed, it is {07700 900813|PH} now, sorry.
Her brother {Kamal Qaderi|P} drives a taxi in {Huddersfield|L}.
"""


def parse(line: str) -> dict:
    text, spans, cursor = [], [], 0
    for m in MARK.finditer(line):
        text.append(line[cursor : m.start()])
        start = sum(len(t) for t in text)
        text.append(m.group(1))
        spans.append({"start": start, "end": start + len(m.group(1)), "label": LABELS[m.group(2)]})
        cursor = m.end()
    text.append(line[cursor:])
    return {"text": "".join(text), "spans": spans}


# Names written bare in LINES above (sentence-initial, vocative, titled) are marked here by
# exact phrase so the lines stay readable; every occurrence in a line is marked.
ANNOTATE = [
    "Khalid", "Shirin", "Farhad", "Mr and Mrs Barzani", "Mr & Mrs Tesfamariam", "Dr and Mrs Haddad", "Rezan",
    "Zuzana", "Jozef", "Mihaela", "Gheorghe", "Behrouz", "Mr Popal", "Ahmed", "Samir", "Rania", "Layla", "Omar",
    "Hawre", "Dilan", "Berivan", "Tesfay", "Senait", "Ermias", "Ghebremedhin", "Warsame", "Sultana", "Nilofar",
    "Wahid", "Grzegorz", "Shannon", "Hodan", "Daniela", "Selam", "Roya", "Mr Hashemi", "Mrs Azizi", "Dr Woldu",
    "Yalda", "Bethany", "Dean", "Liban",
]


def annotate(record: dict) -> dict:
    text, spans = record["text"], list(record["spans"])
    taken = [(s["start"], s["end"]) for s in spans]
    for phrase in sorted(ANNOTATE, key=len, reverse=True):
        for m in re.finditer(rf"(?<!\w){re.escape(phrase)}(?!\w)", text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            spans.append({"start": m.start(), "end": m.end(), "label": "PERSON"})
            taken.append(m.span())
    return {"text": text, "spans": sorted(spans, key=lambda s: s["start"])}


def main() -> None:
    records = []
    for index, line in enumerate(l for l in LINES.strip().splitlines() if l.strip()):
        record = annotate(parse(line))
        records.append({"id": f"heldout2-{index + 1:03d}", **record})
    total = sum(len(r["spans"]) for r in records)
    with OUT.open("w", encoding="utf-8", newline="\n") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"{len(records)} lines, {total} annotated identifiers -> {OUT.name}")


if __name__ == "__main__":
    main()
