#!/bin/sh
# Stop 47 (RULE.md): main's shipped model and candidates A and B on the judges, in one session,
# aggregates only (per topic F1 with en / es and their TP/FP/FN, mean F1, negatives tagged,
# Brier), never an item; with two or more sets, also their rows pooled (clause 1):
#     sh bench/classify_round47/read_judge_clround47.sh fresh46 fresh47
set -e
exec .venv/bin/python bench/classify_round47/figures_clround47.py judge "$@"
