"""The ``entities`` member of a ClassifiedItem, remembered per value (encoding.entities_json)."""

from __future__ import annotations

from wirewatch_classify.encoding import classified_json_parts, entities_json
from wirewatch_shared.events import Entities


def test_remembered_json_is_the_models_own_for_equal_values() -> None:
    first = Entities(countries=("MX", "US"), agencies=("ICE",), places=("Tijuana",))
    twin = Entities(countries=("MX", "US"), agencies=("ICE",), places=("Tijuana",))
    other = Entities(countries=("MX",))
    assert entities_json(first) == first.model_dump_json().encode()
    assert entities_json(twin) == twin.model_dump_json().encode()  # found by value
    assert entities_json(other) == other.model_dump_json().encode()
    assert classified_json_parts((), first)[1] == first.model_dump_json().encode()


def test_the_memo_is_bounded() -> None:
    entities_json.cache_clear()
    limit = entities_json.cache_info().maxsize
    assert limit is not None
    for n in range(limit + 5):
        value = Entities(places=(f"place {n}",))
        assert entities_json(value) == value.model_dump_json().encode()
    assert entities_json.cache_info().currsize <= limit
