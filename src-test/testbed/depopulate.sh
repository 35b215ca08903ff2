#!/usr/bin/env bash
# Force-deletes every bench-* instance on one daemon of the current test bed.
#
#   . "$TB/env"; src-test/testbed/depopulate.sh [lxd|incus]
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
. "$HERE/lib.sh"

[ $# -le 1 ] || { echo "usage: depopulate.sh [lxd|incus]" >&2; exit 2; }
WHICH=${1:-lxd}
PAR=${HAKO_TB_PARALLEL:-4}
tb_load_env
tb_cli "$WHICH"

t0=$(tb_now_ms)
mapfile -t names < <("${CLI[@]}" list -c n -f csv | grep '^bench-' || true)
if [ ${#names[@]} -gt 0 ]; then
  printf '%s\n' "${names[@]}" |
    xargs -r -P "$PAR" -n 8 "${CLI[@]}" delete --force -q ||
    { echo "depopulate: deleting instances failed" >&2; exit 1; }
fi
echo "depopulate: deleted ${#names[@]} instances on $WHICH in $(tb_secs "$t0")" >&2
