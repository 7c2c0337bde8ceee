#!/bin/sh
# Takes screenshots of Dossier's main views, in English and French, light and
# dark, for the README. Needs the build (build-aux/dev.sh run) and
# imagemagick, xdotool and python3-pyatspi.
#
# Usage: build-aux/screenshots.sh [OUTDIR]     (default: data/screenshots)
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$top/data/screenshots}
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# A French locale of our own (Debian ships only C and C.UTF-8).
mkdir -p "$work/locale"
localedef -i fr_FR -f UTF-8 "$work/locale/fr_FR.UTF-8" 2>/dev/null || true
[ -e "$work/locale/fr_FR.UTF-8/LC_NUMERIC" ] || { echo "screenshots.sh: cannot build the French locale (install locales)" >&2; exit 1; }

for lang in en fr; do
  for theme in light dark; do
    case $lang in en) locale=C.UTF-8 ;; fr) locale=fr_FR.UTF-8 ;; esac
    case $theme in light) gtk_theme=Adwaita ;; dark) gtk_theme=Adwaita:dark ;; esac
    rm -rf "$work/data"
    xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- \
      env LOCPATH="$work/locale" LC_ALL=$locale LANGUAGE=$lang GTK_THEME=$gtk_theme \
          XDG_DATA_HOME="$work/data" GSK_RENDERER=cairo GDK_BACKEND=x11 GSETTINGS_BACKEND=memory \
          GTK_A11Y=atspi \
      /usr/bin/python3 "$top/build-aux/screenshot-views.py" "$top/build/src/dossier" "$out" "$lang-$theme"
  done
done
ls "$out"
