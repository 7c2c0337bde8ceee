#!/bin/sh
# The case brief without a display (dossier --export-brief): a PDF of A4
# pages whose text has the case's dates, events and sources, in English
# and in French; its first two pages drawn as PNG (pdftoppm) and compared
# with reference images; bad requests refused, nothing written.
# Usage: test-brief.sh path/to/dossier reference-dir    (prints TAP)
# DOSSIER_UPDATE_REFERENCES=1 writes the reference images instead.
set -u
dossier=$1
reference=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
unset DISPLAY WAYLAND_DISPLAY
export XDG_DATA_HOME="$tmp/data"
n=0
fails=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); fails=$((fails + 1)); echo "not ok $n - $1"; shift; for l in "$@"; do echo "# $l"; done; }
skip() { n=$((n + 1)); echo "ok $n # SKIP $1"; }

if ! command -v pdftotext >/dev/null || ! command -v pdftoppm >/dev/null; then
  echo "1..1"
  skip "pdftotext and pdftoppm (poppler-utils) are not installed"
  exit 0
fi

# Every line of $2 is in the text of the PDF $1.
has_all() {
  text=$(pdftotext -layout "$1" - 2>/dev/null | tr -s ' \n' '  ')
  missing=""
  while IFS= read -r want; do
    [ -n "$want" ] || continue
    case "$text" in *"$want"*) ;; *) missing="$missing [$want]" ;; esac
  done <<LIST
$2
LIST
  [ -z "$missing" ] && return 0
  echo "missing:$missing"
  return 1
}

out=$(LANGUAGE=en LC_ALL=C.UTF-8 "$dossier" --db "$tmp/en.db" --export-brief "$tmp/brief-en.pdf" 2>&1)
rc=$?
if [ $rc -eq 0 ] && [ "$(head -c 4 "$tmp/brief-en.pdf")" = "%PDF" ]; then
  ok "--export-brief writes a PDF without a display"
else
  not_ok "--export-brief" "rc=$rc" "$out"
fi

pages=$(pdfinfo "$tmp/brief-en.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
size=$(pdfinfo "$tmp/brief-en.pdf" 2>/dev/null | sed -n 's/^Page size: *//p')
if [ "${pages:-0}" -ge 4 ] && echo "$size" | grep -q "A4"; then
  ok "the brief has $pages A4 pages"
else
  not_ok "pages" "pages=$pages size=$size"
fi

why=$(has_all "$tmp/brief-en.pdf" "JEDI cloud contract protest
No. 19-1796C
U.S. Court of Federal Claims
Patricia E. Campbell-Smith
Parties
Amazon Web Services
People
Events and their sources
November 22, 2019
January 13, 2020 — Joint status report sets the injunction timetable
February 11, 2020 — Ruling on the injunction expected; task orders to start (expected)
February 13, 2020
2 days late
contradicted by
Sources: [
Synergy Research Group
https://
Page 1 of $pages
Case brief")
if [ $? -eq 0 ]; then
  ok "the English brief has the case's facts, dated events, sources and page numbers"
else
  not_ok "English text" "$why"
fi

out=$(LANGUAGE=fr LC_ALL=fr_FR.UTF-8 "$dossier" --db "$tmp/fr.db" --export-brief "$tmp/brief-fr.pdf" 2>&1)
why=$(has_all "$tmp/brief-fr.pdf" "Contestation du contrat cloud JEDI
Parties
Personnes
Événements et leurs sources
22 novembre 2019
13 janvier 2020
13 février 2020
2 jours de retard
Sources : [
Page 1 sur
Dossier de synthèse")
if [ $? -eq 0 ]; then
  ok "the French brief has its dates, events and sources in French"
else
  not_ok "French text" "$out" "$why"
fi

# The first two pages, drawn: against the reference images, pixel for
# pixel within a little antialiasing.
pdftoppm -r 50 -f 1 -l 2 -png "$tmp/brief-en.pdf" "$tmp/page"
for page in 1 2; do
  png=$(ls "$tmp"/page-*"$page".png 2>/dev/null | head -n 1)
  ref="$reference/brief-page-$page-en.png"
  if [ "${DOSSIER_UPDATE_REFERENCES:-}" = 1 ]; then
    cp "$png" "$ref"
    ok "page $page written to $ref"
    continue
  fi
  if [ -z "$png" ] || [ ! -f "$ref" ]; then
    not_ok "page $page drawn" "png=$png ref=$ref"
    continue
  fi
  differing=$(compare -metric AE -fuzz 20% "$png" "$ref" null: 2>&1 >/dev/null | cut -d' ' -f1)
  total=$(identify -format '%[fx:w*h]' "$png")
  ink=$(convert "$png" -colorspace Gray -threshold 60% -format '%[fx:(1-mean)*100]' info:)
  # Two pages of text and charts: ink on a few percent of the page, and
  # at most 0.5% of the pixels unlike the reference.
  if [ -n "$differing" ] && awk "BEGIN { exit !($differing < $total / 200 && $ink > 2 && $ink < 40) }"; then
    ok "page $page is drawn as the reference ($differing of $total pixels differ, ${ink}% ink)"
  else
    not_ok "page $page against $ref" "differing=$differing total=$total ink=$ink"
  fi
done

out=$("$dossier" --db "$tmp/en.db" --export-brief "$tmp/brief.png" 2>&1)
rc=$?
if [ $rc -ne 0 ] && [ ! -e "$tmp/brief.png" ] && echo "$out" | grep -q "brief.png"; then
  ok "a brief that is not a PDF is refused, naming the file"
else
  not_ok "non-PDF brief" "rc=$rc" "$out"
fi

out=$("$dossier" --db "$tmp/en.db" --export-brief "$tmp/none.pdf" --case nope 2>&1)
rc=$?
if [ $rc -ne 0 ] && [ ! -e "$tmp/none.pdf" ] && echo "$out" | grep -q "jedi-protest"; then
  ok "an unknown case file is refused, listing the known ones"
else
  not_ok "unknown case" "rc=$rc" "$out"
fi

out=$("$dossier" --db "$tmp/en.db" --export-brief "$tmp/slug.pdf" --case jedi-protest 2>&1)
rc=$?
if [ $rc -eq 0 ] && has_all "$tmp/slug.pdf" "JEDI cloud contract protest" >/dev/null; then
  ok "--case picks the case file by its name"
else
  not_ok "--case" "rc=$rc" "$out"
fi

"$dossier" --db "$tmp/db.pdf" --export-brief "$tmp/first.pdf" >/dev/null 2>&1
before=$(md5sum < "$tmp/db.pdf")
out=$("$dossier" --db "$tmp/db.pdf" --export-brief "$tmp/db.pdf" 2>&1)
rc=$?
if [ $rc -ne 0 ] && echo "$out" | grep -q "db.pdf" && [ "$(md5sum < "$tmp/db.pdf")" = "$before" ]; then
  ok "the brief is never written over the database"
else
  not_ok "brief over the database" "rc=$rc" "$out"
fi

echo "1..$n"
[ $fails -eq 0 ]
