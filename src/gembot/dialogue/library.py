"""What the dialogue reads from the content library during one turn.

The content app renders answers (local answer, national answer with local variables, safe
fallbacks) from an in-memory snapshot per municipality; one snapshot serves a whole turn.
A municipality's own example phrases form the recogniser's overlay, rebuilt when the
content version changes.
"""

from __future__ import annotations

from dataclasses import dataclass

from gembot.content import training as content_training
from gembot.content.actions.audit import current_version
from gembot.content.answers import ContentSnapshot, RenderedAnswer, snapshot_for
from gembot.dialogue.recognition import recogniser
from gembot.nlu import Overlay
from gembot.tenants.models import Municipality


@dataclass(frozen=True)
class Tailoring:
    slot: str
    question_nl: str
    question_en: str
    choices: tuple[tuple[str, str, str], ...]  # (value, title_nl, title_en)

    @property
    def values(self) -> tuple[str, ...]:
        return tuple(value for value, _nl, _en in self.choices)

    def question(self, language: str) -> str:
        return (self.question_en if language == "en" else "") or self.question_nl

    def options(self, language: str) -> list[tuple[str, str]]:
        return [(value, (en if language == "en" else "") or nl) for value, nl, en in self.choices]


class Library:
    """The content of one municipality, as the dialogue needs it."""

    def __init__(self, municipality: Municipality):
        self.municipality = municipality
        self._snapshot: ContentSnapshot | None = None

    @property
    def snapshot(self) -> ContentSnapshot:
        if self._snapshot is None:
            self._snapshot = snapshot_for(self.municipality)
        return self._snapshot

    def topic_exists(self, topic: str) -> bool:
        return self.snapshot.topic(topic) is not None

    def title(self, topic: str, language: str = "nl") -> str:
        info = self.snapshot.topic(topic)
        return info.display_title(language) if info else topic

    def tailoring(self, topic: str) -> Tailoring | None:
        info = self.snapshot.topic(topic)
        if info is None or not info.tailoring or self.snapshot.is_disabled(topic):
            return None
        data = info.tailoring
        return Tailoring(
            slot=data["slot"],
            question_nl=data["question_nl"],
            question_en=data.get("question_en", ""),
            choices=tuple(
                (o["value"], o.get("title_nl") or o["value"], o.get("title_en", ""))
                for o in data["options"]
            ),
        )

    def answer(
        self, topic: str, language: str = "nl", *, aspect: str = "", variant: str = ""
    ) -> RenderedAnswer:
        return self.snapshot.answer(topic, language, aspect, variant)

    def variables(self, names: list[str], language: str = "nl") -> dict[str, str]:
        return {name: self.snapshot.render(f"{{{{ {name} }}}}", language)[0] for name in names}

    def overlay(self) -> Overlay | None:
        return recogniser.overlay(
            self.municipality.id,
            current_version() or "0",
            lambda: content_training.local_examples(self.municipality),
        )
