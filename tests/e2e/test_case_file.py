#!/usr/bin/python3
"""Reading the bundled case file: the sidebar, each section's page, an item's
page, and the same content after quitting and starting again."""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from dossier_e2e import Dossier, E2EError, run  # noqa: E402

SECTIONS = ["Overview", "Organizations", "People", "Timeline", "Claims", "Sources"]


def details(app):
    return app.find("panel", "Details")


def heading(app):
    headings = app.find_all("heading", None, details(app))
    return headings[0].name if headings else ""


def expect(condition, message):
    if not condition:
        raise E2EError(message)


def test_reads_the_sidebar(app: Dossier):
    sidebar = app.find("list", "Case files")
    rows = [app.find("list item", name, within=sidebar) for name in ["JEDI cloud contract protest"] + SECTIONS]
    expect(app.selected(rows[1]), "the window should open on the case file's overview")
    expect(heading(app) == "JEDI cloud contract protest", f"overview heading is {heading(app)!r}")
    texts = app.texts(details(app))
    expect("No. 19-1796C · U.S. Court of Federal Claims" in texts, f"no docket line in {texts}")
    expect("Filed on November 22, 2019" in texts, f"no filing date in {texts}")


def test_opens_each_section(app: Dossier):
    sidebar = app.find("list", "Case files")
    expected = {
        "Organizations": (17, "Amazon Web Services — Protester (plaintiff)"),
        "People": (9, re.compile(r"Matt Garman — .+")),
        "Timeline": (31, "October 25, 2019 — Pentagon awards JEDI to Microsoft"),
        "Claims": (3, "Amazon Web Services: Political interference shaped the award"),
        "Sources": (44, re.compile(r"Business Insider: Leaked emails from one of the frontrunners.*, February 2021")),
    }
    for section, (count, example) in expected.items():
        app.click(app.find("list item", section, within=sidebar))
        app.wait(lambda: heading(app) == section, f"the {section} page")
        links = [b for b in app.find_all("push button", None, details(app))
                 if b.name != "JEDI cloud contract protest" and not b.name.startswith("Add ")]
        expect(len(links) == count, f"{section}: {len(links)} entries, expected {count}")
        app.find("push button", example, within=details(app))
        expect(f"{count} items" in app.texts(details(app)), f"{section}: no count of {count} items")

    # Back to the overview, by its row.
    app.click(app.find("list item", "Overview", within=sidebar))
    app.wait(lambda: heading(app) == "JEDI cloud contract protest", "the overview page")


def test_reads_an_event_and_its_sources(app: Dossier):
    app.click(app.find("push button", "Timeline (31)"))
    app.click(app.find("push button", "February 13, 2020 — Court halts JEDI with a preliminary injunction"))
    app.wait(lambda: heading(app) == "Court halts JEDI with a preliminary injunction", "the event page")
    texts = app.texts(details(app))
    expect("February 13, 2020" in texts, f"no date on the event page: {texts}")
    expect("Supported by" in texts and "Who took part" in texts, f"no sources or parties: {texts}")
    # The sidebar followed, with the section opened.
    row = app.find("list item", "February 13, 2020, Court halts JEDI with a preliminary injunction")
    expect(app.selected(row), "the event's sidebar row is not selected")

    # A source page says what it supports.
    app.click(app.find("push button", re.compile(r"Justia Dockets: .*173.*"), within=details(app)))
    app.wait(lambda: heading(app).startswith("Amazon Web Services, Inc. v. USA, 1:2019cv01796, ECF 173"), "the source page")
    texts = app.texts(details(app))
    expect("Address" in texts and "Not found" not in texts, f"a source page gives its address: {texts}")
    expect("Supports" in app.texts(details(app)), "a source page should list what it supports")


def test_disagreement_is_shown(app: Dossier):
    app.click(app.find("push button", "People (9)"))
    app.click(app.find("push button", re.compile(r"Matt Garman — .+")))
    app.wait(lambda: heading(app) == "Matt Garman", "Matt Garman's page")
    # His title is disputed: his role's page lists both sides.
    app.click(app.find("push button", "Vice president of sales and marketing, Amazon Web Services, from January 2020",
                       within=details(app)))
    app.wait(lambda: heading(app) == "Vice president of sales and marketing", "the role's page")
    texts = app.texts(details(app))
    expect("Supported by" in texts and "Contradicted by" in texts, f"both sides should be listed: {texts}")
    app.find("push button", re.compile(r"Business Insider: .*"), within=details(app))
    app.find("push button", re.compile(r"Unidentified French news outlet: .*"), within=details(app))


def test_expected_event_and_what_settled_it(app: Dossier):
    app.click(app.find("push button", "Timeline (31)"))
    app.click(app.find("push button",
                       "February 11, 2020 — Ruling on the injunction expected; task orders to start (expected)"))
    app.wait(lambda: heading(app) == "Ruling on the injunction expected; task orders to start", "the expected event")
    texts = app.texts(details(app))
    # And how late it came, which the record shows: two days.
    expect("Expected" in texts and "Settled by — 2 days late" in texts, f"status and settlement: {texts}")
    app.click(app.find("push button", "February 13, 2020 — Court halts JEDI with a preliminary injunction",
                       within=details(app)))
    app.wait(lambda: heading(app) == "Court halts JEDI with a preliminary injunction", "the ruling")
    expect("Settles — 2 days late" in app.texts(details(app)), "the ruling names what it settled")


def test_same_content_after_restart(app: Dossier):
    def snapshot(running):
        running.click(running.find("list item", "Overview"))
        running.wait(lambda: heading(running) == "JEDI cloud contract protest", "the overview page")
        bars = [b.name for b in running.find_all("list item", re.compile(r".*, \d.*"))]
        return running.texts(details(running)), bars

    before = snapshot(app)
    app.click(app.find("list item", re.compile(r"Microsoft, .*")))
    app.quit()

    again = Dossier(app.db, env=app.env).start()
    try:
        after = snapshot(again)
        expect(before == after, f"content changed across a restart:\n{before}\n{after}")
    finally:
        again.stop()


run(globals())
