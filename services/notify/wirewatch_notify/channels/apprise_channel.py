"""Apprise: one channel type for any Apprise URL (ntfy, Discord, Telegram, json://...).

Apprise sends with ``requests`` in a worker thread; every connection it opens is
checked by the urllib3-level SSRF guard (``wirewatch_notify.ssrf_sync``). Schemes
whose transport is not HTTP (mail, IRC, XMPP, MQTT, syslog, desktop...) are refused:
the guard could not see their connections, and email has its own channel. Apprise
reports only success or failure, so every failure is retryable.
"""

from __future__ import annotations

import asyncio
import re
from typing import Any
from urllib.parse import urlsplit

from wirewatch_shared.ssrf import ResolutionError

from wirewatch_notify.channels.base import (
    DeliveryRequest,
    PermanentDeliveryError,
    RetryableDeliveryError,
    SettingsChannel,
)
from wirewatch_notify.payloads import (
    DIGEST_EVENT_TYPE,
    evidence_phrases,
    headline,
    source_name,
    topics_prefix,
)
from wirewatch_notify.ssrf_sync import guarded_connections

NON_HTTP_SCHEMES = frozenset(
    {
        "amqp", "amqps", "aprs", "blink1", "dbus", "deltachat", "deltachats", "gio", "glib",
        "gnome", "growl", "irc", "ircs", "kde", "macosx", "mailto", "mailtos", "mqtt", "mqtts",
        "qt", "rsyslog", "smpp", "smpps", "syslog", "windows", "xmpp", "xmpps",
    }
)  # fmt: skip


class AppriseUrlError(ValueError):
    """Not an Apprise URL this channel accepts."""


def apprise_scheme(url: str) -> str:
    try:
        return urlsplit(url.strip()).scheme.lower()
    except ValueError as exc:  # e.g. an unclosed IPv6 bracket
        raise AppriseUrlError(f"not a valid URL: {exc}") from exc


def validate_apprise_url(url: str) -> Any:
    """The Apprise plugin instance for ``url``; :class:`AppriseUrlError` when refused."""
    import apprise

    scheme = apprise_scheme(url)
    if not scheme:
        raise AppriseUrlError("not an Apprise URL (no scheme://)")
    if scheme in NON_HTTP_SCHEMES:
        raise AppriseUrlError(
            f"Apprise scheme {scheme!r} does not use HTTP and is not allowed "
            "(use the email channel for mail)"
        )
    plugin = apprise.Apprise.instantiate(url.strip(), suppress_exceptions=True)
    if plugin is None:
        raise AppriseUrlError(f"Apprise does not understand this {scheme!r} URL")
    return plugin


def plugin_host(plugin: Any) -> tuple[str, int] | None:
    """The host a self-hosted plugin (json://, ntfy://, gotify://...) will contact, if any."""
    host = getattr(plugin, "host", None)
    if not isinstance(host, str) or not host:
        return None
    port = getattr(plugin, "port", None)
    secure = bool(getattr(plugin, "secure", False))
    return host, int(port) if isinstance(port, int) else (443 if secure else 80)


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\](){}<>#|~!])")
_MENTION = re.compile(r"@(?=\w)")


def md_text(text: str) -> str:
    """Feed text as Markdown that reads as itself: its markup characters backslash-escaped
    (no injected link, heading or emphasis), and a word joiner after each ``@`` so that no
    ``@everyone``, ``@here`` or ``<@id>`` in a headline mentions anyone (Discord; Apprise
    turns any ``@word`` in a body into a mention)."""
    return _MENTION.sub("@\u2060", _MARKDOWN_SPECIAL.sub(r"\\\1", text))


def plain_title(text: str) -> str:
    """A title that some services (Discord) show as Markdown and others as plain text: no
    mention, and no ``[text](url)`` link (a word joiner after ``]``), without backslashes."""
    return _MENTION.sub("@\u2060", text).replace("](", "]\u2060(")


def _md_url(link: str) -> str:
    """A link's URL inside ``[text](url)``: the characters that would end it, encoded."""
    return link.replace("(", "%28").replace(")", "%29").replace("<", "%3C").replace(">", "%3E")


def _markdown(envelope: dict[str, Any]) -> tuple[str, str]:
    data = envelope["data"]
    alerts = data["alerts"] if envelope["type"] == DIGEST_EVENT_TYPE else [data]
    parts = []
    for alert in alerts[:50]:
        link = alert["item"].get("link")
        title = md_text(headline(alert))
        lines = [f"**[{title}]({_md_url(link)})**" if link else f"**{title}**"]
        lines.append(md_text(f"{source_name(alert)} · {alert['item']['published']}"))
        for match in alert["matches"]:
            phrases = ", ".join(f"“{p}”" for p in evidence_phrases(match)[:5])
            lines.append(md_text(f"- {match['topic']} ({match['score']:.2f}) {phrases}".rstrip()))
        parts.append("\n".join(lines))
    if envelope["type"] == DIGEST_EVENT_TYPE:
        title = f"Wirewatch digest: {data['count']} alerts"
    else:
        title = plain_title(f"[Wirewatch] {topics_prefix(data)}{headline(data)}")
    return title[:250], "\n\n".join(parts)


class AppriseChannel(SettingsChannel):
    name = "apprise"

    def endpoint_key(self, target: str) -> str:
        return target

    def _send_blocking(self, url: str, title: str, body: str) -> None:
        import apprise

        with guarded_connections(
            allow_private=self.settings.notify_allow_private_networks
        ) as guard:
            try:
                validate_apprise_url(url)
            except AppriseUrlError as exc:
                raise PermanentDeliveryError(str(exc), disable=True) from exc
            sender = apprise.Apprise(asset=apprise.AppriseAsset(async_mode=False))
            sender.add(url)
            ok = sender.notify(title=title, body=body, body_format=apprise.NotifyFormat.MARKDOWN)
        if guard.refusals:
            refusal = guard.refusals[0]
            if isinstance(refusal, ResolutionError):
                raise RetryableDeliveryError(str(refusal))
            raise PermanentDeliveryError(f"target refused: {refusal}", disable=True)
        if not ok:
            raise RetryableDeliveryError("Apprise reported a failed notification")

    async def send(self, request: DeliveryRequest) -> None:
        title, body = _markdown(request.envelope)
        try:
            async with asyncio.timeout(self.settings.webhook_timeout_s):
                await asyncio.to_thread(self._send_blocking, request.target, title, body)
        except TimeoutError as exc:
            raise RetryableDeliveryError("Apprise notification timed out") from exc
