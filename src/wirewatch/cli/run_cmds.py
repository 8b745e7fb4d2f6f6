"""Running Wirewatch: ``up`` (everything in one process), ``service NAME`` and the
``ingest`` / ``notify`` shortcuts."""

from __future__ import annotations

import asyncio
from enum import StrEnum
from typing import Annotated

import typer

from wirewatch.cli.errors import UserError

app = typer.Typer()


class ServiceName(StrEnum):
    ingest = "ingest"
    classify = "classify"
    notify = "notify"
    stories = "stories"


Port = Annotated[int | None, typer.Option(help="HTTP API port (default WIREWATCH_HTTP_PORT).")]
NoDefaultFeeds = Annotated[
    bool,
    typer.Option("--no-default-feeds", help="Do not add the default feeds to an empty DB."),
]
Durable = Annotated[
    bool | None,
    typer.Option(
        "--durable/--in-memory",
        help="Keep the embedded broker's messages and offsets in the data dir "
        "across restarts (default WIREWATCH_DURABLE).",
    ),
]
DataDir = Annotated[
    str | None,
    typer.Option(
        "--data-dir",
        help="Where state lives: database, secret key, broker data, runtime file "
        "(WIREWATCH_DATA_DIR; default: the per-user data dir).",
    ),
]


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


def _refuse_second_up(data_dir: str | None) -> None:
    """Two `up`s on one data dir would share its database and broker data: refuse."""
    from pathlib import Path

    from wirewatch_shared.settings import CommonSettings

    from wirewatch.runtime import read_runtime

    home = Path(data_dir).expanduser() if data_dir else CommonSettings().data_dir
    running = read_runtime(home)
    if running is not None:
        raise UserError(
            f"wirewatch is already running on {home} (pid {running.pid}, "
            f"{running.http_url or 'no HTTP'}); stop it first, or give another "
            "--data-dir / WIREWATCH_DATA_DIR"
        )


@app.command()
def up(
    port: Port = None,
    no_default_feeds: NoDefaultFeeds = False,
    durable: Durable = None,
    data_dir: DataDir = None,
) -> None:
    """Run everything: embedded broker (unless WIREWATCH_KAFKA_BOOTSTRAP is set),
    ingest, classify, notify and the HTTP API. Ctrl-C stops cleanly."""
    from wirewatch.runner import run_until_signalled

    _refuse_second_up(data_dir)
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


@app.command("service")
def service(
    name: Annotated[ServiceName, typer.Argument(help="ingest, classify, stories or notify")],
) -> None:
    """Run one service alone against WIREWATCH_KAFKA_BOOTSTRAP."""
    run_service(name)


@app.command("ingest")
def ingest() -> None:
    """Run the ingest service alone (shortcut of `wirewatch service ingest`)."""
    run_service(ServiceName.ingest)


@app.command("notify")
def notify() -> None:
    """Run the notify service (and the subscriptions API) alone against Kafka."""
    run_service(ServiceName.notify)
