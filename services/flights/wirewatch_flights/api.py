"""The flight ledger's read API: ``GET /api/v1/flights`` (filters), ``/api/v1/flights.csv``
and ``/api/v1/flights.json`` (exports). Read-only, derived from public news."""

from __future__ import annotations

import asyncio
import base64
import binascii
import csv
import io
import itertools
import json
from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, Field
from sqlalchemy.engine import Engine
from wirewatch_shared.countries import country_problem as country_problem  # CLI, page use it
from wirewatch_shared.events import FlightRecordEvent

from wirewatch_flights import ledger

CSV_COLUMNS = (
    "record_id",
    "flight_date",
    "flight_date_stated",
    "origin",
    "destination",
    "people",
    "flights",
    "status",
    "operator",
    "conflicts",
    "source_count",
    "outlets",
    "links",
    "updated_at",
)
MAX_LIMIT = 5000

Status = Literal["completed", "planned", "blocked"]
Country = Annotated[str | None, Query(pattern=r"^[A-Za-z]{2}$", description="ISO alpha-2")]


def record_json(event: FlightRecordEvent) -> dict[str, Any]:
    data = event.model_dump(mode="json", exclude={"change", "schema_version"})
    return data


def csv_row(event: FlightRecordEvent) -> list[str]:
    conflicts = "; ".join(f"{c.field}: {' / '.join(c.values)}" for c in event.conflicts)
    outlets = " | ".join(dict.fromkeys(s.outlet for s in event.sources if s.outlet))
    links = " ".join(s.link for s in event.sources if s.link)
    values: list[object] = [
        event.record_id,
        event.flight_date.isoformat() if event.flight_date else "",
        "yes" if event.flight_date_stated else "no",
        event.origin or "",
        event.destination or "",
        "" if event.people is None else event.people,
        "" if event.flights is None else event.flights,
        event.status,
        event.operator or "",
        conflicts,
        event.source_count,
        outlets,
        links,
        event.updated_at.isoformat(),
    ]
    return [spreadsheet_safe(str(v)) for v in values]


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What makes a spreadsheet read a CSV cell as a formula (OWASP's list)."""


def spreadsheet_safe(cell: str) -> str:
    """A cell a spreadsheet shows as text: one that would start a formula (an outlet is a
    feed's own title: ``=HYPERLINK(...)``) gets a leading apostrophe. No cell we write
    starts so otherwise (no negative numbers, dates, ids or codes)."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def to_csv(events: Iterable[FlightRecordEvent]) -> str:
    return "".join(csv_lines(events))


def csv_lines(events: Iterable[FlightRecordEvent]) -> Iterator[str]:
    """The CSV export, the header first, one record per line (read as they come)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    for row in itertools.chain([CSV_COLUMNS], (csv_row(e) for e in events)):
        writer.writerow(row)
        yield out.getvalue()
        out.seek(0)
        out.truncate()


def json_array(events: Iterable[FlightRecordEvent]) -> Iterator[str]:
    """The JSON export: one array, a record at a time."""
    separator = "["
    for event in events:
        yield separator + json.dumps(record_json(event), ensure_ascii=False, separators=(",", ":"))
        separator = ","
    yield "[]" if separator == "[" else "]"


CHUNK = 1 << 16


def chunked(parts: Iterable[str], size: int = CHUNK) -> Iterator[str]:
    """``parts`` joined into pieces of about ``size`` characters: a streamed answer is sent
    (and read from the database's thread) a piece at a time, not a line at a time."""
    buffer: list[str] = []
    held = 0
    for part in parts:
        buffer.append(part)
        held += len(part)
        if held >= size:
            yield "".join(buffer)
            buffer, held = [], 0
    if buffer:
        yield "".join(buffer)


def invalid(name: str, message: str, value: object) -> RequestValidationError:
    """A 422 of a query parameter, shaped as FastAPI's own (``detail``: a list of problems,
    each with ``loc``, ``msg``, ``type`` and ``input``): one error shape for every check."""
    error = {"type": "value_error", "loc": ("query", name), "msg": message, "input": value}
    return RequestValidationError([error])


def encode_cursor(cursor: ledger.Cursor) -> str:
    day = cursor.flight_date.isoformat() if cursor.flight_date else ""
    return base64.urlsafe_b64encode(f"{day}/{cursor.record_id}".encode()).decode().rstrip("=")


def decode_cursor(text: str) -> ledger.Cursor:
    """The cursor :func:`encode_cursor` wrote (``ValueError``: not one)."""
    try:
        raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)).decode()
    except (binascii.Error, UnicodeDecodeError) as exc:
        raise ValueError("not a cursor") from exc
    day, slash, record_id = raw.partition("/")
    if not slash or not record_id:
        raise ValueError("not a cursor")
    return ledger.Cursor(date.fromisoformat(day) if day else None, record_id)


def _filters(
    origin: Country = None,
    destination: Country = None,
    status: Status | None = None,
    since: Annotated[date | None, Query(description="Flights on or after this day.")] = None,
    until: Annotated[date | None, Query(description="Flights on or before this day.")] = None,
) -> ledger.Query:
    """The query parameters every flights route takes (a 422 if ``since`` is after
    ``until``), as a query of up to ``MAX_LIMIT`` records (``/flights`` lowers the limit;
    the exports read every record)."""
    if since and until and since > until:
        raise invalid("until", f"until ({until}) is before since ({since})", until.isoformat())
    for name, value in (("origin", origin), ("destination", destination)):
        problem = None if value is None else country_problem(value)
        if problem:
            raise invalid(name, problem, value)
    return ledger.Query(
        origin=origin.upper() if origin else None,
        destination=destination.upper() if destination else None,
        status=status,
        since=since,
        until=until,
        limit=MAX_LIMIT,
    )


Filters = Annotated[ledger.Query, Depends(_filters)]
CursorParam = Annotated[
    str | None,
    Query(
        max_length=200,
        description="The next page: the `next_cursor` of the previous answer, with the same "
        "filters.",
    ),
]


class FlightsPage(BaseModel):
    flights: list[dict[str, Any]] = Field(description="Flight records, newest flight first.")
    count: int = Field(description="Records in this page.")
    next_cursor: str | None = Field(
        description="Pass as `cursor` for the next page; null on the last page."
    )


async def every_record(engine: Engine, filters: ledger.Query) -> Iterator[FlightRecordEvent]:
    """:func:`ledger.iter_records`, its first page read here: a database that fails is a 500,
    not a 200 with an empty export (a streamed answer's status is sent first)."""
    records = ledger.iter_records(engine, filters)
    first = await asyncio.to_thread(next, records, None)
    return iter(()) if first is None else itertools.chain([first], records)


def next_link(request: Request, cursor: str) -> str:
    """The ``Link`` header of the next page: relative (RFC 8288 resolves it against the
    request's URL), so it is right behind a proxy."""
    following = request.url.include_query_params(cursor=cursor)
    return f'<{following.path}?{following.query}>; rel="next"'


def create_flights_router(engine: Engine) -> APIRouter:
    router = APIRouter(prefix="/api/v1", tags=["flights"])

    @router.get(
        "/flights",
        summary="Flight records, newest flight first (paged)",
        responses={200: {"headers": {"Link": {"description": 'The next page (rel="next").'}}}},
    )
    async def list_flights(
        request: Request,
        response: Response,
        filters: Filters,
        limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 500,
        cursor: CursorParam = None,
    ) -> FlightsPage:
        """Records without a flight date come last. Every record, a page at a time: follow
        `next_cursor` (or the `Link: <...>; rel="next"` header, as the stories API's) until
        there is none (or use the exports)."""
        try:
            after = None if cursor is None else decode_cursor(cursor)
        except ValueError as exc:
            raise invalid("cursor", "not a cursor of this API (next_cursor)", cursor) from exc
        # One more than asked: whether there is a next page, without a count.
        query = replace(filters, limit=limit + 1)
        found = await asyncio.to_thread(ledger.list_records, engine, query, after)
        page = found[:limit]
        following = encode_cursor(ledger.Cursor.after(page[-1])) if len(found) > limit else None
        if following is not None:
            response.headers["Link"] = next_link(request, following)
        return FlightsPage(
            flights=[record_json(e) for e in page], count=len(page), next_cursor=following
        )

    @router.get("/flights.json", summary="Export every flight record (JSON)")
    async def export_json(filters: Filters) -> StreamingResponse:
        """Every matching record, newest flight first, as one JSON array (streamed)."""
        return StreamingResponse(
            chunked(json_array(await every_record(engine, filters))),
            media_type="application/json",
            headers={"Content-Disposition": 'attachment; filename="flights.json"'},
        )

    @router.get(
        "/flights.csv",
        summary="Export every flight record (CSV)",
        response_class=StreamingResponse,
        responses={200: {"content": {"text/csv": {}}}},
    )
    async def export_csv(filters: Filters) -> StreamingResponse:
        """Every matching record, newest flight first, one CSV line each (streamed)."""
        return StreamingResponse(
            chunked(csv_lines(await every_record(engine, filters))),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": 'attachment; filename="flights.csv"'},
        )

    return router
