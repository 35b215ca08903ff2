#!/usr/bin/env bash
# Benchmark: connect → populated tree with 1,000 instances (100 running) on the LXD
# test-bed daemon, against the raw recursion=1 GET and `lxc list`, then HTTP requests
# while idle. Uses the test bed in the environment, or starts (and stops) its own.
#
#   src-test/bench/tree-load.sh [IDLE_SECONDS]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
N=${HAKO_BENCH_INSTANCES:-1000}
RUNNING=${HAKO_BENCH_RUNNING:-100}
OWN_TB=""
if [ -z "${HAKO_TB_LXD_DIR:-}" ]; then
  bash src-test/testbed/install.sh
  OWN_TB=$(HAKO_TB_OWNER=$$ bash src-test/testbed/start.sh | tail -n 1)
  trap 'bash src-test/testbed/stop.sh "$OWN_TB"' EXIT
  . "$OWN_TB/env"
fi
bash src-test/testbed/populate.sh "$N" "$RUNNING" lxd
mvn -B -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath \
    -Dmdep.includeScope=test
CP="target/classes:target/test-classes:$(cat target/bench.classpath)"
# The installed app's JVM options (installers/common.sh) but its library path, unless
# HAKO_JVM_OPTIONS says otherwise.
. "$ROOT/installers/common.sh"
if [ -n "${HAKO_JVM_OPTIONS:-}" ]; then read -r -a JVM <<< "$HAKO_JVM_OPTIONS"; else JVM=("${JAVA_OPTIONS[@]:1}"); fi
run=(java "${JVM[@]}" -Dprism.order=sw -cp "$CP" \
     dev.hako.bench.TreeLoadBenchmark "${1:-60}")
if [ -z "${DISPLAY:-}" ]; then
  xvfb-run -a -s "-screen 0 1600x1000x24" "${run[@]}"
else
  "${run[@]}"
fi
