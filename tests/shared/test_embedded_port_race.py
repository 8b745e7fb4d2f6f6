"""Two embedded brokers (two xdist workers, two tests) on one port: the second must never
take the first one's answers for its own (stop 50's CI failure: a test ran against another
test's broker, its partitions and its items)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from wirewatch_shared.embedded import EmbeddedBroker, PortTaken, answers_kafka, listens_on

pytestmark = pytest.mark.integration


def listens(pid: int | None, port: int) -> bool:
    assert pid is not None
    return listens_on(pid, port)


@pytest.fixture
def first() -> Iterator[EmbeddedBroker]:
    with EmbeddedBroker() as broker:
        yield broker


def test_a_port_given_and_taken_by_another_broker_is_refused(first: EmbeddedBroker) -> None:
    second = EmbeddedBroker(port=first.port)
    try:
        with pytest.raises(PortTaken):
            second.start()
    finally:
        second.stop()
    assert second.pid is None  # nothing left running
    assert listens(first.pid, first.port) and answers_kafka(first.host, first.port)


def test_a_chosen_port_taken_before_the_start_ends_on_a_port_of_its_own() -> None:
    # The race as it happens: this broker chose its port, another one bound it meanwhile.
    second = EmbeddedBroker()
    chosen = second.port
    with EmbeddedBroker(port=chosen) as first, second:
        assert listens(first.pid, chosen)
        assert second.port != chosen and second.bootstrap != first.bootstrap
        assert listens(second.pid, second.port)
        assert not listens(second.pid, chosen)
        assert answers_kafka(second.host, second.port)
