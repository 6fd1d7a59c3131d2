"""WCAG 2.1 contrast: relative luminance and contrast ratio of sRGB colours (#rrggbb)."""

from __future__ import annotations

import math
import re

HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")

# WCAG 2.1 AA: normal text (1.4.3) and user-interface components such as focus rings (1.4.11).
AA_TEXT = 4.5
AA_NON_TEXT = 3.0


def relative_luminance(colour: str) -> float:
    """Relative luminance (0 black .. 1 white) of ``#rrggbb``, as WCAG defines it."""
    if not HEX_COLOUR.match(colour):
        raise ValueError(f"not a #rrggbb colour: {colour!r}")
    channels = []
    for index in (1, 3, 5):
        value = int(colour[index : index + 2], 16) / 255
        channels.append(value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4)
    red, green, blue = channels
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(first: str, second: str) -> float:
    """Contrast ratio between two colours, from 1 (same) to 21 (black on white)."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def format_ratio(ratio: float) -> str:
    """``4,48:1``: Dutch decimal comma, rounded down so a failing ratio never reads 4,5."""
    return f"{math.floor(ratio * 100) / 100:.2f}".replace(".", ",") + ":1"
