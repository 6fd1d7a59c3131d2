"""Guess whether an example question is English or Dutch (for the ExampleQuestion.language)."""

from __future__ import annotations

import re

_ENGLISH = frozenset(
    [
        "i",
        "i'm",
        "im",
        "my",
        "me",
        "you",
        "your",
        "the",
        "a",
        "an",
        "is",
        "are",
        "was",
        "can",
        "could",
        "do",
        "does",
        "did",
        "how",
        "what",
        "where",
        "when",
        "why",
        "which",
        "who",
        "need",
        "want",
        "have",
        "has",
        "get",
        "got",
        "apply",
        "applying",
        "please",
        "should",
        "would",
        "will",
        "to",
        "of",
        "for",
        "with",
        "from",
        "about",
        "it",
        "this",
        "that",
        "there",
    ]
)
_DUTCH = frozenset(
    [
        "ik",
        "mijn",
        "me",
        "mn",
        "je",
        "jij",
        "u",
        "uw",
        "de",
        "het",
        "een",
        "is",
        "zijn",
        "kan",
        "kun",
        "kunt",
        "wil",
        "moet",
        "hoe",
        "wat",
        "waar",
        "wanneer",
        "waarom",
        "wie",
        "welke",
        "heb",
        "hebt",
        "heeft",
        "van",
        "voor",
        "met",
        "over",
        "aan",
        "op",
        "naar",
        "niet",
        "geen",
        "ook",
        "er",
        "dat",
        "dit",
        "en",
        "of",
        "bij",
    ]
)
_WORD = re.compile(r"[a-z']+")


def guess_language(text: str) -> str:
    """``"en"`` when the sentence has clearly more English than Dutch words, else ``"nl"``."""
    words = _WORD.findall(text.lower())
    english = sum(word in _ENGLISH for word in words)
    dutch = sum(word in _DUTCH for word in words)
    return "en" if english > dutch else "nl"
