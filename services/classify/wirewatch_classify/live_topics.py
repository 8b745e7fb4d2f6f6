"""The topics in force in one classify process: the shipped ones and the user topics.

User topics come from two sources: the ``classify_user_topic`` table (authoritative,
read on start and re-read every ``WIREWATCH_CLASSIFY_USER_TOPICS_POLL_S``) and the
control topic's events (instant); :class:`user_topics.Sources` says which one wins.
Each change builds a new classifier, swapped in with the definitions the worker
processes are sent in one assignment: a batch in progress keeps what it started with.
"""

from __future__ import annotations

import asyncio
import contextlib
from datetime import UTC, datetime
from typing import NamedTuple

from pydantic import ValidationError
from sqlalchemy.engine import Engine
from wirewatch_shared.events import TopicDefinitionEvent
from wirewatch_shared.logging import get_logger
from wirewatch_shared.memory import freeze_long_lived

from wirewatch_classify import user_topics
from wirewatch_classify.engine import Classifier
from wirewatch_classify.settings import ClassifySettings

log = get_logger(__name__)


class InForce(NamedTuple):
    """What a batch is classified with."""

    classifier: Classifier
    """The shipped topics and the user topics, compiled (the service process's)."""
    definitions: list[user_topics.Definition]
    """The user topics in force, for the worker processes to compile."""
    fingerprint: str
    """Their fingerprint: a worker recompiles only when it changes."""


class LiveTopics:
    """The classifier in force, rebuilt when the table or a control event changes a user topic."""

    def __init__(self, settings: ClassifySettings, engine: Engine) -> None:
        self.settings = settings
        self.engine = engine
        self.base_classifier = Classifier.load(settings.classify_topics_dir)
        self.in_force = InForce(self.base_classifier, [], user_topics.fingerprint([]))
        self._sources = user_topics.Sources()
        self._table_fingerprint: str | None = None

    @property
    def classifier(self) -> Classifier:
        return self.in_force.classifier

    def apply_events(self, bodies: list[bytes]) -> None:
        """A batch of control events, applied in order; the classifier rebuilt once."""
        applied = [name for body in bodies if (name := self._apply_event(body))]
        if applied:
            self._rebuild()
            log.info(
                "user topics updated from control topic", events=len(applied), topics=applied[:10]
            )

    def _apply_event(self, body: bytes) -> str | None:
        """The topic name a control event changes, or None (bad, or older than the table)."""
        try:
            event = TopicDefinitionEvent.model_validate_json(body)
            definition = (
                None
                if event.definition is None
                else user_topics.from_event_dict(event.name, event.definition)
            )
        except (ValidationError, ValueError) as exc:
            log.warning("ignored bad topic definition event", error=str(exc).splitlines()[0])
            return None
        if not self._sources.apply_event(event.name, definition, event.changed_at):
            log.info(
                "control event older than the stored topics ignored (the table stands)",
                topic=event.name,
                changed_at=event.changed_at.isoformat(),
            )
            return None
        return event.name

    async def reload(self) -> bool:
        """Re-read the table; apply it when it changed since the last read."""
        read_at = datetime.now(UTC)
        definitions, written = await asyncio.to_thread(user_topics.read_table, self.engine)
        fingerprint = user_topics.fingerprint(definitions)
        if fingerprint == self._table_fingerprint:
            return False
        self._table_fingerprint = fingerprint
        self._sources.apply_table(definitions, written, read_at)
        self._rebuild()
        log.info("user topics loaded from table", count=len(definitions))
        return True

    def _rebuild(self) -> None:
        definitions = list(self._sources.effective().values())
        compiled = user_topics.compile_all(definitions)
        self.in_force = InForce(
            self.base_classifier.with_user_topics(compiled),
            definitions,
            user_topics.fingerprint(definitions),
        )
        freeze_long_lived()

    async def poll(self, stop: asyncio.Event) -> None:
        """Re-read the table every poll interval until ``stop`` is set."""
        while not stop.is_set():
            with contextlib.suppress(TimeoutError):  # the poll interval elapsed
                await asyncio.wait_for(
                    stop.wait(), timeout=self.settings.classify_user_topics_poll_s
                )
            if stop.is_set():
                return
            try:
                await self.reload()
            except Exception as exc:  # a database hiccup must not kill the refresher
                log.warning("user topic reload failed", error=str(exc))
