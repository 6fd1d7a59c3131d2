"""Reading and writing the content folder: variables.yml, base/*.yml, municipalities/*.yml."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

VARIABLES_FILE = "variables.yml"
BASE_DIR = "base"
MUNICIPALITIES_DIR = "municipalities"

# libyaml's loader when PyYAML was built with it: parsing is most of an import's time.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class SourceFile:
    """One YAML file: its path relative to the content folder, its data or its parse error."""

    path: str
    data: Any = None
    error: str | None = None

    @property
    def stem(self) -> str:
        return Path(self.path).stem


@dataclass
class ContentTree:
    directory: Path
    variables: SourceFile | None
    topics: list[SourceFile] = field(default_factory=list)
    municipalities: list[SourceFile] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)


def read_yaml(path: Path, relative: str) -> SourceFile:
    try:
        text = path.read_text(encoding="utf-8")
        return SourceFile(relative, data=yaml.load(text, Loader=_Loader))  # noqa: S506 - safe loader
    except yaml.YAMLError as error:
        return SourceFile(relative, error=f"YAML-fout: {error}".replace("\n", " "))
    except (OSError, UnicodeDecodeError) as error:
        return SourceFile(relative, error=f"niet te lezen: {error}")


def _folder(directory: Path, name: str, ignored: list[str]) -> list[SourceFile]:
    folder = directory / name
    if not folder.is_dir():
        return []
    files = []
    for path in sorted(folder.iterdir()):
        relative = f"{name}/{path.name}"
        if path.suffix == ".yml" and path.is_file() and not path.name.startswith("."):
            files.append(read_yaml(path, relative))
        elif path.is_file() and not path.name.startswith("."):
            ignored.append(relative)
    return files


def read_tree(directory: Path | str) -> ContentTree:
    """Every content file under ``directory`` (``nlu/`` is not content and is skipped)."""
    directory = Path(directory)
    ignored: list[str] = []
    variables_path = directory / VARIABLES_FILE
    return ContentTree(
        directory=directory,
        variables=read_yaml(variables_path, VARIABLES_FILE) if variables_path.exists() else None,
        topics=_folder(directory, BASE_DIR, ignored),
        municipalities=_folder(directory, MUNICIPALITIES_DIR, ignored),
        ignored=ignored,
    )


class _Dumper(yaml.SafeDumper):
    """Block style, lists indented under their key, multi-line strings as literal blocks."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> Any:
        return super().increase_indent(flow, False)


def _represent_str(dumper: yaml.SafeDumper, data: str) -> yaml.ScalarNode:
    style = "|" if "\n" in data else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_Dumper.add_representer(str, _represent_str)


def dump_yaml(data: Any, header: str = "") -> str:
    """Deterministic YAML: the caller fixes key order; no line wrapping."""
    body = yaml.dump(
        data,
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        width=10_000,
        default_flow_style=False,
    )
    return header + body


def write_text(path: Path, text: str) -> bool:
    """Write ``text`` to ``path`` unless it already holds exactly that; True when written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists() and path.read_bytes() == text.encode("utf-8"):
        return False
    path.write_bytes(text.encode("utf-8"))
    return True
