# Sourced by populate.sh and depopulate.sh: finds the current test bed and
# the CLI that talks to one of its daemons.

# The test bed comes from the environment (". $TB/env"), or from HAKO_TB_DIR.
tb_load_env() {
  if [ -z "${HAKO_TB_LXD_DIR:-}" ] || [ -z "${HAKO_TB_INCUS_DIR:-}" ]; then
    if [ -n "${HAKO_TB_DIR:-}" ] && [ -f "$HAKO_TB_DIR/env" ]; then
      # shellcheck disable=SC1091
      . "$HAKO_TB_DIR/env"
    else
      echo "no test bed in the environment; first: TB=\$(src-test/testbed/start.sh | tail -1); . \"\$TB/env\"" >&2
      exit 2
    fi
  fi
  [ -S "$HAKO_TB_LXD_SOCKET" ] && [ -S "$HAKO_TB_INCUS_SOCKET" ] || {
    echo "the test bed $HAKO_TB_DIR is not running (no daemon socket)" >&2
    exit 2
  }
}

# tb_cli lxd|incus: sets CLI (the command, as an array) and CREATE (its
# verb for "create an instance without starting it")
tb_cli() {
  case "$1" in
    lxd) CLI=(env LXD_DIR="$HAKO_TB_LXD_DIR" LXD_CONF="$HAKO_TB_LXD_CONF" lxc); CREATE=init ;;
    incus) CLI=(env INCUS_DIR="$HAKO_TB_INCUS_DIR" INCUS_CONF="$HAKO_TB_INCUS_CONF" incus); CREATE=create ;;
    *) echo "unknown daemon '$1': lxd or incus" >&2; exit 2 ;;
  esac
}

tb_now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
tb_secs() { local ms=$(( $(tb_now_ms) - $1 )); printf '%d.%03ds' $((ms / 1000)) $((ms % 1000)); }
