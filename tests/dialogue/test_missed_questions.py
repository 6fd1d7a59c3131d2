"""Editors see what Gem did not understand in their own municipality, without personal data."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, Permission, User

from gembot.content import actions
from gembot.content.models import Editor
from gembot.tenants.models import Municipality
from tests.conftest import Resident

pytestmark = pytest.mark.django_db

URL = "/admin/dialogue/missedquestion/"


def tilburg_editor() -> User:
    user = User.objects.create_user("redacteur", password="geheim-wachtwoord-1", is_staff=True)
    group, _ = Group.objects.get_or_create(name="Redactie")
    group.permissions.add(Permission.objects.get(codename="view_missedquestion"))
    user.groups.add(group)
    actions.save_editor(Editor(user=user, municipality=Municipality.objects.get(code="GM0855")))
    return user


def test_editor_sees_own_missed_questions_scrubbed(api, client):
    tilburg, utrecht = Resident(api, "GM0855"), Resident(api, "GM0344")
    tilburg.say("qwrtz plof, bel mij op 06-12345678")
    utrecht.say("zxcvb wrpl utrechtse mist")
    client.force_login(tilburg_editor())
    page = client.get(URL)
    assert page.status_code == 200
    body = page.content.decode()
    assert "qwrtz plof, bel mij op [TELEFOON]" in body
    assert "06-12345678" not in body
    assert "utrechtse mist" not in body
