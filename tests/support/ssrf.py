"""SSRF test helpers several areas use: the address forms a guard must refuse and a
resolver the tests program (no real DNS)."""

from __future__ import annotations

from collections.abc import Sequence

from wirewatch_shared.ssrf import SsrfError

PUBLIC_IP = "93.184.216.34"

REFUSED_HOSTS = [
    # loopback, every spelling a resolver accepts
    "127.0.0.1", "127.0.0.2", "127.255.255.254", "2130706433", "0x7f000001", "0x7f.0.0.1",
    "0177.1", "127.1", "127.0.1", "017700000001", "[::1]", "[0:0:0:0:0:0:0:1]",
    "[::ffff:127.0.0.1]", "[::ffff:7f00:1]", "localhost", "localhost.", "LOCALHOST",
    # unspecified
    "0.0.0.0", "0", "[::]",
    # link-local, cloud metadata
    "169.254.169.254", "2852039166", "[::ffff:169.254.169.254]", "[fe80::1]",
    # private
    "10.0.0.1", "10.255.255.255", "0xa000001", "172.16.0.1", "172.31.255.254", "192.168.0.1",
    "192.168.1.1",
    # CGNAT
    "100.64.0.1", "100.127.255.254",
    # IPv6 unique-local and site-local
    "[fc00::1]", "[fd12:3456:789a::1]", "[fec0::1]",
    # multicast
    "224.0.0.1", "239.255.255.250", "[ff02::1]",
    # reserved / broadcast / this network
    "240.0.0.1", "255.255.255.255", "0.1.2.3",
    # NAT64, IPv4-compatible, 6to4 and Teredo wrappings
    "[64:ff9b::7f00:1]", "[64:ff9b::a00:1]", "[64:ff9b:1::1]", "[::127.0.0.1]", "[::a00:1]",
    "[2002:7f00:1::1]", "[2002:a00:1::]", "[2001:0:4136:e378:8000:63bf:3fff:fdd2]",
    # documentation, benchmarking, protocol assignments
    "192.0.2.1", "198.51.100.1", "203.0.113.1", "[2001:db8::1]", "198.18.0.1", "192.0.0.1",
]  # fmt: skip

LOOPBACK_HOSTS = [
    "127.0.0.1", "2130706433", "0x7f000001", "0x7f.0.0.1", "127.1", "0177.1", "[::ffff:127.0.0.1]",
    "localhost", "localhost.",
]  # fmt: skip

REFUSED_ANSWERS = [
    (["10.1.2.3"], "private"),
    (["127.0.0.1"], "loopback"),
    ([PUBLIC_IP, "10.0.0.5"], "mixed public/private"),
    (["fd00::1", PUBLIC_IP], "mixed ULA/public"),
    (["::ffff:10.0.0.1"], "mapped"),
    (["169.254.169.254"], "metadata"),
    ([], "no answer"),
]
"""DNS answers that make a name refused (any refused address poisons the name), and why."""


class FakeDns:
    """An injectable resolver; a list of answer lists is served one per call (rebinding)."""

    def __init__(self, answers: dict[str, list[str] | list[list[str]]]) -> None:
        self.answers = answers
        self.calls: list[str] = []

    async def __call__(self, host: str, port: int) -> Sequence[str]:
        self.calls.append(host)
        answer = self.answers.get(host.lower())
        if answer is None:
            raise SsrfError(f"cannot resolve {host}: NXDOMAIN")
        if answer and isinstance(answer[0], list):
            return answer.pop(0) if len(answer) > 1 else answer[0]  # type: ignore[return-value]
        return answer  # type: ignore[return-value]
