#!/usr/bin/python3
"""Opens Dossier, selects views through the accessibility tree as a user
would (clicks by synthesized input), and saves a screenshot of each.

Usage: screenshot-views.py DOSSIER OUTDIR SUFFIX   (inside Xvfb and a session bus)
"""
import os
import subprocess
import sys
import time

import pyatspi

dossier, outdir, suffix = sys.argv[1:4]

bus = subprocess.Popen(["/usr/libexec/at-spi-bus-launcher", "--launch-immediately"])
time.sleep(1)
app_proc = subprocess.Popen([dossier])


def find_app():
    deadline = time.time() + 15
    while time.time() < deadline:
        desktop = pyatspi.Registry.getDesktop(0)
        for i in range(desktop.childCount):
            app = desktop.getChildAtIndex(i)
            if app is not None and app.name == "dossier":
                return app
        time.sleep(0.2)
    raise SystemExit("Dossier did not appear on the accessibility bus")


def find(root, predicate):
    for i in range(root.childCount):
        child = root.getChildAtIndex(i)
        if child is None:
            continue
        if predicate(child):
            return child
        found = find(child, predicate)
        if found is not None:
            return found
    return None


def click(obj):
    ext = obj.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    x, y = ext.x + ext.width // 2, ext.y + ext.height // 2
    subprocess.run(["xdotool", "mousemove", str(x), str(y), "click", "1"], check=True)
    time.sleep(0.8)


def shot(name):
    subprocess.run(["import", "-window", "root", os.path.join(outdir, f"{name}-{suffix}.png")], check=True)


try:
    app = find_app()
    time.sleep(1.5)
    shot("overview")
    chart = find(app, lambda o: o.getRoleName() == "list" and o.childCount and
                 o.getChildAtIndex(0).getRoleName() == "list item" and "," in (o.getChildAtIndex(0).name or ""))
    click(chart.getChildAtIndex(0))
    # Move the pointer away so that no tooltip covers the chart.
    subprocess.run(["xdotool", "mousemove", "5", "795"], check=True)
    time.sleep(0.8)
    shot("organization")

    # The timeline, then one event with its sources, through the page's links.
    details = find(app, lambda o: o.getRoleName() == "panel" and o.name in ("Details", "Détails"))
    back = find(details, lambda o: o.getRoleName() == "push button")
    click(back)
    click(find(details, lambda o: o.getRoleName() == "push button" and
               (o.name or "").startswith(("Timeline (", "Chronologie ("))))
    subprocess.run(["xdotool", "mousemove", "5", "795"], check=True)
    time.sleep(0.8)
    shot("timeline")
    click(find(details, lambda o: o.getRoleName() == "push button" and "2020" in (o.name or "")
               and ("injunction" in o.name or "injonction" in o.name)))
    subprocess.run(["xdotool", "mousemove", "5", "795"], check=True)
    time.sleep(0.8)
    shot("event")
finally:
    app_proc.terminate()
    app_proc.wait()
    bus.terminate()
