"""What Gem says about a topic in a municipality: the lookup every chat turn makes.

Lookup order for ``get_answer``:

1. the municipality switched the topic off -> its explanation (source ``"disabled"``);
2. for the most specific (aspect, variant) that exists, a local answer, else the national one,
   filled in with the municipality's variables (source ``"local"`` / ``"national"``);
3. nothing at all -> a generic referral to the municipality (source ``"fallback"``).

Variables without a value render their catalogue fallback; English falls back to Dutch.

The content is cached in memory per process: one shared national part and one small part per
municipality, valid for one content version token. A call costs one query (the token) when
the cache is warm; every content action changes the token, so all processes reload.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any

from gembot.content.actions.audit import current_version
from gembot.content.models import (
    Answer,
    DisabledTopic,
    LocalVariable,
    Topic,
    VariableDefinition,
)
from gembot.content.rendering import render
from gembot.tenants.models import Municipality

SOURCES = ("local", "national", "disabled", "fallback")

# Values that come from the municipality register itself.
DERIVED = {"gemeente.naam": lambda municipality: municipality.name}

# English fallback by kind, for variables whose catalogue entry has no fallback_en.
KIND_FALLBACK_EN = {
    "text": "your municipality",
    "money": "the amount shown on your municipality's website",
    "phone": "14 followed by your municipality's area code",
    "url": "your municipality's website",
    "email": "the contact form on your municipality's website",
    "hours": "the times shown on your municipality's website",
    "address": "the address shown on your municipality's website",
}

NO_ANSWER = {
    "nl": "Hierover heb ik nog geen antwoord. Kijk op {{ gemeente.website }} of bel "
    "{{ gemeente.telefoon }}.",
    "en": "I do not have an answer about this yet. Please look at {{ gemeente.website }} or "
    "call {{ gemeente.telefoon }}.",
}
DISABLED_DEFAULT = {
    "nl": "Dit regelt {{ gemeente.naam }} niet. Kijk voor meer informatie op "
    "{{ gemeente.website }}.",
    "en": "This is not something {{ gemeente.naam }} handles. Please look at "
    "{{ gemeente.website }} for more information.",
}


@dataclass(frozen=True)
class RenderedAnswer:
    text: str
    language: str
    topic: str
    source: str
    used_fallback_vars: list[str] = field(default_factory=list)
    aspect: str = ""
    variant: str = ""


@dataclass(frozen=True)
class TopicInfo:
    key: str
    title: str
    title_en: str
    upl_uri: str
    owner: str
    is_national: bool
    tailoring: dict[str, Any] | None = None

    def display_title(self, language: str = "nl") -> str:
        return self.title_en if language == "en" and self.title_en else self.title


Texts = tuple[str, str]  # (nl, en)


@dataclass
class _National:
    topics: dict[str, TopicInfo]
    answers: dict[tuple[str, str, str], Texts]
    fallbacks: dict[str, Texts]


@dataclass
class _Local:
    topics: dict[str, TopicInfo]
    answers: dict[tuple[str, str, str], Texts]
    values: dict[str, str]
    disabled: dict[str, Texts]


def _topic_info(topic: Topic) -> TopicInfo:
    tailoring = getattr(topic, "tailoring", None)  # missing reverse one-to-one -> None
    return TopicInfo(
        key=topic.key,
        title=topic.title,
        title_en=topic.title_en,
        upl_uri=topic.upl_uri,
        owner=topic.owner,
        is_national=topic.is_national,
        tailoring=None
        if tailoring is None
        else {
            "slot": tailoring.slot,
            "question_nl": tailoring.question_nl,
            "question_en": tailoring.question_en,
            "options": list(tailoring.options),
        },
    )


def _topics(queryset: Any) -> dict[str, TopicInfo]:
    return {
        topic.key: _topic_info(topic)
        for topic in queryset.select_related("tailoring").order_by("key")
    }


def _answers(queryset: Any) -> dict[tuple[str, str, str], Texts]:
    return {
        (key, aspect, variant): (nl, en)
        for key, aspect, variant, nl, en in queryset.values_list(
            "topic__key", "aspect", "variant", "text_nl", "text_en"
        )
    }


def _load_national() -> _National:
    fallbacks = {
        name: (fallback, fallback_en or KIND_FALLBACK_EN.get(kind, KIND_FALLBACK_EN["url"]))
        for name, kind, fallback, fallback_en in VariableDefinition.objects.values_list(
            "name", "kind", "fallback", "fallback_en"
        )
    }
    return _National(
        topics=_topics(Topic.objects.filter(is_national=True)),
        answers=_answers(Answer.objects.filter(municipality=None)),
        fallbacks=fallbacks,
    )


def _load_local(municipality: Municipality) -> _Local:
    return _Local(
        topics=_topics(Topic.objects.filter(municipality=municipality)),
        answers=_answers(Answer.objects.filter(municipality=municipality)),
        values=dict(
            LocalVariable.objects.filter(municipality=municipality).values_list("name", "value")
        ),
        disabled={
            key: (nl, en)
            for key, nl, en in DisabledTopic.objects.filter(municipality=municipality).values_list(
                "topic__key", "explanation_nl", "explanation_en"
            )
        },
    )


_EMPTY_LOCAL = _Local(topics={}, answers={}, values={}, disabled={})


class _Cache:
    """Snapshots for one content version token; thrown away when the token changes."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.token: str | None = None
        self.national: _National | None = None
        self.local: dict[int, _Local] = {}

    def clear(self) -> None:
        with self.lock:
            self.token, self.national, self.local = None, None, {}

    def get(self, municipality: Municipality | None) -> tuple[_National, _Local]:
        token = current_version()
        if token is None:  # nothing written through the actions yet: do not cache
            local = _load_local(municipality) if municipality else _EMPTY_LOCAL
            return _load_national(), local
        with self.lock:
            if token != self.token:
                self.token, self.national, self.local = token, None, {}
            national, local = self.national, None
            if municipality is not None:
                local = self.local.get(municipality.pk)
        if national is None:
            national = _load_national()
        if local is None:
            local = _load_local(municipality) if municipality else _EMPTY_LOCAL
        with self.lock:
            if self.token == token:
                self.national = national
                if municipality is not None:
                    self.local[municipality.pk] = local
        return national, local


_cache = _Cache()


def clear_cache() -> None:
    """Forget every cached snapshot in this process (tests; signal handlers)."""
    _cache.clear()


class ContentSnapshot:
    """The content as one municipality sees it; cheap to query many times."""

    def __init__(self, municipality: Municipality | None, national: _National, local: _Local):
        self.municipality = municipality
        self._national = national
        self._local = local

    def topic(self, key: str) -> TopicInfo | None:
        return self._local.topics.get(key) or self._national.topics.get(key)

    def topics(self) -> list[TopicInfo]:
        """National topics, then this municipality's own extra topics, each by key."""
        return [*self._national.topics.values(), *self._local.topics.values()]

    def is_disabled(self, key: str) -> bool:
        return key in self._local.disabled

    def values(self) -> dict[str, str]:
        values = dict(self._local.values)
        if self.municipality is not None:
            values.update({name: derive(self.municipality) for name, derive in DERIVED.items()})
        return values

    def render(self, template: str, language: str) -> tuple[str, list[str]]:
        index = 1 if language == "en" else 0
        fallbacks = {name: texts[index] for name, texts in self._national.fallbacks.items()}
        rendered = render(template, self.values(), fallbacks, language)
        return rendered.text, rendered.used_fallback_vars

    def answer(
        self, topic_key: str, language: str = "nl", aspect: str = "", variant: str = ""
    ) -> RenderedAnswer:
        language = "en" if language == "en" else "nl"
        if self.topic(topic_key) is None:
            return self._finish(NO_ANSWER["nl"], NO_ANSWER["en"], language, topic_key, "fallback")
        if topic_key in self._local.disabled:
            nl, en = self._local.disabled[topic_key]
            if not nl.strip():
                nl, en = DISABLED_DEFAULT["nl"], DISABLED_DEFAULT["en"]
            return self._finish(nl, en, language, topic_key, "disabled")
        for want_aspect, want_variant in _candidates(aspect, variant):
            key = (topic_key, want_aspect, want_variant)
            for source, answers in (
                ("local", self._local.answers),
                ("national", self._national.answers),
            ):
                if key in answers and answers[key][0].strip():
                    nl, en = answers[key]
                    return self._finish(
                        nl, en, language, topic_key, source, want_aspect, want_variant
                    )
        return self._finish(NO_ANSWER["nl"], NO_ANSWER["en"], language, topic_key, "fallback")

    def _finish(
        self,
        nl: str,
        en: str,
        language: str,
        topic: str,
        source: str,
        aspect: str = "",
        variant: str = "",
    ) -> RenderedAnswer:
        if language == "en" and not en.strip():
            language = "nl"
        text, used = self.render(en if language == "en" else nl, language)
        return RenderedAnswer(
            text=text,
            language=language,
            topic=topic,
            source=source,
            used_fallback_vars=used,
            aspect=aspect,
            variant=variant,
        )


def _candidates(aspect: str, variant: str) -> list[tuple[str, str]]:
    """Most specific first: (aspect, variant), (aspect, ""), ("", variant), ("", "")."""
    seen: list[tuple[str, str]] = []
    for candidate in ((aspect, variant), (aspect, ""), ("", variant), ("", "")):
        if candidate not in seen:
            seen.append(candidate)
    return seen


def snapshot_for(municipality: Municipality | None) -> ContentSnapshot:
    """The content for ``municipality`` (None: national only, every variable its fallback)."""
    national, local = _cache.get(municipality)
    return ContentSnapshot(municipality, national, local)


def get_answer(
    topic_key: str,
    municipality: Municipality | None,
    language: str = "nl",
    aspect: str = "",
    variant: str = "",
) -> RenderedAnswer:
    """The answer to show for ``topic_key`` in ``municipality`` (see the module docstring)."""
    return snapshot_for(municipality).answer(topic_key, language, aspect, variant)


def variable_values(
    municipality: Municipality | None, names: list[str], language: str = "nl"
) -> dict[str, str]:
    """Each name's value for ``municipality``, or its fallback text when it has none."""
    snapshot = snapshot_for(municipality)
    return {name: snapshot.render(f"{{{{ {name} }}}}", language)[0] for name in names}


def get_topic(topic_key: str, municipality: Municipality | None = None) -> TopicInfo | None:
    """Title, UPL and tailoring question of a topic visible in ``municipality``."""
    return snapshot_for(municipality).topic(topic_key)
