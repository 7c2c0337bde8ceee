#!/usr/bin/env python3
"""bench-import.py: imports in rows a second, next to a bare insert loop.

dossier --import-shares of a CSV of 1,000,000 shares (500 series of 25
providers over 80 quarters), and --import-case of a case file of 100,000
events (written by --export-case from a generated database), each into a
fresh database; beside them bench-insert-loop putting the same number of
rows into the same schema by prepared statements in one transaction. Each
is a whole process, timed RUNS times (3 for the large files: each takes
seconds), with its peak memory (GNU time's maximum resident set) at a
tenth of the size and at the whole, to see that it does not grow with the
file.
"""
import os
import shutil
import statistics
import subprocess
import sys
import tempfile

import benchlib

SHARES = int(os.environ.get('DOSSIER_BENCH_SHARES', '1000000'))
EVENTS = int(os.environ.get('DOSSIER_BENCH_CASE_EVENTS', '100000'))
RUNS = int(os.environ.get('DOSSIER_BENCH_IMPORT_RUNS', '3'))


def write_shares(path, n):
    with open(path, 'w') as f:
        f.write('series,period,provider,share,source\n')
        for i in range(n):
            q = i // 25 % 80
            f.write(f'gen-import-{i // 2000},{2005 + q // 4}-Q{1 + q % 4},Provider {i % 25},'
                    f'{2 + (i % 7) * 0.25},Generated Research\n')


def timed(argv, env):
    """Seconds and peak kilobytes of a whole process."""
    start = benchlib.now_ms()
    proc = subprocess.run(['/usr/bin/time', '-f', '%M'] + argv, env=env, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True)
    elapsed = (benchlib.now_ms() - start) / 1000
    if proc.returncode != 0:
        raise SystemExit(f'{argv}: {proc.stderr}')
    return elapsed, int(proc.stderr.strip().splitlines()[-1])


def main():
    dossier, generate, loop = sys.argv[1], sys.argv[2], sys.argv[3]
    env = dict(os.environ)
    env.pop('DISPLAY', None)
    rows = {}
    with tempfile.TemporaryDirectory(dir=benchlib.BENCH_DIR if os.path.isdir(benchlib.BENCH_DIR) else None) as tmp:
        env['XDG_CONFIG_HOME'] = env['XDG_DATA_HOME'] = tmp
        empty = os.path.join(tmp, 'empty.db')
        subprocess.run([dossier, '--db', empty, '--search', 'x'], env=env, stdout=subprocess.DEVNULL)  # creates it

        def fresh():
            path = os.path.join(tmp, 'run.db')
            for suffix in ('', '-wal', '-shm'):
                if os.path.exists(path + suffix):
                    os.remove(path + suffix)
            shutil.copyfile(empty, path)
            return path

        csv_small, csv_large = os.path.join(tmp, 'small.csv'), os.path.join(tmp, 'large.csv')
        write_shares(csv_small, SHARES // 10)
        write_shares(csv_large, SHARES)
        case_db = os.path.join(tmp, 'case.db')
        subprocess.run([generate, case_db, '--cases', '1', '--events', str(EVENTS), '--big', str(EVENTS)],
                       check=True, stdout=subprocess.DEVNULL)
        case_json = os.path.join(tmp, 'case.json')
        subprocess.run([dossier, '--db', case_db, '--export-case', 'gen-case-0', case_json], env=env, check=True)
        small_db = os.path.join(tmp, 'case-small.db')
        subprocess.run([generate, small_db, '--cases', '1', '--events', str(EVENTS // 10), '--big', str(EVENTS // 10)],
                       check=True, stdout=subprocess.DEVNULL)
        small_json = os.path.join(tmp, 'case-small.json')
        subprocess.run([dossier, '--db', small_db, '--export-case', 'gen-case-0', small_json], env=env, check=True)

        for name, argv in (
                ('bare shares', lambda db: [loop, db, 'shares', str(SHARES)]),
                ('import shares', lambda db: [dossier, '--db', db, '--import-shares', csv_large]),
                ('import shares 1/10', lambda db: [dossier, '--db', db, '--import-shares', csv_small]),
                ('bare events', lambda db: [loop, db, 'events', str(EVENTS)]),
                ('import case', lambda db: [dossier, '--db', db, '--import-case', case_json]),
                ('import case 1/10', lambda db: [dossier, '--db', db, '--import-case', small_json])):
            rows[name] = [timed(argv(fresh()), env) for _ in range(RUNS)]

    table = benchlib.Table('import', f'Imports into a fresh database, rows a second (whole process, {RUNS} runs)',
                           unit='thousands of rows a second')
    rate = lambda name, n: [n / s / 1000 for s, _ in rows[name]]
    table.add(f'bare insert loop, {SHARES:,} shares (baseline)', rate('bare shares', SHARES))
    table.add(f'--import-shares, {SHARES:,}-row CSV', rate('import shares', SHARES),
              baseline=f'bare insert loop, {SHARES:,} shares (baseline)', target='≥ 0.50×')
    table.add(f'bare insert loop, {EVENTS:,} events (baseline)', rate('bare events', EVENTS))
    table.add(f'--import-case, {EVENTS:,} events', rate('import case', EVENTS),
              baseline=f'bare insert loop, {EVENTS:,} events (baseline)', target='≥ 0.50×')
    peak = lambda name: statistics.median(kb for _, kb in rows[name]) / 1024
    text_note = (f'peak memory (MB): --import-shares {peak("import shares 1/10"):.0f} at {SHARES // 10:,} rows, '
                 f'{peak("import shares"):.0f} at {SHARES:,}; --import-case {peak("import case 1/10"):.0f} at '
                 f'{EVENTS // 10:,} events, {peak("import case"):.0f} at {EVENTS:,}; bare loop '
                 f'{peak("bare shares"):.0f} and {peak("bare events"):.0f} (target: independent of the size)')
    out = table.text() + text_note + '\n'
    sys.stdout.write(out)
    with open(os.path.join(benchlib.BENCH_DIR, 'import.txt'), 'w') as f:
        f.write(out)
    return 0


sys.exit(main())
