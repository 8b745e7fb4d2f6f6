"""Feature dicts to a scikit-learn design matrix, for the learned models beside the rules
(classify's topic model, the flights status model). scipy is imported only when a matrix
is built: the services that read the shipped weights never need it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


def vocabulary(vectors: Sequence[dict[str, float]], min_df: int) -> list[str]:
    """Every feature seen in at least ``min_df`` of the vectors, sorted."""
    df: dict[str, int] = {}
    for vector in vectors:
        for feature in vector:
            df[feature] = df.get(feature, 0) + 1
    return sorted(f for f, n in df.items() if n >= min_df)


def design_matrix(vectors: Sequence[dict[str, float]], vocab: dict[str, int]) -> Any:
    """A CSR matrix of the vectors over ``vocab`` (feature -> column); other features are
    dropped."""
    from scipy.sparse import csr_matrix

    rows: list[int] = []
    cols: list[int] = []
    values: list[float] = []
    for r, vector in enumerate(vectors):
        for feature, value in vector.items():
            c = vocab.get(feature)
            if c is not None:
                rows.append(r)
                cols.append(c)
                values.append(value)
    return csr_matrix((values, (rows, cols)), shape=(len(vectors), len(vocab)))
