"""Fixtures shared by the whole suite: real broker, real databases, real SMTP and HTTP servers.

- ``kafka_bootstrap``: a real Tansu broker (Kafka wire protocol) on a free loopback port,
  one per test session.
- ``engine``: a database engine, parametrised over SQLite and PostgreSQL. PostgreSQL comes
  from ``WIREWATCH_TEST_POSTGRES_URL`` (default: the local test database); without a
  reachable server those tests skip with a message, except when the variable is set
  explicitly (CI), where they fail.
- ``smtp_server``: a real aiosmtpd server that keeps every message it receives.
- ``http_receiver``: a real HTTP server on 127.0.0.1 that records requests and answers
  with a programmable status.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine
from wirewatch_shared.db import make_engine
from wirewatch_shared.embedded import EmbeddedBroker

from tests.support.http import HttpReceiver
from tests.support.smtp import SmtpSink

REPO_ROOT = Path(__file__).resolve().parent.parent
CORPUS_DIR = REPO_ROOT.parent / "shared" / "corpus" / "feeds"
DEFAULT_PG_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
# Tansu holds every consumer-group join for half the session timeout (at least 1 s): with
# the production default of 6 s, each service start and each test consumer waited 3 s.
# The suite uses the demo's 2 s / 0.5 s (src/wirewatch/demo/run.py): each join takes 1 s.
# Set by the session (unless already set), kept for subprocesses (tests/support/env.py).
KAFKA_TEST_TIMING = {
    "WIREWATCH_KAFKA_SESSION_TIMEOUT_MS": "2000",
    "WIREWATCH_KAFKA_HEARTBEAT_INTERVAL_MS": "500",
}


@pytest.fixture(scope="session", autouse=True)
def _session_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Nothing a test runs writes into the repository or the user's real data dir: the
    session's module- and session-scoped fixtures get a data dir of their own ..."""
    path = tmp_path_factory.mktemp("wirewatch-data")
    # XDG_DATA_HOME too: a test that clears the WIREWATCH_* variables for a subprocess
    # still gets a temporary per-user data dir, never the real one.
    values = {"WIREWATCH_DATA_DIR": str(path), "XDG_DATA_HOME": str(path / "xdg")}
    values.update({name: os.environ.get(name, v) for name, v in KAFKA_TEST_TIMING.items()})
    saved = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield path
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


@pytest.fixture(autouse=True)
def wirewatch_home(
    _session_data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """... and every test its own (``WIREWATCH_DATA_DIR``, inherited by subprocesses)."""
    path = tmp_path / "wirewatch-data"
    monkeypatch.setenv("WIREWATCH_DATA_DIR", str(path))
    return path


@pytest.fixture(scope="session")
def kafka_bootstrap() -> Iterator[str]:
    with EmbeddedBroker() as broker:
        yield broker.bootstrap


def _postgres_url() -> tuple[str, bool]:
    explicit = os.environ.get("WIREWATCH_TEST_POSTGRES_URL")
    return (explicit or DEFAULT_PG_URL), bool(explicit)


@pytest.fixture(scope="session")
def postgres_admin_url() -> str:
    url, required = _postgres_url()
    try:
        probe = create_engine(url)
        with probe.connect() as conn:
            conn.execute(text("SELECT 1"))
        probe.dispose()
    except Exception as exc:
        if required:
            pytest.fail(f"WIREWATCH_TEST_POSTGRES_URL is set but PostgreSQL is unreachable: {exc}")
        pytest.skip(
            f"PostgreSQL not reachable at {url} ({type(exc).__name__}); "
            "set WIREWATCH_TEST_POSTGRES_URL to run the PostgreSQL tests"
        )
    return url


def _fresh_postgres_database(admin_url: str) -> str:
    """A new, empty database per test so tests never see each other's rows."""
    name = f"ww_{uuid.uuid4().hex[:12]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return admin_url.rsplit("/", 1)[0] + "/" + name


def _drop_postgres_database(admin_url: str, url: str) -> None:
    name = url.rsplit("/", 1)[1]
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(params=["sqlite", "postgres"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh database URL, once for SQLite and once for PostgreSQL."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'wirewatch.db'}"
        return
    admin_url = request.getfixturevalue("postgres_admin_url")
    url = _fresh_postgres_database(admin_url)
    try:
        yield url
    finally:
        _drop_postgres_database(admin_url, url)


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    eng = make_engine(database_url)
    try:
        yield eng
    finally:
        eng.dispose()


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'wirewatch.db'}"


@pytest.fixture
def smtp_server() -> Iterator[SmtpSink]:
    sink = SmtpSink()
    sink.start()
    try:
        yield sink
    finally:
        sink.stop()


@pytest.fixture
def http_receiver() -> Iterator[HttpReceiver]:
    receiver = HttpReceiver()
    receiver.start()
    try:
        yield receiver
    finally:
        receiver.stop()


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    if not CORPUS_DIR.is_dir():
        pytest.skip(f"feed corpus not found at {CORPUS_DIR} (../shared beside the repo)")
    return CORPUS_DIR
