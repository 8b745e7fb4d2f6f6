#!/bin/sh
# Stop 44: main's model and candidates A and B on one or more sets (a new sealed judge),
# aggregates only, in one session (RULE.md's bar needs main beside each candidate):
#     sh bench/classify_round44/read_judge.sh STEM [STEM ...]
# STEM as round44_report.py reads it (classify_pool_STEM_{en,es}.jsonl or a file stem).
# Main's model is the shipped one. The candidates' models (3 MB each) are not committed: rebuild
# them with train_candidate.py (A: pool_halves.diff applied and `wirewatch classify-split` run,
# which gives split_a.json; B: the same with --topics-dir bench/classify_round44/topics_b) into
# bench/classify_round44/candidate_a.json / candidate_b.json.
set -e
R=bench/classify_round44
PY=.venv/bin/python
$PY $R/round44_report.py services/classify/wirewatch_classify/data/topic_model.json --set "$@"
$PY $R/round44_report.py $R/candidate_a.json --set "$@"
$PY $R/round44_report.py $R/candidate_b.json --topics-dir $R/topics_b --set "$@"
