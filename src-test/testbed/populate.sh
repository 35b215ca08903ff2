#!/usr/bin/env bash
# For benchmarks: N instances bench-0001 … bench-NNNN from the busybox image
# on one daemon of the current test bed, RUNNING of them started.
# Instances that already exist are kept (it only adds what is missing).
#
#   . "$TB/env"; src-test/testbed/populate.sh 1000 50 lxd
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
. "$HERE/lib.sh"

usage() { echo "usage: populate.sh N RUNNING [lxd|incus]" >&2; exit 2; }
[ $# -ge 2 ] && [ $# -le 3 ] || usage
N=$1 RUNNING=$2 WHICH=${3:-lxd}
[[ $N =~ ^[0-9]+$ && $RUNNING =~ ^[0-9]+$ ]] || usage
[ "$RUNNING" -le "$N" ] || { echo "RUNNING ($RUNNING) is more than N ($N)" >&2; exit 2; }
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
