"""citime53: per-test seconds from a run's JUnit XML (call phase) plus the setup and
teardown phases that ``--durations`` printed, in collection order, as the simulator's
input. Usage: durations_citime53.py RUN.xml.gz RUN.log > durations.json"""

from __future__ import annotations

import gzip
import json
import re
import sys
import xml.etree.ElementTree as ET


def main() -> None:
    with gzip.open(sys.argv[1]) as xml:
        tree = ET.parse(xml)
    extra: dict[str, float] = {}
    with open(sys.argv[2], encoding="utf-8", errors="replace") as log:
        lines = log.readlines()
    for line in lines:
        m = re.match(r"\s*([\d.]+)s (setup|teardown)\s+(\S+)", line)
        if m:
            extra[m.group(3)] = extra.get(m.group(3), 0.0) + float(m.group(1))
    ids: list[str] = []
    seconds: list[float] = []
    for case in tree.iter("testcase"):
        parts = case.get("classname", "").split(".")
        # classname is a dotted path; a class inside the module is its last part
        if parts and parts[-1][:1].isupper():
            parts = parts[:-1]
        ids.append(f"{'/'.join(parts)}.py::{case.get('name', '')}")
        seconds.append(float(case.get("time", "0")))
    # --durations entries (path::[Class::]name) onto the cases: same name, same module
    by_name: dict[str, list[int]] = {}
    for i, nodeid in enumerate(ids):
        by_name.setdefault(nodeid.split("::")[-1], []).append(i)
    for nodeid, more in extra.items():
        module = nodeid.split("::")[0]
        for i in by_name.get(nodeid.split("::")[-1], []):
            if ids[i].startswith(module + "::"):
                seconds[i] += more
                break
    print(json.dumps({"tests": [[n, s] for n, s in zip(ids, seconds, strict=True)]}))


if __name__ == "__main__":
    main()
