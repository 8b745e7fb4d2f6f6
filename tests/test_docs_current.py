"""The README and docs/*.md say only what is true: every link and anchor leads somewhere,
every `WIREWATCH_…` variable is a real setting, every `wirewatch …` command and option
shown exists, and the README's picture names every service and stream there is."""

from __future__ import annotations

import re
import shlex
import unicodedata
from pathlib import Path
from typing import Any, TypeGuard

import pytest
import typer
from wirewatch_shared import streams

from wirewatch.cli import app
from wirewatch.config_table import SECTIONS

REPO = Path(__file__).resolve().parent.parent
PAGES = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]
ALL_PAGES = [*PAGES, *sorted((REPO / "docs" / "measurements").glob("*.md"))]
SERVICES = ("ingest", "classify", "stories", "flights", "notify")

LINK = re.compile(r"\]\(([^)\s]+)\)")
HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*#*\s*$", re.M)
FENCE = re.compile(r"^```[a-z]*\n(.*?)^```", re.M | re.S)
VARIABLE = re.compile(r"\bWIREWATCH_[A-Z0-9_]*[A-Z0-9]\b")
# Variables that are no setting but that the docs rightly name: the tests' database, the
# shell variables of the API examples, and a prefix written with its parts.
NOT_SETTINGS = {"WIREWATCH_TEST_POSTGRES_URL", "WIREWATCH_TOKEN"}


def _slug(heading: str) -> str:
    """GitHub's anchor of a heading: lower case, markup and punctuation dropped, spaces
    to hyphens."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", heading).replace("`", "").lower()
    kept = "".join(
        c for c in text if c in " -_" or unicodedata.category(c)[0] in "LN"
    )  # fmt: skip
    return kept.replace(" ", "-")


def _anchors(page: Path) -> set[str]:
    text = FENCE.sub("", page.read_text())
    seen: dict[str, int] = {}
    anchors = set()
    for heading in HEADING.findall(text):
        slug = _slug(heading)
        n = seen.get(slug, 0)
        seen[slug] = n + 1
        anchors.add(slug if n == 0 else f"{slug}-{n}")
    return anchors


@pytest.mark.parametrize("page", ALL_PAGES, ids=lambda p: str(p.relative_to(REPO)))
def test_every_link_and_anchor_resolves(page: Path) -> None:
    broken = []
    for target in LINK.findall(FENCE.sub("", page.read_text())):
        if re.match(r"[a-z]+:", target):
            continue  # http(s), mailto: not ours to check offline
        path, _, anchor = target.partition("#")
        dest = (page.parent / path).resolve() if path else page
        if not dest.exists():
            broken.append(f"{target}: no such file")
        elif anchor and dest.suffix == ".md" and anchor not in _anchors(dest):
            broken.append(f"{target}: no heading with that anchor")
    assert broken == [], broken


def _settings() -> set[str]:
    return {f"WIREWATCH_{name.upper()}" for _, cls in SECTIONS for name in cls.model_fields}


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(REPO)))
def test_every_variable_named_is_a_setting(page: Path) -> None:
    known = _settings() | NOT_SETTINGS
    named = set(VARIABLE.findall(page.read_text()))
    assert named - known == set(), f"{page.name} names variables no settings class reads"


def _command_lines() -> list[tuple[str, str]]:
    """Each `wirewatch …` line of a code block and each inline `wirewatch …` of the pages."""
    found = []
    for page in PAGES:
        text = page.read_text()
        for block in FENCE.findall(text):
            for line in block.splitlines():
                line = re.sub(r"^\s*(\S+=\S+\s+)*", "", line.split(" #")[0]).strip()
                if re.match(r"(\.venv/bin/)?wirewatch\s", line):
                    found.append((page.name, line))
        found += [(page.name, c) for c in re.findall(r"`((?:\.venv/bin/)?wirewatch [^`]+)`", text)]
    return found


def _is_group(command: Any) -> TypeGuard[Any]:
    """Typer ships its own click, so a group is told by its ``commands`` mapping."""
    return isinstance(getattr(command, "commands", None), dict)


def _resolve(words: list[str]) -> tuple[Any, list[str]]:
    """The deepest command the words name (typer's click objects), and the words left."""
    command: Any = typer.main.get_command(app)
    while words and _is_group(command) and words[0] in command.commands:
        command = command.commands[words.pop(0)]
    return command, words


def _options(command: Any) -> set[str]:
    names = {"--help"}
    for param in command.params:
        names.update(param.opts)
        names.update(param.secondary_opts)
    return names


def _check(line: str) -> list[str]:
    """What is wrong with one documented command line."""
    problems = []
    # "a | b | c" lists alternatives of one group: `subscriptions list | remove ID`.
    head, *alternatives = [part.strip() for part in re.split(r"\s\|\s", line)]
    try:
        words = shlex.split(head.replace("…", "x").replace("\\", ""))
    except ValueError:
        words = head.split()
    words[0] = "wirewatch"
    command, rest = _resolve(words[1:])
    if _is_group(command):
        if rest and re.fullmatch(r"[a-z][a-z-]+", rest[0]) and rest[0] != "wirewatch":
            problems.append(f"{line}: no command {rest[0]!r}")
        return problems
    parent = _resolve(words[1 : -len(rest) or None][:-1])[0] if len(words) > 2 else None
    for alternative in alternatives:
        name = alternative.split()[0].strip("()[]")
        named = re.fullmatch(r"[a-z][a-z-]+", name)
        if _is_group(parent) and named and name not in parent.commands:
            problems.append(f"{line}: no command {name!r}")
    for word in rest:
        for option in re.findall(r"(?<![\w-])(--?[a-z][a-z-]*)", word):
            if option not in _options(command):
                problems.append(f"{line}: {command.name} has no option {option}")
    return problems


def test_every_documented_command_and_option_exists() -> None:
    lines = _command_lines()
    assert len(lines) > 60  # the README's table and the pages' examples were found
    problems = [f"{page}: {p}" for page, line in lines for p in _check(line)]
    assert problems == [], "\n".join(problems)


def test_readme_picture_draws_every_stream_with_its_writer_and_readers() -> None:
    """The architecture picture in the README against the one place streams are described
    (``wirewatch_shared.streams.STREAM_INFO``): one line per stream, its writer on the left,
    every reader on the right."""
    readme = (REPO / "README.md").read_text()
    picture = readme.split("```", 2)[1]
    for service in SERVICES:
        assert re.search(rf"\b{service}\b", picture), f"the picture lacks {service}"
    for name, info in streams.STREAM_INFO.items():
        lines = [line for line in picture.splitlines() if name in line]
        assert lines, f"the README picture lacks {name}"
        writer, _, readers = lines[0].partition(name)
        assert info.producers[0].split()[0] in writer, (name, info.producers)
        for consumer in info.consumers:
            assert consumer.service in readers, f"{name} -> {consumer.service} not drawn"


def test_the_help_of_up_names_every_service_it_runs() -> None:
    """`wirewatch --help` and `wirewatch up --help` are docs too: `up` runs all five."""
    up, rest = _resolve(["up"])
    assert rest == [], "no `wirewatch up` command"
    text = " ".join((up.help or "").split())
    for service in SERVICES:
        assert service in text, f"`wirewatch up --help` does not name {service}: {text}"
    makefile = (REPO / "Makefile").read_text()
    assert "the three services" not in makefile
