"""Button payloads: what a quick-reply button sends back as the resident's next message.

Payloads start with ``/`` so that they never collide with what a resident types.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gembot.dialogue.types import Button

_COMMAND = re.compile(r"^/(?P<name>[a-z_]+)(?:\s+(?P<argument>\S.*))?$")

CHOOSE_TOPIC = "kies"  # /kies paspoort
OPTION = "optie"  # /optie leeftijd=volwassen
FEEDBACK = "feedback"  # /feedback ja | /feedback nee
SOMETHING_ELSE = "iets_anders"
EMPLOYEE = "medewerker"
CONSENT_YES = "doorverbinden_ja"
CONSENT_NO = "doorverbinden_nee"
CONTACT_REQUEST = "contactverzoek"
STOP_WAITING = "wachten_stoppen"


@dataclass(frozen=True)
class Command:
    name: str
    argument: str = ""


def parse_command(text: str) -> Command | None:
    match = _COMMAND.match(text.strip())
    if not match:
        return None
    return Command(match.group("name"), (match.group("argument") or "").strip())


def choose_topic_button(title: str, topic: str) -> Button:
    return Button(title, f"/{CHOOSE_TOPIC} {topic}")


def option_button(title: str, slot: str, value: str) -> Button:
    return Button(title, f"/{OPTION} {slot}={value}")
