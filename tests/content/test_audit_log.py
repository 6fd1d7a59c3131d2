"""Every content write leaves an entry: who, when, what changed."""

from __future__ import annotations

import pytest

from gembot.content import actions
from gembot.content.models import ContentChange, LocalVariable

pytestmark = pytest.mark.django_db


def test_set_local_variable_records_who_and_what(tilburg, make_editor):
    editor = make_editor("redacteur-tilburg", tilburg)
    actions.set_local_variable(tilburg, "tarief.grofvuil", "€ 30,00", actor=editor)

    actions.set_local_variable(tilburg, "tarief.grofvuil", "€ 32,50", actor=editor)

    change = ContentChange.objects.filter(model="content.localvariable").first()
    assert change.action == "update"
    assert change.actor == editor
    assert change.actor_label == "redacteur-tilburg"
    assert change.municipality == tilburg
    assert change.changes["value"] == ["€ 30,00", "€ 32,50"]
    assert change.at is not None


def test_saving_without_changes_writes_nothing(tilburg):
    actions.set_local_variable(tilburg, "tarief.grofvuil", "€ 30,00")
    before = ContentChange.objects.count()

    actions.set_local_variable(tilburg, "tarief.grofvuil", "€ 30,00")

    assert ContentChange.objects.count() == before


def test_delete_is_recorded_with_the_old_values(tilburg):
    variable = actions.set_local_variable(tilburg, "tarief.grofvuil", "€ 30,00")

    actions.delete_content(variable)

    assert not LocalVariable.objects.filter(pk=variable.pk).exists()
    change = ContentChange.objects.first()
    assert change.action == "delete"
    assert change.changes["value"] == ["€ 30,00", None]
    assert change.actor_label == "admin"


def test_unknown_variable_is_refused(tilburg):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        actions.set_local_variable(tilburg, "bestaat.niet", "x")
