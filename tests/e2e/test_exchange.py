#!/usr/bin/python3
"""Exchange from the window, as a user does it: Ctrl+O imports a case file
(the one shown, exported, is there already: the window asks, and imports
it as a copy), and a spreadsheet of shares with mistakes is refused, every
mistake listed with its line."""
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


def type_text(text):
    subprocess.run(["xdotool", "type", "--delay", "5", text], check=True)
    time.sleep(0.3)


def choose_file(app: Dossier, title, path):
    # GTK 4.8 gives the file chooser window the role "filler": find it by name.
    app.find(None, title)
    # Typing "/" opens the location field; then the rest of the path.
    type_text(path)
    app.key("Return")


def test_import_a_case_file_as_a_copy(app: Dossier):
    exported = os.path.join(os.path.dirname(app.db), "jedi.json")
    subprocess.run([os.environ["DOSSIER"], "--db", app.db, "--export-case", "jedi-protest", exported],
                   check=True, env=app.env)
    app.key("ctrl+o")
    choose_file(app, "Import Case File", exported)
    app.find("label", "This case file is in Dossier already")
    app.click(app.find("push button", "Import as Copy"))
    app.find("label", "Imported “JEDI cloud contract protest (2)”")
    # The copy is opened: its title in the window's, its overview shown.
    app.find("frame", "JEDI cloud contract protest (2) — Dossier")
    app.find("heading", "JEDI cloud contract protest (2)")
    app.find("list item", "JEDI cloud contract protest (2)")


def test_shares_with_mistakes(app: Dossier):
    bad = os.path.join(os.path.dirname(app.db), "shares.csv")
    with open(bad, "w", encoding="utf-8") as f:
        f.write("period,provider,share\n2024-Q1,AWS,31\n2024-Q1,Microsoft,\"25,5\"\n2024Q1,Google,11\n")
    app.key("F10")
    app.find("menu item", "Import Market Shares…")
    # Its mnemonic, as a keyboard user does: GTK 4.8 reports the main menu's
    # items 50 pixels off their place, so a click would miss.
    app.key("m")
    choose_file(app, "Import Market Shares", bad)
    app.find("label", "The market shares could not be imported")
    listing = app.find("label", re.compile(r"Line 3: .*decimal comma.*", re.S))
    expect("Line 4: “2024Q1” is not a period" in listing.name, f"line 4 is not listed: {listing.name!r}")


run(globals())
