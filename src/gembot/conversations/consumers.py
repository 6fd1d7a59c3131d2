"""Websocket of a resident: ``/ws/conversations/<id>/?token=<token>``.

Messages in: ``{"type": "message", "text": "..."}`` and ``{"type": "typing"}``.
Events out: ``{"type": "messages", "messages": [...], "state": "..."}``,
``{"type": "typing", "sender": "agent"}`` and ``{"type": "error", "error": {...}}``.
"""

from __future__ import annotations

from urllib.parse import parse_qs

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer

from gembot.conversations import actions
from gembot.conversations.access import access_conversation_by_token
from gembot.conversations.events import conversation_group
from gembot.conversations.models import Channel
from gembot.core.api_errors import ApiError
from gembot.core.throttling import resident_message_allowed

CLOSE_CODES = {401: 4401, 403: 4403, 404: 4404}


class ResidentConsumer(AsyncJsonWebsocketConsumer):
    conversation_id: str
    token: str | None
    group: str

    async def connect(self) -> None:
        self.conversation_id = self.scope["url_route"]["kwargs"]["conversation_id"]
        query = parse_qs(self.scope.get("query_string", b"").decode())
        self.token = (query.get("token") or [None])[0]
        try:
            conversation = await database_sync_to_async(access_conversation_by_token)(
                self.conversation_id, self.token
            )
        except ApiError as error:
            await self.close(code=CLOSE_CODES.get(error.status_code, 4400))
            return
        self.group = conversation_group(conversation.id)
        await self.channel_layer.group_add(self.group, self.channel_name)
        await self.accept()
        await self.send_json({"type": "connected", "state": conversation.status})

    async def disconnect(self, code: int) -> None:
        if hasattr(self, "group"):
            await self.channel_layer.group_discard(self.group, self.channel_name)

    async def receive_json(self, content, **kwargs) -> None:
        kind = content.get("type") if isinstance(content, dict) else None
        if kind == "typing":
            await self.channel_layer.group_send(
                self.group, {"type": "conversation.typing", "sender": "resident"}
            )
            return
        if kind != "message":
            await self._error(400, "unknown_type", "Onbekend berichttype.", "Unknown type.")
            return
        if not await database_sync_to_async(resident_message_allowed)(self.conversation_id):
            await self._error(
                429,
                "too_many_requests",
                "U stuurt te veel berichten achter elkaar. Wacht even en probeer het opnieuw.",
                "Too many messages. Wait a moment and try again.",
            )
            return
        try:
            await database_sync_to_async(self._handle)(content.get("text"))
        except ApiError as error:
            await self._error(error.status_code, error.code, error.message, error.message_en)

    def _handle(self, text: object) -> None:
        text = actions.validate_resident_text(text)
        conversation = access_conversation_by_token(self.conversation_id, self.token)
        actions.handle_resident_message(conversation, text, channel=Channel.WEBSOCKET)

    async def _error(self, status: int, code: str, message: str, message_en: str) -> None:
        await self.send_json(
            {
                "type": "error",
                "status": status,
                "error": {"code": code, "message": message, "message_en": message_en},
            }
        )

    async def decode_json(self, text_data):
        try:
            return await super().decode_json(text_data)
        except ValueError:
            return None

    # --- events from the channel layer ---------------------------------------------------

    async def conversation_messages(self, event: dict) -> None:
        await self.send_json(
            {"type": "messages", "messages": event["messages"], "state": event["status"]}
        )

    async def conversation_typing(self, event: dict) -> None:
        if event.get("sender") != "resident":
            await self.send_json({"type": "typing", "sender": event.get("sender")})

    async def conversation_state(self, event: dict) -> None:
        await self.send_json({"type": "state", **{k: v for k, v in event.items() if k != "type"}})
