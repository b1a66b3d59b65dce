"""Write the frozen learning-curve coding set: tests/data/coding-curve-turns.csv and coding-curve.csv.

    python tests/data/make_coding_curve.py [OUTDIR]     (default: this file's folder)

The sessions below were written by hand as whole transcripts first; the theme codes (last field)
were added afterwards in a separate pass, from the theme definitions only (README-curve.md says how).
Each session is a block of lines ``speaker | role | text | codes``; codes are theme ids separated by
spaces, or nothing. The set is frozen: it was committed before any coder was run on it, and its
sha256 sums are pinned in tests/test_coding_curve_gold.py. Do not edit it to change a score.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

THEMES = (
    "housing", "language", "discrimination", "trust-in-services", "employment", "education",
    "health-wellbeing", "immigration-status", "information-advice", "community-belonging",
)
ROLES = ("facilitator", "interpreter", "community", "provider")

# (transcript id, setting, block)
SESSIONS: list[tuple[str, str, str]] = [
    ("curve-01-roma-dropin", "Roma women's drop-in at a community centre, Slovak and Romani interpreter", """
Jo | facilitator | Okay, is everyone alright for tea? There's biscuits, the ones with the jam. We'll start in a minute, Marketa is just getting her coat off. |
Marketa | interpreter | Sorry, sorry, the bus. I'm here now. |
Jo | facilitator | No problem. So just to say again, this is the drop-in, nobody has to talk, we're just writing down what people say about living here, no names go in anything. |
Marketa | interpreter | I told them. Ilona is asking if it goes to the council. | trust-in-services
Jo | facilitator | It goes in a report, no names. The council might read the report, yes. |
Ilona | community | Hmm. Okay. |
Renata | community | She always worry. Me, I don't care, they know me already. |
Jo | facilitator | Can I start with where you're living now, how it is, the flat, the house? | housing
Ilona | community | (in Slovak) Marketa, povedz jej o tej stene. |
Marketa | interpreter | She says the wall in the children's room is black, all the corner, and she washes it with the bleach every Sunday and on Wednesday it is back. She says the little one coughs all night, the doctor gave the pump, the inhaler. | health-wellbeing housing
Renata | community | Same, same. Mine is the window. You close it, the wind still comes. | housing
Jo | facilitator | Have you told the landlord? | housing
Renata | community | Told him? I told him two winters. He says yes yes I send a man. The man never come. One time he come, he look, he go. | housing
Zaneta | community | And if you say too much, he put the rent up. My cousin, he put the rent up after she rang the council about him. | housing
Marketa | interpreter | Zaneta says her cousin complained and then the letter came that the rent goes up fifty pounds, and she thinks it is because of the complaint. | housing
Vierka | community | (in Romani) ... |
Marketa | interpreter | Vierka says, the older lady, she says in her house is nine people. She sleeps in the front room on the settee with the two small grandchildren, the son and his wife upstairs, the other boys in the small room. | housing
Jo | facilitator | Nine people, in how many bedrooms? | housing
Marketa | interpreter | Two. And the box room. | housing
Vierka | community | Two. | housing
Jo | facilitator | Has anyone been on the housing list, the council list? | housing
Monika | community | Eleven years. Eleven. They say band C. Every year I do again the form. Band C. | housing
Renata | community | Nobody goes up from band C. You die in band C. | housing
Marketa | interpreter | (laughing) She says you die in band C. | housing
Monika | community | And the form is on the computer now. I don't have computer. My daughter does it on the phone, she is fourteen, she reads it for me, she tells me what it says, sometimes she doesn't know also. | housing information-advice language
Jo | facilitator | So your daughter fills in the forms? | language
Monika | community | Everything. The school letters, the doctor, the council. She is my English. | language
Marketa | interpreter | She says her daughter is her English. | language
Ilona | community | I want to learn. Really. But the class is nine o'clock, the children school is nine o'clock. Who takes the small one? | language
Jo | facilitator | Is there a crèche at the class? | language
Ilona | community | No crèche. Before was crèche. Now is finish. | language
Renata | community | At the college they said waiting list, come back September. I went September. Waiting list. | language
Jo | facilitator | Okay. Can I ask about the doctor, you mentioned the inhaler. How is it with the surgery? | health-wellbeing
Zaneta | community | Bah. |
Marketa | interpreter | She says, pff, you phone at eight, you are number thirty, at nine it is finished, no appointment. | health-wellbeing
Zaneta | community | And when you go there, the receptionist, she look at you like this. (makes a face) Before you open the mouth. | discrimination
Marketa | interpreter | She says the receptionist looks at her with a face, and with the English lady before her she was smiling, laughing, and with her, nothing, just "name, date of birth". | discrimination
Renata | community | Is because we are Gypsy. They know. They see the skirt, they see the gold, they know. | discrimination
Ilona | community | In the shop also. The man follows. Every aisle. | discrimination
Jo | facilitator | That happens a lot? | discrimination
Ilona | community | Every time. I go with the children, he walks behind. I don't take nothing. Never. But he walks behind. | discrimination
Vierka | community | (in Romani, long) |
Marketa | interpreter | She says, in Slovakia it was like this also, worse, and she thought here in England it would be different, and it is a bit different, nobody hits, but the eyes are the same. She says the eyes are the same. | discrimination
Jo | facilitator | Thank you, Vierka. Has anyone had anything worse, shouting, anything like that? | discrimination
Zaneta | community | The boys on the bikes. They shout at my son, "dirty gyppo, go back". He is eight. | discrimination
Marketa | interpreter | She says it was near the park on Pellow Street, the teenagers on the bikes, and her son came home crying. | discrimination
Jo | facilitator | Did you report it, to the police or the school? | discrimination
Zaneta | community | For what? | discrimination trust-in-services
Renata | community | Police don't come for us. If we call, they come for us, you understand? Not for them. For us. | discrimination trust-in-services
Marketa | interpreter | She means if they call the police, the police will look at them, at the Roma family, not at the boys. | discrimination trust-in-services
Ilona | community | My husband, they stopped him in the car three times in one month. Three times. Papers, insurance, everything okay. Three times. | discrimination trust-in-services
Jo | facilitator | Mm. Okay. Let's take a little break, there's more tea, the urn is on. |
Monika | community | Is the toilet upstairs? |
Jo | facilitator | Down the corridor, on the left. |
Jo | facilitator | Okay, we're back. I wanted to ask about the school, the children's school, how you find it. | education
Renata | community | The school is good. The teacher of my girl, Miss Hannah, she is very nice, she speaks to me slowly, she shows me the book. | education trust-in-services
Ilona | community | For you. For me, the school sent the letter, the attendance, that they will give the fine. My son was sick. I told them he was sick. They said we need the paper from the doctor. Where do I get the paper, the doctor has no appointment! | education health-wellbeing trust-in-services
Marketa | interpreter | She says the school sent a letter about attendance and a fine, and she tried to explain he was sick, and they want evidence from the GP, but she can't get a GP appointment. | education health-wellbeing trust-in-services
Ilona | community | And then the lady came. From the school, the other lady, with the lanyard. | education trust-in-services
Jo | facilitator | The attendance officer? | education
Ilona | community | I don't know. She came with the letter. I didn't sleep for a week. I thought, now they take the children. | education health-wellbeing trust-in-services
Marketa | interpreter | She says she didn't sleep for one week, she was thinking they come to take the children away. | education health-wellbeing trust-in-services
Vierka | community | Everybody think this. Everybody. | trust-in-services
Zaneta | community | My neighbour, they took her children. For nothing. For the house being dirty. Now we all keep the house like a hospital, and we don't open the door. | trust-in-services
Jo | facilitator | You don't open the door? | trust-in-services
Zaneta | community | If I don't know who is it, I don't open. Social, council, whoever. I look from the window. | trust-in-services
Renata | community | We just keep quiet now. Better. | trust-in-services
Jo | facilitator | Is there anyone, any worker, that you do trust? | trust-in-services
Monika | community | Katka. From the project, before. She was Roma, she speaks like us. When she said I come Tuesday, she came Tuesday. | information-advice
Marketa | interpreter | She says there was a worker at the Roma project, and when she said she would come she came, and that project is finished now, the money finished. | information-advice
Monika | community | And the health visitor, the one with the red hair, she was good. She weighed the baby, she didn't write bad things. She said, you are a good mum. Nobody said this to me before. | health-wellbeing trust-in-services
Jo | facilitator | That's lovely. Right, what about work? Does anyone work, or your husbands? | employment
Renata | community | My husband, the factory, the chicken. Agency. One week five days, one week nothing. They text you at night, come tomorrow six o'clock. | employment
Zaneta | community | I clean. Offices, in the night. Cash. | employment
Jo | facilitator | And the Jobcentre, Universal Credit? | employment
Ilona | community | The settled status. They stopped the money because the settled status, they said it is pre-settled, and I must show I work. I showed them. Three months no money. | immigration-status
Marketa | interpreter | She says she has pre-settled status and the Universal Credit was stopped, they asked her to prove her right to reside, and it took three months, and she borrowed from her brother. | immigration-status
Jo | facilitator | Who helped you with that? | information-advice
Ilona | community | Nobody. I went to the library, the man there, he said go to the advice. The advice said phone. The phone is always busy. | information-advice
Monika | community | Everybody sends you to somebody. | information-advice
Jo | facilitator | We're almost at time. Is there anything you want the council to hear, if they read this? |
Vierka | community | (in Romani) |
Marketa | interpreter | She says: tell them we are not bad people. We have been here twelve years, our grandchildren were born here, this is their home, and they don't look at us like neighbours. | community-belonging discrimination
Renata | community | And fix the window. | housing
Jo | facilitator | (laughs) And fix the window. Thank you all so much. Same time next week, and Marketa will be here again. |
Marketa | interpreter | Yes, next Thursday. I'll tell them about the bus times. |
"""),
    ("curve-02-kurdish-men", "Kurdish men's group at a community association, Kurdish (Sorani) interpreter", """
Sam | facilitator | Evening everyone. Thanks for coming out in the rain. Hemin is going to interpret tonight, in Sorani, and if anyone wants to speak English, go ahead. |
Hemin | interpreter | I explained. They say okay, welcome. |
Sam | facilitator | Maybe we can go round, first names and how long you've been in Ketterby. |
Aram | community | Aram. Four years. Before, another city, no, before, the hotel. Many hotels. | housing
Dilan | community | Dilan, two years. |
Karwan | community | (in Kurdish) |
Hemin | interpreter | Karwan, he says he came five years ago, and his family came last year, his wife and two daughters, by the family reunion. | immigration-status
Rebwar | community | Rebwar. Nine years. I am the old one here. (laughter) |
Sam | facilitator | Aram, you said many hotels. Can you say a bit about that? | housing
Aram | community | When you come, asylum, they put you in the hotel. One room, three men. You don't know them. One is smoking, one is praying, one is crying in the night. Eleven months. Then they move you, two days notice, another city. | housing immigration-status
Hemin | interpreter | He says he was moved three times, and each time the letter came two days before, and he had started at the college and had to leave it. | housing
Sam | facilitator | And now, where are people living? | housing
Dilan | community | Shared house. Brindle Road. Six men, one kitchen, one toilet. The landlord comes with his key, he doesn't knock. | housing
Rebwar | community | He is like that, all of them. You say something, he says, okay, you leave. There is a queue of people who want the room. | housing
Hemin | interpreter | Rebwar says the landlords know that people in shared houses have nowhere else, so nobody complains. He says if you complain about the boiler you are looking for a new room next month. | housing
Karwan | community | (in Kurdish, long) |
Hemin | interpreter | Karwan says when his wife and daughters came, he was in a room in a shared house, he could not bring them there, four people in one room, so he went to the council, the homeless. They put them in a hotel, in the Travel place by the motorway, for seven months. One room, four people, no kitchen. The girls did homework on the bed. | education housing
Sam | facilitator | Seven months. Was there any help to move on? | housing
Karwan | community | Every week, I phone. Every week, they say, we are looking. Seven months "we are looking". | housing trust-in-services
Hemin | interpreter | He says the officer said she would call back on Friday, many Fridays, and no call. | housing trust-in-services
Sam | facilitator | How did that feel? | trust-in-services
Karwan | community | (in English) Like you are nothing. Like a number. | trust-in-services
Sam | facilitator | Mm. Let's talk about language, English. How has that been? | language
Dilan | community | I am in ESOL, Entry 2. Two evenings. But my work is evenings, sometimes, so I miss. | language
Aram | community | In the hotel no class. Eleven months, nothing. I learned from YouTube. | language
Rebwar | community | The problem is not the class. The problem is the letter. The letter from the Home Office, from the council, it is English of lawyers. Even my friend who is English, born here, he reads it and says, what? | language
Hemin | interpreter | He says even English people cannot understand the letters. | language
Sam | facilitator | When you go to the council or the doctor, do you get an interpreter? | language
Karwan | community | At the council, the phone. The phone interpreter, he was Kurdish, but Kurmanji, not Sorani. Half I understand, half nothing. I said okay okay, because I was tired. | language
Dilan | community | The doctor, they ask, do you need interpreter, I say yes, they say, next time. Next time, next time. | language
Aram | community | My friend took his son, ten years old, to the hospital to translate for his operation. For the heart. A ten years old boy. | health-wellbeing language
Hemin | interpreter | He says the child had to explain to his father about the heart operation, the risks. He says this is not right for a child. | health-wellbeing language
Sam | facilitator | Okay. Anyone working at the moment? | employment
Rebwar | community | I have the barber. My own shop, six years now. Before, the car wash. | employment
Aram | community | I can't work. Asylum, no permission. Four years I wait for the decision. I was an engineer, electric engineer. Now I sit. | employment immigration-status
Hemin | interpreter | He says he is waiting four years for the Home Office and he is not allowed to work, and he feels his head is going, he says he is forgetting his profession. | employment health-wellbeing immigration-status
Sam | facilitator | That's a long time to wait. | immigration-status
Aram | community | Every morning, I check the post. Every morning. Nothing. I don't sleep well. The doctor gave me tablets. | health-wellbeing immigration-status
Dilan | community | I have refugee now, but my degree from Sulaimani, they say it is not recognised, you must do again. So I work the warehouse, picking, zero hours. | employment
Sam | facilitator | And how do people treat you, here in town? | discrimination
Rebwar | community | Mostly okay. My customers are English, Polish, everybody. Okay. |
Dilan | community | Not always. At the warehouse the supervisor, he calls us "the Taliban". As a joke, he says. Every day, "Taliban, come here". We are Kurdish, we fought the ISIS! | discrimination employment
Hemin | interpreter | He said that the manager calls the Kurdish workers Taliban, and when they said it is not okay, he said it's banter, and the HR did nothing. | discrimination employment
Aram | community | And after the news, the small boats, in the town, people look different. One man in the Tesco car park, he shouted "go back to your country", he spit on the ground near me. | discrimination
Sam | facilitator | Did you report that? | discrimination
Aram | community | No. If I go to police, maybe they ask about my papers. I am asylum. I don't want problem. | immigration-status trust-in-services
Rebwar | community | I reported, one time, the window of the shop, somebody broke it and wrote on the shutter. The police came after two days, took photos, gave a number. Finish. Nothing after. | discrimination trust-in-services
Hemin | interpreter | He says somebody sprayed something on the shutter, a word against Muslims, and the police gave him a crime number, and he never heard anything again. | discrimination trust-in-services
Sam | facilitator | Would you report again? | trust-in-services
Rebwar | community | (shrugs) For insurance, yes. For justice, no. | trust-in-services
Karwan | community | (in Kurdish) |
Hemin | interpreter | Karwan says the police in Kurdistan, in Iran, you run from them. Here they are polite, but still when he sees the car his heart goes fast. He says it is in the body, not the head. | trust-in-services
Sam | facilitator | That makes sense. What about the doctor, the GP? | health-wellbeing
Dilan | community | Registered. Okay. But they give paracetamol for everything. My back, three months, paracetamol. | health-wellbeing
Aram | community | My friend did not register. He is afraid the doctor gives his name to the Home Office. | health-wellbeing immigration-status trust-in-services
Sam | facilitator | Is that something people worry about? | trust-in-services
Aram | community | Many. Many people. They hear stories. The hospital sends a bill, then the Home Office knows. | health-wellbeing immigration-status trust-in-services
Hemin | interpreter | He says there is a fear that the doctor and the hospital share information with immigration, so some people don't go until it is an emergency. | health-wellbeing immigration-status trust-in-services
Sam | facilitator | Okay. Karwan, your daughters, how is school for them? | education
Karwan | community | The school is very good. The younger, she has a lady who helps her with English, every morning. The older, she is fifteen, the school said it is too late for GCSE, they put her in the lowest group for everything, also maths. She was very good in maths in Iran. | education language
Hemin | interpreter | He says the older girl is very clever in maths, but because her English is low they put her in the bottom set for all subjects, and she is sad, she says she is bored. | education language
Sam | facilitator | Have you spoken to the school about that? | education
Karwan | community | I went. They were polite. They said, we will look. (laughs) Everybody will look. | education trust-in-services
Rebwar | community | This is the English word. "We will look into it." | trust-in-services
Sam | facilitator | (laughs) Fair. What about here, this association, the community? | community-belonging
Rebwar | community | This is our place. On Friday we eat together, we play cards, the young ones learn the dances for Newroz. Without this, I think I go crazy the first years. | community-belonging
Dilan | community | Here I speak my language, nobody asks me where is my passport. | community-belonging
Aram | community | I miss my mother. Eight years I did not see her. We talk on WhatsApp, she cries, I cry. | community-belonging
Sam | facilitator | Thank you for sharing that, Aram. We're nearly at time. Any last thing? |
Karwan | community | The council. When they promise, they should do. Only this. | trust-in-services
Hemin | interpreter | He says only one thing, if the council says it will phone, phone. | trust-in-services
Sam | facilitator | Noted. Thanks everyone, and thanks Hemin. The food's in the back room, I think. |
Hemin | interpreter | They say you must stay and eat. |
Sam | facilitator | Go on then. |
"""),
    ("curve-03-eritrean-youth", "Eritrean young people at a youth club, Tigrinya interpreter for some", """
Priya | facilitator | Right, phones down for twenty minutes, yeah? You can have them back after. Pizza's coming at seven. |
Yonas | community | Twenty minutes is long, miss. |
Priya | facilitator | You'll survive. Senait is here if anyone wants to say something in Tigrinya, no pressure. |
Senait | interpreter | Selam everyone. I said the same in Tigrinya. |
Priya | facilitator | So first question, easy one. What's it like living in Orrinsford? | community-belonging
Filmon | community | Boring. (laughter) |
Yonas | community | It's alright. Quiet. Too quiet. |
Helen | community | For me it's okay. I have my friends now. First year I had nobody. | community-belonging
Priya | facilitator | What changed? | community-belonging
Helen | community | The church, the Eritrean church. Sunday, we go, after there is coffee ceremony, the old women make the coffee, we talk. Then I met Saba, she is in my college. | community-belonging
Priya | facilitator | Nice. And where are you all staying, if you don't mind me asking? | housing
Filmon | community | Supported lodgings. With a lady, she's Scottish. She's alright, she cooks too much potato. | housing
Yonas | community | I'm in the semi-independent, the flat at Maddox Walk. Four of us. It's alright but the heating is broken since October. We told the key worker. She told the company. The company said next week. It's December. | housing
Priya | facilitator | So no heating for two months? | housing
Yonas | community | We have the small heater, the electric, one for four rooms. We take it in turns. (laughs) Like a timetable. | housing
Daniel | community | (in Tigrinya) |
Senait | interpreter | Daniel says he is eighteen now and they told him he has to leave the placement when he turns eighteen and a half, and he doesn't know where he will go, they said the council will decide. He says he thinks about it every night. | health-wellbeing housing
Priya | facilitator | Has anyone talked to you about what happens next? | housing
Daniel | community | (in Tigrinya) |
Senait | interpreter | He says the social worker said she would do a pathway plan, and he has had three social workers this year, and every new one asks the same questions from the beginning, his story, the journey, everything. | trust-in-services
Yonas | community | Same. You tell your story ten times. Libya, the boat, everything. Ten times. And nobody does nothing. | trust-in-services
Filmon | community | My one now is good though. Becky. She came to my football match. Nobody ever came to my match. | trust-in-services
Priya | facilitator | That matters, doesn't it. | trust-in-services
Filmon | community | Yeah. Like, she actually remembers stuff. She remembered my birthday. | trust-in-services
Priya | facilitator | Let's talk about college. Who's at college? | education
Helen | community | Me. ESOL Level 1, and maths. I want to be a nurse. But they said I need GCSE English first, that's two more years, maybe three. | education language
Yonas | community | I'm doing ESOL too. It's easy speaking, but the writing, the grammar, is hard. Tigrinya is different letters. | language
Senait | interpreter | (to Priya) He means the Ge'ez script, Tigrinya has its own alphabet. | language
Daniel | community | (in Tigrinya) |
Senait | interpreter | Daniel says he is on the waiting list for ESOL since summer, and in the meantime he sits in the room, he watches football on the phone. | language
Priya | facilitator | Since summer. Did anyone say why? | language
Daniel | community | Full. Always full. | language
Filmon | community | I'm in Year 11 at school. Fernlea Academy. It's okay. Some teachers are nice. | education
Priya | facilitator | Only some? | education
Filmon | community | There's one, in PE, he calls me "boat boy". In front of everyone. They all laugh. I laugh also, what can I do. | discrimination education
Yonas | community | That's racist, bro. | discrimination
Filmon | community | I know. But if I say, they say I have attitude. There was a fight once, the other boy started, I got the exclusion, he got nothing. | discrimination education trust-in-services
Priya | facilitator | You got excluded and he didn't? | discrimination education
Filmon | community | Two days. He is English, his mum is on the PTA. (shrugs) Whatever. | discrimination education
Helen | community | In town also. In the bus station some men said things to me and my friend, because we wear the scarf. They said go home, terrorist. My friend is Christian! (laughs) They don't know anything. | discrimination
Priya | facilitator | Did anyone do anything? Staff, people around? | discrimination
Helen | community | No. Everybody looked at their phones. | discrimination
Yonas | community | The police stopped me and my friend near the shops. They said there was a robbery, we match the description. Two Black guys, that's the description. They searched us, in the street, everybody looking. | discrimination trust-in-services
Priya | facilitator | How did that make you feel? | trust-in-services
Yonas | community | Like a criminal. I didn't do nothing. Now when I see police I cross the road. | trust-in-services
Daniel | community | (in Tigrinya, short) |
Senait | interpreter | He says in Eritrea the soldiers stop you and you disappear. Here nobody disappears, but he still doesn't like them. | trust-in-services
Priya | facilitator | Okay. Let's talk about the Home Office stuff, if people are okay with that. No one has to. | immigration-status
Yonas | community | I got my status. Refugee status, five years. Last year. | immigration-status
Helen | community | Me too. But then they said I have to leave the hostel in 28 days. 28 days! I had no bank account, no job, nothing. | housing immigration-status
Priya | facilitator | What happened? | housing
Helen | community | I slept at my friend's house, on the floor, two months. Then the council gave me the room in the shared house. It has mice. (laughs) But it's mine. | housing
Daniel | community | (in Tigrinya) |
Senait | interpreter | Daniel is still waiting for his asylum decision, two years. He had the interview last spring. He says his lawyer doesn't answer the phone, and the letter from the lawyer was in English with many long words and he asked his friend to read it. | immigration-status language
Priya | facilitator | Does your lawyer use an interpreter with you? | immigration-status language
Senait | interpreter | He says one time they used an Amharic interpreter, not Tigrinya. He understands some Amharic, but not all. He is worried something went wrong in the interview because of that. | immigration-status language
Priya | facilitator | That's a real worry. Has anyone checked the interview record? | immigration-status
Senait | interpreter | He says he doesn't know he can do that. | immigration-status information-advice
Priya | facilitator | Okay, let's make sure someone at the club follows that up. Pizza! Is that the door? |
Yonas | community | Finally. |
Priya | facilitator | Okay, five minutes, grab a slice. |
Filmon | community | Miss, is there pineapple? |
Priya | facilitator | One with pineapple, yes, Filmon, just for you. |
Priya | facilitator | Right, last bit. What about work? Anyone working or looking? | employment
Yonas | community | I did the car wash on Saturdays. Cash. Forty pounds for the whole day. Ten hours. | employment
Helen | community | That's less than the minimum, that's illegal! | employment
Yonas | community | What can I do? I need the money for my phone, to call my mum. | employment
Filmon | community | I want to do an apprenticeship, like electrician. But the form online, it asks for GCSEs, address history for five years, I don't know what to put. I've been in four places. | employment information-advice
Priya | facilitator | Does anyone help with that at school? | education employment
Filmon | community | There's a careers lady. She said go on the website. | employment information-advice
Helen | community | Always the website. | information-advice
Priya | facilitator | What would make Orrinsford better for you? | community-belonging
Helen | community | A place like this, but every day. And somebody who listens, not just asks questions. | community-belonging
Yonas | community | Fix our heating. (laughter) | housing
Daniel | community | (in English) A decision. Only a decision. | immigration-status
Priya | facilitator | Thanks guys. That was really good. Phones back. |
"""),
    ("curve-04-carwash-workers", "Romanian car-wash workers, Sunday afternoon meeting in a cafe, mixed English and Romanian", """
Tom | facilitator | Thanks for coming on your day off. I know Sunday is the only day. I'm Tom, I work with the workers' rights project. Anything you say stays anonymous. |
Marius | community | No problem. Is free coffee? (laughter) |
Tom | facilitator | Free coffee, yes. So tell me about the work. How's the car wash? | employment
Marius | community | Hard. Seven days, sometimes. Winter the water is ice, the hands, look, (shows hands) like an old man. | employment health-wellbeing
Cristian | community | We start eight, finish when it is dark. Nobody counts the hours. | employment
Tom | facilitator | How are you paid? | employment
Cristian | community | Per day. Fifty, sometimes sixty. Cash. The boss says if you want payslip, you go, there are others. | employment
Marius | community | He keeps the passport also. For "safety". (laughs) Safety for who, eh? | employment
Tom | facilitator | He has your passport? | employment
Marius | community | Mine, no, I took it back. Adi, his is still with the boss. | employment
Adrian | community | Is okay. Is okay. I don't want talk about this. |
Tom | facilitator | That's fine, Adrian, you don't have to. |
Cristian | community | (in Romanian) Lasă-l, e speriat. (in English) He is scared, leave him. |
Tom | facilitator | Of course. Where are people living? Does the boss arrange that too? | employment housing
Marius | community | Yes, the house is from the boss. Above the shop, and one other house. Eight men. He takes the rent from the wages, eighty per week each. | employment housing
Cristian | community | Eighty pounds for a mattress. In the living room. There is no door. | housing
Tom | facilitator | So if you lost the job, you'd lose the room too? | employment housing
Marius | community | Same day. Same day you are on the street. One guy, Florin, he argued with the boss about money, that night his bag was outside the door. | employment housing
Cristian | community | He slept in the car of his cousin, two weeks, in the car park of the Lidl. | housing
Tom | facilitator | Has anyone been to the council about housing? | housing
Marius | community | Council? For us? (laughs) They say you are not eligible. I went once, the woman at the desk, before I finish the sentence she says, are you working? Do you have settled status? Then, sorry, we can't help, go to private. | housing immigration-status trust-in-services
Cristian | community | And the private, the agent, they ask for payslips, references, six months deposit. We have cash. No payslip. So, no. | housing
Tom | facilitator | What about settled status, has everyone got that sorted? | immigration-status
Cristian | community | Me yes, settled. Marius pre-settled. | immigration-status
Marius | community | My pre-settled finish next year, they said it will be automatic, but I don't know. The email, I don't understand what it says. It says "your status has been extended", or not? My English is for work only, "full valet, interior, wax". | immigration-status language
Tom | facilitator | (laughs) I can look at that email with you after, if you want. | immigration-status language
Marius | community | Yes, please, please. |
Adrian | community | (in Romanian) Eu n-am făcut nimic. N-am aplicat. |
Cristian | community | He says he didn't apply. For the settled status. He came in 2022, and he didn't know. | immigration-status information-advice
Tom | facilitator | Okay. That's important, there might be options. We'll talk after, privately, Adrian, okay? | immigration-status information-advice
Adrian | community | Okay. Mulțumesc. |
Tom | facilitator | How do people around here treat you? Customers, neighbours? | discrimination
Marius | community | Customers, mostly nice. Some tip. Some, the rich ones, the big cars, they talk to you like a dog. "You missed a bit." They don't see you. | employment
Cristian | community | And the Romanian thing. In the news, Romanians, thieves, beggars. When I say I am Romanian, the face changes. I see it. | discrimination
Marius | community | The neighbours called the police on us. Because we are eight men, they think we are a gang. The police came at eleven at night, checked everybody, names, passports. We were sleeping! | discrimination trust-in-services
Tom | facilitator | What did the police say? | trust-in-services
Marius | community | Nothing. "Routine." They wrote and went. Nobody said sorry. | trust-in-services
Cristian | community | I don't trust them. If the boss does something, if he doesn't pay, who do you call? Police? They will ask for our papers before they ask for his. | employment immigration-status trust-in-services
Tom | facilitator | Has anyone been hurt at work? | employment health-wellbeing
Cristian | community | Me. The chemical, for the wheels, it burned my arm. No gloves. The boss said, go home, put the cream. I didn't go to the hospital. No money for the day. | employment health-wellbeing
Tom | facilitator | You could have gone to A and E, that's free. | health-wellbeing
Cristian | community | I know now. Then I didn't know. And I think, if I go, they ask where I work, and the boss has problems, and then I have problems. | employment health-wellbeing
Marius | community | My back is finish. Thirty-four years and my back is finish. I have a GP, yes, but I go only when I can't walk. | health-wellbeing
Tom | facilitator | Okay. Do you know any advice places? Where people go when there's a problem? | information-advice
Cristian | community | Facebook. The Romanian groups. Somebody asks, everybody answers. Half is wrong. (laughs) | information-advice
Marius | community | There is a man, Romanian, he does the forms for money. Fifty pounds for the settled status form. My friend paid him, he did it wrong. | immigration-status information-advice
Tom | facilitator | Yeah, we see that a lot. The form itself is free. | immigration-status information-advice
Cristian | community | I did not know it is free. | immigration-status information-advice
Tom | facilitator | Do you feel part of the town at all? Is there a community? | community-belonging
Marius | community | We are between. In Romania they say you are English now. Here they say you are Romanian. (shrugs) We are car wash. | community-belonging
Cristian | community | The Romanian church, Pentecostal, on Sunday morning, before we come here. There we are people. | community-belonging
Adrian | community | I miss my daughter. She is six. In Romania with my mother. I send money. I see her on the video. | community-belonging
Tom | facilitator | That's hard. Thank you for saying. |
Tom | facilitator | Last question. If you could change one thing? |
Cristian | community | The payslip. With the payslip you are a person. You can rent, you can go to the bank. | employment housing
Marius | community | Gloves. (laughter) No, serious. Gloves and the payslip. | employment
Tom | facilitator | Gloves and payslips. Got it. Thanks all. Adrian, Marius, stay a minute? | employment
"""),
    ("curve-05-polish-parents", "Polish parents' evening at a primary school, some Polish, a parent volunteer interprets", """
Claire | facilitator | Dobry wieczór, that's all my Polish I'm afraid. Thanks for staying after parents' evening. Agnieszka has kindly offered to help with Polish if anyone needs it. |
Agnieszka | interpreter | Yes, I will help. But most of us speak okay. |
Claire | facilitator | Great. We're looking at how families find the school, and life in Thornmere generally. Who wants to start? | education
Bartek | community | I start. So, the school, generally, is good. My son is happy, he has friends. But, how do I say, we don't know what's happening. The report says "working towards". Towards what? Towards where? | education language
Claire | facilitator | (laughs) Fair question. |
Ewa | community | In Poland we have the marks, one to six, you know exactly. Here "emerging", "expected", I don't understand what is good. | education
Agnieszka | interpreter | Ewa says the grading system is confusing, in Poland you have numbers. | education
Magda | community | And the letters, the ParentMail, the app. Every day five messages. Non-uniform day, cake sale, the trip, bring a costume, bring one pound. I use the Google translate, it says strange things. Once I sent my daughter in pyjamas on the wrong day. (laughter) | education language
Ewa | community | The pyjama day! Me also! |
Claire | facilitator | Oh no. Okay, that's useful, actually. |
Piotr | community | For me is different problem. My daughter has, they think, autism. We asked the school two years ago for assessment. Two years. Every meeting, the SENCO says, we are monitoring. Monitoring, monitoring. | education trust-in-services
Agnieszka | interpreter | Piotr's daughter is waiting for an assessment, they asked two years ago. | education
Piotr | community | I think because we are Polish they think the problem is only the language. "She is EAL, she will catch up." She speaks Polish perfectly! At home she speaks perfect, the problem is not the language! | discrimination education
Claire | facilitator | So you feel the school put it down to her being bilingual? | discrimination education
Piotr | community | Yes. Exactly this. And my wife, she said, maybe we must go private. Private is two thousand pounds. | education
Magda | community | Same happened to my friend's boy. They said language, language, and then in Year 5 finally, dyslexia. Four years lost. | discrimination education
Claire | facilitator | Do you feel you can raise things with the teachers? | education trust-in-services
Bartek | community | The teachers are nice. Always smiling. But, I don't know, you say something and they say "thank you for your feedback" and nothing changes. It's very English. (laughter) | education trust-in-services
Ewa | community | I am afraid a bit. I don't want them to think I am a difficult mother. Then maybe they treat my son worse. | education trust-in-services
Claire | facilitator | Has that happened? | trust-in-services
Ewa | community | No, no, not really. It's just a feeling. |
Magda | community | The fines. For the holiday. We went to Poland for my grandmother's funeral, four days in term. The school gave the fine, one hundred and twenty pounds. I explained, it was a funeral. They said rules are rules. | education trust-in-services
Agnieszka | interpreter | Magda says they went for her grandmother's funeral and still the council fined them for the absence. | education trust-in-services
Bartek | community | But the English families go to Spain in term also, I know, my neighbour, they tell the school the child was sick. We tell the truth, we get the fine. (laughs) | education
Claire | facilitator | Let's move on a bit. How's life outside school, housing, work? | employment housing
Bartek | community | We rent, a terraced house on Gorsey Lane. Our landlord is okay, old man. But the agency every year rent up. Seventy, then ninety. My salary doesn't go up ninety. | housing
Ewa | community | We are in a flat, two bedrooms, me, my husband, three children. The girls share with the baby. The baby cries, the girls have school, nobody sleeps. | housing
Claire | facilitator | Have you applied for anything bigger? | housing
Ewa | community | The council list, yes. They said we are not overcrowded enough. (laughs) Enough! How many we must be? | housing
Piotr | community | Our flat has the mould. In the bathroom and the bedroom of my daughter. I sent photos to the agency, many photos. They sent a man who painted over it. Two weeks later, back. | housing
Magda | community | That's the standard treatment. Paint. | housing
Claire | facilitator | And work, how's that going for people? | employment
Magda | community | I'm a pharmacist in Poland. Here I'm in the warehouse, the night shift, because my registration here, the GPhC, it's expensive and the English exam, IELTS 7. I'm studying, slowly, but with the night shift and the children... | employment language
Agnieszka | interpreter | She means she is qualified as a pharmacist but can't practise here until she passes the English test and registers. | employment language
Piotr | community | I'm a driver, HGV. It's okay. Long hours. Good money now, since they need drivers. | employment
Bartek | community | I work in IT, from home. I'm lucky. My English was good before. | employment language
Claire | facilitator | Do you get a sense of how people in Thornmere feel about Polish families? | discrimination
Bartek | community | Now okay. In 2016, with Brexit, it was bad. Somebody wrote on our car, "go home Polish", with a key. Scratched. My son was four, he asked what it says. | discrimination
Ewa | community | At the playground, one mother said to me, "you people take all the places at the school." I said, I pay tax, I have a right. She didn't speak to me after. | discrimination
Piotr | community | I never had problems, honestly. People are nice to me. |
Magda | community | Because you are a big man. (laughter) |
Claire | facilitator | What about the GP, doctors? | health-wellbeing
Ewa | community | The GP says paracetamol. Always. In Poland you go to the doctor, you get the antibiotic, the blood test. Here, come back in two weeks if not better. | health-wellbeing
Magda | community | Many of us go to Poland for the doctor. Or the Polish private clinic in the city. | health-wellbeing
Piotr | community | For my daughter the GP was very good actually. She listened, she made the referral to the paediatrician herself, she said, I believe you, the mother knows. That was the first time somebody believed us. | health-wellbeing trust-in-services
Claire | facilitator | That's a nice thing to hear. Do people get involved with things here, groups, church? | community-belonging
Ewa | community | The Polish Saturday school. The children learn Polish, history. It's important, they must not forget where they come from. | community-belonging
Bartek | community | And the Polish mass, once a month, at St Anne's. Then we go for coffee. | community-belonging
Magda | community | But with English people, not so much. The mothers at the gate, they have their groups. | community-belonging
Claire | facilitator | Thank you. Anything you want the school to do differently? | education
Piotr | community | Listen. When a parent says something is wrong, believe them. | education trust-in-services
Magda | community | One message per week, not five. And in simple English. | education language
Bartek | community | Explain the report. What is "working towards". (laughter) | education language
Claire | facilitator | I'll pass that on, promise. Thank you all, dziękuję. |
Ewa | community | Very good! Dziękujemy. |
"""),
    ("curve-06-school-staff", "Staff meeting at a secondary school on new-arrival and Roma pupils", """
Nadia | facilitator | Okay, shall we make a start, I know people have duty at half past. This is the consultation thing I mentioned in the briefing, it's anonymous, just say what you see. |
Gareth | provider | Is this being recorded? |
Nadia | facilitator | Notes only, no names. |
Gareth | provider | Fine. |
Nadia | facilitator | Can we start with attendance, because I know that's the big one for the Roma families. | education
Louise | provider | I'll go. I'm the attendance officer, so, yeah. Persistent absence in our Roma cohort is about three times the school average. And I'll be honest, the legal route, the penalty notices, they don't work. We fine, families don't pay, they get summonsed, and then they just stop answering the door to us. | education trust-in-services
Gareth | provider | Or they go back to Slovakia for six weeks. | education
Louise | provider | Sometimes, yeah, but a lot of it is other stuff. Younger siblings, appointments, the older girls kept at home to mind the babies so mum can work. | education
Nadia | facilitator | When you say they stop answering the door, what's that about? | education trust-in-services
Louise | provider | Fear, mostly. I had one mum say to me, through the letterbox, "you take my children". Because the letter says "legal action". They've had experience of children being removed, back home or here, and to them school attendance and social services are the same thing, it's the state. | education trust-in-services
Priya | provider | And to be fair, we do refer. If attendance drops below a certain point it goes into the MASH referral. So they're not wrong that it escalates. | education trust-in-services
Louise | provider | Right. So they're not paranoid, the system actually does that. | trust-in-services
Nadia | facilitator | Has anything worked? | education trust-in-services
Louise | provider | Honestly? When we had Lenka, the Roma teaching assistant. She'd go round, knock, speak to them in Romani, and the door would open. Attendance in her year group went up twelve percent. Then her contract ended, the funding was a pilot. | education language trust-in-services
Gareth | provider | That's the pattern, isn't it. Something works, they cut it. |
Nadia | facilitator | Okay. EAL. How are we doing with new arrivals? | education language
Priya | provider | I coordinate EAL. We have, let me think, thirty-one languages at the moment. Forty-odd pupils at early stages. And it's me and one TA, half time. So realistically the new arrivals get a two-week induction and then they're in mainstream lessons, and it's sink or swim. | education language
Gareth | provider | In science I've got a Year 9 boy, Kurdish, been here four months, brilliant kid, no English to speak of. I've got thirty-two in the class. I put things in Google Translate. I don't know if what comes out is right. I had one sheet where "cell" came out as "prison". (laughter) | education language
Priya | provider | The translation thing is a real problem for parents as well. Our letters go out in English only. We used to have a translated pack for admissions, Polish, Slovak, Romanian, Arabic, but it's out of date now, it refers to the old uniform. | education language
Nadia | facilitator | What about parents' evenings, meetings? | education language
Priya | provider | We're supposed to book interpreters. The budget is tiny. So in practice, we use the kids. | education language
Louise | provider | Which is awful, when it's an attendance meeting, or behaviour. The kid is translating their own telling off. I've sat in one where I'm fairly sure the boy was telling mum something completely different. (laughter) | education language
Gareth | provider | Never. |
Nadia | facilitator | Let's talk about setting and exclusions. There's been a bit of noise about that. | education
Gareth | provider | I'll say it because no one else will. Our Roma kids are all in the bottom sets. All of them. And some of them shouldn't be. We set on the Year 7 baseline, which is an English reading test, basically, so of course they're at the bottom. | discrimination education language
Priya | provider | And then there's the expectation thing. I've heard colleagues say "well, they'll leave at sixteen anyway, they get married". I've heard that in the staffroom. About twelve-year-olds. | discrimination education
Nadia | facilitator | Okay, that's, yeah. |
Louise | provider | And the exclusions data. It's there. Gypsy Roma pupils are excluded at much higher rates, and it's the same behaviour. One of ours got a fixed-term for "defiance" when he was actually just asking why he'd been moved. | discrimination education
Gareth | provider | I'm not sure it's all bias though. Some of those families really don't engage. You can ring ten times. | education
Priya | provider | But why don't they engage? Because the only time we ring is to complain. Nobody rings to say your son had a great day. | education trust-in-services
Nadia | facilitator | Good point. What do parents say to you about how they feel about the school? | education trust-in-services
Louise | provider | The ones who talk to me, a lot of them say they feel looked down on. One dad said "you only see the Gypsy, you don't see my son." | discrimination education trust-in-services
Priya | provider | And the Syrian and Afghan parents are different again. They trust the school almost too much. Whatever the teacher says is right. They never push back, they never ask for anything. So their kids' needs get missed too, because they don't shout. | education trust-in-services
Gareth | provider | The Polish parents shout. (laughter) |
Priya | provider | They do! And they get stuff. That's the system. |
Nadia | facilitator | Housing. Does that come up for you? | housing
Louise | provider | All the time. Kids late because they've been moved to temporary accommodation in Stallowmere, that's two buses. One family, five kids in a hotel room for months, the homework just doesn't happen. You can't punish a kid for not doing homework on a bed in a B&B. | education housing
Priya | provider | I had a girl whose family was evicted mid-year and she just disappeared off roll. We found out later they'd gone to an aunt in another town, all of them in one house. Nobody told us. The council didn't tell us. | education housing
Gareth | provider | And damp. I had a kid come in with his books all mouldy. Literally green. He was embarrassed. | education housing
Nadia | facilitator | Health and wellbeing, any concerns? | health-wellbeing
Priya | provider | Mental health. The unaccompanied kids especially. Nightmares, not sleeping, falling asleep in lessons. CAMHS waiting list is eighteen months. Eighteen months. | health-wellbeing
Louise | provider | And some families won't take the referral anyway. Mental health, for some of them, means you're crazy, or it means the social will come. | health-wellbeing trust-in-services
Nadia | facilitator | Right, we're nearly at duty time. One thing each that would help? |
Gareth | provider | Proper interpreters for meetings, not kids. | language
Louise | provider | Bring back a Roma TA, permanent contract this time. | education
Priya | provider | Re-test the Roma and EAL kids for setting at Christmas, not just Year 7. And stop saying "they don't engage". | discrimination education
Nadia | facilitator | Thanks everyone. I'll write it up and circulate. Don't forget the fire drill tomorrow. |
Gareth | provider | Again? |
Nadia | facilitator | Again. |
"""),
    ("curve-07-housing-options", "Housing options and homelessness team, a lunchtime session in the council offices", """
Rachel | facilitator | Thanks for giving up your lunch. I've brought sandwiches, there's a vegan one somewhere. This is for the community consultation, I'm just capturing your view from the front line. |
Dev | provider | Cheers. Is the egg one gone? |
Rachel | facilitator | Sorry, yes. So, could you start by saying what your team does, roughly? |
Kerry | provider | We're housing options. So anyone who's homeless or threatened with homelessness comes to us, we do the assessment, prevention duty, relief duty, and then temporary accommodation if there's a priority need. Plus the register, the allocations side, Dev does that. | housing
Dev | provider | Yeah, I'm allocations. The housing register. Which is, I'll be honest, mostly managing disappointment. We've got about four thousand households on it and we let maybe three hundred properties a year. | housing
Rachel | facilitator | Who do you see most from migrant communities, Roma families, refugees? | housing
Kerry | provider | Newly granted refugees, massively, since the Home Office sped up decisions. They get the letter, 28 days to leave asylum accommodation, and often we only hear about them on day 27. Or day 29, when they're at the front desk with their bags. | housing immigration-status
Sue | provider | We had a man last week came in with a suitcase and a carrier bag and the letter. The letter said he'd been given notice and he'd not understood it. He thought it meant he had to come to the council to register. He'd been sleeping in the park two nights. | housing language
Rachel | facilitator | So the letter itself is part of the problem? | language
Sue | provider | The letters are terrible. Ours too, if I'm honest. Our section 184 decision letters are four pages of legal wording. Even I have to read them twice. | housing language
Kerry | provider | And then EU nationals with pre-settled status, that's a nightmare to assess eligibility, the case law keeps changing. I spend more time on eligibility than on actually helping people. | housing immigration-status
Dev | provider | And the Roma families, what we see is overcrowding more than street homelessness. Big families in two-bed privately rented terraces, families doubling up, grandparents in the living room. They'll come on the register, they'll get band C, because overcrowded by one bedroom isn't enough for band B. And they wait, and wait. | housing
Rachel | facilitator | How do they feel about that, do you think? | housing
Dev | provider | Some of them think we're discriminating. I've had it said to me, "you give the houses to everyone but us". And I understand why they'd think that, because they see other people get housed, but it's the banding, it's the same for everyone. | discrimination housing
Kerry | provider | Although, to be fair, our policy on local connection does hit people who move around more. That's indirect, isn't it. It's not aimed at anyone but it lands on some groups harder. | discrimination housing
Dev | provider | Yeah, I'll give you that. |
Rachel | facilitator | What about interpreting, day to day? | language
Sue | provider | We use the telephone line. It's fine for the big languages. For Romani, there's basically nobody, so we use Slovak or Czech and hope. Tigrinya, you might wait forty minutes for someone. Meanwhile the queue downstairs is out the door. | language
Kerry | provider | And you can't do a homelessness assessment through a seven-year-old. Well, you shouldn't. I've seen it done. | housing language
Dev | provider | The online form for the register is English only. There's a translate button, but it breaks the drop-downs, so people end up applying with the wrong household size. | housing information-advice language
Rachel | facilitator | Do people trust you, do you think? When they come in? | trust-in-services
Sue | provider | No. (laughter) No, honestly. A lot of them come in expecting to be turned away. Or they think if they tell us everything we'll report them, to the Home Office or to social services. So they don't tell us about the third child, or the cousin staying, and then it doesn't add up and we look at them like they're lying. | housing trust-in-services
Kerry | provider | It's a vicious circle. They don't trust us so they hold stuff back, we see it doesn't add up, we get suspicious, and they feel suspected. Which they are. (pause) That's grim, put like that. | trust-in-services
Rachel | facilitator | Is there anything that builds it? | trust-in-services
Kerry | provider | Continuity. When one officer keeps a case from start to finish. People will tell me things on the third meeting they wouldn't on the first. But with the caseloads, cases get moved around, and the person has to start again with someone new. | trust-in-services
Sue | provider | And doing what you said you'd do. If I say I'll ring Thursday, I ring Thursday, even if it's to say I've got nothing. You'd be amazed how rare that is. | trust-in-services
Dev | provider | People remember the ones who didn't ring back, though. One bad experience and the whole community hears about it. | trust-in-services
Rachel | facilitator | Temporary accommodation, what's the situation? | housing
Kerry | provider | Bleak. We're using B&Bs and a hotel out near the motorway services. Families in one room, no cooking facilities. We're meant to have families out of B&B in six weeks, we're nowhere near. Some have been there five months. | housing
Sue | provider | And it's forty minutes from their kids' schools, so either the kids miss school or they move school and lose their friends. | education housing
Dev | provider | And then the private rented, which is where we discharge duty, it's not affordable on local housing allowance. There's nothing. We're phoning landlords and they say "no DSS", or "no, I've got a queue of professionals." | housing
Rachel | facilitator | Do you see landlords refusing people because of where they're from? | discrimination housing
Dev | provider | They won't say it like that. But you ring on behalf of a Roma family, and it's "just gone". You ring ten minutes later for another client, and it's available. I've had that happen. I've literally had that happen. | discrimination housing
Sue | provider | The right to rent checks make it worse. Landlords get scared of the paperwork, so anyone with a foreign passport or a share code, they just don't bother. | discrimination housing immigration-status
Rachel | facilitator | What about enforcement, disrepair? | housing
Kerry | provider | That's the private sector housing team, environmental health, not us. But we refer. They're stretched too. And tenants are scared. If the landlord gets an improvement notice, they often just serve a section 21. Retaliatory eviction is supposed to be banned but it's hard to prove. | housing
Sue | provider | I had a woman last month, Czech, who had mould growing on her baby's cot. She wouldn't let us refer to environmental health. She said, "he will throw us out, where do I go then, to you?" And she was right, really. Where would she go? To a hotel room. | housing
Rachel | facilitator | Okay. How are the team doing, workload-wise? |
Dev | provider | Don't ask. (laughter) |
Kerry | provider | We're down two officers, there's a recruitment freeze. Off the record, half of us are looking elsewhere. |
Rachel | facilitator | I won't write that down. Final thing, what would help most? |
Kerry | provider | Plain-language letters, in the main languages, and someone at the Home Office end telling us about a refugee before day 27. | housing immigration-status language
Sue | provider | A proper interpreter budget. And a Roma liaison worker, someone families actually trust. | language trust-in-services
Dev | provider | Houses. (laughter) Genuinely, houses. | housing
Rachel | facilitator | Houses. Thanks all. Take the rest of the sandwiches. |
"""),
    ("curve-08-police-meeting", "Police community engagement meeting at a community hall, residents and two officers, Romanian and Arabic interpreters", """
Andy | facilitator | Good evening everyone, thanks for coming. My name's Andy, I'm chairing, I'm from the neighbourhood partnership. We've got Sergeant Kate and PC Lewis from the neighbourhood team. We've got Ioana interpreting in Romanian and Samir in Arabic. Please raise your hand and wait for the mic. |
Kate | provider | Thanks, Andy. Evening. I'm Kate, I lead the neighbourhood team for the Hollins Bank area, that's the estate and the streets round the market. Lewis is one of my PCs. We're here to listen, really. |
Lewis | provider | Evening. |
Andy | facilitator | Okay, who'd like to start? Yes, the gentleman at the front. |
Gerry | community | I've lived on Hollins Bank forty years. Drugs. That's my issue. Dealing on the corner of Fennick Road, every night, in broad daylight. You ring 101, you're on hold forty minutes, then nothing. Why should I bother? | trust-in-services
Kate | provider | I hear that, and 101 waiting times are a problem, I'm not going to pretend they aren't. You can report online as well. And we have done two warrants on Fennick Road this year. | trust-in-services
Gerry | community | Online. Right. | trust-in-services
Andy | facilitator | Thanks. The lady with the red scarf? |
Florentina | community | (in Romanian) |
Ioana | interpreter | She says she wants to ask why the police came to her house four times in one month. She says every time something happens on the street, the police come to her door, because they are the Romanian family. She says her husband has never been arrested in his life. | discrimination trust-in-services
Kate | provider | I can't talk about individual cases in a public meeting, but if you want to speak to me afterwards, I'll look into it. | trust-in-services
Florentina | community | (in Romanian) |
Ioana | interpreter | She says, "always afterwards". She says, she talked afterwards before, with another officer, and nothing happened. | trust-in-services
Andy | facilitator | Let's take another. Samir, I think the gentleman at the back wanted to speak? |
Samir | interpreter | Yes. This is Tariq. |
Tariq | community | (in Arabic) |
Samir | interpreter | He says, he is from Syria, he has been here three years. In March his son, fourteen years old, was beaten by a group of boys near the leisure centre. They called him a terrorist and they pulled at his hair. He says they called the police, an officer came, took a statement, and since then they heard nothing. Nothing at all. The boys still go to the same school. | discrimination trust-in-services
Lewis | provider | Do you have the crime reference number? I can chase that for you tonight. | trust-in-services
Samir | interpreter | He says he has it, on the paper, at home. But he asks why he has to chase. He says the police should tell him. | trust-in-services
Kate | provider | He's right. He shouldn't have to chase. That's a fair criticism. | trust-in-services
Tariq | community | (in English) Thank you. |
Andy | facilitator | Yes, go ahead. |
Maureen | community | Can I just say, not everyone has a problem with the police. PC Lewis has been brilliant with our street, the kids on the motorbikes, he sorted it. I've got his number, he answers. | trust-in-services
Lewis | provider | Cheers, Maureen. (laughter) |
Andy | facilitator | Good to hear. Anyone else? |
Florin | community | I speak English. I'm Florin. I want to say about the stop and search. My son, sixteen, he was stopped three times this year. In town, in the park, at the bus stop. Every time, "you match a description". What description? Romanian boy? | discrimination trust-in-services
Kate | provider | Stop and search has to be on reasonable grounds, and every stop should be recorded and he's entitled to a receipt. If he feels it's been done because of his ethnicity, you can complain, and I'd encourage it. | discrimination trust-in-services
Florin | community | Complain to the police about the police. (laughs) Okay. | trust-in-services
Andy | facilitator | Let's move on. There's a question about the bins, I think, on the card. |
Andy | facilitator | Someone's written: "Who do I contact about the bins on Calder Row? They haven't been emptied for three weeks." That's the council, not the police, but I'll pass it on. |
Gerry | community | It's the flats on Calder Row, the new lot. They just chuck it out the window. | community-belonging discrimination
Nasra | community | Excuse me, "the new lot" is us. I live in Calder Row. We don't chuck anything. The bins are full because the council doesn't come. | community-belonging discrimination
Andy | facilitator | Okay, okay, let's keep it respectful please. |
Gerry | community | I didn't mean anything by it. |
Nasra | community | You did though. You always say "the new lot". We've been here six years. | community-belonging discrimination
Andy | facilitator | Let's move on. Hate crime is one of the things the team asked us to discuss. Does anyone want to talk about that? | discrimination
Nasra | community | I'll talk. I wear the hijab. Last summer on the high street a man pulled it. He called me a word I won't repeat. I reported it, I went to the station. The officer was nice, but at the end he said, "it's his word against yours". And it was on CCTV. The shop had CCTV. Nobody went to get it. | discrimination trust-in-services
Kate | provider | I'm sorry that happened. CCTV should have been requested. If you're willing, I'll review the case myself. | discrimination trust-in-services
Nasra | community | That was a year ago. | trust-in-services
Kate | provider | I know. |
Ioana | interpreter | Florentina wants to add something. She says that the children in the street, the English children, they throw stones at their windows and shout "Gypsy". She says she does not call the police anymore, because the last time the officer told her to keep her own children inside. | discrimination trust-in-services
Kate | provider | That's not acceptable, that's not the right response, and I'd like to know who that was. | trust-in-services
Andy | facilitator | Can I ask, how many people here would feel confident reporting a crime to the police? Just a show of hands. (pause) About half. And how many would not? | trust-in-services
Andy | facilitator | Some hands. Would anyone say why? | trust-in-services
Samir | interpreter | Tariq's wife, Rania, she says she will not call because of the immigration. She says her cousin called the police for domestic violence and the police asked about her visa. | immigration-status trust-in-services
Kate | provider | We have a policy now that victims reporting crimes aren't asked about immigration status in that way. I know that hasn't always been the case. | immigration-status trust-in-services
Samir | interpreter | She says, how would we know this? Nobody told us. | immigration-status trust-in-services
Kate | provider | Fair. That's on us to communicate. | trust-in-services
Lewis | provider | We could do a leaflet, in Arabic and Romanian? Or come to the mosque, the church? | language trust-in-services
Nasra | community | A leaflet. (laughs) We've had leaflets. | trust-in-services
Andy | facilitator | Okay, I'm aware of time. Two more. The gentleman by the door. |
Dorin | community | (in Romanian) |
Ioana | interpreter | He says he works at the car wash and the boss doesn't pay him for two months, and he wants to know if the police can help with this or who. | employment
Kate | provider | Not paying wages is usually a civil or employment matter, but if it's linked to controlling people, taking documents, that can be modern slavery, and that is a police matter. Please talk to me after. | employment
Ioana | interpreter | He says he is worried that if he talks, the boss will know, and he will lose the room as well, because the room is from the boss. | employment housing
Kate | provider | We can talk about that safely. There are organisations that can help with somewhere to stay. | housing information-advice
Andy | facilitator | Last one. Maureen? |
Maureen | community | Just, it's all very well these meetings, but we had one last year and we were promised a monthly surgery at the library, and it happened twice. Twice. Then nothing. | trust-in-services
Kate | provider | That's fair, staffing changed. I'll commit to it, the first Tuesday of each month, and if I can't be there, Lewis will. | trust-in-services
Maureen | community | We'll see. | trust-in-services
Andy | facilitator | Thank you everyone. The officers are staying for tea, and Ioana and Samir are staying too, so do come and speak. |
Gerry | community | Is there any more of them biscuits? |
"""),
    ("curve-09-health-visitors", "Health visitors' team meeting, a reflective session on families from migrant communities", """
Helen | facilitator | Right, we've got the room till three. Kettle's on. This is the reflective session, but the notes are going into the consultation, anonymised, so say what you actually think. |
Bev | provider | Always do. (laughter) |
Helen | facilitator | Let's start with first contact, the new birth visits. How's that going with families who've recently arrived? | health-wellbeing
Bev | provider | The first thing is finding them. We get the notification from the hospital, and the address is a hotel, or a friend's address, and by the time we visit they've moved. I had one family, I visited three addresses in four weeks. | health-wellbeing housing
Amira | provider | Or they give the wrong address on purpose, because they're scared. | trust-in-services
Bev | provider | Yeah, that too. |
Helen | facilitator | Scared of what, do you think? | trust-in-services
Amira | provider | Of us. Of what we'll write. A lot of mums think a health visitor is a social worker. I'm Egyptian, I speak Arabic, and I can tell you the Arabic-speaking mums, first visit, they're terrified. They clean the flat for two days before I come. They think I'm there to check if the baby should be taken. | trust-in-services
Joanne | provider | With the Roma mums it's the same, worse maybe. They've heard about children being removed, every family knows someone. So the door doesn't open. Or it opens and it's the husband doing all the talking. | trust-in-services
Helen | facilitator | What helps get past that? | trust-in-services
Amira | provider | Honestly, speaking the language. Once I say a few words in Arabic, the whole face changes. And keeping the same health visitor. If they see me at the new birth, the six-to-eight week, the one year, they start to trust me. Then they tell me the real things, the domestic stuff, the low mood. | language trust-in-services
Joanne | provider | And not writing in front of them. I stopped getting the laptop out in the first half hour. You can see them watching what you type. | trust-in-services
Bev | provider | We're told to record everything though. |
Joanne | provider | Record after. In the car. | trust-in-services
Helen | facilitator | Interpreters. How's that? | language
Bev | provider | Telephone interpreting, mostly. The speakerphone, in a small flat with a crying baby, the telly on. It's hopeless for anything sensitive. How do you ask about domestic abuse on a speakerphone with the husband in the room? | language
Joanne | provider | And the Romani thing. There's no Romani interpreter on the list, so we book Slovak. Some of the older mums don't really speak Slovak, they went to special schools, they left at twelve. So we're speaking to them in their second language through a phone. | language
Amira | provider | I've had the wrong Arabic as well. A Moroccan interpreter with a Sudanese mum. They were both trying, bless them, but it was like two different languages. | language
Helen | facilitator | And written stuff? The red book, leaflets? | language
Bev | provider | The red book is English. There are some translated leaflets on the website, but half are out of date. Safe sleep is in about twelve languages, weaning in three. | language
Joanne | provider | A lot of our mums can't read in any language. So a translated leaflet doesn't do anything. I draw pictures. (laughs) I'm not a good artist. | language
Helen | facilitator | What about the health side? What are you seeing? | health-wellbeing
Bev | provider | Damp. So much damp. Babies with chesty coughs every winter, bronchiolitis. I had a flat last week where the mould was growing on the bedroom ceiling right over the cot. I wrote to the landlord, on headed paper. Nothing. I wrote to environmental health. They said it's a private tenancy, the tenant should complain first. The tenant won't complain, she's terrified of being evicted. | health-wellbeing housing
Joanne | provider | And overcrowding. Baby sleeping in the bed with mum and two other kids. We give the safe sleep advice and the mum says, where do you want me to put the cot? There's no floor. | health-wellbeing housing
Amira | provider | Postnatal depression, a lot, hidden. Isolated mums, no family here, husband at work all day, no English. They don't go out. I had a mum say she hadn't spoken to another adult in three weeks, except the man in the shop. | community-belonging health-wellbeing language
Helen | facilitator | How many are registered with a GP? | health-wellbeing
Bev | provider | Most, now. But some practices still ask for proof of address and ID, which they're not supposed to. And then a family in a hotel has no proof of address. | health-wellbeing
Amira | provider | And some won't register because of the charging, they think the GP will tell the Home Office. Especially the ones whose visa has run out. They come to the baby clinic but they won't go to the GP. | health-wellbeing immigration-status trust-in-services
Joanne | provider | I had a mum refuse the hospital referral for her baby's hips because she thought she'd get a bill and then the bill would go to immigration. | health-wellbeing immigration-status trust-in-services
Helen | facilitator | Do you think families get treated differently by other services? | discrimination
Joanne | provider | Yes. I'll say it. I've been on the phone to a GP receptionist on behalf of a Roma family and the tone, "oh, that family". And at case conferences, the assumptions. "It's cultural." No, it's poverty, they have no heating. | discrimination health-wellbeing
Bev | provider | There was a referral from the hospital, a Roma baby with a bruise. Straight to children's social care. A white baby on the same ward, similar bruise, the note said "accidental, mum explained". It's the same bruise. | discrimination health-wellbeing
Amira | provider | And the assumption that Muslim women can't make decisions. The midwife talks to the husband, over the woman's head. The woman speaks perfect English! | discrimination health-wellbeing
Helen | facilitator | That's hard to hear. Okay. What do families say about us? | trust-in-services
Amira | provider | The ones who know us, they like us. They tell their friends, "ask for Amira". (laughs) Word of mouth is huge. | trust-in-services
Bev | provider | And when we've let them down, they tell their friends too. I had one mum, I'd promised to sort a cot through the charity, it fell through, I didn't ring her. Six months later, her sister wouldn't let me in. | trust-in-services
Helen | facilitator | Signposting, information? | information-advice
Joanne | provider | Half my visit is advice I'm not trained for. Benefits, immigration, housing. We signpost to the advice centre, and the advice centre has a six-week wait. The citizens' advice phone line, you can't get through. | information-advice
Bev | provider | And everything's online now. Apply for child benefit online, register the birth online, book the jabs online. Mum has a phone with no data. | information-advice
Helen | facilitator | Okay. Last thing. What would you change? |
Amira | provider | More staff who speak community languages. It's not a luxury, it's the job. | language
Joanne | provider | Video interpreters, proper ones, with a tablet. And a Romani one. | language
Bev | provider | Environmental health to actually act when we report damp. Not to tell a frightened mum to complain first. | housing
Helen | facilitator | Thanks all. Same time next month. Somebody wash the mugs, please. |
Bev | provider | Not me, I did it last time. |
"""),
    ("curve-10-tenants-meeting", "Mixed tenants' and residents' association meeting on the Ember Vale estate", """
Lorraine | facilitator | Right, can everyone hear me at the back? Good. Welcome to the Ember Vale tenants' and residents' meeting. Apologies from Bill, he's got his hip. Minutes of last time are on the table. Any matters arising? |
Frank | community | Yeah, the lift in Brennock House. It was "matters arising" last time and the time before. Still broken. | housing
Lorraine | facilitator | I know, Frank, I chased it. They said a part is on order. | housing
Frank | community | A part has been on order since June. | housing
Lorraine | facilitator | Okay. We've got a guest tonight, Meera, from the council's community engagement team, she's doing a consultation about the estate. She'll just listen and ask a few questions. |
Meera | facilitator | Thank you. Yes, I'm here mainly to listen. It's all anonymous. |
Lorraine | facilitator | So first item, repairs. | housing
Tracey | community | Where do I start. My bathroom ceiling came down. Actually came down, in March. Water from upstairs. I rang the repairs line, I got a job number. Then another job number. I've got six job numbers. I could paper the ceiling with job numbers. (laughter) | housing
Lorraine | facilitator | Has anyone been out? | housing
Tracey | community | A surveyor came, said it needs a plasterer, the plasterer came, said it needs a plumber upstairs first, the plumber never came. So the ceiling's still down and I've got a tarp. | housing
Ahmed | community | My flat, the windows. The wind comes through and the condensation, every morning I wipe the windows, a cup of water. The black mould in the children's room. I report, they send a man, he sprays, it comes back. | housing
Meera | facilitator | How long has that been going on? | housing
Ahmed | community | Two years. Two winters. My daughter has asthma. The GP wrote a letter for the council. The council said they put it "on file". | health-wellbeing housing trust-in-services
Frank | community | They've got a lot of files. | trust-in-services
Gosia | community | I want to say about the letters. The new rent letter, about the service charge, it is four pages. I read it three times with the dictionary. Is the rent going up or not? I still don't know. My neighbour, she is Lithuanian, she asked me, and I don't know either. | housing language
Tracey | community | I'm English and I didn't understand it. (laughter) | language
Lorraine | facilitator | It went up. By six and a half percent, plus the service charge. | housing
Gosia | community | Six and a half percent! My wages did not go up six and a half percent. | housing
Lorraine | facilitator | Second item, the consultation on the regeneration. Meera, do you want to say anything? | housing
Meera | facilitator | Just that the council is consulting on the plans for the west side of the estate, Pellow Court and Brennock House, and we want to hear what people think. | housing
Frank | community | We've been consulted four times. Four times in ten years. Every time, the boards with the pictures, the sticky dots, the nice young people. Then nothing happens, or something else happens that nobody asked for. | housing trust-in-services
Tracey | community | Last time we all said, don't knock down the community centre. What did they do? (pause) They knocked down the community centre. | community-belonging trust-in-services
Meera | facilitator | I understand the frustration. I'm new in the team, and I want this one to be different. | trust-in-services
Frank | community | With respect, love, they all said that. | trust-in-services
Ahmed | community | And the people in Pellow Court, if they knock it down, where do they go? They said "decant". What is decant? They said you will have the right to return. My friend in the other estate, he was decanted, he never returned. He is now in Stallowmere, in a flat smaller. | housing trust-in-services
Lorraine | facilitator | That's a good question, and we'll put it in the minutes for the council to answer in writing. | housing
Gosia | community | In writing in simple English please. (laughter) | language
Lorraine | facilitator | Noted. Item three, anti-social behaviour. Anybody? | community-belonging
Frank | community | The young lads on the stairs in Brennock. Smoking the weed, the smell goes in my flat. I've told the housing officer. She said call the police. I called the police, they said call the housing officer. | community-belonging information-advice
Tracey | community | And the dogs. Flat 12 has two dogs, they bark all day. | community-belonging
Jamal | community | Can I say something? This is difficult. Since we moved here, my family, from Sudan, three years ago, somebody every week puts things through our door. Rubbish. Once it was bacon. Once a note, "go home". My children are scared to go down the stairs alone. | discrimination
Lorraine | facilitator | Oh, Jamal. I didn't know that. Have you reported it? | discrimination
Jamal | community | To the housing. They said it's a police matter. To the police, they came once. They said without a camera they can't do anything. They said maybe the council can put a camera. The council said no budget for a camera. | discrimination trust-in-services
Meera | facilitator | I'm really sorry, Jamal. Would it be okay if I take that up with the community safety team directly tomorrow? | discrimination trust-in-services
Jamal | community | Yes. Okay. Thank you. But I have heard "tomorrow" many times. | trust-in-services
Tracey | community | That's disgusting. Whoever it is. We're not like that on this estate. | community-belonging discrimination
Frank | community | Some are. | discrimination
Tracey | community | Well, not most of us. | community-belonging
Gosia | community | When I came in 2008 it was like this for us also. The Polish. "Go back to Poland." Now they don't say it to us so much, now they say it to the new people. | discrimination
Lorraine | facilitator | Okay. It's something this association should take a stand on. I'll put it on the agenda properly for next time. | discrimination
Lorraine | facilitator | Item four. The community room. Who's using it? | community-belonging
Tracey | community | The bingo, Thursdays. The mums and toddlers. | community-belonging
Ahmed | community | We asked to use it for the Arabic class for the children, Saturday mornings. The office said the form must be filled and the insurance. We filled the form three months ago. | community-belonging
Gosia | community | And the Polish ladies, we would like the knitting, (laughs) Wednesday. But we don't know who to ask. The office or you? | community-belonging
Lorraine | facilitator | Ask me, I'll sort it. It's meant to be for everyone. | community-belonging
Frank | community | It was better when it was just us old ones though. We all knew each other. Now you don't know who your neighbour is. | community-belonging
Jamal | community | You can know me. Come for tea. (laughter) | community-belonging
Frank | community | Alright, I will. I'll hold you to that. | community-belonging
Lorraine | facilitator | Item five, any other business. |
Tracey | community | The heating in Pellow Court. The communal heating. It's on in July and off in December. Who sets it? | housing
Lorraine | facilitator | That's the district heating, it's a contractor. I'll ask again. | housing
Ahmed | community | My neighbour upstairs, old Romanian man, he doesn't come to the meeting because he doesn't speak English. But his flat, the toilet is broken since a month. He showed me. He does not know how to report. The website is English, the phone line, press one, press two, he gives up. | housing information-advice language
Lorraine | facilitator | Can you bring him next time? Or help him ring? | housing language
Ahmed | community | I helped him. They asked for his tenancy reference, he doesn't have it, it's in a letter somewhere. (shrugs) | housing
Meera | facilitator | Can I ask everyone one question before we close? How much do you trust the council to act on what you've said tonight? Honestly. | trust-in-services
Frank | community | Zero. (laughter) | trust-in-services
Tracey | community | One out of ten. Because you came. That's one. | trust-in-services
Gosia | community | I trust Lorraine. The council, not so much. | trust-in-services
Jamal | community | I will tell you next month. If the camera comes. | trust-in-services
Meera | facilitator | That's fair. I'll report back at the next meeting with what's happened. | trust-in-services
Lorraine | facilitator | Thank you, Meera. Next meeting second Tuesday of next month. There's tea and there's Tracey's flapjack. Mind the step on the way out, it's still broken. |
Frank | community | Put that on the list too. |
"""),
    ("curve-11-faith-group", "Faith group after Friday prayers at a mosque, men and women's sessions joined, some Urdu and Somali", """
Bilal | facilitator | Assalamu alaikum, everyone. Thank you for staying after jummah. Sister Hodan will help with Somali, and brother Imran with Urdu if needed. This is about the town, the services, how people find things. |
Imran | interpreter | I told the uncles in Urdu. |
Hodan | interpreter | And I told the sisters. |
Bilal | facilitator | Let's start with something simple. What does this mosque mean to people? | community-belonging
Yusuf | community | Everything. Honestly. When I came, no family, nothing, the first place I found was here. The brothers found me a room, a job, everything. | community-belonging
Faduma | community | (in Somali) |
Hodan | interpreter | She says for the women the mosque is where they meet. On Tuesday there is the women's circle, and the Qur'an class for the children. She says without it she would sit at home and speak to the walls. | community-belonging
Bilal | facilitator | Does anyone feel the town is welcoming? | community-belonging
Tahir | community | I've been here since 1979. (laughs) I came for the mills. In those days, the National Front, skinheads, you didn't walk alone. It's better now. Much better. But not finished. | community-belonging discrimination
Imran | interpreter | Uncle Tahir says the young ones don't know what it was like. He says they used to put things through the mosque letterbox, and once a fire. | discrimination
Yusuf | community | It still happens. Last year, after the attack in the news, somebody painted a pig on the wall outside. And the comments on Facebook, the local group, people saying close the mosque, send them back. | discrimination
Bilal | facilitator | Was that reported? | discrimination
Yusuf | community | The committee reported it. The police came, they were actually good, they put a patrol for two weeks, the inspector came to see the imam. That helped. | discrimination trust-in-services
Tahir | community | They came this time. In the old days, no. In the old days the police were the problem. | trust-in-services
Faduma | community | (in Somali) |
Hodan | interpreter | She says when she walks with her daughters, they wear the niqab, people say things. "Take it off", "ninja". At the bus stop. She says one man pushed her daughter. She didn't report, she says, what will they do, they don't know who he is. | discrimination trust-in-services
Bilal | facilitator | How about work, jobs? | employment
Imran | interpreter | Brother Shafiq says his son has a degree in accounting, he applied to sixty jobs, not one interview. Then his friend told him put an English name on the CV, "Sam" instead of "Samiullah". He got three interviews in two weeks. | discrimination employment
Shafiq | community | (in English) Sixty. Sixty applications. | employment
Yusuf | community | I drive taxi. Twelve hours. The customers, mostly fine. Some, when drunk, the words they use. You learn not to hear. | discrimination employment
Bilal | facilitator | Let's talk about services. Schools, GP, council. What's it like? |
Amina | community | The GP is the big one. You ring at eight, by eight fifteen everything is gone. And when you get in, ten minutes, one problem only. My mother has diabetes, blood pressure, knees. One problem only. | health-wellbeing
Faduma | community | (in Somali) |
Hodan | interpreter | She says she went to the hospital for her stomach pain three times, and they said it's stress, and sent her home, and then it was the gallbladder and she needed the operation. She says they didn't believe her pain. She says she thinks they think Somali women exaggerate. | discrimination health-wellbeing trust-in-services
Amina | community | They think we all exaggerate. My aunt, the same. "Cultural."  | discrimination health-wellbeing trust-in-services
Bilal | facilitator | And schools? | education
Amina | community | My children's school is good. They gave a room for prayer on Fridays. The head came to Eid with us last year. That was nice, that meant something. | community-belonging education trust-in-services
Yusuf | community | My son's school, different. He came home and said the teacher said in the lesson about terrorism, "some of you might know people like this", and looked at the Muslim boys. Then the school made a Prevent referral about my son because he said something about Palestine in class. | discrimination education
Bilal | facilitator | A Prevent referral? | education
Yusuf | community | Yes. For a fourteen years old boy. Nobody phoned me first. A man came to the house. My wife was crying, she thought he was police, that they will take him. After that my son doesn't speak in class anymore. He says, Baba, I keep quiet now, it's safer. | education trust-in-services
Imran | interpreter | Uncle Tahir says this is what they all fear. He says the children learn to shut their mouths. | education trust-in-services
Bilal | facilitator | That's heavy. Thank you for sharing, brother Yusuf. What about the council? |
Shafiq | community | (in Urdu) |
Imran | interpreter | He says he has been on the housing list for a bigger house for seven years. He has six children in a three-bedroom house, the boys, four boys in one room, bunk beds. He says the council says he has enough bedrooms, by their rules. | housing
Shafiq | community | (in English) By their rules. Their rules are for small English families. | discrimination housing
Amina | community | And the council tax letter, my mother got a summons, court. She didn't understand the letter, she thought it was advertising and put it in the bin. Then the bailiffs' letter. I found it in the drawer. She was so scared, she couldn't sleep, she thought they will take the house. | health-wellbeing housing language
Bilal | facilitator | Did it get sorted? |
Amina | community | I rang, I arranged to pay. But if I wasn't here? She can't read English. She can't read Urdu either, she never went to school. | language
Faduma | community | (in Somali) |
Hodan | interpreter | Faduma says she wants to learn English, but the classes are mixed, men and women, in the evening, and her husband is not comfortable, and she is not comfortable. She asks if the mosque could have a women-only class in the day. | language
Bilal | facilitator | That's a really good idea. Could that work? | language
Amina | community | We had one, two years ago, the council paid for a teacher. The women loved it. Twenty women every week. Then the money stopped. | language
Yusuf | community | Always the money stops. |
Bilal | facilitator | Where do people go for advice? | information-advice
Imran | interpreter | Uncle Tahir says they come to the mosque, to the imam, to brother Imran. He says brother Imran does everyone's forms. (laughter) | information-advice
Imran | interpreter | (speaking for himself) It's true. Pension credit, blue badge, the passport. I'm not a professional. Sometimes I'm not sure if I'm giving the right advice. There's nowhere to send them. The advice centre closed its drop-in. | information-advice
Bilal | facilitator | That's a lot on your shoulders. | information-advice
Imran | interpreter | It's alright. It's my duty. But yes. |
Bilal | facilitator | Any last thoughts, anything for the council? |
Tahir | community | Tell them we are not visitors. Forty-five years. My grandchildren are from here. Yorkshire accents! (laughter) | community-belonging
Amina | community | Tell them to come to us. Not to send a survey. To come, sit, have chai. | trust-in-services
Faduma | community | (in Somali) |
Hodan | interpreter | She says, tell them the women's English class. Please. | language
Bilal | facilitator | I'll tell them. Jazakallah khair everyone. There's food in the hall. |
"""),
    ("curve-12-afghan-women", "Afghan women's sewing group at a family centre, Dari interpreter", """
Gemma | facilitator | Hello, salaam. Thank you for letting me join the sewing group. Please carry on sewing, I'll just chat. Mariam is interpreting. |
Mariam | interpreter | They say you are welcome, you must try the sewing also. (laughter) |
Gemma | facilitator | Oh no, I'm hopeless. Okay, maybe later. How long has the group been going? | community-belonging
Mariam | interpreter | Zahra says one year, since the family centre started it. She says it is the only time in the week she leaves the house, except the shop. | community-belonging
Zahra | community | (in Dari) |
Mariam | interpreter | She says in Kabul she was a teacher, she taught girls in the school. Here she is nothing, she sits at home. She says the sewing group gives her back a little bit of herself. | community-belonging
Gemma | facilitator | That's beautiful. Can I ask where people are living, how the housing is? | housing
Mariam | interpreter | Shabnam says they came on the resettlement scheme, first they were in the bridging hotel for fourteen months. One room, five people. Her children forgot how to live in a house. Then they got a house here, on the Tallowgate side. | housing
Shabnam | community | (in Dari) |
Mariam | interpreter | She says the house is okay, but it is very cold. The boiler is old. The heating is expensive, so they don't put it on. They wear the jackets inside. She says the landlord is a housing association and she rang them, but the man on the phone spoke very fast, and she didn't understand, and he hung up. | housing language
Gemma | facilitator | He hung up on her? | housing language
Mariam | interpreter | She says maybe the line was cut, she doesn't know. She says she didn't ring again because she was embarrassed. | housing language
Parwana | community | (in Dari) |
Mariam | interpreter | Parwana says she is still in the hotel. She came later, not on the scheme, on a small boat with her son. She is an asylum seeker. She says the hotel is full of men, and she is afraid to go to the kitchen at night. She keeps the door locked with a chair. | housing immigration-status
Gemma | facilitator | Has she told anyone at the hotel? | housing
Mariam | interpreter | She told the manager. The manager said, it's not my problem, it's the Home Office. She says the Home Office is a phone number that nobody answers. | housing immigration-status
Gemma | facilitator | How about English? Are people going to classes? | language
Zahra | community | (in English) I go. Tuesday, Thursday. Level Entry 1. Slow, slow. (laughs) | language
Mariam | interpreter | She says the teacher is very kind but the class is too big, thirty people, and she doesn't get to speak. | language
Shabnam | community | (in Dari) |
Mariam | interpreter | She says she can't go because of the baby. The college has no crèche now. The sewing group has a crèche, that's why she comes here. She says if there was an English class here with the crèche, all the women would come. | language
Gemma | facilitator | That's come up in other groups too. And when you go to the doctor, or the council? | language
Mariam | interpreter | Parwana says at the doctor they gave her a Pashto interpreter on the phone. She speaks Dari. She says she tried to tell him, Dari, Dari, but they thought she was saying okay. | language
Shabnam | community | (in Dari) |
Mariam | interpreter | She says her husband speaks a bit of English, so he goes to everything. To the doctor with her, for the women's things. She doesn't like it. She says there are things she cannot say to the doctor with her husband there, but she has no choice. | health-wellbeing language
Gemma | facilitator | Did anyone offer a female interpreter? | language
Mariam | interpreter | She says nobody asked. | language
Zahra | community | (in Dari) |
Mariam | interpreter | Zahra says the worst is the letters. Every week a letter, brown envelope. She puts them in a box. Her son reads them in the evening, he is eleven. She says he read one about the benefits and he was crying because he thought it said they would lose the house. It was not that, it was just a review. But he was crying. | language
Gemma | facilitator | Poor boy. How's school for the children? | education
Mariam | interpreter | Zahra says her son's school is very good, he has a teacher who is Afghan, and she helps him. And her daughter is in the secondary, she is doing very well, she wants to be a doctor. | education trust-in-services
Shabnam | community | (in Dari) |
Mariam | interpreter | Shabnam says her boy has problems at school, he gets in fights, he doesn't sleep, he saw things at the airport in Kabul. The school phoned her many times. She says she is afraid the school thinks she is a bad mother. She says the teacher talked about a referral, and she doesn't know what that means, to who, and she is afraid. | education health-wellbeing trust-in-services
Gemma | facilitator | Did anyone explain it to her? | education trust-in-services
Mariam | interpreter | She says no. They gave her a form. | education trust-in-services
Gemma | facilitator | Okay. How do people find the town, the neighbours? | community-belonging
Mariam | interpreter | Zahra says the neighbour on one side is an old English lady, she brings cakes at Christmas. On the other side, the man says nothing, he looks at her scarf and shakes his head. | community-belonging discrimination
Parwana | community | (in Dari) |
Mariam | interpreter | Parwana says outside the hotel, there were people with flags, protesting, shouting, "stop the boats", "send them back". She says they filmed the windows. Her son was scared to go to school because they might follow him. | discrimination
Gemma | facilitator | That must be frightening. Did the police do anything? | discrimination trust-in-services
Mariam | interpreter | She says the police were there, standing. They were protecting the protest, she felt, not the people inside. But one policewoman smiled at her son and gave him a sticker. (laughter) She says he still has the sticker. | discrimination trust-in-services
Gemma | facilitator | (laughs) Small things. Does anyone work? | employment
Mariam | interpreter | Shabnam's husband works in the warehouse, nights. He was an engineer in Afghanistan, he worked for the British army, as an interpreter, that's why they came. Now he packs boxes. She says he doesn't talk about it. | employment
Zahra | community | (in English) I want to work. Teacher. But my certificate, they say, no. | employment
Mariam | interpreter | She says she went to the Jobcentre, and the work coach said she must apply for cleaning jobs, ten jobs a week, or the money stops. She says she is happy to work but she wanted to ask about teaching, and the work coach didn't listen. | employment trust-in-services
Gemma | facilitator | Is there anything about health, wellbeing, you want to say? | health-wellbeing
Mariam | interpreter | Parwana says she doesn't sleep. She thinks about her daughters, who are still in Afghanistan with her sister. She says when the phone rings at night her heart stops. | community-belonging health-wellbeing
Zahra | community | (in Dari) |
Mariam | interpreter | Zahra says many of the women have the sadness, the depression, but they don't go to the doctor for this. She says in their culture you don't talk about this outside. The doctor gives tablets, the tablets make you sleep, that's all. | health-wellbeing
Gemma | facilitator | Okay. We're nearly at the end. What would make a difference? |
Mariam | interpreter | Shabnam says an English class here, with the crèche. Zahra says help with the teaching certificate. Parwana says she wants to leave the hotel and she wants her daughters. | community-belonging employment housing language
Gemma | facilitator | Thank you all. And thank you, Mariam. |
Mariam | interpreter | They say now you must sew one line. (laughter) |
Gemma | facilitator | Okay, okay, one line. Show me. |
"""),
    ("curve-13-roma-dropin-week2", "Roma women's drop-in, the following week, with a council tenancy relations officer visiting, Slovak and Romani interpreter", """
Jo | facilitator | Morning! Right, we've got a visitor today, this is Neil from the council, he deals with private landlords. Some of you asked last week, so he's come. | housing
Neil | provider | Hiya. Don't worry, I'm not here to check on anyone. (pause) That sounded worse than I meant. | trust-in-services
Renata | community | (laughs) Everybody says this. | trust-in-services
Marketa | interpreter | I explained who he is. Ilona asks if he is from the social. | trust-in-services
Neil | provider | No, no. Housing. I work with tenants who have problems with their landlord. Repairs, illegal evictions, that sort of thing. | housing
Ilona | community | Okay. |
Jo | facilitator | Renata, do you want to tell Neil about the window? | housing
Renata | community | The window, yes. Two winters. The landlord says he sends the man, he never sends. My children sleep with the hat. | housing
Neil | provider | Right. So if you've told the landlord in writing, I can inspect, and if it's a hazard I can serve a notice on him to fix it. | housing
Renata | community | In writing. (to Marketa, in Slovak) Ja som mu to povedala stokrát. | housing
Marketa | interpreter | She says she told him a hundred times, but on the phone, not in writing. She asks if she has to write in English. | housing language
Neil | provider | Any language, honestly, or a text message, a WhatsApp, that counts. Screenshot it. | housing language
Renata | community | WhatsApp I have! Many. (shows phone) Look, look, "when you come", "when you come". | housing
Neil | provider | Perfect. That's evidence. | housing
Zaneta | community | And after, he throws her out. Like my cousin. | housing
Marketa | interpreter | She is asking, if he comes and makes the landlord fix the window, will the landlord then give the notice to leave. | housing
Neil | provider | It's a fair worry. There's some protection, if I've served a notice he can't use a section 21 for six months. But I won't pretend it's watertight. | housing
Zaneta | community | Six months. Then? | housing
Neil | provider | Then, yeah. It's not great. | housing
Vierka | community | (in Romani) |
Marketa | interpreter | Vierka says, last year a man from the council came to her son's house, he said the same, he would help, and then he wrote that there were too many people living in the house, and after that they got a letter from the landlord to leave. So now her son says, never let the council in. | housing trust-in-services
Neil | provider | I'm sorry that happened. Overcrowding can be a hazard too, it's the same assessment. I'd always talk to the family before doing anything. | housing trust-in-services
Vierka | community | (in Romani, short) |
Marketa | interpreter | She says, they all talk nice. | trust-in-services
Jo | facilitator | That's fair enough, Vierka. Neil's here to listen as well. | trust-in-services
Monika | community | I have question. My landlord, he wants the deposit, seven hundred pounds, and when I leave, he keeps all. He said the carpet is dirty. The carpet was dirty when I came! | housing
Neil | provider | Did he protect the deposit? In a scheme? He should have given you a certificate. | housing
Monika | community | Certificate? Nothing. Only the paper, the contract, in English, twelve pages. I signed. I didn't read. I can't read. | housing language
Neil | provider | If he didn't protect it, you can claim it back plus compensation. That's actually a strong case. Jo, can we book Monika in with the advice worker? | housing information-advice
Jo | facilitator | Yes, I'll do it now. | information-advice
Monika | community | The advice is full. Always full. | information-advice
Jo | facilitator | I'll ring them, I know Sarah there. She'll see you. | information-advice
Monika | community | Okay. If you ring, okay. | information-advice
Renata | community | (in Slovak, to Zaneta) Vidíš, keď zavolá ona, tak to ide. |
Marketa | interpreter | (laughing) She says, you see, when Jo rings it works, when we ring, nothing. | information-advice
Jo | facilitator | (laughs) It shouldn't be like that, but yeah. | information-advice
Ilona | community | Can I say something? Not about landlord. |
Jo | facilitator | Go on. |
Ilona | community | The school. After last week, the lady with the lanyard came again. But this time she was different. She sat down. She asked about the baby. She said the fine is stopped, they will help with the doctor letter. | education trust-in-services
Marketa | interpreter | She says the attendance officer came back and this time she was kind, she sat, and she said they will cancel the fine and help her get the letter from the GP. | education trust-in-services
Jo | facilitator | That's brilliant, Ilona. |
Ilona | community | I slept this week. (laughter) | health-wellbeing trust-in-services
Zaneta | community | For you. My son, still the boys on the bikes. Yesterday again, they threw the bottle. | discrimination
Neil | provider | Have you reported that? That's a hate crime. | discrimination
Zaneta | community | No. | discrimination
Neil | provider | You could report it online, or to third party reporting, there's a centre here at the library. You don't have to go to the police station. | discrimination information-advice
Zaneta | community | The library. Okay. Maybe. But what happens then? | discrimination trust-in-services
Neil | provider | Honestly, it depends. But if it's not reported it doesn't exist, in their figures. | discrimination trust-in-services
Zaneta | community | In their figures we don't exist anyway. (laughter) | discrimination trust-in-services
Vierka | community | (in Romani) |
Marketa | interpreter | She says in Slovakia they have a word for this, they say we are invisible until we are a problem. | discrimination
Jo | facilitator | Who wants more tea? Monika, the biscuits are by you. |
Monika | community | Chocolate ones finished. |
Jo | facilitator | Next week, I promise. |
Neil | provider | Can I ask something? How do you find out about your rights, normally? If there's a problem with a landlord? | housing information-advice
Renata | community | From each other. Cousins, sisters. Somebody has the same problem, she tells you. | information-advice
Zaneta | community | And Facebook, the Slovak group. But there, everybody is a lawyer. (laughter) | information-advice
Monika | community | Before, Katka from the project. Now, nobody. | information-advice
Neil | provider | Would a leaflet help? In Slovak? | language
Ilona | community | In Slovak is okay, for me. For Vierka, no. She doesn't read. | language
Marketa | interpreter | Vierka says a video is better. On the phone. In Romani. | language
Neil | provider | That's a really good idea actually. I'll take that back. | language
Jo | facilitator | Okay, we need to wrap up, the room is booked for the toddler group at twelve. Thank you, Neil. |
Neil | provider | Thanks for having me. Renata, send me those WhatsApps, Jo's got my email. | housing
Renata | community | I send. Today. |
Jo | facilitator | See you all next Thursday. |
"""),
    ("curve-14-roma-men-football", "Czech and Slovak Roma men and teenagers at a Sunday football club, talking after a match, English and Czech", """
Luke | facilitator | Good game, lads. Sit down a minute, grab a drink. Like I said, the council wants to hear from people, this is for that. No names. |
Milan | community | We won, so we talk. (laughter) |
Luke | facilitator | Ha. So, how long has the club been going now? | community-belonging
Milan | community | Three years. We started with six people, now thirty, kids and old ones. | community-belonging
Tomas | community | Is the only thing here for the Roma boys. Other clubs, we tried. The coach, he looks at us, "sorry, the team is full". Full. Next week a new English boy comes, no problem. | community-belonging discrimination
Luke | facilitator | That happened to you? | discrimination
Tomas | community | Me, my brother, my cousin. Three clubs. | discrimination
Denis | community | And the ref, in the league. Every game, the yellow card, for us. The other team kicks, nothing. One time he said to us, "calm down, this isn't a Gypsy camp". | discrimination
Luke | facilitator | Did the club complain? | discrimination
Milan | community | We wrote to the league. They said they investigate. (shrugs) Nothing. | discrimination
Luke | facilitator | How's everything else, work, home? | employment housing
Milan | community | Work is okay. I work in the recycling, the sorting. Agency, but long time, four years. Every year they say you will get the contract. Four years. | employment
Denis | community | I do the building, labouring. With my uncle. When there is work. | employment
Robert | community | (in Czech) Já nic. (in English) Me, nothing. I am looking. I go to the agencies, they say leave your number. | employment
Luke | facilitator | How long have you been looking, Robert? | employment
Robert | community | Eight months. The Jobcentre says do the CV online. I do. Nobody calls. My name is on the CV, Roma name, they know. (shrugs) Maybe. I don't know. | discrimination employment
Milan | community | Tell him about the interview. | employment
Robert | community | One interview, the warehouse. The man on the phone was nice, "come tomorrow". I come, he sees me, he says the job is gone. | discrimination employment
Luke | facilitator | Right. And home, where are you all living? | housing
Denis | community | With my parents, my wife, our baby, my sister and her kids. Eleven people, three bedrooms. I sleep on the floor in the living room with my wife and the baby. | housing
Luke | facilitator | Have you applied for your own place? | housing
Denis | community | The council list. They say I am "adequately housed" because I live with my parents. Adequately! (laughter) | housing
Tomas | community | Private is impossible. The agent asks for a guarantor who earns thirty thousand. Who do we know who earns thirty thousand? | housing
Milan | community | I had a landlord, before, very good. Pakistani man. He didn't care we are Roma, he said you pay, you are good. Six years. Then he sold the house. | housing
Luke | facilitator | What about the kids, school? | education
Milan | community | My son is twelve, Year 7. They put him in the bottom group. He is clever, in Czech school he was top. Here, bottom. Because the English. | education language
Tomas | community | In Czech, it was worse, the special schools. All the Roma in the special school. My father, me, all. At least here they don't do this. | discrimination education
Denis | community | No, here they just do it in the same school. (laughter) | discrimination education
Luke | facilitator | Do the parents go to the school, meetings? | education
Milan | community | I go. My wife no. She says they look at her like she is dirty. And she doesn't understand what they say, they speak very fast, and the interpreter they bring is Slovak, she is Czech Roma, it's close but not the same. | discrimination education language trust-in-services
Luke | facilitator | And the police, the lads mentioned last week there was some trouble. | trust-in-services
Tomas | community | After the match two weeks ago, in the car park, the police came. Somebody called them, said there was a fight. There was no fight. We were loading the kit. They asked everyone for names, the kids also. | trust-in-services
Denis | community | They took photos of the cars. | trust-in-services
Luke | facilitator | Did they say why? | trust-in-services
Tomas | community | "We had a report." Always "we had a report". Who reports? Somebody who sees thirty Roma and thinks, crime. | discrimination trust-in-services
Milan | community | But I must say, one of them, the young one, he came back the next week. He watched the game. He said sorry, it was a mistake call. He played with the kids. That was good. The kids liked him. | trust-in-services
Robert | community | One good one. (laughs) | trust-in-services
Milan | community | One is better than zero. | trust-in-services
Luke | facilitator | What about English, classes, that kind of thing? | language
Robert | community | I want the class, but it's in the morning, and I have the Jobcentre appointments in the morning, they clash. The Jobcentre says the appointment is more important. | employment language
Denis | community | My English is from the building site. (laughter) Not good for the office. | employment language
Luke | facilitator | Fair. The club itself, what does it do for people? | community-belonging
Milan | community | The kids are off the street. The fathers are together. We speak our language, we joke, nobody looks at us. It's like a family. | community-belonging
Tomas | community | And the pitch, the council gives us the pitch cheap. That's good. But now they say maybe the price goes up next year. Then, finish. | community-belonging
Luke | facilitator | Have they talked to you about that? | trust-in-services
Tomas | community | A letter. They said consultation. We filled the form. Nobody came to see. I think it's already decided. | trust-in-services
Luke | facilitator | Okay, last one. What do you want the council to know? |
Milan | community | That we are here. That we are not the problem. Give us the pitch and the kids will be okay. | community-belonging discrimination
Denis | community | And the houses. Big houses. We are big families. | housing
Luke | facilitator | Thanks lads. Same time next Sunday. |
Robert | community | If you find me a job, I come earlier. (laughter) | employment
"""),
    ("curve-15-bulgarian-coffee-morning", "Bulgarian and Turkish-speaking women's coffee morning at a library, Bulgarian interpreter, long turns", """
Anna | facilitator | Good morning, everyone. Thank you for having me at the coffee morning. Desi will interpret in Bulgarian, and Gul says she's happy in English. Please just talk, it doesn't have to be in order. |
Desi | interpreter | I have told them. They are saying you should have some banitsa first, Nevena made it. |
Anna | facilitator | Oh, lovely, thank you. Mm. That's really good. |
Nevena | community | (in Bulgarian, long) |
Desi | interpreter | Nevena says she will tell you her whole story because nobody ever asks. She came in 2014 to join her son, who was working on the farms near Wraxholm, picking, and at first she was looking after the grandchildren so her son and his wife could both work, and it was fine, they lived in a caravan on the farm, four of them, and then the little one was born and the farmer said no more children in the caravans, so they had to find a room in the town, and the room was above a takeaway, and the smell of the oil, she says, the smell was in the clothes, in the hair, the children went to school smelling of chips and the other children said things. And the landlord was the man from the takeaway, and when the ceiling in the bathroom was leaking he said he will fix it when business is better, and business was never better. She says now they are in a proper house, thank God, a council house, after six years on the list, and she wants to say thank you for the house, but she also wants to say the six years were very long. | employment housing
Anna | facilitator | Thank you, Nevena. Six years is a long time. How is the house now? | housing
Desi | interpreter | She says the house is good, warm, the only thing is the garden, the fence is broken and the council said it is the tenant's job, and she is seventy-one, how can she fix a fence. | housing
Gul | community | Can I say mine? Because mine is different. I'm Turkish from Bulgaria, we speak Turkish at home, Bulgarian at school, and English I learned here, so I am the one who does everything for everybody, you know, for my mother, for my aunties, for the neighbours even. Last week I was at the hospital with my aunt for her eyes, the cataract, and they had booked an interpreter, which was very good, but Bulgarian, and my aunt's Bulgarian is not good, she is from a village, they spoke only Turkish in the village, so in the end I did it, again. And I don't mind, really, but I have my job, I work in the school kitchen, I had to take the morning off, unpaid, and my manager was not happy. And then the letter from the hospital came in English, with the appointment, and the eye drops instructions, three different drops, and my aunt put the wrong ones in for a week because I was not there to read it. | employment health-wellbeing language
Anna | facilitator | That's a lot for one person. Do other people here do that for family too? | language
Desi | interpreter | They are all saying yes, everybody, the daughters, the granddaughters. | language
Vesela | community | (in Bulgarian) |
Desi | interpreter | Vesela says her grandson is ten and he does everything for her on the phone, the bank, the doctor, the electricity, and she is ashamed, because he should be playing, and she is trying to learn English at the library on Monday, the free conversation class, but she says at her age the words go in one ear and out of the other, and the teacher is very patient, a retired lady, but it is one hour a week, what can you learn in one hour. | language
Anna | facilitator | Is there anything more than that one hour, that you know of? | language
Desi | interpreter | She says there was a proper class at the college, but you have to do the online enrolment and show documents and it costs money if you are not on benefits, and she is on pension, her small Bulgarian pension, so she doesn't know if it is free or not, nobody could tell her. | information-advice language
Gul | community | Nobody can tell you anything, that's the problem. You ring the council, they say it's the college. You ring the college, they say look on the website. The website says contact the council. It's a circle. | information-advice
Nevena | community | (in Bulgarian) |
Desi | interpreter | Nevena says, about the doctor, she wants to say something. She says the doctor is a young man, very nice, very polite, but every time she goes with her pain, her knees, her back, he says it is age, it is age, and he doesn't touch her, doesn't examine, just looks at the computer, and in Bulgaria the doctor at least touches you. She says she feels he doesn't believe it is so bad. Her daughter-in-law went with her one time and spoke strongly, and then he sent her for the X-ray, and the X-ray showed the arthritis, bad. So she says, you need somebody strong with you, alone they don't listen. | health-wellbeing trust-in-services
Anna | facilitator | That's really clear, thank you. What about the town, how do people find living here? | community-belonging
Vesela | community | (in Bulgarian, long) |
Desi | interpreter | Vesela says it is a nice town, she likes the park, she likes the library, the ladies here are her friends now, before she had nobody, her husband died in 2019 and she stayed in the flat alone all winter, she did not speak to anyone, she says she was talking to the television. Then Nevena found her in the market, heard her speaking Bulgarian on the phone, and said come on Thursday. She says this coffee morning saved her life, she is not joking. But she says the town also, sometimes, she hears things. On the bus a woman said loudly "they're all on benefits, these Eastern Europeans", and everyone heard, and Vesela understood, she understands more than she speaks, and she wanted to say, I worked forty years, I worked in a factory, I don't take anything, but she didn't have the words, so she sat and she was red in the face. | community-belonging discrimination health-wellbeing language
Anna | facilitator | I'm sorry that happened. Did anyone on the bus say anything? | discrimination
Desi | interpreter | She says no. Nobody. She got off two stops early. | discrimination
Gul | community | For me it was at work, once. Not my manager, a mum, a parent, when I was serving the lunches, she said to another mum "I don't want foreigners touching my child's food". In front of me. I reported it to the school, and to be fair the head was really good, she wrote to the parent, she told me she would not accept it, she checked on me after. So that was okay. I felt protected, honestly, for once. | discrimination employment trust-in-services
Anna | facilitator | That's good to hear, that the school backed you. | trust-in-services
Nevena | community | (in Bulgarian) |
Desi | interpreter | Nevena says she wants to add about the settled status. She says she has it, settled, but her friend from the village, Stoyanka, came to visit her sister for the summer in 2021 and stayed, and she did not apply in time, and now she is told she has no status, and she cannot go to the doctor without being frightened of the bill, and she cannot rent, she lives with the sister, sleeping in the sister's kitchen on a folding bed. She says Stoyanka is seventy-five and she cries every day, and the lawyer wants eight hundred pounds for the late application. | health-wellbeing housing immigration-status information-advice
Anna | facilitator | Has she had any free advice about the late application? | immigration-status information-advice
Desi | interpreter | She says they went to the advice place in the town centre, but there was a queue, and they were given a number to ring, and the number rings and rings. And a man on Facebook says he can do it for three hundred, but her son says he is not a real lawyer. | immigration-status information-advice
Gul | community | There are so many of those men. They take the money and they disappear. My cousin paid one for the Universal Credit form, a form which is free! | information-advice
Anna | facilitator | Okay. We're getting close to the end. Is there something you'd want the council to hear? |
Desi | interpreter | Nevena says the fence. (laughter) No, she says, seriously: more of these places, like this morning, for old people who are alone. And Vesela says an English class for old people, slow, with pictures, more than one hour. | community-belonging language
Gul | community | And interpreters who speak Turkish, not only Bulgarian. Bulgaria is not only Bulgarian people. Please write that down. | language
Anna | facilitator | Written down. Thank you all so much, and thank you for the banitsa. |
Desi | interpreter | Nevena says you must take some home for your family. |
"""),
]


def parse(block: str) -> list[tuple[str, str, str, list[str]]]:
    """The turns of one block as (speaker, role, text, codes)."""
    turns = []
    for line in block.strip("\n").splitlines():
        speaker, role, rest = line.split(" | ", 2)
        text, codes = rest.rsplit("|", 1)
        code_list = codes.split()
        if role not in ROLES or any(c not in THEMES for c in code_list) or len(set(code_list)) != len(code_list):
            raise ValueError(f"bad line: {line!r}")
        turns.append((speaker, role, text.strip(), code_list))
    return turns


def rows() -> tuple[list[list[object]], list[tuple[str, int, str]]]:
    turn_rows: list[list[object]] = []
    code_rows: list[tuple[str, int, str]] = []
    for transcript_id, _setting, block in SESSIONS:
        for n, (speaker, role, text, codes) in enumerate(parse(block), start=1):
            turn_rows.append([transcript_id, n, speaker, role, text])
            code_rows.extend((transcript_id, n, code) for code in codes)
    return turn_rows, sorted(code_rows)


def write(outdir: Path) -> None:
    turn_rows, code_rows = rows()
    with open(outdir / "coding-curve-turns.csv", "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["transcript_id", "turn", "speaker", "role", "text"])
        writer.writerows(turn_rows)
    with open(outdir / "coding-curve.csv", "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["transcript_id", "turn", "code"])
        writer.writerows(code_rows)


if __name__ == "__main__":
    write(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent)
