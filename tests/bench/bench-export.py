#!/usr/bin/env python3
"""bench-export.py: headless --export-chart to a 1280×720 PNG, next to the
least a pangocairo program does for the same three labelled bars, and to
gnuplot's pngcairo terminal drawing them (Debian's gnuplot-nox).

Each program runs RUNS times, in turns; the time is the whole process,
from spawn to exit. No display is needed.
"""
import os
import shutil
import subprocess
import sys
import tempfile

import benchlib

GNUPLOT = """set terminal pngcairo size 1280,720 font 'Sans,11'
set output '{out}'
set title 'Cloud infrastructure, Q3 2019'
set style data histograms
set style fill solid
set yrange [0:*]
plot '-' using 2:xtic(1) title 'Share (%)'
AWS 39
Microsoft 19
Google 9
e
"""


def timed(argv, env, stdin=None):
    start = benchlib.now_ms()
    subprocess.run(argv, env=env, input=stdin, text=True, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return benchlib.now_ms() - start


def main():
    dossier, floor_program = sys.argv[1], sys.argv[2]
    gnuplot = shutil.which('gnuplot')
    env = dict(os.environ)
    env.pop('DISPLAY', None)
    big = benchlib.big_database()
    with tempfile.TemporaryDirectory() as tmp:
        env['XDG_CONFIG_HOME'] = env['XDG_DATA_HOME'] = tmp
        db = os.path.join(tmp, 'bundled.db')
        out = os.path.join(tmp, 'out.png')
        size = ['--width', '1280', '--height', '720']
        timed([dossier, '--db', db, '--export-chart', out] + size, env)   # creates the database
        copy = os.path.join(tmp, 'big.db')
        shutil.copyfile(big, copy)
        runs = {k: [] for k in ('floor', 'gnuplot', 'bars', 'time', 'big')}
        for _ in range(benchlib.RUNS):
            runs['floor'].append(timed([floor_program, out, '1280', '720'], env))
            if gnuplot:
                runs['gnuplot'].append(timed([gnuplot], env, GNUPLOT.format(out=out + '.gnuplot.png')))
            runs['bars'].append(timed([dossier, '--db', db, '--export-chart', out] + size, env))
            runs['time'].append(timed([dossier, '--db', copy, '--export-chart', out, '--view', 'time',
                                       '--series', 'gen-market'] + size, env))

    table = benchlib.Table('export', 'Headless chart export to a 1280×720 PNG (whole process)')
    base = 'minimal pangocairo program, 3 bars (baseline)'
    table.add(base, runs['floor'])
    if gnuplot:
        table.add("gnuplot's pngcairo, 3 bars", runs['gnuplot'], baseline=base)
    else:
        print('gnuplot is not installed (Debian: gnuplot-nox): its row is left out')
    table.add('dossier --export-chart, bundled case (bars)', runs['bars'], baseline=base,
              target='≤ 1.20×, < gnuplot')
    table.add('dossier --export-chart, 20 × 80 shares (time)', runs['time'], baseline=base)
    table.write()
    return 0


sys.exit(main())
