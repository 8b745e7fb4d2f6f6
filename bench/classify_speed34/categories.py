"""Study script (stop 34): the event loop's busy samples of a py-spy raw profile
(``service_only.py --pyspy``), by category: the first category whose function appears in
a stack takes the sample (listed order).

Usage: categories.py PROFILE.raw [THREAD-NAME (default MainThread)]
"""

from __future__ import annotations

import sys
from collections import Counter

CATEGORIES = [
    ("startup", ("ClassifyService.__init__", "main (service_only.py", "on_startup")),
    ("idle (select)", ("EpollSelector.select",)),
    ("classify (workers.encode)", ("encode (wirewatch_classify/workers.py",)),
    ("decode (FeedItem)", ("decode (wirewatch_classify/batch.py",)),
    ("BatchOutput.add", ("BatchOutput.add",)),
    ("KeyedProducer.send", ("KeyedProducer.send",)),
    ("memory.trim", ("trim (wirewatch_shared/memory.py",)),
    ("store (_save)", ("ClassifyService._save",)),
    ("rest of handle_items", ("ClassifyService.handle_items",)),
    ("aiokafka sender", ("Sender.", "SendProduceReqHandler", "AIOKafkaClient.send")),
    ("aiokafka fetch/consume", ("Fetcher.", "getmany", "PartitionRecords", "fetcher.py")),
    ("faststream", ("faststream",)),
]


def main() -> None:
    path = sys.argv[1]
    thread = sys.argv[2] if len(sys.argv) > 2 else "MainThread"
    counts: Counter[str] = Counter()
    with open(path, encoding="utf-8") as fh:
        for row in fh:
            stack, _, count = row.rstrip("\n").rpartition(" ")
            if thread not in stack.split(";", 1)[0]:
                continue
            for name, needles in CATEGORIES:
                if any(needle in stack for needle in needles):
                    counts[name] += int(count)
                    break
            else:
                counts["other"] += int(count)
    busy = sum(n for k, n in counts.items() if k not in ("startup", "idle (select)"))
    print(f"{sum(counts.values())} samples, {busy} busy (not startup, not select)")
    for name, n in counts.most_common():
        share = (
            f"{100 * n / busy:5.1f}% of busy" if name not in ("startup", "idle (select)") else ""
        )
        print(f"{n:6d}  {name:28s} {share}")


if __name__ == "__main__":
    main()
