#!/usr/bin/env bash
# Installs what the build, the test bed and the UI tests need on a Debian 12
# machine: a JDK and Maven, LXD 5.0 from the main archive, Incus 6.0 (its
# daemon only, without QEMU) from bookworm-backports, and a virtual display
# with the GTK libraries and CJK fonts. Safe to run again: when everything is
# there it returns at once without touching apt.
set -euo pipefail

need=()
command -v lxd >/dev/null || need+=(lxd)
command -v lxc >/dev/null || need+=(lxd-client)
command -v iptables >/dev/null || need+=(iptables)       # LXD needs it to create a bridge
command -v dnsmasq >/dev/null || need+=(dnsmasq-base)    # checked even for an address-less bridge
command -v ip >/dev/null || need+=(iproute2)
dpkg -s busybox-static >/dev/null 2>&1 || need+=(busybox-static)   # the test image's only binary
command -v xz >/dev/null || need+=(xz-utils)             # the test image server repacks it as tar.xz
command -v Xvfb >/dev/null || need+=(xvfb)
command -v xvfb-run >/dev/null || need+=(xvfb)
command -v xauth >/dev/null || need+=(xauth)
dpkg -s libgtk-3-0 >/dev/null 2>&1 || need+=(libgtk-3-0)
dpkg -s libxtst6 >/dev/null 2>&1 || need+=(libxtst6)
dpkg -s libgl1 >/dev/null 2>&1 || need+=(libgl1)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || need+=(fonts-noto-cjk)
command -v import >/dev/null || need+=(imagemagick)
command -v javac >/dev/null || need+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null || need+=(maven)

backports=/etc/apt/sources.list.d/hako-bookworm-backports.sources
have_incus=1
{ [ -x /usr/libexec/incus/incusd ] && command -v incus >/dev/null; } || have_incus=0

if [ ${#need[@]} -eq 0 ] && [ $have_incus = 1 ]; then
  exit 0
fi
if [ "$(id -u)" != 0 ]; then
  echo "install.sh: missing ${need[*]} $([ $have_incus = 0 ] && echo incus); run it as root" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
if [ $have_incus = 0 ] && [ ! -f "$backports" ] &&
   ! grep -rqs '^[^#]*bookworm-backports' /etc/apt/sources.list /etc/apt/sources.list.d/; then
  # Reuse the archive URI of the machine's own Debian entry.
  uri=$(awk '/^URIs:/ && /debian\/?$/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
  [ -n "$uri" ] || uri=$(awk '$1=="deb" && $3=="bookworm" {print $2; exit}' /etc/apt/sources.list 2>/dev/null || true)
  [ -n "$uri" ] || { echo "install.sh: cannot find the Debian archive URI in the apt sources" >&2; exit 1; }
  cat > "$backports" <<SRC
Types: deb
URIs: $uri
Suites: bookworm-backports
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
fi

apt-get update -qq
if [ ${#need[@]} -gt 0 ]; then
  apt-get install -y -qq --no-install-recommends "${need[@]}"
fi
if [ $have_incus = 0 ]; then
  # incus-base has the daemon and (through incus-client) the CLI; the "incus"
  # package would add QEMU for virtual machines, which the tests do not use.
  apt-get install -y -qq --no-install-recommends -t bookworm-backports incus-base
fi
