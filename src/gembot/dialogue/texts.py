"""Everything the dialogue layer says itself, in B1 Dutch and plain English.

Answers to residents' questions come from the content library; these are the few sentences
around them: asking again, offering choices, feedback and honest "I don't know" replies.
"""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "greeting": {
        "nl": "Hallo, ik ben Gem, de digitale assistent van de gemeente {name}. "
        "Stel uw vraag in uw eigen woorden.",
        "en": "Hello, I am Gem, the digital assistant of the municipality of {name}. "
        "Ask your question in your own words.",
    },
    "not_understood_first": {
        "nl": "Sorry, dat begrijp ik niet. Kunt u uw vraag anders stellen? "
        "Gebruik bijvoorbeeld andere woorden. Of kies een van deze onderwerpen.",
        "en": "Sorry, I do not understand. Could you ask it in a different way? "
        "Or choose one of these topics.",
    },
    "not_understood_second": {
        "nl": "Sorry, ik begrijp uw vraag nog steeds niet. Een medewerker van de gemeente kan "
        "u verder helpen.",
        "en": "Sorry, I still do not understand your question. An employee of the "
        "municipality can help you further.",
    },
    "out_of_scope": {
        "nl": "Daar kan ik u niet mee helpen. Ik beantwoord alleen vragen over de gemeente "
        "{name}. Heeft u een vraag over bijvoorbeeld verhuizen, afval of een paspoort? "
        "Stel die gerust.",
        "en": "I cannot help you with that. I only answer questions about the municipality "
        "of {name}. Do you have a question about moving house, waste or a passport, for "
        "example? Please ask.",
    },
    "clarify": {
        "nl": "Ik weet niet zeker wat u bedoelt. Bedoelt u een van deze onderwerpen?",
        "en": "I am not sure what you mean. Do you mean one of these topics?",
    },
    "something_else": {"nl": "Iets anders", "en": "Something else"},
    "something_else_reply": {
        "nl": "Goed. Wilt u uw vraag in andere woorden stellen?",
        "en": "All right. Could you ask your question in other words?",
    },
    "feedback_question": {"nl": "Heeft dit u geholpen?", "en": "Did this help you?"},
    "feedback_yes": {"nl": "Ja", "en": "Yes"},
    "feedback_no": {"nl": "Nee", "en": "No"},
    "feedback_thanks": {
        "nl": "Fijn dat ik u kon helpen. Heeft u nog een andere vraag? Stel die gerust.",
        "en": "Good to hear. Do you have another question? Please ask.",
    },
    "feedback_what_then": {
        "nl": "Jammer dat dit u niet hielp. Wat zocht u? Stel uw vraag in andere woorden. "
        "U kunt ook een medewerker spreken.",
        "en": "Sorry this did not help. What were you looking for? Ask your question in "
        "other words. You can also talk to an employee.",
    },
    "ask_employee": {"nl": "Medewerker spreken", "en": "Talk to an employee"},
    "english_note": {
        "nl": "",
        "en": "This answer is only available in Dutch:",
    },
    "tailoring_again": {
        "nl": "Ik heb uw antwoord niet goed begrepen. Kies een van de knoppen, of typ uw antwoord.",
        "en": "I did not understand your answer. Choose one of the buttons, or type your answer.",
    },
    "move_date_now": {
        "nl": "Uw verhuisdatum is {date}. U kunt uw verhuizing nu doorgeven.",
        "en": "Your moving date is {date}. You can report your move now.",
    },
    "move_date_later": {
        "nl": "Uw verhuisdatum is {date}. U kunt uw verhuizing doorgeven vanaf {first}. "
        "Dat is 4 weken voor uw verhuisdatum.",
        "en": "Your moving date is {date}. You can report your move from {first}. That is "
        "4 weeks before your moving date.",
    },
    "move_date_late": {
        "nl": "U bent op {date} verhuisd. Dat is meer dan 5 dagen geleden. Geef uw "
        "verhuizing zo snel mogelijk door.",
        "en": "You moved on {date}. That is more than 5 days ago. Report your move as soon "
        "as possible.",
    },
    "move_date_deadline": {
        "nl": "Doe het uiterlijk op {last}. Dat is 5 dagen na uw verhuisdatum.",
        "en": "Do it on {last} at the latest. That is 5 days after your moving date.",
    },
    "no_live_chat": {
        "nl": "Een medewerker spreken kan via de chat nu niet. Bel de gemeente op "
        "{phone}. Of kijk op {website}.",
        "en": "You cannot chat with an employee right now. Call the municipality on "
        "{phone}. Or go to {website}.",
    },
    "not_waiting": {
        "nl": "U wacht nu niet op een medewerker. Stel gerust uw vraag aan mij.",
        "en": "You are not waiting for an employee now. Feel free to ask me your question.",
    },
    "waiting_for_agent": {
        "nl": "U wacht op een medewerker. Uw bericht is doorgestuurd.",
        "en": "You are waiting for an employee. Your message has been passed on.",
    },
}


def text(key: str, language: str = "nl", **values: object) -> str:
    variants = TEXTS[key]
    template = variants.get(language) or variants["nl"]
    return template.format(**values) if values else template
