"""``wirewatch subscriptions list|show|pause|enable|remove|test|rotate-secret``."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table

from wirewatch.cli.common import DatabaseUrl
from wirewatch.cli.errors import NotFound, UserError, reported_as_user_error
from wirewatch.cli.notify_common import notify_engine, notify_settings

if TYPE_CHECKING:
    from wirewatch_notify.models import Subscription
    from wirewatch_notify.schemas import TestSendResult

app = typer.Typer(
    help="List, show, pause, enable, test or remove subscriptions.", no_args_is_help=True
)

SubscriptionId = Annotated[int, typer.Argument()]
REPLAY_CHUNK = 500


def _mode(sub: Subscription) -> str:
    mode = f"digest {sub.digest_interval_minutes}m" if sub.mode == "digest" else "instant"
    if sub.alert_mode == "story":
        followup = f" (+1 at {sub.followup_outlets} outlets)" if sub.followup_outlets else ""
        mode += f", per story{followup}"
    if sub.quiet_start:
        mode += f", quiet {sub.quiet_start}-{sub.quiet_end} {sub.timezone}"
    return mode


@app.command("list")
def subscriptions_list(database_url: DatabaseUrl = None) -> None:
    """List every subscription (all owners)."""
    from wirewatch_notify import subscriptions

    table = Table(
        "id", "owner", "topics", "channel", "target", "min score", "mode", "status", "reason"
    )
    for sub in subscriptions.list_subscriptions(notify_engine(database_url)):
        table.add_row(
            str(sub.id),
            sub.owner,
            ", ".join(sub.topics),
            sub.channel,
            sub.target,
            f"{sub.min_score:.2f}",
            _mode(sub),
            subscriptions.status_of(sub),
            sub.disabled_reason or "",
        )
    Console(width=200).print(table)


@app.command("show")
def subscriptions_show(subscription_id: SubscriptionId, database_url: DatabaseUrl = None) -> None:
    """One subscription: its filters, status (and why it is disabled), its deliveries."""
    from wirewatch_notify import outbox, subscriptions

    engine = notify_engine(database_url)
    sub = subscriptions.get_subscription(engine, subscription_id)
    if sub is None:
        raise NotFound(f"no subscription with id {subscription_id}")
    [view] = subscriptions.views(engine, [sub])
    fields = view.model_dump(mode="json", exclude={"id", "active"})
    typer.echo(f"subscription {subscription_id} (owner {sub.owner})")
    for name, value in fields.items():
        if value not in (None, [], ""):
            shown = ", ".join(map(str, value)) if isinstance(value, list) else value
            typer.echo(f"  {name}: {shown}")
    counts = outbox.count_by_status(engine, subscription_id)
    deliveries = ", ".join(f"{status}: {n}" for status, n in sorted(counts.items()))
    typer.echo(f"  deliveries: {deliveries or 'none'}")


def _set_active(database_url: str | None, subscription_id: int, active: bool) -> str:
    """Pause or turn on; the subscription's status then."""
    from wirewatch_notify import subscriptions

    patch = subscriptions.parse_update({"active": active})
    with reported_as_user_error(subscriptions.SubscriptionError):
        sub = subscriptions.update_subscription(notify_engine(database_url), subscription_id, patch)
    if sub is None:
        raise NotFound(f"no subscription with id {subscription_id}")
    return subscriptions.status_of(sub)


@app.command("pause")
def subscriptions_pause(subscription_id: SubscriptionId, database_url: DatabaseUrl = None) -> None:
    """Stop a subscription's alerts until it is enabled again (queued ones are dropped)."""
    _set_active(database_url, subscription_id, False)
    typer.echo(f"paused subscription {subscription_id}")


Replay = Annotated[
    bool, typer.Option("--replay", help="Also replay its dead deliveries (same webhook-id).")
]


@app.command("enable")
def subscriptions_enable(
    subscription_id: SubscriptionId, replay: Replay = False, database_url: DatabaseUrl = None
) -> None:
    """Turn a paused subscription, or one notify disabled (HTTP 410, a refused address),
    back on; the reason is cleared. Not one whose recipient unsubscribed."""
    from wirewatch_notify import dead_letters

    status = _set_active(database_url, subscription_id, True)
    typer.echo(f"subscription {subscription_id} is {status.replace('_', ' ')}")
    engine = notify_engine(database_url)
    dead = dead_letters.dead_ids(engine, subscription_id)
    if replay:
        replayed = sum(  # in chunks: an IN list per statement stays short
            dead_letters.replay(engine, dead[start : start + REPLAY_CHUNK])
            for start in range(0, len(dead), REPLAY_CHUNK)
        )
        typer.echo(f"replayed {replayed} dead deliveries")
    elif dead:
        typer.echo(
            f"{len(dead)} dead deliveries wait: `wirewatch subscriptions enable "
            f"{subscription_id} --replay` (or `deliveries replay ID`) sends them again"
        )


@app.command("remove")
def subscriptions_remove(subscription_id: SubscriptionId, database_url: DatabaseUrl = None) -> None:
    """Remove a subscription (and its delivery log)."""
    from wirewatch_notify import subscriptions

    if not subscriptions.remove_subscription(notify_engine(database_url), subscription_id):
        raise NotFound(f"no subscription with id {subscription_id}")
    typer.echo(f"removed subscription {subscription_id}")


def _run_test(database_url: str | None, subscription_id: int) -> TestSendResult | None:
    """Send one sample alert through the subscription's channel, as the worker would."""
    from wirewatch_notify.channels.registry import build_channels
    from wirewatch_notify.links import LinkSigner
    from wirewatch_notify.secrets import SecretBox, load_secret_key
    from wirewatch_notify.testsend import send_test
    from wirewatch_notify.worker import DeliveryWorker

    settings = notify_settings()
    engine = notify_engine(database_url)
    key = load_secret_key(settings)

    async def run() -> TestSendResult | None:
        channels = build_channels(settings)
        worker = DeliveryWorker(
            engine, channels, SecretBox(key), settings, LinkSigner(key, settings.public_base_url)
        )
        try:
            return await send_test(engine, worker, subscription_id)
        finally:
            for channel in channels.values():
                await channel.aclose()

    return asyncio.run(run())


@app.command("test")
def subscriptions_test(subscription_id: SubscriptionId, database_url: DatabaseUrl = None) -> None:
    """Deliver a sample alert now through the subscription's channel."""
    from wirewatch_notify.subscriptions import SubscriptionError

    with reported_as_user_error(SubscriptionError):
        result = _run_test(database_url, subscription_id)
    if result is None:
        raise NotFound(f"no subscription with id {subscription_id}")
    if not result.delivered:
        raise UserError(f"test alert not delivered: {result.error}")
    typer.echo(f"test alert delivered (delivery {result.delivery_id})")


@app.command("rotate-secret")
def subscriptions_rotate(subscription_id: SubscriptionId, database_url: DatabaseUrl = None) -> None:
    """New webhook signing secret; the old one stays valid for the grace period."""
    from wirewatch_notify import subscriptions
    from wirewatch_notify.secrets import SecretBox, load_secret_key

    settings = notify_settings()
    with reported_as_user_error(subscriptions.SubscriptionError):
        rotation = subscriptions.rotate_secret(
            notify_engine(database_url),
            subscription_id,
            SecretBox(load_secret_key(settings)),
            grace_s=settings.secret_rotation_grace_s,
        )
    if rotation is None:
        raise NotFound(f"no subscription with id {subscription_id}")
    typer.echo(f"new webhook secret (shown once): {rotation.webhook_secret}")
    typer.echo(f"the previous secret also signs until {rotation.previous_valid_until.isoformat()}")
