"""SSRF guard for outbound HTTP: only public addresses, checked at connect time.

Used by every service that fetches a user-supplied URL (ingest's feeds,
notify's webhooks). :class:`ResolutionError` tells a passing DNS failure
(retry later) from a refused address (disable the endpoint); ``allow_private``
switches the address check off for tests and closed networks (the scheme
check stays). Public API:

- :func:`check_url` / :func:`acheck_url`: refuse a URL up front (clear errors
  for the CLI and the API) — scheme, host, every resolved address;
- :class:`GuardedNetworkBackend`: an httpcore network backend that resolves
  the host itself, refuses the connection if ANY answer is not public, and
  then connects to the very address it checked. Used for every connection,
  so every redirect hop is checked and DNS rebinding between a check and the
  connect cannot slip through;
- :func:`guarded_transport` / :func:`make_guarded_client`: httpx factories
  that install that backend (and ignore proxy environment variables, which
  would otherwise bypass it).

Refused: loopback, RFC 1918 private, link-local (incl. cloud metadata
169.254.169.254), CGNAT 100.64/10, reserved (240/4, broadcast), multicast,
unspecified, documentation/benchmark ranges, IPv6 unique-local and site-local,
IPv4-mapped/-compatible IPv6, NAT64 (64:ff9b::/96, 64:ff9b:1::/48), Teredo and
6to4 wrapping a refused IPv4. IPv4 literals are read the way ``inet_aton``
reads them (``2130706433``, ``0177.0.0.1``, ``0x7f000001``, ``127.1``), since
that is what the resolver would connect to.
"""

from __future__ import annotations

import asyncio
import functools
import ipaddress
import socket
import ssl
from collections.abc import Awaitable, Callable, Iterable, Sequence
from typing import Any
from urllib.parse import unquote, urlsplit

import httpcore
import httpx

from wirewatch_shared.httptransport import pool_transport

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], Awaitable[Sequence[str]]]
"""``async (host, port) -> [address, ...]``; injectable for tests."""

ALLOWED_SCHEMES = frozenset({"http", "https"})

_NAT64 = (
    ipaddress.IPv6Network("64:ff9b::/96"),
    ipaddress.IPv6Network("64:ff9b:1::/48"),
)
_IPV4_COMPATIBLE = ipaddress.IPv6Network("::/96")
_CGNAT = ipaddress.IPv4Network("100.64.0.0/10")


class SsrfError(Exception):
    """The URL or the address it resolves to is not allowed (not public, bad scheme)."""


class AddressRefused(SsrfError):
    """The address (or one the host resolves to) is private, loopback, link-local... :
    refused by policy, which the service's ``*_ALLOW_PRIVATE_NETWORKS`` setting lifts."""


class ResolutionError(SsrfError):
    """The host did not resolve (now): not a refusal, the caller may retry later."""


def _parse_inet_aton(host: str) -> ipaddress.IPv4Address | None:
    """Read ``host`` the way ``inet_aton`` does: 1-4 parts, decimal, octal or hex."""
    parts = host.split(".")
    if not 1 <= len(parts) <= 4:
        return None
    values: list[int] = []
    for part in parts:
        if not part:
            return None
        try:
            if part[:2].lower() == "0x":
                value = int(part[2:], 16) if len(part) > 2 else 0
            elif len(part) > 1 and part[0] == "0":
                value = int(part[1:], 8)
            elif part.isdigit():
                value = int(part)
            else:
                return None
        except ValueError:
            return None
        values.append(value)
    *head, last = values
    if any(v > 0xFF for v in head) or last >= 1 << (8 * (4 - len(head))):
        return None
    number = last
    for index, value in enumerate(head):
        number |= value << (8 * (3 - index))
    return ipaddress.IPv4Address(number)


def parse_ip_literal(host: str) -> IPAddress | None:
    """The address ``host`` spells, in any form a resolver accepts; None for a name."""
    candidate = unquote(host.strip()).strip("[]")
    if candidate.endswith("."):
        candidate = candidate[:-1]
    if not candidate:
        return None
    try:
        address = ipaddress.ip_address(candidate)
    except ValueError:
        address = None
    if address is not None:
        return address
    if ":" in candidate:
        return None
    return _parse_inet_aton(candidate)


def refusal_reason(address: IPAddress) -> str | None:
    """Why ``address`` must not be connected to, or None when it is a public unicast address."""
    if isinstance(address, ipaddress.IPv6Address):
        # ``::1`` and ``::`` lie inside ``::/96`` (IPv4-compatible) but are themselves.
        if address.is_loopback:
            return "loopback address"
        if address.is_unspecified:
            return "unspecified address"
        if address.ipv4_mapped is not None:
            return "IPv4-mapped IPv6 address"
        if any(address in net for net in _NAT64):
            return "NAT64 address"
        if address in _IPV4_COMPATIBLE:
            return "IPv4-compatible IPv6 address"
        if address.teredo is not None:
            return "Teredo address"
        if address.sixtofour is not None:
            inner = refusal_reason(address.sixtofour)
            if inner:
                return f"6to4 address wrapping a {inner}"
        if address.scope_id:
            return "scoped IPv6 address"
        if address.is_site_local:
            return "site-local address"
    checks = (
        (address.is_unspecified, "unspecified address"),
        (address.is_loopback, "loopback address"),
        (address.is_link_local, "link-local address"),
        (address.is_multicast, "multicast address"),
        (isinstance(address, ipaddress.IPv4Address) and address in _CGNAT, "CGNAT address"),
        (address.is_private, "private address"),
        (address.is_reserved, "reserved address"),
        (not address.is_global, "non-global address"),
    )
    for failed, reason in checks:
        if failed:
            return reason
    return None


def check_ip(address: IPAddress | str) -> None:
    """Raise :class:`SsrfError` unless ``address`` is a public unicast address."""
    if isinstance(address, str):
        try:
            address = ipaddress.ip_address(address.split("%", 1)[0])
        except ValueError as exc:
            raise SsrfError(f"not an IP address: {address!r}") from exc
    reason = refusal_reason(address)
    if reason:
        raise AddressRefused(f"refusing to connect to {address}: {reason}")


def split_url(url: str) -> tuple[str, int]:
    """``(host, port)`` of an http(s) URL; :class:`SsrfError` for anything else."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as exc:
        raise SsrfError(f"invalid URL {url!r}: {exc}") from exc
    scheme = parts.scheme.lower()
    if scheme not in ALLOWED_SCHEMES:
        raise SsrfError(f"only http(s) URLs are allowed, not {scheme or 'no scheme'!r}")
    host = parts.hostname
    if not host:
        raise SsrfError(f"URL has no host: {url!r}")
    if parts.username is not None or parts.password is not None:
        raise SsrfError("URLs with credentials are not allowed")
    return host, port or (443 if scheme == "https" else 80)


def _check_answers(host: str, answers: Iterable[str]) -> list[str]:
    addresses = list(dict.fromkeys(answers))
    if not addresses:
        raise ResolutionError(f"{host} does not resolve")
    for answer in addresses:
        try:
            check_ip(answer)
        except SsrfError as exc:
            # One private answer poisons the name: a later connect could pick it.
            if isinstance(exc, AddressRefused):
                raise AddressRefused(f"{host} resolves to a refused address ({exc})") from None
            raise SsrfError(f"{host} resolves to a refused address ({exc})") from None
    return addresses


def check_url(url: str, *, allow_private: bool = False) -> None:
    """Refuse ``url`` unless it is http(s) and its host resolves only to public addresses.

    Blocking (system resolver); for the CLI. Services use :func:`acheck_url`.
    """
    host, port = split_url(url)
    if allow_private:
        return
    literal = parse_ip_literal(host)
    if literal is not None:
        check_ip(literal)
        return
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except UnicodeError as exc:  # an empty or over-long label: no name, ever
        raise SsrfError(f"invalid host name {host!r}: {exc}") from exc
    except OSError as exc:
        raise ResolutionError(f"cannot resolve {host}: {exc}") from exc
    _check_answers(host, (str(info[4][0]) for info in infos))


async def system_resolver(host: str, port: int) -> list[str]:
    """The default resolver: the system's ``getaddrinfo``, without blocking the loop."""
    loop = asyncio.get_running_loop()
    try:
        infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except UnicodeError as exc:  # an empty or over-long label: no name, ever
        raise SsrfError(f"invalid host name {host!r}: {exc}") from exc
    except OSError as exc:
        raise ResolutionError(f"cannot resolve {host}: {exc}") from exc
    return [str(info[4][0]) for info in infos]


async def resolve_public(host: str, port: int, resolver: Resolver | None = None) -> list[str]:
    """Every address of ``host``, all checked; raises :class:`SsrfError` if any is refused."""
    literal = parse_ip_literal(host)
    if literal is not None:
        check_ip(literal)
        return [str(literal)]
    answers = await (resolver or system_resolver)(host.rstrip("."), port)
    return _check_answers(host, answers)


async def acheck_url(
    url: str, resolver: Resolver | None = None, *, allow_private: bool = False
) -> None:
    """Async :func:`check_url` with an injectable resolver."""
    host, port = split_url(url)
    if not allow_private:
        await resolve_public(host, port, resolver)


class GuardedNetworkBackend(httpcore.AsyncNetworkBackend):
    """Resolves, checks every answer, then connects to a checked address — per connection."""

    def __init__(
        self,
        resolver: Resolver | None = None,
        inner: httpcore.AsyncNetworkBackend | None = None,
        *,
        allow_private: bool = False,
    ) -> None:
        self._resolver = resolver
        self._inner = inner or httpcore.AnyIOBackend()
        self._allow_private = allow_private

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,  # noqa: ASYNC109 - httpcore interface
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        connect = functools.partial(
            self._inner.connect_tcp,
            port=port,
            timeout=timeout,
            local_address=local_address,
            socket_options=socket_options,
        )
        if self._allow_private:
            return await connect(host)
        async with asyncio.timeout(timeout):
            addresses = await resolve_public(host, port, self._resolver)
        last_error: Exception | None = None
        for address in addresses:
            try:
                return await connect(address)
            except (httpcore.ConnectError, httpcore.ConnectTimeout, OSError) as exc:
                last_error = exc
        assert last_error is not None
        raise last_error

    async def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,  # noqa: ASYNC109 - httpcore interface
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        raise SsrfError("unix sockets are not allowed")

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


def guarded_transport(
    *,
    resolver: Resolver | None = None,
    inner_backend: httpcore.AsyncNetworkBackend | None = None,
    limits: httpx.Limits | None = None,
    verify: ssl.SSLContext | bool = True,
    allow_private: bool = False,
) -> httpx.AsyncBaseTransport:
    """An httpx transport whose every TCP connection goes through :class:`GuardedNetworkBackend`."""
    return pool_transport(
        GuardedNetworkBackend(resolver=resolver, inner=inner_backend, allow_private=allow_private),
        limits=limits,
        verify=verify,
    )


def make_guarded_client(
    *,
    resolver: Resolver | None = None,
    inner_backend: httpcore.AsyncNetworkBackend | None = None,
    limits: httpx.Limits | None = None,
    allow_private: bool = False,
    **client_options: Any,
) -> httpx.AsyncClient:
    """An ``httpx.AsyncClient`` that cannot reach non-public addresses (proxies ignored)."""
    return httpx.AsyncClient(
        transport=guarded_transport(
            resolver=resolver,
            inner_backend=inner_backend,
            limits=limits,
            allow_private=allow_private,
        ),
        trust_env=False,
        **client_options,
    )


def resolve_public_sync(host: str, port: int) -> list[str]:
    """Blocking :func:`resolve_public` with the system resolver (for urllib3-based clients)."""
    literal = parse_ip_literal(host)
    if literal is not None:
        check_ip(literal)
        return [str(literal)]
    try:
        infos = socket.getaddrinfo(host.rstrip("."), port, type=socket.SOCK_STREAM)
    except UnicodeError as exc:  # an empty or over-long label: no name, ever
        raise SsrfError(f"invalid host name {host!r}: {exc}") from exc
    except OSError as exc:
        raise ResolutionError(f"cannot resolve {host}: {exc}") from exc
    return _check_answers(host, (str(info[4][0]) for info in infos))
