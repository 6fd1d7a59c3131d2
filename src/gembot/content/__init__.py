"""Gem's answer library: topics, answers, example questions and local variables."""
