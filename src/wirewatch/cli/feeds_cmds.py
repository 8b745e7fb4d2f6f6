"""``wirewatch feeds add|list|remove|import|export``: the feeds ingest polls."""

from __future__ import annotations

import asyncio
import json
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from wirewatch.cli.common import JsonLines
from wirewatch.cli.errors import NotFound, UserError
from wirewatch.cli.ingest_cmds import ingest_engine, ingest_settings
from wirewatch.cli.progress import track

if TYPE_CHECKING:
    from wirewatch_ingest.discovery import DiscoveredFeed
    from wirewatch_ingest.models import Feed
    from wirewatch_ingest.settings import IngestSettings

# The ingest modules (and feedparser, httpx behind them) are imported by the commands
# that use them: every `wirewatch` process, each service included, imports this module.
app = typer.Typer(help="Manage the feeds ingest polls.", no_args_is_help=True)


async def _discover(url: str, settings: IngestSettings) -> list[DiscoveredFeed]:
    from wirewatch_ingest.discovery import find_feeds
    from wirewatch_ingest.fetcher import Fetcher, make_http_client
    from wirewatch_shared.ssrf import acheck_url

    if not settings.ingest_allow_private_networks:
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


@app.command("add")
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
    from wirewatch_ingest import feedstore
    from wirewatch_ingest.discovery import DiscoveredFeed
    from wirewatch_ingest.fetcher import PRIVATE_HINT, FetchError
    from wirewatch_shared.ssrf import AddressRefused, SsrfError, acheck_url

    settings = ingest_settings()
    try:
        url = feedstore.validate_feed_url(url)
        if discover:
            found = asyncio.run(_discover(url, settings))
        else:
            if not settings.ingest_allow_private_networks:
                asyncio.run(acheck_url(url))
            found = [DiscoveredFeed(url)]
    except AddressRefused as exc:
        raise UserError(f"cannot add {url}: {exc} ({PRIVATE_HINT})") from None
    except (ValueError, SsrfError, FetchError) as exc:
        raise UserError(f"cannot add {url}: {exc}") from None
    engine = ingest_engine(settings)
    added, existing = feedstore.add_feeds(
        engine, [(feed.url, title or feed.title) for feed in found]
    )
    for feed in added:
        typer.echo(f"added feed {feed.id}: {feed.url}" + (f" ({feed.title})" if feed.title else ""))
    for feed_url in existing:
        typer.echo(f"already subscribed: {feed_url}")
    if not added and len(existing) == len(found) == 1:
        raise UserError(f"feed already exists: {existing[0]}")


COLUMNS = (
    "ID",
    "Feed",
    "Health",
    "Status",
    "Errors",
    "Last error",
    "Last OK",
    "Next check",
    "Items",
)
HEALTH_COLOURS = {
    "ok": "green",
    "new": "cyan",
    "failing": "yellow",
    "parked": "red",
    "disabled": "dim",
}


def _feed_cell(feed: Feed, move_after_polls: int) -> str:
    """Title and URL; a permanent redirect seen but not yet followed (the feed takes the
    new URL after ``move_after_polls`` polls in a row), and the URL a moved feed was
    first added under (its items' ids stay scoped to it)."""
    lines = [feed.title, feed.url] if feed.title else [feed.url]
    if feed.moved_to:
        lines.append(f"moving to {feed.moved_to} ({feed.moved_to_polls}/{move_after_polls} polls)")
    if feed.id_url and feed.id_url != feed.url:
        lines.append(f"first added as {feed.id_url}")
    return escape("\n".join(lines))


def _feeds_table(feeds: list[Feed], now: datetime, move_after_polls: int) -> Table:
    table = Table(title=f"{len(feeds)} feeds", show_lines=False)
    for column in COLUMNS:
        table.add_column(column, overflow="fold")
    for feed in feeds:
        table.add_row(
            str(feed.id),
            _feed_cell(feed, move_after_polls),
            f"[{HEALTH_COLOURS.get(feed.health, 'white')}]{feed.health}[/]",
            feed.last_status or "-",
            str(feed.consecutive_errors),
            (feed.last_error or "")[:80],
            _age(feed.last_success_at, now),
            _age(feed.next_check_at, now),
            str(feed.items_seen),
        )
    return table


@app.command("list")
def feeds_list(as_json: JsonLines = False) -> None:
    """List feeds with their health."""
    from wirewatch_ingest import feedstore
    from wirewatch_ingest.processor import MOVE_AFTER_POLLS

    feeds = feedstore.list_feeds(ingest_engine(ingest_settings()))
    if as_json:
        for feed in feeds:
            typer.echo(json.dumps({"health": feed.health, **feed.model_dump(mode="json")}))
        return
    table = _feeds_table(feeds, datetime.now(UTC), MOVE_AFTER_POLLS)
    Console(width=max(100, Console().width)).print(table)


@app.command("remove")
def feeds_remove(
    feed_id: Annotated[int, typer.Argument(help="The feed's ID (see `feeds list`).")],
) -> None:
    """Remove a feed."""
    from wirewatch_ingest import feedstore

    if not feedstore.remove_feed(ingest_engine(ingest_settings()), feed_id):
        raise NotFound(f"no feed with ID {feed_id}")
    typer.echo(f"removed feed {feed_id}")


@app.command("import")
def feeds_import(
    file: Annotated[Path, typer.Argument(help="An OPML file.", show_default=False)],
) -> None:
    """Import feeds from an OPML file."""
    from wirewatch_ingest import feedstore
    from wirewatch_ingest.opml import OpmlError, parse_opml

    try:
        data = file.read_bytes()
    except OSError as exc:
        raise UserError(f"cannot read {file}: {exc.strerror or exc}") from None
    try:
        entries, invalid = parse_opml(data)
    except OpmlError as exc:
        raise UserError(f"{file}: {exc}") from None
    pairs = ((entry.url, entry.title) for entry in entries)
    engine = ingest_engine(ingest_settings())
    added, existing = feedstore.add_feeds(
        engine, track(pairs, "importing feeds", total=len(entries))
    )
    typer.echo(
        f"imported {len(added)} feeds from {file}"
        + (f", {len(existing)} already subscribed" if existing else "")
        + (f", {len(invalid)} skipped (not http(s))" if invalid else "")
    )


@app.command("export")
def feeds_export() -> None:
    """Print all feeds as OPML."""
    from wirewatch_ingest import feedstore
    from wirewatch_ingest.opml import OpmlFeed, render_opml

    feeds: list[Feed] = feedstore.list_feeds(ingest_engine(ingest_settings()))
    sys.stdout.write(render_opml(OpmlFeed(feed.url, feed.title) for feed in feeds))
