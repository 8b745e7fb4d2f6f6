#!/bin/sh
# Stop 45: main's shipped model and candidates A and B on one or more sets, in one session,
# aggregates only (per topic F1 with en / es, TP/FP/FN, mean F1, negatives tagged, Brier, and how
# many of the set's items each model was fitted on), never an item:
#     sh bench/classify_round45/read_judge.sh STEM [STEM ...]      e.g. fresh45
# STEM as round44_report.py reads it (tests/data/classify_pool_STEM_{en,es}.jsonl or a file stem).
# Needs candidate_a.json and candidate_b.json in this folder (not committed; SHIP.md rebuilds them).
set -e
exec .venv/bin/python bench/classify_round45/round45.py judge "$@"
