#!/bin/sh
# Stop 46 (RULE.md): main's shipped model and candidates C and D on the judges, in one session,
# aggregates only (per topic F1 with en / es, TP/FP/FN, mean F1, negatives tagged, Brier), never
# an item; with two or more sets, also their rows pooled (clause 2's mean):
#     sh bench/classify_round46/read_judge.sh classify_check_midday fresh46
# Needs candidate_c.json (and candidate_d.json if D was built) in this folder (not committed;
# SHIP.md rebuilds them).
set -e
exec .venv/bin/python bench/classify_round46/classify46.py judge "$@"
