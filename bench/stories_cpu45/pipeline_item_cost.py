"""The stories stage's own CPU per item on the pipeline benchmark's item (stop 45).

``bench/stories_cpu42/stage_cost.py`` (decode, ``Assigner.assign``, encode; SQLite or
PostgreSQL; its digest of everything published and stored) with its items replaced by
``bench/pipeline.py``'s (as ``extract_cost.py`` has it): "Deportation flight 1765-N carrying
migrants lands in Caracas" and the lede padded to about 560 characters, classified by the
shipped classifier, 0.01 s apart (100 items/s). Here every item joins the first one's story
(they share the count 1765), so a decision scores that story's latest
:data:`~wirewatch_stories.scoring.STORY_SAMPLE` items, 24 pairs: an upper end for this item
(bench/pipeline.py's steady items, "FEED-I" at one publication time, are said there to be
stories of their own; not checked here).
Same options as stage_cost.py (``--spacing`` defaults to 0.01 here).

    flock /tmp/bench.lock .venv/bin/python bench/stories_cpu45/pipeline_item_cost.py \
        [--items 3000] [--size 1] [--postgres] [--profile PATH]
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories_cpu42"))

import stage_cost

PAD = "Officials said the charter left after midnight; rights groups asked for monitors. " * 6
LEDE = "The charter flight carrying Venezuelan deportees landed, officials said."


def _pipeline_rows() -> list[dict[str, Any]]:
    return [
        {
            "id": f"bench-{n}",
            "title": f"Deportation flight 1765-{n} carrying migrants lands in Caracas",
            "summary": f"{LEDE} {PAD}",
            "lang": "en",
            "link": f"https://example.org/bench/{n}",
            "url": None,
            "source": "Bench",
        }
        for n in range(20_000)
    ]


if __name__ == "__main__":
    stage_cost._rows = _pipeline_rows
    if "--spacing" not in sys.argv:
        sys.argv += ["--spacing", "0.01"]
    stage_cost.main()
