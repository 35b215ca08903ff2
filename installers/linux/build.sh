#!/usr/bin/env bash
# Builds Hako's Linux packages with jpackage:
#
#   installers/linux/build.sh [deb|rpm|app-image]...     (default: deb)
#
# Results land in target/installer/<type>/:
#   deb        hako_<version>_amd64.deb  — installs to /opt/hako, menu entry "Hako"
#              (System/Utility), launcher /opt/hako/bin/Hako; its postinst dumps the
#              AppCDS archive. Needs fakeroot and dpkg-deb (installed here if missing).
#   rpm        hako-<version>-1.x86_64.rpm — same layout; needs rpmbuild (the rpm package).
#   app-image  Hako/ — a self-contained directory, bin/Hako starts it; its AppCDS archive
#              is dumped in place (move the directory and run lib/app/cds-archive.sh again).
#
# The version is the pom's. The runtime is trimmed with jlink (see ../common.sh).
set -euo pipefail
OS=linux
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
OUT="$ROOT/target/installer"
HERE="$ROOT/installers/linux"
# shellcheck source=../common.sh
. "$ROOT/installers/common.sh"

TYPES=("$@")
[ ${#TYPES[@]} -gt 0 ] || TYPES=(deb)
APP_DIR=/opt/hako

need=()
for t in "${TYPES[@]}"; do
  case "$t" in
    deb) command -v fakeroot >/dev/null || need+=(fakeroot); command -v dpkg-deb >/dev/null || need+=(dpkg) ;;
    rpm) command -v rpmbuild >/dev/null || need+=(rpm) ;;
    app-image) ;;
    *) echo "usage: $0 [deb|rpm|app-image]..." >&2; exit 2 ;;
  esac
done
command -v xvfb-run >/dev/null || [ -n "${DISPLAY:-}" ] || need+=(xvfb xauth)
command -v unzip >/dev/null || need+=(unzip)
if [ ${#need[@]} -gt 0 ]; then
  [ "$(id -u)" = 0 ] || { log "missing ${need[*]}; install them or run as root"; exit 1; }
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}"
fi

mkdir -p "$OUT"
collect_input
cp "$HERE/cds-archive.sh" "$INPUT/cds-archive.sh"
link_runtime
record_class_list

# Package scripts and the desktop entry, with the install directory filled in.
RES="$OUT/resources-linux"
rm -rf "$RES"
mkdir -p "$RES"
for f in postinst prerm hako.spec Hako.desktop; do
  sed "s|@APP_DIR@|$APP_DIR|g" "$HERE/resources/$f" > "$RES/$f"
done
chmod +x "$RES/postinst" "$RES/prerm"
cp "$ROOT/icons/png/hako-256.png" "$RES/Hako.png"

common=(--name "$APP_NAME" --app-version "$VERSION" --vendor "$VENDOR" --copyright "$COPYRIGHT"
        --description "$DESCRIPTION" --input "$INPUT" --main-jar "hako-$VERSION.jar" --main-class "$MAIN_CLASS"
        --runtime-image "$RUNTIME" --icon "$ROOT/icons/png/hako-256.png" --resource-dir "$RES")
opts=("${JAVA_OPTIONS[@]}" "-XX:SharedArchiveFile=\$APPDIR/hako.jsa" -Xshare:auto)
for o in "${opts[@]}"; do common+=(--java-options "$o"); done
package=(--install-dir /opt --linux-package-name hako --linux-menu-group "System;Utility;"
         --linux-shortcut --linux-app-category admin --linux-deb-maintainer "hako@localhost"
         --linux-rpm-license-type "Apache-2.0" --linux-app-release 1)

for t in "${TYPES[@]}"; do
  dest="$OUT/$t"
  rm -rf "$dest"
  mkdir -p "$dest"
  log "jpackage --type $t"
  start=$(date +%s)
  if [ "$t" = app-image ]; then
    jpackage --type app-image --dest "$dest" "${common[@]}"
    "$dest/$APP_NAME/lib/app/cds-archive.sh"
  else
    jpackage --type "$t" --dest "$dest" "${common[@]}" "${package[@]}"
  fi
  log "$t built in $(( $(date +%s) - start )) s: $(ls "$dest")"
done
