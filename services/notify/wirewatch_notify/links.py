"""Signed links in emails: confirm (expiring) and unsubscribe (RFC 8058 one-click).

A token is ``<subscription id>.<expiry unix time, 0 = none>.<HMAC-SHA256>``, the HMAC
keyed with a key derived from the secret key and computed over the purpose, the
id, the expiry and the subscription's random ``link_key`` (so a link never works
for another subscription, even one that reused an id). No cookies, no session.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import time
from dataclasses import dataclass
from typing import Literal

Purpose = Literal["confirm", "unsubscribe"]


MAX_ID = 2**31 - 1
"""Largest subscription id (PostgreSQL ``integer``); a larger one names nothing."""
MAX_EXPIRES = 2**40
"""Expiry times past this (year ~36800) are not ours."""


class InvalidLink(ValueError):
    """Malformed, forged or expired link."""


@dataclass(frozen=True, slots=True)
class LinkToken:
    subscription_id: int
    expires: int
    mac: str


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


class LinkSigner:
    def __init__(self, secret_key: bytes, base_url: str) -> None:
        self._key = hashlib.sha256(b"wirewatch-links\0" + secret_key).digest()
        self.base_url = base_url.rstrip("/")

    def _mac(self, purpose: Purpose, subscription_id: int, expires: int, link_key: str) -> str:
        message = f"{purpose}\0{subscription_id}\0{expires}\0{link_key}".encode()
        return _b64(hmac.new(self._key, message, hashlib.sha256).digest())

    def token(
        self, purpose: Purpose, subscription_id: int, link_key: str, *, ttl_s: float | None = None
    ) -> str:
        expires = int(time.time() + ttl_s) if ttl_s else 0
        mac = self._mac(purpose, subscription_id, expires, link_key)
        return f"{subscription_id}.{expires}.{mac}"

    def url(
        self, purpose: Purpose, subscription_id: int, link_key: str, *, ttl_s: float | None = None
    ) -> str:
        path = "confirm" if purpose == "confirm" else "unsubscribe"
        token = self.token(purpose, subscription_id, link_key, ttl_s=ttl_s)
        return f"{self.base_url}/api/v1/email/{path}/{token}"

    @staticmethod
    def parse(token: str) -> LinkToken:
        parts = token.split(".")
        if len(parts) != 3 or not all(p.isascii() and p.isdigit() for p in parts[:2]):
            raise InvalidLink("malformed link")
        if not parts[2].isascii():  # hmac.compare_digest raises TypeError on non-ASCII text
            raise InvalidLink("malformed link")
        subscription_id, expires = int(parts[0]), int(parts[1])
        if not 1 <= subscription_id <= MAX_ID or expires > MAX_EXPIRES:
            raise InvalidLink("malformed link")
        return LinkToken(subscription_id, expires, parts[2])

    def verify(self, purpose: Purpose, token: LinkToken, link_key: str) -> None:
        expected = self._mac(purpose, token.subscription_id, token.expires, link_key)
        if not hmac.compare_digest(expected, token.mac):
            raise InvalidLink("invalid link")
        if token.expires and token.expires < time.time():
            raise InvalidLink("this link has expired")
