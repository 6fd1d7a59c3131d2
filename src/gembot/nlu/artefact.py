"""The model artefact: one .npz file of plain arrays plus JSON, never pickle.

Layout (all entries are numpy arrays; `np.load(..., allow_pickle=False)` reads them):

- `header`: UTF-8 JSON: format name and version, library versions, created_at, topics,
  training data hash, the SHA-256 checksum of everything else, an optional HMAC.
- `payload`: UTF-8 JSON: settings, classes, calibration, vocabulary, lexicon.
- `weights`, `bias`, `idf`, `block_of`: the numeric parts.

Loading checks the format version, the major versions of the libraries that shape the
features, the checksum, and (when a key is given) the HMAC-SHA256 signature, and raises
`IncompatibleModel` for anything it cannot trust. A model made by other feature code
(see `features_fingerprint`) loads with `metadata["features_current"] = False`.
"""

from __future__ import annotations

import datetime
import hashlib
import hmac
import json
import logging
import uuid
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import scipy
import sklearn
import snowballstemmer

from .classifier import LinearModel
from .features import FeatureSpace
from .lexicon import Lexicon
from .schema import OUT_OF_SCOPE, IncompatibleModel
from .training import Calibration, Settings

if TYPE_CHECKING:
    from .model import NluModel

logger = logging.getLogger(__name__)

FORMAT = "gem-nlu"
FORMAT_VERSION = 1
# Bump when feature extraction changes in a way the fingerprint below cannot see.
FEATURE_CODE_VERSION = 3  # 2: contrasted words dropped; 3: months and weekdays as classes
ARRAYS = ("weights", "bias", "idf", "block_of")


def library_versions() -> dict[str, str]:
    return {
        "numpy": np.__version__,
        "scipy": scipy.__version__,
        "scikit-learn": sklearn.__version__,
        "snowballstemmer": getattr(snowballstemmer, "__version__", "3"),
    }


def features_fingerprint() -> str:
    """A hash of everything that turns text into features (normalisation, thesaurus,
    stop words, extractors). A model made by other feature code loads, but scores worse
    than a retrained one; `metadata["features_current"]` tells which it is."""
    from . import text
    from .concepts import CONCEPTS
    from .features import EXTRACTORS

    parts = {
        "code": FEATURE_CODE_VERSION,
        "concepts": CONCEPTS,
        "sms": text.SMS,
        "phrases": [(p.pattern, r) for p, r in text._PHRASES],
        "stopwords": sorted(text.DUTCH_STOPWORDS | text.ENGLISH_STOPWORDS),
        "extractors": sorted(EXTRACTORS),
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()[:16]


def _major(version: str) -> str:
    return version.split(".", 1)[0]


def new_metadata(
    classes: list[str], facts: dict[str, object], calibration: Calibration
) -> dict[str, object]:
    return {
        "model_id": uuid.uuid4().hex,
        "created_at": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "topics": [c for c in classes if c != OUT_OF_SCOPE],
        "calibration": {
            "temperature": calibration.temperature,
            "threshold": calibration.threshold,
            "confident": calibration.confident,
            "cross_validation": calibration.cv,
        },
        **facts,
    }


def _checksum(payload: bytes, arrays: dict[str, np.ndarray]) -> str:
    digest = hashlib.sha256(payload)
    for name in ARRAYS:
        array = np.ascontiguousarray(arrays[name])
        digest.update(f"{name}:{array.dtype.str}:{array.shape}".encode())
        digest.update(array.tobytes())
    return digest.hexdigest()


def _sign(key: bytes, checksum: str) -> str:
    return hmac.new(key, checksum.encode(), hashlib.sha256).hexdigest()


def _json_array(data: Any) -> np.ndarray:
    return np.frombuffer(json.dumps(data, ensure_ascii=False).encode(), dtype=np.uint8)


def save_model(model: NluModel, path: Path, *, key: bytes | None = None) -> Path:
    payload = json.dumps(
        {
            "settings": model.settings.to_dict(),
            "classes": model.classes,
            "calibration": {
                "temperature": model.calibration.temperature,
                "threshold": model.calibration.threshold,
                "confident": model.calibration.confident,
                "cv": model.calibration.cv,
            },
            "vocabulary": sorted(model.space.vocabulary, key=model.space.vocabulary.__getitem__),
            "lexicon": model.lexicon.counts,
            "topic_df": model.lexicon.topic_df,
        },
        ensure_ascii=False,
    ).encode()
    arrays = {
        "weights": model.linear.weights.astype(np.float32),
        "bias": model.linear.bias.astype(np.float32),
        "idf": model.space.idf.astype(np.float32),
        "block_of": model.space.block_of.astype(np.int8),
    }
    checksum = _checksum(payload, arrays)
    header = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "libraries": library_versions(),
        "features": features_fingerprint(),
        **model.metadata,
        "checksum": checksum,
        "signature": _sign(key, checksum) if key else None,
    }
    if path.suffix != ".npz":
        path = path.with_name(path.name + ".npz")
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        np.savez_compressed(
            handle,
            header=_json_array(header),
            payload=np.frombuffer(payload, dtype=np.uint8),
            **arrays,
        )
    return path


def read_header(path: str | Path) -> dict[str, Any]:
    """The artefact's metadata without loading the model."""
    with _open(Path(path)) as data:
        return _check_header(data)


def _open(path: Path) -> Any:
    try:
        return np.load(path, allow_pickle=False)
    except (OSError, ValueError, zipfile.BadZipFile) as exc:
        raise IncompatibleModel(f"{path}: not a readable Gem NLU artefact ({exc})") from exc


def _check_header(data: Any) -> dict[str, Any]:
    try:
        header = json.loads(data["header"].tobytes().decode())
    except (KeyError, ValueError) as exc:
        raise IncompatibleModel("not a Gem NLU artefact: no readable header") from exc
    if header.get("format") != FORMAT:
        raise IncompatibleModel(f"not a Gem NLU artefact (format {header.get('format')!r})")
    if header.get("format_version") != FORMAT_VERSION:
        raise IncompatibleModel(
            f"artefact format version {header.get('format_version')!r}; "
            f"this code reads version {FORMAT_VERSION}: retrain the model"
        )
    saved = header.get("libraries", {})
    for name, version in library_versions().items():
        if name not in saved or _major(saved[name]) != _major(version):
            raise IncompatibleModel(
                f"artefact made with {name} {saved.get(name)!r}, running {version}: "
                "retrain the model"
            )
    return header


def load_model(path: str | Path, *, key: bytes | None = None) -> NluModel:
    """Load an artefact written by `NluModel.save`, refusing anything untrusted."""
    from .model import NluModel

    with _open(Path(path)) as data:
        header = _check_header(data)
        try:
            payload_bytes = data["payload"].tobytes()
            arrays = {name: data[name] for name in ARRAYS}
        except (KeyError, ValueError) as exc:
            raise IncompatibleModel(f"incomplete artefact: {exc}") from exc
    if not hmac.compare_digest(_checksum(payload_bytes, arrays), str(header.get("checksum"))):
        raise IncompatibleModel("artefact checksum mismatch: the file was changed or damaged")
    if key is not None:
        signature = header.get("signature")
        if not signature or not hmac.compare_digest(_sign(key, header["checksum"]), signature):
            raise IncompatibleModel("artefact signature does not match the key")
    payload = json.loads(payload_bytes.decode())
    settings = Settings.from_dict(payload["settings"])
    vocabulary = {k: i for i, k in enumerate(payload["vocabulary"])}
    space = FeatureSpace(dict(settings.blocks), vocabulary, arrays["idf"], arrays["block_of"])
    cal = payload["calibration"]
    calibration = Calibration(
        float(cal["temperature"]),
        float(cal["threshold"]),
        float(cal.get("confident", 1.01)),  # artefacts from before the confident level
        cal["cv"],
    )
    metadata = {
        k: v
        for k, v in header.items()
        if k not in {"format", "format_version", "checksum", "signature", "libraries", "features"}
    }
    metadata["libraries"] = header["libraries"]
    # Features are keyed by name in the stored vocabulary, so a model made by other
    # feature code still works, only less well than a retrained one: load it and say so.
    metadata["features_current"] = header.get("features") == features_fingerprint()
    if not metadata["features_current"]:
        logger.warning("NLU model %s was made by other feature code: retrain it", path)
    return NluModel(
        list(payload["classes"]),
        Lexicon(payload["lexicon"], payload["topic_df"]),
        space,
        LinearModel(arrays["weights"], arrays["bias"]),
        calibration,
        settings,
        metadata,
    )
