"""The notify CLI over the same service layer: subscribe with filters, tokens, test sends."""

from __future__ import annotations

from pathlib import Path

import pytest
from wirewatch_notify import outbox, subscriptions, tokens
from wirewatch_notify.models import DeliveryKind
from wirewatch_shared.db import make_engine

from tests.notify.support import CliResult, run_cli
from tests.support.env import clear_settings
from tests.support.http import HttpReceiver, Reply


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    clear_settings(monkeypatch)
    monkeypatch.chdir(tmp_path)


def run(args: list[str], tmp_path: Path, **env: str) -> CliResult:
    """The CLI in-process on a database of the test's own."""
    environment = {
        "WIREWATCH_DATABASE_URL": f"sqlite:///{tmp_path / 'cli.db'}",
        "WIREWATCH_SECRET_KEY": "cli-secret-key",
        **env,
    }
    return run_cli(args, environment)


def test_tokens_are_printed_once_and_stored_hashed(tmp_path: Path) -> None:
    created = run(["tokens", "create", "newsroom"], tmp_path)
    assert created.returncode == 0, created.stderr
    token = created.stdout.strip().splitlines()[-1]
    assert token.startswith("wwt_")
    listed = run(["tokens", "list"], tmp_path)
    assert "newsroom" in listed.stdout and token not in listed.stdout
    engine = make_engine(f"sqlite:///{tmp_path / 'cli.db'}")
    assert tokens.verify_token(engine, token) is not None
    assert token not in (tmp_path / "cli.db").read_bytes().decode("latin-1")
    assert run(["tokens", "revoke", "1"], tmp_path).returncode == 0
    assert tokens.verify_token(engine, token) is None


def test_subscribe_with_filters_digest_and_quiet_hours(tmp_path: Path) -> None:
    created = run(
        [
            "subscribe", "--topic", "border-policy", "--topic", "repatriation-flights",
            "--email", "desk@example.org", "--country", "mx", "--language", "es",
            "--entity", "Frontex", "--feed", "3", "--min-score", "0.4", "--digest", "2h",
            "--quiet-hours", "22:00-07:00", "--timezone", "Europe/Madrid",
        ],
        tmp_path,
    )  # fmt: skip
    assert created.returncode == 0, created.stderr
    assert "confirmation email is queued" in created.stdout
    engine = make_engine(f"sqlite:///{tmp_path / 'cli.db'}")
    [sub] = subscriptions.list_subscriptions(engine)
    assert (sub.topics, sub.countries, sub.languages, sub.feeds) == (
        ["border-policy", "repatriation-flights"],
        ["MX"],
        ["es"],
        [3],
    )
    assert (sub.mode, sub.digest_interval_minutes, sub.quiet_start, sub.timezone) == (
        "digest",
        120,
        "22:00",
        "Europe/Madrid",
    )
    assert sub.owner == "local" and sub.awaiting_confirmation
    [confirm] = outbox.list_deliveries(engine)
    assert confirm.kind == DeliveryKind.CONFIRM
    listed = run(["subscriptions", "list"], tmp_path)
    assert "awaiting_confirmation" in listed.stdout and "digest 120m" in listed.stdout
    bad = run(
        ["subscribe", "--topic", "x", "--email", "a@example.org", "--digest", "soon"], tmp_path
    )
    assert bad.returncode != 0 and "not a duration" in bad.stderr


def test_test_send_and_rotation(tmp_path: Path, http_receiver: HttpReceiver) -> None:
    env = {"WIREWATCH_ALLOW_PRIVATE_NETWORKS": "true"}
    created = run(
        ["subscribe", "--topic", "border-policy", "--webhook", http_receiver.url("/hook")],
        tmp_path,
        **env,
    )
    assert created.returncode == 0, created.stderr
    tested = run(["subscriptions", "test", "1"], tmp_path, **env)
    assert tested.returncode == 0, tested.stderr
    assert "test alert delivered" in tested.stdout
    [request] = http_receiver.received("/hook")
    assert b'"test":true' in request.body
    rotated = run(["subscriptions", "rotate-secret", "1"], tmp_path)
    assert rotated.returncode == 0 and "whsec_" in rotated.stdout
    http_receiver.routes["/hook"] = Reply(500)
    failed = run(["subscriptions", "test", "1"], tmp_path, **env)
    assert failed.returncode != 0 and "HTTP 500" in failed.stderr
    refused = run(["subscriptions", "test", "1"], tmp_path)  # private networks not allowed
    assert refused.returncode != 0 and "refused" in refused.stderr
    log = run(["deliveries", "list", "--subscription", "1"], tmp_path)
    assert log.stdout.count("test") >= 3
