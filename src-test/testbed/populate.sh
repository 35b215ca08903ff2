#!/usr/bin/env bash
# For benchmarks: N instances bench-0001 … bench-NNNN from the busybox image
# on one daemon of the current test bed, RUNNING of them started.
# Instances that already exist are kept (it only adds what is missing).
#
# With --addresses, each running one also gets an eth0 on the test bed's bridge
# (which has no address) and, inside, an address of the documentation ranges:
# bench-0001 192.0.2.1/24 … bench-0254 192.0.2.254, then 198.51.100.x and
# 203.0.113.x (762 at most). Such addresses reach nothing; they give the address
# columns something to show. Lost when an instance restarts: run it again.
#
#   . "$TB/env"; src-test/testbed/populate.sh 1000 50 lxd [--addresses]
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
. "$HERE/lib.sh"

usage() { echo "usage: populate.sh N RUNNING [lxd|incus] [--addresses]" >&2; exit 2; }
ADDRESSES=0
args=()
for a in "$@"; do
  if [ "$a" = --addresses ]; then ADDRESSES=1; else args+=("$a"); fi
done
set -- "${args[@]}"
[ $# -ge 2 ] && [ $# -le 3 ] || usage
N=$1 RUNNING=$2 WHICH=${3:-lxd}
[[ $N =~ ^[0-9]+$ && $RUNNING =~ ^[0-9]+$ ]] || usage
[ "$RUNNING" -le "$N" ] || { echo "RUNNING ($RUNNING) is more than N ($N)" >&2; exit 2; }
[ "$ADDRESSES" = 0 ] || [ "$RUNNING" -le 762 ] || { echo "--addresses: at most 762 running" >&2; exit 2; }
PAR=${HAKO_TB_PARALLEL:-4}
tb_load_env
tb_cli "$WHICH"
# The CLI warns on stderr that an instance has no network (by design here);
# keep its stderr and show it only when something fails.
errs=$(mktemp)
trap 'rm -f "$errs"' EXIT
failed() { cat "$errs" >&2; echo "populate: $1 failed" >&2; exit 1; }

t0=$(tb_now_ms)
declare -A state=()
while IFS=, read -r name st; do
  state[$name]=$st
done < <("${CLI[@]}" list -c ns -f csv | grep '^bench-' || true)

todo=()
for ((i = 1; i <= N; i++)); do
  printf -v name 'bench-%04d' "$i"
  [ -n "${state[$name]:-}" ] || todo+=("$name")
done
if [ ${#todo[@]} -gt 0 ]; then
  printf '%s\n' "${todo[@]}" |
    xargs -r -P "$PAR" -n 1 "${CLI[@]}" "$CREATE" -q "${HAKO_TB_IMAGE_ALIAS:-busybox}" 2>"$errs" ||
    failed "creating instances"
fi
echo "populate: created ${#todo[@]} instances on $WHICH in $(tb_secs "$t0") ($(( N - ${#todo[@]} )) already there)" >&2

t1=$(tb_now_ms)
start=()
for ((i = 1; i <= RUNNING; i++)); do
  printf -v name 'bench-%04d' "$i"
  [ "${state[$name]:-}" = RUNNING ] || start+=("$name")
done
if [ ${#start[@]} -gt 0 ]; then
  printf '%s\n' "${start[@]}" |
    xargs -r -P "$PAR" -n 4 "${CLI[@]}" start -q 2>"$errs" ||
    failed "starting instances"
fi
echo "populate: started ${#start[@]} instances in $(tb_secs "$t1"); total $(tb_secs "$t0")" >&2

[ "$ADDRESSES" = 1 ] || exit 0
t2=$(tb_now_ms)
case "$WHICH" in lxd) BRIDGE=$HAKO_TB_LXD_BRIDGE ;; *) BRIDGE=$HAKO_TB_INCUS_BRIDGE ;; esac
# address I: the I-th address of the documentation ranges 192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24
address() {
  local nets=(192.0.2 198.51.100 203.0.113) k=$(( ($1 - 1) / 254 ))
  echo "${nets[$k]}.$(( ($1 - 1) % 254 + 1 ))"
}
# give NAME ADDRESS: an eth0 on the bridge (kept if it is there), then the address inside
give() {
  "${CLI[@]}" config device add "$1" eth0 nic nictype=bridged parent="$BRIDGE" name=eth0 >/dev/null 2>&1 ||
    "${CLI[@]}" config device get "$1" eth0 type >/dev/null
  "${CLI[@]}" exec "$1" -- /bin/busybox sh -c \
    "/bin/busybox ip link set eth0 up && /bin/busybox ip addr add $2/24 dev eth0"
}
declare -A v4=()
while IFS=, read -r name ips; do
  v4[$name]=$ips
done < <("${CLI[@]}" list -c n4 -f csv | grep '^bench-' || true)
gone=$(mktemp)
trap 'rm -f "$errs" "$gone"' EXIT
given=0
for ((i = 1; i <= RUNNING; i++)); do
  printf -v name 'bench-%04d' "$i"
  [ -z "${v4[$name]:-}" ] || continue
  { give "$name" "$(address "$i")" || echo "$name" >> "$gone"; } 2>>"$errs" &
  given=$((given + 1))
  while [ "$(jobs -rp | wc -l)" -ge "$PAR" ]; do wait -n || true; done
done
wait
[ ! -s "$gone" ] || failed "giving addresses to $(wc -l < "$gone") instances"
echo "populate: gave ${given} instances an address in $(tb_secs "$t2")" >&2
