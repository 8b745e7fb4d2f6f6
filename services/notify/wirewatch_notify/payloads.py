"""Message payloads: the versioned envelopes every channel renders from (pure).

``wirewatch.alert.v1``  one item and the subscription's matching topics;
``wirewatch.digest.v1`` every alert of a digest period, in one message;
``wirewatch.confirm.v1`` the email double opt-in request (email channel only).
See docs/notify.md and docs/alert-payload.schema.json.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from wirewatch_shared.events import ClassifiedItem, FeedItem, TopicMatch
from wirewatch_shared.outlets import outlet_host

ALERT_EVENT_TYPE = "wirewatch.alert.v1"
DIGEST_EVENT_TYPE = "wirewatch.digest.v1"
CONFIRM_EVENT_TYPE = "wirewatch.confirm.v1"


def dumps(envelope: dict[str, Any]) -> str:
    """The stored (and webhook wire) form: compact JSON, UTF-8 kept as is."""
    return json.dumps(envelope, ensure_ascii=False, separators=(",", ":"))


def envelope(event_type: str, data: dict[str, Any], *, now: datetime) -> dict[str, Any]:
    """The documented ``{type, timestamp, data}`` envelope every channel renders from."""
    return {"type": event_type, "timestamp": now.isoformat(), "data": data}


def _match_data(match: TopicMatch, entities: dict[str, Any]) -> dict[str, Any]:
    return {
        "topic": match.topic,
        "score": round(match.score, 4),
        "rules": list(match.rules),
        "evidence": [e.model_dump(mode="json") for e in match.evidence],
        "entities": entities,
    }


def _own_source(item: FeedItem) -> dict[str, Any] | None:
    if not (item.source_name or item.source_url):
        return None
    return {"name": item.source_name, "url": item.source_url}


def alert_envelope(
    classified: ClassifiedItem, matches: Sequence[TopicMatch], *, now: datetime
) -> dict[str, Any]:
    """The documented ``{type, timestamp, data}`` envelope every channel renders from."""
    item = classified.item
    entities = classified.entities.model_dump(mode="json")  # the same in every match
    return envelope(
        ALERT_EVENT_TYPE,
        {
            "item": {
                "id": item.item_id,
                "title": item.title,
                "summary": item.summary,
                "link": item.link,
                "published": item.published.isoformat(),
                # When ingest fetched the feed: freshness (fetch -> delivered) is measured
                # from it (wirewatch_alert_freshness_seconds{since="fetched"}).
                "fetched_at": item.fetched_at.isoformat(),
                "feed": {"id": item.feed_id, "title": item.feed_title, "url": item.feed_url},
                # The outlet an aggregator's item names (Google News carries many): shown
                # before the feed, which alone would name the aggregator.
                "source": _own_source(item),
                "language": item.language,
            },
            "matches": [_match_data(m, entities) for m in matches],
            "entities": entities,
        },
        now=now,
    )


def digest_envelope(
    alerts: Sequence[dict[str, Any]], *, period_end: datetime, now: datetime
) -> dict[str, Any]:
    """One message for a digest period: the ``data`` of every alert, oldest first; the
    alerts of one story are one entry (the story's latest state)."""
    alerts = group_by_story(alerts)
    return envelope(
        DIGEST_EVENT_TYPE,
        {
            "period_end": period_end.isoformat(),
            "count": len(alerts),
            "alerts": [alert["data"] for alert in alerts],
        },
        now=now,
    )


def sample_envelope(topics: Sequence[str], *, now: datetime) -> dict[str, Any]:
    """A realistic alert for test sends; ``data.test`` is true and the item id is unique."""
    topic = topics[0] if topics else "example-topic"
    phrase = "Wirewatch test alert"
    return envelope(
        ALERT_EVENT_TYPE,
        {
            "test": True,
            "item": {
                "id": f"test-{uuid.uuid4().hex[:16]}",
                "title": f"{phrase}: your subscription works",
                "summary": "This is a sample alert sent on request; no real item matched.",
                "link": "https://example.org/wirewatch-test",
                "published": now.isoformat(),
                "feed": {"id": 0, "title": "Wirewatch", "url": "https://example.org/feed.xml"},
                "language": "en",
            },
            "matches": [
                {
                    "topic": t,
                    "score": 1.0,
                    "rules": ["test"],
                    "evidence": [
                        {
                            "phrase": phrase,
                            "field": "title",
                            "start": 0,
                            "end": len(phrase),
                            "rule": "test",
                        }
                    ],
                    "entities": {"countries": [], "agencies": [], "places": []},
                }
                for t in (topics or [topic])
            ],
            "entities": {"countries": [], "agencies": [], "places": []},
        },
        now=now,
    )


def confirm_envelope(topics: Sequence[str], *, now: datetime) -> dict[str, Any]:
    return envelope(CONFIRM_EVENT_TYPE, {"topics": list(topics)}, now=now)


def evidence_phrases(match: dict[str, Any]) -> list[str]:
    return list(dict.fromkeys(e["phrase"] for e in match.get("evidence", [])))


def _evidence_text(match: dict[str, Any]) -> str:
    return ", ".join(f"“{p}”" for p in evidence_phrases(match)) or "—"


def headline(alert_data: dict[str, Any]) -> str:
    return str(alert_data["item"]["title"] or "(untitled)")


def source_name(alert_data: dict[str, Any]) -> str:
    """Who published the item: its own outlet (via the feed) when the feed is an
    aggregator naming one, else the feed (alerts recorded before ``source`` included)."""
    item = alert_data["item"]
    feed = item["feed"]
    feed_name = str(feed.get("title") or feed.get("url") or "unknown source")
    own = item.get("source") or {}
    name = (own.get("name") or outlet_host(own.get("url"))).strip()
    if not name or name.casefold() == feed_name.casefold():
        return feed_name
    return f"{name} (via {feed_name})"


def topics_prefix(alert_data: dict[str, Any]) -> str:
    """``"topic, topic: "`` before a headline; empty for a route alert (no topic matches)."""
    topics = ", ".join(m["topic"] for m in alert_data["matches"])
    return f"{topics}: " if topics else ""


def email_subject(envelope: dict[str, Any]) -> str:
    data = envelope["data"]
    kind = envelope["type"]
    if kind == DIGEST_EVENT_TYPE:
        return f"[Wirewatch] Digest: {data['count']} alert(s)"
    if kind == CONFIRM_EVENT_TYPE:
        return "[Wirewatch] Please confirm your alert subscription"
    prefix = "[Wirewatch test] " if data.get("test") else "[Wirewatch] "
    story = data.get("story")
    if story and story.get("event") == "grown":
        prefix += f"Update, {len(story['outlets'])} outlets: "
    return f"{prefix}{topics_prefix(data)}{headline(data)}"


def story_lines(data: dict[str, Any]) -> list[str]:
    """The story part of an alert as text (none for an item alert)."""
    story = data.get("story")
    if not story:
        return []
    lines = [
        f"Story {story['id']}: {story['item_count']} item(s), {len(story['outlets'])} outlet(s)"
    ]
    if story["also_reported_by"]:
        lines.append("Also reported by: " + ", ".join(story["also_reported_by"]))
    for ref in story["items"]:
        language = f" [{ref['language']}]" if ref.get("language") else ""
        link = f" {ref['link']}" if ref.get("link") else ""
        lines.append(f"- {ref['outlet']}{language}: {ref['title']}{link} ({ref['published']})")
    return lines


def group_by_story(alerts: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """A digest's alerts with one entry per story (its latest state), item alerts as they
    are, in the order each story or item first appeared."""
    out: list[dict[str, Any]] = []
    position: dict[str, int] = {}
    for alert in alerts:
        story = alert.get("data", {}).get("story")
        if not story:
            out.append(alert)
            continue
        if story["id"] in position:
            out[position[story["id"]]] = alert
        else:
            position[story["id"]] = len(out)
            out.append(alert)
    return out


def email_text(envelope: dict[str, Any]) -> str:
    """Plain-text body of one alert."""
    return alert_text(envelope["data"])


def alert_text(data: dict[str, Any]) -> str:
    item = data["item"]
    lines = [headline(data), ""]
    if item["summary"]:
        lines += [item["summary"], ""]
    if item["link"]:
        lines.append(f"Read: {item['link']}")
    lines.append(f"Source: {source_name(data)}")
    lines.append(f"Published: {item['published']}")
    lines.append("")
    for match in data["matches"]:
        lines.append(
            f"Topic {match['topic']} (score {match['score']:.2f}) — evidence: "
            f"{_evidence_text(match)}"
        )
    story = story_lines(data)
    if story:
        lines += ["", *story]
    return "\n".join(lines) + "\n"
