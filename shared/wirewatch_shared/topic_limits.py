"""A user topic's size limits, in a module that imports nothing, so the CLI's help text can name
them without loading the event models (pydantic). ``events`` enforces them.

A user topic's definition fits one record by these (stop 39: 1,000 phrases of 2,000 characters
under 8 keys was ~96 MB at worst, so such a topic was stored, then never announced). A shipped
topic's largest group holds 263 phrases, its longest is 47 characters. Refused, never cut, where
a topic is defined (a cut list matches others)."""

PHRASES_MAX = 300
"""Most phrases of a user topic."""
PHRASE_MAX = 100
"""Longest phrase of a user topic."""
