#!/usr/bin/python3
"""Making a case file with the keyboard, and undoing it after a restart."""
import os
import re
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from dossier_e2e import Dossier, E2EError, run  # noqa: E402


def expect(condition, message):
    if not condition:
        raise E2EError(message)


def heading(app):
    headings = app.find_all("heading", None, app.find("panel", "Details"))
    return headings[0].name if headings else None


def type_text(text):
    subprocess.run(["xdotool", "type", "--delay", "5", text], check=True)
    time.sleep(0.3)


def test_new_case_undone_after_restart(app: Dossier):
    # Ctrl+N: a dialog whose title field has the focus; Enter creates.
    app.key("ctrl+n")
    app.find(None, "New Case File")
    type_text("Acme v. Example")
    app.key("Return")
    app.wait(lambda: heading(app) == "Acme v. Example", "the new case file's overview")
    sidebar = app.find("list", "Case files")
    app.find("list item", "Acme v. Example", within=sidebar)

    # Quit, start again: still there.
    app.quit()
    again = Dossier(app.db, env=app.env).start()
    try:
        sidebar = again.find("list", "Case files")
        again.find("list item", "Acme v. Example", within=sidebar)

        # Ctrl+Z after the restart undoes it: gone from the sidebar.
        again.key("ctrl+z")
        again.wait(lambda: not again.find_all("list item", "Acme v. Example", sidebar),
                   "the new case file to be undone")
        again.wait(lambda: heading(again) == "JEDI cloud contract protest", "the bundled case file's overview")

        # Shift+Ctrl+Z brings it back.
        again.key("shift+ctrl+z")
        again.find("list item", "Acme v. Example", within=sidebar)
    finally:
        again.stop()


def test_event_added_then_undone_after_restart(app: Dossier):
    # A case file of one's own, then an event through its form, from the
    # keyboard as a user would: title, Tab, date, Enter.
    app.key("ctrl+n")
    app.find(None, "New Case File")
    type_text("Acme v. Example")
    app.key("Return")
    app.wait(lambda: heading(app) == "Acme v. Example", "the new case file's overview")
    details = app.find("panel", "Details")
    app.click(app.find("push button", "Timeline (0)", within=details))
    app.wait(lambda: heading(app) == "Timeline", "the empty timeline")
    app.click(app.find("push button", "Add Event…", within=details))
    app.find(None, "New Event")
    type_text("Hearing on the motions")
    app.key("Tab")
    type_text("2024-02-30")
    app.find("label", re.compile(r"“2024-02-30” is not a date.*"))
    for _ in range(2):
        app.key("BackSpace")
    type_text("05")
    app.find("label", "February 5, 2024")
    app.key("Return")
    app.wait(lambda: heading(app) == "Hearing on the motions", "the new event's page")
    sidebar = app.find("list", "Case files")
    app.find("list item", "February 5, 2024, Hearing on the motions", within=sidebar)

    # Quit and start again: it is there, and Ctrl+Z still undoes it.
    app.quit()
    again = Dossier(app.db, env=app.env).start()
    try:
        sidebar = again.find("list", "Case files")
        again.click(again.find("list item", "Acme v. Example", within=sidebar))
        details = again.find("panel", "Details")
        again.click(again.find("push button", "Timeline (1)", within=details))
        again.find("push button", "February 5, 2024 — Hearing on the motions", within=details)
        again.key("ctrl+z")
        again.wait(lambda: not again.find_all("push button", "February 5, 2024 — Hearing on the motions",
                                              again.find("panel", "Details")),
                   "the event to be undone")
        again.wait(lambda: not again.find_all("list item", "February 5, 2024, Hearing on the motions", sidebar),
                   "the event to leave the sidebar")
    finally:
        again.stop()


def test_context_menus(app: Dossier):
    # A section's row offers to add to it; an item's row to edit or delete it.
    sidebar = app.find("list", "Case files")
    row = app.find("list item", "Timeline", within=sidebar)
    x, y, w, h = app.extents(row)
    subprocess.run(["xdotool", "mousemove", "--sync", str(x + 60), str(y + h // 2), "click", "3"], check=True)
    app.click(app.find("menu item", "Add Event…"))
    app.find(None, "New Event")
    app.key("Escape")
    app.wait(lambda: not app.find_all(None, "New Event"), "the form to close on Escape")
    app.wait(lambda: heading(app) == "Timeline", "the timeline, unchanged")


run(globals())
