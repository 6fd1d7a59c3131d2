"""Safety net: a content row written without an action still invalidates the answer caches.

Actions already bump the version; this also covers ORM writes in a shell or a test, and
clears this process's cache at once.
"""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_delete, post_save


def _content_written(sender: Any, **kwargs: Any) -> None:
    from gembot.content.actions.audit import bump_version
    from gembot.content.answers import clear_cache

    if kwargs.get("raw"):
        return
    clear_cache()
    bump_version()


def connect() -> None:
    from gembot.content import models

    for model in (
        models.Topic,
        models.Answer,
        models.TailoringQuestion,
        models.DisabledTopic,
        models.VariableDefinition,
        models.LocalVariable,
    ):
        post_save.connect(_content_written, sender=model, dispatch_uid=f"content-{model.__name__}")
        post_delete.connect(
            _content_written, sender=model, dispatch_uid=f"content-delete-{model.__name__}"
        )
