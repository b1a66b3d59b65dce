"""Write tests/data/anonymisation-asr-interpreted.jsonl: a frozen evaluation set in a voice of its own.

The turns below were written by hand, before any detector change, and the
detector was not run on them until the set was committed. They imitate what
automatic transcription gives for interpreter-mediated focus groups: lower
case, little or no punctuation, fillers ("um", "like", "you know"), false
starts, people who ramble, interpreters who report ("she says that her son
..."), facilitators who open a turn with a name. A few turns quote official
letters with their capitals, titles and initials, as a participant or an
interpreter reads them out.

Each line is ``origins :: text``. ``origins`` names the origin of every
person's name in the line (``-`` when the line has none); the integrity test
counts them. In ``text`` every identifier is marked inline as {text|LABEL},
or {text|LABEL/v} for a name used as a vocative or to open a turn. Lines
starting with ``#`` name the session the following lines belong to.

Annotation rules ("consultation" rules: what stays is analytic content):
- A person's name with its title and initials is one PERSON span ("Mr A.B.
  Nowak", "mrs p", "pani kowalska"); a possessive ending ('s) is outside the
  span. Short honorifics (mr, mrs, ms, miss, dr, lord, lady, sir, cllr,
  pc, pastor, sister, pan, pani, kak) and kunyas (abu, umm) belong to
  the span; job words ("the caseworker", "the councillor") and judicial
  titles ("judge") do not. A name talked about as a word ("honza is the
  same as jan") is still a name.
  Familiar and inflected forms are names like any other (tomek, kowalska).
- Towns, villages, neighbourhoods, housing estates and foreign towns are
  PLACE (multi-word ones as one span; "estate" outside it). Streets with or
  without a house or flat number are ADDRESS.
- NOT identifiers (hard negatives): countries, regions, counties,
  nationalities, languages, religions, public services (the council, the
  NHS, the Jobcentre, Citizens Advice, the Home Office, the police, Migrant
  Help), brands and chains, greetings and words of other languages, and
  large cities: capitals of countries and cities of more than 250,000
  people (README-asr-interpreted.md lists those that occur). Ordinary words
  that can be names ("i will", "in may", "the bill came") are not names.
- ORG: named schools, colleges, surgeries, hospitals, libraries, employers,
  shops, churches, mosques, charities' local groups, housing associations.
- ID_NUMBER: every reference of a case, claim, account, passport, NI number,
  NHS number, Home Office or tribunal reference, however it is spoken or
  written. PHONE, EMAIL (also as spoken: "dot", "at"), POSTCODE, URL as such.
  DATE: a full date (day, month and year) of a person's birth or of their
  case; a month or a weekday alone is not. OTHER: car number plates, social
  media handles.
Every name, street and number is invented (phones from Ofcom's drama ranges,
emails at example.org, NI numbers with prefix QQ); real places are used as
places, which are not personal data.

Run from the project folder:  python tests/data/make_anonymisation_asr_interpreted.py
"""

from __future__ import annotations

import json
import re
from pathlib import Path

OUT = Path(__file__).with_name("anonymisation-asr-interpreted.jsonl")
PREFIX = "asr"
LABELS = {"P": "PERSON", "L": "PLACE", "A": "ADDRESS", "O": "ORG", "PH": "PHONE", "E": "EMAIL", "PC": "POSTCODE",
          "D": "DATE", "ID": "ID_NUMBER", "U": "URL", "X": "OTHER"}
MARK = re.compile(r"\{([^{}|]+)\|([A-Z]+)(/v)?\}")
# Names in this set that are also ordinary English words (for the breakdown of misses by class).
ORDINARY_WORD_NAMES = {
    "will", "precious", "lily", "jan", "may", "sunday", "grace", "hope", "rose", "mark", "bill", "faith", "joy",
    "dawn", "frank", "pat", "patience", "blessing", "gift", "holly", "ruby", "amber", "jack", "penny", "summer",
    "ivy", "daisy", "sandy", "rob", "miles", "angel", "jade", "cliff", "dean", "victor", "hunter", "price",
    "young", "baker", "wood", "hill", "brown", "white", "green", "mason", "cook", "lee", "goodwin", "chance",
    "monday", "august", "june", "april", "hazel", "pearl", "reed", "marsh", "hope", "lovely", "honour",
}

LINES = """
# roma-mothers
- :: ok um so welcome everyone thank you for coming i will just say a few things first about the recording and then we can start
english :: {precious|P/v} do you want to start or shall i
english :: yeah ok um so i'm {precious|P} i'm the family support worker at the {beacon centre|O} on {hollybush lane|A} and this is {rose|P} who is helping with the children
slovak roma :: so {margita|P/v} you came from {michalovce|L} is that right
slovak roma :: interpreter she says yes from {michalovce|L} but first they lived in {lunik nine|L} the the settlement and then her husband {dezider|P} he came here in twenty twelve
slovak roma :: she says that her son {rudko|P} um {rudolf|P} is in year nine at {thornbury academy|O} and the school they they keep sending letters
roma slovak :: interpreter she says the letter was for {mrs m lakatosova|P} but her name is {lakatošová margita|P} they spell it wrong every time
- :: um the council said we have to wait like two years for a bigger house and i said we are seven in three rooms
czech roma :: my sister {jolana|P} she lives in {eastwood|L} now near nottingham and she says there it is better the school is good
- :: like honestly in the czech republic the school put our children in the special school so here is better for that
english roma slovak :: thank you {margita|P/v} um {rose|P/v} can you pass the tissues
czech roma :: {jolana|P}'s husband {ferko|P} works at the car wash no sorry the other one the {sparkle hand car wash|O} on {beeston road|A}
czech :: interpreter she says that her neighbour is called {jan|P} and {jan|P} said the landlord will come on monday but he never comes
czech :: she says {jan|P} um {jan dvořák|P} from number eleven he has a van and he helped them move
- :: in may we had no hot water for three weeks and the bill came anyway a big bill like four hundred pounds
slovak roma :: {božena|P/v} you wanted to say something about the doctor
slovak roma :: yes um the doctor at {parkgate surgery|O} he he said to my daughter {denisa|P} she must bring an interpreter herself and she is fifteen
slovak roma :: interpreter she says her daughter {denisa|P} is fifteen and she translates for the whole family at the doctor at the jobcentre everywhere
- :: dobrý deň sorry sorry i am late the bus the forty six it didn't come
- :: no problem come in sit down we were just talking about doctors
czech roma :: i am {kristýna|P} i am the sister in law of {jolana|P} we came from {chomutov|L} in twenty fifteen
- :: interpreter she says in {chomutov|L} they lived in a a block the block where only roma people live and the windows were broken
czech roma :: my husband {radek|P} he is called {radek horváth|P} he works in the chicken factory in {gainsborough|L} the night shift
czech roma :: {radek|P/v} sorry {kristýna|P/v} can you tell us a bit more about the factory
- :: the factory {lincs poultry|O} they they pay but the agency takes money for the bus for the house for everything
- :: i will tell you something the agency they say you will have work monday but monday there is no work
- :: ok i'm just going to mark that down um so the agency is the problem
slovak roma :: she says her husband {milan|P} signed a paper in english he did not understand and now they take like fifty pounds every week
- :: interpreter sorry she said the name of the agency it is {staffline north|O} no {staff first north|O} i think
- :: the house has mould in the bedroom the baby is always coughing and the landlord says open the window in january
english roma slovak :: {margita|P} says the health visitor {mrs greenhalgh|P} came and took photos of the mould and nothing happened
english :: was that {mrs greenhalgh|P} from the {eastwood clinic|O}
- :: yes yes the one with the red hair she is nice but nothing happened
slovak roma :: interpreter she wants to say about her other son {patrik|P} he is um he has autism and the school sends him home at lunch
- :: the letter from the school it says like we must come to a meeting about attendance but the meeting is in english only
slovak roma :: she she shows me the letter it says "Dear {Mrs M. Lakatošová|P}, re: {Patrik Lakatoš|P}, attendance 71%" and then the meeting
roma slovak :: in the letter it says {mrs m lakatošová|P} and {patrik lakatoš|P} and the teacher is {mr d pennington|P}
english :: ok so the letter is from {mr pennington|P} the head of year
- :: hope so hope it will be better in september with the new teacher
english yoruba :: {hope|P} is the new teacher her name is {hope|P} {miss hope adeyemi|P} she is kind
yoruba english :: the new teacher {miss adeyemi|P} {hope|P} she speaks to the mothers at the gate every morning
- :: my husband will come later he will bring the papers from the home office
- :: interpreter she says the home office reference it is on the letter it is {b2716409|ID} i think she is reading it {b two seven one six four oh nine|ID}
slovak roma :: {dezider|P} has the brp the card and the number is {zu4418832|ID} but it it expired
- :: i don't know like they said apply for settled status online but we have no computer
slovak roma :: my cousin {iveta|P} helped us she works at the {roma support hub|O} in {page hall|L}
roma slovak :: the hub in {page hall|L} yeah i know {iveta|P} she's brilliant
slovak roma :: she says {iveta balogová|P} she does everything the forms the school the doctor for all the families on {robey street|A}
slovak roma :: and {iveta|P}'s mother {aranka|P} is the old lady who cooks for the church on sunday
- :: on sunday we go to the pentecostal church everybody goes the whole street
slovak roma :: the pastor {pastor ladislav kaleja|P} he preaches in romanes and slovak
english :: ok great thank you so much everyone let's have a short break and then {mark|P} will do the second part
# polish-workers
english :: right so um shall we go round and say names {mark|P} here i run the session and {bill|P} is taking notes
english :: yeah {bill|P} hi everyone i'm just taking notes don't worry about me
polish :: i am {tomasz|P} {tomasz kowalski|P} but everybody says {tomek|P}
polish :: and i'm his wife {agnieszka kowalska|P} {aga|P} is fine
polish :: thanks {tomek|P/v} and {aga|P} so you both work at um at the warehouse
- :: yes at {brakes logistics|O} in {kirkby in ashfield|L} the big one by the motorway and before that in {sutton in ashfield|L}
- :: like before we lived in {zamość|L} you know it is a small city in the east of poland very nice old town
polish :: {pan kowalski|P} that is how the manager calls him {pan kowalski|P} like a joke because he he heard it from the polish guys
- :: um the bill the council tax bill came and it said we owe nine hundred and i said how
- :: my council tax account number is {6003 1872 4|ID} they wrote it on every letter and the phone they never answer
polish :: my neighbour {grażyna|P} she had the same she said ring the number and wait like one hour
polish :: interpreter he says {wojtek|P} his brother {wojciech|P} um {wojciech nowak|P} got the letter for the parking and it was not his car
- :: the car it was {yx19 klm|X} that's not our car ours is {fd66 wpt|X}
polish :: did {wojtek|P} appeal it
- :: yes he he wrote to them and the reference was like {pcn wy 40918273|ID} i have the photo
- :: may i say something about the doctors because it's important
- :: of course go ahead
polish :: my son {kuba|P} {jakub|P} he had the ear infection and the receptionist at the {kirkby medical centre|O} she said no appointment for three weeks
polish :: and then my mother {halina|P} came from {nowy sącz|L} to visit and she said in poland you go the same day
polish :: yeah we hear that a lot um {agnieszka|P/v} you mentioned your mother
polish :: yes my mother {halina wójcik|P} she is seventy four and she has the diabetes
- :: i will tell you my english is not so good but i will try
- :: you're doing great honestly
polish :: my friend {ola|P} {aleksandra|P} {aleksandra wiśniewska|P} she cleans the offices at night and she has two jobs
english polish :: {ola|P} she says the supervisor {dawn|P} she shouts all the time and calls them lazy polish
english :: {dawn|P} is the supervisor at the cleaning company
english polish :: yes {dawn|P} {dawn pritchard|P} from {clearview facilities|O} and {ola|P} is scared to say anything
- :: the dawn shift is the worst you start at five in the dark and the bus is not running
- :: interpreter he says his national insurance number is {qq 12 34 56 c|ID} and the jobcentre said it is wrong
- :: they said no it must be {qq123456c|ID} without spaces and i said it is the same number
- :: oh god yeah that's the computer
lithuanian :: hi sorry i'm {rūta|P} i'm from lithuania but i live with the polish girls in the house on {clumber street|A}
lithuanian :: {rūta|P/v} welcome um do you work at the warehouse too
lithuanian :: no i work in the care home {meadowbank care|O} in {mansfield woodhouse|L} and my boyfriend {mindaugas|P} drives for deliveroo
lithuanian :: {mindaugas|P} {mindaugo|P} mother she came last year from {panevėžys|L} and she is sick now
- :: like the nhs is good but the waiting is crazy
- :: the hospital letter says the nhs number is {943 476 5919|ID} and then another letter another number
english :: {will|P/v} sorry i mean {will|P} you've been quiet do you want to add something
english :: yeah um i'm {will|P} i'm the housing officer i'm just here to listen really
english :: {will|P} from the council yeah and {will|P} i did ask about the bill for the hot water
- :: i will look into it i promise will you send me the account number
- :: the housing account is {hra 00482137|ID} it's on the rent card
- :: ok {hra 00482137|ID} thanks got it
polish :: my husband {tomek|P} he said they took two payments in jan and nobody explained
polish punjabi :: {kowalska|P} says also the landlord {mr sandhu|P} the private one before he kept the deposit
punjabi :: {mr sandhu|P} on {sherwood road|A} yeah we've had complaints about him
punjabi :: {mr sandhu|P} um {gurpreet sandhu|P} he has like ten houses on that road
polish :: and he said if you complain i will put you out and we had a baby {zosia|P} she was two months
- :: retaliatory eviction that's what the lady at citizens advice called it
english polish :: {mrs kowalska|P} she went to citizens advice and the adviser {frank|P} he was very good
english :: {frank|P}'s amazing he helped my mum as well
- :: to be frank the citizens advice is the only place that answers the phone
polish :: {grażyna|P} {grażyna zielińska|P} she lives in {ollerton|L} she says there is nothing there no bus no shop
polish :: and her son {bartek|P} {bartosz|P} goes to school in {rainworth|L} and it takes one hour on the bus
lithuanian polish :: thanks everyone {agnieszka|P/v} {tomek|P/v} {rūta|P/v} that's really helpful
# romanian-albanian
english :: um ok recording now so this is the second group um {grace|P} is our interpreter for romanian today
english romanian :: hi everyone i'm {grace|P} i'll interpret for {ionela|P} and {ilie|P} and anyone who needs it
- :: bună ziua bună ziua everybody
romanian :: interpreter {ionela|P} says she is from {târgu jiu|L} and she came with her husband {ilie|P} and the two boys in twenty nineteen
romanian :: she says that her husband {ilie|P} he worked in the fields in {wisbech|L} picking and now he drives the forklift
romanian roma :: {ilie|P} told me the gang master {costică|P} he took their passports for two months
romanian roma :: interpreter he says the man {costică|P} {costică lăcătuș|P} from {țăndărei|L} he keeps the passports of all the workers
- :: my passport number it is {054729913|ID} i remember because i wrote it so many times
romanian :: that's awful {ilie|P/v} did you go to the police
romanian :: he says no no because {costică|P}'s brother {marian|P} he knows where they live in {march|L}
- :: in march we moved again because of the mould the third house in one year
- :: interpreter she says the house in {march|L} was on {burrowmoor road|A} and the rent was five hundred for one room
romanian :: {mirela|P} the lady next door {mirela dumitru|P} she helped with the school for the boys at {neale wade academy|O}
romanian :: and {mirela|P} said the boys {andrei|P} and {darius|P} are very clever but they don't speak in class
romanian :: {andrei|P} and {darius|P} how old are they
romanian :: {andrei|P} is eleven {darius|P} is eight {darius|P} was born on the {fourteenth of february twenty eighteen|D} in romania
- :: mulțumesc thank you i don't have more
albanian :: thank you so much um let's go to {arben|P/v}
albanian :: {arben|P} yes hello i am from albania from {kukës|L} in the north near the border
- :: interpreter he says he came on the boat in twenty twenty two and now he waits for the home office
irish :: his reference is {u1294508|ID} and the solicitor {ms brennan|P} from {wellgate law|O} she says maybe two more years
irish albanian :: {ms brennan|P} {siobhan brennan|P} she is the only one who answers his emails
albanian :: he says his cousin {ardita|P} said the same in her case the solicitor is good but the home office is slow
albanian :: my cousin {ardita|P} she lives in {west hendon|L} in london with her husband {gentian|P}
albanian :: interpreter she says {ardita berisha|P} she had a letter the tribunal number {pa/05123/2024|ID} and nobody explained what it means
albanian :: ok so {ardita|P} is in london {gentian|P} too
albanian :: yes and {gentian|P}'s brother {besnik|P} is in {fier|L} still with the mother
albanian :: the mother {drita|P} she is sick and {arben|P} cannot go back to see her
- :: mirëdita mirëdita sorry i was outside on the phone
- :: faleminderit thank you for the tea
- :: interpreter he says the hotel they put him in was in {skegness|L} by the sea and there were two hundred men
albanian :: and then they moved him to the barge in {portland|L} and then to a house in {boston|L} with {dritan|P} and {ilir|P}
- :: i will not go back the home office can send me anywhere i will not go back
english :: um {lily|P/v} you had your hand up
english :: yeah i'm {lily|P} i volunteer at the {fenland migrant drop in|O} at {st peter's church|O} in {wisbech|L}
english :: so {lily|P} the drop in is on tuesdays
english :: tuesdays and thursdays and {lily|P} sorry me i do the english class with {june|P}
english :: {june|P} {june fairbrother|P} she's retired she was a teacher at {thomas clarkson academy|O}
- :: in june we lost the room because the church needed it for weddings
english romanian :: {ionela|P} says {lily|P} helped her with the universal credit the claim the number is {uc 7730 4418 92|ID}
english :: she says the universal credit the work coach {bill|P} he was very strict
english :: {bill|P} at the jobcentre in {wisbech|L} yeah he's tough
- :: the bill for the electric is the biggest problem we pay by the card the key
- :: the electricity the meter key number is {7 4601 2298 5530 1177 0|ID} and it always says error
- :: interpreter she gives her phone number for the group it is {07700 900 418|PH}
- :: and her email is {ionela dot marin at example dot org|E}
- :: great and i have the other one {ilie.marin85@example.org|E}
romanian :: {ilie marin|P} yes that is him
# kurdish-arabic-families
english igbo :: ok is it recording yes ok so welcome um my name is {sunday|P} {sunday okonkwo|P} and i'm running today's group
igbo :: you can call me {sunday|P} everyone does even on a tuesday
- :: on sunday the mosque has the kurdish class for the children and the arabic class on saturday
arabic :: our interpreter today is {mr haddad|P} {nabil|P} he speaks arabic and a bit of kurdish
arabic :: {nabil|P/v} shall we start with {hevin|P} on the left
kurdish :: interpreter {hevin|P} says she is from {ranya|L} in kurdistan and she came to join her husband {shwan|P} in twenty twenty
kurdish :: she says her husband {shwan|P} works in the barber shop {kurdish cuts|O} on {manningham lane|A} in bradford
kurdish :: um the barber {kak rebwar|P} he is the owner he pays cash
kurdish :: interpreter she says that her son {aram|P} he has a problem with the speech and they waited one year for the speech therapy
kurdish :: {aram|P}'s sister {lana|P} is in year two and she translates for her mother at the school gate already
kurdish :: that's a lot for a little girl um {hevin|P/v} does the school have a kurdish speaker
urdu :: she says no only {mrs iqbal|P} speaks urdu and they think all muslims speak urdu
- :: like i speak sorani my husband speaks badini and the interpreter from the council speaks kurmanji so nobody understands
kurdish :: {dilan|P} yes i am {dilan|P} {dilan mustafa|P} i am from {zakho|L} near the border with turkey
- :: interpreter he says his case number from the home office is {k1873365|ID} and he is waiting five years
kurdish :: he says his friend {karwan|P} got the refusal and the appeal number is {hu/00412/2023|ID}
kurdish :: {karwan|P} {karwan abdullah|P} he lives in {heckmondwike|L} now with his cousin {hawre|P}
kurdish :: {dilan|P/v} sorry can i ask what happened with the appeal
english :: the judge judge {whitcombe|P} she said she did not believe him because he said a different date
arabic :: my turn yes i am {abu khalil|P} no {khalil|P} {khalil al-rifai|P} from syria from {daraa|L}
- :: interpreter he says they came on the resettlement scheme in twenty sixteen to {keighley|L} first then here
arabic :: he says his wife {umm khalil|P} no sorry {rania|P} she says call her {rania|P}
arabic :: interpreter {rania|P} says the children {yasmin|P} {omar|P} and {maryam|P} are all at {st john's primary|O} and they are happy
arabic gujarati :: she says {maryam|P} has the asthma and the gp {dr patel|P} at the {bowling hall surgery|O} is very good
- :: in damascus my husband was an engineer now he is a taxi driver
arabic :: {khalil|P} drives for {streamline taxis|O} his badge number is {phd 04417|ID}
- :: and the car is {bd15 xtr|X} he rents it from the company for two hundred a week
arabic :: his brother {ahmad|P} is still in lebanon in the camp in {bar elias|L} with the mother
arabic :: interpreter he says {ahmad al-rifai|P} applied for the family reunion and the reference is {ga 2025 118 402|ID}
arabic :: ok let me just um {nabil|P/v} can you ask {rania|P} about the housing
urdu :: interpreter she says the house is on {cavendish road|A} the landlord is {mr aslam|P} he is ok he fixes things
- :: the address is {forty two cavendish road|A} {bd10 8ly|PC} in case you want to send the letter
- :: they say bradford is a big city but for us it feels like a village everybody knows everybody
arabic :: {mrs al-rifai|P} she runs the women's group at the {shipley mosque|O} on thursdays
arabic :: {yasmin|P} she wants to be a doctor she says she will go to university in leeds
- :: inshallah she will she is very clever
kurdish :: {shilan|P} sorry i was late i am {shilan|P} the wife of {karwan|P}
kurdish :: interpreter she says she is from {qaladiza|L} and her mother {nasrin|P} is in erbil with the brother {sirwan|P}
kurdish :: she says {karwan|P} is very depressed since the refusal he doesn't sleep
kurdish :: i'm sorry {shilan|P} um is he getting any support
- :: she says the doctor sent him to the {mind in kirklees|O} group but the group is in english
- :: spas thank you i am ok
tigrinya :: hello my name is {filmon|P} i'm from eritrea from {mendefera|L}
- :: interpreter he says he came through libya and italy and then the lorry to {dover|L}
tigrinya :: he says his sister {hiwet|P} she is in {adi keyh|L} still and his mother {tsega|P} is in the camp in ethiopia
tigrinya :: {filmon|P} says he lives in the hostel on {laisteridge lane|A} with {yonas|P} and {teklemariam|P}
tigrinya :: thanks {filmon|P/v} and um {semhar|P/v} did you want to say
tigrinya :: yes i am {semhar|P} {semhar ghebremichael|P} i am the wife of {yonas|P}
tigrinya :: interpreter she says that her husband {yonas|P} was beaten in libya and he still has the pain in the back
tigrinya :: {yonas|P}'s hospital number is {rae 0091 2263|ID} at the {bradford royal|O}
- :: she says the church {medhanie alem church|O} on {church street|A} helps them with food
- :: we speak tigrinya at home and the children speak english and we don't understand their homework
# somali-afghan-women
english :: ok ladies um we'll start thank you for coming this is the women's group at the {lozells community hub|O} and i'm {faith|P}
english :: and i'm {joy|P} i'm the somali interpreter well i'm half somali half english
english somali :: {joy|P/v} can you tell {hodan|P} we're recording
somali :: interpreter {hodan|P} says ok no problem she wants people to know what is happening
- :: she says she is from {beledweyne|L} and she came in two thousand and eight first to holland
- :: the holland part was ok the houses were good but the language was too hard
somali :: {hodan|P} says her son {abdirahman|P} is sixteen and the police stopped him three times on {lozells road|A}
somali :: she says {abdirahman|P} {abdi|P} they call him {abdi|P} he is a good boy he plays football at the {villa road youth club|O}
irish somali :: interpreter she says the coach {mr o'donnell|P} {declan|P} wrote a letter for him to the police
irish :: yeah {declan o'donnell|P} i know him he's been at the youth club like twenty years
somali :: {hodan|P}'s friend {fartun|P} she um she wants to say about the hospital
somali :: interpreter {fartun|P} says when she had the baby {hamdi|P} the midwife did not call an interpreter and she didn't understand the operation
somali :: {hamdi|P} was born on the {second of april twenty twenty three|D} at the city hospital
- :: april was very cold that year and we had no heating in the flat
somali :: she says {fartun warsame|P} is her full name and the hospital wrote {fartuun warsame|P} so now the records don't match
english :: that happens a lot with the spelling doesn't it {faith|P} will note that
somali :: yeah i'll note it um {sahra|P/v} you wanted to say something
somali :: yes {sahra|P} {sahra ismail|P} i live in {handsworth wood|L} with my four children and my mother
somali :: interpreter she says her mother {khadra|P} is eighty and needs a carer and the council said the carer comes for fifteen minutes
shona :: the carer {patience|P} from {bluebird care|O} she is kind but fifteen minutes is nothing
- :: you need patience with the council patience patience every day
shona :: {patience|P} {patience moyo|P} yes i know her she comes to my neighbour too
persian :: hello i am {mahnaz|P} i am from afghanistan but my family is from iran
persian :: interpreter {mahnaz|P} says she speaks dari and farsi and she was a teacher in {herat|L}
persian :: she says her husband {behrouz|P} is still in tehran and she applied for him to come
- :: the application is {gwf 071 842 339|ID} and they said wait
pashto :: my name is {zarghuna|P} i am from {ghazni|L} i speak pashto
- :: interpreter she says she came with the evacuation in twenty twenty one and they lived in the hotel in {cannock|L}
- :: the hotel the food was the same every day rice rice rice
pashto :: she says her daughter {gul|P} {gul bibi|P} is eighteen and she wants to go to college but the college said she needs the english first
pashto :: {zarghuna|P} says the english class at {south and city college|O} has a waiting list of one year
pashto :: yeah that's the esol waiting list um {zarghuna|P/v} did you try the library class
english :: interpreter she says yes with the teacher {miss hazel|P} {hazel brookes|P} on wednesdays
english :: oh {hazel|P} is lovely
- :: the hazel tree outside the library they cut it down last year
urdu :: i'm {nasreen|P} i am from pakistan from {dadyal|L} in kashmir
urdu :: my husband {tariq|P} {tariq mahmood|P} has the shop {tariq's mini mart|O} on {soho road|A}
urdu :: interpreter she says her son {bilal|P} is in the year eleven at {holte school|O} and he got the bullying because he is quiet
bengali :: and i am {ruksana|P} {ruksana begum|P} i'm from bangladesh sylhet
bengali :: interpreter she says actually from {beanibazar|L} not sylhet city and her husband {shamim|P} works at the restaurant in {sutton coldfield|L}
- :: the restaurant is the {spice lounge|O} on {birmingham road|A}
- :: birmingham is big but i never leave handsworth except for the hospital
bengali :: {ruksana|P}'s daughter {tania|P} she has the special needs and the ehcp number is {ehc 22 04391|ID}
english :: {faith|P/v} can i say one more thing
somali :: yes of course {hodan|P/v}
- :: interpreter she says her phone is {07700 900 133|PH} if anyone wants to join the whatsapp group
- :: and the email is {hodan.mohamed@example.org|E} her son set it up
english :: lovely and {joy|P} has the list um {joy|P/v} do you have everyone
bengali pashto persian somali urdu :: yeah i think so um {abdi|P}'s mum {hodan|P} {fartun|P} {sahra|P} {mahnaz|P} {zarghuna|P} {nasreen|P} {ruksana|P}
- :: joy joy to the world that's what my son sings all december
# advice-caseworkers
chinese english shona :: so this is the caseworkers' session um we've got {may|P} from the law centre {dean|P} from the housing team and {gift|P} from the refugee council
chinese english :: hi yeah i'm {may|P} {may chen|P} i'm the immigration adviser at {northfield law centre|O}
- :: may i just say at the start i can't talk about any live cases by name
english :: of course {may|P/v} thanks um {dean|P/v} do you want to
english :: yeah {dean|P} {dean hollis|P} housing options um so we see a lot of the polish and romanian families from {west hendon|L} and {colindale|L}
- :: like last week a lady came in with a letter from the landlord's solicitors {harcourt & pike|O} saying section twenty one
polish :: and the letter says "Dear {Mr A.B. Nowak|P}" and it's a section 21 but the deposit wasn't protected
polish :: so that's {mr a.b. nowak|P} in the letter but she's {mrs nowak|P} {beata|P} the tenant
english :: the letters in our system are always like "{Mrs P.|P}" or just "{J.D.|P}" and you can't tell who's who
shona :: honestly {gift|P/v} what do you see
shona :: ok so i'm {gift|P} {gift chikwanha|P} i'm originally from zimbabwe from {chitungwiza|L} and i do the asylum support
- :: the home office references we get are like {h1162970|ID} or the old ones like {h11/62970/01|ID} and people mix them up
- :: and the application numbers from the tribunal like {30412/07|ID} or the council ones {09/22h.4|ID} they're all different shapes
- :: the shapes change every year it's ridiculous
- :: and the bank they use the card number {4021-7736-0915-2284|ID} on the aspen card sorry the aspen card number
english :: right um so {may|P} what's the hardest thing for your clients
english :: the hardest thing is the letters they come addressed to "{Mr T. Hargreaves|P}" or whoever the previous tenant was
english :: we had one where the letter was to "{Lord Carrow|P}" because the landlord's company is {carrow estates|O} and people thought it was a real lord
english :: {lord carrow|P} yeah i remember that everybody was terrified
- :: the lord knows how that got through the post room
- :: and the council tax reference on that one was {ct 6004 1193|ID} which was somebody else's
- :: so we rang the council and they said the account {6004 1193|ID} is closed
- :: the bill was in the wrong name and the council tax office said we can't change it without the old tenant
english :: {dean|P} was it {mr t hargreaves|P} on {nether edge road|A}
english :: no that was {mrs hargreaves|P} the mum different address {flat 3 nineteen nether edge road|A}
- :: i don't remember the postcode {s7 1rx|PC} i think
english :: and {j.d.|P} in the minutes was {jason doyle|P} the housing officer before me
- :: dean of the faculty no sorry i mean the dean from the university wrote a support letter for one of our students
- :: the student's passport {pa 4471093|ID} polish passport and the university sent the letter to the wrong address
polish :: yes and she is {ewelina|P} {ewelina mazur|P} from {tarnobrzeg|L} she studies nursing
- :: ok let's not use names um but yeah we see that
shona :: {gift|P} what about the aspen cards
- :: so the aspen card number is sixteen digits {5399 2810 4472 0163|ID} and if it's lost it takes two weeks
- :: and the asylum support reference {asu 2241079|ID} goes on every form
- :: and the ni numbers {qq 98 76 54 a|ID} the ones from the jobcentre start with qq on our test forms anyway
- :: i will send you the template will that be ok
english :: {will|P} will be there as well from the council he'll bring the templates
english :: um so {may|P} how many clients a week
english :: like forty fifty and the interpreters {mark|P} and {bill|P} and {sandy|P} we use a lot
scottish :: {sandy|P} {sandy mcleod|P} is the scottish one she speaks arabic she lived in the {gorbals|L} and then syria for years
- :: the mark of a good interpreter is they don't add anything
english irish :: and {mark|P} {mark o'hara|P} he's arabic too he interprets at the combined court in leeds
- :: mark my words the waiting lists will get worse
english :: ok um {dean|P/v} the last thing the housing register
- :: yeah the register number is like {hr/2024/118432|ID} and people lose them
- :: my email if anyone needs it is {dean.hollis@example.org|E} and the direct line {0114 496 0217|PH}
- :: and mine is {may.chen@example.org|E} or ring {020 7946 0352|PH}
shona :: {gift|P} {gift chikwanha|P} {07700 900 561|PH} the whatsapp is the same
chinese english shona :: {may|P} {dean|P} {gift|P} thank you so much that was brilliant
# young-people-estate
english :: right so um this is the youth panel i'm {jade|P} and this is {cliff|P} he's the youth worker
english :: alright i'm {cliff|P} {cliff barraclough|P} been at the {moorside youth project|O} like fifteen years
english :: ok so go round names and where you live {ruby|P/v} you start
english :: um i'm {ruby|P} i live on the {lower earley|L} estate well near it by the shops
english :: i'm {jack|P} i live in {woodley|L} but my nan lives in {lower earley|L} so i'm there most days
vietnamese :: i'm {minh|P} {nguyen van minh|P} but everyone says {minh|P} i live in {whitley|L}
vietnamese :: my dad {mr nguyen|P} has the nail shop {luxe nails|O} on {oxford road|A}
vietnamese :: {minh|P/v} is your dad's shop the one by the big tesco
vietnamese :: yeah that one and my sister {linh|P} works there on saturdays
portuguese :: i'm {tiago|P} i'm portuguese well from madeira and i live on {the ridgeway|A} with my mum {fernanda|P}
portuguese :: {tiago|P/v} you said last time about the police
portuguese :: yeah like they stopped me and {kelvin|P} outside {reading|L} station for no reason
akan english :: {kelvin|P} is my cousin {kelvin mensah|P} he plays for the {reading rams youth|O}
- :: like the police in {reading|L} they stop you if you're in a group of three it's mad
irish :: i'm {niamh|P} {niamh doherty|P} and my family are irish travellers we live on the site at {smallmead|L}
irish :: my da {paddy|P} {paddy doherty|P} says the council want to close the site and move us to bricks and mortar
irish :: {niamh|P/v} how does that feel
irish :: like we've been on {smallmead|L} since i was born my granny {bridget|P} is buried in {henley road cemetery|L}
english :: i'm {summer|P} i live with my foster carer {pat|P} in {tilehurst|L}
english :: {pat|P} {pat goodwin|P} she's nice she's had like thirty kids
- :: in the summer we go to the lido when it's open which is like never
english :: {summer|P/v} you mentioned school
english :: yeah i got excluded from {prospect school|O} because of a fight with {brandon|P} and {brandon|P} didn't get anything
welsh :: i'm {rhys|P} {rhys pritchard|P} i moved from {merthyr tydfil|L} last year with my mum {siân|P}
welsh :: my mum {siân|P} works at the {royal berkshire hospital|O} on the wards
welsh :: {rhys|P} is the welsh one he's alright
scottish :: i'm {callum|P} {callum mcgregor|P} i'm from {paisley|L} originally my dad {angus|P} is in the army
scottish :: {callum|P/v} sorry {angus|P} is in the army is he away a lot
- :: yeah he's in {catterick|L} then {tidworth|L} now
- :: miles away every time like we never see him for miles and miles
english :: i'm {miles|P} {miles fairweather|P} i'm here for {cliff|P} basically
english :: {miles|P} is our peer mentor {miles|P} do you want to say about the survey
- :: yeah we did the survey on {whitley wood road|A} and {northumberland avenue|A} like a hundred doors
- :: and the email for the survey is {youth.voice@example.org|E} and the website is {www.example.org/moorside-youth|U}
- :: oh and the instagram is {@moorside_youth|X}
english :: {jade|P/v} can i say about the buses
english :: go on {jack|P/v}
- :: the seventeen doesn't go to {lower earley|L} after nine so if you work at the asda in {lower earley|L} you're stuck
# eastern-europe-workers
ukrainian :: ok we're recording um thanks for staying late after work everybody {victor|P} is going to interpret for the ukrainian and russian speakers
ukrainian :: yes i am {victor|P} {viktor kovalenko|P} i am from {bila tserkva|L} near kyiv
english ukrainian :: interpreter {oksana|P} says she came with the homes for ukraine scheme and the sponsor is {mrs whitaker|P} in {barrow upon soar|L}
english :: she says {mrs whitaker|P} {penny|P} {penny whitaker|P} is very kind but the village has no bus after six
- :: a penny for the bus no really the bus costs two pounds now and there is one an hour
ukrainian :: {oksana|P} says her daughter {sofiia|P} goes to {humphrey perkins school|O} and she is the only ukrainian there
ukrainian :: and her husband {taras|P} is still in ukraine in the army she has no news for two weeks
ukrainian :: i'm so sorry {oksana|P} um {victor|P/v} can you tell her we can stop any time
- :: interpreter she says no no it is ok she wants to talk
- :: she says the visa number is {gwf 084 512 776|ID} and the brp is {zr 7720315|ID} and the bank wanted the both
hungarian :: i am {zsolt|P} from hungary from {miskolc|L} my wife is {ildikó|P}
hungarian :: interpreter he says {zsolt|P} and {ildikó|P} work at the walkers crisps factory in leicester
- :: the walkers factory is on the ring road everybody from hungary works there or in the meat
hungarian :: {ildikó|P} says {zsolti|P} that is him works nights and she works days so they see each other on sunday only
hungarian irish :: their son {bence|P} is at the {beaumont leys school|O} and the teacher {mr fitzgerald|P} called them about the behaviour
bulgarian :: hello i am {stoyan|P} from bulgaria from {sliven|L} i am roma
bulgarian roma :: interpreter he says he and his brother {asen|P} came in twenty fourteen and they work on the building sites for {mcallister construction|O}
bulgarian roma scottish :: he says {asen|P} fell from the scaffold and the boss {mr mcallister|P} said don't call the ambulance
bulgarian roma :: {asen|P} {asen kostov|P} had the broken leg and he lost the job and the boss paid nothing
- :: oh my god did he get advice
english :: he says yes {may|P} at the law centre helped them and the claim number is {pi 2023 0478|ID}
latvian :: i am {ilze|P} from latvia from {daugavpils|L} i work in the packhouse in {spalding|L}
latvian :: my boyfriend {jānis|P} {janis|P} he is called {jānis bērziņš|P} but the english people call him {john|P}
- :: in jan the packhouse closes for two weeks and we have no money
latvian :: interpreter she says the agency {fresh harvest recruitment|O} sent {jānis|P} to {boston|L} then {holbeach|L} then back to {spalding|L}
- :: her address is {fourteen pinchbeck road|A} {pe11 1qd|PC} and the landlord is the agency also
- :: the agency is the landlord and the boss and the bus it's like they own you
latvian :: {ilze|P/v} does the agency take rent from your wages
- :: yes and the payslip says emp no {004417|ID} and the deduction is for the house
romanian :: i am {florin|P} from romania but i am not roma i am from {alexandria|L} in the south
- :: interpreter he says people hear alexandria and think egypt
romanian :: he says {florin|P} {florin popescu|P} drives the lorry for eddie stobart and he is away all week
romanian :: his wife {georgiana|P} stays with the children in {loughborough|L} and she cleans at the university
romanian :: {florin|P/v} thanks um {georgiana|P} goes to the english class at {shepshed library|O}
english :: yes the teacher is {mrs bunting|P} {gill|P} very nice
czech :: my name is {honza|P} {jan novák|P} but {honza|P} is the same as {jan|P} you know
czech :: my wife {lenka nováková|P} she is {nováková|P} with the ková because she is a woman
czech :: {honza|P/v} that's really interesting so {lenka|P} is {nováková|P} and you're {novák|P}
czech :: yes yes and the english forms they put {mrs novak|P} and the bank says it is not the same person
czech :: interpreter he says the bank santander refused the account because {lenka|P}'s passport says {nováková|P}
czech :: {lenka|P} works at the {kegworth nursery|O} and {honza|P} at {east midlands airport|O}
- :: the airport is good work but the shifts are crazy four in the morning
- :: our address is {nine forest street|A} {le12 6tr|PC} in {shepshed|L}
bulgarian czech hungarian latvian romanian ukrainian :: {victor|P/v} {zsolt|P/v} {stoyan|P/v} {ilze|P/v} {florin|P/v} {honza|P/v} thank you all so much
# gypsy-traveller-elders
english :: ok so this is um the elders group at the {cottingley|L} site thank you for having us i'm {holly|P} from the health team
english roma :: well i'm {vashti|P} {vashti lovell|P} and this is my husband {nelson|P} {nelson lovell|P} we've been travelling sixty years
english roma :: {nelson|P} don't say much so i'll do the talking as usual
english roma :: {vashti|P/v} tell us about the doctor
- :: the doctor at {drighlington surgery|O} won't take us because we've got no fixed address they say
english roma :: my daughter in law {mercy|P} {mercy boswell|P} she had to go to a&e for the baby because no doctor would see her
english roma :: the baby {lias|P} {lias boswell|P} he's two now bless him
english roma :: and {mercy|P} is she on the site now
english roma :: no {mercy|P} and my son {levi|P} are pulled up on the side of the road at {gildersome|L} the council moved them three times this month
english roma :: {levi|P} got the notice from the council the number on it was {ena/0923/lc|ID} i've got it in the van
- :: the council say there's no room on the site and they build houses everywhere but no site
english roma :: my sister {dolly|P} {dolly loveridge|P} is on the site at {bramley|L} she says the same
english roma :: {dolly|P} yeah i met {dolly|P} last year at the {appleby|L} fair
- :: appleby is the best week of the year everybody goes
english roma :: my grandson {rocky|P} {rocky price|P} he's at {tong high school|O} and the teacher said he's a gypsy like it's an insult
english roma :: {rocky|P} says the boy called him a pikey and the school did nothing
- :: the price of diesel is killing us honestly we can't move anywhere
english roma :: {nelson|P}'s brother {silvester|P} died in the winter in {wetherby|L} in the hospital and they wouldn't let the family in
english roma :: i'm really sorry {vashti|P} that's awful
english roma :: the nurse {sister reed|P} she let us in the end two at a time
english roma :: {nelson|P/v} anything you want to add
- :: only that we're not going anywhere we've got the right
english roma :: ok thank you {nelson|P} um {grace|P} from the council wanted to say something
english irish :: yeah i'm {grace|P} {grace kilbride|P} the gypsy and traveller liaison officer
irish :: i'm {tommy|P} {tommy mcdonagh|P} i'm irish traveller from {tuam|L} originally my wife {bridie|P} is from {ballinasloe|L}
irish :: me and {bridie|P} have six children and {bridie|P} says the school in {birstall|L} is good to them
- :: our plot number on the site is {plot 14|A} and the rent account is {tr 0014 226|ID}
- :: grace before meals that's what my mother always said grace before meals
english roma :: {goodwin|P} {jimmy goodwin|P} my cousin he does the tarmac he works with {billy|P} and {frank lee|P}
english roma :: {frank|P} {frankie|P} {frank lee|P} is the one with the horses at {cottingley|L}
- :: we don't frank the letters we just post them and they never arrive
english roma :: {holly|P} here again um {vashti|P/v} what number is best for you
english roma :: {07700 900 726|PH} that's {levi|P}'s phone he reads things for me
english roma :: i can't read you see {holly|P} so {levi|P} does everything the forms the phone
english roma :: and {levi|P}'s email is {levi.boswell@example.org|E} he set up for the council
- :: holly and ivy at christmas we decorate the trailers
english roma :: my great granddaughter is called {ivy|P} {ivy lovell|P} she's the apple of my eye
english roma :: and her sister {daisy|P} and the baby {precious|P} all three on the site
english :: {precious|P} {daisy|P} and {ivy|P} lovely names
# east-african-men
amharic english tigrinya :: ok um welcome to the men's group at {st barnabas church|O} i'm {rob|P} and {tesfay|P} will interpret for tigrinya and {abebe|P} for amharic
english tigrinya :: thank you {rob|P} yes i am {tesfay|P} {tesfay haile|P}
tigrinya :: {tesfay|P/v} can you ask {habtom|P} to start
tigrinya :: interpreter {habtom|P} says he is twenty three from {keren|L} and he came through sudan and libya
- :: he says in libya the smugglers kept him in {bani walid|L} for eight months and his family paid
tigrinya :: he says his brother {amanuel|P} is still in the camp in {shagarab|L} and his mother {letemariam|P} in {keren|L}
tigrinya :: {habtom|P} says he lives in the house in {wood green|L} on {lordship lane|A} with five men
tigrinya :: and {habtom|P}'s home office ref is {t1740082|ID} and he is waiting for the interview since one year
amharic :: interpreter {abebe|P} here {dawit|P} says he is from ethiopia from {dessie|L} and he speaks amharic
amharic :: he says {dawit|P} {dawit alemu|P} was a pharmacist in {dessie|L} and here he works in the car wash
amharic :: he says his wife {meseret|P} and the daughter {hana|P} are in addis ababa waiting for the visa
amharic :: {dawit|P} says the visa application {gwf 066 213 905|ID} was refused because of the dna test
somali :: i am {abdullahi|P} from somalia from {baidoa|L} i speak somali and a bit of arabic
somali :: {abdullahi|P} says he works at the {royal mail|O} in {tottenham hale|L} the night shift
- :: tottenham hale the retail park that's where everybody waits for the work vans
sudanese :: my name is {mohammed|P} {mohammed el tayeb|P} from sudan from {el fasher|L} in darfur
sudanese :: interpreter he says his village was burned and his father {adam|P} and his uncle {yahya|P} were killed
- :: he says he lives in the hotel in {harlow|L} and the home office say he must move to {stoke gifford|L} next week
sudanese :: {mohammed|P/v} do you know why they are moving you
sudanese :: he says no the letter just says "Dear {Mr M. El Tayeb|P}, HO ref. {S2281763|ID}" and the date
- :: and the reference {s2281763|ID} is different from the one on his card {s228 1763 0|ID}
yoruba :: i'm {tunde|P} from nigeria from {ijebu ode|L} i'm not refugee i'm on the skilled worker visa
yoruba :: i work at the care home {sunrise of enfield|O} and my wife {blessing|P} too
yoruba :: {blessing|P} {blessing adebayo|P} and me {tunde adebayo|P} we work the same shifts so the kids are alone
- :: it's a blessing we have the work but the sponsor can send us home any time
english :: our manager {mr richards|P} {victor richards|P} said if we complain the visa goes
turkish :: i am {mehmet|P} from turkey i am kurdish from {varto|L} in muş
turkish kurdish :: interpreter he says {mehmet yıldız|P} has the restaurant {anatolia grill|O} on {green lanes|A} with his brother {hasan|P}
turkish kurdish :: he says {hasan|P} had the accident on the bike and the insurance is {pol 55102973|ID}
turkish :: {hasan|P} is that {hasan yıldız|P} with the red bike
- :: yes yes that is him
- :: green lanes is like little turkey everybody speaks turkish there
tigrinya turkish :: thanks {mehmet|P/v} um {tesfay|P/v} one more question for {habtom|P}
akan tigrinya :: interpreter {habtom|P} says yes he wants to say the solicitor {mr osei|P} at {brightwater solicitors|O} is good but slow
- :: and the solicitor's email is {k.osei@example.org|E} and the number {020 7946 0188|PH}
tigrinya :: {habtom|P} says his friend {berhane|P} {berhane tekle|P} got the status last month after four years
tigrinya :: {berhane|P} has the biometric card now and the number on it is {zx 0418827|ID} he showed everybody
# czech-slovak-housing
czech :: ok so um this is the housing one {petra|P} is interpreting czech and slovak today thanks {petra|P}
czech :: yes hello i am {petra|P} {petra svobodová|P} i will interpret
czech roma :: interpreter {pan dunka|P} says he lives on {dalton lane|A} in {keighley|L} with his wife and the six children
czech roma :: he says {pan dunka|P} {josef dunka|P} and his wife {paní dunková|P} {věra|P} they came from {most|L} in twenty eleven
- :: most of the families on the street came from the same town in the czech republic
urdu :: he says the house is {number sixty eight dalton lane|A} the landlord is {mr khan|P} and the roof is leaking into the bedroom
czech roma :: interpreter he says {věra|P} um his wife she has the letter from environmental health the reference is {eh/22/04518|ID}
english :: and the officer {mr t. hargreaves|P} came once took photos and never came back
english :: {tom hargreaves|P} from environmental health yeah ok
czech roma :: {josef|P} says his son {pepa|P} {josef junior|P} is nineteen and has no job and sits at home
czech roma :: {pepa|P} says the jobcentre sent him to {keighley college|O} but the course is full
slovak roma :: ok um i am {renáta|P} from slovakia from {jarovnice|L} the biggest roma village
slovak roma :: interpreter {renáta|P} says her husband {štefan|P} {števo|P} is in the hospital in {airedale|L} with his heart
- :: she says the hospital gave her the paper with his number {ahn 441 902 7736|ID} and she doesn't know what it is
roma slovak :: that's probably his hospital number ok {renáta|P/v} do you have family here
slovak roma :: yes my brother {gejza|P} {gejza pokuta|P} in {ingrow|L} and my sister {jana|P} in {riddlesden|L}
slovak roma :: {jana|P} says {gejza|P}'s wife {erika|P} cleans at the {worth valley hotel|O}
- :: the hotel work is cash only no contract nothing
slovak :: interpreter {petra|P} here sorry {renáta|P} also says her phone changed it is {oh seven seven hundred nine hundred two nine one|PH}
slovak roma :: and {štefan|P}'s phone is {07700 900 307|PH} but he can't answer now
czech roma :: i am {marcela|P} i am the daughter of {josef|P} {marcela dunková|P} i speak english i can say myself
- :: like we applied for the council house the application is {kh 118 204|ID} and they said band c that means never
czech roma :: my friend {nikola|P} {nikola gáborová|P} got a house in {braithwaite|L} after six years on the list
czech roma :: thanks {marcela|P/v} um so band c um can you say what the letter says
czech roma :: it says "Dear {Miss M. Dunkova|P}, your housing register number {KH118204|ID} has been placed in Band C"
english :: and it's signed "{J. Pemberton|P}, Housing Options Team"
english :: {j. pemberton|P} that's {julie pemberton|P} she's nice actually
- :: like i don't care if she's nice i care about the house
czech roma :: {marcela|P} says also the school {holycroft primary|O} put her little brother {denis|P} in the lowest group
czech roma :: {denis|P} {denis dunka|P} is eight and he reads better than me
slovak roma :: interpreter {renáta|P} says the children go to {eastburn junior|O} no {eastwood primary|O} sorry the one by the park
- :: we came for the children's future that's all
czech :: {petra|P} here the address of the community centre is {the old police station gresley road|A} if people want to come
- :: and the postcode is {bd21 5jw|PC}
slovak roma :: {renáta|P} says she will come on monday with {jana|P}
- :: on monday the centre is closed it is only tuesday to friday
czech :: ok thanks {petra|P} thanks everyone
# mixed-community-meeting
english :: um hello can everyone hear me at the back ok my name is {amber|P} from the residents association
english :: {amber|P} {amber walsh|P} yeah i chair the meetings on the {hangleton|L} estate
akan :: hi {amber|P} it's {kwame|P} from flat nine
akan :: {kwame|P/v} hi yes go on
akan :: {kwame asante|P} from {flat 9 bowring house|A} the lift has been broken since august
- :: august september october the lift is broken and my mother is on the seventh floor
akan :: {kwame|P} i know i've emailed brighton and hove about it three times
- :: sorry i mean the council i emailed the council the case number is {cr 5523 190|ID}
english :: {august|P} {august fenwick|P} from number twelve said he'd chase it too
english :: yeah it's me {august|P} i chased it i chased it they said the engineer is coming
persian :: hello i am {soraya|P} from flat eleven my english is so so
persian :: {soraya|P} says she wants to say the boys on the stairs are selling drugs and the police don't come
persian :: {soraya|P} {soraya rahimi|P} and my husband {navid|P} we are scared for the children
english persian :: thank you {soraya|P/v} we'll raise that with the pcso {pc dobson|P}
english :: {pc dobson|P} {rachel dobson|P} she comes on thursdays to the cafe
- :: like the police they come thursday and the drugs come every day
arabic :: i am {huda|P} from syria {huda al-masri|P} my children are {karim|P} and {nour|P}
arabic irish :: {huda|P} says {karim|P} was bullied at {hangleton junior school|O} and the head teacher {mrs o'brien|P} said it was a game
arabic :: {huda|P/v} i'm sorry can i ask did you speak to the school again
arabic :: she says yes {nour|P} translated and the teacher said they will watch
english :: i'm {hunter|P} i'm new here i moved from {portslade|L} last month
english :: {hunter|P} welcome um which block are you
- :: {bowring house|A} as well flat twenty two
- :: we're hunting for a new caretaker as well the old one left
english igbo :: i'm {chance|P} {chance okoro|P} i run the food bank at {west blatchington|L} the {hangleton food bank|O}
igbo :: {chance|P} and his wife {chioma|P} they do everything there honestly
igbo :: yeah {chioma|P} cooks and i drive the van the van is {ej18 hvc|X}
- :: there's no chance we can do deliveries on sundays we're all volunteers
english :: {angel|P} sorry can you pass the mic to the lady at the back
english :: thanks {angel|P} um hi i'm {dawn|P} {dawn hemsley|P} from {knoll house|A} the damp is terrible
- :: my housing account is {0048 5521 07|ID} and the repair job number is {rj 7710423|ID}
english :: and the repair man {terry|P} came and painted over the mould
english :: {terry|P} {terry mould|P} ha that's his actual name
- :: the mould is back in two weeks it always comes back
romanian :: i am {viorica|P} from romania i live in {knoll house|A} too with my mother {elena|P}
romanian :: interpreter {viorica|P} says the rent went up by eighty pounds and the letter said tenancy ref {hh/0917/kn|ID}
romanian :: {viorica|P/v} is that the housing association letter
- :: yes the housing association {southdown homes|O} sent it
english :: ok we'll take all that um {amber|P} can you read the contacts out for people
english :: yeah so me {amber|P} {07700 900 652|PH} the email {hangleton.residents@example.org|E} and the facebook is {facebook.com/example-hangleton|U}
gujarati :: and the councillor is {cllr patel|P} {cllr nisha patel|P} she does surgeries at the {hangleton library|O}
- :: the next meeting is in may probably the second week of may
akan arabic english persian romanian :: thank you everybody thank you {kwame|P} {soraya|P} {huda|P} {dawn|P} {viorica|P} {august|P}
# short-turns-mixed
english :: {bill|P/v} can you can you stop the recording for a sec
czech :: ok we're back um {jan|P/v} you were saying about the your neighbour
czech :: yes so my neighbour is called {jan|P} too like me and {jan|P} said the the police came at night
polish :: {janek|P} sorry {jan|P} the polish one not me
- :: the police came at night and took the car and they didn't say why
kurdish :: {hawre|P/v} you're next
kurdish :: um yes {hawre|P} {hawre aziz|P} from {akre|L} i live in {dewsbury|L} with {rebin|P}
kurdish :: {rebin|P} is my cousin he works in the kebab shop in {batley|L} {zagros kebab house|O}
arabic :: {omar|P/v} do you want to
arabic :: yes um {omar|P} i i came from iraq from {tal afar|L} my wife {zahra|P} is in the hospital
arabic :: interpreter he says {zahra|P} had the operation and nobody told him the results
arabic :: {omar|P} says the hospital number is {rwy 2290447|ID} and the consultant {dr mahmoud|P}
- :: like iraq is not safe still whatever the home office say
romanian :: {ilie|P} told me the same about the money the gang master took
romanian :: ask {ilie|P} he knows everything
albanian romanian :: my cousin {ardita|P} no sorry {adriana|P} the romanian one {adriana stoica|P}
romanian roma :: {adriana|P} lives in {boston|L} with {gabi|P} and {sorin|P}
- :: will it be like this forever i don't know
english :: {grace|P/v} did you get that
english :: yeah i got it {mark|P/v} carry on
english :: ok so um {rose|P/v} was saying about the the nursery
- :: yeah the nursery {little acorns|O} on {station road|A} wouldn't take the roma kids without the red book
- :: a rose by any other name no sorry i'm tired
english roma slovak :: {dušan|P} {dušan mirga|P} my husband he says the nursery manager {mrs bell|P} was rude
english :: interpreter she says {mrs bell|P} said go back to your country
english :: {mrs bell|P} {kathleen bell|P} at {little acorns|O} ok that's really serious
- :: ring the bell at the front the side door is locked
somali :: {ayaan|P/v} you wanted to say
somali :: {ayaan|P} yes i'm {ayaan farah|P} from {borama|L} i live in {moss side|L}
somali :: {ayaan|P} says manchester is ok but {moss side|L} has the gangs and she keeps her son {liban|P} inside
tigrinya :: {senait|P/v} your turn
tigrinya :: interpreter {senait|P} says she is from {dekemhare|L} and she lives in {cheetham hill|L} with her daughter {luwam|P}
tigrinya :: {luwam|P} is at {abraham moss|O} the school and she likes it
albanian :: {ermal|P} yes hi i'm from {shkodër|L} i work in the barber in {levenshulme|L}
albanian :: {ermal|P} says the barber {mr hoxha|P} {besim hoxha|P} pays him cash eighty pounds a day
polish :: {kasia|P/v} go on
polish :: {kasia|P} {katarzyna|P} {katarzyna lewandowska|P} from {wałbrzych|L} i'm a nurse at the care home in {ashton under lyne|L}
- :: my pin from the nmc is {21i4098o|ID} and they still don't accept my polish diploma
- :: the care home is fine it's the agency again
english :: {frank|P/v} did you want to come in there
polish :: just that {kasia|P} is right about the nmc
urdu :: {imran|P/v} anything from you
urdu :: {imran|P} {imran hussain|P} the taxi driver in {rochdale|L} yeah the licence is {phd 11873|ID} and they stopped it
english urdu :: {imran|P} says the licensing officer {mr ashworth|P} said somebody complained
- :: the licence takes three months and you can't work meanwhile
bengali :: {shamim|P/v} do you want to say about the restaurant
bengali :: {shamim|P} says {mr ali|P} the boss in {sutton coldfield|L} didn't pay him for december
english :: {sunday|P/v} can you take the mic round
igbo :: yes yes {sunday|P} is here
- :: on sunday we finish early so let's do the last question
english :: {will|P/v} any last things from the council side
english :: {will|P} here no just thanks everyone we will come back to you in july
# advice-surgery-spoken-numbers
english :: ok so this is the drop in at the {goldthorpe|L} welfare hall um {hope|P} is interpreting
english kinyarwanda :: i'm {hope|P} {hope mukamana|P} i interpret for arabic and kinyarwanda
arabic :: interpreter {mr darwish|P} says his name is {ghassan darwish|P} and his date of birth is {the third of june nineteen eighty one|D}
- :: he says his home office number is {d one four four seven two nine eight|ID} he is reading it from the letter
arabic :: he says the letter says "Dear {Mr G. Darwish|P}, Your reference: {D1447298|ID}, Port reference: {LHR/22/07713|ID}" and then a lot of english
- :: the port reference is {lhr/22/07713|ID} she says sorry he says
- :: interpreter he says he lives at {twenty one barnsley road|A} {s63 9aj|PC} in {thurnscoe|L}
- :: and his phone is {oh seven seven double oh nine double oh two four eight|PH}
- :: his email is {ghassan dot darwish eighty one at example dot org|E}
- :: he says the thing he wants most is to work he was a builder for twenty years
roma romanian :: interpreter {doina|P} says she is from {băilești|L} and she lives in {bolton upon dearne|L} with {nelu|P} and the kids
roma romanian :: she says {nelu|P} {ion|P} {ion căldăraru|P} has the tax letter the utr is {41872 06635|ID}
- :: she says her child benefit number is {chb 1137 2205 a|ID} and the letter came to {wath upon dearne|L} the old address
roma romanian :: {doina|P/v} when did you move
- :: interpreter she says in may last year on the {twelfth of may twenty twenty four|D} she remembers because of the baby
roma romanian :: the baby {ionuț|P} was born that week and she was in the hospital in {mexborough|L} {montagu hospital|O}
- :: they said the baby was early but he is fine now he is big
kurdish :: interpreter {kak nawzad|P} says his daughter {shno|P} needs the form for the free school meals and the school is {highgate primary|O}
kurdish :: he says the school reference for {shno|P} is upn {h372 4418 1920 3|ID}
kurdish :: and his niece {zhino|P} {zhino rashid|P} lives with them in {great houghton|L}
english :: thanks um {hope|P/v} one more thing can you ask if he has the bank details
- :: he says the bank gave him the account sort code {20 45 77|ID} account {30914627|ID} but he can't use the app
- :: hope you don't mind me saying the app is useless for anybody who can't read english
english :: {hope|P} is going to take his details to {darfield|L} for the wednesday session with {colin|P}
english :: {colin|P} {colin fairclough|P} the welfare rights officer his number is {01632 960 873|PH}
polish :: and the last one {pani basia|P} {barbara|P} {barbara kamińska|P} from {goldthorpe|L} she says the pension credit reference is {pc 88 20 41 73|ID}
polish :: {pani kamińska|P} says she lives on {doncaster road|A} at {number 140|A} above the bookies
polish :: thank you {pani kamińska|P} um thank you everyone
"""


def parse(text: str) -> tuple[str, list[dict], list[int]]:
    """Plain text, its spans and the indices of the spans marked as vocatives."""
    out, spans, vocatives, cursor, length = [], [], [], 0, 0
    for m in MARK.finditer(text):
        out.append(text[cursor : m.start()])
        length += m.start() - cursor
        if m.group(3):
            vocatives.append(len(spans))
        spans.append({"start": length, "end": length + len(m.group(1)), "label": LABELS[m.group(2)]})
        out.append(m.group(1))
        length += len(m.group(1))
        cursor = m.end()
    out.append(text[cursor:])
    plain = "".join(out)
    if "{" in plain or "}" in plain or "|" in plain:
        raise ValueError(f"unparsed mark in: {text}")
    return plain, spans, vocatives


def passages() -> list[dict]:
    """Every line as {"id", "session", "origins", "text", "spans", "vocatives"}."""
    out, session, number = [], "", 0
    for line in (l.strip() for l in LINES.splitlines()):
        if not line:
            continue
        if line.startswith("#"):
            session, number = line.lstrip("# ").strip(), 0
            continue
        origins, _, marked = line.partition(" :: ")
        if not marked:
            raise ValueError(f"no ' :: ' in: {line}")
        number += 1
        text, spans, vocatives = parse(marked)
        tags = [] if origins.strip() == "-" else origins.split()
        if bool(tags) != any(s["label"] == "PERSON" for s in spans):
            raise ValueError(f"origins and names disagree in: {line}")
        out.append({"id": f"{PREFIX}-{session}-{number:02d}", "session": session, "origins": tags,
                    "text": text, "spans": spans, "vocatives": vocatives})
    return out


def render(records: list[dict]) -> str:
    """The JSONL text: one {"id", "text", "spans"} object a line."""
    return "".join(json.dumps({"id": r["id"], "text": r["text"], "spans": r["spans"]}, ensure_ascii=False) + "\n"
                   for r in records)


def main() -> None:
    records = passages()
    with OUT.open("w", encoding="utf-8", newline="\n") as handle:
        handle.write(render(records))
    total = sum(len(r["spans"]) for r in records)
    origins = sorted({o for r in records for o in r["origins"]})
    print(f"{len(records)} lines, {total} annotated identifiers, {len(origins)} origins -> {OUT.name}")


if __name__ == "__main__":
    main()
