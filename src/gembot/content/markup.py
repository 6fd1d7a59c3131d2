"""The answer markup subset as HTML, for previews: paragraphs, lists, bold and links.

Everything is escaped first; only https/mailto/tel links become anchors.
"""

from __future__ import annotations

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

_BOLD = re.compile(r"\*\*(.+?)\*\*")
_LINK = re.compile(r"\[([^\[\]\n]+)\]\(((?:https://|http://|mailto:|tel:)[^()\s]*)\)")


def _inline(text: str) -> str:
    html = escape(text)
    html = _BOLD.sub(r"<strong>\1</strong>", html)
    return _LINK.sub(r'<a href="\2" rel="noopener" target="_blank">\1</a>', html)


def to_html(text: str) -> SafeString:
    """Render rendered answer text (no variables left) as a safe HTML fragment."""
    blocks: list[str] = []
    for paragraph in re.split(r"\n\s*\n", (text or "").strip()):
        lines = [line.strip() for line in paragraph.splitlines() if line.strip()]
        items: list[str] = []
        words: list[str] = []
        for line in lines:
            if line.startswith("- "):
                if words:
                    blocks.append(f"<p>{_inline(' '.join(words))}</p>")
                    words = []
                items.append(f"<li>{_inline(line[2:])}</li>")
            else:
                if items:
                    blocks.append(f"<ul>{''.join(items)}</ul>")
                    items = []
                words.append(line)
        if words:
            blocks.append(f"<p>{_inline(' '.join(words))}</p>")
        if items:
            blocks.append(f"<ul>{''.join(items)}</ul>")
    return mark_safe("".join(blocks))  # noqa: S308 - every piece was escaped above
