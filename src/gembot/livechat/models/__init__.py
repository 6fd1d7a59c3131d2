"""Live-chat models; import them from here."""

from gembot.livechat.models.contact import ContactRequest
from gembot.livechat.models.handover import (
    OPEN_STATES,
    Handover,
    HandoverNote,
    HandoverState,
    Outcome,
)
from gembot.livechat.models.municipal import CannedReply, ClosingDay, LiveChatSettings
from gembot.livechat.models.people import (
    NATIONAL_ADMIN_GROUP,
    AgentPresence,
    Availability,
    Membership,
    Role,
)

__all__ = [
    "NATIONAL_ADMIN_GROUP",
    "OPEN_STATES",
    "AgentPresence",
    "Availability",
    "CannedReply",
    "ClosingDay",
    "ContactRequest",
    "Handover",
    "HandoverNote",
    "HandoverState",
    "LiveChatSettings",
    "Membership",
    "Outcome",
    "Role",
]
