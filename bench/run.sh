#!/usr/bin/env bash
# Benchmarks (not part of the tests): starts the platform in a throw-away data directory, then measures, in one run,
# raw Kafka produce→consume latency and the slice's HTTP write → SSE receipt latency at each rate, and prints both.
# Usage: bench/run.sh [seconds-per-rate (60)] [rates (50,200)]. Needs ports 8080-8083, 9092, 9093, 27017 free.
set -euo pipefail
cd "$(dirname "$0")/.."
source bin/java-env.sh
SECONDS_PER_RATE="${1:-60}"
RATES="${2:-50,200}"
mvn -B -q -ntp package -DskipTests -Dspotless.check.skip=true
HOME_DIR="$(mktemp -d /tmp/osservatorio-bench.XXXXXX)"
LOG="$HOME_DIR/platform.out"
OSSERVATORIO_HOME="$HOME_DIR" java -cp "deploy/target/classes:deploy/target/lib/*" -Dosservatorio.repository="$PWD" \
  it.osservatorio.deploy.LocalPlatform > "$LOG" 2>&1 &
PLATFORM=$!
trap 'kill $PLATFORM 2>/dev/null; wait $PLATFORM 2>/dev/null || true; rm -rf "$HOME_DIR"' EXIT
until grep -q "Osservatorio is up" "$LOG"; do
  kill -0 $PLATFORM 2>/dev/null || { cat "$LOG"; exit 1; }
  sleep 2
done
java -cp "bench/target/classes:bench/target/lib/*" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -Dbench.adminKey="$(cat "$HOME_DIR/admin-key")" -Dbench.seconds="$SECONDS_PER_RATE" -Dbench.rates="$RATES" \
  it.osservatorio.bench.SliceBenchmark
