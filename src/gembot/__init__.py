"""Gem: open-source virtual assistant for Dutch municipalities."""

__version__ = "0.1.0"
