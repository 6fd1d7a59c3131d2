"""Saving and loading: a round trip, and refusal of anything that cannot be trusted."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import numpy as np
import pytest

from gembot.nlu import FORMAT_VERSION, IncompatibleModel, NluModel, load, read_header

from .conftest import TODAY

MESSAGES = [
    "mijn paspoort is verlopen",
    "wanneer komt de vuilniswagen",
    "qwzx vbnmk",
    "paspoort of idkaart aanvragen",
    "can you pick up my old sofa",
]


def _rewrite(path: Path, target: Path, *, header: dict | None = None, **arrays: np.ndarray):
    """Copy an artefact, replacing its header and/or arrays (as an attacker could)."""
    with np.load(path, allow_pickle=False) as data:
        entries = {name: data[name] for name in data.files}
    if header is not None:
        entries["header"] = np.frombuffer(json.dumps(header).encode(), dtype=np.uint8)
    entries.update(arrays)
    with target.open("wb") as handle:
        np.savez_compressed(handle, **entries)
    return target


def test_round_trip_gives_the_same_predictions(model: NluModel, tmp_path: Path) -> None:
    path = model.save(tmp_path / "nlu.npz")
    loaded = load(path)

    for text in MESSAGES:
        before = model.predict(text, today=TODAY)
        after = loaded.predict(text, today=TODAY)
        assert after.topic == before.topic
        assert after.ranking == before.ranking
        assert after.candidates == before.candidates
    assert loaded.topics == model.topics


def test_artefact_carries_its_metadata(model: NluModel, tmp_path: Path) -> None:
    header = read_header(model.save(tmp_path / "nlu"))  # the suffix is added

    assert header["format"] == "gem-nlu"
    assert header["format_version"] == FORMAT_VERSION
    assert len(header["training_data_hash"]) == 64
    assert {"numpy", "scikit-learn", "scipy", "snowballstemmer"} <= set(header["libraries"])
    assert header["created_at"].endswith("+00:00")
    assert header["topics"] == model.topics
    assert 0 < header["calibration"]["threshold"] <= 1


def test_tampered_weights_are_refused(model: NluModel, tmp_path: Path) -> None:
    path = model.save(tmp_path / "nlu.npz")
    with np.load(path) as data:
        weights = data["weights"].copy()
    weights[0, 0] += 1.0
    tampered = _rewrite(path, tmp_path / "tampered.npz", weights=weights)

    with pytest.raises(IncompatibleModel, match="checksum"):
        load(tampered)


def test_wrong_format_version_is_refused(model: NluModel, tmp_path: Path) -> None:
    path = model.save(tmp_path / "nlu.npz")
    header = read_header(path) | {"format_version": FORMAT_VERSION + 1}

    with pytest.raises(IncompatibleModel, match="format version"):
        load(_rewrite(path, tmp_path / "future.npz", header=header))


def test_other_library_major_version_is_refused(model: NluModel, tmp_path: Path) -> None:
    path = model.save(tmp_path / "nlu.npz")
    header = read_header(path)
    header["libraries"] = header["libraries"] | {"scikit-learn": "0.24.2"}

    with pytest.raises(IncompatibleModel, match="scikit-learn"):
        load(_rewrite(path, tmp_path / "old.npz", header=header))


def test_pickle_and_other_files_are_refused(tmp_path: Path) -> None:
    pickled = tmp_path / "model.npz"
    pickled.write_bytes(pickle.dumps({"weights": [1, 2, 3]}))
    with pytest.raises(IncompatibleModel):
        load(pickled)

    not_ours = tmp_path / "other.npz"
    np.savez(not_ours, weights=np.zeros(3))
    with pytest.raises(IncompatibleModel, match="header"):
        load(not_ours)


def test_object_arrays_are_never_unpickled(model: NluModel, tmp_path: Path) -> None:
    path = model.save(tmp_path / "nlu.npz")
    evil = np.array([{"x": 1}], dtype=object)
    with pytest.raises(IncompatibleModel):
        load(_rewrite(path, tmp_path / "evil.npz", bias=evil))


def test_signed_artefact_needs_the_right_key(model: NluModel, tmp_path: Path) -> None:
    path = model.save(tmp_path / "signed.npz", key=b"secret")

    assert load(path, key=b"secret").topics == model.topics
    with pytest.raises(IncompatibleModel, match="signature"):
        load(path, key=b"wrong")
    unsigned = model.save(tmp_path / "unsigned.npz")
    with pytest.raises(IncompatibleModel, match="signature"):
        load(unsigned, key=b"secret")


def test_model_from_other_feature_code_loads_but_says_so(
    model: NluModel, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = model.save(tmp_path / "nlu.npz")
    assert load(path).metadata["features_current"] is True
    header = read_header(path) | {"features": "0123456789abcdef"}

    stale = load(_rewrite(path, tmp_path / "stale.npz", header=header))

    assert stale.metadata["features_current"] is False
    assert "retrain" in caplog.text
    assert stale.predict("paspoort verlengen").topic == "paspoort"
