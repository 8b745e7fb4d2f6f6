"""Durable mode is ready only once the restarted master knows every volume on disk."""

from __future__ import annotations

from pathlib import Path

from wirewatch.ops.durable import _registered_volume_ids, volume_ids_on_disk


def test_volume_ids_on_disk_reads_collection_and_bare_names(tmp_path: Path) -> None:
    for name in ("tansu_1.dat", "tansu_12.dat", "3.dat", "tansu_1.idx", "notes.dat"):
        (tmp_path / name).write_bytes(b"")
    assert volume_ids_on_disk(tmp_path) == {1, 3, 12}


def test_registered_volume_ids_walks_data_centres_and_racks() -> None:
    status = {
        "Version": "4.48",
        "Volumes": {
            "DataCenters": {
                "dc1": {
                    "rack1": {
                        "127.0.0.1:8080": [
                            {"Id": 1, "Collection": "tansu", "Size": 10},
                            {"Id": 6, "Collection": "tansu", "Size": 0},
                        ]
                    }
                }
            }
        },
    }
    assert _registered_volume_ids(status) == {1, 6}


def test_no_volumes_registered_before_the_first_heartbeat() -> None:
    status = {"Version": "4.48", "Volumes": {"DataCenters": {}, "Free": 0, "Max": 0}}
    assert _registered_volume_ids(status) == set()
    assert not ({1, 2} <= _registered_volume_ids(status))
