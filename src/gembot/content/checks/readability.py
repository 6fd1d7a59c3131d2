"""B1 readability of Dutch answer texts: sentence length and long words.

A variable counts as one word (a municipality's value is usually short); ``with_fallbacks``
measures the same text with every fallback filled in, the longest a resident can meet.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from gembot.content.rendering import LINK, PLACEHOLDER

MAX_AVERAGE_WORDS = 15
MAX_SENTENCE_WORDS = 25
LONG_WORD_LETTERS = 13

_BOLD = re.compile(r"\*\*(.+?)\*\*")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_WORD = re.compile(r"\S+")


@dataclass(frozen=True)
class Readability:
    sentences: int
    average_words: float
    longest_sentence: int
    long_words: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return (
            self.average_words <= MAX_AVERAGE_WORDS and self.longest_sentence <= MAX_SENTENCE_WORDS
        )

    def as_dict(self) -> dict:
        return {
            "sentences": self.sentences,
            "average_words": round(self.average_words, 1),
            "longest_sentence": self.longest_sentence,
            "long_words": self.long_words,
            "ok": self.ok,
        }


def plain_text(template: str, fallbacks: Mapping[str, str] | None = None) -> str:
    """The words a resident reads: links as their text, variables as one word or fallback."""

    def variable(match: re.Match[str]) -> str:
        if fallbacks is None:
            return "X"
        return fallbacks.get(match.group(1).strip(), "de website van uw gemeente")

    text = LINK.sub(lambda match: match.group(1), template or "")
    text = PLACEHOLDER.sub(variable, text)
    return _BOLD.sub(r"\1", text)


def sentences(text: str) -> list[list[str]]:
    """Sentences as word lists. List items stand alone; other lines of a paragraph join up."""
    units: list[str] = []
    for paragraph in re.split(r"\n\s*\n", text.strip()):
        running: list[str] = []
        for line in paragraph.splitlines():
            line = line.strip()
            if line.startswith("- "):
                if running:
                    units.append(" ".join(running))
                    running = []
                units.append(line[2:])
            elif line:
                running.append(line)
        if running:
            units.append(" ".join(running))
    result = []
    for unit in units:
        for sentence in _SENTENCE_END.split(unit):
            words = [w for w in _WORD.findall(sentence) if any(c.isalnum() for c in w)]
            if words:
                result.append(words)
    return result


def _is_long(word: str) -> bool:
    if "/" in word or "@" in word or word.lower().startswith("www"):
        return False
    return sum(character.isalpha() for character in word) > LONG_WORD_LETTERS


def measure(template: str, fallbacks: Mapping[str, str] | None = None) -> Readability:
    found = sentences(plain_text(template, fallbacks))
    if not found:
        return Readability(sentences=0, average_words=0.0, longest_sentence=0)
    lengths = [len(words) for words in found]
    long_words: dict[str, None] = {}
    for words in found:
        for word in words:
            if _is_long(word):
                long_words.setdefault(word.strip(".,:;!?()\"'").lower(), None)
    return Readability(
        sentences=len(found),
        average_words=sum(lengths) / len(lengths),
        longest_sentence=max(lengths),
        long_words=list(long_words),
    )
