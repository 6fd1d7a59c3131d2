"""The national topic catalogue and UPL names shipped with the package (data/)."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

DATA_DIR = Path(__file__).resolve().parent / "data"
CATALOGUE_FILE = DATA_DIR / "catalogue.yml"
UPL_FILE = DATA_DIR / "upl.csv"

# Labels the recogniser predicts that are not topics with an answer file.
NON_TOPIC_LABELS = frozenset({"buiten-bereik"})


@dataclass(frozen=True)
class CatalogueTopic:
    id: str
    title: str
    upl: str
    owner: str
    scope: str

    @property
    def upl_uri(self) -> str:
        return upl_uri(self.upl)


@lru_cache(maxsize=1)
def catalogue() -> dict[str, CatalogueTopic]:
    """Catalogue topics by id, in catalogue order."""
    data = yaml.safe_load(CATALOGUE_FILE.read_text(encoding="utf-8"))
    return {
        item["id"]: CatalogueTopic(
            id=item["id"],
            title=item.get("title") or "",
            upl=item.get("upl") or "",
            owner=item.get("owner") or "gemeente",
            scope=item.get("scope") or "",
        )
        for item in data["topics"]
    }


@lru_cache(maxsize=1)
def upl_names() -> dict[str, str]:
    """UPL name (lower case) -> URI."""
    with UPL_FILE.open(encoding="utf-8", newline="") as handle:
        return {row["name"].lower(): row["uri"] for row in csv.DictReader(handle)}


def upl_uri(name: str | None) -> str:
    """The URI of a UPL name, or "" when the name is empty or unknown."""
    if not name:
        return ""
    return upl_names().get(name.strip().lower(), "")
