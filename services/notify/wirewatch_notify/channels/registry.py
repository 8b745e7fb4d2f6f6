"""Channels registered by name: how to build each, and how to vet a target for it.

Adding a channel = one module implementing :class:`~wirewatch_notify.channels.base.Channel`
plus one :class:`ChannelSpec` here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

from pydantic import BaseModel, EmailStr, ValidationError

from wirewatch_notify.channels.base import Channel
from wirewatch_notify.settings import NotifySettings


class TargetError(ValueError):
    """The target is not valid for the channel; the message says why."""


class _EmailTarget(BaseModel):
    address: EmailStr


def _email_target(target: str) -> str:
    try:
        return str(_EmailTarget(address=target.strip()).address)
    except ValidationError as exc:
        raise TargetError(f"not a valid email address: {target!r}") from exc


def _http_target(target: str) -> str:
    target = target.strip()
    if any(c.isspace() or not c.isprintable() for c in target):
        raise TargetError(f"URL must not contain spaces or control characters: {target!r}")
    try:
        parts = urlsplit(target)
        port = parts.port  # raises on a bad port
    except ValueError as exc:
        raise TargetError(f"invalid URL {target!r}: {exc}") from exc
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise TargetError(f"URL must be http(s) with a host: {target!r}")
    if parts.username is not None or parts.password is not None:
        raise TargetError("URLs with credentials are not allowed")
    if port == 0:
        raise TargetError(f"invalid URL {target!r}: port 0")
    import httpx

    try:
        httpx.URL(target).host  # noqa: B018 - as the sender reads it (an invalid xn-- label)
    except (httpx.InvalidURL, UnicodeError) as exc:
        raise TargetError(f"invalid URL {target!r}: {exc}") from exc
    return target


def _host_name(host: str) -> str:
    """``host`` as the resolver will take it (IDNA-encoded): an empty label or one over
    63 bytes cannot be looked up, ever."""
    try:
        host.encode("idna")
    except UnicodeError as exc:
        raise TargetError(f"invalid host name in URL: {host!r} ({exc})") from exc
    return host


def _apprise_target(target: str) -> str:
    from wirewatch_notify.channels.apprise_channel import AppriseUrlError, validate_apprise_url

    try:
        validate_apprise_url(target)
    except AppriseUrlError as exc:
        raise TargetError(str(exc)) from exc
    return target.strip()


def _url_hosts(target: str) -> list[tuple[str, int]]:
    from wirewatch_shared.ssrf import split_url

    host, port = split_url(target)
    return [(_host_name(host), port)]


def _apprise_hosts(target: str) -> list[tuple[str, int]]:
    from wirewatch_notify.channels.apprise_channel import plugin_host, validate_apprise_url

    host = plugin_host(validate_apprise_url(target))
    return [(_host_name(host[0]), host[1])] if host else []


def _no_hosts(target: str) -> list[tuple[str, int]]:
    return []


def _redact_url(target: str) -> str:
    """Slack webhook paths are credentials: show scheme, host and a hint only."""
    parts = urlsplit(target)
    path = parts.path.rstrip("/")
    hint = path[-4:] if len(path) > 8 else ""
    return urlunsplit((parts.scheme, parts.netloc, f"/…{hint}" if hint else "/…", "", ""))


def _redact_apprise(target: str) -> str:
    scheme = urlsplit(target).scheme or "apprise"
    return f"{scheme}://…"


def _build_webhook(settings: NotifySettings) -> Channel:
    from wirewatch_notify.channels.http import make_http_client
    from wirewatch_notify.channels.webhook import WebhookChannel

    client = make_http_client(
        allow_private=settings.notify_allow_private_networks,
        max_connections=settings.delivery_concurrency + 8,
    )
    return WebhookChannel(client, settings)


def _build_slack(settings: NotifySettings) -> Channel:
    from wirewatch_notify.channels.http import make_http_client
    from wirewatch_notify.channels.slack import SlackChannel

    return SlackChannel(
        make_http_client(allow_private=settings.notify_allow_private_networks), settings
    )


def _build_email(settings: NotifySettings) -> Channel:
    from wirewatch_notify.channels.email import EmailChannel

    return EmailChannel(settings)


def _build_apprise(settings: NotifySettings) -> Channel:
    from wirewatch_notify.channels.apprise_channel import AppriseChannel

    return AppriseChannel(settings)


@dataclass(frozen=True, slots=True)
class ChannelSpec:
    name: str
    build: Callable[[NotifySettings], Channel]
    normalize_target: Callable[[str], str]  # raises TargetError
    hosts: Callable[[str], list[tuple[str, int]]]  # (host, port) the SSRF guard must vet
    redact: Callable[[str], str] | None = None  # target is a credential: store it encrypted
    signed: bool = False  # gets a webhook signing secret


CHANNELS: dict[str, ChannelSpec] = {
    "webhook": ChannelSpec("webhook", _build_webhook, _http_target, _url_hosts, signed=True),
    "slack": ChannelSpec("slack", _build_slack, _http_target, _url_hosts, redact=_redact_url),
    "email": ChannelSpec("email", _build_email, _email_target, _no_hosts),
    "apprise": ChannelSpec(
        "apprise", _build_apprise, _apprise_target, _apprise_hosts, redact=_redact_apprise
    ),
}


def spec(name: str) -> ChannelSpec:
    try:
        return CHANNELS[name]
    except KeyError:
        raise TargetError(f"unknown channel {name!r}; one of {', '.join(CHANNELS)}") from None


def build_channels(settings: NotifySettings) -> dict[str, Channel]:
    return {name: channel_spec.build(settings) for name, channel_spec in CHANNELS.items()}
