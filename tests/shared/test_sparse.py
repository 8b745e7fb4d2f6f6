"""The design matrix both learned models (classify topics, flights status) are trained on."""

from __future__ import annotations

import pytest
from wirewatch_shared.sparse import design_matrix, vocabulary

pytest.importorskip("scipy", reason="scipy comes with the train extra")


def test_vocabulary_keeps_features_seen_often_enough_sorted() -> None:
    vectors = [{"w:vuelo": 1.0, "w:deportados": 0.5}, {"w:vuelo": 2.0}, {"c:uel": 1.0}]
    assert vocabulary(vectors, 1) == ["c:uel", "w:deportados", "w:vuelo"]
    assert vocabulary(vectors, 2) == ["w:vuelo"]


def test_design_matrix_places_values_and_drops_unknown_features() -> None:
    vocab = {"a": 0, "b": 1}
    x = design_matrix([{"a": 1.5, "zzz": 9.0}, {}, {"b": 2.0, "a": 0.5}], vocab)
    assert x.shape == (3, 2)
    assert x.toarray().tolist() == [[1.5, 0.0], [0.0, 0.0], [0.5, 2.0]]
