#!/usr/bin/python3
"""Exporting the chart from the window, with the keyboard, as a user would."""
import os
import re
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from dossier_e2e import Dossier, E2EError, run  # noqa: E402


def expect(condition, message):
    if not condition:
        raise E2EError(message)


def test_export_from_the_window(app: Dossier):
    target = os.path.join(os.path.dirname(app.db), "exported-chart")
    app.key("ctrl+e")
    # The export dialog: its options, and a preview of the file.
    dialog = app.find(None, "Export Chart")
    app.find("combo box", "Format")
    app.find("combo box", "Size")
    app.find("combo box", "Scale")
    # Export… has the focus: Return asks where.
    app.key("Return")
    time.sleep(1)
    # GTK 4.8 gives the file chooser window the role "filler": find it by name.
    # The name field has the focus and holds the suggested name: replace it.
    app.key("ctrl+a")
    subprocess_type(target)
    app.key("Return")
    app.find("label", "Chart exported to exported-chart.png")
    written = target + ".png"
    app.wait(lambda: os.path.exists(written), f"{written} to be written")
    with open(written, "rb") as f:
        expect(f.read(4) == b"\x89PNG", "the exported file is not a PNG")
    expect(dialog is not None, "no export dialog")


def subprocess_type(text):
    import subprocess
    subprocess.run(["xdotool", "type", "--delay", "5", text], check=True)
    time.sleep(0.3)


run(globals())
