"""A server picks up a newly written model file on its next message, without a restart."""

from __future__ import annotations

import os
import time

import pytest

from gembot import nlu
from gembot.dialogue import recognition

pytestmark = pytest.mark.django_db


def test_new_model_file_is_loaded_without_restart(monkeypatch, resident):
    monkeypatch.setattr(recognition, "CHECK_INTERVAL", 0.0)
    before = recognition.recogniser.model()
    path = recognition.model_path()
    before.save(path, key=recognition.signing_key())  # what `gembot train` does elsewhere
    stamp = time.time() + 5
    os.utime(path, (stamp, stamp))
    after = recognition.recogniser.model()
    assert after is not before
    assert resident.say("paspoort verlengen")["messages"][0]["topic"] == "paspoort"


def test_a_model_signed_with_another_key_is_refused(tmp_path):
    model = recognition.recogniser.model()
    foreign = model.save(tmp_path / "foreign.npz", key=b"another installation")
    with pytest.raises(nlu.IncompatibleModel):
        nlu.load(foreign, key=recognition.signing_key())
