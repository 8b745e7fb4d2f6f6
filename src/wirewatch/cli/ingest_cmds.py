"""Ingest commands: the ingest service, feed management, one-off parsing."""

from __future__ import annotations

import asyncio
import json
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

import typer
from pydantic import ValidationError
from rich.console import Console
from rich.table import Table
from sqlalchemy.engine import Engine
from wirewatch_ingest import store
from wirewatch_ingest.discovery import DiscoveredFeed, find_feeds
from wirewatch_ingest.fetcher import Fetcher, FetchError, make_http_client
from wirewatch_ingest.items import FeedParseError
from wirewatch_ingest.models import Feed
from wirewatch_ingest.opml import OpmlError, OpmlFeed, parse_opml, render_opml
from wirewatch_ingest.parsing import parse_feed
from wirewatch_ingest.settings import IngestSettings
from wirewatch_shared.db import make_engine
from wirewatch_shared.ssrf import SsrfError, acheck_url

from wirewatch.cli.errors import UserError

feeds_app = typer.Typer(help="Manage the feeds ingest polls.", no_args_is_help=True)


def _settings() -> IngestSettings:
    try:
        return IngestSettings()
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(p) for p in first["loc"])
        raise UserError(f"invalid setting WIREWATCH_{field.upper()}: {first['msg']}") from None


def _engine(settings: IngestSettings) -> Engine:
    try:
        engine = make_engine(settings.database_url)
        store.create_ingest_tables(engine)
    except Exception as exc:
        raise UserError(f"cannot open the database {settings.database_url}: {exc}") from None
    return engine


def _is_url(value: str) -> bool:
    return value.lower().startswith(("http://", "https://"))


async def _discover(url: str, settings: IngestSettings) -> list[DiscoveredFeed]:
    if not settings.allow_private_networks:
        await acheck_url(url)
    async with make_http_client(settings) as client:
        return await find_feeds(url, Fetcher.from_settings(client, settings, polite=False))


def _age(value: datetime | None, now: datetime) -> str:
    if value is None:
        return "-"
    seconds = (value - now).total_seconds()
    span = abs(seconds)
    text = (
        f"{span:.0f}s"
        if span < 90
        else f"{span / 60:.0f}m"
        if span < 5400
        else f"{span / 3600:.1f}h"
        if span < 172800
        else f"{span / 86400:.0f}d"
    )
    return f"in {text}" if seconds >= 0 else f"{text} ago"


@feeds_app.command("add")
def feeds_add(
    url: Annotated[str, typer.Argument(help="A feed URL, or a site page that links to its feeds.")],
    title: Annotated[str, typer.Option(help="Title to show instead of the feed's own.")] = "",
    discover: Annotated[
        bool,
        typer.Option(
            "--discover/--no-discover",
            help="Fetch the URL: add it if it is a feed, else the feeds the page links to.",
        ),
    ] = True,
) -> None:
    """Add a feed (autodiscovers feeds linked from an HTML page)."""
    settings = _settings()
    try:
        url = store.validate_feed_url(url)
        if discover:
            found = asyncio.run(_discover(url, settings))
        else:
            if not settings.allow_private_networks:
                asyncio.run(acheck_url(url))
            found = [DiscoveredFeed(url)]
    except (ValueError, SsrfError, FetchError) as exc:
        raise UserError(f"cannot add {url}: {exc}") from None
    engine = _engine(settings)
    added, existing = store.add_feeds(engine, [(feed.url, title or feed.title) for feed in found])
    for feed in added:
        typer.echo(f"added feed {feed.id}: {feed.url}" + (f" ({feed.title})" if feed.title else ""))
    for feed_url in existing:
        typer.echo(f"already subscribed: {feed_url}")
    if not added and len(existing) == len(found) == 1:
        raise UserError(f"feed already exists: {existing[0]}")


@feeds_app.command("list")
def feeds_list(
    as_json: Annotated[bool, typer.Option("--json", help="JSON lines instead of a table.")] = False,
) -> None:
    """List feeds with their health."""
    feeds = store.list_feeds(_engine(_settings()))
    if as_json:
        for feed in feeds:
            typer.echo(json.dumps({"health": feed.health, **feed.model_dump(mode="json")}))
        return
    now = datetime.now(UTC)
    table = Table(title=f"{len(feeds)} feeds", show_lines=False)
    for column in (
        "ID",
        "Feed",
        "Health",
        "Status",
        "Errors",
        "Last error",
        "Last OK",
        "Next check",
        "Items",
    ):
        table.add_column(column, overflow="fold")
    colours = {
        "ok": "green",
        "new": "cyan",
        "failing": "yellow",
        "parked": "red",
        "disabled": "dim",
    }
    for feed in feeds:
        table.add_row(
            str(feed.id),
            f"{feed.title}\n{feed.url}" if feed.title else feed.url,
            f"[{colours.get(feed.health, 'white')}]{feed.health}[/]",
            feed.last_status or "-",
            str(feed.consecutive_errors),
            (feed.last_error or "")[:80],
            _age(feed.last_success_at, now),
            _age(feed.next_check_at, now),
            str(feed.items_seen),
        )
    Console(width=max(100, Console().width)).print(table)


@feeds_app.command("remove")
def feeds_remove(
    feed_id: Annotated[int, typer.Argument(help="The feed's ID (see `feeds list`).")],
) -> None:
    """Remove a feed."""
    if not store.remove_feed(_engine(_settings()), feed_id):
        raise UserError(f"no feed with ID {feed_id}")
    typer.echo(f"removed feed {feed_id}")


@feeds_app.command("import")
def feeds_import(
    file: Annotated[Path, typer.Argument(help="An OPML file.", show_default=False)],
) -> None:
    """Import feeds from an OPML file."""
    try:
        data = file.read_bytes()
    except OSError as exc:
        raise UserError(f"cannot read {file}: {exc.strerror or exc}") from None
    try:
        entries, invalid = parse_opml(data)
    except OpmlError as exc:
        raise UserError(f"{file}: {exc}") from None
    added, existing = store.add_feeds(
        _engine(_settings()), [(entry.url, entry.title) for entry in entries]
    )
    typer.echo(
        f"imported {len(added)} feeds from {file}"
        + (f", {len(existing)} already subscribed" if existing else "")
        + (f", {len(invalid)} skipped (not http(s))" if invalid else "")
    )


@feeds_app.command("export")
def feeds_export() -> None:
    """Print all feeds as OPML."""
    feeds: list[Feed] = store.list_feeds(_engine(_settings()))
    sys.stdout.write(render_opml(OpmlFeed(feed.url, feed.title) for feed in feeds))


async def _fetch_for_parse(url: str, settings: IngestSettings) -> tuple[bytes, dict[str, str]]:
    if not settings.allow_private_networks:
        await acheck_url(url)
    async with make_http_client(settings) as client:
        result = await Fetcher.from_settings(client, settings, polite=False).fetch(url)
    return result.body, dict(result.headers)


def parse_command(
    source: Annotated[str, typer.Argument(help="A feed file path or an http(s) URL.")],
    content_type: Annotated[
        str,
        typer.Option(
            help="Content-Type to assume for a file (e.g. 'application/xml; charset=koi8-r')."
        ),
    ] = "",
) -> None:
    """Print the normalised items of one feed as JSON lines (no broker, no database)."""
    headers: dict[str, str] = {}
    if _is_url(source):
        settings = _settings()
        try:
            body, headers = asyncio.run(_fetch_for_parse(source, settings))
        except (SsrfError, FetchError) as exc:
            raise UserError(f"cannot fetch {source}: {exc}") from None
    else:
        path = Path(source)
        try:
            body = path.read_bytes()
        except OSError as exc:
            raise UserError(f"cannot read {source}: {exc.strerror or exc}") from None
    if content_type:
        headers["content-type"] = content_type
    try:
        parsed = parse_feed(
            body, feed_id=0, feed_url=source, fetched_at=datetime.now(UTC), headers=headers
        )
    except FeedParseError as exc:
        raise UserError(f"{source}: {exc}") from None
    for item in parsed.items:
        sys.stdout.write(item.model_dump_json() + "\n")


def ingest_command() -> None:
    """Run the ingest service alone (against WIREWATCH_KAFKA_BOOTSTRAP)."""
    settings = _settings()
    if not settings.kafka_bootstrap:
        raise UserError(
            "WIREWATCH_KAFKA_BOOTSTRAP is not set: point it at a Kafka broker "
            "(or run `wirewatch up` for everything with an embedded broker)"
        )
    from wirewatch_ingest.app import create_app

    app = create_app(settings)
    asyncio.run(app.run())


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest_command)
    app.command("parse")(parse_command)
    app.add_typer(feeds_app, name="feeds")
