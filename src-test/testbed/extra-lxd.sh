#!/usr/bin/env bash
# One more private LXD daemon next to the test bed's, for tests that stop and
# restart a server mid-session without touching the shared daemons.
#
#   extra-lxd.sh start DIR      starts (or restarts) a daemon in DIR; the first start
#                               sets HTTPS on a free 127.0.0.1 port and a trust
#                               password. Prints "HOST:PORT PASSWORD" (restarts reuse both).
#   extra-lxd.sh start-fresh DIR
#                               starts a daemon in DIR and leaves it as lxd leaves a
#                               new server: no HTTPS address, no trust password, no
#                               pool, no network; reachable on DIR/daemon/unix.socket
#                               only. Prints that socket's path.
#   extra-lxd.sh stop DIR       SIGTERM, time-limited, then SIGKILL; the directory stays
#   extra-lxd.sh destroy DIR    stop and remove the directory
#
# DIR should be under the test bed ($HAKO_TB_DIR/...) so that stop.sh kills the
# daemon if a test run dies (it kills every lxd whose command line names the test bed).
set -euo pipefail
cmd=${1:?start|start-fresh|stop|destroy}
D=${2:?directory}
READY_TIMEOUT=${HAKO_TB_READY_TIMEOUT:-60}
log() { printf '[extra-lxd] %s\n' "$*" >&2; }

alive() { [ -n "${1:-}" ] && [ -d "/proc/$1" ] && [ "$(cut -d' ' -f3 "/proc/$1/stat" 2>/dev/null)" != Z ]; }
pid_of() { [ -s "$D/lxd.pid" ] && cat "$D/lxd.pid" || true; }

stop() {
  local pid
  pid=$(pid_of)
  if alive "$pid" && [[ $(tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null) == *"$D/"* ]]; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do alive "$pid" || break; sleep 0.1; done
    alive "$pid" && { log "lxd $pid still running; killing it"; kill -KILL "$pid" 2>/dev/null || true; }
    for _ in $(seq 1 50); do alive "$pid" || break; sleep 0.1; done
  fi
  rm -f "$D/lxd.pid"
}

launch() {
    mkdir -p "$D/daemon" "$D/conf"
    chmod 0711 "$D" "$D/daemon"
    stop
    LXD_DIR=$D/daemon setsid env http_proxy=http://127.0.0.1:9 https_proxy=http://127.0.0.1:9 \
      no_proxy=127.0.0.0/8,localhost,::1 lxd --group root --logfile "$D/daemon/lxd.log" \
      </dev/null >"$D/lxd.out" 2>&1 &
    echo $! > "$D/lxd.pid"
    pid=$(pid_of)
    deadline=$(( $(date +%s) + READY_TIMEOUT ))
    until LXD_DIR=$D/daemon timeout 10 lxd waitready --timeout 2 >/dev/null 2>&1; do
      alive "$pid" || { log "lxd exited during start-up"; tail -n 20 "$D/daemon/lxd.log" >&2; exit 1; }
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
    L() { LXD_DIR=$D/daemon LXD_CONF=$D/conf lxc "$@"; }
    if [ ! -s "$D/address" ]; then
      for try in $(seq 1 10); do
        p=$(( 10000 + RANDOM % 22000 ))
        (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null && continue
        if L config set core.https_address "127.0.0.1:$p" >/dev/null 2>&1; then
          echo "127.0.0.1:$p" > "$D/address"
          break
        fi
      done
      [ -s "$D/address" ] || { log "could not bind HTTPS"; stop; exit 1; }
      od -An -N16 -tx1 /dev/urandom | tr -d ' \n' > "$D/password"
      chmod 0600 "$D/password"
      L config set core.trust_password "$(cat "$D/password")" >/dev/null
    fi
    echo "$(cat "$D/address") $(cat "$D/password")"
    ;;
  stop) stop ;;
  destroy)
    stop
    # A dir pool with a source is a bind mount under the daemon's directory; lxd leaves it on SIGTERM.
    awk -v d="$D/" 'index($2, d) == 1 {print $2}' /proc/mounts | sort -r | while read -r m; do
      umount -l "$m" 2>/dev/null || true
    done
    case "$D" in /tmp/*) rm -rf --one-file-system "$D" ;; *) log "not removing $D (not under /tmp)" ;; esac
    ;;
  *) echo "usage: $0 start|start-fresh|stop|destroy DIR" >&2; exit 2 ;;
esac
