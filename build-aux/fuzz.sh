#!/bin/sh
# build-aux/fuzz.sh FUZZER NAME DICT SEEDS REGRESSIONS: runs one libFuzzer
# target for $DOSSIER_FUZZ_SECONDS seconds (20 by default: a minute for the
# three targets in CI). New inputs it finds go to build-fuzz/fuzz/NAME/, a
# crash to build-fuzz/fuzz/NAME-crash-*: copy that into
# tests/fuzz/regressions/NAME/, fix the bug, and it is a test from then on.
#
#   CC=clang meson setup build-fuzz -Dfuzzing=true -Db_sanitize=address,undefined
#   DOSSIER_FUZZ_SECONDS=600 meson test -C build-fuzz --suite fuzz
set -eu

fuzzer=$1 name=$2 dict=$3 seeds=$4 regressions=$5
seconds=${DOSSIER_FUZZ_SECONDS:-20}
work=$(dirname "$fuzzer")/../../fuzz
mkdir -p "$work/$name"

# libFuzzer's own exit code for a crash, 77, would read as "skipped".
set -- -max_total_time="$seconds" -error_exitcode=1 -timeout_exitcode=1 -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
       -print_final_stats=1 -artifact_prefix="$work/$name-"
[ -n "$dict" ] && set -- "$@" -dict="$dict"

# Leaks are checked at exit of each input; GLib's one-time caches are not leaks.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:halt_on_error=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
exec "$fuzzer" "$@" "$work/$name" "$seeds" "$regressions"
