"""Stop 48's splits round's leave-one-file-out measure of one code (M, A or B; ``RULE.md``).

    cd bench/stories_round48c && /work/main/.venv/bin/python lofo_stround48c.py M > lofo48c_M.txt
    cd bench/stories_round48c && ../../.venv/bin/python lofo_stround48c.py A > lofo48c_A.txt

stround48's ``lofo_stround48.main`` (each of the 35 studied files clustered in publication order
with a model fitted on the other 34 files' pairs, as the running interpreter's code scores
them), its ``lofo48_<LABEL>.json`` written here.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories_round48"))

import lofo_stround48

if __name__ == "__main__":
    lofo_stround48.HERE = Path(__file__).resolve().parent
    lofo_stround48.main()
