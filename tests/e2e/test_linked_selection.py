#!/usr/bin/python3
"""The sidebar and the chart follow each other, both ways, through clicks."""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from dossier_e2e import Dossier, E2EError, run  # noqa: E402

BARS = ["Amazon Web Services, Q3 2019, 39%", "Microsoft, Q3 2019, 19%", "Google, Q3 2019, 9%"]


def expect(condition, message):
    if not condition:
        raise E2EError(message)


def chart(app):
    return app.find("list", "Market share, Q3 2019")


def highlighted(app):
    return [bar.name for bar in app.find_all("list item", None, chart(app)) if app.selected(bar)]


def test_bars_are_named(app: Dossier):
    names = [bar.name for bar in app.find_all("list item", None, chart(app))]
    expect(names == BARS, f"the chart's bars are {names}")
    expect(highlighted(app) == [], f"no bar should be highlighted on the overview: {highlighted(app)}")


def test_clicking_a_bar_selects_its_organization(app: Dossier):
    for bar_name, organization in [("Amazon Web Services, Q3 2019, 39%", "Amazon Web Services"),
                                   ("Google, Q3 2019, 9%", "Google"),
                                   ("Microsoft, Q3 2019, 19%", "Microsoft")]:
        app.click(app.find("list item", bar_name, within=chart(app)))
        row = app.find("list item", organization, within=app.find("list", "Case files"))
        app.wait(lambda: app.selected(row), f"the sidebar to select {organization}")
        selected = [r.name for r in app.find_all("list item", None, app.find("list", "Case files"))
                    if app.selected(r)]
        expect(selected == [organization], f"the sidebar selects {selected}")
        expect(highlighted(app) == [bar_name], f"highlighted bars: {highlighted(app)}")
        app.find("heading", organization, within=app.find("panel", "Details"))


def test_selecting_an_organization_highlights_its_bar(app: Dossier):
    sidebar = app.find("list", "Case files")
    organizations = app.find("list item", "Organizations", within=sidebar)
    # Open the section with its expander arrow, then click the row.
    app.click(app.find("push button", "Expand", within=organizations))
    app.click(app.find("list item", "Microsoft", within=sidebar))
    app.wait(lambda: highlighted(app) == ["Microsoft, Q3 2019, 19%"], "Microsoft's bar to be highlighted")

    app.click(app.find("list item", "Amazon Web Services", within=sidebar))
    app.wait(lambda: highlighted(app) == ["Amazon Web Services, Q3 2019, 39%"], "AWS's bar to be highlighted")

    # An organization with no bar in this chart, then an event: nothing highlighted.
    app.click(app.find("list item", "Oracle", within=sidebar))
    app.wait(lambda: highlighted(app) == [], "no bar to be highlighted for Oracle")


def test_keyboard_selects_a_bar(app: Dossier):
    app.click(app.find("list item", "Google, Q3 2019, 9%", within=chart(app)))
    app.wait(lambda: highlighted(app) == ["Google, Q3 2019, 9%"], "Google's bar to be highlighted")
    app.key("Up")
    app.key("Up")
    app.key("Return")
    app.wait(lambda: highlighted(app) == ["Amazon Web Services, Q3 2019, 39%"], "Up, Up, Return to select AWS")
    row = app.find("list item", "Amazon Web Services", within=app.find("list", "Case files"))
    expect(app.selected(row), "the sidebar did not follow the keyboard")


run(globals())
