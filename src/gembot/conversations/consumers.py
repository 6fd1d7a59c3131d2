"""Websocket of a resident: ``/ws/conversations/<id>/``.

The first frame authenticates: ``{"type": "auth", "token": "<token>"}`` (within
``AUTH_SECONDS``). The token in the query string (``?token=``) also works, but URLs end up in
proxy logs, so clients should use the first frame.

Messages in: ``{"type": "message", "text": "..."}`` and ``{"type": "typing"}``.
Events out: ``{"type": "messages", "messages": [...], "state": "..."}``,
``{"type": "typing", "sender": "agent"}`` and ``{"type": "error", "error": {...}}``.
"""

from __future__ import annotations

import asyncio
from urllib.parse import parse_qs

from channels.db import database_sync_to_async

from gembot.conversations import actions
from gembot.conversations.access import access_conversation_by_token
from gembot.conversations.events import conversation_group
from gembot.conversations.models import Channel
from gembot.core.api_errors import ApiError
from gembot.core.throttling import resident_message_allowed
from gembot.core.websocket import GemJsonConsumer

CLOSE_CODES = {401: 4401, 403: 4403, 404: 4404}
AUTH_SECONDS = 10  # time a client has to send its token in the first frame


class ResidentConsumer(GemJsonConsumer):
    conversation_id: str
    token: str | None
    group: str

    async def connect(self) -> None:
        self.conversation_id = self.scope["url_route"]["kwargs"]["conversation_id"]
        query = parse_qs(self.scope.get("query_string", b"").decode())
        self.token = (query.get("token") or [None])[0]
        self.deadline: asyncio.Task | None = None
        if self.token is None:  # the token comes in the first frame
            await self.accept()
            self.deadline = asyncio.create_task(self._close_unless_authenticated())
            return
        if await self._authenticate(self.token):
            await self.accept()
            await self._joined()

    async def _authenticate(self, token: str | None) -> bool:
        try:
            conversation = await database_sync_to_async(access_conversation_by_token)(
                self.conversation_id, token
            )
        except ApiError as error:
            await self.close(code=CLOSE_CODES.get(error.status_code, 4400))
            return False
        self.token = token
        self.status = conversation.status
        self.group = conversation_group(conversation.id)
        await self.channel_layer.group_add(self.group, self.channel_name)
        return True

    async def _joined(self) -> None:
        await self.send_json({"type": "connected", "state": self.status})

    async def _close_unless_authenticated(self) -> None:
        await asyncio.sleep(AUTH_SECONDS)
        if not hasattr(self, "group"):
            await self.close(code=4401)

    async def disconnect(self, code: int) -> None:
        if self.deadline is not None:
            self.deadline.cancel()
        if hasattr(self, "group"):
            await self.channel_layer.group_discard(self.group, self.channel_name)

    async def receive_json(self, content, **kwargs) -> None:
        kind = content.get("type") if isinstance(content, dict) else None
        if not hasattr(self, "group"):
            token = content.get("token") if kind == "auth" else None
            if not isinstance(token, str) or not token:
                await self.close(code=4401)
                return
            if await self._authenticate(token):
                if self.deadline is not None:
                    self.deadline.cancel()
                await self._joined()
            return
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
