"""Slack incoming webhooks: a Block Kit message per alert, paced to one per second per URL.

Slack's answers: 200 ``ok``; 429 + Retry-After (wait exactly that long);
404 ``channel_not_found`` / 410 ``channel_is_archived`` / 403 (``action_prohibited``,
``invalid_token``...) disable the subscription with the reason; 400 ``invalid_payload``
(or any other 400) is dead-lettered without retry; 5xx and network errors are retried.
"""

from __future__ import annotations

import json
from typing import Any

import httpx

from wirewatch_notify.channels.base import (
    DeliveryRequest,
    PermanentDeliveryError,
    RetryableDeliveryError,
)
from wirewatch_notify.channels.http import post, scaled_retry_after
from wirewatch_notify.channels.pacing import Pacer
from wirewatch_notify.payloads import (
    DIGEST_EVENT_TYPE,
    evidence_phrases,
    headline,
    source_name,
    topics_prefix,
)
from wirewatch_notify.settings import NotifySettings

DISABLING_STATUSES = frozenset({403, 404, 410})
MAX_DIGEST_ITEMS = 20  # Block Kit allows 50 blocks; keep messages readable


def _escape(text: str) -> str:
    """Slack mrkdwn control characters."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _url(link: str) -> str:
    """A link's URL inside ``<url|text>``: the characters that would end it, encoded."""
    return link.replace("|", "%7C").replace("<", "%3C").replace(">", "%3E")


def _link(alert: dict[str, Any]) -> str:
    title = _escape(headline(alert))
    link = alert["item"].get("link")
    if isinstance(link, str) and link.lower().startswith(("http://", "https://")):
        return f"<{_url(link)}|{title}>"
    return title


def _topics_text(alert: dict[str, Any]) -> str:
    lines = []
    for match in alert["matches"]:
        phrases = ", ".join(f"“{_escape(p)}”" for p in evidence_phrases(match)[:5])
        line = f"• *{_escape(match['topic'])}* ({match['score']:.2f})"
        lines.append(f"{line} — {phrases}" if phrases else line)
    return "\n".join(lines)


def _story_text(story: dict[str, Any]) -> str:
    outlets = len(story["outlets"])
    head = (
        f"*Update: {outlets} outlets now report this story*"
        if story.get("event") == "grown"
        else f"*Story: {outlets} outlet(s) so far*"
    )
    lines = [head]
    if story["also_reported_by"]:
        lines.append("Also reported by " + ", ".join(_escape(o) for o in story["also_reported_by"]))
    for ref in story["items"][:10]:
        link = ref.get("link")
        title = _escape(ref["title"] or "(untitled)")
        if isinstance(link, str) and link.lower().startswith(("http://", "https://")):
            title = f"<{_url(link)}|{title}>"
        lines.append(f"• {_escape(ref['outlet'])}: {title}")
    return "\n".join(lines)


def _alert_blocks(alert: dict[str, Any]) -> list[dict[str, Any]]:
    context = f"{_escape(source_name(alert))} · {_escape(str(alert['item']['published']))}"
    blocks: list[dict[str, Any]] = [
        {"type": "section", "text": {"type": "mrkdwn", "text": f"*{_link(alert)}*"[:3000]}},
    ]
    topics = _topics_text(alert)[:3000]
    if topics:  # none for a route alert: Slack refuses an empty text (invalid_blocks)
        blocks.append({"type": "section", "text": {"type": "mrkdwn", "text": topics}})
    blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": context[:3000]}]})
    story = alert.get("story")
    if story:
        text = _story_text(story)[:3000]
        blocks.append({"type": "section", "text": {"type": "mrkdwn", "text": text}})
    return blocks


def slack_message(envelope: dict[str, Any]) -> dict[str, Any]:
    """The Block Kit payload (``text`` is the notification fallback)."""
    data = envelope["data"]
    if envelope["type"] == DIGEST_EVENT_TYPE:
        alerts = data["alerts"]
        blocks: list[dict[str, Any]] = [
            {
                "type": "header",
                "text": {"type": "plain_text", "text": f"Wirewatch digest: {data['count']} alerts"},
            }
        ]
        for alert in alerts[:MAX_DIGEST_ITEMS]:
            blocks.append({"type": "divider"})
            blocks.extend(_alert_blocks(alert))
        if len(alerts) > MAX_DIGEST_ITEMS:
            more = f"…and {len(alerts) - MAX_DIGEST_ITEMS} more"
            blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": more}]})
        return {"text": f"Wirewatch digest: {data['count']} alerts", "blocks": blocks}
    prefix = "[test] " if data.get("test") else ""
    return {  # the fallback text is mrkdwn too: a title's <!channel> must not ping anyone
        "text": _escape(f"{prefix}{topics_prefix(data)}{headline(data)}")[:3000],
        "blocks": _alert_blocks(data),
        "unfurl_links": False,
    }


class SlackChannel:
    name = "slack"
    endpoint_concurrency: int | None = 1  # pacing is per URL: one message in flight

    def __init__(self, client: httpx.AsyncClient, settings: NotifySettings) -> None:
        self.client = client
        self.settings = settings
        self.pacer = Pacer(settings.slack_min_interval_s)

    def endpoint_key(self, target: str) -> str:
        return target

    async def send(self, request: DeliveryRequest) -> None:
        body = json.dumps(slack_message(request.envelope), ensure_ascii=False).encode()
        await self.pacer.wait_turn(request.target)
        result = await post(
            self.client,
            request.target,
            content=body,
            headers={"content-type": "application/json"},
            timeout_s=self.settings.webhook_timeout_s,
            read_limit=512,
        )
        status = result.status
        reason = result.body.decode("utf-8", "replace").strip()[:200] or f"HTTP {status}"
        if 200 <= status < 300:
            return
        if status == 429:
            wait = scaled_retry_after(
                result.headers.get("retry-after"),
                scale=self.settings.retry_after_scale,
                cap=self.settings.max_retry_after_s,
            )
            wait = wait if wait is not None else 30.0 * self.settings.retry_after_scale
            self.pacer.block(request.target, wait)
            raise RetryableDeliveryError(
                f"Slack rate limited (HTTP 429), retry in {wait:g} s",
                retry_after_s=wait,
                exact=True,
            )
        if status in DISABLING_STATUSES:
            raise PermanentDeliveryError(f"Slack HTTP {status}: {reason}", disable=True)
        if status == 400:
            raise PermanentDeliveryError(f"Slack HTTP 400: {reason}")
        raise RetryableDeliveryError(f"Slack HTTP {status}: {reason}")

    async def aclose(self) -> None:
        await self.client.aclose()
