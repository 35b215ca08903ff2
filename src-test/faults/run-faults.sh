#!/usr/bin/env bash
# Hako's fault-injection suite (issue 19): runs every test named Fault* and prints a
# table of the scenarios: outcome, time Hako took to recover, and what data was checked
# afterwards.
#
#   src-test/faults/run-faults.sh            # unit fault tests, then the ITs on a test bed
#   src-test/faults/run-faults.sh --table    # only print the table of the last run
#
# The short scenarios (Fault*Test, no server) also run in the default `mvn test`.
# Fault*IT / Fault*UiTest need the test-bed daemons: when no test bed is sourced
# (HAKO_TB_LXD_SOCKET unset) this script starts one and stops it at the end.
# FaultSecretsIT (scenario 8) runs last, over what the other scenarios left behind.
#
# The outcome comes from the surefire/failsafe XML reports; the tests write their
# figures to target/faults/report/<Class>.<method>.txt (see FaultReport). A scenario
# with no test yet shows "not built"; one whose tests did not run shows "not run".
# Exit status: 0 only when every built scenario's tests ran and passed.
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT" || exit 1
LOG=target/faults/run-faults.log

table() {
  python3 - "$ROOT" <<'PY'
import glob, os, re, sys, xml.etree.ElementTree as ET
root = sys.argv[1]
names = {1: "Daemon restarted mid-session", 2: "Daemon hangs (SIGSTOP)", 3: "Daemon killed during a transfer",
         4: "Local disk full", 5: "Hako's own files damaged", 6: "Hostile or odd server answers",
         7: "Hostile input in the window", 8: "Secrets and permissions", 9: "Long run"}
src = os.path.join(root, "src-test/java/dev/hako/faults")
scenario_of = {}
for path in glob.glob(os.path.join(src, "Fault*.java")):
    m = re.search(r"FaultReport\.record\((\d+)", open(path, encoding="utf-8").read())
    if m:
        scenario_of[os.path.basename(path)[:-5]] = int(m.group(1))
rows = {n: [] for n in names}
seen = set()
for reports in ("surefire-reports", "failsafe-reports"):
    for xml in sorted(glob.glob(os.path.join(root, "target", reports, "TEST-dev.hako.faults.*.xml"))):
        for case in ET.parse(xml).getroot().iter("testcase"):
            cls = case.get("classname").rsplit(".", 1)[-1]
            method = re.split(r"[\[(]", case.get("name"))[0]
            index = re.search(r"\[(\d+)\]$", case.get("name"))
            outcome = "passed"
            for tag, word in (("failure", "FAILED"), ("error", "ERROR"), ("skipped", "skipped")):
                if case.find(tag) is not None:
                    outcome = word
            fig = {}
            rep = os.path.join(root, "target/faults/report", cls + "." + method + ".txt")
            if index:  # a parameterised test records each case as <method>.<n>
                rep = os.path.join(root, "target/faults/report", cls + "." + method + "." + index.group(1) + ".txt")
            if os.path.exists(rep) and outcome == "passed":
                for line in open(rep, encoding="utf-8"):
                    k, _, v = line.rstrip("\n").partition("=")
                    fig[k] = v
            n = int(fig.get("scenario", scenario_of.get(cls, 0)))
            ms = int(fig.get("recover_ms", "-1"))
            rec = "-" if ms < 0 else (f"{ms} ms" if ms < 10000 else f"{ms / 1000:.1f} s")
            rows.setdefault(n, []).append((cls + "." + method, outcome, rec, fig.get("data", "-")))
            seen.add(cls)
for cls, n in scenario_of.items():
    if cls not in seen and not cls.startswith("FaultReport"):
        rows.setdefault(n, []).append((cls, "not run", "-", "-"))
print("| # | Scenario | Test | Outcome | Time to recover | Data checked |")
print("|---|----------|------|---------|-----------------|--------------|")
failed = 0
for n in sorted(rows):
    if not rows[n]:
        print(f"| {n} | {names.get(n, '?')} | - | not built | - | - |")
        continue
    for test, outcome, rec, data in rows[n]:
        failed += outcome in ("FAILED", "ERROR", "not run")
        print(f"| {n} | {names.get(n, '?')} | {test} | {outcome} | {rec} | {data} |")
sys.exit(1 if failed else 0)
PY
}

if [ "${1:-}" = "--table" ]; then
  table
  exit $?
fi

mkdir -p target/faults
rm -rf target/faults/report
rm -f target/surefire-reports/*dev.hako.faults.* target/failsafe-reports/*dev.hako.faults.*
: > "$LOG"
echo "[faults] unit fault tests (Fault*Test) ..." >&2
mvn -B -o test -Dtest='Fault*Test,!Fault*UiTest' -Dsurefire.failIfNoSpecifiedTests=false >> "$LOG" 2>&1

TB=""
if [ -z "${HAKO_TB_LXD_SOCKET:-}" ]; then
  echo "[faults] starting a test bed ..." >&2
  TB=$(src-test/testbed/start.sh 2>>"$LOG" | tail -1)
  if [ -n "$TB" ] && [ -f "$TB/env" ]; then
    # shellcheck disable=SC1091
    . "$TB/env"
    trap 'bash src-test/testbed/stop.sh "$TB" >> "$LOG" 2>&1' EXIT
  else
    echo "[faults] no test bed: the ITs are not run (see $LOG)" >&2
    TB=""
  fi
fi
if [ -n "${HAKO_TB_LXD_SOCKET:-}" ]; then
  XVFB=()
  if [ -z "${DISPLAY:-}" ] && command -v xvfb-run >/dev/null; then
    XVFB=(xvfb-run -a -s "-screen 0 1600x1000x24")
  fi
  its=$(cd src-test/java/dev/hako/faults && ls Fault*IT.java Fault*UiTest.java 2>/dev/null \
        | sed 's/\.java$//' | grep -vx FaultSecretsIT | paste -sd, -)
  if [ -n "$its" ]; then
    echo "[faults] fault ITs ($its) ..." >&2
    "${XVFB[@]}" mvn -B -o verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
        -Dfailsafe.failIfNoSpecifiedTests=false -Dit.test="$its" >> "$LOG" 2>&1
  fi
  echo "[faults] scenario 8 (FaultSecretsIT), over what the others left ..." >&2
  mvn -B -o verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
      -Dfailsafe.failIfNoSpecifiedTests=false -Dit.test=FaultSecretsIT >> "$LOG" 2>&1
fi
echo "[faults] log: $LOG" >&2
table
