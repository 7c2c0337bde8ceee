#!/bin/sh
# `meson install --destdir` into a temporary folder installs the executable,
# the window's module, the desktop file, the metainfo, the icon and the
# translations.
# Usage: test-install.sh BUILD_DIR PREFIX BINDIR DATADIR LOCALEDIR LIBDIR   (prints TAP)
set -u
build=$1 prefix=$2 bindir=$3 datadir=$4 localedir=$5 libdir=$6
dest=$(mktemp -d)
trap 'rm -rf "$dest"' EXIT

case "$bindir" in /*) ;; *) bindir="$prefix/$bindir" ;; esac
case "$datadir" in /*) ;; *) datadir="$prefix/$datadir" ;; esac
case "$localedir" in /*) ;; *) localedir="$prefix/$localedir" ;; esac
case "$libdir" in /*) ;; *) libdir="$prefix/$libdir" ;; esac

n=0 fails=0
if out=$(meson install -C "$build" --no-rebuild --destdir "$dest" 2>&1); then
  n=$((n + 1)); echo "ok $n - meson install --destdir succeeds"
else
  n=$((n + 1)); fails=$((fails + 1)); echo "not ok $n - meson install --destdir"
  echo "$out" | sed 's/^/# /'
fi

check () {
  n=$((n + 1))
  if [ -s "$dest$2" ]; then
    echo "ok $n - installs $1"
  else
    fails=$((fails + 1)); echo "not ok $n - installs $1 ($2)"
  fi
}
check "the executable" "$bindir/dossier"
check "the window's module" "$libdir/dossier/libdossier-ui.so"
check "the desktop file" "$datadir/applications/io.github.dossier.Dossier.desktop"
check "the metainfo" "$datadir/metainfo/io.github.dossier.Dossier.metainfo.xml"
check "the icon" "$datadir/icons/hicolor/scalable/apps/io.github.dossier.Dossier.svg"
check "the French translation" "$localedir/fr/LC_MESSAGES/dossier.mo"

n=$((n + 1))
if [ -x "$dest$bindir/dossier" ] && "$dest$bindir/dossier" --version | grep -q '^Dossier '; then
  echo "ok $n - the installed executable runs"
else
  fails=$((fails + 1)); echo "not ok $n - the installed executable runs"
fi

echo "1..$n"
[ $fails -eq 0 ]
