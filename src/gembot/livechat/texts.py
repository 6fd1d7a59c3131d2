"""What residents read from the live chat, in B1 Dutch and in English."""

from __future__ import annotations

from datetime import datetime

from gembot.core.calendar import MONTHS_EN, MONTHS_NL
from gembot.livechat.officehours import AMSTERDAM, FULL_DAY_NAMES, FULL_DAY_NAMES_EN

TEXTS: dict[str, dict[str, str]] = {
    "consent_question": {
        "nl": "Mag ik u doorverbinden met een medewerker? Die ziet dit gesprek.",
        "en": "May I connect you with an employee? They will see this conversation.",
    },
    "consent_yes": {"nl": "Ja, graag", "en": "Yes, please"},
    "consent_no": {"nl": "Nee, dank u", "en": "No, thank you"},
    "declined": {
        "nl": "Goed. Dan praat u verder met mij. Wat is uw vraag?",
        "en": "All right. Then you continue with me. What is your question?",
    },
    "closed_now": {
        "nl": "De chat met een medewerker is nu gesloten.",
        "en": "The chat with an employee is closed now.",
    },
    "open_again": {
        "nl": "De chat is weer open {moment}.",
        "en": "The chat opens again {moment}.",
    },
    "nobody_available": {
        "nl": "Er is nu geen medewerker beschikbaar voor de chat.",
        "en": "No employee is available for the chat right now.",
    },
    "no_livechat": {
        "nl": "Chatten met een medewerker kan bij deze gemeente niet.",
        "en": "This municipality does not offer a chat with an employee.",
    },
    "offer_contact_request": {
        "nl": "Stuur een contactverzoek. Dan neemt de gemeente binnen {days} contact met u op.",
        "en": "Send a contact request. The municipality will contact you within {days}.",
    },
    "call": {
        "nl": "Bellen kan ook: {phone}.",
        "en": "You can also call: {phone}.",
    },
    "call_only": {
        "nl": "Bel de gemeente: {phone}.",
        "en": "Call the municipality: {phone}.",
    },
    "contact_button": {"nl": "Contactverzoek sturen", "en": "Send a contact request"},
    "waiting": {
        "nl": "U bent nummer {position} in de wachtrij. Een medewerker komt zo snel mogelijk "
        "bij u. Blijf in dit venster.",
        "en": "You are number {position} in the queue. An employee will be with you as soon as "
        "possible. Please stay in this window.",
    },
    "stop_waiting_button": {"nl": "Stoppen met wachten", "en": "Stop waiting"},
    "agent_joined": {
        "nl": "{name} van de gemeente is er nu.",
        "en": "{name} of the municipality is here now.",
    },
    "cancelled": {
        "nl": "U wacht niet meer op een medewerker. U kunt mij weer een vraag stellen.",
        "en": "You are no longer waiting for an employee. You can ask me a question again.",
    },
    "expired": {
        "nl": "Het lukt nu niet om u door te verbinden. Er is geen medewerker vrij.",
        "en": "I cannot connect you right now. No employee is free.",
    },
    "handed_back": {
        "nl": "De medewerker heeft het gesprek teruggegeven aan mij, Gem. Wat kan ik nog voor "
        "u doen?",
        "en": "The employee has handed the conversation back to me, Gem. What else can I do "
        "for you?",
    },
    "closed": {
        "nl": "De medewerker heeft het gesprek afgesloten. Hoe vond u dit gesprek? Geef een "
        "cijfer van 1 tot 5.",
        "en": "The employee has closed the conversation. How was this conversation? Give a "
        "score from 1 to 5.",
    },
    "contact_form": {
        "nl": "Vul uw naam in en uw e-mailadres of telefoonnummer. Uw vraag staat er al. "
        "Klopt die? Stuur het formulier dan op. De gemeente neemt binnen {days} contact met "
        "u op.",
        "en": "Fill in your name and your e-mail address or phone number. Your question is "
        "already there. Is it right? Then send the form. The municipality will contact you "
        "within {days}.",
    },
    "contact_thanks": {
        "nl": "Bedankt. Uw contactverzoek is verstuurd. De gemeente neemt binnen {days} "
        "contact met u op.",
        "en": "Thank you. Your contact request has been sent. The municipality will contact "
        "you within {days}.",
    },
    "workdays": {"nl": "{n} werkdagen", "en": "{n} working days"},
    "workday": {"nl": "1 werkdag", "en": "1 working day"},
    "today_at": {"nl": "vandaag om {time}", "en": "today at {time}"},
    "tomorrow_at": {"nl": "morgen om {time}", "en": "tomorrow at {time}"},
    "day_at": {"nl": "op {day} {date} om {time}", "en": "on {day} {date} at {time}"},
}


def say(key: str, language: str = "nl", **values: object) -> str:
    texts = TEXTS[key]
    return texts.get(language, texts["nl"]).format(**values)


def workdays(n: int, language: str = "nl") -> str:
    return say("workday", language) if n == 1 else say("workdays", language, n=n)


def moment(when: datetime, now: datetime, language: str = "nl") -> str:
    """``vandaag om 13:00``, ``morgen om 08:30`` or ``op maandag 29 december om 08:30``."""
    local, today = when.astimezone(AMSTERDAM), now.astimezone(AMSTERDAM).date()
    clock = f"{local:%H:%M}"
    days = (local.date() - today).days
    if days == 0:
        return say("today_at", language, time=clock)
    if days == 1:
        return say("tomorrow_at", language, time=clock)
    english = language == "en"
    names, months = (FULL_DAY_NAMES_EN, MONTHS_EN) if english else (FULL_DAY_NAMES, MONTHS_NL)
    return say(
        "day_at",
        language,
        day=names[local.weekday()],
        date=f"{local.day} {months[local.month - 1]}",
        time=clock,
    )
