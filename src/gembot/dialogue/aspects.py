"""Recognise a follow-up question about one aspect of the current topic.

"En wat kost dat?" after a passport answer asks for the passport's ``kosten`` aspect. The
same words inside a question that names a new topic ("wat kost een rijbewijs?") ask for
that aspect of the new topic.
"""

from __future__ import annotations

import re

ASPECT_PATTERNS: dict[str, re.Pattern[str]] = {
    "kosten": re.compile(
        r"\b(wat kost|kost(en|te)?|prijs|tarief|hoeveel (moet ik )?betal\w*|duur\b|"
        r"how much|cost\w*|price|fee)\b",
        re.IGNORECASE,
    ),
    "doorlooptijd": re.compile(
        r"\b(hoe lang|hoelang|duurt|doorlooptijd|wanneer (is het|krijg ik|heb ik)|klaar|"
        r"how long|take\w*|when will)\b",
        re.IGNORECASE,
    ),
    "meenemen": re.compile(
        r"\b(meenemen|meebrengen|mee nemen|wat (moet|heb) ik (mee|bij me)|"
        r"welke (papieren|documenten|stukken)|bring|documents? (do i )?need)\b",
        re.IGNORECASE,
    ),
    "aanvragen": re.compile(
        r"\b(online|digitaal|internet|aanvragen|hoe (vraag|regel|doe) ik|via de site|"
        r"digid|apply|how do i (apply|request))\b",
        re.IGNORECASE,
    ),
    "waar": re.compile(
        r"\b(waar (moet|kan|is)|welk (adres|loket)|locatie|balie|stadhuis|gemeentehuis|"
        r"where)\b",
        re.IGNORECASE,
    ),
}

_FOLLOW_UP_START = re.compile(
    r"^\s*(?:(?:en|maar|ok|oke|okay|oké|ja|nou|dus|and|but|so|right)\b[\s,.!]*)*"
    r"(wat|hoe|hoeveel|hoelang|waar|wanneer|kan|kun|moet|welke|is|what|how|where|when|can|"
    r"do|does)\b",
    re.IGNORECASE,
)
# Words that point back at what was just said: "waar moet ik daarvoor naartoe?". Plain
# "het" or "dat" are left out: "hoe zit het met mijn rijbewijs?" names a new topic.
_REFERS_BACK = re.compile(
    r"\b((daar|er|hier) ?(voor|van|mee|bij)|for that|for it|for this)\b",
    re.IGNORECASE,
)
_ONLINE = re.compile(r"\b(online|digitaal|internet|via de (web)?site|digid)\b", re.IGNORECASE)
DIRECT_ASPECTS = {"kosten", "doorlooptijd", "meenemen", "waar"}
_SHORT = 8  # words: a follow-up is short ("en wat kost dat?")


def refers_back(text: str) -> bool:
    """True when a message points back at the topic already being discussed."""
    return bool(_REFERS_BACK.search(text))


def detect_aspect(text: str) -> str | None:
    """The first aspect the text asks about, if any."""
    for aspect, pattern in ASPECT_PATTERNS.items():
        if pattern.search(text):
            return aspect
    return None


def direct_aspect(text: str) -> str:
    """The aspect a question about a new topic asks for, when it asks for one part only.

    "Wat kost een paspoort?" wants the costs; "paspoort aanvragen" wants the whole answer,
    unless it asks whether it can be done online.
    """
    aspect = detect_aspect(text) or ""
    if aspect in DIRECT_ASPECTS:
        return aspect
    if aspect == "aanvragen" and _ONLINE.search(text):
        return aspect
    return ""


def is_follow_up(text: str) -> bool:
    """A short question that leans on the context ("en hoe lang duurt het?")."""
    words = text.split()
    return (
        len(words) <= _SHORT
        and bool(_FOLLOW_UP_START.match(text))
        and detect_aspect(text) is not None
    )
