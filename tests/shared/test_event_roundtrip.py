"""Every field of every event survives the wire: any valid event (drawn field by field
from the model's own types and bounds) dumps to JSON that validates back to an equal
event."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from pydantic import BaseModel

from tests.shared.support import EVENTS, instances


def test_every_event_class_is_covered() -> None:
    names = {cls.__name__ for cls in EVENTS}
    assert {"FeedItem", "ClassifiedItem", "DeadLetter", "TopicDefinitionEvent"} <= names


@pytest.mark.parametrize("model", EVENTS, ids=lambda cls: cls.__name__)
def test_json_round_trip_keeps_every_field(model: type[BaseModel]) -> None:
    @settings(
        max_examples=40,
        deadline=None,
        suppress_health_check=[HealthCheck.filter_too_much, HealthCheck.too_slow],
    )
    @given(instances(model))
    def round_trip(event: BaseModel) -> None:
        wire = event.model_dump_json()
        back = model.model_validate_json(wire)
        assert back == event
        for name in model.model_fields:
            assert getattr(back, name) == getattr(event, name), name

    round_trip()
