"""The one way content rows are written: validate, save, audit, bump the version."""

from __future__ import annotations

from typing import Any, TypeVar

from django.db import models, transaction

from gembot.content.actions.audit import diff, field_values, record_change

M = TypeVar("M", bound=models.Model)


def owner_municipality_id(instance: models.Model) -> int | None:
    """The municipality a row belongs to (None: national content)."""
    return getattr(instance, "municipality_id", None)


def save_instance(instance: M, *, actor: Any = None, via: str = "admin") -> M:
    """Validate and save ``instance``; record what changed. Saving an unchanged row is a no-op."""
    with transaction.atomic():
        old = None
        if instance.pk is not None:
            stored = type(instance)._default_manager.filter(pk=instance.pk).first()
            old = field_values(stored)
        changes = diff(old, field_values(instance))
        if old is not None and not changes:
            return instance
        instance.full_clean(validate_unique=False, validate_constraints=False)
        instance.save()
        record_change(
            action="create" if old is None else "update",
            instance=instance,
            changes=changes,
            actor=actor,
            via=via,
            municipality_id=owner_municipality_id(instance),
        )
    return instance


def delete_instance(instance: models.Model, *, actor: Any = None, via: str = "admin") -> None:
    """Delete ``instance`` (and what cascades from it) and record it."""
    with transaction.atomic():
        changes = diff(field_values(instance), None)
        label = str(instance)
        municipality_id = owner_municipality_id(instance)
        pk = instance.pk
        instance.delete()
        instance.pk = pk
        record_change(
            action="delete",
            instance=instance,
            changes=changes,
            actor=actor,
            via=via,
            municipality_id=municipality_id,
            object_repr=label,
        )
