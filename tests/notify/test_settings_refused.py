"""Notify settings that cannot work are refused at start with the reason, not found out
when the first email goes out with links nobody can open."""

from __future__ import annotations

import pytest
from pydantic import ValidationError
from wirewatch_notify.settings import NotifySettings


@pytest.mark.parametrize(
    "base", ["wirewatch.example.org", "/alerts", "ftp://files.example.org", "https://"]
)
def test_a_public_base_url_links_cannot_start_with_is_refused(base: str) -> None:
    with pytest.raises(ValidationError, match="http\\(s\\) URL with a host"):
        NotifySettings(public_base_url=base, _env_file=None)  # type: ignore[call-arg]


@pytest.mark.parametrize("port", [0, -25, 70000])
def test_an_smtp_port_no_server_can_have_is_refused(port: int) -> None:
    with pytest.raises(ValidationError, match="smtp_port"):
        NotifySettings(smtp_port=port, _env_file=None)  # type: ignore[call-arg]


def test_real_values_are_kept() -> None:
    settings = NotifySettings(  # type: ignore[call-arg]
        public_base_url="https://alerts.example.org/wirewatch", smtp_port=465, _env_file=None
    )
    assert settings.public_base_url == "https://alerts.example.org/wirewatch"
    assert settings.smtp_port == 465
