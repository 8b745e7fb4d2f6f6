"""The column types revisions declare, one function each: ``timestamp("published")`` is
``sa.Column("published", sa.DateTime(timezone=True), nullable=False)``.

A column is NOT NULL unless the revision says ``nullable=True`` (almost every column here
is required); any other ``sa.Column`` option (``server_default``, ``autoincrement``) is
passed on as given. Autogenerate writes the plain ``sa.Column(...)`` form: a new revision
rewrites it with these, as it does its indexes with :mod:`wirewatch.migrations.indexes`.

Revisions import these, so a revision keeps doing what it did only while these do: never
change what a function here emits; add a new one instead.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any, Protocol

import sqlalchemy as sa


class ColumnOfType(Protocol):
    def __call__(self, name: str, *, nullable: bool = False, **options: Any) -> sa.Column[Any]:
        """``sa.Column(name, <its type>, nullable=nullable, **options)``."""
        ...


def _of_type(new_type: Callable[[], sa.types.TypeEngine[Any]]) -> ColumnOfType:
    """The helper for one column type (a fresh type object per column, as autogenerate
    writes them)."""

    def column(name: str, *, nullable: bool = False, **options: Any) -> sa.Column[Any]:
        return sa.Column(name, new_type(), nullable=nullable, **options)

    return column


timestamp = _of_type(partial(sa.DateTime, timezone=True))
"""A timezone-aware date and time (the models' ``UtcDateTime``)."""
date = _of_type(sa.Date)
text = _of_type(sa.Text)
json = _of_type(sa.JSON)
integer = _of_type(sa.Integer)
big_integer = _of_type(sa.BigInteger)
floating = _of_type(sa.Float)
"""A ``FLOAT``."""
boolean = _of_type(sa.Boolean)


def string(name: str, length: int, *, nullable: bool = False, **options: Any) -> sa.Column[Any]:
    """A ``VARCHAR(length)``."""
    return sa.Column(name, sa.String(length=length), nullable=nullable, **options)
