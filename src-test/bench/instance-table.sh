#!/usr/bin/env bash
# Benchmark: the instance table with 1,000 instances (100 running, each with an address)
# on the LXD test-bed daemon, against the raw recursion=1 GET, `lxc list` and
# `lxc list -c ns` of the same daemon in the same run. Uses the test bed in the
# environment, or starts (and stops) its own.
#
#   src-test/bench/instance-table.sh [IDLE_SECONDS]      (default 30)
#
# It prints, each with its target and PASS or MISS (it asserts nothing; on demand only):
#   - names: selecting the remote's Instances group in a fresh window, then connecting, until
#     the table holds every instance and shows its first screenful of names (median of 5
#     rounds), over the raw GET's median: at most 1.3x;
#   - addresses: from then until every running row on screen shows its IPv4 (the state
#     read for the rows on screen), and the same after a mouse-wheel turn brings unread
#     rows into view: at most 1 s;
#   - sort by NAME, STATE and IPV4, and the filter box with free text ("bench-05") and an
#     lxc filter ("status=running"), on the FX thread including a CSS and layout pass,
#     the first of each cold: under 50 ms;
#   - requests while idle for IDLE_SECONDS with the table hidden (Profiles selected): 0;
#     and with it shown: only the rows on screen, once on showing and every 5 s, with
#     the URLs.
# The running instances get an eth0 on the test bed's address-less bridge and, inside,
# 192.0.2.1… (populate.sh --addresses). HAKO_BENCH_INSTANCES and HAKO_BENCH_RUNNING
# shrink the server while developing; a populated test bed is reused as it is.
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
bash src-test/testbed/populate.sh "$N" "$RUNNING" lxd --addresses
mvn -B -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath \
    -Dmdep.includeScope=test
CP="target/classes:target/test-classes:$(cat target/bench.classpath)"
# The installed app's JVM options (installers/common.sh) but its library path, unless
# HAKO_JVM_OPTIONS says otherwise.
. "$ROOT/installers/common.sh"
if [ -n "${HAKO_JVM_OPTIONS:-}" ]; then read -r -a JVM <<< "$HAKO_JVM_OPTIONS"; else JVM=("${JAVA_OPTIONS[@]:1}"); fi
run=(java "${JVM[@]}" -Dprism.order=sw -cp "$CP" \
     dev.hako.bench.InstanceTableBenchmark "${1:-30}")
if [ -z "${DISPLAY:-}" ]; then
  xvfb-run -a -s "-screen 0 1600x1000x24" "${run[@]}"
else
  "${run[@]}"
fi
