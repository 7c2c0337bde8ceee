#!/usr/bin/python3
"""Exploring a case as a user would, through clicks and keys: from an
organization to one of its events on the timeline, and back with Alt+Left.
(The links inside a summary are tested in tests/ui/test-links.c: GTK 4.8
does not give a label's links to the accessibility tree.)"""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from dossier_e2e import Dossier, E2EError, name_of, role_of, run, walk  # noqa: E402

EVENT = "January 13, 2020, Joint status report sets the injunction timetable, happened"


def expect(condition, message):
    if not condition:
        raise E2EError(message)


def heading(app):
    details = app.find("panel", "Details")
    return [name_of(o) for o, _ in walk(details) if role_of(o) == "heading"][:1]


def timeline(app):
    return app.find("list", "Timeline: JEDI cloud contract protest")


def test_organization_to_event_and_back(app: Dossier):
    sidebar = app.find("list", "Case files")
    # AWS, through its bar on the market chart.
    app.click(app.find("list item", "Amazon Web Services, Q3 2019, 39%",
                       within=app.find("list", "Market share, Q3 2019")))
    app.wait(lambda: heading(app) == ["Amazon Web Services"], "AWS's page")

    # The timeline view (Alt+2), its events; one clicked there.
    app.key("alt+2")
    item = app.find("list item", EVENT, within=timeline(app))
    app.click(item)
    app.wait(lambda: heading(app) == ["Joint status report sets the injunction timetable"], "the event's page")
    app.wait(lambda: app.selected(item), "the event highlighted on the timeline")
    row = app.find("list item", re.compile(".*Joint status report sets the injunction timetable.*"), within=sidebar)
    app.wait(lambda: app.selected(row), "the sidebar to select the event")

    # Back to AWS with Alt+Left, everywhere.
    app.key("alt+Left")
    app.wait(lambda: heading(app) == ["Amazon Web Services"], "Alt+Left back to AWS's page")
    aws = app.find("list item", "Amazon Web Services", within=sidebar)
    app.wait(lambda: app.selected(aws), "the sidebar back on AWS")
    app.wait(lambda: not app.selected(item), "the event no longer highlighted")


run(globals())
