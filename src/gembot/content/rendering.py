"""A small, safe template renderer for answer texts.

Templates only know ``{{ name }}`` (spaces optional). There are no filters, tags, loops or
attribute lookups, so nothing in a template can run code or reach data other than the values
handed in. Whatever happens, no ``{{`` or ``}}`` reaches a resident: a name without a value
renders its catalogue fallback, an unknown or malformed name renders a generic fallback, and
stray braces are dropped.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

# Anything between double braces; the inside is checked against NAME separately.
PLACEHOLDER = re.compile(r"\{\{\s*([^{}]*?)\s*\}\}")
NAME = re.compile(r"^[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)*$")
LINK = re.compile(r"\[([^\[\]\n]+)\]\(([^()\n]*)\)")
SAFE_TARGET = re.compile(r"^(?:https://|http://|mailto:|tel:)", re.IGNORECASE)
BARE_DOMAIN = re.compile(r"^(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}(?:/\S*)?$", re.IGNORECASE)

GENERIC_FALLBACK = {
    "nl": "de website van uw gemeente",
    "en": "your municipality's website",
}


@dataclass(frozen=True)
class Rendered:
    text: str
    used_fallback_vars: list[str] = field(default_factory=list)


def variable_names(template: str) -> list[str]:
    """Every name used in ``template``, in order of first use."""
    seen: dict[str, None] = {}
    for match in PLACEHOLDER.finditer(template or ""):
        seen.setdefault(match.group(1).strip(), None)
    return list(seen)


def template_problems(template: str) -> list[str]:
    """Syntax problems in a template, as Dutch sentences (empty list: renders cleanly)."""
    problems: list[str] = []
    for name in variable_names(template):
        if not NAME.match(name):
            problems.append(f"'{{{{ {name} }}}}' is geen geldige variabelenaam.")
    rest = PLACEHOLDER.sub("", template or "")
    if "{{" in rest or "}}" in rest:
        problems.append("Er staan losse accolades ({{ of }}) in de tekst.")
    for text, target in LINK.findall(template or ""):
        target = target.strip()
        names = variable_names(target)
        if names:
            if PLACEHOLDER.fullmatch(target) is None:
                problems.append(
                    f"Link '{text}': zet alleen de variabele als adres, zonder andere tekst."
                )
            elif not names[0].startswith(("url.", "gemeente.")):
                problems.append(
                    f"Link '{text}': {names[0]} is geen webadres (gebruik url.* "
                    "of gemeente.website)."
                )
        elif not target.lower().startswith(("https://", "mailto:")):
            problems.append(f"Link '{text}': het adres moet met https:// beginnen.")
    return problems


def _clean_value(value: str) -> str:
    """A variable value never brings template syntax with it."""
    return _drop_braces(str(value)).strip()


def _drop_braces(text: str) -> str:
    while "{{" in text or "}}" in text:
        text = text.replace("{{", "").replace("}}", "")
    return text


def _fix_link(match: re.Match[str]) -> str:
    text, target = match.group(1), match.group(2).strip()
    if SAFE_TARGET.match(target):
        return match.group(0)
    if BARE_DOMAIN.match(target):
        return f"[{text}](https://{target})"
    # A fallback such as "de website van uw gemeente" is not an address: keep it as words.
    return f"{text} ({target})" if target else text


def render(
    template: str,
    values: Mapping[str, str],
    fallbacks: Mapping[str, str],
    language: str = "nl",
) -> Rendered:
    """Fill in ``template``; names without a value get their fallback text.

    ``values``: the municipality's values (derived and local). ``fallbacks``: text for every
    known name in ``language``. Returns the text and the names that used a fallback.
    """
    used: dict[str, None] = {}
    generic = GENERIC_FALLBACK.get(language, GENERIC_FALLBACK["nl"])

    def substitute(match: re.Match[str]) -> str:
        name = match.group(1).strip()
        value = values.get(name) if NAME.match(name) else None
        if value is not None and _clean_value(value):
            return _clean_value(value)
        used.setdefault(name, None)
        return _clean_value(fallbacks.get(name) or generic)

    text = PLACEHOLDER.sub(substitute, template or "")
    text = _drop_braces(text)
    text = LINK.sub(_fix_link, text)
    return Rendered(text=text, used_fallback_vars=list(used))
