"""Notify service settings (``WIREWATCH_`` environment variables)."""

from __future__ import annotations

from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from pydantic import Field, SecretStr, field_validator, model_validator
from wirewatch_shared import streams
from wirewatch_shared.settings import (
    CommonSettings,
    consumer_group_field,
    count_field,
    non_negative_field,
    positive_field,
)

DEFAULT_RETRY_SCHEDULE_S: tuple[float, ...] = (5, 300, 1800, 7200, 18000, 36000, 36000)


class NotifySettings(CommonSettings):
    smtp_host: str = Field(default="localhost", description="SMTP server host.")
    smtp_port: int = Field(default=587, ge=1, le=65535, description="SMTP server port.")
    smtp_security: Literal["starttls", "tls", "none"] = Field(
        default="starttls",
        description="`starttls` (required, certificate verified), `tls` (implicit TLS) or "
        "`none` (clear text: only for a local relay or test server).",
    )
    smtp_username: str | None = Field(default=None, description="SMTP login (optional).")
    smtp_password: SecretStr | None = Field(default=None, description="SMTP password.")
    smtp_ca_file: str | None = Field(
        default=None,
        description="Extra CA bundle (PEM) trusted for the SMTP server's certificate, e.g. a "
        "private CA. Unset: the system trust store only.",
    )
    smtp_timeout_s: float = positive_field(30.0, "SMTP conversation timeout (s).")
    mail_from: str = Field(
        default="Wirewatch <alerts@wirewatch.invalid>", description="From: address of alerts."
    )
    webhook_timeout_s: float = positive_field(
        15.0, "Webhook, Slack and Apprise request timeout (s)."
    )
    retry_schedule_s: tuple[float, ...] = Field(
        default=DEFAULT_RETRY_SCHEDULE_S,
        min_length=1,
        description="Delay before each retry of a failed delivery (s, JSON list, ±20 % "
        "jitter); after the last one the delivery is dead-lettered.",
    )
    retry_after_scale: float = positive_field(
        1.0,
        "Multiplier applied to a receiver's Retry-After (1 = honour it as sent; "
        "tests compress it).",
    )
    max_retry_after_s: float = positive_field(
        86400.0, "Longest Retry-After honoured (s); longer is capped."
    )
    delivery_tick_s: float = positive_field(
        1.0, "How often the delivery worker looks for due retries (s)."
    )
    delivery_concurrency: int = count_field(64, "Deliveries sent at once by one notify process.")
    endpoint_concurrency: int = count_field(
        8,
        "Deliveries sent at once to one endpoint (webhook URL, SMTP relay) to begin with; "
        "Slack webhooks always get 1.",
    )
    endpoint_concurrency_max: int = count_field(
        32,
        "Most deliveries sent at once to one endpoint: the limit grows from "
        "WIREWATCH_ENDPOINT_CONCURRENCY by one per send that succeeds while the endpoint "
        "is at its limit, and halves on a timeout, HTTP 429 or 5xx. Equal to "
        "WIREWATCH_ENDPOINT_CONCURRENCY: a fixed limit.",
    )
    claim_lease_s: float = positive_field(
        60.0,
        "How long a claimed delivery is reserved for its sender (s); after a crash "
        "it is retried once this has passed. Must exceed every channel timeout.",
    )
    slack_min_interval_s: float = non_negative_field(
        1.0, "Minimum gap between two messages to one Slack webhook (s)."
    )
    digest_max_items: int = count_field(200, "Most alerts listed in one digest; more make another.")
    delivery_retention_days: float = non_negative_field(
        30.0,
        "Sent and cancelled deliveries are deleted this many days after their last "
        "change (0 keeps them). Dead ones stay until replayed. Keep it longer than the "
        "classified topic's retention: a delivery is also its (subscription, item) "
        "de-duplication key.",
    )
    consumer_group: str = consumer_group_field(streams.GROUP_NOTIFY, "the notify service")
    story_consumer_group: str = consumer_group_field(
        streams.GROUP_NOTIFY_STORIES, "notify's story-event consumer (story-mode subscriptions)"
    )
    notify_allow_private_networks: bool = Field(
        default=False,
        description="Allow webhook/Slack/Apprise targets on private/loopback addresses "
        "(SSRF guard off; for tests and closed networks only).",
    )
    secret_key: SecretStr | None = Field(
        default=None,
        description="Key that encrypts webhook secrets at rest and signs links. Unset: a "
        "random key is created in `secret_key_file`.",
    )
    secret_key_file: str = Field(
        default_factory=lambda data: str(Path(data["data_dir"]) / "wirewatch-secret.key"),
        json_schema_extra={"shown_default": "DATA_DIR/wirewatch-secret.key"},
        description="Where the generated secret key is kept when `secret_key` is unset.",
    )
    secret_rotation_grace_s: float = non_negative_field(
        86400.0, "After a webhook secret rotation, how long the old secret still signs (s)."
    )
    confirmation_ttl_s: float = positive_field(
        7 * 86400.0, "How long an email confirmation link is valid (s)."
    )
    public_base_url: str = Field(
        default="http://127.0.0.1:8080",
        description="Base URL of the API as subscribers reach it (links in emails).",
    )
    api_rate_limit_per_minute: float = positive_field(
        120.0, "API requests per minute allowed per token (refill)."
    )
    api_rate_limit_burst: int = count_field(
        30, "API requests a token may make at once (bucket size)."
    )
    api_auth_failures_per_minute: float = positive_field(
        10.0,
        "Failed authentications (401) allowed per client address and minute "
        "(refill); past the burst the address gets 429 until it refills.",
    )
    api_auth_failures_burst: int = count_field(
        20, "Failed authentications a client address may make at once."
    )
    api_max_body_bytes: int = Field(
        default=65536, ge=1024, description="Largest API request body accepted (bytes)."
    )

    @field_validator("public_base_url")
    @classmethod
    def _reachable_base(cls, value: str) -> str:
        """Every link in an email starts with it: a value without scheme or host (say
        ``wirewatch.example.org``) would send links no reader can open."""
        parts = urlsplit(value.strip())
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(
                f"must be an http(s) URL with a host (e.g. https://alerts.example.org), "
                f"got {value!r}"
            )
        return value

    @model_validator(mode="after")
    def _endpoint_limit_range(self) -> NotifySettings:
        if self.endpoint_concurrency_max < self.endpoint_concurrency:
            raise ValueError(
                f"endpoint_concurrency_max ({self.endpoint_concurrency_max}) must be at least "
                f"endpoint_concurrency ({self.endpoint_concurrency})"
            )
        return self

    @model_validator(mode="after")
    def _lease_outlives_sends(self) -> NotifySettings:
        longest = max(self.webhook_timeout_s, self.smtp_timeout_s)
        if self.claim_lease_s <= longest + 1:
            raise ValueError(
                f"claim_lease_s ({self.claim_lease_s}) must exceed the longest channel timeout "
                f"({longest}) by more than 1 s, or a slow send could be claimed twice"
            )
        return self
