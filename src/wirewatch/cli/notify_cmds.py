"""Notify commands: subscribe, subscriptions, deliveries, tokens, and the notify service."""

from __future__ import annotations

import asyncio
import re
from typing import TYPE_CHECKING

import typer
from rich.console import Console
from rich.table import Table

from wirewatch.cli.common import engine_from_settings
from wirewatch.cli.errors import UserError

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine
    from wirewatch_notify.schemas import TestSendResult
    from wirewatch_notify.settings import NotifySettings

DB_OPTION = typer.Option(None, "--database-url", help="Default: WIREWATCH_DATABASE_URL.")
DURATION = re.compile(r"^(\d+)\s*([mhd]?)$")


def _notify_engine(database_url: str | None) -> Engine:
    from wirewatch_notify.app import create_notify_tables

    engine = engine_from_settings(database_url)
    create_notify_tables(engine)
    return engine


def _settings() -> NotifySettings:
    from wirewatch_notify.settings import NotifySettings

    return NotifySettings()


def parse_minutes(value: str) -> int:
    """``90``, ``30m``, ``2h`` or ``1d`` -> minutes."""
    match = DURATION.match(value.strip().lower())
    if not match:
        raise UserError(f"not a duration: {value!r} (use e.g. 30m, 2h or 1d)")
    number, unit = int(match.group(1)), match.group(2) or "m"
    return number * {"m": 1, "h": 60, "d": 1440}[unit]


def parse_quiet_hours(value: str) -> dict[str, str]:
    start, sep, end = value.partition("-")
    if not sep:
        raise UserError(f"quiet hours look like 22:00-07:00, not {value!r}")
    return {"start": start.strip(), "end": end.strip()}


def _target(
    webhook: str | None, email: str | None, slack: str | None, apprise: str | None
) -> tuple[str, str]:
    given = [
        (name, value)
        for name, value in (
            ("webhook", webhook),
            ("email", email),
            ("slack", slack),
            ("apprise", apprise),
        )
        if value is not None
    ]
    if len(given) != 1:
        raise UserError(
            "give exactly one of --webhook URL, --email ADDRESS, --slack URL or --apprise URL"
        )
    return given[0]


def _run_test(database_url: str | None, subscription_id: int) -> TestSendResult | None:
    from wirewatch_notify.channels.registry import build_channels
    from wirewatch_notify.links import LinkSigner
    from wirewatch_notify.secrets import SecretBox, load_secret_key
    from wirewatch_notify.testsend import send_test
    from wirewatch_notify.worker import DeliveryWorker

    settings = _settings()
    engine = _notify_engine(database_url)
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


def register(app: typer.Typer) -> None:
    @app.command()
    def notify() -> None:
        """Run the notify service (and the subscriptions API) alone against Kafka."""
        from wirewatch.cli.ops_cmds import ServiceName, run_service

        run_service(ServiceName.notify)

    @app.command()
    def subscribe(
        topic: list[str] = typer.Option(..., "--topic", help="Topic name (repeatable)."),
        webhook: str | None = typer.Option(None, "--webhook", help="Webhook URL."),
        email: str | None = typer.Option(None, "--email", help="Email address."),
        slack: str | None = typer.Option(None, "--slack", help="Slack incoming-webhook URL."),
        apprise: str | None = typer.Option(None, "--apprise", help="Any Apprise URL."),
        min_score: float = typer.Option(0.0, "--min-score", help="Minimum score, 0..1."),
        country: list[str] = typer.Option([], "--country", help="ISO country code filter."),
        entity: list[str] = typer.Option([], "--entity", help="Entity name filter."),
        feed: list[int] = typer.Option([], "--feed", help="Feed id filter."),
        language: list[str] = typer.Option([], "--language", help="Language filter, e.g. en."),
        digest: str | None = typer.Option(
            None, "--digest", help="Digest every N minutes/hours (30m, 2h, 1d) instead of instant."
        ),
        quiet_hours: str | None = typer.Option(
            None, "--quiet-hours", help="Hold alerts in this local window, e.g. 22:00-07:00."
        ),
        timezone: str = typer.Option(
            "UTC", "--timezone", help="IANA timezone, e.g. Europe/Berlin."
        ),
        paused: bool = typer.Option(False, "--paused", help="Create it inactive."),
        skip_confirmation: bool = typer.Option(
            False,
            "--skip-confirmation",
            help="Email: no double opt-in (only for addresses you own or vouch for).",
        ),
        database_url: str | None = DB_OPTION,
    ) -> None:
        """Subscribe a webhook, Slack channel, email address or Apprise URL to topics."""
        from wirewatch_notify import subscriptions
        from wirewatch_notify.secrets import SecretBox, load_secret_key

        channel, target = _target(webhook, email, slack, apprise)
        data: dict[str, object] = {
            "topics": topic,
            "channel": channel,
            "target": target,
            "min_score": min_score,
            "countries": country,
            "entities": entity,
            "feeds": feed,
            "languages": language,
            "timezone": timezone,
            "active": not paused,
        }
        if digest is not None:
            data.update(mode="digest", digest_interval_minutes=parse_minutes(digest))
        if quiet_hours is not None:
            data["quiet_hours"] = parse_quiet_hours(quiet_hours)
        settings = _settings()
        try:
            request = subscriptions.parse_create(data)
            engine = _notify_engine(database_url)
            created = subscriptions.create_subscription(
                engine,
                request,
                SecretBox(load_secret_key(settings)),
                require_confirmation=not skip_confirmation,
                settings=settings,
            )
        except subscriptions.SubscriptionError as exc:
            raise UserError(f"subscription refused: {exc}") from exc
        sub = created.subscription
        typer.echo(f"subscription {sub.id}: {', '.join(sub.topics)} -> {sub.channel} {sub.target}")
        if created.webhook_secret:
            typer.echo(
                f"webhook secret (shown once, verify signatures with it): {created.webhook_secret}"
            )
        if sub.awaiting_confirmation:
            typer.echo(
                "a confirmation email is queued (sent by the running notify service); "
                "alerts start once the recipient confirms"
            )

    subs_app = typer.Typer(help="List, test or remove subscriptions.", no_args_is_help=True)
    app.add_typer(subs_app, name="subscriptions")

    @subs_app.command("list")
    def subscriptions_list(database_url: str | None = DB_OPTION) -> None:
        """List every subscription (all owners)."""
        from wirewatch_notify import subscriptions

        table = Table(
            "id", "owner", "topics", "channel", "target", "min score", "mode", "status", "reason"
        )
        for sub in subscriptions.list_subscriptions(_notify_engine(database_url)):
            mode = f"digest {sub.digest_interval_minutes}m" if sub.mode == "digest" else "instant"
            if sub.quiet_start:
                mode += f", quiet {sub.quiet_start}-{sub.quiet_end} {sub.timezone}"
            table.add_row(
                str(sub.id),
                sub.owner,
                ", ".join(sub.topics),
                sub.channel,
                sub.target,
                f"{sub.min_score:.2f}",
                mode,
                subscriptions.status_of(sub),
                sub.disabled_reason or "",
            )
        Console(width=200).print(table)

    @subs_app.command("remove")
    def subscriptions_remove(
        subscription_id: int = typer.Argument(...), database_url: str | None = DB_OPTION
    ) -> None:
        """Remove a subscription (and its delivery log)."""
        from wirewatch_notify import subscriptions

        if not subscriptions.remove_subscription(_notify_engine(database_url), subscription_id):
            raise UserError(f"no subscription with id {subscription_id}")
        typer.echo(f"removed subscription {subscription_id}")

    @subs_app.command("test")
    def subscriptions_test(
        subscription_id: int = typer.Argument(...), database_url: str | None = DB_OPTION
    ) -> None:
        """Deliver a sample alert now through the subscription's channel."""
        from wirewatch_notify.subscriptions import SubscriptionError

        try:
            result = _run_test(database_url, subscription_id)
        except SubscriptionError as exc:
            raise UserError(str(exc)) from exc
        if result is None:
            raise UserError(f"no subscription with id {subscription_id}")
        if not result.delivered:
            raise UserError(f"test alert not delivered: {result.error}")
        typer.echo(f"test alert delivered (delivery {result.delivery_id})")

    @subs_app.command("rotate-secret")
    def subscriptions_rotate(
        subscription_id: int = typer.Argument(...), database_url: str | None = DB_OPTION
    ) -> None:
        """New webhook signing secret; the old one stays valid for the grace period."""
        from wirewatch_notify import subscriptions
        from wirewatch_notify.secrets import SecretBox, load_secret_key

        settings = _settings()
        try:
            rotation = subscriptions.rotate_secret(
                _notify_engine(database_url),
                subscription_id,
                SecretBox(load_secret_key(settings)),
                grace_s=settings.secret_rotation_grace_s,
            )
        except subscriptions.SubscriptionError as exc:
            raise UserError(str(exc)) from exc
        if rotation is None:
            raise UserError(f"no subscription with id {subscription_id}")
        typer.echo(f"new webhook secret (shown once): {rotation.webhook_secret}")
        typer.echo(
            f"the previous secret also signs until {rotation.previous_valid_until.isoformat()}"
        )

    deliveries_app = typer.Typer(help="Inspect and replay deliveries.", no_args_is_help=True)
    app.add_typer(deliveries_app, name="deliveries")

    @deliveries_app.command("list")
    def deliveries_list(
        failed: bool = typer.Option(False, "--failed", help="Only dead or retrying ones."),
        subscription: int | None = typer.Option(None, "--subscription"),
        status: str | None = typer.Option(None, "--status", help="pending, held, sent, dead..."),
        limit: int = typer.Option(500, "--limit"),
        database_url: str | None = DB_OPTION,
    ) -> None:
        """Show the delivery log (newest first)."""
        from wirewatch_notify import outbox

        rows = outbox.list_deliveries(
            _notify_engine(database_url),
            subscription_id=subscription,
            status=status,
            failed=failed,
            limit=limit,
        )
        table = Table(
            "id", "subscription", "kind", "item", "status", "attempts", "last error", "next", "sent"
        )
        for d in rows:
            waiting = d.status in ("pending", "held")
            table.add_row(
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
        Console(width=200).print(table)

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
        ids = None if delivery_id is None else [delivery_id]
        count = outbox.replay(_notify_engine(database_url), ids)
        typer.echo(f"replayed {count} deliveries")

    tokens_app = typer.Typer(help="API tokens.", no_args_is_help=True)
    app.add_typer(tokens_app, name="tokens")

    @tokens_app.command("create")
    def tokens_create(
        name: str = typer.Argument(..., help="What the token is for."),
        database_url: str | None = DB_OPTION,
    ) -> None:
        """Create an API token; it is printed once (only its hash is stored)."""
        from wirewatch_notify import tokens

        try:
            created = tokens.create_token(_notify_engine(database_url), name)
        except ValueError as exc:
            raise UserError(str(exc)) from exc
        typer.echo(f"token {created.token.id} ({created.token.name}), shown once:")
        typer.echo(created.plaintext)

    @tokens_app.command("list")
    def tokens_list(database_url: str | None = DB_OPTION) -> None:
        """List API tokens (never their value)."""
        from wirewatch_notify import tokens

        table = Table("id", "name", "owner", "created", "revoked")
        for token in tokens.list_tokens(_notify_engine(database_url)):
            table.add_row(
                str(token.id),
                token.name,
                token.owner,
                token.created_at.isoformat(timespec="seconds"),
                token.revoked_at.isoformat(timespec="seconds") if token.revoked_at else "",
            )
        Console(width=200).print(table)

    @tokens_app.command("revoke")
    def tokens_revoke(
        token_id: int = typer.Argument(...), database_url: str | None = DB_OPTION
    ) -> None:
        """Revoke an API token (its subscriptions stay, unreachable through the API)."""
        from wirewatch_notify import tokens

        if not tokens.revoke_token(_notify_engine(database_url), token_id):
            raise UserError(f"no live token with id {token_id}")
        typer.echo(f"revoked token {token_id}")
