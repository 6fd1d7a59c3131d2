"""What Gem says about live chat, built from the municipality's situation right now."""

from __future__ import annotations

import logging

from django.db import DatabaseError, transaction
from django.utils import timezone

from gembot.dialogue.types import BotReply, Button
from gembot.livechat import texts
from gembot.livechat.availability import LiveChatStatus, Reason
from gembot.livechat.texts import say
from gembot.tenants.models import Municipality

logger = logging.getLogger(__name__)

TOPIC = "medewerker-spreken"
CONTACT_REQUEST_TOPIC = "contactverzoek"
CONSENT_YES = "/doorverbinden_ja"
CONSENT_NO = "/doorverbinden_nee"
CONTACT_REQUEST = "/contactverzoek"
STOP_WAITING = "/wachten_stoppen"


def municipal_phone(municipality: Municipality) -> str:
    """The municipality's general phone number from its content variables, or ``""``."""
    try:
        from gembot.content.answers import variable_values
    except ImportError:  # the content app does not offer variables (yet)
        return ""
    try:
        with transaction.atomic():  # a savepoint: a failing query must not break the caller
            values = variable_values(municipality, ["gemeente.telefoon"])
    except (DatabaseError, LookupError, ValueError) as error:
        logger.warning("no phone number for %s: %s", municipality.code, type(error).__name__)
        return ""
    return str(values.get("gemeente.telefoon") or "")


def consent_question(language: str) -> BotReply:
    return BotReply(
        say("consent_question", language),
        buttons=(
            Button(say("consent_yes", language), CONSENT_YES),
            Button(say("consent_no", language), CONSENT_NO),
        ),
        topic=TOPIC,
    )


def unavailable(status: LiveChatStatus, language: str, *, expired: bool = False) -> list[BotReply]:
    """An honest message why no one can chat now, and what the resident can do instead."""
    municipality = status.settings.municipality
    if expired:
        sentences = [say("expired", language)]
    elif status.reason == Reason.DISABLED:
        sentences = [say("no_livechat", language)]
    elif status.reason == Reason.CLOSED:
        sentences = [say("closed_now", language)]
        if status.next_opening is not None:
            moment = texts.moment(status.next_opening, timezone.now(), language)
            sentences.append(say("open_again", language, moment=moment))
    else:
        sentences = [say("nobody_available", language)]
    phone = municipal_phone(municipality)
    buttons: tuple[Button, ...] = ()
    if status.takes_contact_requests:
        days = texts.workdays(status.settings.answer_within_workdays, language)
        sentences.append(say("offer_contact_request", language, days=days))
        if phone:
            sentences.append(say("call", language, phone=phone))
        buttons = (Button(say("contact_button", language), CONTACT_REQUEST),)
    elif phone:
        sentences.append(say("call_only", language, phone=phone))
    return [BotReply(" ".join(sentences), buttons=buttons, topic=TOPIC)]


def waiting(position: int, language: str, welcome: str = "") -> list[BotReply]:
    text = say("waiting", language, position=position)
    if welcome:
        text = f"{welcome}\n\n{text}"
    return [
        BotReply(
            text, buttons=(Button(say("stop_waiting_button", language), STOP_WAITING),), topic=TOPIC
        )
    ]
