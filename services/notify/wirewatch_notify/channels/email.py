"""Email over SMTP (aiosmtplib): TLS verified unless a clear-text relay is explicitly configured.

Alerts and digests are multipart (text + HTML from autoescaped templates) and carry
``List-Unsubscribe`` + ``List-Unsubscribe-Post: List-Unsubscribe=One-Click`` (RFC 8058).
SMTP 4xx is retried. A 5xx refusal of the address (RFC 3463 ``5.1.x`` addressing or
``5.2.1`` mailbox disabled; at RCPT TO also a bare 550/551/553) stops mail to it (the
subscription is disabled with the server's reason); any other 5xx (our sender's DMARC or
relay access, one message's content or size) dead-letters that message only.
"""

from __future__ import annotations

import re
import ssl
from datetime import UTC, datetime
from email.message import EmailMessage
from email.policy import Policy
from email.utils import format_datetime, make_msgid

import aiosmtplib
import email_validator

from wirewatch_notify.channels.base import (
    DeliveryRequest,
    PermanentDeliveryError,
    RetryableDeliveryError,
    SettingsChannel,
)
from wirewatch_notify.rendering import render_email
from wirewatch_notify.settings import NotifySettings

# C0/C1 controls and Unicode line/paragraph separators: none may reach a header.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
# An RFC 3463 enhanced status code at the start of a reply: class.subject.detail.
_ENHANCED = re.compile(r"\s*[245]\.(\d{1,3})\.(\d{1,3})(?!\S)")
# Bare RFC 5321 replies to RCPT TO that name the mailbox: unavailable, not local, bad name.
_MAILBOX_REPLIES = frozenset({550, 551, 553})
# Addressing statuses about our side (RFC 3463): 5.1.7 bad sender mailbox syntax,
# 5.1.8 bad sender's system address.
_SENDER_ADDRESSING = frozenset({7, 8})


def refuses_address(code: int, message: str, *, at_rcpt: bool) -> bool:
    """Does this permanent SMTP refusal say the recipient's address is bad (stop mail to
    it), rather than our sender, our relay settings or one message (dead-letter it)?"""
    enhanced = _ENHANCED.match(message)
    if enhanced is None:
        return at_rcpt and code in _MAILBOX_REPLIES
    subject, detail = int(enhanced.group(1)), int(enhanced.group(2))
    if subject == 1:
        return detail not in _SENDER_ADDRESSING
    return (subject, detail) == (2, 1)  # mailbox disabled


def header_safe(value: str, limit: int = 250) -> str:
    """Feed titles end up in Subject: control characters (CR, LF, NUL...) become spaces,
    whitespace is folded, and ``=?`` is broken up so that no RFC 2047 encoded word in a
    title is decoded (Python's email package would decode ``=?utf-8?b?...?=`` hiding a
    CRLF straight into the header). A title can neither break nor inject a header."""
    folded = " ".join(_CONTROL.sub(" ", value).split())[:limit]
    return folded.replace("=?", "=\u2060?")  # WORD JOINER: invisible, not an encoded word


def set_text_header(message: EmailMessage, name: str, value: str) -> None:
    """Set a header from untrusted text, and make sure what was stored is one line."""
    message[name] = header_safe(value)
    stored = str(message[name])
    if any(c in stored for c in "\r\n\0"):  # defence in depth: never emit a broken header
        del message[name]
        message[name] = "(subject withheld: unsafe characters)"


class UnfoldedHeader(str):
    """A header written as given, on one line: a header object in the sense of
    :mod:`email.policy` (it has ``name`` and ``fold``), so the policy stores and folds it
    through it. ``List-Unsubscribe: <URL>`` is one long word with no place to fold; the
    default policy would RFC 2047-encode it (``=?utf-8?q?=3Chttp...?=``), which mail
    clients do not decode there. Only for ASCII values the code builds (never input)."""

    name: str

    def __new__(cls, name: str, value: str) -> UnfoldedHeader:
        if not value.isascii() or _CONTROL.search(value) or len(name) + len(value) > 996:
            raise ValueError(f"{name}: not a one-line ASCII header value")
        header = super().__new__(cls, value)
        header.name = name
        return header

    def fold(self, *, policy: Policy) -> str:
        return f"{self.name}: {self}{policy.linesep}"


def ascii_address(address: str) -> str:
    """``address`` with its domain in ASCII (IDNA, ``leser@xn--bcher-kva.de``): the same
    mailbox, which a relay without SMTPUTF8 (Amazon SES, older Postfix) also accepts. An
    address whose local part is not ASCII has no such form and is kept as it is."""
    if address.isascii():
        return address
    try:
        checked = email_validator.validate_email(address, check_deliverability=False)
    except email_validator.EmailNotValidError:
        return address
    return checked.ascii_email or address


def build_message(request: DeliveryRequest, mail_from: str) -> EmailMessage:
    rendered = render_email(
        request.envelope,
        unsubscribe_url=request.unsubscribe_url,
        confirm_url=request.confirm_url,
    )
    message = EmailMessage()
    message["From"] = mail_from
    message["To"] = ascii_address(request.target)  # also the envelope's recipient
    set_text_header(message, "Subject", rendered.subject)
    message["Date"] = format_datetime(datetime.now(UTC))
    message["Message-ID"] = make_msgid(idstring=request.message_id, domain="wirewatch")
    message["X-Wirewatch-Message-Id"] = request.message_id
    if request.unsubscribe_url:
        message["List-Unsubscribe"] = UnfoldedHeader(
            "List-Unsubscribe", f"<{request.unsubscribe_url}>"
        )
        message["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    message.set_content(rendered.text)
    message.add_alternative(rendered.html, subtype="html")
    return message


def delivery_error(exc: Exception) -> Exception:
    """What a failed SMTP conversation means for the delivery: retry, dead, or dead and
    the subscription disabled (a permanent refusal of the address)."""
    if isinstance(exc, aiosmtplib.SMTPRecipientsRefused):
        reason = "; ".join(f"SMTP {e.code}: {e.message}" for e in exc.recipients)
        permanent = [e for e in exc.recipients if 500 <= e.code < 600]
        if not permanent:
            return RetryableDeliveryError(f"recipient deferred: {reason}")
        disable = any(refuses_address(e.code, e.message, at_rcpt=True) for e in permanent)
        return PermanentDeliveryError(f"recipient refused: {reason}", disable=disable)
    if isinstance(exc, aiosmtplib.SMTPDataError | aiosmtplib.SMTPRecipientRefused):
        if 500 <= exc.code < 600:
            at_rcpt = isinstance(exc, aiosmtplib.SMTPRecipientRefused)
            return PermanentDeliveryError(
                f"SMTP {exc.code}: {exc.message}",
                disable=refuses_address(exc.code, exc.message, at_rcpt=at_rcpt),
            )
        return RetryableDeliveryError(f"SMTP {exc.code}: {exc.message}")
    if isinstance(exc, aiosmtplib.SMTPResponseException):
        # Sender or authentication refused: our configuration, not this address.
        return RetryableDeliveryError(f"SMTP {exc.code}: {exc.message}")
    return RetryableDeliveryError(f"{type(exc).__name__}: {exc}")


def tls_context(settings: NotifySettings) -> ssl.SSLContext:
    """Certificate and host name verified (the default context), optionally with a private CA."""
    return ssl.create_default_context(cafile=settings.smtp_ca_file)


class EmailChannel(SettingsChannel):
    name = "email"

    def endpoint_key(self, target: str) -> str:
        return f"smtp://{self.settings.smtp_host}:{self.settings.smtp_port}"

    async def send(self, request: DeliveryRequest) -> None:
        settings = self.settings
        message = build_message(request, settings.mail_from)
        security = settings.smtp_security
        try:
            await aiosmtplib.send(
                message,
                hostname=settings.smtp_host,
                port=settings.smtp_port,
                use_tls=security == "tls",
                # True = REQUIRED: a server without STARTTLS is refused, never clear text.
                start_tls=security == "starttls",
                tls_context=tls_context(settings) if security != "none" else None,
                validate_certs=security != "none",
                username=settings.smtp_username,
                password=(
                    settings.smtp_password.get_secret_value() if settings.smtp_password else None
                ),
                timeout=settings.smtp_timeout_s,
            )
        except (aiosmtplib.SMTPException, OSError, TimeoutError) as exc:
            raise delivery_error(exc) from exc
