#!/usr/bin/python3
"""Preferences (Ctrl+comma): the interface language, applied at once to
the interface and the case file's texts, where the user was, and kept
across a restart (a real settings file, GSettings' keyfile backend)."""
import os
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from dossier_e2e import Dossier, E2EError, run  # noqa: E402


def expect(condition, message):
    if not condition:
        raise E2EError(message)


def heading(app):
    details = app.find("panel", re.compile("Details|Détails"))
    headings = app.find_all("heading", None, details)
    return headings[0].name if headings else ""


def pick_language(app, moves):
    app.key("ctrl+comma")
    app.find("combo box", re.compile("Interface language|Langue de l’interface"))
    # From the keyboard: the picker is the window's first stop. (A click
    # would first scroll the main window, which Preferences cover.)
    app.key("Tab")
    app.key("space")
    time.sleep(0.5)
    for key in moves:
        app.key(key)
        time.sleep(0.05)
    app.key("Return")
    time.sleep(1)


def test_language_applied_and_kept(app: Dossier):
    app.quit()
    config = tempfile.mkdtemp(prefix="dossier-config-")
    # An English system.
    env = dict(app.env, GSETTINGS_BACKEND="keyfile", XDG_CONFIG_HOME=config,
               LANG="C.UTF-8", LC_ALL="C.UTF-8", LANGUAGE="en")

    first = Dossier(app.db, env=env).start()
    try:
        first.click(first.find("list item", "Microsoft, Q3 2019, 19%"))
        first.wait(lambda: heading(first) == "Microsoft", "Microsoft's page")
        # Follow the System, English, Français: the last.
        pick_language(first, ["End"])
        # The window again, in French, on Microsoft's page.
        # (GTK 4.8 names a window made while another is open a "filler".)
        first.find(None, re.compile(".* — Dossier$"))
        first.find("panel", "Détails")
        first.wait(lambda: heading(first) == "Microsoft", "Microsoft's page, in French")
        first.find("list item", re.compile("Microsoft, T3 2019, 19.%"))
        first.find("push button", "Précédent")
        first.quit()
    finally:
        first.stop()

    again = Dossier(app.db, env=env).start()
    try:
        again.find("panel", "Détails")
        again.wait(lambda: heading(again) == "Microsoft", "French after a restart, on Microsoft's page")
        # Back to the system's language.
        pick_language(again, ["Home"])
        again.find("panel", "Details")
        again.find("list item", "Microsoft, Q3 2019, 19%")
    finally:
        again.stop()


import re  # noqa: E402

run(globals())
