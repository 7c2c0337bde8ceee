#!/usr/bin/python3
"""What quitting leaves behind: the database closed, its write-ahead log
folded into the file, so that a copy of dossier.db alone holds every edit."""
import os
import shutil
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from dossier_e2e import Dossier, E2EError, run  # noqa: E402


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


run(globals())
