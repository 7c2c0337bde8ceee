#!/usr/bin/python3
"""Accessibility audit: every page's whole tree, as a screen reader meets it.

Fails on a focusable or clickable object without a name (or named after its
widget type, which is what GTK says of an unnamed widget), an image without a
description, and a label that reads as a raw id.
"""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from dossier_e2e import Dossier, E2EError, describe, name_of, role_of, states_of, walk, run  # noqa: E402

CLICKABLE_ROLES = {"push button", "toggle button", "check box", "radio button", "combo box", "link",
                   "menu item", "list item", "page tab", "spin button", "slider", "text", "entry"}
TYPE_NAME = re.compile(r"(Gtk|Gdk|Dossier|Adw)[A-Z]\w*")
RAW_ID = re.compile(r"[a-z0-9]+(?:[-_][a-z0-9]+)+|[A-Z][A-Z0-9]*_[A-Z0-9_]+|\(null\)|\(None\)|.*%[sdu].*|.*\{\w+\}.*")


def has_actions(obj):
    try:
        return obj.queryAction().nActions > 0
    except Exception:
        return False


def audit(app: Dossier, page: str):
    problems = []
    for obj, depth in walk(app.root):
        states = states_of(obj)
        role, name = role_of(obj), name_of(obj).strip()
        unnamed = not name or TYPE_NAME.fullmatch(name) is not None
        if unnamed and ("focusable" in states or has_actions(obj) or role in CLICKABLE_ROLES):
            problems.append(f"{page}: {describe(obj)} can be focused or clicked but has no name")
        if role in ("image", "icon") and not name and not (obj.description or "").strip():
            problems.append(f"{page}: {describe(obj)} is an image without a description")
        if role == "label" and name and RAW_ID.fullmatch(name):
            problems.append(f"{page}: {describe(obj)} reads as a raw id")
    return problems


def test_every_page_is_named(app: Dossier):
    details = app.find("panel", "Details")
    problems = audit(app, "overview")

    for section, count, item in [("Organizations", 17, "Amazon Web Services — Protester (plaintiff)"),
                                 ("People", 9, "Jeff Bezos"),
                                 ("Timeline", 31, "October 25, 2019 — Pentagon awards JEDI to Microsoft"),
                                 ("Claims", 3, "Amazon Web Services: Political"),
                                 ("Sources", 44, "Business Insider")]:
        # Back to the overview by the page's own trail, then into the section.
        for back in app.find_all("push button", "JEDI cloud contract protest", details):
            app.click(back)
        app.click(app.find("push button", f"{section} ({count})", within=details))
        app.wait(lambda: section in app.texts(details), f"the {section} page")
        problems += audit(app, section)

        target = next(b for b in app.find_all("push button", None, details) if b.name.startswith(item))
        label = target.name
        app.click(target)
        app.wait(lambda: label not in [b.name for b in app.find_all("push button", None, details)],
                 f"the page of {label}")
        problems += audit(app, f"{section} › {label}")

    if problems:
        raise E2EError("accessibility problems:\n" + "\n".join(problems))


run(globals())
