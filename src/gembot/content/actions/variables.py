"""Writes to the variable catalogue, local values and editor roles."""

from __future__ import annotations

import datetime
from typing import Any

from gembot.content.actions.base import save_instance
from gembot.content.models import Editor, LocalVariable, VariableDefinition
from gembot.tenants.models import Municipality


def save_variable_definition(
    definition: VariableDefinition, *, actor: Any = None, via: str = "admin"
) -> VariableDefinition:
    return save_instance(definition, actor=actor, via=via)


def save_local_variable(
    variable: LocalVariable, *, actor: Any = None, via: str = "admin"
) -> LocalVariable:
    variable.value = (variable.value or "").strip()
    return save_instance(variable, actor=actor, via=via)


def set_local_variable(
    municipality: Municipality,
    name: str,
    value: str,
    *,
    source: str = "",
    verified_on: datetime.date | None = None,
    actor: Any = None,
    via: str = "admin",
) -> LocalVariable:
    """Give ``municipality`` its own value for variable ``name`` (create or update)."""
    variable = LocalVariable.objects.filter(municipality=municipality, name=name).first()
    variable = variable or LocalVariable(municipality=municipality, name=name)
    variable.value = value
    variable.source = source
    variable.verified_on = verified_on
    return save_local_variable(variable, actor=actor, via=via)


def save_editor(editor: Editor, *, actor: Any = None, via: str = "admin") -> Editor:
    return save_instance(editor, actor=actor, via=via)
