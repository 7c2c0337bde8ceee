#!/usr/bin/python3
"""What quitting leaves behind: the database closed, its write-ahead log
folded into the file, so that a copy of dossier.db alone holds every edit."""
import hashlib
import os
import re
import shutil
import sqlite3
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


def _damage_middle_page(path):
    """Overwrites the middle page of the events' table: a page of data, not
    of the schema (whose pages, since schema 6 added its indexes, sit in
    the middle of a new file too)."""
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        pages = [p for (p,) in db.execute("SELECT pageno FROM dbstat WHERE name = 'event' ORDER BY pageno")]
        size = db.execute("PRAGMA page_size").fetchone()[0]
    with open(path, "r+b") as f:
        f.seek((pages[len(pages) // 2] - 1) * size)
        f.write(b"\xab" * size)


def _damaged_copies(folder):
    return sorted(n for n in os.listdir(folder) if re.fullmatch(r"dossier-damaged-\d{4}-\d\d-\d\d-\d{6}\.db", n))


def test_damaged_database_recovered(app: Dossier):
    """A damaged database: the window says so and offers Recover, Start a
    New Database and Open Another File; Recover opens a window on what
    could be read, and the damaged file is kept beside it, byte for byte."""
    app.quit()
    _damage_middle_page(app.db)
    before = _digest(app.db)
    folder = os.path.dirname(app.db)
    app.launch()
    app.find(None, "Dossier cannot open its database")
    app.find("label", re.compile(r".*dossier\.db is damaged \(page \d+ of the file cannot be read\).*", re.DOTALL))
    for label in ("Quit", "Open Another File…", "Start a New Database"):
        app.find("push button", label)
    app.click(app.find("push button", "Recover"))
    app.find(None, "What could be read was recovered")
    app.find(None, re.compile(r".* — Dossier$"))
    app.key("Return")
    app.find("heading", "JEDI cloud contract protest")
    kept = _damaged_copies(folder)
    expect(len(kept) == 1, f"the damaged file is not kept beside the new one: {os.listdir(folder)}")
    expect(_digest(os.path.join(folder, kept[0])) == before, "the damaged file changed")
    app.quit()
    with sqlite3.connect(app.db) as db:
        check = db.execute("PRAGMA integrity_check").fetchone()[0]
    expect(check == "ok", f"the recovered database is not sound: {check!r}")


def test_damaged_database_started_anew(app: Dossier):
    """Start a New Database: the bundled case file in a new database, the
    damaged one kept beside it as it was."""
    app.quit()
    _damage_middle_page(app.db)
    before = _digest(app.db)
    app.launch()
    app.click(app.find("push button", "Start a New Database"))
    app.find(None, "A new database was started")
    app.key("Return")
    app.find("heading", "JEDI cloud contract protest")
    kept = _damaged_copies(os.path.dirname(app.db))
    expect(len(kept) == 1 and _digest(os.path.join(os.path.dirname(app.db), kept[0])) == before,
           f"the damaged file is not kept as it was: {kept}")
    app.quit()


def test_crafted_database_open_another(app: Dossier):
    """A database changed by another program (a trigger of its own): the
    window says so, offers no recovery, and Open Another File… opens a good
    one; the crafted file is left byte for byte as it was."""
    app.quit()
    good = os.path.join(os.path.dirname(app.db), "good copy.db")
    shutil.copyfile(app.db, good)
    with sqlite3.connect(app.db) as db:
        db.execute("CREATE TRIGGER wipe AFTER INSERT ON node BEGIN DELETE FROM node; END")
    db.close()
    before = _digest(app.db)
    app.launch()
    app.find("label", re.compile(r".*was changed outside Dossier \(a trigger “wipe” of its own\).*", re.DOTALL))
    expect(not app.find_all("push button", "Recover"), "a crafted file is offered a recovery")
    app.click(app.find("push button", "Open Another File…"))
    app.find(None, "Open a Dossier Database")
    app.key("ctrl+l")
    time.sleep(0.3)
    subprocess.run(["xdotool", "type", "--delay", "5", good], check=True)
    time.sleep(0.3)
    app.key("Return")
    app.find("heading", "JEDI cloud contract protest")
    app.quit()
    expect(_digest(app.db) == before, "the crafted file changed")


run(globals())
