"""The /flights page: the flight ledger's table and weekly charts by destination, rendered
on the server (inline SVG, no JavaScript)."""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime, timedelta
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from markupsafe import Markup
from sqlalchemy.engine import Engine
from wirewatch_flights import store
from wirewatch_flights.charts import Point, stacked_svg, weekly
from wirewatch_shared.events import FlightRecordEvent

from wirewatch.ops.pages import render

CHART_WEEKS = 52


def _country(value: str | None) -> str | None:
    value = (value or "").strip().upper()
    return value if len(value) == 2 and value.isalpha() else None


def _status(value: str | None) -> str | None:
    return value if value in ("completed", "planned", "blocked") else None


def _points(records: list[FlightRecordEvent]) -> list[Point]:
    return [
        Point(r.flight_date, r.destination, r.flights or 1, r.people or 0)
        for r in records
        if r.flight_date is not None
    ]


def chart_end(records: list[FlightRecordEvent], today: date) -> date:
    """The last day the charts show: today, unless no flight falls in the last 12 months
    while older ones are recorded (a backfill of an archive, the demo's real 2020-2025
    reports): then the latest flight's day, so the charts show the latest year with
    flights rather than an empty one."""
    since = today - timedelta(weeks=CHART_WEEKS)
    past = [r.flight_date for r in records if r.flight_date is not None and r.flight_date <= today]
    if not past or max(past) >= since:
        return today
    return max(past)


def flights_page_router(engine: Engine) -> APIRouter:
    router = APIRouter(include_in_schema=False)

    @router.get("/flights", response_class=HTMLResponse)
    async def flights_page(request: Request) -> HTMLResponse:
        params = request.query_params
        filters = {
            "origin": _country(params.get("origin")),
            "destination": _country(params.get("destination")),
            "status": _status(params.get("status")),
        }
        today = datetime.now(UTC).date()
        query = store.Query(**filters, limit=5000)  # type: ignore[arg-type]
        records = await asyncio.to_thread(store.list_records, engine, query)
        end = chart_end(records, today)
        since = end - timedelta(weeks=CHART_WEEKS)
        shown = [r for r in records if r.flight_date is not None and r.flight_date >= since]
        points = _points(shown)
        chosen = {k: v for k, v in filters.items() if v}
        html = render(
            "flights.html",
            records=records,
            filters=filters,
            query_string=("?" + urlencode(chosen)) if chosen else "",
            generated_at=datetime.now(UTC),
            chart_period="last 12 months" if end == today else f"12 months to {end:%d %b %Y}",
            flights_chart=_chart(points, end, "flights", "Flights per week by destination"),
            people_chart=_chart(points, end, "people", "People per week by destination"),
        )
        return HTMLResponse(html, headers={"Cache-Control": "no-store"})

    return router


def _chart(points: list[Point], today: date, metric: str, label: str) -> Markup:
    data = weekly(points, today, metric=metric, weeks=CHART_WEEKS)
    svg = stacked_svg(data, label=label, css_class=metric)
    return Markup(svg)  # noqa: S704 - built from numbers and escaped text only
