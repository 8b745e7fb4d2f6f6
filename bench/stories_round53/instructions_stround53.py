"""Stop 53's stories round (stround53): what clause 4 of ``RULE.md`` counts under callgrind.

    ../../.venv/bin/python instructions_stround53.py --cache   # once: the 45 files' cues
    valgrind --tool=callgrind ... python instructions_stround53.py LABEL LAPS

Clusters the cached items of the 45 studied files (publication order, one fresh ``Clusterer`` per
file) LAPS times with ``cluster.RECENT_53`` set to the label's switch (LAPS 0: imports and the
cache read only, subtracted by ``instructions_stround53.sh``). Judges excluded by name.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories_learned"))

from cluster_laps import main
from common import SWITCH

if __name__ == "__main__":
    main("RECENT_53", SWITCH, Path("/tmp/stround53_items.pickle"))
