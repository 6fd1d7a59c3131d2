"""The dialogue layer: from a resident message to Gem's replies.

``respond`` is the only entry point the conversation actions use. It recognises the topic
with the NLU, takes the answer from the content library for the conversation's
municipality, and keeps what it needs for the next turn in ``Conversation.dialogue_state``.
"""

from __future__ import annotations

from gembot.conversations.models import Conversation, Outcome
from gembot.dialogue.types import BotReply, DialogueResult
from gembot.tenants.models import Municipality


def greeting(municipality: Municipality, language: str = "nl") -> BotReply:
    if language == "en":
        return BotReply(
            text=f"Hello, I am Gem, the digital assistant of the municipality of "
            f"{municipality.name}. What is your question?",
            topic="begroeting",
        )
    return BotReply(
        text=f"Hallo, ik ben Gem, de digitale assistent van de gemeente {municipality.name}. "
        "Wat is uw vraag?",
        topic="begroeting",
    )


def respond(conversation: Conversation, text: str) -> DialogueResult:
    state = dict(conversation.dialogue_state or {})
    misses = int(state.get("misses", 0)) + 1
    state["misses"] = misses
    return DialogueResult(
        replies=[
            BotReply(
                text="Sorry, dat begrijp ik niet. Kunt u uw vraag op een andere manier stellen?"
            )
        ],
        outcome=Outcome.NOT_UNDERSTOOD,
        state=state,
        language=conversation.language,
    )
