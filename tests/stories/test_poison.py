"""Records that cannot be stored never jam the stories stage (the scenarios:
:class:`tests.support.poison.PoisonTests`): dead-lettered, and the next record of the
partition is assigned; a held lock is retried until the record goes through."""

from __future__ import annotations

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import select
from wirewatch_shared.db import session_scope
from wirewatch_stories.app import StoriesService
from wirewatch_stories.models import StoryItem
from wirewatch_stories.settings import StoriesSettings

from tests.support.poison import PoisonTests, Stage

pytestmark = pytest.mark.integration


def _assigned(engine: Engine, item_id: str) -> bool:
    with session_scope(engine) as session:
        stmt = select(StoryItem).where(StoryItem.item_id == item_id)
        return session.exec(stmt).first() is not None


class TestStoriesPoison(PoisonTests):
    stage = Stage(
        StoriesService,
        StoriesSettings,
        group_field="stories_consumer_group",
        stored=_assigned,
        locked_table="stories_lock",
        failure_event="assigning stories failed",
    )
