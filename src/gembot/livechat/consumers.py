"""The agent console's websocket: ``/ws/console/``.

Signed in with the console's session (the Origin must be one of Gem's hosts) or, for API
clients, with an ``Authorization: Token <token>`` header.

In: ``{"type": "watch"|"unwatch", "conversation": id}``, ``{"type": "typing",
"conversation": id}``, ``{"type": "message", "conversation": id, "text": "...", "ref": any}``
and ``{"type": "ping"}``.
Out: ``queue`` and ``note`` events of the agent's municipalities; ``messages``, ``typing``
and ``state`` of watched conversations (each with ``conversation``); ``sent`` (with the
``ref`` of a message), ``pong``, ``error``.
"""

from __future__ import annotations

import asyncio
import logging
from functools import partial
from urllib.parse import urlparse

from channels.auth import AuthMiddlewareStack
from channels.db import database_sync_to_async
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from rest_framework.authtoken.models import Token

from gembot.conversations.events import conversation_group, message_payload
from gembot.core.api_errors import ApiError
from gembot.core.throttling import conversation_ident
from gembot.core.websocket import GemJsonConsumer
from gembot.livechat.access import access_conversation_for_agent, municipality_ids_for
from gembot.livechat.actions import presence
from gembot.livechat.actions.agent import send_agent_message
from gembot.livechat.actions.common import agent_name
from gembot.livechat.actions.handover import expire_overdue
from gembot.livechat.events import municipality_group
from gembot.livechat.models import Handover, HandoverState, Role

logger = logging.getLogger(__name__)

# Database work of the console runs in a thread pool, not in the one thread Channels uses
# per process by default: agents' messages then wait for the database in parallel.
# (Tests that share their transaction with the consumer swap in the default.)
run_db = partial(database_sync_to_async, thread_sensitive=False)

FORWARDED = {
    "conversation.messages": "messages",
    "conversation.typing": "typing",
    "conversation.state": "state",
}


def _token_user(key: str):
    token = Token.objects.select_related("user").filter(key=key).first()
    return token.user if token is not None else None


class ConsoleAuthMiddleware:
    """Token header for API clients; otherwise the session, only from Gem's own origin."""

    def __init__(self, inner):
        self.inner = inner
        self.with_session = AuthMiddlewareStack(inner)

    async def __call__(self, scope, receive, send):
        headers = dict(scope.get("headers") or [])
        scheme, _, key = headers.get(b"authorization", b"").decode("latin-1").partition(" ")
        if scheme.lower() == "token" and key.strip():
            user = await database_sync_to_async(_token_user)(key.strip())
            scope = {**scope, "user": user or AnonymousUser()}
            return await self.inner(scope, receive, send)
        origin = headers.get(b"origin", b"").decode("latin-1")
        if not _same_site(origin, headers.get(b"host", b"").decode("latin-1")):
            scope = {**scope, "user": AnonymousUser()}  # no cross-site websocket hijacking
            return await self.inner(scope, receive, send)
        return await self.with_session(scope, receive, send)


def _same_site(origin: str, host: str) -> bool:
    """The page that opened the socket is Gem's own (same host), or a trusted origin.

    ALLOWED_HOSTS is not enough: with "*" any website would pass and could use a signed-in
    agent's session (cross-site websocket hijacking).
    """
    netloc = urlparse(origin).netloc
    if not netloc:
        return False
    return netloc.lower() == host.lower() or origin in settings.CSRF_TRUSTED_ORIGINS


def console_application():
    return ConsoleAuthMiddleware(ConsoleConsumer.as_asgi())


class ConsoleConsumer(GemJsonConsumer):
    user = None
    municipality_ids: frozenset[int] = frozenset()

    async def connect(self) -> None:
        user = self.scope.get("user")
        ids = await run_db(self._sign_in)(user)
        if not ids:
            await self.close(code=4403)
            return
        self.user, self.municipality_ids = user, ids
        self.taps: dict[str, tuple[str, str, asyncio.Task]] = {}
        self.mine: set[str] = set()
        for municipality_id in ids:
            await self.channel_layer.group_add(
                municipality_group(municipality_id), self.channel_name
            )
        await self.accept()
        own = await run_db(self._own_conversations)()
        for conversation_id in own:
            await self._watch(conversation_id)
        await self.send_json({"type": "connected", "agent": agent_name(user), "watching": own})

    def _sign_in(self, user) -> frozenset[int]:
        ids = municipality_ids_for(user, Role.AGENT)
        if ids:
            presence.touch(user)
        return ids

    def _own_conversations(self) -> list[str]:
        rows = Handover.objects.filter(agent=self.user, state=HandoverState.ACTIVE).values_list(
            "conversation_id", flat=True
        )
        self.mine = {str(row) for row in rows}
        return sorted(self.mine)

    async def disconnect(self, code: int) -> None:
        for municipality_id in self.municipality_ids:
            await self.channel_layer.group_discard(
                municipality_group(municipality_id), self.channel_name
            )
        for conversation_id in list(getattr(self, "taps", {})):
            await self._unwatch(conversation_id)

    # --- watching conversations -----------------------------------------------------------
    # The resident consumer's events carry no conversation id (typing does not), so every
    # watched conversation gets its own channel in that conversation's group, and a small
    # task forwards from it with the id added.

    async def _watch(self, conversation_id: str) -> None:
        if conversation_id in self.taps:
            return
        group = conversation_group(conversation_id)
        channel = await self.channel_layer.new_channel()
        await self.channel_layer.group_add(group, channel)
        task = asyncio.create_task(self._pump(conversation_id, channel))
        self.taps[conversation_id] = (group, channel, task)

    async def _unwatch(self, conversation_id: str) -> None:
        tap = self.taps.pop(conversation_id, None)
        if tap is None:
            return
        group, channel, task = tap
        task.cancel()
        await self.channel_layer.group_discard(group, channel)

    async def _pump(self, conversation_id: str, channel: str) -> None:
        delay = 0.5
        while True:
            try:
                event = await self.channel_layer.receive(channel)
            except asyncio.CancelledError:
                raise
            except Exception as error:  # a layer hiccup: try again, the console reloads anyway
                logger.warning("console tap: %s; retrying", type(error).__name__)
                await asyncio.sleep(delay)
                delay = min(delay * 2, 5.0)
                continue
            delay = 0.5
            kind = FORWARDED.get(event.get("type"))
            if kind is None:
                continue
            body = {k: v for k, v in event.items() if k != "type"}
            if kind == "messages":
                body["state"] = body.pop("status", None)
            await self.send_json({**body, "type": kind, "conversation": conversation_id})

    # --- from the browser -----------------------------------------------------------------

    async def receive_json(self, content, **kwargs) -> None:
        if not isinstance(content, dict):
            return await self._error(
                400, "invalid", "Onbekend bericht.", "Unknown message.", ref=None
            )
        # One spelling of the id, so group names match the resident's side.
        kind = content.get("type")
        conversation_id = conversation_ident(content.get("conversation") or "")
        try:
            if kind == "ping":
                await run_db(self._ping)()
                await self.send_json({"type": "pong"})
            elif kind == "watch":
                conversation_id = await run_db(self._check)(conversation_id)
                await self._watch(conversation_id)
                await self.send_json({"type": "watching", "conversation": conversation_id})
            elif kind == "unwatch":
                await self._unwatch(conversation_id)
            elif kind == "typing":
                if await run_db(self._is_mine)(conversation_id):
                    await self.channel_layer.group_send(
                        conversation_group(conversation_id),
                        {"type": "conversation.typing", "sender": "agent"},
                    )
            elif kind == "message":
                message = await run_db(send_agent_message)(
                    self.user, conversation_id, content.get("text")
                )
                self.mine.add(conversation_id)
                await self._watch(conversation_id)
                await self.send_json(
                    {
                        "type": "sent",
                        "ref": content.get("ref"),
                        "conversation": conversation_id,
                        "message": message_payload(message),
                    }
                )
            else:
                await self._error(
                    400, "unknown_type", "Onbekend berichttype.", "Unknown type.", ref=None
                )
        except ApiError as error:
            await self._error(
                error.status_code,
                error.code,
                error.message,
                error.message_en,
                ref=content.get("ref"),
            )

    def _ping(self) -> None:
        presence.touch(self.user)
        expire_overdue(self.municipality_ids)

    def _check(self, conversation_id: str) -> str:
        return str(access_conversation_for_agent(self.user, conversation_id).id)

    def _is_mine(self, conversation_id: str) -> bool:
        if conversation_id in self.mine:
            return True
        access_conversation_for_agent(self.user, conversation_id)
        if Handover.objects.filter(
            conversation_id=conversation_id, agent=self.user, state=HandoverState.ACTIVE
        ).exists():
            self.mine.add(conversation_id)
            return True
        return False

    # --- from the municipality's group ----------------------------------------------------

    async def livechat_queue(self, event: dict) -> None:
        await self.send_json({**event, "type": "queue"})

    async def livechat_note(self, event: dict) -> None:
        await self.send_json({**event, "type": "note"})
