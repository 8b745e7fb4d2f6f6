"""The event models, and Hypothesis strategies for them read from their fields and
constraints."""

from __future__ import annotations

import inspect
import types
import typing
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

from hypothesis import strategies as st
from pydantic import AwareDatetime, BaseModel, ValidationError
from pydantic.fields import FieldInfo
from wirewatch_shared import events

EVENTS: list[type[BaseModel]] = sorted(
    (
        cls
        for _, cls in inspect.getmembers(events, inspect.isclass)
        if issubclass(cls, BaseModel)
        and cls.__module__ == events.__name__
        and not cls.__name__.startswith("_")
    ),
    key=lambda cls: cls.__name__,
)
"""Every public event model of wirewatch_shared.events, by name."""

_ZONES = st.sampled_from(
    [UTC, timezone(timedelta(hours=-5)), timezone(timedelta(hours=5, minutes=30))]
)
_JSON_VALUES = st.one_of(st.none(), st.booleans(), st.integers(-1000, 1000), st.text(max_size=20))


def _bounds(metadata: list[Any]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for item in metadata:
        for name in ("ge", "gt", "le", "lt", "max_length", "min_length", "pattern"):
            value = getattr(item, name, None)
            if value is not None:
                found[name] = value
    return found


def _strings(bounds: dict[str, Any]) -> st.SearchStrategy[str]:
    if "pattern" in bounds:
        return st.from_regex(bounds["pattern"], fullmatch=True)
    return st.text(
        min_size=bounds.get("min_length", 0), max_size=min(bounds.get("max_length", 40), 40)
    )


def _numbers(kind: type, bounds: dict[str, Any]) -> st.SearchStrategy[Any]:
    low = bounds.get("ge", bounds.get("gt"))
    high = bounds.get("le", bounds.get("lt"))
    if kind is int:
        return st.integers(
            min_value=low if low is not None else -(10**9),
            max_value=high if high is not None else 10**9,
        )
    return st.floats(min_value=low, max_value=high, allow_nan=False, allow_infinity=False)


def for_type(annotation: Any, metadata: list[Any]) -> st.SearchStrategy[Any]:
    """A strategy for one field's values (bounds from ``metadata``)."""
    if typing.get_origin(annotation) is typing.Annotated:
        return for_type(typing.get_args(annotation)[0], [*metadata, *annotation.__metadata__])
    bounds = _bounds(metadata)
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin in (typing.Union, types.UnionType):
        return st.one_of(*(for_type(a, metadata) for a in args))
    if origin is typing.Literal:
        return st.sampled_from(args)
    if origin is tuple:
        return st.lists(for_type(args[0], []), max_size=min(bounds.get("max_length", 3), 3)).map(
            tuple
        )
    if origin is dict:
        return st.dictionaries(st.text(max_size=10), _JSON_VALUES, max_size=3)
    if annotation is type(None):
        return st.none()
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return instances(annotation)
    if annotation is AwareDatetime or annotation is datetime:
        return st.datetimes(timezones=_ZONES)
    if annotation is date:
        return st.dates()
    if annotation is bool:
        return st.booleans()
    if annotation in (int, float):
        return _numbers(annotation, bounds)
    if annotation is str:
        return _strings(bounds)
    raise TypeError(f"no strategy for {annotation!r}: add one to tests/shared/support.py")


def _field(info: FieldInfo) -> st.SearchStrategy[Any]:
    return for_type(info.annotation, list(info.metadata))


def instances(model: type[BaseModel]) -> st.SearchStrategy[Any]:
    """Valid instances of ``model``: every field drawn (defaults included), the few
    combinations its validators refuse filtered out."""

    def build(values: dict[str, Any]) -> BaseModel | None:
        try:
            return model.model_validate(values)
        except ValidationError:
            return None

    fields = {name: _field(info) for name, info in model.model_fields.items()}
    return st.fixed_dictionaries(fields).map(build).filter(lambda event: event is not None)
