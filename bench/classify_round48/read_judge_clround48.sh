#!/bin/sh
# Stop 48 (RULE.md): main's shipped model and candidates A and B on the judges, in one session,
# aggregates only (per topic F1 with en / es and their TP/FP/FN, mean F1, negatives tagged,
# Brier), never an item; and the two sets' rows pooled (clause 1):
#     sh bench/classify_round48/read_judge_clround48.sh fresh47 fresh47b
set -e
exec .venv/bin/python bench/classify_round48/figures_clround48.py judge "$@"
