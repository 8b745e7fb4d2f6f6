#!/bin/sh
# Stop 49 (RULE.md): main's shipped model and candidates A, B and C on the judges, in one
# session, aggregates only (per topic F1 with en / es and their TP/FP/FN, mean F1, negatives
# tagged, Brier), never an item; and the two sets' rows pooled (clause 1):
#     sh bench/classify_round49/read_judge_clround49.sh fresh48 fresh48b
set -e
exec .venv/bin/python bench/classify_round49/figures_clround49.py judge "$@"
