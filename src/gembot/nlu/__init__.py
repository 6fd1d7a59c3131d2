"""Gem's topic recogniser: plain Python (numpy, scipy, scikit-learn), never Django.

Usage:

>>> model = train(examples, out_of_scope=sentences)  # doctest: +SKIP
>>> model.predict("mijn id kaart is verlopen").topic  # doctest: +SKIP
'identiteitskaart'
>>> model.save("nlu.npz"); model = load("nlu.npz")  # doctest: +SKIP

One national model serves every municipality; a municipality's own phrases and topics
come in through `model.overlay(pairs)`, passed as `predict(text, extra=overlay)`.
See docs/adr/0003-nlu-design.md.
"""

from __future__ import annotations

from pathlib import Path

from .artefact import FORMAT_VERSION, read_header
from .entities import MunicipalityRegister, extract_entities
from .model import NluModel, train
from .overlay import Overlay
from .schema import (
    OUT_OF_SCOPE,
    Address,
    DateMention,
    Entities,
    Example,
    IncompatibleModel,
    MunicipalityMention,
    Prediction,
)
from .training import Settings, training_data_hash


def load(path: str | Path, *, key: bytes | None = None) -> NluModel:
    """Load a saved model; raises `IncompatibleModel` for an untrusted or old artefact."""
    from .artefact import load_model

    return load_model(path, key=key)


__all__ = [
    "FORMAT_VERSION",
    "OUT_OF_SCOPE",
    "Address",
    "DateMention",
    "Entities",
    "Example",
    "IncompatibleModel",
    "MunicipalityMention",
    "MunicipalityRegister",
    "NluModel",
    "Overlay",
    "Prediction",
    "Settings",
    "extract_entities",
    "load",
    "read_header",
    "train",
    "training_data_hash",
]
