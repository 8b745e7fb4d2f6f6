"""One home for state: the data dir holds the database, the secret key, the broker's data
and the runtime file, and every command finds the running `wirewatch up` from anywhere."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from platformdirs import user_data_path
from wirewatch_notify.settings import NotifySettings
from wirewatch_shared.db import make_engine
from wirewatch_shared.settings import CommonSettings

from tests.support.env import WIREWATCH, is_setting, run_wirewatch
from tests.support.listening import served_url
from wirewatch.ops.datadir import DataDirLock
from wirewatch.ops.settings import OpsSettings
from wirewatch.runtime import read_runtime, remove_runtime, runtime_path, write_runtime

REPO = Path(__file__).resolve().parents[2]


def test_default_is_the_per_user_data_dir(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WIREWATCH_DATA_DIR")
    settings = NotifySettings(_env_file=None)  # type: ignore[call-arg]
    home = user_data_path("wirewatch", appauthor=False)
    assert settings.data_dir == home
    assert settings.database_url == f"sqlite:///{home / 'wirewatch.db'}"
    assert Path(settings.secret_key_file) == home / "wirewatch-secret.key"
    assert OpsSettings(_env_file=None).broker_dir == home / "broker"  # type: ignore[call-arg]


def test_environment_overrides_and_explicit_settings_win(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("WIREWATCH_DATA_DIR", str(tmp_path / "home"))
    settings = NotifySettings(_env_file=None)  # type: ignore[call-arg]
    assert settings.database_url == f"sqlite:///{tmp_path / 'home' / 'wirewatch.db'}"
    assert settings.secret_key_file == str(tmp_path / "home" / "wirewatch-secret.key")
    monkeypatch.setenv("WIREWATCH_DATABASE_URL", "postgresql+psycopg://u@127.0.0.1/db")
    monkeypatch.setenv("WIREWATCH_SECRET_KEY_FILE", str(tmp_path / "elsewhere.key"))
    explicit = NotifySettings(_env_file=None)  # type: ignore[call-arg]
    assert explicit.database_url == "postgresql+psycopg://u@127.0.0.1/db"
    assert explicit.secret_key_file == str(tmp_path / "elsewhere.key")
    given = CommonSettings(data_dir=tmp_path / "given", _env_file=None)  # type: ignore[call-arg]
    assert given.data_dir == tmp_path / "given"


def test_runtime_file_round_trip_and_staleness(tmp_path: Path) -> None:
    assert read_runtime(tmp_path) is None
    written = write_runtime(tmp_path, kafka_bootstrap="127.0.0.1:9", http_url="http://x")
    assert read_runtime(tmp_path) == written and written.pid == os.getpid()
    # A runtime file left by a process that is gone (a crashed `up`) is ignored.
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], check=True,
                          capture_output=True, text=True)  # fmt: skip
    raw = json.loads(runtime_path(tmp_path).read_text())
    runtime_path(tmp_path).write_text(json.dumps({**raw, "pid": int(dead.stdout)}))
    assert read_runtime(tmp_path) is None
    remove_runtime(tmp_path)  # not ours: left alone
    assert runtime_path(tmp_path).exists()
    runtime_path(tmp_path).write_text("{not json")
    assert read_runtime(tmp_path) is None


def test_commands_share_state_from_any_directory(tmp_path: Path, wirewatch_home: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    feed = "http://127.0.0.1:9/feed.xml"
    private = {"WIREWATCH_ALLOW_PRIVATE_NETWORKS": "true"}
    added = run_wirewatch(["feeds", "add", "--no-discover", feed], cwd=first, env=private)
    assert added.returncode == 0, added.stderr
    listed = run_wirewatch(["feeds", "list", "--json"], cwd=second)
    assert json.loads(listed.stdout)["url"] == feed
    sub = run_wirewatch(
        ["subscribe", "--topic", "border-policy", "--email", "a@example.org"], cwd=second
    )
    assert sub.returncode == 0, sub.stderr
    assert (wirewatch_home / "wirewatch.db").is_file()
    assert (wirewatch_home / "wirewatch-secret.key").stat().st_mode & 0o077 == 0
    for cwd in (first, second):
        assert list(cwd.iterdir()) == [], "state landed in the current directory"


def _wait_for_runtime(home: Path, proc: subprocess.Popen[str], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while read_runtime(home) is None:
        assert proc.poll() is None, proc.communicate()[1][-2000:]
        assert time.monotonic() < deadline, "wirewatch up wrote no runtime file"
        time.sleep(0.1)


@pytest.mark.integration
def test_up_writes_the_runtime_file_that_other_commands_use(
    tmp_path: Path, wirewatch_home: Path
) -> None:
    env = {"WIREWATCH_SECRET_KEY": "state-test", "WIREWATCH_PARSE_WORKERS": "0"}
    work, elsewhere = tmp_path / "work", tmp_path / "elsewhere"
    work.mkdir()
    elsewhere.mkdir()
    up = subprocess.Popen(
        [WIREWATCH, "up", "--in-memory", "--no-default-feeds", "--port", "0"],
        cwd=work,
        env={**{k: v for k, v in os.environ.items() if not is_setting(k)}, **env},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        _wait_for_runtime(wirewatch_home, up)
        runtime = read_runtime(wirewatch_home)
        assert runtime is not None and runtime.pid == up.pid
        assert runtime.http_url == served_url(up)  # where it really listens
        status = run_wirewatch(["status", "--json"], cwd=elsewhere)
        assert json.loads(status.stdout)["healthy"] is True, status.stderr
        # reclassify needs the embedded broker's random port: it reads it from the file.
        re_run = run_wirewatch(["reclassify", "--since", "2020-01-01"], cwd=elsewhere)
        assert re_run.returncode == 0 and "reclassified 0 items" in re_run.stdout, re_run.stderr
        second = run_wirewatch(["up", "--in-memory", "--port", "0"], cwd=elsewhere, env=env)
        assert second.returncode != 0
        assert f"already running on {wirewatch_home}" in second.stderr
        assert second.stderr.count("\n") == 1
        assert list(elsewhere.iterdir()) == []
    finally:
        up.send_signal(signal.SIGINT)
        up.communicate(timeout=60)
    assert up.returncode == 0
    assert not runtime_path(wirewatch_home).exists()
    assert list(work.iterdir()) == [] and list(elsewhere.iterdir()) == []


def test_generated_state_is_git_ignored() -> None:
    ignored = (REPO / ".gitignore").read_text().splitlines()
    for name in ("wirewatch-secret.key", "runtime.json", ".env", "*.db"):
        assert name in ignored, name


def test_a_fresh_home_is_readable_by_its_user_only(tmp_path: Path, wirewatch_home: Path) -> None:
    # The database holds subscribers' addresses and webhook URLs: on a shared machine
    # other users must not read it (the umask alone gave 0755 and 0644).
    sub = run_wirewatch(
        ["subscribe", "--topic", "border-policy", "--email", "a@example.org"], cwd=tmp_path
    )
    assert sub.returncode == 0, sub.stderr
    assert wirewatch_home.stat().st_mode & 0o077 == 0
    database = wirewatch_home / "wirewatch.db"
    for path in (database, database.with_name("wirewatch.db-wal")):
        assert not path.exists() or path.stat().st_mode & 0o077 == 0, path


def test_the_run_lock_creates_the_home_user_only(tmp_path: Path) -> None:
    home = tmp_path / "fresh"
    lock = DataDirLock(home)
    lock.acquire()
    try:
        assert home.stat().st_mode & 0o077 == 0
    finally:
        lock.release()


def test_opening_an_engine_keeps_the_locks_of_open_connections(tmp_path: Path) -> None:
    # Closing any descriptor of a SQLite file drops every POSIX lock this process holds
    # on it: creating the file user-only must never touch a database that exists.
    path = tmp_path / "wirewatch.db"
    url = f"sqlite:///{path}"
    holder = sqlite3.connect(path, isolation_level=None)  # rollback journal: locks on the file
    holder.execute("BEGIN IMMEDIATE")  # the write lock
    try:
        make_engine(url)  # e.g. a second service of `wirewatch up` starting
        other = subprocess.run(
            [sys.executable, "-c", _TRY_WRITE_LOCK, str(tmp_path / "wirewatch.db")],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert other.stdout.strip() == "locked", other.stdout + other.stderr
    finally:
        holder.execute("ROLLBACK")
        holder.close()


_TRY_WRITE_LOCK = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], timeout=0)
try:
    conn.execute("BEGIN IMMEDIATE")
    print("taken")
except sqlite3.OperationalError:
    print("locked")
"""
