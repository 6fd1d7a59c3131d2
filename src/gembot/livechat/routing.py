"""What the dialogue layer and the conversation actions call: the live chat's interface.

* :func:`handover_offer` - the resident asks for a person (or Gem missed twice);
* :func:`accept_consent`, :func:`decline_consent`, :func:`contact_request_prompt` - the
  buttons ``/doorverbinden_ja``, ``/doorverbinden_nee`` and ``/contactverzoek``;
* :func:`during_handover` - a resident message while waiting for or talking to an agent
  (Gem stays silent; ``/wachten_stoppen`` stops waiting);
* :func:`opening` - the first messages of a new conversation when the municipality hands
  over directly.

Replies are returned, not stored: the caller stores them as Gem's messages.
"""

from __future__ import annotations

from gembot.conversations.models import Conversation, Status
from gembot.conversations.models import Outcome as TurnOutcome
from gembot.dialogue.types import BotReply, DialogueResult
from gembot.livechat import replies, texts
from gembot.livechat.actions.handover import (
    LiveChatUnavailable,
    check_waiting,
    request_handover,
    stop_waiting,
    waiting_replies,
)
from gembot.livechat.availability import live_chat_status, settings_for
from gembot.tenants.models import Municipality

LIVE_STATUSES = (Status.WAITING_FOR_AGENT, Status.WITH_AGENT)


def handover_offer(conversation: Conversation, language: str) -> list[BotReply]:
    """Ask consent when someone can chat now; otherwise say honestly why not, and offer a
    contact request (and the phone number)."""
    status = live_chat_status(conversation.municipality)
    if status.available:
        return [replies.consent_question(language)]
    return replies.unavailable(status, language)


def accept_consent(conversation: Conversation) -> list[BotReply]:
    """``/doorverbinden_ja``: join the queue (status ``waiting_for_agent``)."""
    try:
        handover = request_handover(conversation)
    except LiveChatUnavailable as unavailable:  # it changed since the question was asked
        return replies.unavailable(unavailable.status, conversation.language)
    return waiting_replies(conversation, handover)


def decline_consent(conversation: Conversation) -> list[BotReply]:
    """``/doorverbinden_nee``: Gem goes on."""
    return [BotReply(texts.say("declined", conversation.language), topic=replies.TOPIC)]


def contact_request_prompt(conversation: Conversation) -> list[BotReply]:
    """``/contactverzoek``: explain the form. A reply with topic ``contactverzoek`` makes the
    widget show the form; API clients GET and POST ``.../contact-request``."""
    chat = settings_for(conversation.municipality)
    days = texts.workdays(chat.answer_within_workdays, conversation.language)
    return [
        BotReply(
            texts.say("contact_form", conversation.language, days=days),
            topic=replies.CONTACT_REQUEST_TOPIC,
        )
    ]


def during_handover(conversation: Conversation, text: str) -> DialogueResult:
    """A resident message while the conversation waits for or is with an agent.

    ``conversation`` is locked by the caller. Normally nothing is said (the agent answers);
    ``/wachten_stoppen`` stops waiting, and a resident nobody can take any more gets the
    contact-request offer (the lazy check of the maximum waiting time).
    """
    reply: list[BotReply] = []
    if conversation.status == Status.WAITING_FOR_AGENT:
        if text.strip() == replies.STOP_WAITING:
            reply = stop_waiting(conversation)
        else:
            reply = check_waiting(conversation)
    return DialogueResult(
        replies=reply,
        outcome=TurnOutcome.WITH_AGENT,
        state=dict(conversation.dialogue_state or {}),
        language=conversation.language,
        status=conversation.status,
    )


def opening(municipality: Municipality, language: str) -> list[BotReply]:
    """With direct handover on and someone available: the welcome text and the consent
    question, to show instead of (or after) Gem's greeting. Empty otherwise."""
    status = live_chat_status(municipality)
    if not (status.settings.direct_handover and status.available):
        return []
    welcome = status.settings.welcome_text
    return ([BotReply(welcome, topic=replies.TOPIC)] if welcome else []) + [
        replies.consent_question(language)
    ]
