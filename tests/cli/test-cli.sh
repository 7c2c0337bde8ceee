#!/bin/sh
# The command line without a display: --version, --export-chart, --search,
# --export-case/--import-case, --export-shares/--import-shares, --db errors.
# Usage: test-cli.sh path/to/dossier    (prints TAP)
set -u
dossier=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
unset DISPLAY WAYLAND_DISPLAY
export XDG_DATA_HOME="$tmp/data"
n=0
fails=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); fails=$((fails + 1)); echo "not ok $n - $1"; shift; for l in "$@"; do echo "# $l"; done; }
magic() { head -c "$2" "$1" 2>/dev/null; }

out=$("$dossier" --version 2>&1)
case "$out" in "Dossier "[0-9]*) ok "--version prints the version" ;; *) not_ok "--version" "$out" ;; esac

for ext in png svg pdf; do
  out=$("$dossier" --db "$tmp/cli.db" --export-chart "$tmp/chart.$ext" --width 700 --height 420 2>&1)
  rc=$?
  case "$ext" in png) want=$(printf '\211PNG') len=4 ;; svg) want='<?xml' len=5 ;; pdf) want='%PDF' len=4 ;; esac
  if [ $rc -eq 0 ] && [ "$(magic "$tmp/chart.$ext" $len)" = "$want" ]; then
    ok "--export-chart writes $ext without a display"
  else
    not_ok "--export-chart $ext" "rc=$rc" "$out"
  fi
done

# Done without a window, in a process that never loads GTK (the window is
# a module of its own): the "--option=value" form too.
loaded=$(LD_DEBUG=files "$dossier" --db "$tmp/cli.db" --export-chart="$tmp/eq.png" 2>&1)
rc=$?
if [ $rc -eq 0 ] && [ "$(magic "$tmp/eq.png" 4)" = "$(printf '\211PNG')" ] && ! echo "$loaded" | grep -q "libgtk-4"; then
  ok "--export-chart=FILE runs without loading GTK"
else
  not_ok "--export-chart=FILE without GTK" "rc=$rc" "$(echo "$loaded" | grep -m3 -e libgtk -e rror)"
fi

# Its --help is the window's: the summary, then the options.
out=$("$dossier" --search contract --help 2>&1)
rc=$?
if [ $rc -eq 0 ] && echo "$out" | grep -q "business dispute" && echo "$out" | grep -q -- "--export-chart"; then
  ok "--help without a window has the summary and the options"
else
  not_ok "--help without a window" "rc=$rc" "$(echo "$out" | head -5)"
fi

if [ -f "$tmp/data/dossier/dossier.db" ]; then
  not_ok "--db is used instead of the default database"
else
  ok "--db is used instead of the default database"
fi

out=$("$dossier" --db "$tmp/cli.db" --export-chart "$tmp/chart.gif" 2>&1)
rc=$?
if [ $rc -ne 0 ] && [ ! -e "$tmp/chart.gif" ] && echo "$out" | grep -q "chart.gif"; then
  ok "an unknown export format is refused, naming the file"
else
  not_ok "unknown export format" "rc=$rc" "$out"
fi

"$dossier" --db "$tmp/cli.db" --export-chart "$tmp/default.png" >/dev/null 2>&1
"$dossier" --db "$tmp/cli.db" --export-chart "$tmp/seed.png" --series synergy-iaas-paas --period 2019-Q3 >/dev/null 2>&1
out=$("$dossier" --db "$tmp/cli.db" --export-chart "$tmp/canalys.png" --series canalys-cloud-infra --period 2019-Q2 2>&1)
rc=$?
# The case file's own chart named explicitly is the default one; another differs.
if [ $rc -eq 0 ] && cmp -s "$tmp/default.png" "$tmp/seed.png" && ! cmp -s "$tmp/default.png" "$tmp/canalys.png"; then
  ok "--series and --period pick the chart"
else
  not_ok "--series/--period" "rc=$rc" "$out"
fi

out=$("$dossier" --db "$tmp/cli.db" --export-chart "$tmp/x.png" --series nope 2>&1)
rc=$?
if [ $rc -ne 0 ] && echo "$out" | grep -q "canalys-cloud-infra" && [ ! -e "$tmp/x.png" ]; then
  ok "an unknown series is refused, listing the known ones"
else
  not_ok "unknown series" "rc=$rc" "$out"
fi

out=$("$dossier" --db "$tmp/cli.db" --export-chart "$tmp/x.png" --series gartner-iaas --period 2017 2>&1)
rc=$?
if [ $rc -ne 0 ] && echo "$out" | grep -q "2016, 2018"; then
  ok "a period without figures is refused, listing those with figures"
else
  not_ok "unknown period" "rc=$rc" "$out"
fi

out=$("$dossier" --db "$tmp/cli.db" --export-chart "$tmp/chart.png" --width -5 2>&1)
rc=$?
if [ $rc -ne 0 ] && echo "$out" | grep -q -- "--width"; then
  ok "a negative size is refused"
else
  not_ok "negative size" "rc=$rc" "$out"
fi

out=$("$dossier" --db "$tmp/cli.db" --export-chart "$tmp/missing/chart.png" 2>&1)
rc=$?
if [ $rc -ne 0 ] && echo "$out" | grep -q "$tmp/missing does not exist"; then
  ok "exporting into a missing folder names the folder"
else
  not_ok "missing folder" "rc=$rc" "$out"
fi

printf 'not a database\n' > "$tmp/junk.db"
out=$("$dossier" --db "$tmp/junk.db" --export-chart "$tmp/x.png" 2>&1)
rc=$?
if [ $rc -ne 0 ] && echo "$out" | grep -q "junk.db" && [ "$(cat "$tmp/junk.db")" = "not a database" ]; then
  ok "a file that is not a Dossier database is named and left alone"
else
  not_ok "not a database" "rc=$rc" "$out"
fi

# --search: one result a line, tab-separated; 0 when found, 1 when not.
tab=$(printf '\t')
out=$("$dossier" --db "$tmp/cli.db" --search "bezos" 2>&1)
rc=$?
if [ $rc -eq 0 ] && echo "$out" | grep -qx "person${tab}Jeff Bezos${tab}JEDI cloud contract protest"; then
  ok "--search prints kind, title and case file, and exits 0"
else
  not_ok "--search bezos" "rc=$rc" "$out"
fi

out=$("$dossier" --db "$tmp/cli.db" --search "Campb" 2>&1)
if echo "$out" | grep -q "Patricia E. Campbell-Smith"; then
  ok "--search matches a prefix"
else
  not_ok "--search Campb" "$out"
fi

for query in 'zzyzxq' '"' '*' '-' 'AND'; do
  out=$("$dossier" --db "$tmp/cli.db" --search "$query" 2>&1 >/dev/null)
  rc=$?
  if [ "$query" = AND ]; then want=0; else want=1; fi
  if [ $rc -eq $want ] && [ -z "$out" ]; then
    ok "--search '$query' exits $want without an error"
  else
    not_ok "--search '$query'" "rc=$rc" "$out"
  fi
done

# --export-case / --import-case: a case file out, into another database, and back the same.
out=$("$dossier" --db "$tmp/cli.db" --export-case jedi-protest "$tmp/jedi.json" 2>&1)
rc=$?
if [ $rc -eq 0 ] && head -3 "$tmp/jedi.json" | grep -q '"format": "dossier-case"'; then
  ok "--export-case writes the case file"
else
  not_ok "--export-case" "rc=$rc" "$out"
fi
out=$("$dossier" --db "$tmp/cli.db" --export-case "no such case" "$tmp/none.json" 2>&1)
rc=$?
if [ $rc -ne 0 ] && echo "$out" | grep -q "jedi-protest (JEDI cloud contract protest)" && [ ! -e "$tmp/none.json" ]; then
  ok "--export-case with a wrong name lists the case files"
else
  not_ok "--export-case wrong name" "rc=$rc" "$out"
fi
out=$("$dossier" --db "$tmp/cli.db" --import-case "$tmp/jedi.json" 2>&1)
rc=$?
if [ $rc -ne 0 ] && echo "$out" | grep -q "jedi.json: case: the case file “JEDI cloud contract protest” is already in this database" \
   && echo "$out" | grep -q -- "--as-copy"; then
  ok "--import-case of a case file already there is refused, saying so"
else
  not_ok "--import-case twice" "rc=$rc" "$out"
fi
out=$("$dossier" --db "$tmp/cli.db" --import-case "$tmp/jedi.json" --as-copy 2>&1)
if echo "$out" | grep -q "Imported “JEDI cloud contract protest (2)”"; then
  ok "--import-case --as-copy adds a copy"
else
  not_ok "--as-copy" "$out"
fi
"$dossier" --db "$tmp/cli.db" --export-case all "$tmp/all.json" >/dev/null 2>&1
sed 's/"date": "2020-02-13"/"date": "2020-02-30"/' "$tmp/jedi.json" > "$tmp/wrong.json"
out=$("$dossier" --db "$tmp/cli.db" --import-case "$tmp/wrong.json" --as-copy 2>&1)
rc=$?
if [ $rc -ne 0 ] && echo "$out" | grep -q 'wrong.json: case.events\[[0-9]*\].date: “2020-02-30” is not a date'; then
  ok "--import-case of a wrong file names the place and exits non-zero"
else
  not_ok "--import-case wrong file" "rc=$rc" "$out"
fi
if "$dossier" --db "$tmp/cli.db" --export-case "JEDI cloud contract protest (3)" "$tmp/other.json" >/dev/null 2>&1; then
  not_ok "a wrong file imports nothing"
else
  ok "a wrong file imports nothing"
fi

# --export-shares / --import-shares
out=$("$dossier" --db "$tmp/cli.db" --export-shares "$tmp/shares.csv" --series synergy-iaas-paas 2>&1)
rc=$?
if [ $rc -eq 0 ] && [ "$(head -1 "$tmp/shares.csv" | tr -d '\r')" = "series,period,provider,share,source,url,note" ] \
   && grep -q "^synergy-iaas-paas,2019-Q3,Amazon Web Services,39," "$tmp/shares.csv"; then
  ok "--export-shares writes CSV"
else
  not_ok "--export-shares" "rc=$rc" "$out"
fi
out=$("$dossier" --db "$tmp/cli.db" --import-shares "$tmp/shares.csv" 2>&1)
rc=$?
if [ $rc -eq 0 ] && echo "$out" | grep -q "Imported 0 figures"; then
  ok "--import-shares of what was exported adds nothing and is no mistake"
else
  not_ok "--import-shares re-import" "rc=$rc" "$out"
fi
printf 'period,provider,share\n2024-Q1,AWS,31\n2024-Q1,Microsoft,"25,5"\n2024-Q1,Google,101\n' > "$tmp/bad.csv"
out=$("$dossier" --db "$tmp/cli.db" --import-shares "$tmp/bad.csv" --series cli-series 2>&1)
rc=$?
if [ $rc -ne 0 ] && echo "$out" | grep -q "^bad.csv:3: “25,5” has a decimal comma" \
   && echo "$out" | grep -q "and 1 more mistake"; then
  ok "--import-shares of a wrong file says FILE:LINE: reason and exits non-zero"
else
  not_ok "--import-shares wrong" "rc=$rc" "$out"
fi
printf 'period,provider,share\n2024-Q1,AWS,31\n2024-Q1,Microsoft,25.5\n' > "$tmp/good.csv"
out=$("$dossier" --db "$tmp/cli.db" --import-shares "$tmp/good.csv" --series cli-series 2>&1)
rc=$?
"$dossier" --db "$tmp/cli.db" --export-shares "$tmp/cli-series.csv" --series cli-series >/dev/null 2>&1
if [ $rc -eq 0 ] && echo "$out" | grep -q "Imported 2 figures" && [ "$(grep -c '' "$tmp/cli-series.csv")" = 3 ]; then
  ok "--import-shares adds a series and its figures"
else
  not_ok "--import-shares good" "rc=$rc" "$out"
fi

# Nothing lost (issue 9): each of these failed before its fix.
for size in "--width 0" "--height 0" "--width 50 --height 40" "--width 12x" "--width 20001"; do
  # shellcheck disable=SC2086
  out=$("$dossier" --db "$tmp/cli.db" --export-chart "$tmp/size.png" $size 2>&1)
  rc=$?
  if [ $rc -ne 0 ] && [ ! -e "$tmp/size.png" ] && echo "$out" | grep -q -- "--width must be a whole number from 320"; then
    ok "--export-chart $size is refused"
  else
    not_ok "--export-chart $size" "rc=$rc" "$out"
  fi
done
cp "$tmp/cli.db" "$tmp/same.db"
sum_before=$(md5sum < "$tmp/same.db")
out=$("$dossier" --db "$tmp/same.db" --export-chart "$tmp/same.db" 2>&1)
rc=$?
"$dossier" --db "$tmp/same.db" --version >/dev/null 2>&1
if [ $rc -ne 0 ] && echo "$out" | grep -q "it is the database Dossier has open" \
   && [ "$(head -c 15 "$tmp/same.db")" = "SQLite format 3" ]; then
  ok "--export-chart over the database is refused"
else
  not_ok "--export-chart over the database" "rc=$rc" "$out"
fi
mkdir "$tmp/folder.png"
out=$("$dossier" --db "$tmp/cli.db" --export-chart "$tmp/folder.png" 2>&1)
rc=$?
if [ $rc -ne 0 ] && echo "$out" | grep -q "it is a folder"; then
  ok "--export-chart to a folder says so"
else
  not_ok "--export-chart to a folder" "rc=$rc" "$out"
fi
# A write that fails (a file size limit stands in for a full disk): the old
# file stays as it was, no partial file is left, the reason is said.
"$dossier" --db "$tmp/cli.db" --export-chart "$tmp/kept.png" --width 3000 --height 2000 >/dev/null 2>&1
kept=$(md5sum < "$tmp/kept.png")
out=$(sh -c 'trap "" XFSZ; ulimit -f 70; exec "$0" --db "$1" --export-chart "$2" --width 2900 --height 2000' \
      "$dossier" "$tmp/cli.db" "$tmp/kept.png" 2>&1)
rc=$?
if [ $rc -ne 0 ] && [ "$(md5sum < "$tmp/kept.png")" = "$kept" ] && echo "$out" | grep -q "Cannot write .*kept.png: File too large" \
   && [ "$(ls "$tmp" | grep -c '^kept.png')" = 1 ]; then
  ok "a failed chart export leaves the old file whole and no partial file"
else
  not_ok "failed export" "rc=$rc" "$out" "$(ls "$tmp")"
fi
for ext in pdf svg json csv; do
  case $ext in
    json) args="--export-case all" ;;
    csv) args="--export-shares" ;;
    *) args="--export-chart" ;;
  esac
  # A full disk, as a device: full.pdf -> /dev/full.
  ln -s /dev/full "$tmp/full.$ext"
  # shellcheck disable=SC2086
  out=$("$dossier" --db "$tmp/cli.db" $args "$tmp/full.$ext" 2>&1)
  rc=$?
  if [ $rc -ne 0 ] && [ -c "$tmp/full.$ext" ] && echo "$out" | grep -q "full.$ext: it is not a file"; then
    ok "writing $ext to /dev/full fails with a message"
  else
    not_ok "$ext to /dev/full" "rc=$rc" "$out"
  fi
done
: > "$tmp/empty.db"
out=$("$dossier" --db "$tmp/empty.db" --search x 2>&1)
rc=$?
if [ $rc -ne 0 ] && [ ! -s "$tmp/empty.db" ] && echo "$out" | grep -q "is an empty file, not a Dossier database"; then
  ok "an empty file is not made a database"
else
  not_ok "empty file" "rc=$rc" "$out"
fi
out=$("$dossier" --db "$tmp/no/such/folder/x.db" --search x 2>&1)
rc=$?
if [ $rc -ne 0 ] && [ ! -e "$tmp/no" ] && echo "$out" | grep -q "the folder .*no/such/folder does not exist"; then
  ok "--db in a folder that does not exist is refused, nothing made"
else
  not_ok "--db missing folder" "rc=$rc" "$out"
fi

# A damaged database: refused with a message naming it, exit non-zero, the
# file as it was.
cp "$tmp/cli.db" "$tmp/damaged.db"
size=$(wc -c < "$tmp/damaged.db")
dd if=/dev/zero of="$tmp/damaged.db" bs=4096 seek=$((size / 8192)) count=1 conv=notrunc 2>/dev/null
sum=$(md5sum < "$tmp/damaged.db")
out=$("$dossier" --db "$tmp/damaged.db" --search bezos 2>&1)
rc=$?
if [ $rc -ne 0 ] && echo "$out" | grep -q "damaged.db is damaged" && [ "$(md5sum < "$tmp/damaged.db")" = "$sum" ]; then
  ok "a damaged database is refused, named, and left as it was"
else
  not_ok "damaged database" "rc=$rc" "$out"
fi

# A read-only database, in a folder of its own: it reads, an import is
# refused in words (exit 1), and nothing is written to it or beside it.
mkdir "$tmp/ro"
cp "$tmp/cli.db" "$tmp/ro/ro.db"
chmod 444 "$tmp/ro/ro.db"
sum=$(md5sum < "$tmp/ro/ro.db")
found=$("$dossier" --db "$tmp/ro/ro.db" --search bezos 2>&1)
out=$("$dossier" --db "$tmp/ro/ro.db" --import-case "$tmp/jedi.json" --as-copy 2>&1)
rc=$?
if [ $rc -eq 1 ] && echo "$found" | grep -q "Bezos" && echo "$out" | grep -q "ro.db is read-only: nothing was changed" &&
   [ "$(md5sum < "$tmp/ro/ro.db")" = "$sum" ] && [ "$(ls "$tmp/ro")" = "ro.db" ]; then
  ok "a read-only database reads, refuses an import, and nothing is written beside it"
else
  not_ok "read-only database" "rc=$rc" "$found" "$out" "$(ls "$tmp/ro")"
fi
chmod 644 "$tmp/ro/ro.db"

# Hostile text and odd paths: providers named with SQL, quotes, a comma,
# right-to-left letters, combining marks and emoji, through a CSV import,
# the chart in three formats, a case file and the market shares, all in a
# folder named with spaces, quotes and letters beyond ASCII; back the same.
odd="$tmp/Dossiers d'été «ü» ☃"
mkdir "$odd"
printf 'period,provider,share\r\n2031,"Robert\047); DROP TABLE node;--",40\r\n2031,"A ""quoted"", name",30\r\n2031,مرحبا שלום e\314\201\314\201 \360\237\222\276,20\r\n' > "$odd/hostile shares.csv"
out=$("$dossier" --db "$odd/base été.db" --import-shares "$odd/hostile shares.csv" --series "Hostile ☃" 2>&1)
rc=$?
failed=""
[ $rc -eq 0 ] || failed="import rc=$rc $out"
for ext in png svg pdf; do
  "$dossier" --db "$odd/base été.db" --export-chart "$odd/graphique «1» ☃.$ext" --series "Hostile ☃" 2>/dev/null || failed="$failed chart.$ext"
  case "$ext" in png) want=$(printf '\211PNG') len=4 ;; svg) want='<?xml' len=5 ;; pdf) want='%PDF' len=4 ;; esac
  [ "$(magic "$odd/graphique «1» ☃.$ext" $len)" = "$want" ] || failed="$failed $ext-magic"
done
"$dossier" --db "$odd/base été.db" --export-shares "$odd/parts «1».csv" --series "Hostile ☃" >/dev/null 2>&1 || failed="$failed export-shares"
"$dossier" --db "$odd/base été.db" --export-case jedi-protest "$odd/affaire «1».json" >/dev/null 2>&1 || failed="$failed export-case"
"$dossier" --db "$odd/autre base.db" --import-shares "$odd/parts «1».csv" >/dev/null 2>&1 || failed="$failed reimport-shares"
before=$(grep -c . "$odd/parts «1».csv")
"$dossier" --db "$odd/autre base.db" --export-shares "$odd/parts «2».csv" --series "Hostile ☃" >/dev/null 2>&1 || failed="$failed re-export"
if [ -z "$failed" ] && cmp -s "$odd/parts «1».csv" "$odd/parts «2».csv" && [ "$before" -eq 4 ]; then
  ok "hostile names and odd paths survive import, chart, case and shares export, and a round trip"
else
  not_ok "hostile text and odd paths" "$failed" "$(cat "$odd/parts «1».csv" 2>&1)" "$(diff "$odd/parts «1».csv" "$odd/parts «2».csv" 2>&1)"
fi

# --view time: the shares of a series across its periods; a view that does
# not exist is refused, nothing written.
out=$("$dossier" --db "$tmp/cli.db" --export-chart "$tmp/time.png" --view time --series synergy-cloud-infra 2>&1)
rc=$?
"$dossier" --db "$tmp/cli.db" --export-chart "$tmp/donut.svg" --view donut >/dev/null 2>&1 || rc=1
[ "$(magic "$tmp/donut.svg" 5)" = "<?xml" ] || rc=1
bad=$("$dossier" --db "$tmp/cli.db" --export-chart "$tmp/pie.png" --view pie 2>&1)
bad_rc=$?
if [ $rc -eq 0 ] && [ "$(magic "$tmp/time.png" 4)" = "$(printf '\211PNG')" ] &&
   [ $bad_rc -ne 0 ] && echo "$bad" | grep -q -- "--view must be" && [ ! -e "$tmp/pie.png" ]; then
  ok "--view time draws shares over time, --view donut a ring; an unknown view is refused"
else
  not_ok "--view" "rc=$rc $out" "bad_rc=$bad_rc $bad"
fi

# --scale 2: a PNG of twice the pixels a side, laid out as at 1; refused
# for SVG (sharp at any size) and past 4.
out=$("$dossier" --db "$tmp/cli.db" --export-chart "$tmp/x2.png" --scale 2 --width 640 --height 400 2>&1)
rc=$?
size=$(od -An -tu1 -j16 -N8 "$tmp/x2.png" 2>/dev/null | tr -s ' ' | sed 's/^ //')
svg=$("$dossier" --db "$tmp/cli.db" --export-chart "$tmp/x2.svg" --scale 2 2>&1)
svg_rc=$?
big=$("$dossier" --db "$tmp/cli.db" --export-chart "$tmp/x5.png" --scale 5 2>&1)
big_rc=$?
if [ $rc -eq 0 ] && [ "$size" = "0 0 5 0 0 0 3 32" ] && [ $svg_rc -ne 0 ] && [ ! -e "$tmp/x2.svg" ] &&
   echo "$svg" | grep -q "a scale of 2 to 4 is for PNG" && [ $big_rc -ne 0 ] && [ ! -e "$tmp/x5.png" ]; then
  ok "--scale 2 writes a PNG of 1280×800 for 640×400; refused for SVG and past 4"
else
  not_ok "--scale" "rc=$rc size=$size $out" "svg_rc=$svg_rc $svg" "big_rc=$big_rc $big"
fi

echo "1..$n"
[ $fails -eq 0 ]
