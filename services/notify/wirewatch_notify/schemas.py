"""Request and response models of the subscriptions API (and the CLI's input).

Requests reject unknown fields. One subscription has exactly one channel
(``webhook``, ``slack``, ``email`` or ``apprise``) and target; subscribe the same
topics again for another channel.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime
from typing import Annotated, Literal
from zoneinfo import available_timezones

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    field_validator,
    model_validator,
)
from wirewatch_shared.countries import MISTAKEN_CODES, country_codes

from wirewatch_notify.timing import parse_hhmm, zone

TOPIC_NAME = re.compile(r"^[a-z0-9][a-z0-9._-]{0,127}$")
LANGUAGE = re.compile(r"^[a-z]{2,3}$")
COUNTRY = re.compile(r"^[A-Z]{2}$")
ChannelName = Literal["webhook", "slack", "email", "apprise"]
# What the validators accept, said in the schema too (clients and schemathesis read it).
TopicName = Annotated[str, StringConstraints(pattern=r"^\s*[A-Za-z0-9][A-Za-z0-9._-]{0,127}\s*$")]
Country = Annotated[str, StringConstraints(pattern=r"^\s*[A-Za-z]{2}\s*$")]
Language = Annotated[
    str, StringConstraints(pattern=r"^\s*[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*\s*$")
]
EntityName = Annotated[str, StringConstraints(min_length=1, max_length=128, pattern=r"\S")]
FeedId = Annotated[int, Field(ge=1)]
TimezoneName = Annotated[
    str, Field(json_schema_extra={"enum": sorted(available_timezones() | {"UTC"})})
]
Clock = Annotated[str, StringConstraints(pattern=r"^\s*([01][0-9]|2[0-3]):[0-5][0-9]\s*$")]
Mode = Literal["instant", "digest"]
AlertMode = Literal["story", "item"]


def _topics(values: list[str]) -> list[str]:
    cleaned = []
    for value in values:
        value = value.strip().lower()
        if not TOPIC_NAME.match(value):
            raise ValueError("topic must be lowercase letters, digits, '.', '_' or '-'")
        cleaned.append(value)
    return list(dict.fromkeys(cleaned))


def _countries(values: list[str]) -> list[str]:
    # A code no item can carry (QQ, UK) would never match: refused like a route's.
    return list(dict.fromkeys(str(iso_country(value)) for value in values))


FLIGHTS_TOPIC = "repatriation-flights"


def iso_countries() -> frozenset[str]:
    """ISO 3166-1 alpha-2 codes: the list every service accepts (wirewatch_shared.countries)."""
    return country_codes()


def iso_country(value: str | None) -> str | None:
    """An ISO 3166-1 alpha-2 code, upper-cased; ValueError naming the bad value."""
    if value is None:
        return None
    code = value.strip().upper()
    if not COUNTRY.match(code) or code not in country_codes():
        hint = MISTAKEN_CODES.get(code)
        example = f"did you mean {hint}?" if hint else "e.g. US, MX, GT"
        raise ValueError(f"not an ISO 3166-1 alpha-2 country code: {value!r} ({example})")
    return code


class RouteIn(BaseModel):
    """A route of flight records: origin and/or destination (``null``: any country)."""

    model_config = ConfigDict(extra="forbid")

    origin: Country | None = Field(
        default=None, description="ISO 3166-1 alpha-2 of the deporting state, e.g. US."
    )
    destination: Country | None = Field(
        default=None, description="ISO 3166-1 alpha-2 of where the people are flown, e.g. GT."
    )

    @model_validator(mode="after")
    def _codes(self) -> RouteIn:
        self.origin, self.destination = iso_country(self.origin), iso_country(self.destination)
        if self.origin is None and self.destination is None:
            raise ValueError("a route needs an origin or a destination")
        return self


class RouteOut(BaseModel):
    origin: str | None
    destination: str | None


def _routes(values: list[RouteIn]) -> list[RouteIn]:
    seen: dict[tuple[str | None, str | None], RouteIn] = {}
    for route in values:
        seen.setdefault((route.origin, route.destination), route)
    return list(seen.values())


ROUTES_DESCRIPTION = (
    "Route alerts: flight records (the flight ledger) on any of these routes, one alert per "
    "record, instead of item alerts. Without topics, the topic is `repatriation-flights`."
)


def _languages(values: list[str]) -> list[str]:
    cleaned = [v.strip().replace("_", "-").split("-", 1)[0].lower() for v in values]
    for value in cleaned:
        if not LANGUAGE.match(value):
            raise ValueError(f"language must be a language tag like 'en' or 'pt-BR', not {value!r}")
    return list(dict.fromkeys(cleaned))


def _entities(values: list[str]) -> list[str]:
    cleaned = [" ".join(v.split()) for v in values]
    if any(not v or len(v) > 128 for v in cleaned):
        raise ValueError("entity names must be 1-128 characters")
    return list(dict.fromkeys(cleaned))


LIST_CLEANERS: dict[str, Callable[[list[str]], list[str]]] = {
    "countries": _countries,
    "languages": _languages,
    "entities": _entities,
}
"""The name lists a subscription filters on, and what cleans each (case, spelling, repeats)."""


class QuietHours(BaseModel):
    """Local wall-clock window (in the subscription's timezone); may cross midnight."""

    model_config = ConfigDict(extra="forbid")

    start: Clock = Field(description="HH:MM, e.g. 22:00.", examples=["22:00"])
    end: Clock = Field(description="HH:MM, e.g. 07:00.", examples=["07:00"])

    @field_validator("start", "end")
    @classmethod
    def _clock(cls, value: str) -> str:
        return parse_hhmm(value).strftime("%H:%M")

    @model_validator(mode="after")
    def _not_empty(self) -> QuietHours:
        if self.start == self.end:
            raise ValueError("quiet hours start and end must differ")
        return self


class _Settable(BaseModel):
    """Fields a subscription's owner may set at creation and change later."""

    model_config = ConfigDict(extra="forbid")

    min_score: float = Field(default=0.0, ge=0.0, le=1.0, description="Minimum topic score.")
    countries: list[Country] = Field(
        default_factory=list, max_length=50, description="ISO country codes (any of)."
    )
    entities: list[EntityName] = Field(
        default_factory=list,
        max_length=50,
        description="Country, agency or place names found in the item (any of).",
    )
    feeds: list[FeedId] = Field(default_factory=list, max_length=100, description="Feed ids.")
    languages: list[Language] = Field(
        default_factory=list, max_length=20, description="Item languages, e.g. en, es."
    )
    mode: Mode = Field(default="instant", description="`instant` or `digest`.")
    alert_mode: AlertMode = Field(
        default="story",
        description="`story`: one alert when a story (one event, all outlets) opens, and one "
        "follow-up when it reaches `followup_outlets` outlets; `item`: one alert per item.",
    )
    followup_outlets: int = Field(
        default=3,
        ge=0,
        le=100,
        description="Story mode: send one follow-up when the story reaches this many outlets "
        "(0: no follow-up).",
    )
    digest_interval_minutes: int | None = Field(
        default=None,
        ge=5,
        le=1440,
        description="Digest period (5 min to 1 day), counted from local midnight.",
    )
    timezone: TimezoneName = Field(
        default="UTC", description="IANA timezone for quiet hours and digests."
    )
    quiet_hours: QuietHours | None = Field(
        default=None, description="Alerts in this window are held and sent when it ends."
    )
    active: bool = Field(default=True, description="Paused subscriptions send nothing.")

    @field_validator(*LIST_CLEANERS)
    @classmethod
    def _clean_list(cls, values: list[str], info: ValidationInfo) -> list[str]:
        return LIST_CLEANERS[str(info.field_name)](values)

    @field_validator("feeds")
    @classmethod
    def _feeds(cls, values: list[int]) -> list[int]:
        if any(v < 1 for v in values):
            raise ValueError("feed ids are positive integers")
        return list(dict.fromkeys(values))

    @field_validator("timezone")
    @classmethod
    def _zone(cls, value: str) -> str:
        zone(value.strip())
        return value.strip()


def check_timing(mode: str, digest_interval_minutes: int | None) -> None:
    if mode == "digest" and digest_interval_minutes is None:
        raise ValueError("mode 'digest' needs digest_interval_minutes")
    if mode == "instant" and digest_interval_minutes is not None:
        raise ValueError("digest_interval_minutes only applies to mode 'digest'")


class SubscriptionCreate(_Settable):
    # The schema says what the validator below checks: a topic, or a non-empty topics.
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "anyOf": [
                {"required": ["topic"], "properties": {"topic": {"type": "string"}}},
                {"required": ["topics"], "properties": {"topics": {"minItems": 1}}},
                {"required": ["routes"], "properties": {"routes": {"minItems": 1}}},
            ]
        },
    )

    topic: TopicName | None = Field(
        default=None, description="One topic (shorthand for `topics: [topic]`)."
    )
    topics: list[TopicName] = Field(default_factory=list, max_length=20, description="Topic names.")
    channel: ChannelName
    target: str = Field(
        min_length=1,
        max_length=2048,
        description="Webhook URL, Slack incoming-webhook URL, email address or Apprise URL.",
    )
    routes: list[RouteIn] = Field(
        default_factory=list, max_length=50, description=ROUTES_DESCRIPTION
    )

    @model_validator(mode="after")
    def _combine(self) -> SubscriptionCreate:
        combined = _topics([*self.topics, *([self.topic] if self.topic else [])])
        self.routes = _routes(self.routes)
        if not combined and self.routes:
            combined = [FLIGHTS_TOPIC]
        if not combined:
            raise ValueError("give at least one topic")
        self.topics, self.topic = combined, None
        check_timing(self.mode, self.digest_interval_minutes)
        return self


class SubscriptionUpdate(BaseModel):
    """PATCH: only the fields given change; ``null`` clears quiet hours and digest
    interval and leaves the other fields unchanged."""

    model_config = ConfigDict(extra="forbid")

    topics: list[TopicName] | None = Field(default=None, min_length=1, max_length=20)
    min_score: float | None = Field(default=None, ge=0.0, le=1.0)
    countries: list[Country] | None = Field(default=None, max_length=50)
    entities: list[EntityName] | None = Field(default=None, max_length=50)
    feeds: list[FeedId] | None = Field(default=None, max_length=100)
    languages: list[Language] | None = Field(default=None, max_length=20)
    mode: Mode | None = None
    alert_mode: AlertMode | None = None
    followup_outlets: int | None = Field(default=None, ge=0, le=100)
    digest_interval_minutes: int | None = Field(default=None, ge=5, le=1440)
    timezone: TimezoneName | None = None
    quiet_hours: QuietHours | None = None
    active: bool | None = None
    routes: list[RouteIn] | None = Field(
        default=None,
        max_length=50,
        description="Replaces the routes; `[]` removes them (back to item alerts).",
    )

    @model_validator(mode="after")
    def _clean(self) -> SubscriptionUpdate:
        if self.routes is not None:
            self.routes = _routes(self.routes)
        if self.topics is not None:
            self.topics = _topics(self.topics)
        for name, clean in LIST_CLEANERS.items():
            if (values := getattr(self, name)) is not None:
                setattr(self, name, clean(values))
        if self.timezone is not None:
            zone(self.timezone)
        for name in (
            "topics",
            "min_score",
            "mode",
            "alert_mode",
            "followup_outlets",
            "timezone",
            "active",
            "routes",
        ):
            if getattr(self, name) is None:  # null, as the schema allows: left unchanged
                self.model_fields_set.discard(name)
        return self


class SubscriptionOut(BaseModel):
    id: int
    topics: list[str]
    channel: str
    target: str = Field(description="Slack and Apprise targets are shown redacted.")
    min_score: float
    countries: list[str]
    entities: list[str]
    feeds: list[int]
    languages: list[str]
    mode: str
    alert_mode: str
    followup_outlets: int
    digest_interval_minutes: int | None
    timezone: str
    quiet_hours: QuietHours | None
    active: bool
    routes: list[RouteOut] = Field(
        default_factory=list, description="Route alerts (flight records), if any."
    )
    status: Literal["active", "paused", "disabled", "awaiting_confirmation"]
    disabled_reason: str | None = None
    confirmed_at: datetime | None = None
    previous_secret_valid_until: datetime | None = None
    created_at: datetime
    updated_at: datetime


class SubscriptionCreated(SubscriptionOut):
    webhook_secret: str | None = Field(
        default=None, description="Webhook signing secret: shown once, store it now."
    )


class RotatedSecret(BaseModel):
    webhook_secret: str = Field(description="The new signing secret: shown once.")
    previous_secret_valid_until: datetime = Field(
        description="Until then, messages carry signatures with the old and the new secret."
    )


class DeliveryOut(BaseModel):
    id: int
    kind: str
    item_id: str
    status: str
    attempts: int
    last_error: str | None
    next_attempt_at: datetime | None
    batch_id: int | None
    created_at: datetime
    updated_at: datetime
    sent_at: datetime | None


class TestSendResult(BaseModel):
    delivered: bool
    delivery_id: int
    error: str | None = None
