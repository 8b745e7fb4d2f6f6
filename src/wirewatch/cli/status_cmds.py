"""``wirewatch status``: readiness, consumer lag, feed health, deliveries, last alerts."""

from __future__ import annotations

import asyncio
from typing import Annotated, Any

import typer

from wirewatch.cli.common import AsJson, DatabaseUrl
from wirewatch.cli.errors import UserError

app = typer.Typer()

Probes = Annotated[
    list[str] | None,
    typer.Option(
        "--probe",
        help="NAME=URL of a service's /readyz (repeatable; default "
        "WIREWATCH_STATUS_PROBE_URLS, else the local `wirewatch up`).",
    ),
]
Url = Annotated[
    str | None,
    typer.Option(
        "--url", help="Ask a running Wirewatch API (e.g. http://localhost:8080) for its status."
    ),
]


def _local_base_url() -> str:
    """The running `wirewatch up`'s URL (runtime file), else the configured host and port."""
    from wirewatch.cli.common import running_system
    from wirewatch.ops.settings import OpsSettings

    runtime = running_system()
    if runtime is not None and runtime.http_url:
        return runtime.http_url
    settings = OpsSettings()
    host = "127.0.0.1" if settings.http_host in ("0.0.0.0", "::", "") else settings.http_host  # noqa: S104
    return f"http://{host}:{settings.http_port}"


def _probe_urls(probes: list[str]) -> dict[str, str]:
    """``NAME=URL`` options, else WIREWATCH_STATUS_PROBE_URLS, else the local `up` API."""
    from wirewatch.ops.settings import OpsSettings

    urls: dict[str, str] = {}
    for probe in probes:
        name, sep, url = probe.partition("=")
        if not sep or not name or not url.startswith(("http://", "https://")):
            raise UserError(f"--probe wants NAME=http(s)://host:port/readyz, got {probe!r}")
        urls[name] = url
    if urls:
        return urls
    settings = OpsSettings()
    if settings.status_probe_urls:
        return dict(settings.status_probe_urls)
    return {"wirewatch": f"{_local_base_url()}/readyz"}


def _fetch_status(base_url: str) -> dict[str, Any] | None:
    """A running Wirewatch's /status.json (it answers 503 with the same body when unhealthy)."""
    import httpx

    try:
        response = httpx.get(f"{base_url.rstrip('/')}/status.json", timeout=15, trust_env=False)
    except httpx.HTTPError:
        return None
    if response.status_code not in (200, 503):
        return None
    try:
        body = response.json()
    except ValueError:
        return None
    return body if isinstance(body, dict) and "healthy" in body else None


def _gather_status(probes: list[str], database_url: str | None) -> dict[str, Any]:
    from wirewatch_shared.db import make_engine

    from wirewatch.cli.common import kafka_bootstrap
    from wirewatch.ops.pages import snapshot_json
    from wirewatch.ops.settings import OpsSettings
    from wirewatch.ops.snapshot import collect_snapshot

    settings = OpsSettings()
    urls = _probe_urls(probes)
    engine = make_engine(database_url or settings.database_url)
    try:
        # The configured Kafka, else the running `wirewatch up`'s (its runtime file).
        snap = asyncio.run(collect_snapshot(engine, kafka_bootstrap(), probe_urls=urls))
    finally:
        engine.dispose()
    return snapshot_json(snap)


def _nothing_runs_hint() -> str:
    """When no local `up` answered because none runs, the line that says so plainly: the
    problems listed (API unreachable, no Kafka bootstrap) only follow from that."""
    from wirewatch_shared.settings import CommonSettings

    from wirewatch.cli.common import running_system

    if running_system() is not None:
        return ""
    return (
        f"note: no `wirewatch up` is running on {CommonSettings().data_dir}: start one with "
        "`wirewatch up` (`make run` in the clone), or ask another Wirewatch with --url URL "
        "or --probe NAME=URL; the figures above come from its database alone"
    )


def status_command(
    probes: list[str], as_json: bool, database_url: str | None, url: str | None
) -> int:
    """Figures from a running Wirewatch (``url``, or the local embedded `up`), else gathered
    here from Kafka, the database and the services' /readyz."""
    import json

    from wirewatch.ops.settings import OpsSettings
    from wirewatch.ops.status_cli import print_status

    status: dict[str, Any] | None = None
    local_up, hint = False, ""
    if url is not None:
        status = _fetch_status(url)
        if status is None:
            raise UserError(f"no Wirewatch status at {url.rstrip('/')}/status.json")
    else:
        settings = OpsSettings()
        local_up = not (settings.kafka_bootstrap or probes or settings.status_probe_urls)
        if local_up:  # only the running `up` knows where its embedded broker listens
            status = _fetch_status(_local_base_url())
    if status is None:
        status = _gather_status(probes, database_url)
        hint = _nothing_runs_hint() if local_up else ""
    if as_json:
        typer.echo(json.dumps(status, indent=2))
        code = 0 if status["healthy"] else 1
    else:
        code = print_status(status)
    if hint:
        typer.echo(hint, err=True)
    return code


@app.command()
def status(
    probe: Probes = None,
    as_json: AsJson = False,
    database_url: DatabaseUrl = None,
    url: Url = None,
) -> None:
    """Services and readiness, consumer lag, feed health, deliveries, last alerts.
    Exits 1 when something is unhealthy."""
    code = status_command(probe or [], as_json, database_url, url)
    if code:
        # SystemExit, not typer.Exit: the entry point runs click with standalone_mode=False,
        # where an Exit's code would be returned and lost.
        raise SystemExit(code)
