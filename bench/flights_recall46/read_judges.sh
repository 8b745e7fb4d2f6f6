#!/bin/sh
# The judges (flights_fresh45 + flights_fresh46 pooled), read once per candidate with main in the
# same run, plain and --as-service: aggregates only (measure.py judges prints no item).
set -e
cd "$(dirname "$0")/../.."
.venv/bin/python bench/flights_recall46/measure.py judges > bench/flights_recall46/measured_judges.jsonl
.venv/bin/python bench/flights_recall46/measure.py judges --as-service > bench/flights_recall46/measured_judges_service.jsonl
