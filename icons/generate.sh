#!/usr/bin/env bash
# Renders every icon the window, the installers and the desktop entry need from
# the master hako.svg, with Debian's tools:
#   rsvg-convert (librsvg2-bin)  SVG -> PNG 16 … 1024
#   convert (imagemagick)        PNGs -> hako.ico (Windows, 16 … 256)
#   png2icns (icnsutils)         PNGs -> hako.icns (macOS, 16 … 1024)
# and copies the sizes the JavaFX window uses into app/resources/dev/hako/icons/.
# Missing tools are installed with apt-get when run as root. Run it after
# changing hako.svg and commit what it writes.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
cd "$HERE"

need=()
command -v rsvg-convert >/dev/null || need+=(librsvg2-bin)
[ -x /usr/bin/convert ] || need+=(imagemagick)
command -v png2icns >/dev/null || need+=(icnsutils)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "generate.sh: missing ${need[*]}; install them or run as root" >&2
    exit 1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}"
fi

SIZES=(16 24 32 48 64 128 256 512 1024)
mkdir -p png
for s in "${SIZES[@]}"; do
  rsvg-convert -w "$s" -h "$s" hako.svg -o "png/hako-$s.png"
done
# Only the sizes each format knows; /usr/bin/convert is ImageMagick itself.
/usr/bin/convert png/hako-16.png png/hako-24.png png/hako-32.png png/hako-48.png png/hako-64.png \
  png/hako-128.png png/hako-256.png hako.ico
png2icns hako.icns png/hako-16.png png/hako-32.png png/hako-48.png png/hako-128.png png/hako-256.png \
  png/hako-512.png png/hako-1024.png >/dev/null

# Stage icons: the window manager picks the best of these.
RES="$ROOT/app/resources/dev/hako/icons"
mkdir -p "$RES"
for s in 16 24 32 48 64 128 256; do
  cp "png/hako-$s.png" "$RES/hako-$s.png"
done
echo "icons written to $HERE and $RES"
