"""Every model table's CREATE TABLE / CREATE INDEX on SQLite and PostgreSQL, each column's
default, and the stories and flights models' field defaults: run before and after a fold of a
model helper, the two outputs must be equal (stop 54: ``utc_now_field``)."""

from __future__ import annotations

from typing import Any

import wirewatch_flights.models as flights_models
import wirewatch_stories.models as stories_models
from sqlalchemy import create_engine
from sqlalchemy.schema import CreateIndex, CreateTable

from wirewatch.schema import target_metadata


def main() -> None:
    metadata = target_metadata()
    urls = ("sqlite://", "postgresql+psycopg://postgres@127.0.0.1:5432/test")  # never connected
    for dialect in (create_engine(url).dialect for url in urls):
        for table in metadata.sorted_tables:
            print(str(CreateTable(table).compile(dialect=dialect)).strip())
            for index in sorted(table.indexes, key=lambda i: str(i.name)):
                print(str(CreateIndex(index).compile(dialect=dialect)).strip())
            for column in table.columns:
                arg: Any = getattr(column.default, "arg", None)
                print(
                    table.name,
                    column.name,
                    type(column.default).__name__,
                    getattr(arg, "__name__", None),
                )
    for module in (stories_models, flights_models):
        for name in sorted(dir(module)):
            model = getattr(module, name)
            if (
                isinstance(model, type)
                and hasattr(model, "__table__")
                and hasattr(model, "model_fields")
            ):
                for field, info in model.model_fields.items():
                    factory = info.default_factory
                    print(model.__name__, field, getattr(factory, "__name__", None), info.default)


if __name__ == "__main__":
    main()
