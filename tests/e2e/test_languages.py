#!/usr/bin/python3
"""The window in French and in English, figures included."""
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from dossier_e2e import ENGLISH, FRENCH, Dossier, E2EError, in_language, run  # noqa: E402

NNBSP = "\u202f"


def expect(condition, message):
    if not condition:
        raise E2EError(message)


@in_language(FRENCH)
def test_search_in_french(app: Dossier):
    # Ctrl+F, "injonction" typed as a French journalist would, the ruling of
    # 13 February 2020 chosen among the results: its page, selected.
    app.key("ctrl+f")
    app.find("entry", "Rechercher")
    subprocess.run(["xdotool", "type", "--delay", "5", "injonction"], check=True)
    results = app.find("list", "Résultats de la recherche")
    app.find("list item", "Événements\u00a0: La Cour suspend JEDI par une injonction provisoire", within=results)
    # The first result is chosen; Down and Up move the choice, as a screen
    # reader says.
    items = app.find_all("list item", None, results)
    expect(len(items) > 1 and app.selected(items[0]), "the first result is not chosen")
    app.key("Down")
    app.wait(lambda: app.selected(items[1]) and not app.selected(items[0]), "Down to choose the second result")
    app.key("Up")
    app.wait(lambda: app.selected(items[0]), "Up to choose the first result again")
    # More words narrow it to the one; Enter opens it.
    subprocess.run(["xdotool", "type", "--delay", "5", " suspend"], check=True)
    app.wait(lambda: len(app.find_all("list item", None, results)) == 1, "one result left")
    app.key("Return")
    details = app.find("panel", "Détails")
    app.wait(lambda: "La Cour suspend JEDI par une injonction provisoire" in app.texts(details), "the ruling's page")
    row = app.find("list item", "13 février 2020, La Cour suspend JEDI par une injonction provisoire")
    if not app.selected(row):
        raise E2EError("the ruling is not selected in the sidebar")


@in_language(FRENCH)
def test_french(app: Dossier):
    sidebar = app.find("list", "Dossiers")
    for name in ["Contestation du contrat cloud JEDI", "Vue d’ensemble", "Organisations", "Personnes",
                 "Chronologie", "Affirmations", "Sources"]:
        app.find("list item", name, within=sidebar)
    chart = app.find("list", "Parts de marché, T3 2019")
    bars = [bar.name for bar in app.find_all("list item", None, chart)]
    expect(bars == [f"Amazon Web Services, T3 2019, 39{NNBSP}%", f"Microsoft, T3 2019, 19{NNBSP}%", f"Google, T3 2019, 9{NNBSP}%"],
           f"French bars: {bars}")
    details = app.find("panel", "Détails")
    texts = app.texts(details)
    expect("Déposé le 22 novembre 2019" in texts, f"French date: {texts}")
    expect("n° 19-1796C · Cour fédérale des réclamations des États-Unis" in texts, f"French docket: {texts}")
    app.find("push button", "Chronologie (31)", within=details)
    app.find("frame", "Contestation du contrat cloud JEDI — Dossier")


@in_language(ENGLISH)
def test_english(app: Dossier):
    chart = app.find("list", "Market share, Q3 2019")
    bars = [bar.name for bar in app.find_all("list item", None, chart)]
    expect(bars == ["Amazon Web Services, Q3 2019, 39%", "Microsoft, Q3 2019, 19%", "Google, Q3 2019, 9%"], f"English bars: {bars}")
    app.find("list item", "Overview", within=app.find("list", "Case files"))
    app.find("frame", "JEDI cloud contract protest — Dossier")


run(globals())
