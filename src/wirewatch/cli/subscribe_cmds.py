"""``wirewatch subscribe``: subscribe a webhook, Slack channel, email or Apprise URL."""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from typing import Annotated

import typer

from wirewatch.cli.common import DatabaseUrl, option_groups
from wirewatch.cli.errors import UserError
from wirewatch.cli.notify_common import notify_engine, notify_settings

app = typer.Typer()

DURATION = re.compile(r"^(\d+)\s*([mhd]?)$")

Topics = Annotated[list[str], typer.Option("--topic", help="Topic name (repeatable).")]
Webhook = Annotated[str | None, typer.Option("--webhook", help="Webhook URL.")]
Email = Annotated[str | None, typer.Option("--email", help="Email address.")]
Slack = Annotated[str | None, typer.Option("--slack", help="Slack incoming-webhook URL.")]
Apprise = Annotated[str | None, typer.Option("--apprise", help="Any Apprise URL.")]
MinScore = Annotated[float, typer.Option("--min-score", help="Minimum score, 0..1.")]
Countries = Annotated[list[str] | None, typer.Option("--country", help="ISO country code filter.")]
Entities = Annotated[list[str] | None, typer.Option("--entity", help="Entity name filter.")]
Feeds = Annotated[list[int] | None, typer.Option("--feed", help="Feed id filter.")]
Languages = Annotated[
    list[str] | None, typer.Option("--language", help="Language filter, e.g. en.")
]
Digest = Annotated[
    str | None,
    typer.Option("--digest", help="Digest every N minutes/hours (30m, 2h, 1d) instead of instant."),
]
QuietHours = Annotated[
    str | None,
    typer.Option("--quiet-hours", help="Hold alerts in this local window, e.g. 22:00-07:00."),
]
Timezone = Annotated[str, typer.Option("--timezone", help="IANA timezone, e.g. Europe/Berlin.")]
Paused = Annotated[bool, typer.Option("--paused", help="Create it inactive.")]
AlertMode = Annotated[
    str,
    typer.Option(
        "--alert-mode",
        help="story: one alert per story (an event across outlets) plus one follow-up; "
        "item: one alert per item.",
    ),
]
FollowupOutlets = Annotated[
    int,
    typer.Option(
        "--followup-outlets", help="Story mode: follow-up at this many outlets (0: none)."
    ),
]
SkipConfirmation = Annotated[
    bool,
    typer.Option(
        "--skip-confirmation",
        help="Email: no double opt-in (only for addresses you own or vouch for).",
    ),
]


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


@dataclass(frozen=True)
class AlertChannel:
    """Where alerts go: one of ``--webhook``, ``--email``, ``--slack`` or ``--apprise``
    (``subscribe`` and ``flights subscribe``)."""

    webhook: Webhook = None
    email: Email = None
    slack: Slack = None
    apprise: Apprise = None

    def chosen(self) -> tuple[str, str]:
        """The one channel given, as (channel, target)."""
        given = [(f.name, v) for f in fields(self) if (v := getattr(self, f.name)) is not None]
        if len(given) != 1:
            raise UserError(
                "give exactly one of --webhook URL, --email ADDRESS, --slack URL or --apprise URL"
            )
        return given[0]


def create(
    data: dict[str, object], database_url: str | None, *, confirm: bool, what: str | None = None
) -> None:
    """Create the subscription (the API's request body ``data``; ``confirm``: an email
    waits for its double opt-in); print its id and ``what`` it follows (default: its
    topics), its webhook secret (once) and what happens next."""
    from wirewatch_classify.settings import ClassifySettings
    from wirewatch_notify import subscriptions
    from wirewatch_notify.secrets import SecretBox, load_secret_key

    from wirewatch.ops.subscribe_flow import shipped_and_user_topics

    settings = notify_settings()
    try:
        request = subscriptions.parse_create(data)
        engine = notify_engine(database_url)
        known = shipped_and_user_topics(engine, ClassifySettings().classify_topics_dir)
        created = subscriptions.create_subscription(
            engine,
            request,
            SecretBox(load_secret_key(settings)),
            require_confirmation=confirm,
            settings=settings,
            known_topics=known,
        )
    except subscriptions.SubscriptionError as exc:
        raise UserError(f"subscription refused: {exc.in_words()}") from exc
    sub = created.subscription
    what = what or ", ".join(sub.topics)
    typer.echo(f"subscription {sub.id}: {what} -> {sub.channel} {sub.target}")
    if created.webhook_secret:
        typer.echo(
            f"webhook secret (shown once, verify signatures with it): {created.webhook_secret}"
        )
    if sub.awaiting_confirmation:
        typer.echo(
            "a confirmation email is queued (sent by the running notify service); "
            "alerts start once the recipient confirms"
        )


@app.command()
@option_groups
def subscribe(
    topic: Topics,
    alerts_to: AlertChannel,
    min_score: MinScore = 0.0,
    country: Countries = None,
    entity: Entities = None,
    feed: Feeds = None,
    language: Languages = None,
    digest: Digest = None,
    quiet_hours: QuietHours = None,
    timezone: Timezone = "UTC",
    paused: Paused = False,
    alert_mode: AlertMode = "story",
    followup_outlets: FollowupOutlets = 3,
    skip_confirmation: SkipConfirmation = False,
    database_url: DatabaseUrl = None,
) -> None:
    """Subscribe a webhook, Slack channel, email address or Apprise URL to topics."""
    channel, target = alerts_to.chosen()
    data: dict[str, object] = {
        "topics": topic,
        "channel": channel,
        "target": target,
        "min_score": min_score,
        "countries": country or [],
        "entities": entity or [],
        "feeds": feed or [],
        "languages": language or [],
        "timezone": timezone,
        "active": not paused,
        "alert_mode": alert_mode,
        "followup_outlets": followup_outlets,
    }
    if digest is not None:
        data.update(mode="digest", digest_interval_minutes=parse_minutes(digest))
    if quiet_hours is not None:
        data["quiet_hours"] = parse_quiet_hours(quiet_hours)
    create(data, database_url, confirm=not skip_confirmation)
