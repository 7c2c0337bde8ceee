#!/usr/bin/env python3
"""Checks that the tree keeps the shape the README describes (prints TAP).

- src/core, src/chart and src/cli include no GTK header (and src/core no
  Cairo or Pango either), so the model and the chart run without a display;
- no two source files call each other, and calls between files form no
  cycle: read from the symbols each compiled object defines and uses;
- no file in src/ is much over 600 lines;
- po/POTFILES.in lists every source file with strings to translate.

Usage: check-structure.py SOURCE_ROOT BUILD_ROOT
"""
import collections
import glob
import os
import re
import subprocess
import sys

MAX_LINES = 650
FORBIDDEN = {
    'src/core': re.compile(r'#include\s*<(gtk|gdk|gsk|cairo|pango)'),
    'src/chart': re.compile(r'#include\s*<(gtk|gdk|gsk)'),
    'src/cli': re.compile(r'#include\s*<(gtk|gdk|gsk)'),
}

source_root, build_root = sys.argv[1], sys.argv[2]
results = []


def check(ok, name, details=()):
    results.append((ok, name, list(details)))


for folder, pattern in FORBIDDEN.items():
    offenders = []
    for path in sorted(glob.glob(os.path.join(source_root, folder, '**', '*.[ch]'), recursive=True)):
        with open(path, encoding='utf-8') as f:
            for number, line in enumerate(f, 1):
                if pattern.search(line):
                    offenders.append(f'{os.path.relpath(path, source_root)}:{number}: {line.strip()}')
    check(not offenders, f'{folder} includes only what its library may use', offenders)

long_files = []
for path in sorted(glob.glob(os.path.join(source_root, 'src', '**', '*.[ch]'), recursive=True)):
    with open(path, encoding='utf-8') as f:
        n = sum(1 for _ in f)
    if n > MAX_LINES:
        long_files.append(f'{os.path.relpath(path, source_root)}: {n} lines')
check(not long_files, f'no file in src/ over {MAX_LINES} lines', long_files)

# Every file with strings marked for translation is listed for xgettext.
with open(os.path.join(source_root, 'po', 'POTFILES.in'), encoding='utf-8') as f:
    listed = {line.strip() for line in f if line.strip() and not line.startswith('#')}
unlisted = []
for path in sorted(glob.glob(os.path.join(source_root, 'src', '**', '*.c'), recursive=True)):
    with open(path, encoding='utf-8') as f:
        if re.search(r'\b(N?_|g_dngettext)\s*\(\s*"', f.read()):
            relative = os.path.relpath(path, source_root)
            if relative not in listed:
                unlisted.append(relative)
check(not unlisted, 'po/POTFILES.in lists every file with translatable strings', unlisted)

# Which file's functions each compiled file calls.
defined, used = {}, {}
for obj in glob.glob(os.path.join(build_root, 'src', '**', '*.c.o'), recursive=True):
    name = os.path.basename(obj)[:-len('.c.o')]
    out = subprocess.run(['nm', obj], capture_output=True, text=True, check=True).stdout
    defined[name], used[name] = set(), set()
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[1] in 'TDBR':
            defined[name].add(parts[2])
        elif len(parts) == 2 and parts[0] == 'U':
            used[name].add(parts[1])
owner = {symbol: name for name, symbols in defined.items() for symbol in symbols}
calls = collections.defaultdict(set)
for name, symbols in used.items():
    for symbol in symbols:
        if owner.get(symbol, name) != name:
            calls[name].add(owner[symbol])

check(len(defined) > 10, 'the compiled objects were found', [f'{len(defined)} objects under {build_root}/src'])

cycles = []
state = {}


def visit(node, path):
    state[node] = 'open'
    for nxt in sorted(calls.get(node, ())):
        if state.get(nxt) == 'open':
            cycles.append(' -> '.join(path[path.index(nxt):] + [nxt]))
        elif nxt not in state:
            visit(nxt, path + [nxt])
    state[node] = 'done'


for node in sorted(calls):
    if node not in state:
        visit(node, [node])
check(not cycles, 'no two files call each other, directly or around a cycle', cycles)

for i, (ok, name, details) in enumerate(results, 1):
    print(f'{"ok" if ok else "not ok"} {i} - {name}')
    for line in details if not ok else []:
        print(f'# {line}')
print(f'1..{len(results)}')
sys.exit(0 if all(ok for ok, _, _ in results) else 1)
