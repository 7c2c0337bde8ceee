#!/bin/sh
# Dossier's developer entry point, for a fresh Debian 12 machine.
#
#   build-aux/dev.sh run [ARGS…]   install what is missing, build, open Dossier
#   build-aux/dev.sh test          install what is missing, build, run every test
#   build-aux/dev.sh asan          the unit and UI tests built with AddressSanitizer
#                                  and UndefinedBehaviorSanitizer (in build-asan/)
#   build-aux/dev.sh valgrind      the unit and UI tests under valgrind's memcheck
#   build-aux/dev.sh fuzz          the libFuzzer targets, built with clang (in
#                                  build-fuzz/), 20 s each; DOSSIER_FUZZ_SECONDS=600
#                                  for a longer run
#
# Packages are installed with apt-get, as root or through sudo.
set -eu

cd "$(dirname "$0")/.."

PACKAGES="build-essential meson ninja-build pkg-config gettext
libglib2.0-dev libglib2.0-bin libgtk-4-dev libgtk-4-bin libsqlite3-dev libjson-glib-dev libjson-glib-1.0-common
desktop-file-utils appstream locales
xvfb xauth dbus dbus-x11 at-spi2-core python3-pyatspi gir1.2-atspi-2.0 xdotool imagemagick poppler-utils
fonts-dejavu-core fonts-cantarell adwaita-icon-theme valgrind"

install_missing () {
  missing=""
  for package in $PACKAGES "$@"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
      missing="$missing $package"
    fi
  done
  [ -z "$missing" ] && return 0

  echo "Installing:$missing"
  if [ "$(id -u)" -eq 0 ]; then
    sudo=""
  elif command -v sudo >/dev/null 2>&1; then
    sudo="sudo"
  else
    echo "dev.sh: these packages are missing and neither root nor sudo is available:$missing" >&2
    exit 1
  fi
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -q
  # shellcheck disable=SC2086
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $missing
}

build () {
  if [ ! -f build/build.ninja ]; then
    meson setup build
  fi
  meson compile -C build
}

# Tests that open windows run in a virtual X server, on a session bus of
# their own; GSK_RENDERER=cairo gives the same pixels on every machine.
in_display () {
  dbus-run-session -- xvfb-run -a -s "-screen 0 1280x800x24" \
    env GSK_RENDERER=cairo GDK_BACKEND=x11 GSETTINGS_BACKEND=memory "$@"
}

command=${1:-run}
[ $# -gt 0 ] && shift

case "$command" in
  run)
    install_missing
    build
    exec ./build/src/dossier "$@"
    ;;
  test)
    install_missing
    build
    in_display meson test -C build --print-errorlogs "$@"
    ;;
  asan)
    install_missing
    if [ ! -f build-asan/build.ninja ]; then
      meson setup build-asan -Db_sanitize=address,undefined
    fi
    meson compile -C build-asan
    in_display meson test -C build-asan --setup asan --print-errorlogs "$@"
    ;;
  valgrind)
    install_missing
    build
    in_display meson test -C build --setup valgrind --print-errorlogs "$@"
    ;;
  fuzz)
    install_missing clang
    if [ ! -f build-fuzz/build.ninja ]; then
      CC=clang meson setup build-fuzz -Dfuzzing=true -Db_sanitize=address,undefined
    fi
    # Only the core library and the targets: the fuzz suite needs nothing else.
    meson compile -C build-fuzz tests/fuzz/fuzz-case-json tests/fuzz/fuzz-shares-csv tests/fuzz/fuzz-dates
    meson test -C build-fuzz --no-rebuild --suite fuzz --print-errorlogs "$@"
    ;;
  *)
    echo "usage: $0 run [ARGS…] | test|asan|valgrind|fuzz [MESON TEST ARGS…]" >&2
    exit 2
    ;;
esac
