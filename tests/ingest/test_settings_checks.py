"""Ingest settings that only make sense together are refused together, with the reason."""

from __future__ import annotations

import pytest
from pydantic import ValidationError
from wirewatch_ingest.settings import IngestSettings


def test_a_poll_floor_over_the_ceiling_is_refused_naming_both() -> None:
    with pytest.raises(ValidationError, match=r"min_poll_interval_s .* max_poll_interval_s"):
        IngestSettings(min_poll_interval_s=7200, max_poll_interval_s=3600, _env_file=None)  # type: ignore[call-arg]


@pytest.mark.parametrize(
    ("floor", "default", "ceiling"),
    [(300, 900, 14400), (60, 60, 60), (300, 60, 14400), (300, 86400, 14400)],
)
def test_a_default_interval_outside_the_two_is_still_accepted(
    floor: float, default: float, ceiling: float
) -> None:
    """Scheduling widens the floor or the ceiling to the default (setting only
    WIREWATCH_POLL_INTERVAL_S keeps working)."""
    settings = IngestSettings(
        min_poll_interval_s=floor,
        poll_interval_s=default,
        max_poll_interval_s=ceiling,
        _env_file=None,  # type: ignore[call-arg]
    )
    assert settings.poll_interval_s == default
