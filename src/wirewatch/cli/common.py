"""Options and helpers shared by the command modules."""

from __future__ import annotations

import dataclasses
import functools
import inspect
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, TYPE_CHECKING, Annotated, Any, TypeVar, get_type_hints

import typer
from wirewatch_shared.jsonlines import json_lines

from wirewatch.cli.errors import UserError

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from wirewatch.runtime import Runtime

# The database layer (sqlmodel, SQLAlchemy) and the settings (pydantic-settings, structlog)
# are imported by the helpers that use them: every `wirewatch` process imports this module,
# and `--help`, a usage error or an offline command need neither (about 1 s per process).

DatabaseUrl = Annotated[
    str | None, typer.Option("--database-url", help="Default: WIREWATCH_DATABASE_URL.")
]
"""``--database-url``, accepted by every command that reads or writes the database."""

TopicsDir = Annotated[
    Path | None,
    typer.Option(
        "--topics-dir",
        envvar="WIREWATCH_CLASSIFY_TOPICS_DIR",
        help="Topic files overriding or extending the shipped ones.",
    ),
]
"""``--topics-dir``: classification topic files that override or extend the shipped ones."""

InputFile = Annotated[
    Path | None, typer.Option("--input", "-i", help="JSON-lines file (default: stdin).")
]
"""``--input``/``-i`` of the offline commands that read JSON lines (default: stdin)."""
AsJson = Annotated[bool, typer.Option("--json", help="Print the report as JSON.")]
"""``--json`` of the commands that print a report (one JSON document)."""
JsonLines = Annotated[bool, typer.Option("--json", help="Print one JSON object per line.")]
"""``--json`` of the listing commands: one JSON object per listed row."""

R = TypeVar("R")


def option_groups(command: Callable[..., R]) -> Callable[..., R]:
    """Let several commands share a group of options: a parameter of ``command`` typed as a
    dataclass whose fields are options (``Annotated`` aliases with their defaults) stands,
    on the command line, for those options in that place, and receives them as one record.
    Apply it under ``@app.command``; Typer reads the spelled-out signature."""
    hints = get_type_hints(command, include_extras=True)
    groups: dict[str, type[Any]] = {}
    parameters: list[inspect.Parameter] = []
    for parameter in inspect.signature(command).parameters.values():
        hint = hints.get(parameter.name, parameter.annotation)
        if not (isinstance(hint, type) and dataclasses.is_dataclass(hint)):
            parameters.append(parameter.replace(annotation=hint))
            continue
        groups[parameter.name] = hint
        options = get_type_hints(hint, include_extras=True)
        parameters.extend(
            inspect.Parameter(f.name, parameter.kind, default=f.default, annotation=options[f.name])
            for f in dataclasses.fields(hint)
        )

    @functools.wraps(command)
    def spelled_out(**options: Any) -> R:
        for name, record in groups.items():
            fields = dataclasses.fields(record)
            options[name] = record(**{f.name: options.pop(f.name) for f in fields})
        return command(**options)

    spelled_out.__signature__ = inspect.signature(command).replace(  # type: ignore[attr-defined]
        parameters=parameters
    )
    return spelled_out


@contextmanager
def open_input(path: Path | None) -> Iterator[tuple[IO[str], str]]:
    """The text input ``path`` (else stdin) and its name for error messages; a file that
    cannot be read is one clear error. The file is closed afterwards (stdin is not)."""
    if path is None:
        yield sys.stdin, "stdin"
        return
    try:
        stream = path.open(encoding="utf-8")
    except OSError as exc:
        raise UserError(f"cannot read {path}: {exc.strerror}") from exc
    with stream:
        yield stream, str(path)


def open_database(database_url: str | None = None) -> Engine:
    """The database (``database_url``, else WIREWATCH_DATABASE_URL) at this release's
    schema: a SQLite file is upgraded, a PostgreSQL database must already be
    (``wirewatch db upgrade``)."""
    from wirewatch_shared.db import make_engine
    from wirewatch_shared.settings import CommonSettings

    from wirewatch.schema import SchemaOutOfDate, prepare

    url = database_url or CommonSettings().database_url
    try:
        engine = make_engine(url)
        prepare(engine)
    except SchemaOutOfDate as exc:
        raise UserError(str(exc)) from None
    except Exception as exc:
        # The URL may hold a password: name the setting, and the driver's first line.
        orig = getattr(exc, "orig", None) or exc
        reason = (str(orig).splitlines() or [type(exc).__name__])[0]
        raise UserError(f"cannot use the database (WIREWATCH_DATABASE_URL): {reason}") from None
    return engine


def running_system() -> Runtime | None:
    """The `wirewatch up` running on this data dir (from its runtime file), if any."""
    from wirewatch_shared.settings import CommonSettings

    from wirewatch.runtime import read_runtime

    return read_runtime(CommonSettings().data_dir)


def kafka_bootstrap() -> str | None:
    """WIREWATCH_KAFKA_BOOTSTRAP, else the broker of the running `wirewatch up`."""
    from wirewatch_shared.settings import CommonSettings

    configured = CommonSettings().kafka_bootstrap
    if configured:
        return configured
    runtime = running_system()
    return runtime.kafka_bootstrap if runtime is not None else None


def json_objects(stream: IO[str], source: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, object) of each non-blank line of a JSON-lines input; a line that is
    not a JSON object, or whose ``title``/``summary`` is neither a string nor ``null`` (read
    as empty text by every tool), is one clear error naming the source and the line."""
    for number, obj in json_lines(stream, source, UserError):
        if not isinstance(obj, dict):
            raise UserError(f"{source} line {number}: expected a JSON object")
        for key in ("title", "summary"):
            value = obj.get(key, "")
            if not isinstance(value, str) and value is not None:
                raise UserError(f"{source} line {number}: {key!r} must be a string")
        if _holds_lone_surrogate(obj):
            raise UserError(f"{source} line {number}: a lone surrogate escape (not Unicode text)")
        yield number, obj


def _holds_lone_surrogate(value: object) -> bool:
    """Whether JSON's ``\\ud800``-style escapes left a string no UTF-8 output can hold
    (every tool writes its lines back, and would crash there, past the line number)."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return True
        return False
    if isinstance(value, dict):
        return any(_holds_lone_surrogate(k) or _holds_lone_surrogate(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_holds_lone_surrogate(v) for v in value)
    return False
