"""Alert payloads: the versioned webhook envelope and the email text (pure)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from wirewatch_shared.events import ClassifiedItem, TopicMatch

ALERT_EVENT_TYPE = "wirewatch.alert.v1"


def alert_envelope(
    classified: ClassifiedItem, matches: Sequence[TopicMatch], *, now: datetime
) -> dict[str, Any]:
    """The documented ``{type, timestamp, data}`` envelope every channel renders from."""
    item = classified.item
    return {
        "type": ALERT_EVENT_TYPE,
        "timestamp": now.isoformat(),
        "data": {
            "item": {
                "id": item.item_id,
                "title": item.title,
                "summary": item.summary,
                "link": item.link,
                "published": item.published.isoformat(),
                "feed": {"id": item.feed_id, "title": item.feed_title, "url": item.feed_url},
                "language": item.language,
            },
            "matches": [
                {
                    "topic": m.topic,
                    "score": round(m.score, 4),
                    "rules": list(m.rules),
                    "evidence": [e.model_dump(mode="json") for e in m.evidence],
                }
                for m in matches
            ],
            "entities": classified.entities.model_dump(mode="json"),
        },
    }


def _evidence_phrases(match: dict[str, Any]) -> str:
    phrases = list(dict.fromkeys(e["phrase"] for e in match.get("evidence", [])))
    return ", ".join(f"“{p}”" for p in phrases) or "—"


def email_subject(envelope: dict[str, Any]) -> str:
    data = envelope["data"]
    topics = ", ".join(m["topic"] for m in data["matches"])
    return f"[Wirewatch] {topics}: {data['item']['title'] or '(untitled)'}"


def email_text(envelope: dict[str, Any]) -> str:
    data = envelope["data"]
    item = data["item"]
    lines = [item["title"] or "(untitled)", ""]
    if item["summary"]:
        lines += [item["summary"], ""]
    if item["link"]:
        lines.append(f"Read: {item['link']}")
    lines.append(f"Source: {item['feed']['title'] or item['feed']['url']}")
    lines.append(f"Published: {item['published']}")
    lines.append("")
    for match in data["matches"]:
        lines.append(
            f"Topic {match['topic']} (score {match['score']:.2f}) — evidence: "
            f"{_evidence_phrases(match)}"
        )
    return "\n".join(lines) + "\n"
