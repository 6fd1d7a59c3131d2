"""A small stop-word based detector for Dutch versus English."""

from __future__ import annotations

import re

from .schema import Language
from .text import strip_accents, words

# Frequent function words that are (nearly) exclusive to one of the two languages.
_DUTCH = words(
    """
    de het een en van ik je jij u uw wij we zij hij is ben bent zijn was dat die dit deze
    er in op aan met voor naar bij uit om over tot als maar of dan ook nog wel niet geen
    te toch zo hoe wat wie waar wanneer waarom welke mijn mij me ons onze hun kan kun kunt
    moet mag wil wilt zou heb hebt heeft hebben gaat ga doe doen graag nu dus want omdat
    hallo hoi goedemorgen goedemiddag dag bedankt dank alstublieft nee ja hier daar kwijt
    aanvragen gemeente wordt worden krijg krijgen mijne nieuwe ophalen
    """
)
_ENGLISH = words(
    """
    the a an and of to in on at for with from by is are was were be been am i you he she
    it we they my your his her our their me us them this that these those what which who
    when where why how do does did not no can could would should will shall may might must
    have has had there here if then than so about get got need want please hello hi thanks
    thank yes lost new apply renew municipality town hall city
    """
)
_WORD = re.compile(r"[a-z']+")


def detect_language(text: str) -> Language:
    """'en' when English function words clearly outnumber Dutch ones, else 'nl'."""
    tokens = _WORD.findall(strip_accents(text.lower()))
    dutch = sum(w in _DUTCH for w in tokens)
    english = sum(w in _ENGLISH for w in tokens)
    # Words such as 'in', 'is', 'me', 'we' count for both; require a clear margin.
    return "en" if english > dutch else "nl"
