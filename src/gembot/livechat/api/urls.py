from django.urls import path

from gembot.livechat.api import agent, resident

CONVERSATION = "conversations/<str:conversation_id>"
AGENT_CONVERSATION = "agent/conversations/<str:conversation_id>"

urlpatterns = [
    # resident (Bearer token of the conversation)
    path(f"{CONVERSATION}/handover", resident.HandoverView.as_view(), name="livechat-handover"),
    path(
        f"{CONVERSATION}/handover/cancel",
        resident.CancelView.as_view(),
        name="livechat-handover-cancel",
    ),
    path(f"{CONVERSATION}/rating", resident.RatingView.as_view(), name="livechat-rating"),
    path(
        f"{CONVERSATION}/contact-request",
        resident.ContactRequestView.as_view(),
        name="livechat-contact-request",
    ),
    # agent (Authorization: Token ...)
    path("agent/queue", agent.QueueView.as_view(), name="agent-queue"),
    path("agent/availability", agent.AvailabilityView.as_view(), name="agent-availability"),
    path("agent/canned-replies", agent.CannedReplyView.as_view(), name="agent-canned-replies"),
    path(AGENT_CONVERSATION, agent.ConversationView.as_view(), name="agent-conversation"),
    path(f"{AGENT_CONVERSATION}/accept", agent.AcceptView.as_view(), name="agent-accept"),
    path(f"{AGENT_CONVERSATION}/messages", agent.AgentMessageView.as_view(), name="agent-messages"),
    path(f"{AGENT_CONVERSATION}/note", agent.NoteView.as_view(), name="agent-note"),
    path(f"{AGENT_CONVERSATION}/handback", agent.HandbackView.as_view(), name="agent-handback"),
    path(f"{AGENT_CONVERSATION}/close", agent.CloseView.as_view(), name="agent-close"),
    path(
        "agent/contact-requests",
        agent.ContactRequestListView.as_view(),
        name="agent-contact-requests",
    ),
    path(
        "agent/contact-requests/<str:contact_request_id>",
        agent.ContactRequestDetailView.as_view(),
        name="agent-contact-request",
    ),
    path(
        "agent/contact-requests/<str:contact_request_id>/handled",
        agent.ContactRequestHandledView.as_view(),
        name="agent-contact-request-handled",
    ),
]
