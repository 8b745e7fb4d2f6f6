"""Email alerts over SMTP (aiosmtplib), TLS verified unless a clear-text relay is configured."""

from __future__ import annotations

import ssl
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

import aiosmtplib

from wirewatch_notify.channels.base import (
    DeliveryRequest,
    PermanentDeliveryError,
    RetryableDeliveryError,
)
from wirewatch_notify.payloads import email_subject, email_text
from wirewatch_notify.settings import NotifySettings

_UNSAFE_HEADER_CHARS = str.maketrans({"\r": " ", "\n": " ", "\0": ""})


def header_safe(value: str, limit: int = 250) -> str:
    """Feed titles end up in Subject: CR/LF/NUL are folded so they cannot inject headers."""
    return " ".join(value.translate(_UNSAFE_HEADER_CHARS).split())[:limit]


def build_message(request: DeliveryRequest, mail_from: str) -> EmailMessage:
    message = EmailMessage()
    message["From"] = mail_from
    message["To"] = request.target
    message["Subject"] = header_safe(email_subject(request.envelope))
    message["Date"] = format_datetime(datetime.now(UTC))
    message["Message-ID"] = make_msgid(idstring=request.message_id, domain="wirewatch")
    message["X-Wirewatch-Message-Id"] = request.message_id
    message.set_content(email_text(request.envelope))
    return message


class EmailChannel:
    name = "email"

    def __init__(self, settings: NotifySettings) -> None:
        self.settings = settings

    async def send(self, request: DeliveryRequest) -> None:
        settings = self.settings
        message = build_message(request, settings.mail_from)
        context = ssl.create_default_context()
        try:
            await aiosmtplib.send(
                message,
                hostname=settings.smtp_host,
                port=settings.smtp_port,
                use_tls=settings.smtp_security == "tls",
                start_tls=settings.smtp_security == "starttls",
                tls_context=context if settings.smtp_security != "none" else None,
                username=settings.smtp_username,
                password=(
                    settings.smtp_password.get_secret_value() if settings.smtp_password else None
                ),
                timeout=30,
            )
        except aiosmtplib.SMTPResponseException as exc:
            if 500 <= exc.code < 600:
                raise PermanentDeliveryError(f"SMTP {exc.code}: {exc.message}") from exc
            raise RetryableDeliveryError(f"SMTP {exc.code}: {exc.message}") from exc
        except (aiosmtplib.SMTPException, OSError, TimeoutError) as exc:
            raise RetryableDeliveryError(f"{type(exc).__name__}: {exc}") from exc

    async def aclose(self) -> None:
        return None
