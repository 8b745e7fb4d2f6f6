"""The index operations revisions share: autogenerate's one-column ``ix_<table>_<column>``
indexes, created and dropped in batch mode (SQLite cannot ALTER most things).

Revisions import these, so a revision keeps doing what it did only while these do: never
change what a function here emits; add a new one instead.
"""

from __future__ import annotations

from alembic import op


def create_indexes(table: str, *columns: str, unique: bool = False) -> None:
    """One index ``ix_<table>_<column>`` per column, in the order given."""
    with op.batch_alter_table(table, schema=None) as batch_op:
        for column in columns:
            batch_op.create_index(batch_op.f(f"ix_{table}_{column}"), [column], unique=unique)


def drop_indexes(table: str, *columns: str) -> None:
    """Drop the indexes :func:`create_indexes` made, in the order given."""
    with op.batch_alter_table(table, schema=None) as batch_op:
        for column in columns:
            batch_op.drop_index(batch_op.f(f"ix_{table}_{column}"))
