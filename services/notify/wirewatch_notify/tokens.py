"""API tokens: ``wwt_<key id>_<secret>``, shown once; only their SHA-256 is stored.

The key id finds the row; the hash is then compared in constant time, so neither
the lookup nor the comparison leaks how much of a guessed token was right.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass

from sqlalchemy.engine import Engine
from sqlmodel import col, select
from wirewatch_shared.clock import utcnow
from wirewatch_shared.db import session_scope

from wirewatch_notify.models import ApiToken

PREFIX = "wwt"


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class CreatedToken:
    token: ApiToken
    plaintext: str  # shown once


def create_token(engine: Engine, name: str) -> CreatedToken:
    name = name.strip()
    if not name or len(name) > 128:
        raise ValueError("token name must be 1-128 characters")
    key_id = secrets.token_hex(6)
    plaintext = f"{PREFIX}_{key_id}_{secrets.token_urlsafe(32)}"
    row = ApiToken(key_id=key_id, name=name, token_hash=_hash(plaintext))
    with session_scope(engine) as session:
        session.add(row)
        session.flush()
        session.refresh(row)
    return CreatedToken(row, plaintext)


def verify_token(engine: Engine, presented: str) -> ApiToken | None:
    """The live token ``presented`` is, or None."""
    parts = presented.strip().split("_", 2)
    if len(parts) != 3 or parts[0] != PREFIX or not parts[1]:
        return None
    with session_scope(engine) as session:
        row = session.exec(select(ApiToken).where(col(ApiToken.key_id) == parts[1])).first()
    if row is None or row.revoked_at is not None:
        return None
    return row if hmac.compare_digest(row.token_hash, _hash(presented.strip())) else None


def list_tokens(engine: Engine) -> list[ApiToken]:
    with session_scope(engine) as session:
        return list(session.exec(select(ApiToken).order_by(col(ApiToken.id))))


def revoke_token(engine: Engine, token_id: int) -> bool:
    with session_scope(engine) as session:
        row = session.get(ApiToken, token_id)
        if row is None or row.revoked_at is not None:
            return False
        row.revoked_at = utcnow()
        session.add(row)
        return True
