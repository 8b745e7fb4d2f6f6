"""Text helpers every stage shares."""

from __future__ import annotations

import unicodedata


def strip_accents(text: str) -> str:
    """``text`` decomposed (NFKD) without its combining marks: ``Guantánamo`` -> ``Guantanamo``,
    ``ﬁ`` -> ``fi``. ASCII text is returned as it is (nothing to decompose)."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
