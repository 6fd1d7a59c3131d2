"""Every write to the content goes through one of these functions (see docs/adr/0002)."""

from gembot.content.actions.audit import bump_version, current_version
from gembot.content.actions.topics import (
    delete_content,
    disable_topic,
    enable_topic,
    save_answer,
    save_disabled_topic,
    save_example,
    save_tailoring_question,
    save_topic,
    set_examples,
)
from gembot.content.actions.variables import (
    save_editor,
    save_local_variable,
    save_variable_definition,
    set_local_variable,
)

__all__ = [
    "bump_version",
    "current_version",
    "delete_content",
    "disable_topic",
    "enable_topic",
    "save_answer",
    "save_disabled_topic",
    "save_editor",
    "save_example",
    "save_local_variable",
    "save_tailoring_question",
    "save_topic",
    "save_variable_definition",
    "set_examples",
    "set_local_variable",
]
