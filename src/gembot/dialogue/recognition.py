"""The NLU at run time: one national model per process, one overlay per municipality.

The model file is checked at most once a second; when ``gembot train`` writes a new one,
every running server loads it on its next message, without a restart. A municipality's own
example phrases and topics form a small overlay that is rebuilt when the content changes.
"""

from __future__ import annotations

import hashlib
import logging
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from gembot import nlu

logger = logging.getLogger(__name__)

CHECK_INTERVAL = 1.0  # seconds between looks at the model file


class ModelMissing(RuntimeError):
    """No trained model yet: run `gembot train` (or `gembot migrate`)."""


def signing_key() -> bytes:
    """Artefacts are signed with a key derived from SECRET_KEY; others are refused."""
    return hashlib.sha256(b"gem-nlu:" + settings.SECRET_KEY.encode()).digest()


def model_path() -> Path:
    return Path(settings.GEM_NLU_MODEL_PATH)


@dataclass
class _Loaded:
    model: nlu.NluModel
    mtime: float
    checked: float


class Recogniser:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._loaded: _Loaded | None = None
        self._overlays: dict[tuple[int, str], nlu.Overlay | None] = {}

    def model(self) -> nlu.NluModel:
        now = time.monotonic()
        loaded = self._loaded
        if loaded is not None and now - loaded.checked < CHECK_INTERVAL:
            return loaded.model
        with self._lock:
            path = model_path()
            try:
                mtime = path.stat().st_mtime
            except FileNotFoundError:
                if self._loaded is not None:
                    return self._loaded.model
                raise ModelMissing(str(path)) from None
            if self._loaded is None or mtime != self._loaded.mtime:
                model = nlu.load(path, key=signing_key())
                logger.info("NLU model loaded (%s topics)", len(model.topics))
                self._loaded = _Loaded(model, mtime, now)
                self._overlays.clear()
            else:
                self._loaded.checked = now
            return self._loaded.model

    def overlay(self, municipality_id: int, version: str, examples: callable) -> nlu.Overlay | None:
        """The municipality's overlay for content ``version``; built by ``examples()``."""
        key = (municipality_id, version)
        if key not in self._overlays:
            pairs = examples()
            self._overlays = {k: v for k, v in self._overlays.items() if k[0] != municipality_id}
            self._overlays[key] = self.model().overlay(pairs) if pairs else None
        return self._overlays[key]

    def reset(self) -> None:
        with self._lock:
            self._loaded = None
            self._overlays.clear()


recogniser = Recogniser()
