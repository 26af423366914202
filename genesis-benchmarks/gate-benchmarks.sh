#!/usr/bin/env bash
# Gate report reader benchmarks, on demand only (docs/performance.md, "Gate report readers").
#
#   ./mvnw -B -pl genesis-benchmarks -am verify      # builds genesis-benchmarks/target/benchmarks.jar
#   genesis-benchmarks/gate-benchmarks.sh all        # or one step: data | jmh | summary | heap | cli | profile
#
# Environment: DATA (report sets), OUT (results), JMH_OPTS (extra JMH options), GENESIS_JAR (CLI jar).
set -euo pipefail
cd "$(dirname "$0")/.."

JAR=genesis-benchmarks/target/benchmarks.jar
DATA=${DATA:-genesis-benchmarks/target/bench-data}
OUT=${OUT:-genesis-benchmarks/target/bench-results}
GENESIS_JAR=${GENESIS_JAR:-genesis-cli/target/genesis.jar}
# Modest on purpose: the machine is small and shared. One fork, one thread, 3 warm-up and 5
# measured iterations of 10 s (an iteration always finishes its operation, so slow readers get
# fewer, longer operations).
JMH_OPTS=${JMH_OPTS:--f 1 -wi 3 -i 5 -w 10s -r 10s -t 1}
# Heap sizes tried, smallest first, until a reader passes.
HEAPS=(32m 48m 64m 96m 128m 192m 256m 384m 512m 768m 1g 1536m 2g 3g 4g)

[ -f "$JAR" ] || { echo "missing $JAR: run ./mvnw -B -pl genesis-benchmarks -am verify first" >&2; exit 1; }
mkdir -p "$OUT"

machine() {
  echo "nproc: $(nproc); CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
  java -version 2>&1 | head -2
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
}

data() {
  java -cp "$JAR" io.genesis.benchmarks.gate.ReportSetGenerator --out "$DATA"
}

jmh() {
  machine | tee "$OUT/machine.txt"
  # shellcheck disable=SC2086
  java -jar "$JAR" 'io\.genesis\.benchmarks\.gate\..*Benchmark' $JMH_OPTS -prof gc -p "data=$DATA" \
    -rf json -rff "$OUT/jmh-gate.json" | tee "$OUT/jmh-gate.txt"
  echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/machine.txt"
  summary
}

summary() {
  java -cp "$JAR" io.genesis.benchmarks.gate.JmhSummary "$DATA" "$OUT/jmh-gate.json" | tee "$OUT/jmh-gate.md"
}

# The smallest -Xmx under which a reader reads the whole full set with the right totals.
smallest_heap() {
  local reader=$1; shift
  for heap in "${HEAPS[@]}"; do
    if java "-Xmx$heap" "$@" -cp "$JAR" io.genesis.benchmarks.gate.HeapCheck "$reader" "$DATA/full" \
        >"$OUT/heap-$reader-$heap.log" 2>&1; then
      echo "$reader: passes with -Xmx$heap ($(grep '^OK' "$OUT/heap-$reader-$heap.log"))"
      return 0
    fi
    echo "$reader: fails with -Xmx$heap ($(grep -m1 -o 'OutOfMemoryError[^"]*\|disagrees.*' "$OUT/heap-$reader-$heap.log" | head -c 120))"
  done
  echo "$reader: did not pass with any heap up to ${HEAPS[-1]}"
}

heap() {
  {
    echo "genesis (both readers, one JVM) under -Xmx32m:"
    java -Xmx32m -cp "$JAR" io.genesis.benchmarks.gate.HeapCheck genesis "$DATA/full"
    smallest_heap genesis
    smallest_heap surefire-report-parser
    smallest_heap surefire-report-parser-directory
    smallest_heap coverage-model -Djavax.xml.stream.XMLInputFactory=com.sun.xml.internal.stream.XMLInputFactoryImpl
  } | tee "$OUT/heap.txt"
}

# `genesis gate` as a whole command, cold JVM each run, on the full set.
cli() {
  if [ ! -f "$GENESIS_JAR" ]; then
    echo "not measured: $GENESIS_JAR does not exist (build genesis-cli first)" | tee "$OUT/cli.txt"
    return 0
  fi
  command -v hyperfine >/dev/null || { echo "hyperfine missing: apt-get install -y hyperfine" >&2; exit 1; }
  local full
  full=$(realpath "$DATA/full")
  # The generated coverage is about 50 %, so the staging gate fails (exit 1) after reading
  # everything; --ignore-failure keeps hyperfine timing it. The second command runs it in 32 MB.
  java -jar "$GENESIS_JAR" gate --environment staging --dir "$full" --tests 'surefire-reports/TEST-*.xml' \
    --coverage jacoco.xml 2>&1 | tee "$OUT/cli-output.txt" || true
  local gate="gate --environment staging --dir $full --tests 'surefire-reports/TEST-*.xml' --coverage jacoco.xml"
  # As the genesis launcher runs the gate, then in 32 MB of heap, then the peer on the JUnit part.
  local flags="-XX:+UseSerialGC -XX:TieredStopAtLevel=1"
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)" | tee "$OUT/cli-load.txt"
  hyperfine --warmup 1 --runs 10 --ignore-failure --export-json "$OUT/cli.json" --export-markdown "$OUT/cli.md" \
    "java $flags -jar $GENESIS_JAR $gate" "java -Xmx32m $flags -jar $GENESIS_JAR $gate" \
    "java -cp $JAR io.genesis.benchmarks.gate.HeapCheck surefire-report-parser $full" | tee "$OUT/cli.txt"
  echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/cli-load.txt"
}

# Where our readers spend their time: JMH's stack sampler on the full set.
profile() {
  java -jar "$JAR" 'io\.genesis\.benchmarks\.gate\..*Benchmark\.genesis' -p size=full -p "data=$DATA" \
    -f 1 -wi 3 -i 3 -w 10s -r 10s -t 1 -prof 'stack:lines=4;top=20;detailLine=true' | tee "$OUT/profile-stack.txt"
}

case "${1:-all}" in
  data) data ;;
  jmh) jmh ;;
  summary) summary ;;
  heap) heap ;;
  cli) cli ;;
  profile) profile ;;
  all) [ -f "$DATA/full/totals.json" ] || data; jmh; heap; cli ;;
  *) echo "usage: $0 [all|data|jmh|summary|heap|cli|profile]" >&2; exit 2 ;;
esac
