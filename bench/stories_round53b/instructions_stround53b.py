"""Stop 53's second stories round (stround53b): what clause 4 of ``RULE.md`` counts (callgrind).

    ../../.venv/bin/python instructions_stround53b.py --cache   # once: the 45 files' cues
    valgrind --tool=callgrind ... python instructions_stround53b.py LABEL LAPS

Clusters the cached items of the 45 studied files (publication order, one fresh ``Clusterer`` per
file) LAPS times with ``cluster.ROUND_53B`` set to the label's switch (LAPS 0: imports and the
cache read only, subtracted by ``instructions_stround53b.sh``). Judges excluded by name.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories_learned"))

from cluster_laps import main

if __name__ == "__main__":
    main("ROUND_53B", {"main": "", "C": "C", "AC": "AC"}, Path("/tmp/stround53b_items.pickle"))
