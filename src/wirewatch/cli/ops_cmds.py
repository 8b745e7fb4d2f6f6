"""Operations: `up` (everything in one process), `service NAME`, `status`, `kafka-topics create`."""

from __future__ import annotations

import asyncio
from enum import StrEnum
from typing import Any

import typer

from wirewatch.cli.errors import UserError


class ServiceName(StrEnum):
    ingest = "ingest"
    classify = "classify"
    notify = "notify"
    stories = "stories"
    flights = "flights"


def run_service(name: ServiceName) -> None:
    """Run one service alone against the configured Kafka (how deployments scale out)."""
    from wirewatch_shared.settings import CommonSettings

    from wirewatch.service_runner import run_single_service

    if not CommonSettings().kafka_bootstrap:
        raise UserError(
            "WIREWATCH_KAFKA_BOOTSTRAP is not set: a single service needs a Kafka cluster "
            "(use `wirewatch up` for the all-in-one embedded mode)"
        )
    asyncio.run(run_single_service(name.value))


def _durable_default() -> bool:
    """`wirewatch up` is durable unless told otherwise, when SeaweedFS is installed."""
    from wirewatch.ops.durable import DurableModeUnavailable, weed_binary
    from wirewatch.ops.settings import OpsSettings

    settings = OpsSettings()
    if settings.kafka_bootstrap:
        return False  # a real cluster: no embedded broker at all
    if settings.durable is not None:
        return settings.durable
    try:
        weed_binary()
    except DurableModeUnavailable as exc:
        print(f"note: in-memory broker (queued messages are lost on restart): {exc}")
        return False
    return True


def _local_base_url() -> str:
    from wirewatch.ops.settings import OpsSettings

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

    from wirewatch.ops.pages import snapshot_json
    from wirewatch.ops.settings import OpsSettings
    from wirewatch.ops.snapshot import collect_snapshot

    settings = OpsSettings()
    urls = _probe_urls(probes)
    engine = make_engine(database_url or settings.database_url)
    try:
        snap = asyncio.run(collect_snapshot(engine, settings.kafka_bootstrap, probe_urls=urls))
    finally:
        engine.dispose()
    return snapshot_json(snap)


def status_command(
    probes: list[str], as_json: bool, database_url: str | None, url: str | None
) -> int:
    """Figures from a running Wirewatch (``url``, or the local embedded `up`), else gathered
    here from Kafka, the database and the services' /readyz."""
    import json

    from wirewatch.ops.settings import OpsSettings
    from wirewatch.ops.status_cli import print_status

    status: dict[str, Any] | None = None
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
    if as_json:
        typer.echo(json.dumps(status, indent=2))
        return 0 if status["healthy"] else 1
    return print_status(status)


def register(app: typer.Typer) -> None:
    @app.command()
    def up(
        port: int = typer.Option(None, help="HTTP API port (default WIREWATCH_HTTP_PORT)."),
        no_default_feeds: bool = typer.Option(
            False, "--no-default-feeds", help="Do not add the default feeds to an empty DB."
        ),
        durable: bool | None = typer.Option(
            None,
            "--durable/--in-memory",
            help="Keep the embedded broker's messages and offsets in WIREWATCH_DATA_DIR "
            "across restarts (default WIREWATCH_DURABLE).",
        ),
        data_dir: str | None = typer.Option(
            None, "--data-dir", help="Durable broker data directory (WIREWATCH_DATA_DIR)."
        ),
    ) -> None:
        """Run everything: embedded broker (unless WIREWATCH_KAFKA_BOOTSTRAP is set),
        ingest, classify, notify and the HTTP API. Ctrl-C stops cleanly."""
        from wirewatch.runner import run_until_signalled

        overrides: dict[str, object] = {}
        if port is not None:
            overrides["http_port"] = port
        if no_default_feeds:
            overrides["seed_default_feeds"] = False
        overrides["durable"] = _durable_default() if durable is None else durable
        if data_dir is not None:
            overrides["data_dir"] = data_dir
        try:
            asyncio.run(run_until_signalled(overrides))
        except (OSError, RuntimeError) as exc:
            raise UserError(f"cannot start: {exc}") from exc

    @app.command()
    def status(
        probe: list[str] = typer.Option(
            [],
            "--probe",
            help="NAME=URL of a service's /readyz (repeatable; default "
            "WIREWATCH_STATUS_PROBE_URLS, else the local `wirewatch up`).",
        ),
        as_json: bool = typer.Option(False, "--json", help="Print JSON instead of tables."),
        database_url: str | None = typer.Option(
            None, "--database-url", help="Default: WIREWATCH_DATABASE_URL."
        ),
        url: str | None = typer.Option(
            None,
            "--url",
            help="Ask a running Wirewatch API (e.g. http://localhost:8080) for its status.",
        ),
    ) -> None:
        """Services and readiness, consumer lag, feed health, deliveries, last alerts.
        Exits 1 when something is unhealthy."""
        code = status_command(probe, as_json, database_url, url)
        if code:
            # SystemExit, not typer.Exit: the entry point runs click with standalone_mode=False,
            # where an Exit's code would be returned and lost.
            raise SystemExit(code)

    @app.command("service")
    def service(
        name: ServiceName = typer.Argument(
            ..., help="ingest, classify, stories, flights or notify"
        ),
    ) -> None:
        """Run one service alone against WIREWATCH_KAFKA_BOOTSTRAP."""
        run_service(name)

    topics_app = typer.Typer(help="Kafka topics.", no_args_is_help=True)
    app.add_typer(topics_app, name="kafka-topics")

    @topics_app.command("create")
    def topics_create() -> None:
        """Create Wirewatch's topics on WIREWATCH_KAFKA_BOOTSTRAP (idempotent)."""
        from wirewatch_shared.broker import ensure_streams
        from wirewatch_shared.settings import CommonSettings

        settings = CommonSettings()
        if not settings.kafka_bootstrap:
            raise UserError("WIREWATCH_KAFKA_BOOTSTRAP is not set")
        try:
            created = ensure_streams(
                settings.kafka_bootstrap,
                partitions=settings.topic_partitions,
                replication=settings.topic_replication,
            )
        except ConnectionError as exc:
            raise UserError(str(exc)) from exc
        typer.echo(f"created: {', '.join(created) or 'nothing (all exist)'}")
