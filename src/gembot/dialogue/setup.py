from __future__ import annotations

from collections.abc import Callable

from gembot import nlu
from gembot.dialogue.recognition import ModelMissing, recogniser
from gembot.dialogue.training import current_data_hash, train_model


def model_is_usable() -> bool:
    """A model file that loads with this installation's key and current feature code, and
    was trained on the examples the database holds now (a new release of the answer
    library brings new examples)."""
    try:
        model = recogniser.model()  # loaded once: the commands that follow use it too
    except (ModelMissing, nlu.IncompatibleModel):
        return False
    if not model.metadata.get("features_current", True):
        return False
    return model.metadata.get("training_data_hash") == current_data_hash()


def ensure_model(report: Callable[[str], None]) -> None:
    """Train the NLU model when there is none yet, or when it no longer fits the code or
    the content."""
    if model_is_usable():
        return
    report("Taalmodel trainen...")
    result = train_model()
    report(
        f"Taalmodel klaar: {result.topics} onderwerpen, {result.examples} voorbeelden, "
        f"{result.seconds} s."
    )
