"""Standard Webhooks signatures: the spec's test vector and the reference verifier."""

from __future__ import annotations

import json
import time
from datetime import UTC, datetime

import pytest
from standardwebhooks.webhooks import Webhook, WebhookVerificationError
from wirewatch_notify.channels.webhook import parse_retry_after, sign
from wirewatch_notify.secrets import SecretBox, generate_webhook_secret

VECTOR_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
VECTOR_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek"
VECTOR_TS = 1614265330
VECTOR_BODY = b'{"test": 2432232314}'
VECTOR_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="


def test_reproduces_the_spec_test_vector_byte_for_byte() -> None:
    assert sign(VECTOR_SECRET, VECTOR_ID, VECTOR_TS, VECTOR_BODY) == VECTOR_SIGNATURE


def test_reference_verifier_accepts_our_signature() -> None:
    secret = generate_webhook_secret()
    body = json.dumps({"type": "wirewatch.alert.v1", "data": {"x": "é"}}).encode()
    now = int(time.time())
    headers = {
        "webhook-id": "msg_1",
        "webhook-timestamp": str(now),
        "webhook-signature": sign(secret, "msg_1", now, body),
    }
    assert Webhook(secret).verify(body, headers) == {
        "type": "wirewatch.alert.v1",
        "data": {"x": "é"},
    }


def test_reference_verifier_rejects_a_replay_older_than_five_minutes() -> None:
    secret = generate_webhook_secret()
    old = int(time.time()) - 6 * 60
    headers = {
        "webhook-id": "msg_1",
        "webhook-timestamp": str(old),
        "webhook-signature": sign(secret, "msg_1", old, b"{}"),
    }
    with pytest.raises(WebhookVerificationError):
        Webhook(secret).verify(b"{}", headers)


def test_tampered_body_fails_verification() -> None:
    secret = generate_webhook_secret()
    now = int(time.time())
    headers = {
        "webhook-id": "msg_1",
        "webhook-timestamp": str(now),
        "webhook-signature": sign(secret, "msg_1", now, b'{"a":1}'),
    }
    with pytest.raises(WebhookVerificationError):
        Webhook(secret).verify(b'{"a":2}', headers)


def test_generated_secrets_are_prefixed_and_random() -> None:
    a, b = generate_webhook_secret(), generate_webhook_secret()
    assert a.startswith("whsec_") and a != b


def test_secret_box_round_trip_and_wrong_key() -> None:
    box = SecretBox(b"key-one")
    token = box.encrypt("whsec_abc")
    assert "whsec_abc" not in token
    assert box.decrypt(token) == "whsec_abc"
    with pytest.raises(ValueError, match="wrong secret key"):
        SecretBox(b"key-two").decrypt(token)


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("30", 30.0),
        (None, None),
        ("", None),
        ("soon", None),
        ("Wed, 21 Oct 2015 07:28:00 GMT", 0.0),
    ],
)
def test_retry_after(header: str | None, expected: float | None) -> None:
    assert parse_retry_after(header) == expected


def test_retry_after_http_date_in_future() -> None:
    assert (
        parse_retry_after(
            "Wed, 21 Oct 2015 07:28:30 GMT", now=datetime.fromtimestamp(1445412480.0, UTC)
        )
        == 30.0
    )
