"""The NLU package is plain Python: no module in it may import Django."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import gembot.nlu


def test_no_module_in_the_package_imports_django() -> None:
    modules = sorted(
        f"gembot.nlu.{info.name}" for info in pkgutil.iter_modules(gembot.nlu.__path__)
    )
    assert "gembot.nlu.model" in modules
    script = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "leaked = sorted(m for m in sys.modules if m == 'django' or m.startswith('django.'))\n"
        "print(','.join(leaked))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=120
    )
    assert result.stdout.strip() == "", f"django imported: {result.stdout}"
