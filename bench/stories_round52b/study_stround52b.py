"""Stop 52's second stories round: round 52's study with this round's switch on.

    cd bench/stories_round52b
    ../../.venv/bin/python study_stround52b.py A fresh fresh50b night twilight unseen \
        > study52b_A_five.txt

Runs ``../stories_round52/study_stround52.py`` (imported, as it is: every mixed predicted story and
every split true story, item by item, with main's table) with ``cluster.RECENT_52B`` set to the
label's switch, on the studied files named after it (judges excluded by the imported script).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories_learned"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories_round52"))

import study_stround52
from wirewatch_stories import cluster

SWITCH = {"main": "", "A": "A", "B": "B"}


def main() -> None:
    label = sys.argv[1]
    vars(cluster)["RECENT_52B"] = SWITCH[label]  # the switch exists with candidate_AB.diff applied
    sys.argv = [sys.argv[0], *sys.argv[2:]]
    study_stround52.main()


if __name__ == "__main__":
    main()
