"""The ingest CLI: feeds add (autodiscovery, SSRF guard), list, remove, import, export; parse."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.ingest.support import FeedServer, Route, rss
from wirewatch.cli import app, main

runner = CliRunner()


@pytest.fixture
def cli_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> dict[str, str]:
    env = {
        "WIREWATCH_DATABASE_URL": f"sqlite:///{tmp_path / 'cli.db'}",
        "WIREWATCH_INGEST_ALLOW_PRIVATE_NETWORKS": "true",
        "WIREWATCH_KAFKA_BOOTSTRAP": "",
    }
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    return env


@dataclass
class Ran:
    returncode: int
    stderr: str


@pytest.fixture
def run_cli(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Callable[..., Ran]:
    """The real entry point (``wirewatch.cli.main``), in-process: exit code and stderr."""

    def run(*args: str, env: dict[str, str] | None = None) -> Ran:
        for key, value in (env or {}).items():
            monkeypatch.setenv(key, value)
        monkeypatch.setattr(sys, "argv", ["wirewatch", *args])
        capsys.readouterr()
        code = 0
        try:
            main()
        except SystemExit as exc:
            code = int(exc.code or 0)
        return Ran(code, capsys.readouterr().err)

    return run


def test_feeds_add_autodiscovers_and_lists(
    feed_server: FeedServer, cli_env: dict[str, str]
) -> None:
    feed_server.routes["/rss"] = Route(200, rss([("a", "A")], title="Site RSS"))
    feed_server.routes["/atom"] = Route(
        200,
        b'<feed xmlns="http://www.w3.org/2005/Atom"><title>Site Atom</title>'
        b"<entry><id>urn:1</id><title>x</title></entry></feed>",
    )
    feed_server.routes["/"] = Route(
        200,
        b'<html><head><link rel="alternate" type="application/rss+xml" href="/rss">'
        b'<link rel="alternate" type="application/atom+xml" title="Atom!" href="atom">'
        b"</head><body>home</body></html>",
        {"Content-Type": "text/html"},
    )
    result = runner.invoke(app, ["feeds", "add", feed_server.url("/")])
    assert result.exit_code == 0, result.output
    assert f"added feed 1: {feed_server.url('/rss')} (Site RSS)" in result.output
    assert f"added feed 2: {feed_server.url('/atom')} (Atom!)" in result.output
    direct = runner.invoke(app, ["feeds", "add", feed_server.url("/rss")])
    assert direct.exit_code != 0  # already there
    listed = runner.invoke(app, ["feeds", "list"])
    assert listed.exit_code == 0
    for column in ("Health", "Status", "Errors", "Last error", "Next check"):
        assert column in listed.output
    assert "new" in listed.output
    as_json = runner.invoke(app, ["feeds", "list", "--json"])
    rows = [json.loads(line) for line in as_json.output.splitlines()]
    assert [r["url"] for r in rows] == [feed_server.url("/rss"), feed_server.url("/atom")]
    assert {r["health"] for r in rows} == {"new"}
    removed = runner.invoke(app, ["feeds", "remove", "1"])
    assert removed.exit_code == 0 and "removed feed 1" in removed.output


def test_cli_errors_are_one_line(
    feed_server: FeedServer, cli_env: dict[str, str], run_cli: Callable[..., Ran]
) -> None:
    feed_server.routes["/page"] = Route(200, b"<html><body>no feeds here</body></html>",
                                        {"Content-Type": "text/html"})  # fmt: skip
    guarded = {**cli_env, "WIREWATCH_INGEST_ALLOW_PRIVATE_NETWORKS": "false"}
    cases = [
        (["feeds", "add", feed_server.url("/page")], cli_env, "no feed"),
        (["feeds", "add", feed_server.url("/page")], guarded, "loopback"),
        (["feeds", "add", "ftp://example.org/feed"], cli_env, "http"),
        (["feeds", "remove", "999"], cli_env, "no feed with ID 999"),
        (["feeds", "import", "/nonexistent.opml"], cli_env, "cannot read"),
        (["parse", "/nonexistent.xml"], cli_env, "cannot read"),
        (["ingest"], cli_env, "WIREWATCH_KAFKA_BOOTSTRAP"),
    ]
    for args, env, expected in cases:
        result = run_cli(*args, env=env)
        assert result.returncode != 0, args
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("error:"), (args, result.stderr)
        assert expected in lines[0], (args, lines[0])
        assert "Traceback" not in result.stderr


def test_opml_import_export(
    cli_env: dict[str, str], tmp_path: Path, run_cli: Callable[..., Ran]
) -> None:
    opml = tmp_path / "feeds.opml"
    opml.write_text(
        '<?xml version="1.0"?><opml version="2.0"><head/><body>'
        '<outline text="A" xmlUrl="https://a.example/rss"/>'
        '<outline text="Group"><outline text="B" xmlUrl="https://b.example/atom"/></outline>'
        '<outline text="bad" xmlUrl="javascript:x"/></body></opml>'
    )
    result = runner.invoke(app, ["feeds", "import", str(opml)])
    assert result.exit_code == 0, result.output
    assert "imported 2 feeds" in result.output and "1 skipped" in result.output
    again = runner.invoke(app, ["feeds", "import", str(opml)])
    assert "imported 0 feeds" in again.output and "2 already subscribed" in again.output
    exported = runner.invoke(app, ["feeds", "export"])
    assert exported.exit_code == 0
    assert 'xmlUrl="https://a.example/rss"' in exported.output
    assert 'xmlUrl="https://b.example/atom"' in exported.output
    bad = tmp_path / "bad.opml"
    bad.write_text("<html/>")
    refused = run_cli("feeds", "import", str(bad), env=cli_env)
    assert refused.returncode != 0 and "not an OPML document" in refused.stderr


def test_parse_file_and_url(
    feed_server: FeedServer, cli_env: dict[str, str], tmp_path: Path, run_cli: Callable[..., Ran]
) -> None:
    body = rss([("p1", "First &amp; best"), ("p2", "Second")])
    path = tmp_path / "feed.xml"
    path.write_bytes(body)
    result = runner.invoke(app, ["parse", str(path)])
    assert result.exit_code == 0, result.output
    items = [json.loads(line) for line in result.output.splitlines()]
    assert [i["title"] for i in items] == ["First & best", "Second"]
    assert items[0]["language"] == "en" and items[0]["link"] == "https://example.org/p1"
    feed_server.routes["/feed"] = Route(200, body)
    result = runner.invoke(app, ["parse", feed_server.url("/feed")])
    assert result.exit_code == 0
    assert len(result.output.splitlines()) == 2
    html = tmp_path / "page.html"
    html.write_text("<html><body>hello</body></html>")
    failed = run_cli("parse", str(html), env=cli_env)
    assert failed.returncode != 0 and "not a feed" in failed.stderr


def test_parse_refuses_a_file_over_the_body_cap(
    cli_env: dict[str, str], tmp_path: Path, run_cli: Callable[..., Ran]
) -> None:
    """The same cap as a fetched feed: a huge file is refused before it is parsed."""
    body = rss([(f"p{n}", "A story " * 20) for n in range(400)])
    path = tmp_path / "big.xml"
    path.write_bytes(body)
    env = {**cli_env, "WIREWATCH_MAX_BODY_BYTES": str(len(body) - 1)}
    refused = run_cli("parse", str(path), env=env)
    assert refused.returncode != 0
    assert "larger than" in refused.stderr and "WIREWATCH_MAX_BODY_BYTES" in refused.stderr
    assert len(refused.stderr.strip().splitlines()) == 1
    allowed = run_cli(
        "parse", str(path), env={**cli_env, "WIREWATCH_MAX_BODY_BYTES": str(len(body))}
    )
    assert allowed.returncode == 0, allowed.stderr


def test_default_feeds_are_validated_with_the_settings(
    cli_env: dict[str, str], run_cli: Callable[..., Ran]
) -> None:
    """A default feed that is not an http(s) URL is a settings error at once, naming the
    variable and the entry (not its text: a URL may carry credentials), rather than a
    failure at the first start on an empty database (and never on a populated one)."""
    bad = json.dumps(["https://example.org/rss", "ftp://user:secret@example.org/feed"])
    result = run_cli("feeds", "list", env={**cli_env, "WIREWATCH_DEFAULT_FEEDS": bad})
    assert result.returncode != 0
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("error: invalid setting WIREWATCH_DEFAULT_FEEDS:"), line
    assert "entry 2" in line and "http(s)" in line and "secret" not in line
