#!/usr/bin/env bash
# Benchmark: import and export of a large unified image (default 256 MiB of incompressible
# data) through Hako's client in a 64 MiB heap, against `lxc image import/export` on the
# LXD test-bed daemon in the same run. Uses the test bed in the environment, or starts
# (and stops) its own.
#
#   src-test/bench/image-transfer.sh [MEGABYTES]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
MB=${1:-256}
OWN_TB=""
if [ -z "${HAKO_TB_LXD_DIR:-}" ]; then
  bash src-test/testbed/install.sh
  OWN_TB=$(HAKO_TB_OWNER=$$ bash src-test/testbed/start.sh | tail -n 1)
  trap 'bash src-test/testbed/stop.sh "$OWN_TB"' EXIT
  . "$OWN_TB/env"
fi
WORK=$(mktemp -d /tmp/hako-bench-image.XXXXXX)
trap 'rm -rf "$WORK"; [ -n "$OWN_TB" ] && bash src-test/testbed/stop.sh "$OWN_TB"' EXIT
mkdir -p "$WORK/tree"
tar -xzf "$HAKO_TB_IMAGE_TARBALL" -C "$WORK/tree"
sed -i "s/creation_date: .*/creation_date: $(date +%s)/" "$WORK/tree/metadata.yaml"
head -c "$((MB * 1024 * 1024))" /dev/urandom > "$WORK/tree/rootfs/payload.bin"
tar -cf "$WORK/image.tar" -C "$WORK/tree" metadata.yaml rootfs
rm -rf "$WORK/tree"
mvn -B -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath \
    -Dmdep.includeScope=test
CP="target/classes:target/test-classes:$(cat target/bench.classpath)"
LXD_DIR=$HAKO_TB_LXD_DIR LXD_CONF=$HAKO_TB_LXD_CONF \
  java -Xmx64m -XX:+UseSerialGC -cp "$CP" dev.hako.bench.ImageTransferBenchmark \
  "$HAKO_TB_LXD_SOCKET" "$WORK/image.tar" lxc "$WORK"
