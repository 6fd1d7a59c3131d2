"""Live chat: handing a conversation from Gem to a municipal employee ("doorverbinden").

Consent, the queue, the agent console and API, office hours and contact requests. The
dialogue layer talks to this app only through :mod:`gembot.livechat.routing`.
"""
