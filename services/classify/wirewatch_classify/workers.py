"""Optional classification in worker processes (``WIREWATCH_CLASSIFY_WORKERS``).

Classifying is pure CPU work; publishing is mostly the event loop's CPU work. In
one process they take turns. With workers, the service splits a batch into
chunks and classifies chunk k+1 in a worker while the event loop publishes chunk
k, so the two overlap on separate cores. Each worker keeps its own compiled
classifier; the user topics travel with each call as a fingerprint, and a worker
recompiles only when the fingerprint changes.

Workers return everything the event loop needs as ready-made bytes/strings, so
the loop does no per-item encoding of matches.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import NamedTuple

from wirewatch_shared import lifeline

from wirewatch_classify import itemstore, user_topics
from wirewatch_classify.encoding import classified_json_parts
from wirewatch_classify.engine import EMPTY_ENTITIES, Classifier

Row = tuple[str, str, str | None]
"""(title, summary, language) of one item."""


class Result(NamedTuple):
    """One classified item, encoded (a named tuple: one is built per item, and a
    tuple is several times cheaper to build than a frozen dataclass)."""

    matches_json: bytes
    """The ``matches`` array for the ClassifiedItem event."""
    entities_json: bytes
    stored_matches: str
    """Canonical matches JSON for the item store (``itemstore.matches_json``)."""
    topics: tuple[str, ...]


_NOTHING = Result(*classified_json_parts((), EMPTY_ENTITIES), "[]", ())


def encode(classifier: Classifier, row: Row) -> Result:
    matches, entities = classifier.classify(*row)
    if not matches and entities is EMPTY_ENTITIES:
        return _NOTHING  # most news: no topic, no entity
    matches_json, entities_json = classified_json_parts(matches, entities)
    # Positional: a named tuple's keyword arguments cost as much again per item.
    return Result(
        matches_json,
        entities_json,
        itemstore.matches_json(matches) if matches else "[]",
        tuple(m.topic for m in matches),
    )


# -- inside a worker process -----------------------------------------------------------

_base: Classifier | None = None
_current: Classifier | None = None
_fingerprint: str = ""


def _init(topics_dir: Path | None, main_pid: int) -> None:
    global _base, _current
    # Workers die with the parent (even a kill -9 of it) and leave Ctrl-C to it.
    lifeline.worker_initializer(main_pid)
    _base = _current = Classifier.load(topics_dir)
    gc.freeze()  # the classifier lives as long as the worker (see live_topics.freeze_long_lived)


def _classify_chunk(
    rows: Sequence[Row], fingerprint: str, definitions: Sequence[user_topics.Definition]
) -> list[Result]:
    global _current, _fingerprint
    assert _base is not None and _current is not None
    if fingerprint != _fingerprint:
        _current = _base.with_user_topics(user_topics.compile_all(definitions))
        _fingerprint = fingerprint
        gc.freeze()
    classifier = _current
    return [encode(classifier, row) for row in rows]


def _ready() -> bool:
    return _base is not None


class WorkerPool:
    """A process pool of classifiers (spawned: safe next to the event loop's threads)."""

    def __init__(self, workers: int, topics_dir: Path | None) -> None:
        self.workers, self.topics_dir = workers, topics_dir
        self._executor = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_init,
            initargs=(topics_dir, os.getpid()),
        )

    def warm_up(self) -> None:
        """Start the workers now (they import and compile in a few seconds)."""
        self._executor.submit(_ready).result()

    def submit(
        self,
        rows: Sequence[Row],
        fingerprint: str,
        definitions: Sequence[user_topics.Definition],
    ) -> Future[list[Result]]:
        """The results of one chunk, computed in a worker. A pool a worker died in is
        broken for good: the future fails with ``BrokenProcessPool``, as the chunks in
        flight when it died do (never raised here, so the caller meets it in one place)."""
        try:
            return self._executor.submit(
                _classify_chunk, list(rows), fingerprint, list(definitions)
            )
        except BrokenProcessPool as exc:
            failed: Future[list[Result]] = Future()
            failed.set_exception(exc)
            return failed

    def close(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)
