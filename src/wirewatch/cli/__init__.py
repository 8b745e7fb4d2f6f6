"""The ``wirewatch`` command.

Each command module holds a module-level ``typer.Typer`` named ``app`` with its
commands (options as ``Annotated`` aliases; a group that several commands share, as a
dataclass of them under ``common.option_groups``). This file only mounts them: a module
of top-level commands with ``app.add_typer(module.app)``, a command group with
``app.add_typer(module.app, name="group")``. A new service's commands go in a new
module (e.g. ``stories_cmds.py``) and one line below.
"""

from __future__ import annotations

import sys

import typer

from wirewatch.cli import (
    classify_cmds,
    db_cmds,
    deliveries_cmds,
    docs_cmds,
    feeds_cmds,
    flights_cmds,
    ingest_cmds,
    kafka_cmds,
    model_cmds,
    run_cmds,
    status_cmds,
    stories_cmds,
    subscribe_cmds,
    subscriptions_cmds,
    tokens_cmds,
    topics_cmds,
)
from wirewatch.cli.errors import UserError

app = typer.Typer(
    name="wirewatch",
    help="News-monitoring alerts: feeds in, tagged items out, alerts by email and webhook.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
# top-level commands
app.add_typer(run_cmds.app)  # up, service, ingest, notify
app.add_typer(status_cmds.app)  # status
app.add_typer(ingest_cmds.app)  # parse
app.add_typer(classify_cmds.app)  # classify, eval, reclassify
app.add_typer(model_cmds.app)  # classify-split, train
app.add_typer(subscribe_cmds.app)  # subscribe
app.add_typer(docs_cmds.app)  # asyncapi
# command groups
app.add_typer(kafka_cmds.app, name="kafka-topics")
app.add_typer(db_cmds.app, name="db")
app.add_typer(feeds_cmds.app, name="feeds")
app.add_typer(topics_cmds.app, name="topics")
app.add_typer(subscriptions_cmds.app, name="subscriptions")
app.add_typer(deliveries_cmds.app, name="deliveries")
app.add_typer(tokens_cmds.app, name="tokens")
app.add_typer(stories_cmds.app, name="stories")
app.add_typer(flights_cmds.app, name="flights")


def one_line(text: str) -> str:
    """Whitespace (newlines included) folded: an error is one line on stderr."""
    return " ".join(text.split())


def _usage_error(exc: Exception) -> tuple[str, int] | None:
    """Click's usage errors (wrong option, bad value, missing argument), as one line.
    Duck-typed: Typer ships its own copy of click's exception classes."""
    formatted = getattr(exc, "format_message", None)
    code = getattr(exc, "exit_code", None)
    if not callable(formatted) or not isinstance(code, int):
        return None
    return str(formatted()).replace("Value error, ", ""), code


def _settings_error(exc: Exception) -> str | None:
    """An invalid ``WIREWATCH_*`` variable, as one line naming it (the settings classes
    never echo values). Its dependants' "default factory not called" are left out: they
    named ``database_url`` beside whatever was wrong."""
    from pydantic import ValidationError

    if not isinstance(exc, ValidationError) or not exc.title.endswith("Settings"):
        return None
    errors = [e for e in exc.errors() if e["type"] != "default_factory_not_called"]
    first = (errors or exc.errors())[0]
    field = "_".join(str(part) for part in first["loc"])
    name = f" WIREWATCH_{field.upper()}" if field else ""
    more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
    return f"invalid setting{name}: {first['msg'].replace('Value error, ', '')}{more}"


def _unexpected(exc: Exception) -> str:
    """The last resort's line: a database that cannot be reached says which setting."""
    from sqlalchemy.exc import DBAPIError, OperationalError

    if isinstance(exc, OperationalError | DBAPIError):
        reason = str(exc.orig).splitlines()[0] if exc.orig is not None else str(exc)
        return f"cannot use the database (WIREWATCH_DATABASE_URL): {reason}"
    return f"{type(exc).__name__}: {exc}"


def main() -> None:
    """Entry point: bad input gives one clear line on stderr and a non-zero exit (2 for
    bad input, 1 for an unknown id), never a traceback."""
    try:
        app(standalone_mode=False)
    except UserError as exc:
        print(f"error: {one_line(str(exc))}", file=sys.stderr)
        sys.exit(exc.exit_code)
    except (typer.Abort, KeyboardInterrupt):
        sys.exit(130)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except SystemExit:
        raise
    except Exception as exc:  # last resort: never a traceback for the user
        setting = _settings_error(exc)
        if setting is not None:
            print(f"error: {one_line(setting)}", file=sys.stderr)
            sys.exit(2)
        usage = _usage_error(exc)
        if usage is not None:
            print(f"error: {one_line(usage[0])} (see --help)", file=sys.stderr)
            sys.exit(usage[1])
        print(f"error: {one_line(_unexpected(exc))}", file=sys.stderr)
        sys.exit(1)
