"""The content admin (Dutch): topics, answers, examples, variables, editors, change log."""

from gembot.content.admin import topics, variables  # noqa: F401 - registers the admins
