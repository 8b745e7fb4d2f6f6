"""``wirewatch deliveries list|replay``: the delivery log and dead letters."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table

from wirewatch.cli.common import DatabaseUrl
from wirewatch.cli.errors import NotFound, UserError
from wirewatch.cli.notify_common import notify_engine
from wirewatch.cli.progress import counting

if TYPE_CHECKING:
    from wirewatch_notify.models import Delivery

app = typer.Typer(help="Inspect and replay deliveries.", no_args_is_help=True)

Failed = Annotated[bool, typer.Option("--failed", help="Only dead or retrying ones.")]
SubscriptionFilter = Annotated[int | None, typer.Option("--subscription")]
Status = Annotated[str | None, typer.Option("--status", help="pending, held, sent, dead...")]
Limit = Annotated[int, typer.Option("--limit")]
REPLAY_CHUNK = 500

AllDead = Annotated[bool, typer.Option("--all-dead", help="Replay every dead delivery.")]


def _row(d: Delivery) -> tuple[str, ...]:
    waiting = d.status in ("pending", "held")
    return (
        str(d.id),
        str(d.subscription_id),
        d.kind,
        d.item_id[:16],
        d.status,
        str(d.attempts),
        (d.last_error or "")[:60],
        d.next_attempt_at.isoformat(timespec="seconds") if waiting else "",
        d.sent_at.isoformat(timespec="seconds") if d.sent_at else "",
    )


@app.command("list")
def deliveries_list(
    failed: Failed = False,
    subscription: SubscriptionFilter = None,
    status: Status = None,
    limit: Limit = 500,
    database_url: DatabaseUrl = None,
) -> None:
    """Show the delivery log (newest first)."""
    from wirewatch_notify import outbox
    from wirewatch_notify.models import DeliveryStatus

    statuses = sorted(v for k, v in vars(DeliveryStatus).items() if k.isupper())
    if status is not None and status not in statuses:
        raise UserError(f"unknown status {status!r}; one of: {', '.join(statuses)}")
    rows = outbox.list_deliveries(
        notify_engine(database_url),
        subscription_id=subscription,
        status=status,
        failed=failed,
        limit=limit,
    )
    table = Table(
        "id", "subscription", "kind", "item", "status", "attempts", "last error", "next", "sent"
    )
    for d in rows:
        table.add_row(*_row(d))
    Console(width=200).print(table)


@app.command("replay")
def deliveries_replay(
    delivery_id: Annotated[int | None, typer.Argument()] = None,
    all_dead: AllDead = False,
    database_url: DatabaseUrl = None,
) -> None:
    """Put dead deliveries back in the queue."""
    from wirewatch_notify import dead_letters, outbox

    if (delivery_id is None) == (not all_dead):
        raise UserError("give a delivery ID or --all-dead")
    engine = notify_engine(database_url)
    if delivery_id is not None:
        found = outbox.kind_and_status(engine, delivery_id)
        if found is None:
            raise NotFound(f"no delivery with id {delivery_id}")
        kind, status = found
        if status != "dead":
            raise NotFound(f"delivery {delivery_id} is {status}, not dead: nothing to replay")
        if kind == "test":
            raise UserError(
                f"delivery {delivery_id} is a test send: not replayed (`wirewatch "
                "subscriptions test ID` sends a new one)"
            )
        if not dead_letters.replay(engine, [delivery_id]):
            raise UserError(
                f"delivery {delivery_id} stays dead: its subscription is paused or disabled "
                "(make it active again, then replay)"
            )
        typer.echo(f"replayed delivery {delivery_id}")
        return
    ids = dead_letters.dead_ids(engine)
    replayed = 0
    with counting("replaying dead deliveries", total=len(ids)) as advance:
        for start in range(0, len(ids), REPLAY_CHUNK):
            chunk = ids[start : start + REPLAY_CHUNK]
            replayed += dead_letters.replay(engine, chunk)
            advance(len(chunk))
    typer.echo(f"replayed {replayed} dead deliveries")
    if replayed < len(ids):
        typer.echo(
            f"{len(ids) - replayed} stay dead: their subscription is paused or disabled "
            "(make it active again, then replay)"
        )
