"""The ``wirewatch`` command. Each group of commands lives in its own module."""

from __future__ import annotations

import sys

import typer

from wirewatch.cli import classify_cmds, ingest_cmds, model_cmds, notify_cmds, ops_cmds
from wirewatch.cli.errors import UserError

app = typer.Typer(
    name="wirewatch",
    help="News-monitoring alerts: feeds in, tagged items out, alerts by email and webhook.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
for module in (ops_cmds, ingest_cmds, classify_cmds, model_cmds, notify_cmds):
    module.register(app)


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
