"""Stop 54b's stories round (stround54b): what clause 4 of ``RULE.md`` counts (callgrind).

    ../../.venv/bin/python instructions_stround54b.py --cache   # once: the 47 files' cues
    valgrind --tool=callgrind ... python instructions_stround54b.py LABEL LAPS

``cluster_laps.main`` over the cached items of the 47 studied files, LAPS times, with
``scoring.ROUND_54B`` set to the label's switch (the shared runner sets a switch in ``cluster``;
this round's lives in ``scoring``, set here). Judges excluded by name.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories_learned"))

from cluster_laps import main
from wirewatch_stories import scoring

VALUES = {"main": "", "A": "A", "B": "B"}

if __name__ == "__main__":
    if sys.argv[1] in VALUES:
        vars(scoring)["ROUND_54B"] = VALUES[sys.argv[1]]
    main("ROUND_54B", VALUES, Path("/tmp/stround54b_items.pickle"))
