"""Who may edit which content: the one place for content access checks.

- National editors (superusers, or members of the group "Landelijke redactie") edit the
  national library and every municipality's local content.
- Local editors (members of the group "Redactie" with an ``Editor`` row) edit only the local
  content (values, answers, examples, switched-off topics) of their own municipality.
- Everyone else edits nothing.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from gembot.tenants.models import Municipality

NATIONAL_GROUP = "Landelijke redactie"
LOCAL_GROUP = "Redactie"

_CACHE_ATTRIBUTE = "_gem_content_scope"
_ALL = "all"


def _scope(user: Any) -> str | frozenset[int]:
    """``"all"`` for national editors, else the ids of the municipalities the user edits.

    Kept on the user object, so one request asks the database once.
    """
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return frozenset()
    cached = getattr(user, _CACHE_ATTRIBUTE, None)
    if cached is not None:
        return cached
    groups = set(user.groups.values_list("name", flat=True))
    if user.is_superuser or NATIONAL_GROUP in groups:
        scope: str | frozenset[int] = _ALL
    elif LOCAL_GROUP in groups:
        scope = frozenset(
            Municipality.objects.filter(content_editors__user=user).values_list("pk", flat=True)
        )
    else:
        scope = frozenset()
    setattr(user, _CACHE_ATTRIBUTE, scope)
    return scope


def editable_municipalities(user: Any) -> QuerySet[Municipality] | None:
    """None for a national editor (everything), else the municipalities ``user`` may edit
    (an empty queryset for someone who edits nothing)."""
    scope = _scope(user)
    if scope == _ALL:
        return None
    return Municipality.objects.filter(pk__in=scope)


def is_national_editor(user: Any) -> bool:
    return _scope(user) == _ALL


def is_content_editor(user: Any) -> bool:
    """May see the content admin at all."""
    return bool(_scope(user)) and bool(getattr(user, "is_staff", False))


def can_edit(user: Any, municipality_id: int | None) -> bool:
    """May ``user`` change content that belongs to ``municipality_id`` (None: national)?"""
    scope = _scope(user)
    if scope == _ALL:
        return True
    return municipality_id is not None and municipality_id in scope
