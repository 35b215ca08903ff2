#!/usr/bin/env bash
# Benchmark: the task history's size on disk per 1,000 / 10,000 / 100,000 tasks, and the
# drawer's reads on each (first page, last page, a search of the error text with its count).
# Needs no daemon; prints figures and asserts nothing (on demand only).
#
#   src-test/bench/task-history.sh
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
mvn -B -q -o -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath \
    -Dmdep.includeScope=test >/dev/null
CP="target/classes:target/test-classes:$(cat target/bench.classpath)"
java -cp "$CP" dev.hako.bench.TaskHistoryBenchmark
