"""Request and response models of the subscriptions API (and the CLI's input).

Requests reject unknown fields. One subscription has exactly one channel
(``webhook``, ``slack``, ``email`` or ``apprise``) and target; subscribe the same
topics again for another channel.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from wirewatch_notify.timing import parse_hhmm, zone

TOPIC_NAME = re.compile(r"^[a-z0-9][a-z0-9._-]{0,127}$")
LANGUAGE = re.compile(r"^[a-z]{2,3}$")
COUNTRY = re.compile(r"^[A-Z]{2}$")
ChannelName = Literal["webhook", "slack", "email", "apprise"]
Mode = Literal["instant", "digest"]


def _topics(values: list[str]) -> list[str]:
    cleaned = []
    for value in values:
        value = value.strip().lower()
        if not TOPIC_NAME.match(value):
            raise ValueError("topic must be lowercase letters, digits, '.', '_' or '-'")
        cleaned.append(value)
    return list(dict.fromkeys(cleaned))


def _countries(values: list[str]) -> list[str]:
    cleaned = [v.strip().upper() for v in values]
    for value in cleaned:
        if not COUNTRY.match(value):
            raise ValueError(f"country must be an ISO 3166-1 alpha-2 code, not {value!r}")
    return list(dict.fromkeys(cleaned))


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


class QuietHours(BaseModel):
    """Local wall-clock window (in the subscription's timezone); may cross midnight."""

    model_config = ConfigDict(extra="forbid")

    start: str = Field(description="HH:MM, e.g. 22:00.", examples=["22:00"])
    end: str = Field(description="HH:MM, e.g. 07:00.", examples=["07:00"])

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
    countries: list[str] = Field(
        default_factory=list, max_length=50, description="ISO country codes (any of)."
    )
    entities: list[str] = Field(
        default_factory=list,
        max_length=50,
        description="Country, agency or place names found in the item (any of).",
    )
    feeds: list[int] = Field(default_factory=list, max_length=100, description="Feed ids.")
    languages: list[str] = Field(
        default_factory=list, max_length=20, description="Item languages, e.g. en, es."
    )
    mode: Mode = Field(default="instant", description="`instant` or `digest`.")
    digest_interval_minutes: int | None = Field(
        default=None,
        ge=5,
        le=1440,
        description="Digest period (5 min to 1 day), counted from local midnight.",
    )
    timezone: str = Field(default="UTC", description="IANA timezone for quiet hours and digests.")
    quiet_hours: QuietHours | None = Field(
        default=None, description="Alerts in this window are held and sent when it ends."
    )
    active: bool = Field(default=True, description="Paused subscriptions send nothing.")

    @field_validator("countries")
    @classmethod
    def _check_countries(cls, values: list[str]) -> list[str]:
        return _countries(values)

    @field_validator("languages")
    @classmethod
    def _check_languages(cls, values: list[str]) -> list[str]:
        return _languages(values)

    @field_validator("entities")
    @classmethod
    def _check_entities(cls, values: list[str]) -> list[str]:
        return _entities(values)

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
    topic: str | None = Field(
        default=None, description="One topic (shorthand for `topics: [topic]`)."
    )
    topics: list[str] = Field(default_factory=list, max_length=20, description="Topic names.")
    channel: ChannelName
    target: str = Field(
        min_length=1,
        max_length=2048,
        description="Webhook URL, Slack incoming-webhook URL, email address or Apprise URL.",
    )

    @model_validator(mode="after")
    def _combine(self) -> SubscriptionCreate:
        combined = _topics([*self.topics, *([self.topic] if self.topic else [])])
        if not combined:
            raise ValueError("give at least one topic")
        self.topics, self.topic = combined, None
        check_timing(self.mode, self.digest_interval_minutes)
        return self


class SubscriptionUpdate(BaseModel):
    """PATCH: only the fields given change; ``null`` clears quiet hours and digest
    interval and leaves the other fields unchanged."""

    model_config = ConfigDict(extra="forbid")

    topics: list[str] | None = Field(default=None, min_length=1, max_length=20)
    min_score: float | None = Field(default=None, ge=0.0, le=1.0)
    countries: list[str] | None = Field(default=None, max_length=50)
    entities: list[str] | None = Field(default=None, max_length=50)
    feeds: list[int] | None = Field(default=None, max_length=100)
    languages: list[str] | None = Field(default=None, max_length=20)
    mode: Mode | None = None
    digest_interval_minutes: int | None = Field(default=None, ge=5, le=1440)
    timezone: str | None = None
    quiet_hours: QuietHours | None = None
    active: bool | None = None

    @model_validator(mode="after")
    def _clean(self) -> SubscriptionUpdate:
        if self.topics is not None:
            self.topics = _topics(self.topics)
        if self.countries is not None:
            self.countries = _countries(self.countries)
        if self.languages is not None:
            self.languages = _languages(self.languages)
        if self.entities is not None:
            self.entities = _entities(self.entities)
        if self.timezone is not None:
            zone(self.timezone)
        for name in ("topics", "min_score", "mode", "timezone", "active"):
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
    digest_interval_minutes: int | None
    timezone: str
    quiet_hours: QuietHours | None
    active: bool
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
