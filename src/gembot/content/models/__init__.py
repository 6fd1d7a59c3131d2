"""Content models; import them from here."""

from gembot.content.models.audit import ContentChange, ContentVersion
from gembot.content.models.editors import Editor
from gembot.content.models.topics import (
    ASPECTS,
    Answer,
    DisabledTopic,
    ExampleQuestion,
    TailoringQuestion,
    Topic,
)
from gembot.content.models.variables import KINDS, LocalVariable, VariableDefinition

__all__ = [
    "ASPECTS",
    "KINDS",
    "Answer",
    "ContentChange",
    "ContentVersion",
    "DisabledTopic",
    "Editor",
    "ExampleQuestion",
    "LocalVariable",
    "TailoringQuestion",
    "Topic",
    "VariableDefinition",
]
