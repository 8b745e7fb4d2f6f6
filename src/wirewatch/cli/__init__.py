"""The ``wirewatch`` command.

Each command module holds a module-level ``typer.Typer`` named ``app`` with its
commands (options as ``Annotated`` aliases). This file only mounts them: a module
of top-level commands with ``app.add_typer(module.app)``, a command group with
``app.add_typer(module.app, name="group")``. A new service's commands go in a new
module (e.g. ``stories_cmds.py``) and one line below.
"""

from __future__ import annotations

import sys

import typer

from wirewatch.cli import (
    classify_cmds,
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
app.add_typer(feeds_cmds.app, name="feeds")
app.add_typer(topics_cmds.app, name="topics")
app.add_typer(subscriptions_cmds.app, name="subscriptions")
app.add_typer(deliveries_cmds.app, name="deliveries")
app.add_typer(tokens_cmds.app, name="tokens")
app.add_typer(stories_cmds.app, name="stories")
app.add_typer(flights_cmds.app, name="flights")


def main() -> None:
    """Entry point: bad input gives one clear line on stderr and a non-zero exit."""
    try:
        app(standalone_mode=False)
    except UserError as exc:
        print(f"error: {exc}", file=sys.stderr)
        sys.exit(2)
    except (typer.Abort, KeyboardInterrupt):
        sys.exit(130)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except SystemExit:
        raise
    except Exception as exc:  # last resort: never a traceback for the user
        import click

        if isinstance(exc, click.ClickException):
            exc.show()
            sys.exit(exc.exit_code)
        print(f"error: {type(exc).__name__}: {exc}", file=sys.stderr)
        sys.exit(1)
