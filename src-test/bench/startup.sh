#!/usr/bin/env bash
# Start-up benchmark of the installed Linux package: time from exec to the first
# frame of the window ("hako.firstFrame" printed with -Dhako.startup.report=true)
#   app+cds   /opt/hako/bin/Hako as installed (its AppCDS archive lib/app/hako.jsa)
#   app       the same launcher with the JDK's default CDS archive only
#   floor     a bare JavaFX window (dev.hako.bench.BareWindow) on the same runtime,
#             with the runtime's defaults
#   floor+opt the same window with Hako's JIT option (-XX:TieredStopAtLevel=1)
# Each round runs the three in turn, each a new process (a cold JVM); with
# HAKO_BENCH_DROP_CACHES=1 the page cache is dropped before each run (cold disk too).
# Needs root. Installs target/installer/deb/hako_*.deb if Hako is not installed
# (building it if needed) and removes it again afterwards.
#
#   src-test/bench/startup.sh [ROUNDS]        (default 7; prints medians and ratios)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
ROUNDS=${1:-7}
[ "$(id -u)" = 0 ] || { echo "startup.sh: run as root" >&2; exit 1; }

INSTALLED_HERE=0
XVFB_PID=""
JSA=/opt/hako/lib/app/hako.jsa
cleanup() {
  set +e
  [ -e "$JSA.bench" ] && mv -f "$JSA.bench" "$JSA"
  [ -n "$XVFB_PID" ] && kill "$XVFB_PID"
  [ $INSTALLED_HERE = 1 ] && dpkg --purge hako >/dev/null
}
trap cleanup EXIT

if ! dpkg -s hako >/dev/null 2>&1; then
  ls target/installer/deb/hako_*.deb >/dev/null 2>&1 || bash installers/linux/build.sh deb
  dpkg -i target/installer/deb/hako_*.deb >/dev/null
  INSTALLED_HERE=1
fi
[ -s "$JSA" ] || { echo "startup.sh: $JSA missing" >&2; exit 1; }
mvn -B -q -DskipTests test-compile
RUNTIME_JAVA=/opt/hako/lib/runtime/bin/java
FX_CP=$(ls /opt/hako/lib/app/javafx-*.jar | tr '\n' ':')

Xvfb :98 -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
XVFB_PID=$!
for _ in $(seq 50); do [ -e /tmp/.X11-unix/X98 ] && break; sleep 0.1; done
HOME_DIR=$(mktemp -d)

# Dropping the page cache slows everything else on the machine for a while: only when asked.
DROP=0
if [ "${HAKO_BENCH_DROP_CACHES:-0}" = 1 ] && (sync && echo 3 > /proc/sys/vm/drop_caches) 2>/dev/null; then DROP=1; fi

# Prints milliseconds from exec to the first frame, and the CPU milliseconds the process used until then.
measure() {
  [ $DROP = 1 ] && { sync; echo 3 > /proc/sys/vm/drop_caches; }
  local out start frame
  out=$(mktemp)
  start=$(date +%s%3N)
  env -i PATH=/usr/bin:/bin HOME="$HOME_DIR" DISPLAY=:98 LANG=C.UTF-8 \
      JAVA_TOOL_OPTIONS="-Dhako.startup.report=true -Dhako.startup.exit=true" "$@" >"$out" 2>&1 || true
  frame=$(sed -n 's/^hako.firstFrame=//p' "$out")
  [ -n "$frame" ] || { cat "$out" >&2; echo "startup.sh: no first frame from $*" >&2; exit 1; }
  echo "$((frame - start)) $(sed -n 's/^hako.firstFrameCpu=//p' "$out")"
  rm -f "$out"
}

app_cds=(); app_plain=(); floor=(); cpu_cds=(); cpu_plain=(); cpu_floor=(); floor_opt=(); cpu_floor_opt=()
# One unmeasured start of each, so that every measured run finds the same caches.
measure /opt/hako/bin/Hako >/dev/null
measure "$RUNTIME_JAVA" -Djava.library.path=/opt/hako/lib/app -cp "target/test-classes:$FX_CP" dev.hako.bench.BareWindow >/dev/null
for r in $(seq "$ROUNDS"); do
  read -r w c < <(measure /opt/hako/bin/Hako); app_cds+=("$w"); cpu_cds+=("$c"); [ -n "${c:-}" ] || { echo "startup.sh: a measurement failed" >&2; exit 1; }
  # The launcher's -XX:SharedArchiveFile then names the runtime's default archive.
  mv "$JSA" "$JSA.bench"
  ln -s ../runtime/lib/server/classes.jsa "$JSA"
  read -r w c < <(measure /opt/hako/bin/Hako); app_plain+=("$w"); cpu_plain+=("$c"); [ -n "${c:-}" ] || { echo "startup.sh: a measurement failed" >&2; exit 1; }
  rm -f "$JSA"
  mv "$JSA.bench" "$JSA"
  read -r w c < <(measure "$RUNTIME_JAVA" -Djava.library.path=/opt/hako/lib/app -cp "target/test-classes:$FX_CP" \
      dev.hako.bench.BareWindow); floor+=("$w"); cpu_floor+=("$c"); [ -n "${c:-}" ] || { echo "startup.sh: a measurement failed" >&2; exit 1; }
  read -r w c < <(measure "$RUNTIME_JAVA" -XX:TieredStopAtLevel=1 -Djava.library.path=/opt/hako/lib/app \
      -cp "target/test-classes:$FX_CP" dev.hako.bench.BareWindow); floor_opt+=("$w"); cpu_floor_opt+=("$c")
  [ -n "${c:-}" ] || { echo "startup.sh: a measurement failed" >&2; exit 1; }
  echo "round $r: app+cds ${app_cds[-1]} ms (cpu ${cpu_cds[-1]}), app ${app_plain[-1]} ms (cpu ${cpu_plain[-1]}), floor ${floor[-1]} ms (cpu ${cpu_floor[-1]}), floor+opt ${floor_opt[-1]} ms (cpu ${cpu_floor_opt[-1]})" >&2
done
rm -rf "$HOME_DIR"

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.2fx", a/b}'; }
# Ratios are to the floor with the runtime's defaults.
m_cds=$(median "${app_cds[@]}"); m_plain=$(median "${app_plain[@]}"); m_floor=$(median "${floor[@]}")
m_floor_opt=$(median "${floor_opt[@]}"); c_floor_opt=$(median "${cpu_floor_opt[@]}")
c_cds=$(median "${cpu_cds[@]}"); c_plain=$(median "${cpu_plain[@]}"); c_floor=$(median "${cpu_floor[@]}")
echo "start to first frame, median of $ROUNDS ($( [ $DROP = 1 ] && echo 'page cache dropped before each run' || echo 'page cache warm; new JVM each run')); load average $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
printf '  %-42s %6s ms %-12s CPU %6s ms %s\n' "floor (bare JavaFX window, same runtime)" "$m_floor" "" "$c_floor" ""
printf '  %-42s %6s ms %-12s CPU %6s ms %s\n' "floor with Hako's JIT option" "$m_floor_opt" "" "$c_floor_opt" ""
printf '  %-42s %6s ms %-12s CPU %6s ms %s\n' "Hako with its AppCDS archive" "$m_cds" "$(ratio "$m_cds" "$m_floor")" "$c_cds" "$(ratio "$c_cds" "$c_floor")"
printf '  %-42s %6s ms %-12s CPU %6s ms %s\n' "Hako with the JDK's default CDS only" "$m_plain" "$(ratio "$m_plain" "$m_floor")" "$c_plain" "$(ratio "$c_plain" "$c_floor")"
