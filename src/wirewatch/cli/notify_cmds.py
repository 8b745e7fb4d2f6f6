"""Notify commands: subscribe, subscriptions, deliveries, and the notify service."""

from __future__ import annotations

import typer
from rich.console import Console
from rich.table import Table

from wirewatch.cli.common import engine_from_settings
from wirewatch.cli.errors import UserError

DB_OPTION = typer.Option(None, "--database-url", help="Default: WIREWATCH_DATABASE_URL.")


def _notify_engine(database_url: str | None):  # type: ignore[no-untyped-def]
    from wirewatch_notify.app import create_notify_tables

    engine = engine_from_settings(database_url)
    create_notify_tables(engine)
    return engine


def register(app: typer.Typer) -> None:
    @app.command()
    def notify() -> None:
        """Run the notify service (and the subscriptions API) alone against Kafka."""
        from wirewatch.cli.ops_cmds import ServiceName, run_service

        run_service(ServiceName.notify)

    @app.command()
    def subscribe(
        topic: str = typer.Option(..., "--topic", help="Topic name, e.g. border-policy."),
        webhook: str | None = typer.Option(None, "--webhook", help="Webhook URL."),
        email: str | None = typer.Option(None, "--email", help="Email address."),
        min_score: float = typer.Option(0.0, "--min-score", help="Minimum score, 0..1."),
        database_url: str | None = DB_OPTION,
    ) -> None:
        """Subscribe a webhook or an email address to a topic."""
        from wirewatch_notify import subscriptions
        from wirewatch_notify.secrets import SecretBox, load_secret_key
        from wirewatch_notify.settings import NotifySettings

        if (webhook is None) == (email is None):
            raise UserError("give exactly one of --webhook URL or --email ADDRESS")
        channel, target = ("webhook", webhook) if webhook else ("email", email)
        try:
            request = subscriptions.parse_create(
                {"topic": topic, "channel": channel, "target": target, "min_score": min_score}
            )
            engine = _notify_engine(database_url)
            box = SecretBox(load_secret_key(NotifySettings()))
            created = subscriptions.create_subscription(engine, request, box)
        except subscriptions.SubscriptionError as exc:
            raise UserError(f"subscription refused: {exc}") from exc
        sub = created.subscription
        typer.echo(f"subscription {sub.id}: {sub.topic} -> {sub.channel} {sub.target}")
        if created.webhook_secret:
            typer.echo(
                f"webhook secret (shown once, verify signatures with it): {created.webhook_secret}"
            )

    subs_app = typer.Typer(help="List or remove subscriptions.", no_args_is_help=True)
    app.add_typer(subs_app, name="subscriptions")

    @subs_app.command("list")
    def subscriptions_list(database_url: str | None = DB_OPTION) -> None:
        """List subscriptions."""
        from wirewatch_notify import subscriptions

        table = Table("id", "topic", "channel", "target", "min score", "active", "reason")
        for sub in subscriptions.list_subscriptions(_notify_engine(database_url)):
            table.add_row(
                str(sub.id),
                sub.topic,
                sub.channel,
                sub.target,
                f"{sub.min_score:.2f}",
                "yes" if sub.active else "no",
                sub.disabled_reason or "",
            )
        Console().print(table)

    @subs_app.command("remove")
    def subscriptions_remove(
        subscription_id: int = typer.Argument(...), database_url: str | None = DB_OPTION
    ) -> None:
        """Remove a subscription."""
        from wirewatch_notify import subscriptions

        if not subscriptions.remove_subscription(_notify_engine(database_url), subscription_id):
            raise UserError(f"no subscription with id {subscription_id}")
        typer.echo(f"removed subscription {subscription_id}")

    deliveries_app = typer.Typer(help="Inspect and replay deliveries.", no_args_is_help=True)
    app.add_typer(deliveries_app, name="deliveries")

    @deliveries_app.command("list")
    def deliveries_list(
        failed: bool = typer.Option(False, "--failed", help="Only dead or retrying ones."),
        subscription: int | None = typer.Option(None, "--subscription"),
        database_url: str | None = DB_OPTION,
    ) -> None:
        """Show the delivery log."""
        from wirewatch_notify import outbox

        rows = outbox.list_deliveries(
            _notify_engine(database_url), subscription_id=subscription, limit=500
        )
        if failed:
            rows = [d for d in rows if d.status == "dead" or d.last_error]
        table = Table("id", "subscription", "item", "status", "attempts", "last error", "sent at")
        for d in rows:
            table.add_row(
                str(d.id),
                str(d.subscription_id),
                d.item_id[:12],
                d.status,
                str(d.attempts),
                (d.last_error or "")[:60],
                d.sent_at.isoformat() if d.sent_at else "",
            )
        Console().print(table)

    @deliveries_app.command("replay")
    def deliveries_replay(
        delivery_id: int | None = typer.Argument(None),
        all_dead: bool = typer.Option(False, "--all-dead", help="Replay every dead delivery."),
        database_url: str | None = DB_OPTION,
    ) -> None:
        """Put dead deliveries back in the queue."""
        from wirewatch_notify import outbox

        if (delivery_id is None) == (not all_dead):
            raise UserError("give a delivery ID or --all-dead")
        count = outbox.replay(_notify_engine(database_url), None if all_dead else [delivery_id])  # type: ignore[list-item]
        typer.echo(f"replayed {count} deliveries")
