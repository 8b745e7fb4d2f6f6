"""Child processes that do not outlive their parent.

A ``kill -9`` of a parent runs none of its clean-up code, so its children (the
embedded broker, SeaweedFS, parser processes) would keep running and keep holding
their ports and data directories. On Linux each child asks the kernel for a signal
when its parent dies (``prctl(PR_SET_PDEATHSIG)``, through libc). The kernel sends it
when the *thread* that forked the child ends, so :func:`popen` forks from one
process-wide thread that lives as long as the process.
"""

from __future__ import annotations

import ctypes
import os
import select
import signal
import subprocess
import sys
import threading
import time
from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from types import TracebackType
from typing import Any, Self

PR_SET_PDEATHSIG = 1  # <linux/prctl.h>
POLL_S = 0.5

_prctl: Callable[..., int] | None = None
if sys.platform == "linux":
    _prctl = ctypes.CDLL(None, use_errno=True).prctl

_spawner: ThreadPoolExecutor | None = None
_spawner_lock = threading.Lock()


def die_with_parent(sig: int = signal.SIGKILL, parent_pid: int | None = None) -> None:
    """In a child process: receive ``sig`` when the parent dies (no-op off Linux).

    With ``parent_pid``, a parent that died before the request took effect is
    caught too: the child exits at once.
    """
    if _prctl is None:
        return
    if _prctl(PR_SET_PDEATHSIG, sig, 0, 0, 0) != 0:
        error = ctypes.get_errno()
        raise OSError(error, f"prctl(PR_SET_PDEATHSIG) failed: {os.strerror(error)}")
    if parent_pid is not None and os.getppid() != parent_pid:
        os._exit(1)


def exit_with(pid: int) -> None:
    """Exit this process (at once, no clean-up) when process ``pid`` ends.

    For processes whose parent is not the process to follow: a worker forked by
    multiprocessing's fork server outlives the main process otherwise (the fork
    server itself stays up while a worker holds its "alive" pipe). A daemon thread
    waits on a pidfd (Linux >= 5.3), else polls.
    """
    try:
        handle: int | None = os.pidfd_open(pid)
    except ProcessLookupError:
        os._exit(1)
    except (AttributeError, OSError):
        handle = None

    def watch() -> None:
        if handle is not None:
            select.select([handle], [], [])
        else:
            while pid_exists(pid):
                time.sleep(POLL_S)
        os._exit(1)

    threading.Thread(target=watch, name="wirewatch-lifeline", daemon=True).start()


def pid_exists(pid: int) -> bool:
    """Whether a process ``pid`` exists (a zombie does, and so does another user's)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, owned by another user
        return True
    return True


def stop_process(process: subprocess.Popen[bytes], grace_s: float) -> None:
    """Terminate ``process`` if it still runs; kill it when it outlives ``grace_s``."""
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=grace_s)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def worker_initializer(main_pid: int | None = None) -> None:
    """``initializer`` of a worker pool: die with the main process; leave Ctrl-C to it.

    Pass ``initargs=(os.getpid(),)`` from the process that makes the pool.
    """
    die_with_parent()
    if main_pid is not None:
        exit_with(main_pid)
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _spawning_thread() -> ThreadPoolExecutor:
    global _spawner
    with _spawner_lock:
        if _spawner is None:
            _spawner = ThreadPoolExecutor(1, thread_name_prefix="wirewatch-spawn")
        return _spawner


def popen(args: Sequence[str], **kwargs: Any) -> subprocess.Popen[bytes]:
    """``subprocess.Popen(args, **kwargs)`` for a child killed when this process dies."""
    parent = os.getpid()

    def pre_exec() -> None:
        die_with_parent(signal.SIGKILL, parent)

    def start() -> subprocess.Popen[bytes]:
        return subprocess.Popen(args, preexec_fn=pre_exec, **kwargs)  # noqa: S603

    return _spawning_thread().submit(start).result()


class StartStop(ABC):
    """Something that runs child processes: ``with it:`` starts it and always stops it."""

    @abstractmethod
    def start(self) -> Self:
        """Start (blocking until ready); returns itself."""

    @abstractmethod
    def stop(self) -> None:
        """Stop whatever :meth:`start` started (safe to call when not started)."""

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
