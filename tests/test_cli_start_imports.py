"""Starting ``wirewatch`` imports no event model (citime54): ``wirewatch.cli.topics_cmds`` needs
only two limits for its help text, which it reads from ``wirewatch_shared.topic_limits`` (a
module importing nothing), the limits ``wirewatch_shared.events`` enforces."""

from __future__ import annotations

import subprocess
import sys
import typing

from wirewatch_shared import events

from wirewatch.cli import topics_cmds


def test_the_cli_starts_without_the_event_models_or_pydantic() -> None:
    code = (
        "import sys, wirewatch.cli\n"
        "print(sorted(m for m in ('wirewatch_shared.events', 'pydantic') if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    ).stdout
    assert out.strip() == "[]"


def test_the_help_texts_limits_are_the_events_limits() -> None:
    phrases_option = typing.get_args(topics_cmds.Phrases)[1]
    assert (
        f"at most {events.PHRASES_MAX}, {events.PHRASE_MAX} characters each" in phrases_option.help
    )
