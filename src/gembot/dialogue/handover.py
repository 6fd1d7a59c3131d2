"""Where the dialogue hands over to a person: live chat when it is there, else the phone.

The live-chat app (``gembot.livechat``) owns consent, the queue and contact requests; this
module only asks it what to say, so the dialogue works the same with or without it.
"""

from __future__ import annotations

from django.apps import apps

from gembot.conversations.models import Conversation
from gembot.dialogue import commands as cmd
from gembot.dialogue.library import Library
from gembot.dialogue.texts import text as say
from gembot.dialogue.types import BotReply


def _livechat():
    if not apps.is_installed("gembot.livechat"):
        return None
    from gembot.livechat import routing

    return routing


def contact_route(conversation: Conversation, language: str, library: Library) -> list[BotReply]:
    """The phone number and website of the municipality, from its content variables."""
    values = library.variables(["gemeente.telefoon", "gemeente.website"], language)
    return [
        BotReply(
            say(
                "no_live_chat",
                language,
                phone=values["gemeente.telefoon"],
                website=values["gemeente.website"],
            ),
            topic="medewerker-spreken",
        )
    ]


def offer(conversation: Conversation, language: str, library: Library) -> list[BotReply]:
    """What Gem says when the resident wants a person (or Gem could not help twice)."""
    livechat = _livechat()
    if livechat is None:
        return contact_route(conversation, language, library)
    return livechat.handover_offer(conversation, language)


def command(
    conversation: Conversation, name: str, language: str, library: Library
) -> tuple[list[BotReply], str | None] | None:
    """Handle a handover button; ``None`` when ``name`` is not a handover command."""
    livechat = _livechat()
    handlers = {}
    if livechat is not None:
        handlers = {
            cmd.CONSENT_YES: livechat.accept_consent,
            cmd.CONSENT_NO: livechat.decline_consent,
            cmd.CONTACT_REQUEST: livechat.contact_request_prompt,
        }
    handler = handlers.get(name)
    if handler is None:
        if name in {cmd.CONSENT_YES, cmd.CONSENT_NO, cmd.CONTACT_REQUEST}:
            return contact_route(conversation, language, library), None
        return None
    return handler(conversation), None
