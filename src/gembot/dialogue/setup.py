from __future__ import annotations

from collections.abc import Callable

from gembot.dialogue.recognition import model_path
from gembot.dialogue.training import train_model


def ensure_model(report: Callable[[str], None]) -> None:
    """Train the NLU model when there is none yet (a fresh install)."""
    if model_path().exists():
        return
    report("Taalmodel trainen...")
    result = train_model()
    report(f"Taalmodel klaar: {result.topics} onderwerpen, {result.examples} voorbeelden, "
           f"{result.seconds} s.")
