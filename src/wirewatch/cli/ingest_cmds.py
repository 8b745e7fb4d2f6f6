"""``wirewatch parse``: one feed's normalised items, and the ingest helpers of the CLI."""

from __future__ import annotations

import asyncio
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from wirewatch.cli.common import open_database
from wirewatch.cli.errors import UserError

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine
    from wirewatch_ingest.settings import IngestSettings

# The ingest modules (and feedparser, httpx behind them) are imported by the commands
# that use them: every `wirewatch` process, each service included, imports this module.
app = typer.Typer()


def ingest_settings() -> IngestSettings:
    """Ingest settings; an invalid one is reported as one line."""
    from pydantic import ValidationError
    from wirewatch_ingest.settings import IngestSettings

    try:
        return IngestSettings()
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(p) for p in first["loc"])
        raise UserError(f"invalid setting WIREWATCH_{field.upper()}: {first['msg']}") from None


def ingest_engine(settings: IngestSettings) -> Engine:
    """The database of ``settings``, at this release's schema."""
    return open_database(settings.database_url)


def _is_url(value: str) -> bool:
    return value.lower().startswith(("http://", "https://"))


async def _fetch_for_parse(url: str, settings: IngestSettings) -> tuple[bytes, dict[str, str]]:
    from wirewatch_ingest.fetcher import Fetcher, make_http_client
    from wirewatch_shared.ssrf import acheck_url

    if not settings.ingest_allow_private_networks:
        await acheck_url(url)
    async with make_http_client(settings) as client:
        result = await Fetcher.from_settings(client, settings, polite=False).fetch(url)
    return result.body, dict(result.headers)


def _read_capped(path: Path, cap: int) -> bytes:
    """The file's bytes, refused over ``cap`` (the same cap as a fetched feed's body)."""
    try:
        with path.open("rb") as file:
            body = file.read(cap + 1)
    except OSError as exc:
        raise UserError(f"cannot read {path}: {exc.strerror or exc}") from None
    if len(body) > cap:
        raise UserError(
            f"{path} is larger than {cap} bytes, the cap on a feed body (WIREWATCH_MAX_BODY_BYTES)"
        )
    return body


@app.command("parse")
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
    from wirewatch_ingest.fetcher import PRIVATE_HINT, FetchError
    from wirewatch_ingest.items import FeedParseError
    from wirewatch_ingest.parsing import parse_feed
    from wirewatch_shared.ssrf import AddressRefused, SsrfError

    headers: dict[str, str] = {}
    if _is_url(source):
        settings = ingest_settings()
        try:
            body, headers = asyncio.run(_fetch_for_parse(source, settings))
        except AddressRefused as exc:
            raise UserError(f"cannot fetch {source}: {exc} ({PRIVATE_HINT})") from None
        except (SsrfError, FetchError) as exc:
            raise UserError(f"cannot fetch {source}: {exc}") from None
    else:
        body = _read_capped(Path(source), ingest_settings().max_body_bytes)
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
