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
from wirewatch_flights import ledger
from wirewatch_flights.api import country_problem
from wirewatch_flights.charts import Point, stacked_svg, weekly
from wirewatch_shared.events import FlightRecordEvent

from wirewatch.ops.pages import render

CHART_WEEKS = 52


def _country(value: str | None, problems: list[str]) -> str | None:
    """The code ``value`` names (None: no filter); a value that names no country is noted
    in ``problems`` (the page says so instead of listing every record unasked)."""
    value = (value or "").strip()
    if not value:
        return None
    problem = country_problem(value)
    if problem:
        problems.append(problem)
        return None
    return value.upper()


def _day(value: str | None, name: str, problems: list[str]) -> date | None:
    """The day ``value`` names (None: no filter), as the API's ``since``/``until``; a value
    that is none is noted in ``problems``."""
    value = (value or "").strip()
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        problems.append(f"{name} {value} is not a day (YYYY-MM-DD)")
        return None


def _status(value: str | None) -> str | None:
    return value if value in ("completed", "planned", "blocked") else None


TABLE_ROWS = 500
"""Records the table lists, newest flight first (the exports hold them all)."""


def _read(
    engine: Engine, query: ledger.Query, today: date
) -> tuple[list[FlightRecordEvent], int, list[Point], date]:
    """The table's records, how many match in all, the charts' points of the
    :data:`CHART_WEEKS` weeks up to their last day (every matching record, not only the
    listed ones) and that day (:func:`chart_end`)."""
    records = ledger.list_records(engine, query)
    total = len(records) if len(records) < query.limit else ledger.count_records(engine, query)
    end = chart_end(records, today)
    since = end - timedelta(weeks=CHART_WEEKS)
    return records, total, ledger.chart_points(engine, query, since), end


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
        problems: list[str] = []
        since = _day(params.get("since"), "since", problems)
        until = _day(params.get("until"), "until", problems)
        if since and until and since > until:
            problems.append(f"until {until} is before since {since}")
            until = None
        filters: dict[str, str | date | None] = {
            "origin": _country(params.get("origin"), problems),
            "destination": _country(params.get("destination"), problems),
            "status": _status(params.get("status")),
            "since": since,
            "until": until,
        }
        today = datetime.now(UTC).date()
        query = ledger.Query(**filters, limit=TABLE_ROWS)  # type: ignore[arg-type]
        records, total, points, end = await asyncio.to_thread(_read, engine, query, today)
        chosen = {k: v for k, v in filters.items() if v}
        html = render(
            "flights.html",
            records=records,
            total=total,
            problems=problems,
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
