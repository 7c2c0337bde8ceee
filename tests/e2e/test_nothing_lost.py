#!/usr/bin/python3
"""What quitting leaves behind: the database closed, its write-ahead log
folded into the file, so that a copy of dossier.db alone holds every edit."""
import hashlib
import os
import re
import shutil
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from dossier_e2e import Dossier, E2EError, run, states_of  # noqa: E402


def expect(condition, message):
    if not condition:
        raise E2EError(message)


def test_quit_closes_the_database(app: Dossier):
    app.key("ctrl+n")
    app.find(None, "New Case File")
    subprocess.run(["xdotool", "type", "--delay", "5", "Kept after quitting"], check=True)
    time.sleep(0.3)
    app.key("Return")
    app.find("heading", "Kept after quitting")
    app.quit()
    for suffix in ("-wal", "-shm"):
        expect(not os.path.exists(app.db + suffix), f"{app.db}{suffix} is left after quitting")
    # The file alone, copied as a user backs it up, has the new case file.
    copy = os.path.join(os.path.dirname(app.db), "copy.db")
    shutil.copyfile(app.db, copy)
    found = subprocess.run([os.environ["DOSSIER"], "--db", copy, "--search", "Kept after quitting"],
                           capture_output=True, text=True, env=app.env)
    expect(found.returncode == 0 and "Kept after quitting" in found.stdout,
           f"the copy misses the edit: {found.stdout!r} {found.stderr!r}")


def _digest(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def test_read_only_database(app: Dossier):
    """A database that cannot be written opens read-only: it reads, a notice
    says why nothing can be changed, nothing that would change it works, and
    neither the file nor its folder change."""
    app.quit()
    os.chmod(app.db, 0o444)
    before = _digest(app.db)
    app.start()
    app.find("label", re.compile(r"dossier\.db is read-only: you can read, search and export it.*"))
    # Reading works as ever: the first case file's overview.
    app.find("heading", "JEDI cloud contract protest")
    edit = app.find("push button", "Edit…")
    expect("enabled" not in states_of(edit) and "sensitive" not in states_of(edit),
           f"the Edit button can still be pressed: {sorted(states_of(edit))}")
    # Ctrl+N opens no form.
    app.key("ctrl+n")
    time.sleep(0.5)
    expect(not app.find_all(None, "New Case File"), "Ctrl+N opened a form on a read-only database")
    app.quit()
    expect(_digest(app.db) == before, "the read-only database changed")
    left = sorted(os.listdir(os.path.dirname(app.db)))
    expect(not [name for name in left if name.startswith("dossier.db-")],
           f"files were written beside the read-only database: {left}")
    os.chmod(app.db, 0o644)


run(globals())
