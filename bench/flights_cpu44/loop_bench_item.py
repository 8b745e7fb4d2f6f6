"""``extract()`` over the pipeline benchmark's item (``bench/pipeline.py``: "Deportation flight
F-I carrying migrants lands in Caracas" and its padded summary), ``--rounds`` times: a target
for py-spy, the item the pipeline's flights stage extracts on every story event.

Run: .venv/bin/py-spy record -r 400 -f raw -o /tmp/x.txt -- \
    .venv/bin/python bench/flights_cpu44/loop_bench_item.py --rounds 3000
"""

from __future__ import annotations

import argparse
from datetime import date

from wirewatch_flights.extract import extract, load_tables

PAD = "Officials said the charter left after midnight; rights groups asked for monitors. " * 6
TITLE = "Deportation flight F-{i} carrying migrants lands in Caracas"
SUMMARY = f"The charter flight carrying Venezuelan deportees landed, officials said. {PAD}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3000)
    args = parser.parse_args()
    load_tables()
    published = date(2026, 12, 6)
    for i in range(args.rounds):
        extract(TITLE.format(i=i), SUMMARY, published)


if __name__ == "__main__":
    main()
