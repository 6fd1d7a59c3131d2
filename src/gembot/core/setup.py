"""Prepare a database so Gem can talk: migrations, municipalities, content, NLU model.

Every command that needs a working database calls :func:`prepare_database`, so a fresh
install works with any command, not only after ``gembot migrate``.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

Step = Callable[[Callable[[str], None]], None]

# Later steps (content, NLU) register here so this module does not import every app.
_STEPS: list[tuple[str, str]] = [
    ("gembot.tenants.setup", "ensure_municipalities"),
    ("gembot.content.setup", "ensure_content"),
    ("gembot.dialogue.setup", "ensure_model"),
]


def has_unapplied_migrations() -> bool:
    executor = MigrationExecutor(connection)
    return bool(executor.migration_plan(executor.loader.graph.leaf_nodes()))


def prepare_database(
    report: Callable[[str], None] = lambda _msg: None, *, with_model: bool = True
) -> None:
    if has_unapplied_migrations():
        report("Database bijwerken (migraties)...")
        call_command("migrate", interactive=False, verbosity=0)
    for module_name, function_name in _STEPS:
        if not with_model and module_name == "gembot.dialogue.setup":
            continue
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as error:
            if error.name != module_name:
                raise
            continue
        getattr(module, function_name)(report)
