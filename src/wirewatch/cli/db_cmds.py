"""``wirewatch db upgrade|current``: the database schema (one Alembic history)."""

from __future__ import annotations

from typing import Annotated

import typer

from wirewatch.cli.common import DatabaseUrl
from wirewatch.cli.errors import UserError

app = typer.Typer(help="Database schema migrations.", no_args_is_help=True)

Revision = Annotated[
    str, typer.Option("--revision", help="Target revision (default: this release's).")
]


@app.command("upgrade")
def db_upgrade(database_url: DatabaseUrl = None, revision: Revision = "heads") -> None:
    """Bring the database to this release's schema (run once per release, before the
    services, on PostgreSQL; SQLite is upgraded on start)."""
    from wirewatch_shared.db import make_engine
    from wirewatch_shared.settings import CommonSettings

    from wirewatch.schema import upgrade

    engine = make_engine(database_url or CommonSettings().database_url)
    try:
        # Read under the migration lock: a run that waited for another one says so.
        before, after, adopted = upgrade(engine, revision)
    except Exception as exc:
        # One line, naming the setting; the URL (it may hold a password) is not shown.
        orig = getattr(exc, "orig", None) or exc
        reason = (str(orig).splitlines() or [type(exc).__name__])[0]
        raise UserError(f"database upgrade failed (WIREWATCH_DATABASE_URL): {reason}") from None
    finally:
        engine.dispose()
    if adopted:
        typer.echo(f"database schema upgraded from {before} (no version table) to {after}")
    elif before == after:
        typer.echo(f"database schema already at revision {after}")
    else:
        typer.echo(f"database schema upgraded from {before or 'none'} to {after}")


@app.command("current")
def db_current(database_url: DatabaseUrl = None) -> None:
    """Print the database's schema revision and this release's."""
    from wirewatch_shared.db import make_engine
    from wirewatch_shared.settings import CommonSettings

    from wirewatch.schema import current_revision, head

    engine = make_engine(database_url or CommonSettings().database_url)
    try:
        found = current_revision(engine)
    finally:
        engine.dispose()
    typer.echo(f"database: {found or 'none'}; this release: {head()}")
