"""The flight ledger's read API: ``GET /api/v1/flights`` (filters), ``/api/v1/flights.csv``
and ``/api/v1/flights.json`` (exports). Read-only, derived from public news."""

from __future__ import annotations

import asyncio
import csv
import io
from collections.abc import Iterable
from dataclasses import replace
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query
from fastapi.responses import JSONResponse, Response
from sqlalchemy.engine import Engine
from wirewatch_shared.events import FlightRecordEvent

from wirewatch_flights import store

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
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for event in events:
        writer.writerow(csv_row(event))
    return out.getvalue()


def _filters(
    origin: Country = None,
    destination: Country = None,
    status: Status | None = None,
    since: date | None = None,
    until: date | None = None,
) -> store.Query:
    """The query parameters every flights route takes, as a query of up to ``MAX_LIMIT``
    records (``/flights`` lowers the limit)."""
    return store.Query(
        origin=origin.upper() if origin else None,
        destination=destination.upper() if destination else None,
        status=status,
        since=since,
        until=until,
        limit=MAX_LIMIT,
    )


Filters = Annotated[store.Query, Depends(_filters)]


def create_flights_router(engine: Engine) -> APIRouter:
    router = APIRouter(prefix="/api/v1", tags=["flights"])

    async def records(query: store.Query) -> list[FlightRecordEvent]:
        if query.since and query.until and query.since > query.until:
            raise HTTPException(422, "since is after until")
        return await asyncio.to_thread(store.list_records, engine, query)

    @router.get("/flights", summary="Flight records, newest flight first")
    async def list_flights(
        filters: Filters, limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 500
    ) -> JSONResponse:
        found = await records(replace(filters, limit=limit))
        return JSONResponse({"flights": [record_json(e) for e in found], "count": len(found)})

    @router.get("/flights.json", summary="Export every flight record (JSON)")
    async def export_json(filters: Filters) -> JSONResponse:
        return JSONResponse(
            [record_json(e) for e in await records(filters)],
            headers={"Content-Disposition": 'attachment; filename="flights.json"'},
        )

    @router.get("/flights.csv", summary="Export every flight record (CSV)")
    async def export_csv(filters: Filters) -> Response:
        return Response(
            to_csv(await records(filters)),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": 'attachment; filename="flights.csv"'},
        )

    return router
