"""Fixed vocabularies of the content format (no Django imports, so checks can use them)."""

ASPECTS = ("kosten", "doorlooptijd", "meenemen", "aanvragen", "waar")
KINDS = ("text", "money", "phone", "url", "email", "hours", "address")
LANGUAGES = ("nl", "en")
