"""A webhook target is parsed once (``channels.http.parsed_url``): the URL a send gets is
what ``httpx.URL`` makes of the target, every time, and an invalid target fails every
time, as parsing it afresh does."""

from __future__ import annotations

import httpx
import pytest
from wirewatch_notify.channels.http import parsed_url

TARGETS = [
    "https://hooks.example.org/x",
    "http://127.0.0.1:8080/hook?a=1&b=%20#frag",
    "https://user:secret@hooks.example.org/with-credentials",
    "https://hooks.slack.com/services/T000/B000/XXXXXXXX",
    "https://bücher.example/pfad/ä?q=ü",
    "http://[::1]:9000/v6",
]


@pytest.mark.parametrize("target", TARGETS)
def test_the_parsed_target_is_httpx_s_every_time(target: str) -> None:
    fresh = httpx.URL(target)
    for _ in range(3):
        url = parsed_url(target)
        assert url == fresh
        assert (url.raw_scheme, url.raw_host, url.port, url.raw_path, url.userinfo) == (
            fresh.raw_scheme,
            fresh.raw_host,
            fresh.port,
            fresh.raw_path,
            fresh.userinfo,
        )
        assert url.netloc == fresh.netloc and url.fragment == fresh.fragment


@pytest.mark.parametrize(
    "target", ["http://0177.0.0.1/octal", "http://[::1/", "http://a:port/", "http://ex\x00ample/"]
)
def test_an_invalid_target_fails_every_time(target: str) -> None:
    with pytest.raises(httpx.InvalidURL):
        httpx.URL(target)
    for _ in range(2):
        with pytest.raises(httpx.InvalidURL):
            parsed_url(target)
