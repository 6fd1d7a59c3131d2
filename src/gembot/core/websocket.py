"""What Gem's websocket consumers share: the error frame and tolerant JSON decoding."""

from __future__ import annotations

from channels.generic.websocket import AsyncJsonWebsocketConsumer


class GemJsonConsumer(AsyncJsonWebsocketConsumer):
    async def _error(
        self, status: int, code: str, message: str, message_en: str, **extra: object
    ) -> None:
        await self.send_json(
            {
                "type": "error",
                "status": status,
                **extra,
                "error": {"code": code, "message": message, "message_en": message_en},
            }
        )

    async def decode_json(self, text_data):
        """Malformed JSON arrives as ``None``; ``receive_json`` answers it with an error."""
        try:
            return await super().decode_json(text_data)
        except ValueError:
            return None
