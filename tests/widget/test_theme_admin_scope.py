"""A municipality's editor changes only that municipality's widget theme."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, Permission, User

from gembot.content import actions as content_actions
from gembot.content.models import Editor
from gembot.tenants.models import Municipality
from gembot.widget.actions import save_widget_theme
from gembot.widget.models import WidgetTheme

pytestmark = pytest.mark.django_db


def theme(code: str) -> WidgetTheme:
    return save_widget_theme(WidgetTheme(municipality=Municipality.objects.get(code=code)))


def test_editor_sees_and_changes_only_own_theme(client):
    tilburg, utrecht = theme("GM0855"), theme("GM0344")
    user = User.objects.create_user("thema", password="geheim-wachtwoord-2", is_staff=True)
    group, _ = Group.objects.get_or_create(name="Redactie")
    group.permissions.add(*Permission.objects.filter(codename__endswith="widgettheme"))
    user.groups.add(group)
    content_actions.save_editor(Editor(user=user, municipality=tilburg.municipality))
    client.force_login(user)
    listing = client.get("/admin/widget/widgettheme/").content.decode()
    assert "Tilburg" in listing and "Utrecht" not in listing
    assert client.get(f"/admin/widget/widgettheme/{tilburg.pk}/change/").status_code == 200
    assert client.get(f"/admin/widget/widgettheme/{utrecht.pk}/change/").status_code in {
        302,
        403,
        404,
    }
