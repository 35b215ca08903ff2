#!/usr/bin/env bash
# One more private Incus daemon next to the test bed's, for tests that need a
# second (or third) Incus server: clusters, Incus-to-Incus migration, restarts.
#
#   extra-incus.sh start DIR    starts (or restarts) a daemon in DIR; the first start
#                               sets HTTPS on a free 127.0.0.1 port (Incus has no trust
#                               password: clients are trusted over the unix socket or
#                               with a token). Prints "HOST:PORT" (restarts reuse it).
#   extra-incus.sh start-fresh DIR
#                               starts a daemon in DIR and leaves it as incusd leaves a
#                               new server: no HTTPS address, no pool, no network;
#                               reachable on DIR/daemon/unix.socket only. Prints that path.
#   extra-incus.sh stop DIR     SIGTERM, time-limited, then SIGKILL; the directory stays
#   extra-incus.sh destroy DIR  stop and remove the directory
#
# DIR should be under the test bed ($HAKO_TB_DIR/...) so that stop.sh kills the
# daemon if a test run dies (it kills every incusd whose command line names the test bed:
# the log file below is in DIR).
set -euo pipefail
cmd=${1:?start|start-fresh|stop|destroy}
D=${2:?directory}
INCUSD=/usr/libexec/incus/incusd
READY_TIMEOUT=${HAKO_TB_READY_TIMEOUT:-60}
log() { printf '[extra-incus] %s\n' "$*" >&2; }

alive() { [ -n "${1:-}" ] && [ -d "/proc/$1" ] && [ "$(cut -d' ' -f3 "/proc/$1/stat" 2>/dev/null)" != Z ]; }
pid_of() { [ -s "$D/incusd.pid" ] && cat "$D/incusd.pid" || true; }
I() { INCUS_DIR=$D/daemon INCUS_CONF=$D/conf incus "$@"; }

stop() {
  local pid
  pid=$(pid_of)
  if alive "$pid" && [[ $(tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null) == *"$D/"* ]]; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do alive "$pid" || break; sleep 0.1; done
    alive "$pid" && { log "incusd $pid still running; killing it"; kill -KILL "$pid" 2>/dev/null || true; }
    for _ in $(seq 1 50); do alive "$pid" || break; sleep 0.1; done
  fi
  rm -f "$D/incusd.pid"
}

launch() {
    [ -x "$INCUSD" ] || { log "$INCUSD not found: run src-test/testbed/install.sh first"; exit 1; }
    mkdir -p "$D/daemon" "$D/conf"
    chmod 0711 "$D" "$D/daemon"
    stop
    # A loopback proxy keeps the daemon from reaching out; loopback itself is never proxied.
    INCUS_DIR=$D/daemon setsid env http_proxy=http://127.0.0.1:9 https_proxy=http://127.0.0.1:9 \
      HTTP_PROXY=http://127.0.0.1:9 HTTPS_PROXY=http://127.0.0.1:9 \
      no_proxy=127.0.0.0/8,localhost,::1 NO_PROXY=127.0.0.0/8,localhost,::1 \
      "$INCUSD" --group root --logfile "$D/daemon/incusd.log" \
      </dev/null >"$D/incusd.out" 2>&1 &
    echo $! > "$D/incusd.pid"
    pid=$(pid_of)
    deadline=$(( $(date +%s) + READY_TIMEOUT ))
    until timeout 10 env INCUS_DIR="$D/daemon" INCUS_CONF="$D/conf" incus admin waitready --timeout 2 \
        >/dev/null 2>&1; do
      alive "$pid" || { log "incusd exited during start-up"; tail -n 20 "$D/daemon/incusd.log" >&2; exit 1; }
      [ "$(date +%s)" -lt "$deadline" ] || { log "not ready after ${READY_TIMEOUT}s"; stop; exit 1; }
      sleep 0.2
    done
}

case "$cmd" in
  start-fresh)
    launch
    echo "$D/daemon/unix.socket"
    ;;
  start)
    launch
    if [ ! -s "$D/address" ]; then
      for _ in $(seq 1 10); do
        p=$(( 10000 + RANDOM % 22000 ))
        (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null && continue
        if I config set core.https_address "127.0.0.1:$p" >/dev/null 2>&1; then
          echo "127.0.0.1:$p" > "$D/address"
          break
        fi
      done
      [ -s "$D/address" ] || { log "could not bind HTTPS"; stop; exit 1; }
    fi
    cat "$D/address"
    ;;
  stop) stop ;;
  destroy)
    stop
    # A dir pool with a source is a bind mount under the daemon's directory; incusd leaves it on SIGTERM.
    awk -v d="$D/" 'index($2, d) == 1 {print $2}' /proc/mounts | sort -r | while read -r m; do
      umount -l "$m" 2>/dev/null || true
    done
    case "$D" in /tmp/*) rm -rf --one-file-system "$D" ;; *) log "not removing $D (not under /tmp)" ;; esac
    ;;
  *) echo "usage: $0 start|start-fresh|stop|destroy DIR" >&2; exit 2 ;;
esac
