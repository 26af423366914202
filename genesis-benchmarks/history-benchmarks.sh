#!/usr/bin/env bash
# The deployment history, on demand only (docs/performance.md): the newest page, indexed store against
# the single JSON-lines file (HistoryPageBenchmark), and the job page's "what runs where" panel and folder
# board, from the key indexes against the scan they replaced (JobBoardBenchmark).
#
#   ./mvnw -B -pl genesis-benchmarks -am -DskipTests package   # builds genesis-benchmarks/target/benchmarks.jar
#   genesis-benchmarks/history-benchmarks.sh
#
# Environment: OUT (results), JMH_OPTS (extra JMH options), BENCH (which benchmarks, a JMH regex;
# default both, e.g. BENCH=JobBoardBenchmark for the panel only).
set -euo pipefail
cd "$(dirname "$0")/.."

JAR=genesis-benchmarks/target/benchmarks.jar
OUT=${OUT:-genesis-benchmarks/target/bench-results}
# Modest on purpose: the machine is small and shared. A full scan of 100 000 records takes seconds,
# so an iteration of 2 s still finishes at least one operation.
JMH_OPTS=${JMH_OPTS:--f 1 -wi 2 -i 5 -w 2s -r 2s -t 1}
BENCH=${BENCH:-'io\.genesis\.benchmarks\.history\.(HistoryPage|JobBoard)Benchmark'}

[ -f "$JAR" ] || { echo "missing $JAR: run ./mvnw -B -pl genesis-benchmarks -am -DskipTests package first" >&2; exit 1; }
mkdir -p "$OUT"
{
  echo "nproc: $(nproc); CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
  java -version 2>&1 | head -2
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$OUT/history-machine.txt"
# shellcheck disable=SC2086
java -jar "$JAR" "$BENCH" $JMH_OPTS -prof gc \
  -rf json -rff "$OUT/jmh-history.json" | tee "$OUT/jmh-history.txt"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/history-machine.txt"
