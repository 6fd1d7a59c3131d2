"""Every write to the widget's settings goes through these actions."""

from __future__ import annotations

from django.db import transaction

from gembot.widget.models import WidgetTheme


@transaction.atomic
def save_widget_theme(theme: WidgetTheme) -> WidgetTheme:
    """Validate (formats, page patterns, WCAG contrast) and store a theme."""
    theme.full_clean()
    theme.save()
    return theme
