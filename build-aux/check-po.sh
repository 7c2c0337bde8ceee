#!/bin/sh
# Fails on a translation with an untranslated or fuzzy entry, or a bad format.
set -eu
for po in "$@"; do
  stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$po" 2>&1)
  echo "$po: $stats"
  case "$stats" in
    *fuzz*|*untranslated*) echo "$po is not complete" >&2; exit 1 ;;
  esac
done
