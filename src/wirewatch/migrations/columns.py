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

from typing import Any

import sqlalchemy as sa


def timestamp(name: str, *, nullable: bool = False, **options: Any) -> sa.Column[Any]:
    """A timezone-aware date and time (the models' ``UtcDateTime``)."""
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable, **options)


def date(name: str, *, nullable: bool = False, **options: Any) -> sa.Column[Any]:
    return sa.Column(name, sa.Date(), nullable=nullable, **options)


def string(name: str, length: int, *, nullable: bool = False, **options: Any) -> sa.Column[Any]:
    """A ``VARCHAR(length)``."""
    return sa.Column(name, sa.String(length=length), nullable=nullable, **options)


def text(name: str, *, nullable: bool = False, **options: Any) -> sa.Column[Any]:
    return sa.Column(name, sa.Text(), nullable=nullable, **options)


def json(name: str, *, nullable: bool = False, **options: Any) -> sa.Column[Any]:
    return sa.Column(name, sa.JSON(), nullable=nullable, **options)


def integer(name: str, *, nullable: bool = False, **options: Any) -> sa.Column[Any]:
    return sa.Column(name, sa.Integer(), nullable=nullable, **options)


def big_integer(name: str, *, nullable: bool = False, **options: Any) -> sa.Column[Any]:
    return sa.Column(name, sa.BigInteger(), nullable=nullable, **options)


def floating(name: str, *, nullable: bool = False, **options: Any) -> sa.Column[Any]:
    """A ``FLOAT``."""
    return sa.Column(name, sa.Float(), nullable=nullable, **options)


def boolean(name: str, *, nullable: bool = False, **options: Any) -> sa.Column[Any]:
    return sa.Column(name, sa.Boolean(), nullable=nullable, **options)
