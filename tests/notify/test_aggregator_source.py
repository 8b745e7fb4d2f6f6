"""An aggregator's item (Google News carries many outlets in one feed) names its own
outlet (FeedItem.source_name / source_url): an item-mode alert shows that outlet, with
the feed it came through, in its payload, email (real SMTP) and Slack message."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from wirewatch_notify import subscriptions
from wirewatch_notify.channels.slack import slack_message
from wirewatch_notify.payloads import alert_envelope
from wirewatch_shared.events import ClassifiedItem

from tests.notify.support import NOW, classified, make_service, running_worker, wait_until
from tests.support.smtp import SmtpSink

SCHEMA = Path(__file__).resolve().parents[2] / "docs" / "alert-payload.schema.json"
SHOWN = "Reuters (via Google News)"


def _aggregated(**source: str | None) -> ClassifiedItem:
    base = classified("flights", link="https://news.google.com/rss/articles/abc")
    fields = {"feed_title": "Google News", **source}
    return base.model_copy(update={"item": base.item.model_copy(update=fields)})


def test_the_payload_names_the_items_outlet_and_keeps_the_feed() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    item = _aggregated(source_name="Reuters", source_url="https://www.reuters.com")
    data = alert_envelope(item, item.matches, now=NOW)["data"]
    assert data["item"]["source"] == {"name": "Reuters", "url": "https://www.reuters.com"}
    assert data["item"]["feed"]["title"] == "Google News"
    validator = jsonschema.Draft202012Validator(json.loads(SCHEMA.read_text()))
    validator.validate(
        json.loads(
            json.dumps({"type": "wirewatch.alert.v1", "timestamp": NOW.isoformat(), "data": data})
        )
    )
    bad = {**data, "item": {**data["item"], "source": {"name": 3, "url": None}}}
    with pytest.raises(jsonschema.ValidationError):
        validator.validate(
            {"type": "wirewatch.alert.v1", "timestamp": NOW.isoformat(), "data": bad}
        )
    plain = classified("flights")
    assert alert_envelope(plain, plain.matches, now=NOW)["data"]["item"]["source"] is None


@pytest.mark.parametrize(
    ("source", "shown"),
    [
        ({"source_name": "Reuters", "source_url": "https://www.reuters.com"}, SHOWN),
        (
            {"source_name": None, "source_url": "https://www.reuters.com/world"},
            "reuters.com (via Google News)",
        ),
        ({"source_name": None, "source_url": None}, "Google News"),
    ],
)
def test_slack_shows_the_items_outlet(source: dict[str, str | None], shown: str) -> None:
    item = _aggregated(**source)
    blocks = json.dumps(slack_message(alert_envelope(item, item.matches, now=NOW))["blocks"])
    assert shown in blocks


async def test_the_email_shows_the_items_outlet(sqlite_url: str, smtp_server: SmtpSink) -> None:
    service = make_service(sqlite_url, smtp_host=smtp_server.host, smtp_port=smtp_server.port)
    body: dict[str, object] = {
        "alert_mode": "item",
        "topic": "flights",
        "channel": "email",
        "target": "desk@example.org",
    }
    subscriptions.create_subscription(service.engine, subscriptions.parse_create(body), service.box)
    async with running_worker(service):
        await service.handle_classified(_aggregated(source_name="Reuters", source_url=None))
        await wait_until(lambda: len(smtp_server.messages) == 1)
    message = smtp_server.messages[0].message
    text, html = message.get_body(("plain",)), message.get_body(("html",))
    assert text is not None and html is not None
    assert f"Source: {SHOWN}" in text.get_content()
    assert SHOWN in html.get_content()
