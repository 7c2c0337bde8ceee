#!/usr/bin/python3
"""Screenshots of the chart's three views in the window, for the README:
the Synergy cloud-infrastructure series at its latest period, as bars, as a
donut and over time, side by side in one image per language, style and
scale. Drives the built app through the accessibility tree, as the e2e
tests do.

Usage: build-aux/chart-gallery.sh [OUTDIR]   (which runs this once a variant)
Environment: DOSSIER (the binary), GALLERY_OUT, GALLERY_NAME, GDK_SCALE,
GTK_THEME, and the locale's variables.
"""
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "e2e"))
from dossier_e2e import Dossier, run  # noqa: E402

OUT = os.environ["GALLERY_OUT"]
NAME = os.environ["GALLERY_NAME"]
SCALE = int(os.environ.get("GDK_SCALE", "1"))
PASS = {k: os.environ[k] for k in ("GTK_THEME", "GDK_SCALE", "LANG", "LC_ALL", "LANGUAGE") if k in os.environ}


def click(app, obj):
    """A click at the middle of @obj; AT-SPI's extents are in the window's
    units, the X screen's pixels are GDK_SCALE times as many."""
    x, y, w, h = app.extents(obj)
    subprocess.run(["xdotool", "mousemove", str((x + w // 2) * SCALE), str((y + h // 2) * SCALE),
                    "click", "1"], check=True)
    time.sleep(0.3)


def pick(app, combo, moves):
    click(app, combo)
    time.sleep(0.6)
    for key in moves:
        app.key(key)
        time.sleep(0.05)
    app.key("Return")
    time.sleep(0.8)


def crop(app, obj, path):
    x, y, w, h = app.extents(obj)
    subprocess.run(["import", "-window", "root", "-crop",
                    f"{w * SCALE}x{h * SCALE}+{x * SCALE}+{y * SCALE}", "+repage", path], check=True)


def test_gallery(app: Dossier):
    combos = app.find_all("combo box")
    series, period, view = combos[0], combos[1], combos[2]
    # Down the series list until the chart names the cloud-infrastructure market.
    pick(app, series, ["Home"])
    for _ in range(8):
        if [o for o in app.find_all("list") if "(IaaS, PaaS" in (o.description or "")]:
            break
        pick(app, series, ["Down"])
    pick(app, period, ["End"])
    shots = []
    for index, kind in enumerate(["bars", "donut", "time"]):
        pick(app, view, ["Home"] + ["Down"] * index)
        subprocess.run(["xdotool", "mousemove", "2", "2"], check=True)
        time.sleep(1.0)
        chart = [o for o in app.find_all("list") if "(IaaS, PaaS" in (o.description or "")][0]
        path = os.path.join(OUT, f".{NAME}-{kind}.png")
        crop(app, chart, path)
        shots.append(path)
    subprocess.run(["montage"] + shots + ["-tile", "3x1", "-geometry", f"+{6 * SCALE}+{6 * SCALE}",
                                         os.path.join(OUT, f"chart-{NAME}.png")], check=True)
    for path in shots:
        os.unlink(path)


test_gallery.env = PASS
run(globals())
