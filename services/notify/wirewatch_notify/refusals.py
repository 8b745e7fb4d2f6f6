"""A refused input in plain words: the one wording of the API's 422s, the CLI's
``subscription refused: ...`` and the /subscribe form's notices.

pydantic words a validator's own ``ValueError`` as "Value error, <reason>" and a pattern
as the regular expression itself; neither is for people. The reason is said once, and
where it was refused (the field path) stays apart from it (``loc`` in the API).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from wirewatch_notify import schemas

# pydantic's prefixes of a validator's own exception message.
_PREFIXES = ("Value error, ", "Assertion failed, ")


def _pattern(annotated: Any) -> str:
    """The regular expression of an ``Annotated[str, StringConstraints(pattern=...)]``."""
    return str(next(m.pattern for m in annotated.__metadata__ if getattr(m, "pattern", None)))


# What each pattern of the request schema means, in words (keyed by the pattern itself,
# so a pattern changed in schemas.py falls back to pydantic's text, never to a wrong one).
_PATTERN_WORDS = {
    _pattern(schemas.TopicName): "a topic name is letters, digits, '.', '_' or '-'",
    _pattern(schemas.Country): "not an ISO 3166-1 alpha-2 country code",
    _pattern(schemas.Language): "a language tag like 'en' or 'pt-BR' is needed",
    _pattern(schemas.Clock): "a time as HH:MM (00:00 to 23:59) is needed",
    _pattern(schemas.EntityName): "a name with more than spaces is needed",
}


# pydantic error types whose own text is jargon ("after validation"), in words; the
# template reads the error's ``ctx``.
_TYPE_WORDS = {
    "too_long": "at most {max_length} allowed, not {actual_length}",
    "extra_forbidden": "unknown field",
}


def field_path(loc: Sequence[str | int]) -> str:
    """``("body", "routes", 0, "origin")`` -> ``routes.0.origin`` (``""``: the whole body)."""
    parts = list(loc[1:] if loc and loc[0] in ("body", "query", "path") else loc)
    return ".".join(str(p) for p in parts)


def reason(error: Mapping[str, Any]) -> str:
    """The reason of one pydantic / FastAPI error, once, in plain words."""
    msg = str(error.get("msg", ""))
    for prefix in _PREFIXES:
        if msg.startswith(prefix):
            return msg[len(prefix) :]
    ctx = error.get("ctx") or {}
    if error.get("type") == "string_pattern_mismatch":
        words = _PATTERN_WORDS.get(str(ctx.get("pattern")))
        if words:
            return f"{words}: {error.get('input')!r}"
    template = _TYPE_WORDS.get(str(error.get("type")))
    try:
        return template.format(**ctx) if template else msg
    except (KeyError, IndexError):  # a ctx without the expected keys: pydantic's own text
        return msg


def plain(error: Mapping[str, Any]) -> dict[str, Any]:
    """One entry of the documented 422 shape (``type``, ``loc``, ``msg``, ``input``):
    pydantic's ``ctx`` (an exception object, the constraint) and ``url`` left out."""
    return {
        "type": error.get("type", "value_error"),
        "loc": list(error.get("loc", ())),
        "msg": reason(error),
        "input": error.get("input"),
    }


def sentence(errors: Sequence[Mapping[str, Any]]) -> str:
    """Every problem as ``path: reason``, ``; ``-joined (the CLI's and the form's text)."""
    return "; ".join(
        f"{path}: {reason(e)}" if (path := field_path(e.get("loc", ()))) else reason(e)
        for e in errors
    )
