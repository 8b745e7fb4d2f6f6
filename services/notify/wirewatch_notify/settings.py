"""Notify service settings (``WIREWATCH_`` environment variables)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, SecretStr
from wirewatch_shared.settings import CommonSettings

DEFAULT_RETRY_SCHEDULE_S: tuple[float, ...] = (5, 300, 1800, 7200, 18000, 36000, 36000)


class NotifySettings(CommonSettings):
    smtp_host: str = Field(default="localhost", description="SMTP server host.")
    smtp_port: int = Field(default=587, description="SMTP server port.")
    smtp_security: Literal["starttls", "tls", "none"] = Field(
        default="starttls",
        description="`starttls` (required, certificate verified), `tls` (implicit TLS) or "
        "`none` (clear text: only for a local relay or test server).",
    )
    smtp_username: str | None = Field(default=None, description="SMTP login (optional).")
    smtp_password: SecretStr | None = Field(default=None, description="SMTP password.")
    mail_from: str = Field(
        default="Wirewatch <alerts@wirewatch.invalid>", description="From: address of alerts."
    )
    webhook_timeout_s: float = Field(default=15.0, gt=0, description="Webhook POST timeout (s).")
    retry_schedule_s: tuple[float, ...] = Field(
        default=DEFAULT_RETRY_SCHEDULE_S,
        description="Delay before each retry of a failed delivery (s, JSON list); after the "
        "last one the delivery is dead-lettered.",
    )
    delivery_tick_s: float = Field(
        default=1.0, gt=0, description="How often the delivery worker looks for due retries (s)."
    )
    delivery_concurrency: int = Field(
        default=32, ge=1, description="Deliveries sent at once by one notify process."
    )
    allow_private_networks: bool = Field(
        default=False,
        description="Allow webhook targets on private/loopback addresses (SSRF guard off).",
    )
    secret_key: SecretStr | None = Field(
        default=None,
        description="Key that encrypts webhook secrets at rest and signs links. Unset: a "
        "random key is created in `secret_key_file`.",
    )
    secret_key_file: str = Field(
        default="./wirewatch-secret.key",
        description="Where the generated secret key is kept when `secret_key` is unset.",
    )
    public_base_url: str = Field(
        default="http://127.0.0.1:8080",
        description="Base URL of the API as subscribers reach it (links in emails).",
    )
