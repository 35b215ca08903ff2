#!/usr/bin/env bash
# Stops the test bed that start.sh made and removes every trace of it:
# SIGKILL for its containers ("[lxc monitor]" processes and all under them),
# SIGTERM for both daemons (time-limited, then SIGKILL for whatever of that
# test bed still runs: daemons, fork* helpers), the containers' empty
# cgroups, lazy unmount of everything mounted under the directory (deepest
# first), deletion of its bridges, and removal of the directory.
#
#   src-test/testbed/stop.sh /tmp/hako-tb.XXXX      (or with HAKO_TB_DIR set)
#
# It never hangs and never fails its caller: problems are warnings, exit is 0.
set -u

STOP_TIMEOUT=${HAKO_TB_STOP_TIMEOUT:-20}
warn() { printf '[testbed] stop: %s\n' "$*" >&2; }
started_ns=$(date +%s%N)

TB=${1:-${HAKO_TB_DIR:-}}
[ -n "$TB" ] || { warn "usage: stop.sh TBDIR"; exit 0; }
TB=${TB%/}
case "${TB##*/}" in
  hako-tb.*) ;;
  *) warn "refusing '$TB': not a test-bed directory (/tmp/hako-tb.*)"; exit 0 ;;
esac
case "$TB" in
  /*) ;;
  *) TB=$(cd "$(dirname "$TB")" 2>/dev/null && pwd)/${TB##*/} ;;
esac
if [ ! -d "$TB" ]; then
  warn "$TB does not exist (already stopped?)"
  exit 0
fi

cmdline_of() { { tr '\0' ' ' < "/proc/$1/cmdline"; } 2>/dev/null || true; }
alive() { # pid: running and not a zombie
  [ -n "$1" ] && [ -d "/proc/$1" ] && [ "$(cut -d' ' -f3 "/proc/$1/stat" 2>/dev/null)" != Z ]
}
pid_from() { [ -s "$1" ] && cat "$1" 2>/dev/null || true; }
lxd_pid=$(pid_from "$TB/lxd.pid")
incus_pid=$(pid_from "$TB/incusd.pid")

# Processes of the lxd/incusd binaries whose command line names this test bed
# (daemon, "[lxc monitor] $TB/lxd/containers NAME", fork* helpers), plus all
# their descendants (the containers' init and everything under it).
tb_pids() { # [monitors]: only the containers
  local only_monitors=${1:-}
  local p pid stat comm rest ppid
  local -A parent=() seed=()
  for p in /proc/[0-9]*; do
    pid=${p#/proc/}
    { read -r stat < "$p/stat"; } 2>/dev/null || continue
    comm=${stat#*(}; comm=${comm%)*}
    rest=${stat##*) }          # "state ppid ..."
    [ "${rest%% *}" = Z ] && continue
    ppid=${rest#* }; ppid=${ppid%% *}
    parent[$pid]=$ppid
    case "$comm" in lxd|incusd|lxc|incus) ;; *) continue ;; esac
    if [ -n "$only_monitors" ]; then
      [[ $(cmdline_of "$pid") == "[lxc monitor] $TB/"* ]] && seed[$pid]=1
    else
      [[ $(cmdline_of "$pid") == *"$TB/"* ]] && seed[$pid]=1
    fi
  done
  [ -n "$only_monitors" ] || for pid in "$lxd_pid" "$incus_pid"; do
    alive "$pid" && [[ $(cmdline_of "$pid") == *"$TB/"* ]] && seed[$pid]=1
  done
  [ ${#seed[@]} -eq 0 ] && return 0
  # descendants: repeat until no new pid joins
  local -A all=()
  for pid in "${!seed[@]}"; do all[$pid]=1; done
  local grew=1
  while [ $grew = 1 ]; do
    grew=0
    for pid in "${!parent[@]}"; do
      [ -n "${all[$pid]:-}" ] && continue
      if [ -n "${all[${parent[$pid]}]:-}" ]; then all[$pid]=1; grew=1; fi
    done
  done
  [ -n "${all[$$]:-}" ] && unset "all[$$]"
  echo "${!all[@]}"
}
kill_all() { # [monitors]
  local round pids
  for round in 1 2 3 4 5 6 7 8 9 10; do
    pids=$(tb_pids "${1:-}")
    [ -z "$pids" ] && return 0
    [ "$round" = 1 ] && [ -z "${1:-}" ] && warn "killing leftover processes: $pids"
    # shellcheck disable=SC2086
    kill -KILL $pids 2>/dev/null
    sleep 0.3
  done
  pids=$(tb_pids "${1:-}")
  [ -n "$pids" ] && warn "processes still alive: $pids"
  return 0
}

# --- 1. kill the containers ---------------------------------------------------
# A test bed is thrown away, so its containers need no clean stop. (With
# running containers "lxd shutdown" stops them one by one, 20 take ~27 s, and
# "incus admin shutdown" can hang on an instance's operation lock.)
kill_all monitors

# --- 2. stop the daemons: SIGTERM, time-limited ------------------------------
# On SIGTERM both daemons exit without touching instances (SIGPWR, which
# "shutdown" sends, would stop them first) and unmount what they mounted.
daemons=()
for pid in "$lxd_pid" "$incus_pid"; do
  alive "$pid" && [[ $(cmdline_of "$pid") == *"$TB/"* ]] && daemons+=("$pid")
done
if [ ${#daemons[@]} -gt 0 ]; then
  kill -TERM "${daemons[@]}" 2>/dev/null
  deadline=$(( $(date +%s) + STOP_TIMEOUT ))
  while :; do
    left=()
    for pid in "${daemons[@]}"; do alive "$pid" && left+=("$pid"); done
    [ ${#left[@]} -eq 0 ] && break
    if [ "$(date +%s)" -ge "$deadline" ]; then
      warn "daemon(s) ${left[*]} still running ${STOP_TIMEOUT}s after SIGTERM; killing them"
      for pid in "${left[@]}"; do
        case "$pid" in
          "$lxd_pid") tail -n 5 "$TB/lxd/lxd.log" >&2 ;;
          "$incus_pid") tail -n 5 "$TB/incus/incusd.log" >&2 ;;
        esac
      done
      break
    fi
    sleep 0.1
  done
fi

# --- 3. kill what remains ----------------------------------------------------
kill_all

# Killed containers leave their (now empty) cgroups behind; rmdir only ever
# removes empty ones, so a same-named container of another test bed is safe.
for c in "$TB"/*/containers/*; do
  [ -e "$c" ] || [ -L "$c" ] || continue
  name=${c##*/}
  for base in /sys/fs/cgroup /sys/fs/cgroup/*; do
    # LXC adds -1, -2… when the name is taken (LXD's and Incus's "c1")
    for cg in "$base/lxc.payload.$name" "$base/lxc.monitor.$name" \
              "$base/lxc.payload.$name"-[0-9]* "$base/lxc.monitor.$name"-[0-9]*; do
      [ -d "$cg" ] && find "$cg" -depth -type d -exec rmdir {} + 2>/dev/null
    done
  done
done

# --- 4. unmount everything under the directory, deepest first ----------------
tb_mounts() {
  local mp
  while read -r _ _ _ _ mp _; do
    mp=$(printf '%b' "$mp")     # mountinfo escapes spaces etc. as \040
    if [ "$mp" = "$TB" ] || [ "${mp#"$TB"/}" != "$mp" ]; then
      printf '%d %s\n' "${#mp}" "$mp"
    fi
  done < /proc/self/mountinfo | sort -rn | cut -d' ' -f2-
}
for round in 1 2 3 4 5; do
  mounts=$(tb_mounts)
  [ -z "$mounts" ] && break
  while IFS= read -r m; do
    timeout 20 umount -l "$m" 2>/dev/null || timeout 20 umount -l -f "$m" 2>/dev/null ||
      warn "could not unmount $m"
  done <<< "$mounts"
done
[ -n "$(tb_mounts)" ] && warn "still mounted: $(tb_mounts | tr '\n' ' ')"

# --- 5. its bridges ------------------------------------------------------------
if [ -s "$TB/bridges" ]; then
  while IFS= read -r b; do
    [ -n "$b" ] && [ -e "/sys/class/net/$b" ] || continue
    ip link del "$b" 2>/dev/null || warn "could not delete bridge $b"
  done < "$TB/bridges"
fi

# --- 6. the directory ----------------------------------------------------------
# --one-file-system: never follow into something that is still mounted.
if [ -z "$(tb_mounts)" ]; then
  timeout 300 rm -rf --one-file-system "$TB" 2>/dev/null || warn "could not remove all of $TB"
else
  warn "leaving $TB in place: something is still mounted under it"
fi

ms=$(( ($(date +%s%N) - started_ns) / 1000000 ))
printf '[testbed] stopped %s in %d.%03ds\n' "$TB" $((ms / 1000)) $((ms % 1000)) >&2
exit 0
