"""What the dialogue layer gives back to the conversation actions."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Button:
    title: str
    payload: str

    def as_dict(self) -> dict[str, str]:
        return {"title": self.title, "payload": self.payload}


@dataclass(frozen=True)
class BotReply:
    text: str
    buttons: tuple[Button, ...] = ()
    topic: str = ""
    confidence: float | None = None


@dataclass
class DialogueResult:
    """Gem's answer to one resident message and what it changes in the conversation."""

    replies: list[BotReply]
    outcome: str
    topic: str = ""
    confidence: float | None = None
    state: dict = field(default_factory=dict)
    language: str = "nl"
    status: str | None = None  # new conversation status, for example waiting_for_agent
    feedback: bool | None = None  # the resident's answer to "Heeft dit u geholpen?"
    signal: dict | None = None  # training signal for editors (a clarification choice)
