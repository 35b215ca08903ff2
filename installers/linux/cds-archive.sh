#!/bin/sh
# Dumps the AppCDS archive of an installed Hako (lib/app/hako.jsa) from the class
# list recorded at build time, for the class path the launcher uses. An archive only
# maps if the class path is the one it was dumped with, so this runs where the app is
# installed (the package's postinst, or after an app-image is unpacked). Without the
# archive Hako still starts, just slower.
#   lib/app/cds-archive.sh           write the archive
#   lib/app/cds-archive.sh --remove  delete it (before uninstall)
set -e
app=$(cd "$(dirname "$0")" && pwd -P)
if [ "${1:-}" = "--remove" ]; then
  rm -f "$app/hako.jsa"
  exit 0
fi
cfg=$(ls "$app"/*.cfg | head -n 1)
cp=$(sed -n 's/^app\.classpath=//p' "$cfg" | sed "s|\$APPDIR|$app|g" | paste -sd: -)
rm -f "$app/hako.jsa"
if ! "$app/../runtime/bin/java" -Xshare:dump -XX:SharedClassListFile="$app/hako.classlist" \
     -XX:SharedArchiveFile="$app/hako.jsa" -cp "$cp" >/dev/null 2>&1; then
  rm -f "$app/hako.jsa"
  echo "Hako: could not write the class data archive; Hako will start without it" >&2
fi
exit 0
