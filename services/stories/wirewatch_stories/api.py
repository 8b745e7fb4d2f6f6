"""The stories read API (FastAPI router): ``GET /api/v1/stories`` and
``GET /api/v1/stories/{story_id}``. Read-only and unauthenticated, like /status: it
shows what public feeds published, grouped."""

from __future__ import annotations

import asyncio
import base64
import binascii
import re
from datetime import UTC, date, datetime, time
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, Query, Request, Response
from fastapi.exceptions import RequestValidationError
from pydantic import AwareDatetime, BaseModel, Field, TypeAdapter, ValidationError
from sqlalchemy.engine import Engine

from wirewatch_stories.store import get_story, list_stories


class StoryItemOut(BaseModel):
    id: str = Field(validation_alias="item_id")
    outlet: str
    title: str
    link: str | None
    language: str | None
    published: datetime


class StoryOut(BaseModel):
    id: str
    title: str = Field(description="The title of the story's first item.")
    topics: list[str]
    first_seen: datetime = Field(description="Publication time of its first item.")
    last_published: datetime = Field(description="Publication time of its latest item.")
    item_count: int
    outlets: list[str] = Field(description="Distinct outlets, first reporter first.")
    languages: list[str]
    evidence: list[str] = Field(description="Cues that tied its items together.")
    items: list[StoryItemOut] = Field(description="Its first 50 items, oldest first.")


def _in_utc_range(when: datetime) -> bool:
    """Whether ``when`` has a UTC time (0001-01-01T00:00+14:00 has none: the year before 1)."""
    try:
        when.astimezone(UTC)
    except OverflowError:
        return False
    return True


def story_out(row: dict[str, Any]) -> StoryOut:
    return StoryOut.model_validate(row)


def invalid(name: str, message: str, value: object, kind: str = "value_error") -> Exception:
    """A 422 of a query parameter shaped as FastAPI's own (``detail``: a list of problems with
    ``loc``, ``msg``, ``type``, ``input``), as every other check of the read APIs."""
    error = {"type": kind, "loc": ("query", name), "msg": message, "input": value}
    return RequestValidationError([error])


DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
INSTANT = TypeAdapter(AwareDatetime)


def moment(name: str, value: str | None, *, end: bool = False) -> datetime | None:
    """A ``since`` or ``until``: a time with an offset, or a day (``2026-03-01``: from its
    first UTC moment, or ``end``: to its last)."""
    if value is None:
        return None
    if DAY.fullmatch(value):
        try:
            day = date.fromisoformat(value)
        except ValueError as exc:
            raise invalid(name, f"not a date: {exc}", value, "date_from_datetime_parsing") from exc
        return datetime.combine(day, time.max if end else time.min, UTC)
    try:
        when = INSTANT.validate_python(value)
    except ValidationError as exc:
        [error] = exc.errors(include_url=False)
        raise invalid(name, error["msg"], value, error["type"]) from exc
    if not _in_utc_range(when):
        raise invalid(name, f"{name} is out of range (years 1 to 9999 in UTC)", value)
    return when


def encode_cursor(story: StoryOut) -> str:
    text = f"{story.last_published.astimezone(UTC).isoformat()}/{story.id}"
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def decode_cursor(text: str) -> tuple[datetime, str]:
    """The cursor :func:`encode_cursor` wrote (``ValueError``: not one)."""
    try:
        raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)).decode()
        when, _, story_id = raw.partition("/")
        last = datetime.fromisoformat(when)
    except (binascii.Error, UnicodeDecodeError, ValueError) as exc:
        raise ValueError("not a cursor") from exc
    if last.tzinfo is None or not story_id:
        raise ValueError("not a cursor")
    return last, story_id


PERIOD = "A time with an offset (`2026-03-01T08:00:00Z`, `+02:00`) or a day (`2026-03-01`, UTC)."
# The schema says what the text must be (a date-time with an offset, or a date), so clients
# and schema-driven tools send what is accepted; moment() reads it.
PERIOD_SCHEMA: dict[str, Any] = {
    "anyOf": [
        {"type": "string", "format": "date-time", "maxLength": 64},
        {"type": "string", "format": "date"},
        {"type": "null"},
    ]
}


def _period_query(description: str) -> Any:
    """A `since`/`until` query parameter: the text moment() reads, bounded, with its schema."""
    return Query(
        max_length=64, description=description + " " + PERIOD, json_schema_extra=PERIOD_SCHEMA
    )


Since = Annotated[str | None, _period_query("Stories with an item published at or after.")]
Until = Annotated[
    str | None,
    _period_query("Stories with an item published at or before (a day: to its end)."),
]
CursorParam = Annotated[
    str | None,
    Query(
        max_length=200,
        description='The next page, as the answer\'s `Link: <...>; rel="next"` header gives it.',
    ),
]


def stories_router(engine: Engine) -> APIRouter:
    router = APIRouter(prefix="/api/v1/stories", tags=["stories"])

    @router.get(
        "",
        responses={200: {"headers": {"Link": {"description": 'The next page (rel="next").'}}}},
    )
    async def stories(
        request: Request,
        response: Response,
        topic: Annotated[str | None, Query(max_length=128, description="Topic name.")] = None,
        since: Since = None,
        until: Until = None,
        limit: Annotated[int, Query(ge=1, le=500)] = 50,
        cursor: CursorParam = None,
    ) -> list[StoryOut]:
        """Stories, latest item first (then by id). A full page has a `Link` header to the
        next one: follow it until there is none."""
        start, end = moment("since", since), moment("until", until, end=True)
        if start is not None and end is not None and end < start:
            raise invalid("until", f"until ({until}) is before since ({since})", until)
        try:
            after = None if cursor is None else decode_cursor(cursor)
        except ValueError as exc:
            raise invalid("cursor", "not a cursor of this API (the Link header's)", cursor) from exc
        rows = await asyncio.to_thread(
            list_stories, engine, topic=topic, since=start, until=end, after=after, limit=limit
        )
        found = [story_out(r) for r in rows]
        if len(found) == limit:
            following = request.url.include_query_params(cursor=encode_cursor(found[-1]))
            # Relative (RFC 8288 resolves it against the request's URL): right behind a proxy.
            response.headers["Link"] = f'<{following.path}?{following.query}>; rel="next"'
        return found

    @router.get("/{story_id}", responses={404: {"description": "No such story."}})
    async def story(
        story_id: Annotated[str, Path(max_length=32, pattern=r"^st_[0-9a-f]{16}$")],
    ) -> StoryOut:
        row = await asyncio.to_thread(get_story, engine, story_id)
        if row is None:
            raise HTTPException(status_code=404, detail="no such story")
        return story_out(row)

    return router
