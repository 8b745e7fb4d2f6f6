"""The SSRF guard (``wirewatch_shared.ssrf``): address classes, every spelling of an
address a resolver accepts, URL checks, DNS answers (mixed answers poison a name,
rebinding is caught at connect time) and the guarded client. The services' use of it:
tests/ingest/test_ssrf.py (the fetcher) and tests/notify/test_ssrf.py (the channels).
"""

from __future__ import annotations

import ipaddress

import pytest
from wirewatch_shared.ssrf import (
    ResolutionError,
    SsrfError,
    acheck_url,
    check_url,
    make_guarded_client,
    parse_ip_literal,
    refusal_reason,
    resolve_public_sync,
)

from tests.support.http import HttpReceiver
from tests.support.ssrf import LOOPBACK_HOSTS, PUBLIC_IP, REFUSED_ANSWERS, REFUSED_HOSTS, FakeDns


def test_table_has_enough_forms() -> None:
    assert len(set(REFUSED_HOSTS)) >= 40


@pytest.mark.parametrize("host", REFUSED_HOSTS)
async def test_refused_forms_fail_the_check(host: str) -> None:
    with pytest.raises(SsrfError):
        await acheck_url(f"http://{host}:8080/feed.xml")


@pytest.mark.parametrize("host", LOOPBACK_HOSTS)
def test_loopback_forms_fail_the_sync_check(host: str) -> None:
    with pytest.raises(SsrfError):
        check_url(f"http://{host}:8080/")


@pytest.mark.parametrize(("answers", "why"), REFUSED_ANSWERS)
async def test_names_resolving_to_refused_addresses(answers: list[str], why: str) -> None:
    with pytest.raises(SsrfError, match=r"refused address|no address|resolve"):
        await acheck_url("http://evil.example/feed", FakeDns({"evil.example": answers}))


async def test_a_public_answer_passes() -> None:
    await acheck_url("http://public.example/feed", FakeDns({"public.example": [PUBLIC_IP]}))


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "ftp://example.org/x",
        "gopher://example.org/",
        "http:///nohost",
        "http://user:pass@example.org/",
        "javascript:alert(1)",
        "http://example.org:99999/",
    ],
)
def test_check_url_rejects_bad_urls(url: str) -> None:
    with pytest.raises(SsrfError):
        check_url(url)


def test_literal_parsing_and_reasons() -> None:
    assert str(parse_ip_literal("2130706433")) == "127.0.0.1"
    assert str(parse_ip_literal("0177.0.0.1")) == "127.0.0.1"
    assert str(parse_ip_literal("0x7f000001")) == "127.0.0.1"
    assert str(parse_ip_literal("127.1")) == "127.0.0.1"
    assert str(parse_ip_literal("[::ffff:127.0.0.1]")) == "::ffff:7f00:1"
    assert parse_ip_literal("example.org") is None
    assert parse_ip_literal("1e100.net") is None
    assert parse_ip_literal("256.1.1.1") is None
    ip = parse_ip_literal(PUBLIC_IP)
    assert ip is not None and refusal_reason(ip) is None
    public6 = parse_ip_literal("2606:2800:220:1:248:1893:25c8:1946")
    assert public6 is not None and refusal_reason(public6) is None


@pytest.mark.parametrize(
    ("literal", "reason"),
    [
        ("[::1]", "loopback address"),
        ("[0:0:0:0:0:0:0:1]", "loopback address"),
        ("[::]", "unspecified address"),
        ("[::127.0.0.1]", "IPv4-compatible IPv6 address"),
        ("[::a00:1]", "IPv4-compatible IPv6 address"),
        ("127.0.0.1", "loopback address"),
        ("[::ffff:127.0.0.1]", "IPv4-mapped IPv6 address"),
    ],
)
def test_refusal_reasons_are_exact(literal: str, reason: str) -> None:
    address = parse_ip_literal(literal)
    assert address is not None and refusal_reason(address) == reason


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1",
        "0.0.0.0", "224.0.0.1", "240.0.0.1", "255.255.255.255", "::1", "::", "fe80::1",
        "fc00::1", "ff02::1", "::ffff:127.0.0.1", "::ffff:8.8.8.8", "64:ff9b::7f00:1",
        "64:ff9b:1::1", "2002:7f00:1::1", "2001:0:4136:e378:8000:63bf:3fff:fdd2", "192.0.2.1",
        "198.18.0.1",
    ],
)  # fmt: skip
def test_non_public_addresses_are_refused(address: str) -> None:
    assert refusal_reason(ipaddress.ip_address(address)) is not None


@pytest.mark.parametrize("address", ["8.8.8.8", "1.1.1.1", "2606:4700:4700::1111"])
def test_public_addresses_pass(address: str) -> None:
    assert refusal_reason(ipaddress.ip_address(address)) is None


@pytest.mark.parametrize(
    "spelling",
    ["2130706433", "0177.0.0.1", "0x7f000001", "127.1", "0x7f.0.0.1", "017700000001", "[::1]"],
)
def test_odd_ipv4_spellings_are_read_like_the_resolver(spelling: str) -> None:
    address = parse_ip_literal(spelling)
    assert address is not None and address.is_loopback


async def test_unresolvable_is_a_resolution_error_not_a_refusal() -> None:
    async def resolver(host: str, port: int) -> list[str]:
        raise ResolutionError("nxdomain")

    with pytest.raises(ResolutionError):
        await acheck_url("https://nowhere.example/x", resolver)


# The system resolver's IDNA encoding refuses these before any query goes out.
BAD_NAMES = ["a..b.example", "x" * 64 + ".example"]


@pytest.mark.parametrize("host", BAD_NAMES)
async def test_a_host_name_no_resolver_can_take_is_a_refusal_with_the_reason(host: str) -> None:
    """An empty or over-long label is refused for good (not "cannot resolve, retry later"),
    and never escapes as a bare UnicodeError (a `feeds add` traceback, a crashed send)."""
    url = f"https://{host}/feed"
    for check in (lambda: check_url(url), lambda: resolve_public_sync(host, 443)):
        with pytest.raises(SsrfError, match="invalid host name") as caught:
            check()
        assert not isinstance(caught.value, ResolutionError)
    with pytest.raises(SsrfError, match="invalid host name"):
        await acheck_url(url)


@pytest.mark.parametrize("url", ["ftp://example.org/", "file:///etc/passwd", "gopher://x/"])
async def test_only_http_schemes(url: str) -> None:
    with pytest.raises(SsrfError, match="http"):
        await acheck_url(url)


async def test_dns_rebinding_is_caught_at_connect_time(http_receiver: HttpReceiver) -> None:
    """The name looked public when the subscription was made; now it resolves to loopback."""
    answers = iter([["93.184.216.34"], ["127.0.0.1"]])

    async def rebinding(host: str, port: int) -> list[str]:
        return next(answers)

    await acheck_url("http://rebind.example/hook", rebinding)  # creation: fine
    client = make_guarded_client(resolver=rebinding)
    url = f"http://rebind.example:{http_receiver.port}/hook"
    with pytest.raises(SsrfError, match="loopback"):
        await client.post(url, content=b"{}")
    await client.aclose()
    assert http_receiver.received() == []


async def test_guarded_client_ignores_proxy_environment(
    monkeypatch: pytest.MonkeyPatch, http_receiver: HttpReceiver
) -> None:
    """A proxy from the environment would take the request past the guard: the client
    goes straight to the target (here a local receiver; the proxy does not exist)."""
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "all_proxy"):
        monkeypatch.setenv(name, "http://127.0.0.1:9")
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    async with make_guarded_client(allow_private=True) as client:
        response = await client.post(http_receiver.url("/hook"), content=b"{}")
    assert response.status_code < 500
    assert len(http_receiver.received("/hook")) == 1
