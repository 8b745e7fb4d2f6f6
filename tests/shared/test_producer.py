"""The output partitioner agrees with Kafka's default partitioner."""

from __future__ import annotations

import random

from aiokafka.partitioner import DefaultPartitioner, murmur2
from wirewatch_shared.producer import murmur2 as fast_murmur2
from wirewatch_shared.producer import partition_for


def test_murmur2_matches_aiokafka_for_every_length_and_tail() -> None:
    rng = random.Random(7)
    for length in range(0, 130):
        for _ in range(20):
            key = bytes(rng.randrange(256) for _ in range(length))
            assert fast_murmur2(key) == murmur2(key), key
    # Past the unpackers built in advance (keys over 1 KiB) too.
    for length in (1020, 1023, 1024, 1027, 1029, 2050):
        key = bytes(rng.randrange(256) for _ in range(length))
        assert fast_murmur2(key) == murmur2(key), length


def test_partition_matches_the_default_partitioner() -> None:
    default = DefaultPartitioner()
    for count in (1, 3, 7, 12):
        partitions = list(range(count))
        for n in range(200):
            key = f"https://example.org/news/{n}/ünïcode-slug".encode()
            assert partition_for(key, partitions) == default(key, partitions, partitions)
