"""Transcripts are deleted after the retention period; analytics without text stay."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from gembot.conversations.models import Conversation, Message, Turn

pytestmark = pytest.mark.django_db


def test_purge_removes_only_expired_transcripts(make_resident):
    old, recent = make_resident(), make_resident()
    old.say("paspoort aanvragen")
    recent.say("paspoort aanvragen")
    Conversation.objects.filter(pk=old.id).update(
        last_activity_at=timezone.now() - timedelta(days=29)
    )
    out = io.StringIO()
    call_command("purge_expired", stdout=out)
    assert "1 verlopen gesprek(ken) verwijderd (bewaartermijn 28 dagen)" in out.getvalue()
    assert not Conversation.objects.filter(pk=old.id).exists()
    assert not Message.objects.filter(conversation_id=old.id).exists()
    assert Conversation.objects.filter(pk=recent.id).exists()
    assert Turn.objects.filter(topic="paspoort").count() >= 2  # statistics survive, no text


def test_erased_conversation_leaves_no_text_behind(resident, api):
    from gembot.dialogue.models import ClarificationChoice

    resident.say("ik wil een vergunning")  # a vague question: Gem asks "Bedoelt u ...?"
    resident.say("/iets_anders")
    assert ClarificationChoice.objects.filter(conversation_id=resident.id).exists()
    response = api.delete(f"/api/v1/conversations/{resident.id}", **resident.auth)
    assert response.status_code == 204
    assert not Message.objects.filter(conversation_id=resident.id).exists()
    assert not ClarificationChoice.objects.filter(text__contains="vergunning").exists()
    # The statistics stay, without text and without a link to the erased conversation.
    assert Turn.objects.filter(municipality__code="GM0855", outcome="clarification").exists()
