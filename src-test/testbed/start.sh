#!/usr/bin/env bash
# Starts a private LXD daemon and a private Incus daemon for the tests and
# benchmarks, each in its own directory under /tmp/hako-tb.XXXX, set up with a
# "default" dir pool, an address-less bridge, HTTPS on a free 127.0.0.1 port
# and a 1 MB busybox image. It never talks to a system daemon: every call sets
# LXD_DIR / INCUS_DIR (and a private LXD_CONF / INCUS_CONF) explicitly.
#
#   TB=$(src-test/testbed/start.sh | tail -1); . "$TB/env"
#   ...
#   src-test/testbed/stop.sh "$TB"
#
# Progress goes to stderr; the last stdout line is the test-bed directory.
# On failure it prints the daemon logs, stops what it started and exits 1.
#
# Test beds left behind by a killed run (its start.sh or owner process is
# gone, or its daemons are dead) are cleaned up first. HAKO_TB_OWNER=<pid>
# ties a test bed to a process (run-tests.sh passes its own pid).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
INCUSD=/usr/libexec/incus/incusd
READY_TIMEOUT=${HAKO_TB_READY_TIMEOUT:-60}
LOCK=/tmp/.hako-tb.lock
IMAGE_ALIAS=busybox
POOL=default

started_ns=$(date +%s%N)
log() { printf '[testbed] %s\n' "$*" >&2; }
elapsed() { local ms=$(( ($(date +%s%N) - started_ns) / 1000000 )); printf '%d.%03ds' $((ms / 1000)) $((ms % 1000)); }

fail_early() { echo "start.sh: $*" >&2; exit 1; }
[ "$(id -u)" = 0 ] || fail_early "must run as root (the daemons need it)"
for c in lxd lxc incus ip tar gzip flock setsid timeout; do
  command -v "$c" >/dev/null || fail_early "'$c' not found: run src-test/testbed/install.sh first"
done
[ -x "$INCUSD" ] || fail_early "$INCUSD not found: run src-test/testbed/install.sh first"
[ -x /bin/busybox ] || fail_early "/bin/busybox not found: install busybox-static"
ldd_out=$(ldd /bin/busybox 2>&1 || true)
[[ $ldd_out == *"not a dynamic executable"* ]] ||
  fail_early "/bin/busybox is dynamically linked: install busybox-static (the image needs a static busybox)"

# --- helpers over /proc (no procps needed) ----------------------------------

# cmdline of a pid with spaces for NULs, empty if it is gone
cmdline_of() { { tr '\0' ' ' < "/proc/$1/cmdline"; } 2>/dev/null || true; }
pid_from() { [ -s "$1" ] && cut -d' ' -f1 "$1" 2>/dev/null || true; }
# start time of a pid (clock ticks since boot), to tell a reused pid apart
starttime_of() {
  local stat f
  { read -r stat < "/proc/$1/stat"; } 2>/dev/null || return 0
  read -r -a f <<< "${stat##*) }"
  echo "${f[19]}"
}

# true if test bed $1 is in use: being started by a live start.sh, or its
# daemons run and its owner (if it has one) is alive
tb_live() {
  local d=$1 p
  if [ -s "$d/owner.pid" ]; then   # "PID STARTTIME" of the owner process
    local owner
    owner=$(cat "$d/owner.pid" 2>/dev/null || true)
    case "$owner" in
      *" "*) [ "$owner" = "${owner%% *} $(starttime_of "${owner%% *}")" ] || return 1 ;;
      *) [ -d "/proc/$owner" ] || return 1 ;;
    esac
  fi
  p=$(pid_from "$d/start.pid")
  if [ -n "$p" ]; then
    [[ $(cmdline_of "$p") == *start.sh* ]] && return 0
    return 1
  fi
  for f in lxd.pid incusd.pid; do
    p=$(pid_from "$d/$f")
    [ -n "$p" ] && [[ $(cmdline_of "$p") == *"$d/"* ]] && return 0
  done
  return 1
}

# --- 1. clean up what killed runs left, make our directory --------------------

exec 9>"$LOCK"
flock -w 300 9 || fail_early "timed out waiting for $LOCK"
for d in /tmp/hako-tb.*; do
  [ -d "$d" ] || continue
  if ! tb_live "$d"; then
    log "removing stale test bed $d"
    bash "$HERE/stop.sh" "$d" >&2 || true
  fi
done
TB=$(mktemp -d /tmp/hako-tb.XXXX)
chmod 0711 "$TB"   # unprivileged container roots must traverse it
touch "$TB/.hako-testbed"
echo $$ > "$TB/start.pid"
if [ -n "${HAKO_TB_OWNER:-}" ]; then
  echo "$HAKO_TB_OWNER $(starttime_of "$HAKO_TB_OWNER")" > "$TB/owner.pid"
fi
flock -u 9

LXD_D=$TB/lxd
INCUS_D=$TB/incus
LXD_CONF_D=$TB/conf/lxc
INCUS_CONF_D=$TB/conf/incus
SETUP_LOG=$TB/setup.log
mkdir -p "$LXD_D" "$INCUS_D" "$LXD_CONF_D" "$INCUS_CONF_D"
chmod 0711 "$LXD_D" "$INCUS_D"
: > "$SETUP_LOG"

ok=0
# The caller's stderr: a signal's trap may run while a command's output is
# redirected to the setup log, and the failure report must not go there.
exec 8>&2
on_exit() {
  local rc=$?
  set +e
  [ $ok = 1 ] && return
  exec 2>&8
  log "FAILED (exit $rc) after $(elapsed); test bed was $TB"
  # (a daemon's stdout/stderr repeats its log file: shown only without one)
  for f in "$SETUP_LOG" "$LXD_D/lxd.log" "$TB/lxd.out" "$INCUS_D/incusd.log" "$TB/incusd.out"; do
    [ -s "$f" ] || continue
    case "$f" in
      "$TB/lxd.out") [ -s "$LXD_D/lxd.log" ] && continue ;;
      "$TB/incusd.out") [ -s "$INCUS_D/incusd.log" ] && continue ;;
    esac
    echo "----- tail of $f -----" >&2
    tail -n 30 "$f" >&2
  done
  echo "-----" >&2
  log "stopping what was started"
  bash "$HERE/stop.sh" "$TB" >&2
  exit 1
}
trap on_exit EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

die() { log "ERROR: $*"; exit 1; }
# run CMD...: log it to setup.log, fail with its output if it fails
run() {
  echo "+ $*" >> "$SETUP_LOG"
  "$@" >> "$SETUP_LOG" 2>&1 || die "failed: $* (see the setup log below)"
}
L() { LXD_DIR=$LXD_D LXD_CONF=$LXD_CONF_D lxc "$@"; }
I() { INCUS_DIR=$INCUS_D INCUS_CONF=$INCUS_CONF_D incus "$@"; }

# --- 2. start both daemons ---------------------------------------------------

# A loopback proxy keeps the daemons from reaching out (they fetch instance
# types from the internet at start); loopback itself is never proxied.
daemon_env=(env http_proxy=http://127.0.0.1:9 https_proxy=http://127.0.0.1:9
  HTTP_PROXY=http://127.0.0.1:9 HTTPS_PROXY=http://127.0.0.1:9
  no_proxy=127.0.0.0/8,localhost,::1 NO_PROXY=127.0.0.0/8,localhost,::1)

# setsid: a Ctrl-C meant for the caller must not kill the daemons before
# stop.sh shuts them down in order.
LXD_DIR=$LXD_D setsid "${daemon_env[@]}" lxd --group root --logfile "$LXD_D/lxd.log" \
  </dev/null >"$TB/lxd.out" 2>&1 8>&- 9>&- &
echo $! > "$TB/lxd.pid"
INCUS_DIR=$INCUS_D setsid "${daemon_env[@]}" "$INCUSD" --group root --logfile "$INCUS_D/incusd.log" \
  </dev/null >"$TB/incusd.out" 2>&1 8>&- 9>&- &
echo $! > "$TB/incusd.pid"
LXD_PID=$(cat "$TB/lxd.pid")
INCUS_PID=$(cat "$TB/incusd.pid")

wait_ready() { # name pid waitready-command...
  local name=$1 pid=$2; shift 2
  local deadline=$(( $(date +%s) + READY_TIMEOUT ))
  while :; do
    [ -d "/proc/$pid" ] && [ "$(cut -d' ' -f3 "/proc/$pid/stat" 2>/dev/null)" != Z ] ||
      die "$name exited during start-up"
    if timeout 10 "$@" --timeout 2 >/dev/null 2>&1; then return 0; fi
    [ "$(date +%s)" -lt "$deadline" ] || die "$name not ready after ${READY_TIMEOUT}s"
    sleep 0.2
  done
}
wait_ready lxd "$LXD_PID" env LXD_DIR="$LXD_D" lxd waitready
wait_ready incusd "$INCUS_PID" env INCUS_DIR="$INCUS_D" INCUS_CONF="$INCUS_CONF_D" incus admin waitready
log "daemons ready after $(elapsed) (lxd pid $LXD_PID, incusd pid $INCUS_PID)"

# --- 3. storage, bridge, HTTPS ----------------------------------------------

run L storage create "$POOL" dir
run L profile device add default root disk path=/ pool="$POOL"
run I storage create "$POOL" dir
run I profile device add default root disk path=/ pool="$POOL"

# Both daemons share the host's network namespace, so their bridges need
# different interface names: the first free pair hakobrN (LXD) and hakobrN+1
# (Incus), normally hakobr0 and hakobr1. Bridges have no address, ever.
flock -w 300 9 || die "timed out waiting for $LOCK"
claimed=" "
for d in /tmp/hako-tb.*; do
  [ -d "$d" ] && [ "$d" != "$TB" ] && [ -s "$d/bridges" ] && tb_live "$d" && claimed+="$(tr '\n' ' ' < "$d/bridges") "
done
for dev in /sys/class/net/hakobr*; do
  [ -e "$dev" ] || continue
  b=${dev##*/}
  if [[ $claimed != *" $b "* ]]; then
    log "deleting orphan bridge $b"
    ip link del "$b" 2>/dev/null || true
  fi
done
n=0
while [ -e "/sys/class/net/hakobr$n" ] || [ -e "/sys/class/net/hakobr$((n + 1))" ] ||
      [[ $claimed == *" hakobr$n "* ]] || [[ $claimed == *" hakobr$((n + 1)) "* ]]; do
  n=$((n + 2))
done
LXD_BRIDGE=hakobr$n
INCUS_BRIDGE=hakobr$((n + 1))
printf '%s\n%s\n' "$LXD_BRIDGE" "$INCUS_BRIDGE" > "$TB/bridges"
run L network create "$LXD_BRIDGE" ipv4.address=none ipv6.address=none
run I network create "$INCUS_BRIDGE" ipv4.address=none ipv6.address=none
flock -u 9

port_free() {
  if command -v ss >/dev/null; then
    [ -z "$(ss -Hltn "sport = :$1" 2>/dev/null)" ]
  else
    ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
  fi
}
# set_https CLI-FUNCTION: listen on 127.0.0.1 on a free port; prints host:port
set_https() {
  local cli=$1 try p
  for try in 1 2 3 4 5 6 7 8 9 10; do
    p=$(( 10000 + RANDOM % 22000 ))   # below the ephemeral range
    port_free "$p" || continue
    echo "+ $cli config set core.https_address 127.0.0.1:$p" >> "$SETUP_LOG"
    if $cli config set core.https_address "127.0.0.1:$p" >> "$SETUP_LOG" 2>&1; then
      echo "127.0.0.1:$p"
      return 0
    fi
  done
  die "could not bind HTTPS on a free 127.0.0.1 port for $cli"
}
LXD_HTTPS=$(set_https L)
INCUS_HTTPS=$(set_https I)
TRUST_PASSWORD=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
echo "+ L config set core.trust_password ***" >> "$SETUP_LOG"
L config set core.trust_password "$TRUST_PASSWORD" >> "$SETUP_LOG" 2>&1 ||
  die "failed: lxc config set core.trust_password"

# --- 4. the busybox image ----------------------------------------------------

IMG=$TB/image
R=$IMG/rootfs
mkdir -p "$R"/{bin,sbin,etc,proc,sys,dev,tmp,root,var}
cp /bin/busybox "$R/bin/busybox"
for a in sh ls cat echo sleep ps mount hostname; do ln -s busybox "$R/bin/$a"; done
ln -s ../bin/busybox "$R/sbin/init"
printf '%s\n' '::sysinit:/bin/mount -t proc proc /proc' '::respawn:/bin/sleep 100000' > "$R/etc/inittab"
cat > "$IMG/metadata.yaml" <<EOF
architecture: $(uname -m)
creation_date: $(date +%s)
properties:
  description: busybox test image
  os: busybox
  release: "1"
EOF
TARBALL=$TB/busybox.tar.gz
run tar -C "$IMG" --numeric-owner -czf "$TARBALL" metadata.yaml rootfs
rm -rf "$IMG"
run L image import "$TARBALL" --alias "$IMAGE_ALIAS"
run I image import "$TARBALL" --alias "$IMAGE_ALIAS"

# --- 5. the env file ---------------------------------------------------------

{
  echo "# Hako test bed, written by src-test/testbed/start.sh; stop with stop.sh \"\$HAKO_TB_DIR\""
  for kv in \
    HAKO_TB_DIR="$TB" \
    HAKO_TB_LXD_DIR="$LXD_D" \
    HAKO_TB_LXD_SOCKET="$LXD_D/unix.socket" \
    HAKO_TB_LXD_HTTPS="$LXD_HTTPS" \
    HAKO_TB_LXD_TRUST_PASSWORD="$TRUST_PASSWORD" \
    HAKO_TB_LXD_CONF="$LXD_CONF_D" \
    HAKO_TB_LXD_BRIDGE="$LXD_BRIDGE" \
    HAKO_TB_LXD_SERVER_CERT="$LXD_D/server.crt" \
    HAKO_TB_LXD_PID="$LXD_PID" \
    HAKO_TB_INCUS_DIR="$INCUS_D" \
    HAKO_TB_INCUS_SOCKET="$INCUS_D/unix.socket" \
    HAKO_TB_INCUS_HTTPS="$INCUS_HTTPS" \
    HAKO_TB_INCUS_CONF="$INCUS_CONF_D" \
    HAKO_TB_INCUS_BRIDGE="$INCUS_BRIDGE" \
    HAKO_TB_INCUS_SERVER_CERT="$INCUS_D/server.crt" \
    HAKO_TB_INCUS_PID="$INCUS_PID" \
    HAKO_TB_IMAGE_ALIAS="$IMAGE_ALIAS" \
    HAKO_TB_IMAGE_TARBALL="$TARBALL" \
    HAKO_TB_POOL="$POOL" \
    HAKO_TB_BRIDGE="$LXD_BRIDGE"; do
    printf 'export %s=%q\n' "${kv%%=*}" "${kv#*=}"
  done
} > "$TB/env.tmp"
chmod 0600 "$TB/env.tmp"   # it holds the trust password
mv "$TB/env.tmp" "$TB/env"
rm -f "$TB/start.pid"
ok=1

log "ready in $(elapsed): $TB"
log "  lxd   socket $LXD_D/unix.socket  https $LXD_HTTPS  bridge $LXD_BRIDGE"
log "  incus socket $INCUS_D/unix.socket  https $INCUS_HTTPS  bridge $INCUS_BRIDGE"
log "  . $TB/env   then   LXD_DIR=\$HAKO_TB_LXD_DIR LXD_CONF=\$HAKO_TB_LXD_CONF lxc list"
echo "$TB"
