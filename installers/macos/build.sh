#!/usr/bin/env bash
# Builds Hako's macOS disk image with jpackage (run on a Mac with a JDK 17+ and Maven):
#
#   installers/macos/build.sh            -> target/installer/dmg/Hako-<version>.dmg
#
# The image holds Hako.app (drag it to Applications); the version is the pom's; the
# runtime is trimmed with jlink (see ../common.sh). The app is not signed: pass
# --mac-sign and --mac-signing-key-user-name through HAKO_JPACKAGE_ARGS to sign it.
# AppCDS: an archive only maps at the path it was dumped for, and an .app is moved
# after the build, so with JDK 17 there is none; a JDK 19 or later builds the runtime
# with -XX:+AutoCreateSharedArchive, which writes it on the first start (when the
# app's folder is writable).
set -euo pipefail
OS=mac
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
OUT="$ROOT/target/installer"
# shellcheck source=../common.sh
. "$ROOT/installers/common.sh"

mkdir -p "$OUT"
collect_input
link_runtime
opts=("${JAVA_OPTIONS[@]}")
feature=$("$RUNTIME/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/.*java.specification.version = //p')
if [ "${feature:-17}" -ge 19 ]; then
  opts+=(-XX:+AutoCreateSharedArchive "-XX:SharedArchiveFile=\$APPDIR/hako.jsa")
fi
args=(--type dmg --dest "$OUT/dmg" --name "$APP_NAME" --app-version "$VERSION" --vendor "$VENDOR"
      --copyright "$COPYRIGHT" --description "$DESCRIPTION" --input "$INPUT" --main-jar "hako-$VERSION.jar"
      --main-class "$MAIN_CLASS" --runtime-image "$RUNTIME" --icon "$ROOT/icons/hako.icns"
      --mac-package-identifier dev.hako.Hako --mac-package-name Hako --mac-app-category public.app-category.developer-tools)
for o in "${opts[@]}"; do args+=(--java-options "$o"); done
rm -rf "$OUT/dmg"
log "jpackage --type dmg"
# shellcheck disable=SC2086
jpackage "${args[@]}" ${HAKO_JPACKAGE_ARGS:-}
log "built: $(ls "$OUT/dmg")"
