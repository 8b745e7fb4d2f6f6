"""One list of country codes: notify (subscription filters, routes) and flights (API and
CLI filters) accept exactly the same ones."""

from __future__ import annotations

import itertools
import string

import pytest
from wirewatch_flights.api import country_problem
from wirewatch_notify.schemas import RouteIn, SubscriptionCreate, iso_country

EVERY_PAIR = ["".join(p) for p in itertools.product(string.ascii_uppercase, repeat=2)]


def _notify_accepts(code: str) -> bool:
    try:
        iso_country(code)
    except ValueError:
        return False
    return True


def test_notify_and_flights_accept_exactly_the_same_codes() -> None:
    notify = {code for code in EVERY_PAIR if _notify_accepts(code)}
    flights = {code for code in EVERY_PAIR if country_problem(code) is None}
    assert notify == flights, (sorted(notify - flights), sorted(flights - notify))
    # Real countries (and Kosovo, which flight records carry); no groupings or private use.
    assert {"US", "MX", "GT", "VE", "GB", "GR", "XK"} <= notify
    assert not {"EU", "UN", "ZZ", "UK", "EL", "QQ"} & notify


def test_a_lower_case_or_spaced_code_is_the_same_code_in_both() -> None:
    assert iso_country(" gt ") == "GT" and country_problem(" gt ") is None


@pytest.mark.parametrize(("written", "meant"), [("UK", "GB"), ("EL", "GR")])
def test_both_say_which_code_was_meant(written: str, meant: str) -> None:
    flights = country_problem(written)
    assert flights is not None and f"did you mean {meant}?" in flights
    with pytest.raises(ValueError, match=f"did you mean {meant}"):
        RouteIn(destination=written)
    with pytest.raises(ValueError, match=f"did you mean {meant}"):
        SubscriptionCreate(
            topics=["border-policy"],
            channel="webhook",
            target="https://a.example.org/h",
            countries=[written],
        )
