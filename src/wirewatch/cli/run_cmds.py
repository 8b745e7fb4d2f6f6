"""Running Wirewatch: ``up`` (everything in one process), ``service NAME`` and the
``ingest`` / ``notify`` shortcuts."""

from __future__ import annotations

import asyncio
from enum import StrEnum
from typing import Annotated, Any

import typer
from rich.console import Console

from wirewatch.cli.errors import UserError, reported_as_user_error
from wirewatch.cli.progress import Steps, stderr_console

app = typer.Typer()


class ServiceName(StrEnum):
    ingest = "ingest"
    classify = "classify"
    notify = "notify"
    stories = "stories"
    flights = "flights"


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
    from wirewatch_shared.kafka_admin import SharedConsumerGroup
    from wirewatch_shared.settings import CommonSettings

    from wirewatch.schema import SchemaOutOfDate
    from wirewatch.service_runner import run_single_service

    if not CommonSettings().kafka_bootstrap:
        raise UserError(
            "WIREWATCH_KAFKA_BOOTSTRAP is not set: a single service needs a Kafka cluster "
            "(use `wirewatch up` for the all-in-one embedded mode)"
        )
    # Both are configuration to fix (schema not migrated, a group shared by two
    # services): exit 2 with the library's one line, like any bad setting.
    with reported_as_user_error(SchemaOutOfDate, SharedConsumerGroup):
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


def _check_port_free(host: str, port: int, setting: str = "--port / WIREWATCH_HTTP_PORT") -> None:
    """A busy HTTP port is one line naming the port and the setting, before anything starts."""
    import errno
    import os
    import socket

    if port == 0:
        return
    with socket.socket() as sock:
        if os.name == "posix":  # as the server binds: a stopped server's TIME_WAIT is no owner
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError as exc:
            why = (
                "is in use"
                if exc.errno == errno.EADDRINUSE
                else f"cannot be bound ({exc.strerror})"
            )
            raise UserError(
                f"cannot start: HTTP port {port} on {host} {why}; choose another with {setting}"
            ) from None


def _ready_message(system: Any) -> str:
    return f"Wirewatch is up: {system.url} (API docs {system.url}/docs, status {system.url}/status)"


@app.command()
def up(
    port: Port = None,
    no_default_feeds: NoDefaultFeeds = False,
    durable: Durable = None,
    data_dir: DataDir = None,
    demo: Annotated[
        bool, typer.Option("--demo", help="Run `wirewatch demo` instead (offline sample).")
    ] = False,
) -> None:
    """Run everything: embedded broker (unless WIREWATCH_KAFKA_BOOTSTRAP is set),
    ingest, classify, stories, flights, notify and the HTTP API. Ctrl-C stops cleanly."""
    from wirewatch.ops.settings import OpsSettings
    from wirewatch.runner import run_until_signalled

    if demo:
        run_demo(port, data_dir)
        return
    _refuse_second_up(data_dir)
    settings = OpsSettings()
    _check_port_free(settings.http_host, settings.http_port if port is None else port)
    overrides: dict[str, object] = {}
    if port is not None:
        overrides["http_port"] = port
    if no_default_feeds:
        overrides["seed_default_feeds"] = False
    overrides["durable"] = _durable_default() if durable is None else durable
    if data_dir is not None:
        overrides["data_dir"] = data_dir
    console = stderr_console()
    with Steps("starting Wirewatch", console) as progress:

        async def announce(system: Any) -> None:
            progress.done()
            console.print(_ready_message(system), highlight=False)

        try:
            asyncio.run(run_until_signalled(overrides, announce, on_step=progress.step))
        except (OSError, RuntimeError) as exc:
            raise UserError(f"cannot start: {exc}") from exc


def run_demo(port: int | None, data_dir: str | None) -> None:
    """The whole system offline with a local sample feed and webhook inbox."""
    from pathlib import Path

    from wirewatch_shared.settings import CommonSettings

    from wirewatch.demo.inbox import demo_router
    from wirewatch.demo.run import (
        DemoError,
        Terminal,
        build_inbox,
        demo_overrides,
        fresh_home,
        pick_port,
        seed,
    )
    from wirewatch.runner import run_until_signalled

    settings = CommonSettings()
    root = Path(data_dir).expanduser() if data_dir else settings.data_dir
    terminal = Terminal(Console(soft_wrap=True))
    inbox = build_inbox(terminal.alert)
    with Steps("starting the demo") as progress:
        progress.step("preparing its data dir, feed and subscription")
        with reported_as_user_error(DemoError):
            _refuse_second_up(str(root / "demo"))
            home = fresh_home(root)
            chosen = port if port else pick_port(settings.http_port if port is None else 0)
            _check_port_free("127.0.0.1", chosen)
            overrides = demo_overrides(home, chosen)
            base_url = f"http://127.0.0.1:{chosen}"
            topics = seed(overrides, base_url, inbox.feed.outlets)

        async def ready(_system: Any) -> None:
            progress.done()
            terminal.ready(base_url, home, topics)

        routers = [demo_router(inbox, base_url)]
        try:
            asyncio.run(
                run_until_signalled(overrides, ready, routers=routers, on_step=progress.step)
            )
        except (OSError, RuntimeError) as exc:
            raise UserError(f"cannot start the demo: {exc}") from exc


@app.command("demo")
def demo_command(
    port: Annotated[
        int | None,
        typer.Option(help="HTTP port (default WIREWATCH_HTTP_PORT if free, else any free one)."),
    ] = None,
    data_dir: DataDir = None,
) -> None:
    """The whole system offline, with a local feed of real headlines and a local webhook
    inbox: alerts show in the terminal within seconds. State in <data dir>/demo, emptied
    on every start. Ctrl-C stops."""
    run_demo(port, data_dir)


@app.command("service")
def service(
    name: Annotated[
        ServiceName, typer.Argument(help="ingest, classify, stories, flights or notify")
    ],
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
