#!/bin/sh
# Builds locales for the tests into a folder of the build tree.
# Usage: make-locale.sh OUTDIR STAMP LOCALE...
set -eu
outdir=$1 stamp=$2
shift 2
mkdir -p "$outdir"
for locale in "$@"; do
  if [ ! -e "/usr/share/i18n/locales/$locale" ]; then
    echo "make-locale.sh: /usr/share/i18n/locales/$locale is missing (install the 'locales' package)" >&2
    exit 1
  fi
  # localedef exits 1 on mere warnings; the result is checked below instead.
  localedef -i "$locale" -f UTF-8 "$outdir/$locale.UTF-8" || true
  [ -e "$outdir/$locale.UTF-8/LC_NUMERIC" ] || { echo "make-locale.sh: $locale was not built" >&2; exit 1; }
done
touch "$stamp"
