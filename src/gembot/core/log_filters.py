"""Logging filter that scrubs personal data from every log record before it is written."""

from __future__ import annotations

import logging

from gembot.conversations.privacy import scrub

_formatter = logging.Formatter()


class ScrubPersonalDataFilter(logging.Filter):
    """Replace personal data in the message and the traceback of a record by placeholders."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except (TypeError, ValueError):
            message = str(record.msg)
        record.msg = scrub(message).text
        record.args = None
        if record.exc_info:
            record.exc_text = scrub(_formatter.formatException(record.exc_info)).text
            record.exc_info = None
        return True
