#!/usr/bin/python3
"""The window from the keyboard: the sidebar is one stop of the focus
chain (arrow keys move inside it), so Tab goes from it to the page, and
Shift+Tab comes back to the row that was focused."""
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from dossier_e2e import Dossier, E2EError, name_of, role_of, run, states_of, walk  # noqa: E402


def expect(condition, message):
    if not condition:
        raise E2EError(message)


def focused(app):
    for obj, depth in walk(app.root):
        if "focused" in states_of(obj):
            return role_of(obj), name_of(obj)
    return None, None


def test_sidebar_is_one_tab_stop(app: Dossier):
    app.wait(lambda: focused(app)[1] == "JEDI cloud contract protest", "the case file's row to have the focus")

    # From the case file's overview, Tab goes past the page's buttons and
    # links, the view switcher and the chart's tools to the chart's first
    # bar, never through the sidebar's rows.
    sidebar_rows = {name_of(o) for o, _ in walk(app.find("list", "Case files")) if role_of(o) == "list item"}
    passed = []
    for presses in range(1, 60):
        app.key("Tab")
        time.sleep(0.1)
        role, name = focused(app)
        passed.append((role, name))
        if name == "Amazon Web Services, Q3 2019, 39%":
            break
    expect(passed[-1][1] == "Amazon Web Services, Q3 2019, 39%", f"Tab never reached the chart's first bar: {passed}")
    rows = [n for r, n in passed if r == "list item" and n in sidebar_rows]
    expect(not rows, f"Tab went through the sidebar's rows: {rows}")
    print(f"# the chart's first bar after {presses} Tab presses")

    # Back in the sidebar, the arrows move inside it; Tab leaves it for the
    # page, Shift+Tab comes back to the row that had the focus.
    app.click(app.find("list item", "Overview", within=app.find("list", "Case files")))
    app.key("Down")
    app.wait(lambda: focused(app)[1] == "Organizations", "Down to move inside the sidebar")
    app.key("Tab")
    app.wait(lambda: focused(app)[0] == "push button", "one Tab to leave the sidebar for the page")
    app.key("shift+Tab")
    app.wait(lambda: focused(app)[1] == "Organizations", "Shift+Tab back to the row that had the focus")



def test_timeline_zooms_from_anywhere(app: Dossier):
    """Ctrl+plus, Ctrl+0 zoom the timeline wherever the focus is while it
    shows, not only from one of its events (a case file of many events has
    none to focus)."""
    app.wait(lambda: focused(app)[1] == "JEDI cloud contract protest", "the case file's row to have the focus")
    app.key("alt+2")
    timeline = app.find("list", "Timeline: JEDI cloud contract protest")
    whole = timeline.description
    expect(whole.startswith("31 events"), f"the whole case file at first: {whole!r}")
    # The focus stays in the sidebar.
    app.key("ctrl+plus")
    app.wait(lambda: timeline.description != whole, "Ctrl+plus to zoom the timeline from the sidebar")
    expect(focused(app)[1] == "JEDI cloud contract protest", f"the focus moved: {focused(app)}")
    expect(" of 31 events" in timeline.description, f"zoomed in: {timeline.description!r}")
    zoomed = timeline.description
    app.key("ctrl+0")
    app.wait(lambda: timeline.description.startswith("31 events"), f"Ctrl+0 to show every event again: {whole!r}, {zoomed!r}, {timeline.description!r}")

run(globals())
