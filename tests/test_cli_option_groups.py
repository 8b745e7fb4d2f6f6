"""``option_groups``: a dataclass of options shared by several commands stands for those
options on the command line, in its place, and reaches the command as one record."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

import typer
from typer.main import get_command
from typer.testing import CliRunner

from wirewatch.cli import app as wirewatch
from wirewatch.cli.common import option_groups

Colour = Annotated[str | None, typer.Option("--colour", help="A colour.")]
Size = Annotated[int, typer.Option("--size", help="A size.")]


@dataclass(frozen=True)
class Looks:
    colour: Colour = None
    size: Size = 1


demo = typer.Typer()


@demo.command("show")
@option_groups
def show(name: Annotated[str, typer.Argument()], looks: Looks, loud: bool = False) -> None:
    print(repr((name, looks, loud)))


@demo.command("other")
def other() -> None:
    """A second command, so that ``show`` is a subcommand."""


def _options(command: object) -> list[str]:
    return [param.name for param in command.params]  # type: ignore[attr-defined]


def test_the_group_becomes_options_in_its_place_and_one_record() -> None:
    result = CliRunner().invoke(demo, ["show", "box", "--size", "3", "--loud"])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == repr(("box", Looks(colour=None, size=3), True))
    assert _options(get_command(demo).commands["show"]) == ["name", "colour", "size", "loud"]  # type: ignore[attr-defined]


def test_the_flights_and_subscribe_commands_keep_their_options_in_order() -> None:
    group = get_command(wirewatch)
    flights = group.commands["flights"]  # type: ignore[attr-defined]
    filters = ["origin", "destination", "status", "since", "until"]
    channel = ["webhook", "email", "slack", "apprise"]
    assert _options(flights.commands["list"]) == [*filters, "limit", "database_url"]
    assert _options(flights.commands["export"]) == ["export_format", *filters, "database_url"]
    assert _options(flights.commands["subscribe"]) == [
        "origin", "destination", *channel, "skip_confirmation", "database_url",
    ]  # fmt: skip
    assert _options(group.commands["subscribe"])[:5] == ["topic", *channel]  # type: ignore[attr-defined]
