"""The audit trail and cache version every content action writes."""

from __future__ import annotations

import datetime
import uuid
from decimal import Decimal
from typing import Any

from django.db import models, transaction
from django.utils import timezone

from gembot.content.models import ContentChange, ContentVersion

MAX_REPR = 300


def jsonable(value: Any) -> Any:
    if isinstance(value, datetime.date | datetime.datetime):
        return value.isoformat()
    if isinstance(value, Decimal | uuid.UUID):
        return str(value)
    return value


def field_values(instance: models.Model | None) -> dict[str, Any] | None:
    """The stored values of ``instance``'s own fields (foreign keys as ids)."""
    if instance is None:
        return None
    return {
        field.attname: jsonable(getattr(instance, field.attname))
        for field in instance._meta.concrete_fields
        if not field.primary_key
    }


def diff(old: dict[str, Any] | None, new: dict[str, Any] | None) -> dict[str, list[Any]]:
    """``{field: [old, new]}`` for every field that differs (creation: old is None)."""
    old, new = old or {}, new or {}
    changes: dict[str, list[Any]] = {}
    for name in sorted(set(old) | set(new)):
        before, after = old.get(name), new.get(name)
        if before != after and not (before in (None, "") and after in (None, "")):
            changes[name] = [before, after]
    return changes


def actor_label(actor: Any, via: str) -> str:
    if actor is not None and getattr(actor, "is_authenticated", False):
        return actor.get_username()
    return via


def record_change(
    *,
    action: str,
    instance: models.Model,
    changes: dict[str, Any],
    actor: Any = None,
    via: str = "admin",
    municipality_id: int | None = None,
    object_repr: str | None = None,
    model: str | None = None,
) -> ContentChange:
    """Write one audit entry and invalidate the answer caches."""
    user = actor if actor is not None and getattr(actor, "is_authenticated", False) else None
    entry = ContentChange.objects.create(
        actor=user,
        actor_label=actor_label(actor, via),
        via=via,
        action=action,
        model=model or instance._meta.label_lower,
        object_id=str(instance.pk or ""),
        object_repr=(object_repr or str(instance))[:MAX_REPR],
        municipality_id=municipality_id,
        changes=changes,
    )
    bump_version()
    return entry


def bump_version() -> str:
    """Give the content a new version token: every process reloads its answer cache."""
    token = uuid.uuid4().hex
    with transaction.atomic():
        updated = ContentVersion.objects.filter(pk=1).update(token=token, changed_at=timezone.now())
        if not updated:
            ContentVersion.objects.create(pk=1, token=token)
    return token


def current_version() -> str | None:
    return ContentVersion.objects.filter(pk=1).values_list("token", flat=True).first()
