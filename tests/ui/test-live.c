/* test-live.c: an open window follows edits made through the store, with
 * no view told: the detail pane, the sidebar and the window's title
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>
#include <locale.h>

#include "dossier-chart.h"
#include "dossier-detail-pane.h"
#include "dossier-node.h"
#include "dossier-selection.h"
#include "dossier-sidebar.h"
#include "dossier-store.h"
#include "dossier-window.h"
#include "test-ui-utils.h"
#include "test-utils.h"

typedef struct
{
  char          *dir;
  DossierStore  *store;
  DossierWindow *window;
  gint64         case_id;
} Fixture;

#define iterate test_iterate

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = NULL;

  f->dir = test_make_tmp_dir ("dossier-live-XXXXXX");
  path = g_build_filename (f->dir, "dossier.db", NULL);
  f->store = test_open_store (path);
  f->case_id = test_find_case (f->store, "jedi-protest");

  f->window = test_open_window (f->store);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  test_close_window (f->window, f->store);
  test_remove_tree (f->dir);
  g_free (f->dir);
}

/* Whether a label showing @text is in @root's tree. */
static gboolean
shows_label (GtkWidget  *root,
             const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && gtk_widget_get_mapped (child) &&
          g_strcmp0 (gtk_label_get_label (GTK_LABEL (child)), text) == 0)
        return TRUE;
      if (shows_label (child, text))
        return TRUE;
    }
  return FALSE;
}

static void
test_edit_summary (Fixture       *f,
                   gconstpointer  data)
{
  DossierDetailPane *detail = DOSSIER_DETAIL_PANE (dossier_window_get_detail (f->window));
  GtkWidget *sidebar = dossier_window_get_sidebar (f->window);
  g_autoptr(DossierNode) aws = test_find_in_section (f->store, f->case_id, DOSSIER_SECTION_ORGANIZATIONS, "aws");
  gint64 aws_id = dossier_node_get_id (aws);
  g_autoptr(GError) error = NULL;

  dossier_selection_select (dossier_window_get_selection (f->window), f->case_id,
                            DOSSIER_SECTION_ORGANIZATIONS, aws_id);
  iterate ();
  g_assert_cmpstr (dossier_detail_pane_get_heading (detail), ==, "Amazon Web Services");
  g_assert_true (shows_label (sidebar, "Amazon Web Services"));

  /* The summary, then the name: the page and the sidebar row follow. */
  g_assert_true (dossier_store_set_summary (f->store, aws_id, "en", "Edited through the store.", &error));
  g_assert_no_error (error);
  iterate ();
  g_assert_cmpstr (dossier_detail_pane_get_summary (detail), ==, "Edited through the store.");

  g_assert_true (dossier_store_set_title (f->store, aws_id, "en", "AWS, renamed", &error));
  g_assert_no_error (error);
  iterate ();
  g_assert_cmpstr (dossier_detail_pane_get_heading (detail), ==, "AWS, renamed");
  g_assert_true (shows_label (sidebar, "AWS, renamed"));
  g_assert_false (shows_label (sidebar, "Amazon Web Services"));

  /* The selection stayed where it was. */
  g_assert_cmpint (dossier_selection_get_node_id (dossier_window_get_selection (f->window)), ==, aws_id);
  {
    GObject *item = dossier_sidebar_get_selected_item (DOSSIER_SIDEBAR (sidebar));

    g_assert_true (DOSSIER_IS_NODE (item));
    g_assert_cmpint (dossier_node_get_id (DOSSIER_NODE (item)), ==, aws_id);
  }
}

static void
test_edit_case_title (Fixture       *f,
                      gconstpointer  data)
{
  DossierDetailPane *detail = DOSSIER_DETAIL_PANE (dossier_window_get_detail (f->window));
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (dossier_detail_pane_get_heading (detail), ==, "JEDI cloud contract protest");
  g_assert_true (dossier_store_set_title (f->store, f->case_id, "en", "The JEDI protest", &error));
  g_assert_no_error (error);
  iterate ();

  g_assert_cmpstr (dossier_detail_pane_get_heading (detail), ==, "The JEDI protest");
  g_assert_true (shows_label (dossier_window_get_sidebar (f->window), "The JEDI protest"));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->window)), ==, "The JEDI protest — Dossier");
}

static void
test_import_adds_case (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GBytes) json = test_load_data ("second-case.json");
  g_autoptr(GError) error = NULL;
  GtkWidget *sidebar = dossier_window_get_sidebar (f->window);
  DossierChart *chart = DOSSIER_CHART (dossier_window_get_chart (f->window));

  g_assert_false (shows_label (sidebar, "Test case naming AWS again"));
  g_assert_true (dossier_store_import_case (f->store, json, "second-case.json", &error));
  g_assert_no_error (error);
  iterate ();

  /* The new case file in the sidebar, with its sections, and the page
   * shown has not moved. */
  g_assert_true (shows_label (sidebar, "Test case naming AWS again"));
  g_assert_cmpint (dossier_selection_get_case_id (dossier_window_get_selection (f->window)), ==, f->case_id);
  g_assert_cmpstr (dossier_detail_pane_get_heading (DOSSIER_DETAIL_PANE (dossier_window_get_detail (f->window))),
                   ==, "JEDI cloud contract protest");
  g_assert_cmpstr (dossier_chart_get_title (chart), ==, "Market share, Q3 2019");

  /* Its market series came with it: opening it shows its own chart. */
  dossier_selection_select (dossier_window_get_selection (f->window),
                            test_find_case (f->store, "test-case"), DOSSIER_SECTION_OVERVIEW, 0);
  iterate ();
  g_assert_cmpstr (dossier_chart_get_title (chart), ==, "Market share, 2020");
  g_assert_cmpuint (dossier_chart_get_n_items (chart), ==, 2);
}

static guint
count_links (GtkWidget *root)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    n += (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (child)), "win.select") == 0)
         + count_links (child);
  return n;
}

/* A section of many items: the page lists a first part, says so, and the
 * window stays responsive (the sidebar's lists read rows as shown). */
static void
test_long_section (Fixture       *f,
                   gconstpointer  data)
{
  GtkWidget *detail = dossier_window_get_detail (f->window);
  g_autoptr(GString) json = g_string_new ("{\"format\": \"dossier-case\", \"version\": 1, \"sources\": [],"
                                          " \"entities\": [], \"case\": {\"slug\": \"long\","
                                          " \"text\": {\"en\": {\"title\": \"Long\"}},"
                                          " \"participants\": [], \"events\": [");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  gint64 long_id;

  for (guint i = 0; i < 600; i++)
    g_string_append_printf (json, "%s{\"slug\": \"l%u\", \"date\": \"2020-01-01\","
                            " \"text\": {\"en\": {\"title\": \"Entry %u\"}}}", i ? ", " : "", i, i);
  g_string_append (json, "]}}");
  bytes = g_bytes_new (json->str, json->len);
  g_assert_true (dossier_store_import_case (f->store, bytes, "long.json", &error));
  g_assert_no_error (error);
  long_id = test_find_case (f->store, "long");

  dossier_selection_select (dossier_window_get_selection (f->window), long_id, DOSSIER_SECTION_TIMELINE, 0);
  iterate ();
  /* 500 entries and the trail's link to the case file. */
  g_assert_cmpuint (count_links (detail), ==, 500 + 1);
  g_assert_true (shows_label (detail, "The first 500 are listed here; the sidebar lists them all."));
  g_assert_true (shows_label (detail, "600 items"));
}

/* Folding the case file of the selected item goes up to the case file and
 * leaves it folded. */
static void
test_fold_case (Fixture       *f,
                gconstpointer  data)
{
  DossierSidebar *sidebar = DOSSIER_SIDEBAR (dossier_window_get_sidebar (f->window));
  GListModel *rows = G_LIST_MODEL (gtk_list_view_get_model (dossier_sidebar_get_list_view (sidebar)));
  DossierSelection *selection = dossier_window_get_selection (f->window);
  g_autoptr(DossierNode) aws = test_find_in_section (f->store, f->case_id, DOSSIER_SECTION_ORGANIZATIONS, "aws");
  g_autoptr(GtkTreeListRow) case_row = NULL;

  dossier_selection_select (selection, f->case_id, DOSSIER_SECTION_ORGANIZATIONS, dossier_node_get_id (aws));
  iterate ();

  case_row = g_list_model_get_item (rows, 0);
  gtk_tree_list_row_set_expanded (case_row, FALSE);
  iterate ();

  g_assert_false (gtk_tree_list_row_get_expanded (case_row));
  g_assert_cmpint (dossier_selection_get_section (selection), ==, DOSSIER_SECTION_OVERVIEW);
  g_assert_cmpint (dossier_selection_get_node_id (selection), ==, 0);
  g_assert_true (DOSSIER_IS_NODE (dossier_sidebar_get_selected_item (sidebar)));
  g_assert_cmpint (dossier_node_get_id (DOSSIER_NODE (dossier_sidebar_get_selected_item (sidebar))), ==, f->case_id);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "en", TRUE);
  gtk_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/live/edit-summary", test_edit_summary);
  ADD ("/live/edit-case-title", test_edit_case_title);
  ADD ("/live/import-adds-case", test_import_adds_case);
  ADD ("/live/long-section", test_long_section);
  ADD ("/live/fold-case", test_fold_case);

  return g_test_run ();
}
