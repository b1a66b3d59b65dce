"""Write tests/data/anonymisation-strict-letters.jsonl: a frozen court- and letter-style set for the strict profile.

Paragraphs of invented judgments, decisions, minutes, official letters, a
witness statement and a GP referral, written by hand before any detector
change and not tuned on. Each paragraph is one record; lines starting with
``#`` name the document the following paragraphs belong to. Every
identifier is marked inline as {text|LABEL}.

Annotation rules ("strict" rules, as court and health-record anonymisation
does; the set is meant to be scored with ``profile: strict``):
- PERSON: every person, with an honorific (Mr, Mrs, Ms, Miss, Dr, Lord,
  Cllr, PC, DC) inside the span and a judicial title (Judge, District Judge,
  HHJ, Employment Judge, Upper Tribunal Judge) outside it; initials standing
  for a person ("J.D.", "A.K.", "JP" in minutes) are PERSON.
- PLACE: every place below the level of a country, of any size: villages,
  towns, neighbourhoods, large cities and capitals, counties and regions,
  including the place word of a public body ("{Leeds|L} City Council").
  ADDRESS: streets, buildings, flats, house numbers. POSTCODE as such.
- ORG: every organisation other than a public service: companies, law
  firms, housing associations, charities, and named sites (a named school,
  surgery, hospital, hotel or care home). NOT identifiers: public services
  named generically (the Home Office, the Secretary of State, the Tribunal,
  the Council, the NHS, Cafcass, ACAS, the police, Migrant Help), statutes,
  countries, nationalities and languages.
- ID_NUMBER: every case, claim, appeal, account, reference, certificate,
  passport, permit, NHS, NI, pupil or collar number. DATE: a date of birth
  (other dates, such as hearing dates, are not marked). PHONE, EMAIL as such;
  OTHER: vehicle index numbers.
Every name, street and number is invented (phones from Ofcom's drama ranges,
emails at example.org, NI numbers with prefix QQ); real places are used as
places.

Run from the project folder:  python tests/data/make_anonymisation_strict_letters.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from make_anonymisation_asr_interpreted import parse, render  # noqa: E402  (the same {text|LABEL} marks and lines)

OUT = Path(__file__).with_name("anonymisation-strict-letters.jsonl")
PREFIX = "strict"

LINES = """
# tribunal-decision
IN THE FIRST-TIER TRIBUNAL (IMMIGRATION AND ASYLUM CHAMBER), Appeal Number: {PA/04417/2025|ID}, heard at {Bradford|L} on 14 October 2026.
Before Judge of the First-tier Tribunal {J. Okonedo|P}. Between {MR ARDIT KRASNIQI|P} (anonymity direction made) and the Secretary of State for the Home Department.
For the Appellant: {Ms R. Achterberg|P}, Counsel, instructed by {Wellgate Law LLP|O}. For the Respondent: {Mr D. Halloran|P}, Home Office Presenting Officer.
1. The Appellant is a national of Albania, born on {3 March 1999|D} in {Kukës|L}. His Home Office reference is {K1938260|ID} and his port reference is {DVR/19/04322|ID}.
2. He arrived in the United Kingdom on 11 August 2022 by small boat at {Dover|L} and claimed asylum at the screening unit in {Croydon|L}.
3. He fears {Mr Gjon Marku|P}, to whom his family owes a debt, and {Mr Marku|P}'s associates in {Tirana|L} and {Shkodër|L}.
4. He says that in 2021 he worked in a car wash in {Durrës|L} owned by {Lulzim Hoxha|P}, a cousin of {Mr Marku|P}.
5. The Appellant's mother, {Mrs Drita Krasniqi|P}, and his sister {Elira|P} remain in Albania, at an address in the village of {Bajram Curri|L}.
6. I heard evidence from the Appellant through an Albanian interpreter, and from his partner {Ms Chloe Brennan|P}, who lives at {14 Sandringham Drive|A}, {Keighley|L}, {BD21 4QT|PC}.
7. {Ms Brennan|P} is a British citizen and a care assistant at {Hawthorn Lodge Care Home|O}. They have a daughter, {A.K.|P}, born on {19 May 2025|D}.
8. A letter from the Appellant's GP, {Dr S. Mahmood|P} of {Oakworth Medical Practice|O}, dated 2 September 2026, records low mood and poor sleep.
9. The report of {Dr H. Venkataraman|P}, consultant psychiatrist, diagnoses post-traumatic stress disorder; I give it weight.
10. The Respondent relies on the refusal letter of 12 February 2025 and on the Country Policy and Information Note on Albania.
11. The Appellant's previous solicitors, {Castle & Pryce|O}, failed to submit his witness statement; I do not hold that against him.
12. I find that the Appellant has been consistent about the events in {Kukës|L} and in {Durrës|L}, and I accept his account.
13. Anonymity: no report of these proceedings shall identify the Appellant or his child. Signed: Judge {J. Okonedo|P}, 28 October 2026.
# possession-judgment
IN THE COUNTY COURT AT {SHEFFIELD|L}, Claim No: {K00SE412|ID}. Between {PARKVIEW LETTINGS LIMITED|O} (Claimant) and {MRS MARGITA BALOGOVÁ|P} and {MR DEZIDER BALOG|P} (Defendants).
Before District Judge {Harrowby|P}, sitting at the County Court at {Sheffield|L}, {The Law Courts, 50 West Bar|A}, {S3 8PH|PC}.
1. The Claimant seeks possession of {42 Robey Street|A}, {Page Hall|L}, {Sheffield|L} under section 21 of the Housing Act 1988.
2. The Claimant's director, {Mr Tariq Sandhu|P}, gave evidence. His company also lets {38 Robey Street|A} and {7 Popple Street|A}.
3. The First Defendant, {Mrs Balogová|P}, gave evidence through a Slovak interpreter; the Second Defendant, {Mr Balog|P}, did not attend.
4. The Defendants were represented by {Mr K. Oduya|P} of {South Yorkshire Housing Law Centre|O}.
5. The deposit of £750 was paid on 1 April 2021 and was protected with the {Deposit Protection Service|O} only on 9 March 2023, certificate {DPS-2023-0881725|ID}.
6. On 17 November 2022 {Mrs Balogová|P} complained in writing about damp; the environmental health officer, {Mr T. Hargreaves|P}, inspected on 5 December 2022.
7. {Mr Hargreaves|P} served an improvement notice, reference {EH/22/04518|ID}, on {Parkview Lettings Limited|O}.
8. The notice was served on 12 January 2023; the section 21 notice followed on 20 January 2023. I find this was a retaliatory eviction within section 33 of the Deregulation Act 2015.
9. The children, {Patrik|P} (born {2 June 2012|D}) and {Denisa|P} (born {30 October 2009|D}), attend {Fir Vale School|O}.
10. The claim is dismissed. Costs to be assessed. Order drawn by {Ms L. Whitworth|P}, court clerk.
# family-judgment
IN THE FAMILY COURT SITTING AT {LEEDS|L}, Case No: {LS24C00918|ID}. Re {T and R|P} (Children). Judgment of HHJ {Pennington-Ward|P}.
1. The local authority is {Leeds|L} City Council. The children are {Tomasz|P}, known as {Tomek|P}, aged 9, and {Róża|P}, aged 6.
2. Their mother is {Agnieszka Kowalska|P}, referred to as the mother. Their father is {Tomasz Kowalski|P} senior, referred to as the father.
3. The mother's sister, {Mrs Grażyna Zielińska|P}, lives in {Ollerton|L}, {Nottinghamshire|L}, and has put herself forward as a carer.
4. The family lived at {Flat 5, 19 Clumber Street|A}, {Mansfield|L}, until March 2025, and then at {3 Orchard Close|A}, {Kirkby in Ashfield|L}.
5. The social worker, {Ms Fiona Gatward|P}, filed statements dated 4 April and 16 June 2026. The children's guardian is {Mr Neil Ashworth|P} of Cafcass.
6. The father works for {Brakes Logistics Ltd|O} at its depot in {Sutton in Ashfield|L}; his national insurance number is {QQ 12 34 56 C|ID}.
7. {Tomek|P} attends {Kingsway Primary School|O}; his class teacher, {Mrs J. Pilkington|P}, describes him as anxious but bright.
8. {Róża|P} attends {Little Acorns Nursery|O} on {Station Road|A}, {Rainworth|L}.
9. The paternal grandmother, {Mrs Halina Wójcik|P}, lives in {Nowy Sącz|L}, Poland, and gave evidence by video link.
10. The maternal grandfather, {Mr Stanisław Nowak|P}, lives in {Zamość|L}; he did not take part.
11. I have read the report of the independent social worker, {Ms P. Adebayo|P} of {Northern Assessments CIC|O}.
12. Nothing in this judgment may be published that identifies the children; the parties are referred to by initials, {A.K.|P} and {T.K.|P}.
# housing-panel-minutes
MINUTES of the Housing Allocations Review Panel, {Kirklees|L} Council, held at {Civic Centre 3, Market Street|A}, {Huddersfield|L}, 9 September 2026.
Present: {Cllr N. Patel|P} (Chair), {Cllr R. Whitaker|P}, {Mr J. Pemberton|P} (Housing Options Manager), {Ms A. Walsh|P} (Tenancy Relations). Minutes: {Mrs S. Greenhalgh|P}.
Apologies: {Cllr D. O'Hara|P}, {Mr M. Chen|P} ({Kirklees Citizens Advice and Law Centre|O}).
Item 1. Review of {Mr Dilan Mustafa|P}, housing register number {HR/2024/118432|ID}, of {22 Crackenedge Lane|A}, {Dewsbury|L}, {WF13 1PU|PC}.
{Mr Mustafa|P} asked for a review of his banding. {Mr Pemberton|P} reported that the property is overcrowded by two bedrooms.
The panel noted a letter from {Dr F. Iqbal|P}, {Eightlands Surgery|O}, about the asthma of {Mr Mustafa|P}'s son {Aram|P}.
Resolved: Band B from 1 September 2026. Action: {JP|P} to write to {Mr Mustafa|P} by 30 September.
Item 2. Review of {Ms Hodan Warsame|P}, register number {HR/2023/097716|ID}, of {Flat 11, Bowring House|A}, {Ravensthorpe|L}.
{Ms Warsame|P} was accompanied by her son, {Abdirahman|P}, who interpreted; the panel offered a Somali interpreter, {Mrs F. Jama|P}, who attended by telephone.
The panel noted that the lift at {Bowring House|A} has been out of order since August and that {Ms Warsame|P}'s mother, {Mrs Khadra Ismail|P}, uses a wheelchair.
Resolved: refer to the Occupational Therapy service; {AW|P} to contact {Pennine Homes Housing Association|O}, tenancy reference {PH-0048-5521-07|ID}.
Item 3. Complaint by {Mr Radek Horváth|P} about the conduct of the landlord {Mr Aslam|P} of {Aslam Properties|O}, {Manningham Lane|A}, {Bradford|L}.
Item 4. Any other business: {Cllr Patel|P} thanked {Mrs Greenhalgh|P} for her work on the Roma families' forum in {Batley|L} and {Heckmondwike|L}.
Date of next meeting: 14 October 2026, {Dewsbury|L} Town Hall.
# home-office-letter
Home Office, UK Visas and Immigration, {Lunar House, 40 Wellesley Road|A}, {Croydon|L}, {CR9 2BY|PC}.
Our ref: {S2281763|ID}. Your ref: {MEL/ET/4471|ID}. Date: 21 July 2026.
{Mr Mohammed El Tayeb|P}, c/o {Brightwater Solicitors|O}, {Suite 4, 210 High Road|A}, {Wood Green|L}, {London|L}, {N22 8HH|PC}.
Dear {Mr M. El Tayeb|P},
Date of birth: {01/01/1994|D}. Nationality: Sudanese. CID reference: {CID 99 102 774|ID}.
Your asylum support is provided at {Harlow Court Hotel|O}, {Harlow|L}. You will be moved to dispersal accommodation at {16 Gipsy Patch Lane|A}, {Stoke Gifford|L}, {Bristol|L}, {BS34 6AE|PC}, on 4 August 2026.
Your ASPEN card number {5399 2810 4472 0163|ID} will remain valid. If you have questions, contact Migrant Help on the number overleaf.
Your representative, {Mr K. Osei|P}, has been sent a copy of this letter.
You stated at your screening interview that you were born in {El Fasher|L}, {North Darfur|L}, Sudan, and that your father, {Adam El Tayeb|P}, was killed in 2023.
Yours sincerely, {R. Fenwick|P}, Asylum Casework, {Glasgow|L} Hub.
# council-letter
{North Lincolnshire|L} Council, Council Tax Section, {Church Square House, 30-40 High Street|A}, {Scunthorpe|L}, {DN15 6NL|PC}.
Account number: {6004 1193 2|ID}. Property reference: {00010482276|ID}. Date: 3 November 2026.
{Mr A.B. Nowak|P}, {9 Forest Street|A}, {Ashby|L}, {Scunthorpe|L}, {DN16 2RX|PC}.
Dear {Mr Nowak|P}, We have not received your payment of £142.60 due on 1 October 2026.
Our records show that {Mrs B. Nowak|P} and {Mr J. Nowak|P} are also liable for this property.
If you believe this is wrong, please contact us quoting your account number {6004 1193 2|ID}, or write to {Mrs P. Oldroyd|P}, Revenues Team Leader.
Yours sincerely, {J.D.|P}, for the Head of Revenues and Benefits.
# solicitor-letter
{Harcourt & Pike Solicitors|O}, {3rd Floor, Prudential Buildings, 10 Park Row|A}, {Nottingham|L}, {NG1 6GR|PC}. Our ref: {HP/LC/30412/07|ID}. Your ref: {09/22H.4|ID}.
To: {Lord Carrow|P}, {Carrow Estates Ltd|O}, {Carrow Hall|A}, {Barrow upon Soar|L}, {Leicestershire|L}, {LE12 8LT|PC}.
Dear {Lord Carrow|P}, We act for your tenant, {Mrs Oksana Kovalenko|P}, of {Rose Cottage, 2 Mill Lane|A}, {Barrow upon Soar|L}.
Our client's sponsor under the Homes for Ukraine scheme, {Mrs Penny Whitaker|P} of {The Old Rectory|A}, {Sileby|L}, has made a statement, which we enclose.
Our client's daughter, {Sofiia Kovalenko|P}, attends {Humphrey Perkins School|O}, and the proposed move to {Melton Mowbray|L} would end her school place.
We also enclose the tenancy agreement, which names {Mr T. Hargreaves|P} as your agent, and the gas certificate, reference {GS-4471093|ID}.
Our client's visa, reference {GWF084512776|ID}, and biometric residence permit {ZR7720315|ID} are valid until 2027.
Please reply within 14 days to the writer, {Siobhan Brennan|P}, direct line {0115 496 0471|PH}, email {s.brennan@example.org|E}.
Yours faithfully, {Harcourt & Pike|O}.
# employment-tribunal
EMPLOYMENT TRIBUNALS, Claimant: {Mr Asen Kostov|P}. Respondent: {McAllister Construction (Midlands) Ltd|O}. Case Number: {2601234/2025|ID}.
Heard at: {Nottingham|L}, on 2 and 3 June 2026. Before: Employment Judge {Fairbrother|P}; members {Mr P. Ward|P} and {Ms G. Chikwanha|P}.
1. The Claimant is a Bulgarian national who lives at {12 Pinchbeck Road|A}, {Spalding|L}. He worked as a labourer on the Respondent's site at {Castle Marina|A}, {Nottingham|L}.
2. On 14 March 2025 the Claimant fell from scaffolding. The site manager, {Mr Declan McAllister|P}, told workers not to call an ambulance.
3. The Claimant's brother, {Stoyan Kostov|P}, took him to {Queen's Medical Centre|O}; his hospital number is {RX1 442 9087|ID}.
4. The Claimant was dismissed by text message on 20 March 2025 from the number {07700 900 871|PH}, which the Respondent accepts belongs to {Mr McAllister|P}.
5. The Claimant's ACAS early conciliation certificate number is {R123456/25/68|ID}. His payslips show an employee number {004417|ID} and a deduction for accommodation at {Flat 2, 88 London Road|A}, {Kegworth|L}.
6. We heard from {Mr Stoyan Kostov|P} and from {Mr Florin Popescu|P}, a lorry driver who worked with the Claimant at {Holbeach|L}.
7. The Respondent called {Ms Gill Bunting|P}, its HR adviser from {Bunting HR Services|O}, {Loughborough|L}.
8. The claim of unfair dismissal succeeds. Remedy hearing listed at {Nottingham|L} Justice Centre.
# exclusion-panel
Independent Review Panel: permanent exclusion of {Brandon Mills|P} (born {4 September 2010|D}) from {Prospect School|O}, {Reading|L}. Clerk: {Mrs A. Bell|P}.
Panel: {Mr R. Fitzgerald|P} (Chair), {Ms S. Okafor|P}, {Mr H. Rowe|P}. Headteacher: {Mrs K. O'Brien|P}.
The parent, {Ms Summer Mills|P}, of {7 Whitley Wood Road|A}, {Whitley|L}, {RG2 8JH|PC}, attended with her advocate, {Mr Cliff Barraclough|P} of {Moorside Youth Project|O}.
The incident on 9 May 2026 involved another pupil, {Jack Osei|P}, and was witnessed by {Ruby Walsh|P} and by a teaching assistant, {Mr Kwame Asante|P}.
The headteacher stated that {Brandon|P} had been excluded for a fixed period in January. {Ms Mills|P} said that {Jack|P} had called her son names.
The panel recommends that the governing body reconsider. Unique pupil number: {H372441819203|ID}.
# safeguarding-minutes
Strategy meeting minutes, {Bolton|L} Children's Services, 12 February 2026. Child: {Ionuț Căldăraru|P}, NHS number {999 123 4567|ID}, DOB {12/05/2024|D}.
Attendees: {Ms Doina Căldăraru|P} (mother), {Mr Ion Căldăraru|P} (father), {Ms Hope Mukamana|P} (interpreter), {PC R. Dobson|P} ({4471|ID}) ({Greater Manchester|L} Police), {Dr L. Chen|P} (paediatrician, {Royal Bolton Hospital|O}).
Address: {21 Barnsley Road|A}, {Farnworth|L}, {BL4 9AJ|PC}. Previous address: {4 Church Street|A}, {Wath upon Dearne|L}.
The health visitor, {Mrs Holly Reed|P}, raised concerns after a visit on 3 February. The father's employer is {Fresh Harvest Recruitment Ltd|O}, {Spalding|L}.
The family are Roma from Romania, from {Băilești|L}; the mother's sister, {Ms Mirela Dumitru|P}, lives in {March|L}, {Cambridgeshire|L}.
Actions: {RD|P} to complete checks; {HR|P} to visit with the interpreter; case reference {BOL-CS-2026-00412|ID}.
# police-statement
WITNESS STATEMENT (CJ Act 1967, s.9; MC Act 1980, ss.5A(3)(a) and 5B). URN: {13YX0472926|ID}.
Statement of: {Abdullahi Hassan|P}. Age if under 18: over 18. Occupation: postal worker, {Royal Mail|O}, {Tottenham|L} delivery office.
On Saturday 7 June 2025 at about 23:40 I was walking along {Lordship Lane|A}, {Wood Green|L}, towards my home at {Flat 6, 41 Hawthorn Rise|A}.
I saw a silver Toyota Prius index {YX19 KLM|X} stop outside {Anatolia Grill|O} at {Green Lanes|A}.
A man I know as {Hasan Yıldız|P}, who works at the restaurant with his brother {Mehmet|P}, came out and spoke to the driver.
The driver, a white man with a shaved head whom I later heard called {Gaz|P}, got out and punched {Hasan|P}.
I rang 999 from my phone, {07700 900 133|PH}. Officers {PC Ahmed|P} and {PC Lowe|P} arrived at about 23:55.
I am willing to attend court. Signed: {A. Hassan|P}. Witnessed by: {DC M. Pritchard|P} ({2291|ID}).
# gp-referral
{Parkgate Surgery|O}, {117 Parkgate Road|A}, {Rotherham|L}, {S62 6HH|PC}. Tel {0114 496 0932|PH}.
Referral to Community Mental Health Team. Patient: {Mrs Fartun Warsame|P} (also recorded as {Fartuun Warsame|P}), DOB {02/04/1988|D}, NHS No. {943 476 5919|ID}.
Address: {Flat 2, 118 Boundary Road|A}, {Rawmarsh|L}, {S62 7RB|PC}. Next of kin: {Mr Liban Hirsi|P} (husband), {07700 900 472|PH}.
Dear colleague, I would be grateful if you would see this 38-year-old Somali-speaking woman, who came to the UK from {Beledweyne|L} via {Nairobi|L} in 2008 and lived in Holland until 2015.
She was seen by my colleague {Dr R. Patel|P} in May. Her daughter {Hamdi|P} was born by emergency caesarean at {Rotherham General Hospital|O} in 2023 without an interpreter.
Her friend {Mrs Sahra Ismail|P} usually accompanies her. She prefers a female Somali interpreter; {Mrs F. Jama|P} has interpreted for her before.
Yours sincerely, {Dr E. Nwosu|P} MRCGP.
# tribunal-decision-2
UPPER TRIBUNAL (IMMIGRATION AND ASYLUM CHAMBER), Appeal Number: {UI-2025-004417|ID}. On appeal from First-tier Tribunal decision {HU/00412/2023|ID}.
Between {KARWAN ABDULLAH|P} (Appellant) and the Secretary of State. Representation: {Mr S. Hawrami|P}, {Pennine Immigration Advice|O}.
1. The Appellant is an Iraqi Kurd from {Qaladiza|L} in the {Kurdistan Region|L}. He lives with his wife, {Shilan|P}, and his cousin, {Hawre Aziz|P}, at {5 Union Road|A}, {Heckmondwike|L}.
2. Judge {Whitcombe|P} dismissed his appeal, finding that he could relocate to {Erbil|L} or {Sulaymaniyah|L}, where his uncle, {Sirwan Rashid|P}, lives.
3. The Appellant's CSID was left with his mother, {Nasrin|P}, in {Qaladiza|L}; the civil status record is kept at the registry office in {Ranya|L}.
4. The Appellant was treated by {Dr A. Mahmoud|P} at {Dewsbury and District Hospital|O} for depression; the hospital number is {RWY2290447|ID}.
5. I find that the Judge erred in law; the decision is set aside and remitted to be heard at {Bradford|L} by a different judge. Signed: Upper Tribunal Judge {Lindqvist|P}.
# traveller-site-minutes
Notes of meeting, Gypsy and Traveller Liaison, {Cottingley Springs|L} site office, {Leeds|L}, 18 November 2026.
Present: {Grace Kilbride|P} (Liaison Officer), {Vashti Lovell|P}, {Nelson Lovell|P}, {Levi Boswell|P}, {Mercy Boswell|P}, {Tommy McDonagh|P}; {Holly Reed|P} (health visitor).
1. {Mrs Lovell|P} raised refusal of registration at {Drighlington Surgery|O}. {HR|P} to contact the practice manager, {Mr Gareth Pryce|P}.
2. {Mr Boswell|P} has been served with a direction to leave land at {Gildersome|L}, reference {ENA/0923/LC|ID}; plot 14 at {Cottingley Springs|L} may become available.
3. Rent account for plot 14: {TR 0014 226|ID}. {Mr McDonagh|P} asked about the site at {Bramley|L}; {GK|P} to report back.
4. {Mrs Lovell|P} asked that the family of the late {Silvester Lovell|P} be thanked for the collection for {St James's Hospice|O}.
"""


def passages() -> list[dict]:
    """Every paragraph as {"id", "document", "text", "spans"}."""
    out, document, number = [], "", 0
    for line in (l.strip() for l in LINES.splitlines()):
        if not line:
            continue
        if line.startswith("#"):
            document, number = line.lstrip("# ").strip(), 0
            continue
        number += 1
        text, spans, _ = parse(line)
        out.append({"id": f"{PREFIX}-{document}-{number:02d}", "document": document, "text": text, "spans": spans})
    return out


def main() -> None:
    records = passages()
    with OUT.open("w", encoding="utf-8", newline="\n") as handle:
        handle.write(render(records))
    total = sum(len(r["spans"]) for r in records)
    print(f"{len(records)} paragraphs, {total} annotated identifiers -> {OUT.name}")


if __name__ == "__main__":
    main()
