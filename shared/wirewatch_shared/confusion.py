"""Confusion counts of a yes/no prediction against its label, for the evaluations
(``wirewatch eval``, ``wirewatch flights eval``). Pure."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Confusion:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    @property
    def total(self) -> int:
        return self.tp + self.fp + self.fn + self.tn

    def add(self, expected: bool, predicted: bool) -> None:
        if expected and predicted:
            self.tp += 1
        elif predicted:
            self.fp += 1
        elif expected:
            self.fn += 1
        else:
            self.tn += 1

    def precision_or(self, empty: float) -> float:
        """tp / (tp + fp); ``empty`` where nothing was predicted."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else empty

    def recall_or(self, empty: float) -> float:
        """tp / (tp + fn); ``empty`` where nothing was expected."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else empty
