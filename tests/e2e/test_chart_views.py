#!/usr/bin/python3
"""The chart's views from outside: shares over time chosen from the view
picker, a series and a period chosen from theirs, with the keyboard, and
AWS's share in 2021-Q3 read from the accessibility tree."""
import os
import re
import sqlite3
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from dossier_e2e import Dossier, E2EError, run  # noqa: E402


def expect(condition, message):
    if not condition:
        raise E2EError(message)


def pick(app, combo_name, moves):
    """Opens a drop-down and moves its selection with the arrow keys, as a
    keyboard user does (GTK 4.8 gives its popover's rows no extents)."""
    app.click(app.find("combo box", combo_name))
    time.sleep(0.5)
    for key in moves:
        app.key(key)
        time.sleep(0.05)
    app.key("Return")
    time.sleep(0.5)


def test_aws_over_time(app: Dossier):
    with sqlite3.connect(f"file:{app.db}?mode=ro", uri=True) as db:
        series = [row[0] for row in db.execute(
            "SELECT s.slug FROM market_series s JOIN market_series_text t ON t.series_id = s.id "
            "AND t.lang = 'en' ORDER BY s.firm, t.market, s.id")]
        periods = [row[0] for row in db.execute(
            "SELECT DISTINCT period FROM market_share WHERE series_id = "
            "(SELECT id FROM market_series WHERE slug = 'synergy-cloud-infra') ORDER BY period")]
        share = db.execute(
            "SELECT percent FROM market_share WHERE period = '2021-Q3' AND series_id = "
            "(SELECT id FROM market_series WHERE slug = 'synergy-cloud-infra') "
            "AND organization_id = (SELECT id FROM node WHERE slug = 'aws')").fetchone()[0]
    db.close()

    # The donut first: the same names as the bars.
    pick(app, "Chart view", ["Down"])
    app.find("list item", "Amazon Web Services, Q3 2019, 39%")
    pick(app, "Chart view", ["Down"])
    app.find("list item", re.compile(r"Amazon Web Services, Q3 2019, 39%"))

    # The series picker lists the series in its own order: find ours by
    # moving down from the first until the chart says it.
    app.click(app.find("combo box", "Market-share series"))
    time.sleep(0.5)
    app.key("Home")
    app.key("Return")
    for _ in range(len(series)):
        if app.find_all(None, re.compile(r".*Cloud infrastructure services \(IaaS, PaaS, hosted private cloud\).*")):
            break
        pick(app, "Market-share series", ["Down"])
    app.find(None, re.compile(r".*Cloud infrastructure services \(IaaS, PaaS, hosted private cloud\).*"))

    # The period picker, from its first period down to 2021-Q3.
    pick(app, "Period", ["Home"] + ["Down"] * periods.index("2021-Q3"))
    name = f"Amazon Web Services, Q3 2021, {share:g}%"
    app.find("list item", name)
    # Every organization the series names is a line, read the same way.
    lines = app.find_all("list item", re.compile(r".*, Q3 2021, .*"))
    expect(len(lines) >= 5, f"only {len(lines)} lines are named for screen readers")



def type_text(text):
    import subprocess
    subprocess.run(["xdotool", "type", "--delay", "5", text], check=True)
    time.sleep(0.3)


def test_title_and_menu_from_the_keyboard(app: Dossier):
    """F2 on the chart writes its title; the Menu key opens the context
    menu on the focused bar, with its four entries; Escape closes it."""
    app.click(app.find("list item", "Microsoft, Q3 2019, 19%"))
    app.key("F2")
    entry = app.find("text", "Chart Title")
    expect(entry is not None, "no title entry")
    app.key("ctrl+a")
    type_text("AWS leads cloud infrastructure, Q3 2019")
    app.key("Return")
    chart = app.find("list", "AWS leads cloud infrastructure, Q3 2019")

    # The market chart's bar (Microsoft's page has a small chart of its own
    # whose lines are named alike).
    app.click(app.find("list item", "Google, Q3 2019, 9%", within=chart))
    app.key("Menu")
    for label in ["Copy Value", "Copy Chart as Image", "Edit Title…", "Export Chart…"]:
        app.find("menu item", label)
    app.key("Escape")
    app.wait(lambda: not app.find_all("menu item", "Copy Value"), "the menu to close")


run(globals())
