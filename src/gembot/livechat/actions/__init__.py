"""Every live-chat write goes through one of these actions (views, consumers, admin and
commands call them): they validate, write in a transaction and send realtime events with
``transaction.on_commit``.

Lock order: the conversation row first (``select_for_update``), then its handover rows. The
resident's message action locks the conversation row too, so all writers of one
conversation queue up behind each other and cannot deadlock.
"""
