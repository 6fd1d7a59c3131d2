"""The resident rates a closed live chat from 1 to 5."""

from __future__ import annotations

from django.db import transaction

from gembot.conversations.models import Conversation, Status
from gembot.core.api_errors import ApiError
from gembot.livechat.actions.common import lock_conversation


def validate_rating(rating: object) -> int:
    if isinstance(rating, bool) or not isinstance(rating, int) or not 1 <= rating <= 5:
        raise ApiError(
            400,
            "invalid_rating",
            "Geef een cijfer van 1 tot en met 5.",
            "Give a score from 1 to 5.",
        )
    return rating


@transaction.atomic
def rate_conversation(conversation: Conversation, rating: object) -> int:
    rating = validate_rating(rating)
    locked = lock_conversation(conversation.pk)
    if locked.status != Status.CLOSED:
        raise ApiError(
            409,
            "not_closed",
            "U kunt een cijfer geven als het gesprek is afgesloten.",
            "You can rate the conversation once it is closed.",
        )
    locked.rating = rating
    locked.save(update_fields=["rating"])
    return rating
