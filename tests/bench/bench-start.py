#!/usr/bin/env python3
"""bench-start.py: start to first frame, next to a minimal GTK 4 window.

Each program is started, in turns, RUNS times; the time is from the spawn
to the line "first-frame" it prints once its first frame is painted
(Dossier with DOSSIER_DEBUG=first-frame, bench-gtk-window always). Run
under a display, as the UI tests are:

  dbus-run-session -- xvfb-run -a -s "-screen 0 1280x800x24" \
      env GSK_RENDERER=cairo GSETTINGS_BACKEND=memory meson test -C build --benchmark --suite start
"""
import os
import shutil
import subprocess
import sys
import tempfile

import benchlib


def first_frame(argv, env):
    start = benchlib.now_ms()
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    for line in proc.stdout:
        if line.strip() == 'first-frame':
            elapsed = benchlib.now_ms() - start
            break
    else:
        raise SystemExit(f'{argv[0]} ended before its first frame')
    proc.wait(timeout=60)
    return elapsed


def main():
    if not os.environ.get('DISPLAY'):
        print('bench-start: no display; run under xvfb-run (see the top of this file)')
        return 77
    dossier, window = sys.argv[1], sys.argv[2]
    big = benchlib.big_database()
    env = dict(os.environ, DOSSIER_DEBUG='first-frame', GSK_RENDERER='cairo')
    with tempfile.TemporaryDirectory() as tmp:
        bundled = os.path.join(tmp, 'bundled.db')
        env['XDG_CONFIG_HOME'] = env['XDG_DATA_HOME'] = tmp
        # The bundled case file, created by a first start; the generated one,
        # copied so that the window's settings are its own.
        first_frame([dossier, '--db', bundled], env)
        copy = os.path.join(tmp, 'big.db')
        shutil.copyfile(big, copy)
        first_frame([dossier, '--db', copy], env)

        floor, small, large = [], [], []
        for _ in range(benchlib.RUNS):
            floor.append(first_frame([window], env))
            small.append(first_frame([dossier, '--db', bundled], env))
            large.append(first_frame([dossier, '--db', copy], env))

    table = benchlib.Table('start', 'Start to first frame (spawn to the first painted frame)')
    table.add('minimal GTK 4 window (baseline)', floor)
    table.add('Dossier, bundled case file', small, baseline='minimal GTK 4 window (baseline)', target='≤ 1.10×')
    table.add('Dossier, 100,000 case files, 1.2 M events', large, baseline='Dossier, bundled case file',
              target='≤ 1.50× bundled')
    table.write()
    return 0


sys.exit(main())
