#!/usr/bin/env bash
# Benchmark: metric history for 1,000 instances (100 running) recorded every 30 s over
# simulated days: parse + store CPU per interval, history-file growth per day, heap growth
# over a day, query + draw of one instance's week. No daemon needed; with a test bed in the
# environment it also times the raw GET /1.0/metrics of its LXD.
#
#   src-test/bench/metric-history.sh [DAYS]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
mvn -B -q -o -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath \
    -Dmdep.includeScope=test
CP="target/classes:target/test-classes:$(cat target/bench.classpath)"
run=(java -Xmx512m -Dprism.order=sw -cp "$CP" dev.hako.bench.MetricHistoryBenchmark "${1:-7}")
if [ -z "${DISPLAY:-}" ]; then
  xvfb-run -a -s "-screen 0 1600x1000x24" "${run[@]}"
else
  "${run[@]}"
fi
if [ -n "${HAKO_TB_LXD_SOCKET:-}" ]; then
  for i in 1 2 3; do
    curl -s -o /dev/null -w "raw GET /1.0/metrics on the test bed's LXD: %{time_total} s, %{size_download} bytes\n" \
      --unix-socket "$HAKO_TB_LXD_SOCKET" http://x/1.0/metrics
  done
fi
