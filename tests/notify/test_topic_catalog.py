"""An unknown topic is refused (a typo would mean no alert, ever), naming the known ones:
by the API when the composition root gives notify the topic catalogue, and by the
service layer the CLI uses."""

from __future__ import annotations

import pytest
from wirewatch_notify import subscriptions, tokens
from wirewatch_notify.app import NotifyService

from tests.notify.support import api_client, bearer, make_service

KNOWN = ["border-policy", "repatriation-flights"]


@pytest.fixture
def service(sqlite_url: str) -> NotifyService:
    service = make_service(sqlite_url, notify_allow_private_networks=False)
    service.topic_catalog = lambda: KNOWN
    return service


async def test_api_refuses_unknown_topics_listing_the_known_ones(service: NotifyService) -> None:
    auth = bearer(tokens.create_token(service.engine, "t").plaintext)
    body = {
        "topics": ["border-polcy"],
        "channel": "webhook",
        "target": "https://hooks.example.org/a",
    }
    async with api_client(service) as client:
        refused = await client.post("/api/v1/subscriptions", json=body, headers=auth)
        assert refused.status_code == 422
        [problem] = refused.json()["detail"]
        assert problem["loc"] == ["body", "topics"]
        detail = problem["msg"]
        assert "unknown topic 'border-polcy'" in detail
        assert "known topics: border-policy, repatriation-flights" in detail
        created = await client.post(
            "/api/v1/subscriptions", json={**body, "topics": ["border-policy"]}, headers=auth
        )
        assert created.status_code == 201, created.text
        sub_id = created.json()["id"]
        patched = await client.patch(
            f"/api/v1/subscriptions/{sub_id}", json={"topics": ["nope"]}, headers=auth
        )
        assert patched.status_code == 422
        assert "unknown topic 'nope'" in patched.json()["detail"][0]["msg"]


def test_no_catalogue_means_no_check(service: NotifyService) -> None:
    service.topic_catalog = None
    assert service.known_topics() is None
    request = subscriptions.parse_create(
        {"topics": ["anything"], "channel": "email", "target": "a@example.org"}
    )
    created = subscriptions.create_subscription(service.engine, request, service.box)
    assert created.subscription.topics == ["anything"]
    with pytest.raises(subscriptions.SubscriptionError, match="known topics: border-policy"):
        subscriptions.create_subscription(service.engine, request, service.box, known_topics=KNOWN)
