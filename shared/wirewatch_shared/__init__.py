"""Wirewatch shared code: settings, event schemas, topic names, DB and broker helpers."""
