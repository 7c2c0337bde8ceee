#!/bin/sh
# The README's chart gallery: the three views in the window, in English and
# French, light and dark, at scale 1 and 2 (build-aux/chart-gallery.py),
# and the social card exported as a 2x PNG and an SVG.
#
# Usage: build-aux/chart-gallery.sh [OUTDIR]     (default: data/screenshots)
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$top/data/screenshots}
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mkdir -p "$work/locale"
localedef -i fr_FR -f UTF-8 "$work/locale/fr_FR.UTF-8" 2>/dev/null || true

for lang in en fr; do
  case $lang in en) locale=C.UTF-8 ;; fr) locale=fr_FR.UTF-8 ;; esac
  for theme in light dark; do
    case $theme in light) gtk_theme=Adwaita ;; dark) gtk_theme=Adwaita:dark ;; esac
    for scale in 1 2; do
      DOSSIER="$top/build/src/dossier" GALLERY_OUT="$out" GALLERY_NAME="$lang-$theme-${scale}x" \
      DOSSIER_E2E_SCREEN="$((1280 * scale))x$((800 * scale))x24" GDK_SCALE=$scale GTK_THEME=$gtk_theme \
      LOCPATH="$work/locale" LANG=$locale LC_ALL=$locale LANGUAGE=$lang \
        /usr/bin/python3 "$top/build-aux/chart-gallery.py"
    done
  done
  XDG_DATA_HOME="$work/data-$lang" LOCPATH="$work/locale" LC_ALL=$locale LANGUAGE=$lang \
    "$top/build/src/dossier" --export-chart "$out/social-card-$lang@2x.png" --series synergy-cloud-infra \
    --view time --width 1200 --height 675 --scale 2
  XDG_DATA_HOME="$work/data-$lang" LOCPATH="$work/locale" LC_ALL=$locale LANGUAGE=$lang \
    "$top/build/src/dossier" --export-chart "$out/social-card-$lang.svg" --series synergy-cloud-infra \
    --view time --width 1200 --height 675
done
