"""Every command the README documents, run with bad input: one line on stderr, a non-zero
exit, no traceback. A command added to the README's table needs a case here.

In-process through the real entry point (``wirewatch.cli.main``: what the console script
runs) for speed; a few run as real processes too.
"""

from __future__ import annotations

import re
import socket
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import typer

from tests.support.env import clear_settings, run_wirewatch
from wirewatch.cli import app, main

REPO = Path(__file__).resolve().parent.parent
NO_DATABASE = "postgresql+psycopg://wirewatch:secret@127.0.0.1:1/wirewatch"


@dataclass(frozen=True)
class Case:
    args: list[str]
    expected: str
    exit_code: int = 2
    env: dict[str, str] = field(default_factory=dict)


def readme_commands() -> list[str]:
    """``feeds add``, ``status``, ... from the first column of the README's command table."""
    groups = {
        name: sorted(cmd.commands)  # type: ignore[attr-defined]
        for name, cmd in typer.main.get_command(app).commands.items()  # type: ignore[attr-defined]
        if hasattr(cmd, "commands")
    }
    found: list[str] = []
    for line in (REPO / "README.md").read_text().splitlines():
        if not line.startswith("| `wirewatch "):
            continue
        for span in re.findall(r"`([^`]+)`", line.split(" | ")[0]):
            words = span.removeprefix("wirewatch ").split()
            if not words or not re.fullmatch(r"[a-z][a-z-]*", words[0]):
                continue
            if words[0] in groups and len(words) > 1:
                found += [
                    f"{words[0]} {sub}" for sub in words[1].split("\\|") if sub in groups[words[0]]
                ]
            else:
                found.append(words[0])
    return list(dict.fromkeys(found))


@pytest.fixture(scope="module")
def busy_port() -> Iterator[int]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        yield sock.getsockname()[1]


@pytest.fixture(scope="module")
def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def unlabelled(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("eval") / "unlabelled.jsonl"
    path.write_text('{"title": "Deportation flight lands in Caracas", "lang": "en"}\n')
    return str(path)


def cases(busy: int, closed: int, unlabelled: str) -> dict[str, Case]:
    in_use = (
        f"HTTP port {busy} on 127.0.0.1 is in use; choose another with --port / WIREWATCH_HTTP_PORT"
    )
    no_db = "cannot use the database (WIREWATCH_DATABASE_URL)"
    db = {"WIREWATCH_DATABASE_URL": NO_DATABASE}
    return {
        "demo": Case(["demo", "--port", str(busy)], in_use),
        "up": Case(["up", "--in-memory"], in_use, env={"WIREWATCH_HTTP_PORT": str(busy)}),
        "status": Case(["status", "--url", f"http://127.0.0.1:{closed}"], "no Wirewatch status at"),
        "service": Case(["service", "ingset"], "'ingset' is not one of"),
        "feeds add": Case(["feeds", "add", f"http://127.0.0.1:{closed}/feed.xml"], "WIREWATCH_INGEST_ALLOW_PRIVATE_NETWORKS=true allows"),  # noqa: E501
        "feeds list": Case(["feeds", "list"], no_db, env=db),
        "feeds remove": Case(["feeds", "remove", "9999"], "no feed with ID 9999", 1),
        "parse": Case(["parse", "/nonexistent/feed.xml"], "cannot read /nonexistent/feed.xml"),
        "classify": Case(["classify", "--input", "/nonexistent.jsonl"], "cannot read"),
        "eval": Case(["eval", unlabelled], "'labels' list (eval needs labelled items"),
        "topics add": Case(["topics", "add", "Border Policy 2", "--query", "border"], "invalid topic name"),  # noqa: E501
        "topics list": Case(["topics", "list"], no_db, env=db),
        "topics remove": Case(["topics", "remove", "no-such-topic"], "no user-defined topic", 1),
        "reclassify": Case(["reclassify", "--since", "last week"], "--since wants a date"),
        "tokens create": Case(["tokens", "create", ""], "1-128 characters"),
        "subscribe": Case(["subscribe", "--topic", "border-polcy", "--email", "a@example.org"], "unknown topic 'border-polcy'; known topics: border-policy"),  # noqa: E501
        "subscriptions list": Case(["subscriptions", "list"], no_db, env=db),
        "subscriptions remove": Case(["subscriptions", "remove", "9999"], "no subscription with id 9999", 1),  # noqa: E501
        "subscriptions show": Case(["subscriptions", "show", "9999"], "no subscription with id 9999", 1),  # noqa: E501
        "subscriptions pause": Case(["subscriptions", "pause", "9999"], "no subscription with id 9999", 1),  # noqa: E501
        "subscriptions enable": Case(["subscriptions", "enable", "9999"], "no subscription with id 9999", 1),  # noqa: E501
        "deliveries list": Case(["deliveries", "list", "--status", "deaad"], "unknown status 'deaad'"),  # noqa: E501
        "deliveries replay": Case(["deliveries", "replay", "9999"], "no delivery with id 9999", 1),
        "asyncapi": Case(["asyncapi", "--indent", "-1"], "Invalid value for '--indent'"),
        "flights list": Case(["flights", "list", "--since", "May"], "--since"),
        "flights export": Case(["flights", "export", "--format", "xml"], "'xml' is not one of"),
        "flights extract": Case(["flights", "extract", "--input", "/nonexistent.jsonl"], "cannot read"),  # noqa: E501
        "flights subscribe": Case(["flights", "subscribe", "--origin", "USA", "--email", "a@example.org"], "--origin must be an ISO 3166-1 alpha-2 code"),  # noqa: E501
        "flights eval": Case(["flights", "eval", unlabelled], "label"),
        "stories list": Case(["stories", "list", "--days", "a week"], "Invalid value for '--days'"),
        "stories cluster": Case(["stories", "cluster", "--input", "/nonexistent.jsonl"], "cannot read"),  # noqa: E501
        "stories eval": Case(["stories", "eval", "/nonexistent.jsonl"], "cannot read"),
        "classify-split": Case(["classify-split", "--data-dir", "/nonexistent"], "/nonexistent: not a directory"),  # noqa: E501
        "train": Case(["train", "--data-dir", "/nonexistent", "--out", "/nonexistent/model"], "cannot read the split manifest"),  # noqa: E501
        "db upgrade": Case(["db", "upgrade"], "database upgrade failed (WIREWATCH_DATABASE_URL): connection failed", env=db),  # noqa: E501
        "db current": Case(["db", "current"], no_db, 1, env=db),
        "kafka-topics create": Case(["kafka-topics", "create", "--timeout", "0.5"], "is not reachable", env={"WIREWATCH_KAFKA_BOOTSTRAP": f"127.0.0.1:{closed}"}),  # noqa: E501
    }  # fmt: skip


def test_every_readme_command_has_a_bad_input_case(
    busy_port: int, closed_port: int, unlabelled: str
) -> None:
    documented = readme_commands()
    assert len(documented) >= 20, documented
    missing = [c for c in documented if c not in cases(busy_port, closed_port, unlabelled)]
    assert not missing, f"README commands without a bad-input case here: {missing}"


def _run_in_process(
    case: Case, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> tuple[int, str, str]:
    clear_settings(monkeypatch)
    for key, value in case.env.items():
        monkeypatch.setenv(key, value)
    monkeypatch.setattr(sys, "argv", ["wirewatch", *case.args])
    with pytest.raises(SystemExit) as exited:
        main()
    out, err = capsys.readouterr()
    code = exited.value.code
    return (code if isinstance(code, int) else 1), out, err


@pytest.mark.parametrize("command", readme_commands())
def test_bad_input_is_one_line_on_stderr(
    command: str,
    busy_port: int,
    closed_port: int,
    unlabelled: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    monkeypatch.chdir(tmp_path)
    case = cases(busy_port, closed_port, unlabelled)[command]
    code, out, err = _run_in_process(case, monkeypatch, capsys)
    print(f"$ wirewatch {' '.join(case.args)}\n{err.rstrip()}\n(exit {code})")
    assert code == case.exit_code, (code, err)
    assert err.endswith("\n") and err.count("\n") == 1, f"not one line: {err!r}"
    assert err.startswith("error: ") and case.expected in err, err
    assert "Traceback" not in out + err
    assert "secret" not in err  # a database URL's password never shows


@pytest.mark.parametrize(
    "command", ["up", "subscribe", "deliveries replay"], ids=["up", "subscribe", "replay"]
)
def test_the_real_entry_point_too(
    command: str, busy_port: int, closed_port: int, unlabelled: str, tmp_path: Path
) -> None:
    case = cases(busy_port, closed_port, unlabelled)[command]
    result = run_wirewatch(case.args, cwd=tmp_path, env=case.env)
    assert result.returncode == case.exit_code, result.stderr
    assert result.stderr.count("\n") == 1 and case.expected in result.stderr
    assert "Traceback" not in result.stdout + result.stderr
