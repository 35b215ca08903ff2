#!/usr/bin/env bash
# The project's test command: installs what the tests need, starts a private
# LXD and Incus test bed, runs `mvn -B verify` (under a virtual display when
# there is none) with the test bed's HAKO_TB_* variables exported, and stops
# the test bed whatever happens. Arguments go to Maven:
#
#   src-test/testbed/run-tests.sh                      # everything
#   src-test/testbed/run-tests.sh -Dit.test=FooIT      # …or what Maven is told
#
# Exits with Maven's exit code.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
secs() { local ms=$(( $2 - $1 )); printf '%d.%01ds' $((ms / 1000)) $(( (ms % 1000) / 100 )); }
log() { printf '[run-tests] %s\n' "$*" >&2; }
T0=$(now_ms)
TIMES=()

TB=""
MVN_PID=""
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  set +e
  if [ -n "$MVN_PID" ] && [ -d "/proc/$MVN_PID" ]; then
    log "stopping Maven (process group $MVN_PID)"
    kill -TERM -- "-$MVN_PID" 2>/dev/null
    for _ in 1 2 3 4 5 6 7 8 9 10; do [ -d "/proc/$MVN_PID" ] || break; sleep 0.5; done
    kill -KILL -- "-$MVN_PID" 2>/dev/null
  fi
  if [ -n "$TB" ]; then
    local t=$(now_ms)
    bash "$HERE/stop.sh" "$TB"
    TIMES+=("stop $(secs "$t" "$(now_ms)")")
  fi
  log "${TIMES[*]}; total $(secs "$T0" "$(now_ms)"); exit $rc"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

t=$(now_ms)
bash "$HERE/install.sh"
TIMES+=("install $(secs "$t" "$(now_ms)")")
log "install: $(secs "$t" "$(now_ms)")"

t=$(now_ms)
# The test bed belongs to this process: if it dies unannounced, the next
# start.sh cleans the test bed up.
TB=$(HAKO_TB_OWNER=$$ bash "$HERE/start.sh" | tail -n 1)
[ -f "$TB/env" ] || { log "start.sh gave no test bed"; TB=""; exit 1; }
# shellcheck disable=SC1091
. "$TB/env"
TIMES+=("testbed $(secs "$t" "$(now_ms)")")
log "test bed $TB started: $(secs "$t" "$(now_ms)")"

t=$(now_ms)
cd "$ROOT"
mvn_cmd=(mvn -B verify "$@")
if [ -z "${DISPLAY:-}" ]; then
  mvn_cmd=(xvfb-run -a -s "-screen 0 1600x1000x24" "${mvn_cmd[@]}")
fi
log "$(printf '%q ' "${mvn_cmd[@]}")"
# Its own process group, so that an interrupt can stop all of Maven (and
# its forked test JVMs and the virtual display) at once.
setsid "${mvn_cmd[@]}" </dev/null &
MVN_PID=$!
set +e
wait "$MVN_PID"
rc=$?
set -e
MVN_PID=""
TIMES+=("mvn $(secs "$t" "$(now_ms)")")
exit "$rc"
