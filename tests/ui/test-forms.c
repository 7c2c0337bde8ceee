/* test-forms.c: a case file made with Ctrl+N, an event added to it through
 * its form in a real window (checked as typed, saved, seen everywhere),
 * undone and redone; a note and a citation added from a page; an event
 * deleted and brought back from the bar's Undo; Escape cancels a form; a
 * form saved on a full disk stays open with what was typed, says why, and
 * saves once the disk has room again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>
#include <sqlite3.h>
#include <locale.h>
#include <string.h>

#include "dossier-chart.h"
#include "dossier-detail-pane.h"
#include "dossier-edit-dialog.h"
#include "dossier-new-case-dialog.h"
#include "dossier-node.h"
#include "dossier-selection.h"
#include "dossier-store.h"
#include "dossier-window.h"
#include "test-failing-vfs.h"
#include "test-ui-utils.h"
#include "test-utils.h"

typedef struct
{
  char          *dir;
  char          *path;
  DossierStore  *store;
  DossierWindow *window;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = test_make_tmp_dir ("dossier-forms-XXXXXX");
  f->path = g_build_filename (f->dir, "dossier.db", NULL);
  f->store = test_open_store (f->path);
  f->window = test_open_window (f->store);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  test_close_window (f->window, f->store);
  test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }
  return NULL;
}

static gboolean
no_form (gpointer unused)
{
  return find_toplevel (DOSSIER_TYPE_EDIT_DIALOG) == NULL && find_toplevel (DOSSIER_TYPE_NEW_CASE_DIALOG) == NULL;
}

static const char *
heading (Fixture *f)
{
  return dossier_detail_pane_get_heading (DOSSIER_DETAIL_PANE (dossier_window_get_detail (f->window)));
}

/* Every label text under @widget, joined by "|". */
static void
collect_labels (GtkWidget *widget,
                GString   *out)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget))
    g_string_append_printf (out, "%s|", gtk_label_get_label (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_labels (child, out);
}

static gboolean
shows (GtkWidget  *widget,
       const char *text)
{
  g_autoptr(GString) out = g_string_new ("|");

  collect_labels (widget, out);
  return strstr (out->str, text) != NULL;
}

static void
type_into (DossierEditDialog *dialog,
           const char        *key,
           const char        *text)
{
  dossier_edit_dialog_set_text (dialog, key, text);
  test_iterate ();
}

static gint64
new_case (Fixture *f)
{
  DossierNewCaseDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-case", NULL));
  test_iterate ();
  dialog = DOSSIER_NEW_CASE_DIALOG (find_toplevel (DOSSIER_TYPE_NEW_CASE_DIALOG));
  dossier_new_case_dialog_set_title_text (dialog, "Acme v. Example");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "default.activate", NULL));
  test_wait_until (no_form, NULL);
  return dossier_selection_get_case_id (dossier_window_get_selection (f->window));
}

static void
test_add_event (Fixture       *f,
                gconstpointer  data)
{
  DossierSelection *selection = dossier_window_get_selection (f->window);
  GtkWidget *sidebar = dossier_window_get_sidebar (f->window);
  GtkWidget *detail = dossier_window_get_detail (f->window);
  g_autoptr(GError) error = NULL;
  DossierEditDialog *dialog;
  GtkWidget *focus, *date;
  gint64 case_id = new_case (f), event_id;

  g_assert_cmpint (case_id, !=, 0);
  g_assert_cmpstr (heading (f), ==, "Acme v. Example");
  /* Its overview lists its sections, empty ones included. */
  g_assert_true (shows (detail, "|Timeline (0)|"));
  g_assert_true (shows (detail, "|Claims (0)|"));
  /* No market figures of its own: the chart says so, rather than show
   * another case file's. */
  g_assert_cmpstr (dossier_chart_get_title (DOSSIER_CHART (dossier_window_get_chart (f->window))), ==,
                   "No market series");

  /* The Timeline page offers to add an event; the form opens focused on
   * its first field, the title. */
  dossier_selection_select (selection, case_id, DOSSIER_SECTION_TIMELINE, 0);
  test_iterate ();
  g_assert_true (shows (detail, "|_Add Event…|") || shows (detail, "|Add Event…|"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.add-item", "i",
                                             (gint32) DOSSIER_SECTION_TIMELINE));
  test_iterate ();
  dialog = DOSSIER_EDIT_DIALOG (find_toplevel (DOSSIER_TYPE_EDIT_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "New Event");
  focus = gtk_root_get_focus (GTK_ROOT (dialog));
  g_assert_true (focus != NULL &&
                 (gtk_widget_is_ancestor (focus, dossier_edit_dialog_get_field (dialog, "title")) ||
                  focus == dossier_edit_dialog_get_field (dialog, "title")));
  g_assert_false (gtk_widget_get_sensitive (gtk_window_get_default_widget (GTK_WINDOW (dialog))));

  /* A date that does not exist is refused before saving, and said so. */
  type_into (dialog, "title", "Hearing on the motions");
  type_into (dialog, "date", "2024-02-30");
  date = dossier_edit_dialog_get_field (dialog, "date");
  g_assert_nonnull (dossier_edit_dialog_get_problem (dialog, "date"));
  g_assert_true (shows (GTK_WIDGET (dialog), "is not a date"));
  g_assert_true (gtk_widget_has_css_class (date, "error"));
  g_assert_false (gtk_widget_get_sensitive (gtk_window_get_default_widget (GTK_WINDOW (dialog))));

  /* A right one reads back as a reader will see it; Enter saves. */
  type_into (dialog, "date", "2024-03-05");
  g_assert_null (dossier_edit_dialog_get_problem (dialog, "date"));
  g_assert_true (shows (GTK_WIDGET (dialog), "|March 5, 2024|"));
  type_into (dialog, "kind", "hearing");
  type_into (dialog, "status", "expected");
  g_assert_true (gtk_widget_get_sensitive (gtk_window_get_default_widget (GTK_WINDOW (dialog))));
  g_assert_true (gtk_widget_activate_action (date, "default.activate", NULL));
  test_wait_until (no_form, NULL);

  /* Shown at once: its page, selected in the sidebar, in the overview's count. */
  g_assert_cmpstr (heading (f), ==, "Hearing on the motions");
  event_id = dossier_selection_get_node_id (selection);
  g_assert_cmpint (event_id, !=, 0);
  g_assert_true (shows (detail, "|Expected|"));
  g_assert_true (shows (sidebar, "|Hearing on the motions|"));

  /* Undo takes it away everywhere; redo brings it back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  test_iterate ();
  g_assert_false (shows (sidebar, "|Hearing on the motions|"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.redo", NULL));
  test_iterate ();
  g_assert_true (shows (sidebar, "|Hearing on the motions|"));

  /* F2 edits it: the form filled in; Escape closes it without a change. */
  dossier_selection_select (selection, case_id, DOSSIER_SECTION_TIMELINE, event_id);
  test_iterate ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.edit", NULL));
  test_iterate ();
  dialog = DOSSIER_EDIT_DIALOG (find_toplevel (DOSSIER_TYPE_EDIT_DIALOG));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dossier_edit_dialog_get_field (dialog, "date"))), ==,
                   "2024-03-05");
  type_into (dialog, "title", "Changed, then cancelled");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL));
  test_wait_until (no_form, NULL);
  g_assert_cmpstr (heading (f), ==, "Hearing on the motions");

  /* A note of the user's, on the event's page. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.add-note", NULL));
  test_iterate ();
  dialog = DOSSIER_EDIT_DIALOG (find_toplevel (DOSSIER_TYPE_EDIT_DIALOG));
  type_into (dialog, "body", "Ask the clerk for the room.");
  g_assert_true (dossier_edit_dialog_save (dialog));
  test_wait_until (no_form, NULL);
  g_assert_true (shows (detail, "|Your notes|Ask the clerk for the room.|"));

  /* Delete asks nothing; the bar offers Undo. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.delete-item", NULL));
  test_iterate ();
  g_assert_false (shows (sidebar, "|Hearing on the motions|"));
  g_assert_true (shows (GTK_WIDGET (f->window), "|“Hearing on the motions” was deleted.|"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  test_iterate ();
  g_assert_true (shows (sidebar, "|Hearing on the motions|"));
  g_assert_cmpint (test_sql_int (f->path, "SELECT count(*) FROM note"), ==, 1);
}

/* A source added to the case file, then cited against a claim. */
static void
test_cite (Fixture       *f,
           gconstpointer  data)
{
  DossierSelection *selection = dossier_window_get_selection (f->window);
  GtkWidget *detail = dossier_window_get_detail (f->window);
  DossierEditDialog *dialog;
  gint64 case_id = new_case (f), claim_id;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.add-item", "i",
                                             (gint32) DOSSIER_SECTION_SOURCES));
  test_iterate ();
  dialog = DOSSIER_EDIT_DIALOG (find_toplevel (DOSSIER_TYPE_EDIT_DIALOG));
  type_into (dialog, "publisher", "Example Times");
  type_into (dialog, "title", "The hearing, as reported");
  type_into (dialog, "url", "example.com");
  g_assert_nonnull (dossier_edit_dialog_get_problem (dialog, "url"));
  type_into (dialog, "url", "https://example.com/hearing");
  g_assert_true (dossier_edit_dialog_save (dialog));
  test_wait_until (no_form, NULL);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.add-item", "i",
                                             (gint32) DOSSIER_SECTION_CLAIMS));
  test_iterate ();
  dialog = DOSSIER_EDIT_DIALOG (find_toplevel (DOSSIER_TYPE_EDIT_DIALOG));
  type_into (dialog, "title", "The hearing was fair");
  g_assert_true (dossier_edit_dialog_save (dialog));
  test_wait_until (no_form, NULL);
  claim_id = dossier_selection_get_node_id (selection);
  g_assert_cmpstr (heading (f), ==, "The hearing was fair");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.cite", NULL));
  test_iterate ();
  dialog = DOSSIER_EDIT_DIALOG (find_toplevel (DOSSIER_TYPE_EDIT_DIALOG));
  g_assert_false (gtk_widget_get_sensitive (gtk_window_get_default_widget (GTK_WINDOW (dialog))));
  /* Nothing chosen yet is not an error yet. */
  g_assert_false (shows (GTK_WIDGET (dialog), "|Choose one|"));
  /* Chosen in the lists as a click does: the form checks itself again. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dossier_edit_dialog_get_field (dialog, "source")), 0);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dossier_edit_dialog_get_field (dialog, "stance")), 1);
  test_iterate ();
  g_assert_true (gtk_widget_get_sensitive (gtk_window_get_default_widget (GTK_WINDOW (dialog))));
  g_assert_true (dossier_edit_dialog_save (dialog));
  test_wait_until (no_form, NULL);
  g_assert_true (shows (detail, "|Contradicted by|Example Times: The hearing, as reported|"));
  g_assert_cmpint (dossier_selection_get_node_id (selection), ==, claim_id);

  /* A market series of the user's, its figures checked line by line. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.add-series", NULL));
  test_iterate ();
  dialog = DOSSIER_EDIT_DIALOG (find_toplevel (DOSSIER_TYPE_EDIT_DIALOG));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "New Market Series");
  type_into (dialog, "firm", "Example Research");
  type_into (dialog, "market", "Courtrooms, worldwide");
  {
    g_autofree char *source = g_strdup_printf ("%" G_GINT64_FORMAT,
                                               test_sql_int (f->path, "SELECT id FROM node WHERE name = "
                                                                      "'The hearing, as reported'"));
    type_into (dialog, "source", source);
  }
  type_into (dialog, "figures", "2024-Q1 AWS 31\n2024-Q1 Nobody Inc 12");
  g_assert_nonnull (strstr (dossier_edit_dialog_get_problem (dialog, "figures"), "Line 2"));
  g_assert_false (gtk_widget_get_sensitive (gtk_window_get_default_widget (GTK_WINDOW (dialog))));
  type_into (dialog, "figures", "2024-Q1 AWS 31\n2024-Q1 Microsoft 25");
  g_assert_null (dossier_edit_dialog_get_problem (dialog, "figures"));
  g_assert_true (dossier_edit_dialog_save (dialog));
  test_wait_until (no_form, NULL);
  {
    gint64 series = 0;
    g_autofree char *period = NULL;

    g_assert_true (dossier_store_get_case_market (f->store, case_id, &series, &period, NULL));
    g_assert_cmpint (series, ==, test_sql_int (f->path, "SELECT id FROM market_series WHERE firm = 'Example Research'"));
  }
  /* The chart follows: the new series, on its latest period. */
  dossier_selection_select (selection, case_id, DOSSIER_SECTION_OVERVIEW, 0);
  test_iterate ();
  g_assert_cmpstr (dossier_chart_get_title (DOSSIER_CHART (dossier_window_get_chart (f->window))), ==,
                   "Market share, Q1 2024");
}

static gboolean
shows_error (gpointer dialog)
{
  return dossier_new_case_dialog_get_error (dialog) != NULL;
}

/* The disk is full when Save is pressed: the form stays open with what was
 * typed and says why; the database is as it was; once there is room,
 * Save again works. */
static void
test_full_disk (Fixture       *f,
                gconstpointer  data)
{
  gint64 case_id = test_find_case (f->store, "jedi-protest");
  g_autofree char *before = NULL, *after = NULL;
  DossierEditDialog *dialog;
  guint failures = test_failing_vfs_get_failures ();

  dossier_selection_select (dossier_window_get_selection (f->window), case_id, DOSSIER_SECTION_TIMELINE, 0);
  test_iterate ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.add-item", "i",
                                             (gint32) DOSSIER_SECTION_TIMELINE));
  test_iterate ();
  dialog = DOSSIER_EDIT_DIALOG (find_toplevel (DOSSIER_TYPE_EDIT_DIALOG));
  type_into (dialog, "title", "Hearing kept through a full disk");
  type_into (dialog, "date", "2024-03-05");
  before = test_dump_content (f->path);

  test_failing_vfs_fail (SQLITE_FULL);
  g_assert_false (dossier_edit_dialog_save (dialog));
  test_iterate ();
  test_failing_vfs_fail (SQLITE_OK);
  g_assert_cmpuint (test_failing_vfs_get_failures (), >, failures);

  /* Still open, with what was typed and why it was not saved. */
  g_assert_true (find_toplevel (DOSSIER_TYPE_EDIT_DIALOG) == GTK_WINDOW (dialog));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dossier_edit_dialog_get_field (dialog, "title"))), ==,
                   "Hearing kept through a full disk");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dossier_edit_dialog_get_field (dialog, "date"))), ==,
                   "2024-03-05");
  g_assert_true (shows (GTK_WIDGET (dialog), "the disk is full. Nothing was changed; free some space and try again."));
  after = test_dump_content (f->path);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (shows (dossier_window_get_sidebar (f->window), "|Hearing kept through a full disk|"));

  /* Room again: the same form saves. */
  g_assert_true (dossier_edit_dialog_save (dialog));
  test_wait_until (no_form, NULL);
  g_assert_cmpstr (heading (f), ==, "Hearing kept through a full disk");
  g_assert_cmpint (test_sql_int (f->path, "SELECT count(*) FROM node_text WHERE title = 'Hearing kept through a full disk'"),
                   ==, 1);

  /* The same for a new case file: the title stays, with the reason. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-case", NULL));
  test_iterate ();
  {
    DossierNewCaseDialog *new_case = DOSSIER_NEW_CASE_DIALOG (find_toplevel (DOSSIER_TYPE_NEW_CASE_DIALOG));

    dossier_new_case_dialog_set_title_text (new_case, "Kept through a full disk");
    test_iterate ();
    test_failing_vfs_fail (SQLITE_FULL);
    /* A button activated clicks after a moment: wait for the answer. */
    g_assert_true (gtk_widget_activate (gtk_window_get_default_widget (GTK_WINDOW (new_case))));
    test_wait_until (shows_error, new_case);
    test_failing_vfs_fail (SQLITE_OK);
    g_assert_true (find_toplevel (DOSSIER_TYPE_NEW_CASE_DIALOG) == GTK_WINDOW (new_case));
    g_assert_nonnull (strstr (dossier_new_case_dialog_get_error (new_case), "the disk is full"));
    g_assert_cmpint (test_sql_int (f->path, "SELECT count(*) FROM case_file"), ==, 1);

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (new_case), "default.activate", NULL));
    test_wait_until (no_form, NULL);
    g_assert_cmpstr (heading (f), ==, "Kept through a full disk");
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  gtk_test_init (&argc, &argv, NULL);
  test_failing_vfs_install ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/forms/add-event", test_add_event);
  ADD ("/forms/cite", test_cite);
  ADD ("/forms/full-disk", test_full_disk);
#undef ADD

  return g_test_run ();
}
