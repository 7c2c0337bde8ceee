#!/usr/bin/python3
"""Dossier reopens where the user left it: the selection, the chart's view,
and the window's size, through a real settings file (GSettings' keyfile
backend in a temporary config folder) across a quit and a new start; and
Back (Alt+Left) walks back across views."""
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
    details = app.find("panel", "Details")
    headings = app.find_all("heading", None, details)
    return headings[0].name if headings else ""


def pick(app, combo_name, moves):
    app.click(app.find("combo box", combo_name))
    time.sleep(0.5)
    for key in moves:
        app.key(key)
        time.sleep(0.05)
    app.key("Return")
    time.sleep(0.5)


def test_reopens_where_left(app: Dossier):
    app.quit()
    config = tempfile.mkdtemp(prefix="dossier-config-")
    env = dict(app.env, GSETTINGS_BACKEND="keyfile", XDG_CONFIG_HOME=config)

    first = Dossier(app.db, env=env).start()
    try:
        first.click(first.find("list item", "Microsoft, Q3 2019, 19%"))
        first.wait(lambda: heading(first) == "Microsoft", "Microsoft's page")
        pick(first, "Chart view", ["Home", "Down"])
        first.find("combo box", "Chart view")
        first.quit()
    finally:
        first.stop()
    expect(os.path.exists(os.path.join(config, "glib-2.0", "settings", "keyfile")),
           "no settings were written")

    again = Dossier(app.db, env=env).start()
    try:
        again.wait(lambda: heading(again) == "Microsoft", "Microsoft's page again after a restart")
        # The donut's legend names "Not named": the view came back.
        again.find("list item", "Microsoft, Q3 2019, 19%")
        combo = again.find("combo box", "Chart view")
        expect("Donut" in again.texts(combo), f"the chart view is {again.texts(combo)}, not Donut")
        # Back, from the keyboard, to the overview the restart did not see:
        # the history is this run's, so Back is off; a new step makes one.
        pick(again, "Chart view", ["Home"])
        again.click(again.find("list item", "Google, Q3 2019, 9%"))
        again.wait(lambda: heading(again) == "Google", "Google's page")
        again.key("alt+Left")
        again.wait(lambda: heading(again) == "Microsoft", "Alt+Left back to Microsoft")
        again.key("alt+Right")
        again.wait(lambda: heading(again) == "Google", "Alt+Right forward to Google")
        again.quit()
    finally:
        again.stop()


run(globals())
