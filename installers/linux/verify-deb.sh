#!/usr/bin/env bash
# Checks the Linux package end to end on this machine:
#   1. builds target/installer/deb/hako_*.deb (skip with --no-build when it exists),
#   2. installs it with dpkg and checks the files, the desktop entry and the AppCDS archive,
#   3. starts the installed launcher /opt/hako/bin/Hako under Xvfb as a user with no
#      server, waits for its first frame and saves a screenshot of the screen to
#      target/screenshots/installed-deb.png,
#   4. removes the package and checks that nothing of it is left.
# Must run as root (dpkg). Not part of the test command: it takes a minute and a core.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
log() { printf '[verify-deb] %s\n' "$*" >&2; }
fail() { log "FAILED: $*"; exit 1; }
[ "$(id -u)" = 0 ] || fail "run as root (dpkg -i)"

if [ "${1:-}" != "--no-build" ] || ! ls target/installer/deb/hako_*.deb >/dev/null 2>&1; then
  bash installers/linux/build.sh deb
fi
DEB=$(ls target/installer/deb/hako_*.deb | head -n 1)
log "package $DEB ($(du -h "$DEB" | cut -f1))"
dpkg-deb --info "$DEB" | sed -n 's/^ \(Package\|Version\|Architecture\|Section\|Depends\):/  \1:/p' >&2

installed() { [ "$(dpkg-query -W -f='${db:Status-Abbrev}' hako 2>/dev/null)" = "ii " ]; }
known() { dpkg-query -W hako >/dev/null 2>&1; }
if known; then
  log "purging a Hako installed before"
  dpkg --purge hako >/dev/null
fi
XVFB_PID=""
cleanup() {
  [ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null || true
  if known && [ "${KEEP:-}" != 1 ]; then dpkg --purge hako >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT

# dpkg does not fetch dependencies: install the ones missing (xdg-utils, GTK …) first.
missing=()
for dep in $(dpkg-deb -f "$DEB" Depends | tr -d ','); do
  dpkg -s "$dep" >/dev/null 2>&1 || missing+=("$dep")
done
if [ ${#missing[@]} -gt 0 ]; then
  log "installing the package's dependencies: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
log "dpkg -i"
dpkg -i "$DEB" >/dev/null
installed || fail "dpkg did not finish installing hako"
[ -x /opt/hako/bin/Hako ] || fail "no launcher /opt/hako/bin/Hako"
[ -s /opt/hako/lib/app/hako.jsa ] || fail "postinst did not dump the AppCDS archive"
desktop=$(dpkg -L hako | grep '\.desktop$' | head -n 1)
[ -n "$desktop" ] || fail "no desktop entry in the package"
# jpackage installs the entry with xdg-desktop-menu when it is there; the file itself is in the package.
grep -q '^Exec=/opt/hako/bin/Hako' "$desktop" || fail "desktop entry does not start the launcher"
grep -q '^Categories=System;Utility;' "$desktop" || fail "desktop entry has no menu category"
grep -q '^Icon=/opt/hako/lib/Hako.png' "$desktop" || fail "desktop entry has no icon"
cmp -s /opt/hako/lib/Hako.png icons/png/hako-256.png || fail "installed icon is not Hako's"
menu=/usr/share/applications/hako-Hako.desktop
if [ -e "$menu" ]; then
  log "menu entry registered: $menu"
else
  log "menu entry not registered: this machine has no desktop menu (xdg-desktop-menu needs one)"
fi
log "installed: launcher, desktop entry $desktop, icon, AppCDS archive ($(du -h /opt/hako/lib/app/hako.jsa | cut -f1))"

log "starting the installed launcher under Xvfb"
mkdir -p target/screenshots
DISPLAY_NUM=:97
Xvfb $DISPLAY_NUM -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
XVFB_PID=$!
for _ in $(seq 50); do [ -e /tmp/.X11-unix/X97 ] && break; sleep 0.1; done
home=$(mktemp -d)
out=$(mktemp)
env -i PATH=/usr/bin:/bin HOME="$home" DISPLAY=$DISPLAY_NUM LANG=C.UTF-8 \
  JAVA_TOOL_OPTIONS="-Dhako.startup.report=true -Xshare:auto -Xlog:cds=info:file=$home/cds.log" \
  /opt/hako/bin/Hako >"$out" 2>&1 &
APP_PID=$!
for _ in $(seq 600); do grep -q '^hako.firstFrame=' "$out" && break; kill -0 $APP_PID 2>/dev/null || break; sleep 0.1; done
grep -q '^hako.firstFrame=' "$out" || { cat "$out" >&2; fail "the installed app showed no window"; }
sleep 2   # let the window manager-less server paint the whole window
import -display $DISPLAY_NUM -window root target/screenshots/installed-deb.png
kill $APP_PID 2>/dev/null || true
wait $APP_PID 2>/dev/null || true
grep -q 'Mapped static\|Mapped dynamic' "$home/cds.log" || { cat "$home/cds.log" >&2; fail "the AppCDS archive was not used"; }
grep -q 'Opened archive /opt/hako/lib/app/hako.jsa' "$home/cds.log" || fail "the app's archive was not opened"
[ ! -d "$home/.openjfx" ] || fail "JavaFX unpacked its native libraries into the home directory"
log "window shown, AppCDS archive mapped; screenshot target/screenshots/installed-deb.png"
rm -rf "$home" "$out"

log "dpkg -r"
dpkg -r hako >/dev/null
installed && fail "package still installed"
[ -z "$(dpkg-query -W -f='${Conffiles}' hako 2>/dev/null)" ] || fail "configuration files left"
dpkg --purge hako >/dev/null 2>&1 || true
known && fail "dpkg still knows hako after purge"
[ ! -e /opt/hako ] || { find /opt/hako >&2; fail "/opt/hako left behind"; }
[ ! -e "$desktop" ] && [ ! -e "$menu" ] || fail "desktop entry left behind"
log "removed cleanly: no /opt/hako, no desktop entry"
log "OK"
