"""Connect-time SSRF guard for blocking clients built on urllib3 (requests, hence Apprise).

Apprise plugins call ``requests`` themselves, so no client can be handed in.
urllib3 opens every TCP connection through ``urllib3.util.connection.create_connection``;
it is wrapped once, and the wrapper applies the guard only inside
:func:`guarded_connections` (a context variable, so other code in the process
is unaffected and ``asyncio.to_thread`` carries it into the worker thread). The
wrapper resolves the host itself, refuses the connection if any answer is not
public, then connects to an address it checked: DNS rebinding cannot slip in.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from wirewatch_shared.ssrf import SsrfError, resolve_public_sync


@dataclass
class SyncGuard:
    allow_private: bool
    refusals: list[SsrfError] = field(default_factory=list)


_active: ContextVar[SyncGuard | None] = ContextVar("wirewatch_notify_ssrf_guard", default=None)
_install_lock = threading.Lock()
_installed = False


def _install() -> None:
    global _installed
    with _install_lock:
        if _installed:
            return
        from urllib3.util import connection

        original = connection.create_connection

        def guarded_create_connection(address: tuple[str, int], *args: Any, **kwargs: Any) -> Any:
            guard = _active.get()
            if guard is None or guard.allow_private:
                return original(address, *args, **kwargs)
            host, port = address
            try:
                addresses = resolve_public_sync(host.strip("[]"), port)
            except SsrfError as exc:
                guard.refusals.append(exc)
                raise
            last_error: OSError | None = None
            for checked in addresses:
                try:
                    return original((checked, port), *args, **kwargs)
                except OSError as exc:
                    last_error = exc
            assert last_error is not None
            raise last_error

        connection.create_connection = guarded_create_connection
        _installed = True


@contextmanager
def guarded_connections(*, allow_private: bool = False) -> Iterator[SyncGuard]:
    """Within this block (and threads started with its context), urllib3 connects only to
    public addresses; refusals are collected on the returned guard."""
    _install()
    guard = SyncGuard(allow_private)
    token = _active.set(guard)
    try:
        yield guard
    finally:
        _active.reset(token)
