"""benchlib.py: what the Python benchmarks share.

Tables of medians (with min and max) printed and written to
build/bench/NAME.txt, and the generated million-event database, made once
by dossier-generate and kept in build/bench/ for the next run.
"""
import os
import platform
import statistics
import subprocess
import sys
import time

BUILD = os.environ.get('MESON_BUILD_ROOT') or os.environ['DOSSIER_BUILD_ROOT']
BENCH_DIR = os.path.join(BUILD, 'bench')
RUNS = int(os.environ.get('DOSSIER_BENCH_RUNS', '11'))


def machine():
    cpu = platform.processor() or platform.machine()
    try:
        with open('/proc/cpuinfo') as f:
            for line in f:
                if line.startswith('model name'):
                    cpu = line.split(':', 1)[1].strip()
                    break
    except OSError:
        pass
    return f'{os.cpu_count()} cores, {cpu}, {platform.system()} {platform.release()}'


def big_database():
    """The generated database: 100,000 case files, 1,200,000 events (a
    million in one case file), 20 × 80 market shares. Made once."""
    os.makedirs(BENCH_DIR, exist_ok=True)
    path = os.path.join(BENCH_DIR, 'big.db')
    if not os.path.exists(path):
        subprocess.run([os.environ['DOSSIER_GENERATE'], path], check=True)
    return path


class Table:
    def __init__(self, name, title, unit='ms'):
        self.name, self.title, self.unit = name, title, unit
        self.rows = []

    def add(self, label, values, baseline=None, target=None):
        """A row: the median of values, their min and max, the ratio to
        the baseline row's median, and the target it is held to."""
        med = statistics.median(values)
        ratio = ''
        if baseline is not None:
            base = next(r for r in self.rows if r[0] == baseline)[1]
            ratio = f'{med / base:.2f}×' if base else ''
        self.rows.append((label, med, min(values), max(values), ratio, target or '', len(values)))
        return med

    def text(self):
        width = max(len(r[0]) for r in self.rows)
        lines = [self.title, f'machine: {machine()}',
                 f'{"":{width}}  {"median":>9} {"min":>9} {"max":>9}  {"ratio":>7}  runs  target']
        for label, med, lo, hi, ratio, target, n in self.rows:
            lines.append(f'{label:{width}}  {med:9.2f} {lo:9.2f} {hi:9.2f}  {ratio:>7}  {n:4}  {target}')
        lines.append(f'(figures in {self.unit})')
        return '\n'.join(lines) + '\n'

    def write(self):
        text = self.text()
        sys.stdout.write(text)
        os.makedirs(BENCH_DIR, exist_ok=True)
        with open(os.path.join(BENCH_DIR, self.name + '.txt'), 'w') as f:
            f.write(text)


def now_ms():
    return time.perf_counter() * 1000
