"""Stop 54c's stories round (stround54c): what clause 4 of ``RULE.md`` counts (callgrind).

    ../../.venv/bin/python instructions_stround54c.py --cache   # once: the 47 files' cues
    valgrind --tool=callgrind ... python instructions_stround54c.py LABEL LAPS

``cluster_laps.main`` over the cached items of the 47 studied files, LAPS times, with
``scoring.ROUND_54C`` set to the label's switch. Judges excluded by name.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories_learned"))

from cluster_laps import main
from wirewatch_stories import scoring

VALUES = {"main": "", "C": "C", "D": "D"}

if __name__ == "__main__":
    if sys.argv[1] in VALUES:
        vars(scoring)["ROUND_54C"] = VALUES[sys.argv[1]]
    main("ROUND_54C", VALUES, Path("/tmp/stround54c_items.pickle"))
