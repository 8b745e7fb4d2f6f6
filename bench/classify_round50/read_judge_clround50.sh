#!/bin/sh
# Stop 50 (RULE.md): main's shipped model and candidates A, B and C on the judges, in one
# session, aggregates only (per topic F1 with en / es and their TP/FP/FN, mean F1, negatives
# tagged, Brier), never an item; and the two sets' rows pooled (clause 1):
#     sh bench/classify_round50/read_judge_clround50.sh fresh49 fresh49b
set -e
exec .venv/bin/python bench/classify_round50/figures_clround50.py judge "$@"
