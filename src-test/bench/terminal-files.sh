#!/usr/bin/env bash
# Benchmark: 64 MB of text through the embedded terminal vs `lxc exec … -- cat`, keystroke
# echo latency, and 256 MB upload/download vs `lxc file push/pull` with heap growth, all on
# the LXD test-bed daemon in the same run. Uses the test bed in the environment, or starts
# (and stops) its own.
#
#   src-test/bench/terminal-files.sh
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
OWN_TB=""
if [ -z "${HAKO_TB_LXD_DIR:-}" ]; then
  bash src-test/testbed/install.sh
  OWN_TB=$(HAKO_TB_OWNER=$$ bash src-test/testbed/start.sh | tail -n 1)
  trap 'bash src-test/testbed/stop.sh "$OWN_TB"' EXIT
  . "$OWN_TB/env"
fi
mvn -B -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath \
    -Dmdep.includeScope=test
CP="target/classes:target/test-classes:$(cat target/bench.classpath)"
run=(java -Xmx512m -cp "$CP" dev.hako.bench.TerminalBenchmark)
if [ -z "${DISPLAY:-}" ]; then
  xvfb-run -a -s "-screen 0 1600x1000x24" "${run[@]}"
else
  "${run[@]}"
fi
