from __future__ import annotations

from collections.abc import Callable

from gembot import nlu
from gembot.dialogue.recognition import model_path, signing_key
from gembot.dialogue.training import train_model


def model_is_usable() -> bool:
    """A model file that loads with this installation's key and current feature code."""
    if not model_path().exists():
        return False
    try:
        model = nlu.load(model_path(), key=signing_key())
    except nlu.IncompatibleModel:
        return False
    return bool(model.metadata.get("features_current", True))


def ensure_model(report: Callable[[str], None]) -> None:
    """Train the NLU model when there is none yet, or when it no longer fits the code."""
    if model_is_usable():
        return
    report("Taalmodel trainen...")
    result = train_model()
    report(
        f"Taalmodel klaar: {result.topics} onderwerpen, {result.examples} voorbeelden, "
        f"{result.seconds} s."
    )
