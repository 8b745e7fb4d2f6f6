"""Record, then replay, the calls ``extract()`` makes on named patterns: a rewritten pattern
is checked against the shipped one on every recorded call (same matches, spans and groups)
and both are timed on them, alternated.

Run: .venv/bin/python bench/flights_cpu43/pattern_calls.py cues.BLOCKED_STRONG ...
(names as pattern_cost.py prints them; the candidate rewrite is the pattern as this checkout
compiles it, the reference the one given by ``--reference DIR``: a checkout's
services/flights whose modules are loaded under another name).
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import pattern_cost
from loop_extract import dev_items
from wirewatch_flights.extract import extract, load_tables

Call = tuple[str, tuple[Any, ...], dict[str, Any]]


class Recorder:
    def __init__(self, pattern: re.Pattern[str], calls: list[Call]) -> None:
        self._pattern = pattern
        self._calls = calls

    def __getattr__(self, attr: str) -> Any:
        inner = getattr(self._pattern, attr)
        if not callable(inner):
            return inner

        def call(*args: Any, **kwargs: Any) -> Any:
            self._calls.append((attr, args, kwargs))
            return inner(*args, **kwargs)

        return call


def record(names: list[str]) -> dict[str, list[Call]]:
    """Every call extract() makes on the named patterns over the dev items."""
    pattern_cost.wrap_all()  # proxies named by module.NAME, shared between modules
    proxies: dict[str, pattern_cost.Timed] = {}
    modules = [m for k, m in sys.modules.items() if k.startswith("wirewatch_flights.")]
    for module in modules:
        for value in vars(module).values():
            if isinstance(value, pattern_cost.Timed):
                proxies[value._name] = value
    calls: dict[str, list[Call]] = {n: [] for n in names}
    for name in names:
        recorder = Recorder(proxies[name]._pattern, calls[name])
        for module in modules:
            for key, value in list(vars(module).items()):
                if value is proxies[name]:
                    setattr(module, key, recorder)
    for item in dev_items():
        extract(*item)
    return calls


def outcome(pattern: re.Pattern[str], call: Call) -> object:
    method, args, kwargs = call
    out = getattr(pattern, method)(*args, **kwargs)
    if method == "finditer":
        return [(m.span(), m.groups(), m.group()) for m in out]
    if method == "findall":
        return out
    return out and (out.span(), out.groups(), out.group())


def replay(pattern: re.Pattern[str], calls: list[Call]) -> float:
    start = time.perf_counter()
    for method, args, kwargs in calls:
        out = getattr(pattern, method)(*args, **kwargs)
        if method == "finditer":
            for _ in out:
                pass
    return time.perf_counter() - start


def reference_patterns(root: Path) -> dict[str, re.Pattern[str]]:
    """The patterns of another checkout's cue modules (loaded as ref_<module>; while they
    load, ``wirewatch_flights.cues`` is that checkout's, as they import from it)."""
    out: dict[str, re.Pattern[str]] = {}
    package = root / "wirewatch_flights"
    ours = sys.modules["wirewatch_flights.cues"]
    try:
        for name in ("cues", "status_cues", "role_cues", "not_a_record_cues"):
            spec = importlib.util.spec_from_file_location(f"ref_{name}", package / f"{name}.py")
            assert spec and spec.loader
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
            if name == "cues":
                sys.modules["wirewatch_flights.cues"] = module
            for key, value in vars(module).items():
                if isinstance(value, re.Pattern):
                    out[f"{name}.{key}"] = value
    finally:
        sys.modules["wirewatch_flights.cues"] = ours
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="+")
    parser.add_argument("--reference", type=Path, default=Path("/work/main/services/flights"))
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    load_tables()
    reference = reference_patterns(args.reference)
    calls = record(args.names)
    n = len(dev_items())
    for name in args.names:
        module, key = name.split(".")
        candidate = getattr(importlib.import_module(f"wirewatch_flights.{module}"), key)
        if not isinstance(candidate, re.Pattern):
            candidate = candidate._pattern
        ref = reference[name]
        same = all(outcome(ref, c) == outcome(candidate, c) for c in calls[name])
        times = {"ref": 0.0, "new": 0.0}
        for r in range(args.rounds):
            order = (("ref", ref), ("new", candidate))
            for label, p in order if r % 2 == 0 else order[::-1]:
                times[label] += replay(p, calls[name])
        ref_us = times["ref"] / args.rounds / n * 1e6
        new_us = times["new"] / args.rounds / n * 1e6
        print(
            f"{name}: {len(calls[name]) / n:.2f} calls/item, identical {same}, "
            f"{ref_us:.1f} -> {new_us:.1f} µs/item ({new_us / ref_us:.2f}x)"
        )


if __name__ == "__main__":
    main()
