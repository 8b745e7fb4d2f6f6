"""Webhook secrets: generated per endpoint, encrypted at rest (they are needed to sign)."""

from __future__ import annotations

import base64
import hashlib
import os
import secrets as pysecrets
from pathlib import Path
from typing import TYPE_CHECKING

from wirewatch_notify.settings import NotifySettings

if TYPE_CHECKING:
    from cryptography.fernet import Fernet

SECRET_PREFIX = "whsec_"  # noqa: S105 - a format prefix, not a secret


def generate_webhook_secret(num_bytes: int = 32) -> str:
    """``whsec_`` + base64 of random bytes, as the Standard Webhooks spec suggests."""
    return SECRET_PREFIX + base64.b64encode(pysecrets.token_bytes(num_bytes)).decode()


def load_secret_key(settings: NotifySettings) -> bytes:
    """The configured key, or one generated once into ``secret_key_file`` (mode 0600)."""
    if settings.secret_key is not None:
        return settings.secret_key.get_secret_value().encode()
    path = Path(settings.secret_key_file)
    if path.exists():
        return path.read_bytes().strip()
    key = pysecrets.token_urlsafe(48).encode()
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(key)
    return key


class SecretBox:
    """Encrypts and decrypts secrets with a key derived from the settings' secret key.

    ``cryptography`` is imported by the first box, not with this module: processes that
    import the subscriptions code but never hold a box (the flights stage, through the
    pages module) do not map its ~8 MB library."""

    def __init__(self, key: bytes) -> None:
        from cryptography.fernet import Fernet

        derived = hashlib.sha256(b"wirewatch-webhook-secrets\0" + key).digest()
        self._fernet: Fernet = Fernet(base64.urlsafe_b64encode(derived))

    def encrypt(self, plaintext: str) -> str:
        return self._fernet.encrypt(plaintext.encode()).decode()

    def decrypt(self, token: str) -> str:
        from cryptography.fernet import InvalidToken

        try:
            return self._fernet.decrypt(token.encode()).decode()
        except InvalidToken as exc:
            raise ValueError("webhook secret cannot be decrypted: wrong secret key?") from exc
