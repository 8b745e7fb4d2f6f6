"""``wirewatch tokens create|list|revoke``: API tokens of the subscriptions API."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from wirewatch.cli.common import DatabaseUrl
from wirewatch.cli.errors import NotFound, UserError
from wirewatch.cli.notify_common import notify_engine

app = typer.Typer(help="API tokens.", no_args_is_help=True)


@app.command("create")
def tokens_create(
    name: Annotated[str, typer.Argument(help="What the token is for.")],
    database_url: DatabaseUrl = None,
) -> None:
    """Create an API token; it is printed once (only its hash is stored)."""
    from wirewatch_notify import tokens

    try:
        created = tokens.create_token(notify_engine(database_url), name)
    except ValueError as exc:
        raise UserError(str(exc)) from exc
    typer.echo(f"token {created.token.id} ({created.token.name}), shown once:")
    typer.echo(created.plaintext)


@app.command("list")
def tokens_list(database_url: DatabaseUrl = None) -> None:
    """List API tokens (never their value)."""
    from wirewatch_notify import tokens

    table = Table("id", "name", "owner", "created", "revoked")
    for token in tokens.list_tokens(notify_engine(database_url)):
        table.add_row(
            str(token.id),
            token.name,
            token.owner,
            token.created_at.isoformat(timespec="seconds"),
            token.revoked_at.isoformat(timespec="seconds") if token.revoked_at else "",
        )
    Console(width=200).print(table)


@app.command("revoke")
def tokens_revoke(
    token_id: Annotated[int, typer.Argument()], database_url: DatabaseUrl = None
) -> None:
    """Revoke an API token (its subscriptions stay, unreachable through the API)."""
    from wirewatch_notify import tokens

    if not tokens.revoke_token(notify_engine(database_url), token_id):
        raise NotFound(f"no live token with id {token_id}")
    typer.echo(f"revoked token {token_id}")
