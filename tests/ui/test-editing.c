/* test-editing.c: a case file made with Ctrl+N in a real window, undone and
 * redone; a case file deleted, and brought back from the bar's Undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>
#include <locale.h>

#include "dossier-detail-pane.h"
#include "dossier-new-case-dialog.h"
#include "dossier-node.h"
#include "dossier-selection.h"
#include "dossier-sidebar-private.h"
#include "dossier-store.h"
#include "dossier-window.h"
#include "test-ui-utils.h"
#include "test-utils.h"

typedef struct
{
  char          *dir;
  char          *path;
  DossierStore  *store;
  DossierWindow *window;
  gint64         jedi;
} Fixture;

#define iterate test_iterate

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = test_make_tmp_dir ("dossier-editing-XXXXXX");
  f->path = g_build_filename (f->dir, "dossier.db", NULL);
  f->store = test_open_store (f->path);
  f->jedi = test_find_case (f->store, "jedi-protest");
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

static DossierNewCaseDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (DOSSIER_IS_NEW_CASE_DIALOG (window))
        return DOSSIER_NEW_CASE_DIALOG (window);
    }
  return NULL;
}

static gboolean
no_dialog (gpointer unused)
{
  return find_dialog () == NULL;
}

/* A button activated from the keyboard shows itself pressed a moment
 * before it clicks: wait for the dialog to close. */
static void
wait_for_no_dialog (void)
{
  test_wait_until (no_dialog, NULL);
}

static gboolean
list_at_top (gpointer scroll)
{
  return gtk_adjustment_get_value (scroll) == 0.;
}

static const char *
heading (Fixture *f)
{
  return dossier_detail_pane_get_heading (DOSSIER_DETAIL_PANE (dossier_window_get_detail (f->window)));
}

/* Whether the window's action @name ("undo") is enabled now, read as a
 * button bound to it sees it: sensitive or not. */
static gboolean
action_enabled (Fixture    *f,
                const char *name)
{
  g_autofree char *full = g_strconcat ("win.", name, NULL);
  GtkWidget *titlebar = gtk_window_get_titlebar (GTK_WINDOW (f->window));
  GtkWidget *probe = gtk_button_new ();
  gboolean enabled;

  gtk_actionable_set_action_name (GTK_ACTIONABLE (probe), full);
  gtk_header_bar_pack_start (GTK_HEADER_BAR (titlebar), probe);
  iterate ();
  enabled = gtk_widget_get_sensitive (probe);
  gtk_header_bar_remove (GTK_HEADER_BAR (titlebar), probe);
  return enabled;
}

static void
test_new_case (Fixture       *f,
               gconstpointer  data)
{
  DossierSelection *selection = dossier_window_get_selection (f->window);
  DossierNewCaseDialog *dialog;
  GtkWidget *focus;
  gint64 created;

  /* The JEDI case file's sections unfolded: a list longer than it shows. */
  {
    DossierSidebar *sidebar = DOSSIER_SIDEBAR (dossier_window_get_sidebar (f->window));

    for (guint i = 7; i-- > 1;)
      {
        g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_row (sidebar->tree, i);

        gtk_tree_list_row_set_expanded (row, TRUE);
      }
    iterate ();
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (sidebar->tree)), >, 40);
  }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-case", NULL));
  iterate ();
  dialog = find_dialog ();
  g_assert_nonnull (dialog);

  /* The title field has the focus; Create waits for a title. */
  focus = gtk_root_get_focus (GTK_ROOT (dialog));
  g_assert_true (focus != NULL && gtk_widget_get_ancestor (focus, GTK_TYPE_ENTRY) != NULL);
  g_assert_false (gtk_widget_get_sensitive (gtk_window_get_default_widget (GTK_WINDOW (dialog))));

  dossier_new_case_dialog_set_title_text (dialog, "  Acme v. Example  ");
  g_assert_true (gtk_widget_get_sensitive (gtk_window_get_default_widget (GTK_WINDOW (dialog))));
  /* Enter in the field activates the default button. */
  {
    GtkWidget *entry = gtk_widget_get_ancestor (focus, GTK_TYPE_ENTRY);

    g_assert_true (gtk_entry_get_activates_default (GTK_ENTRY (entry)));
    /* What Enter in the field does. */
    g_assert_true (gtk_widget_activate_action (entry, "default.activate", NULL));
  }
  wait_for_no_dialog ();

  created = dossier_selection_get_case_id (selection);
  g_assert_cmpint (created, !=, f->jedi);
  g_assert_cmpint (dossier_selection_get_section (selection), ==, DOSSIER_SECTION_OVERVIEW);
  /* Listed first, above the JEDI case file, with its overview selected
   * and its own row in view above it: the list was at its top, and GTK
   * kept the JEDI row there as the new rows came above it. */
  {
    DossierSidebar *sidebar = DOSSIER_SIDEBAR (dossier_window_get_sidebar (f->window));
    GtkAdjustment *scroll = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (sidebar->list_view));

    g_assert_cmpuint (gtk_single_selection_get_selected (sidebar->list_selection), ==, 1);
    test_wait_until (list_at_top, scroll);
    g_assert_cmpfloat (gtk_adjustment_get_value (scroll), ==, 0.);
  }
  g_assert_cmpstr (heading (f), ==, "Acme v. Example");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->window)), ==, "Acme v. Example — Dossier");
  g_assert_true (action_enabled (f, "undo"));
  g_assert_false (action_enabled (f, "redo"));

  /* Ctrl+Z: gone, and the window shows the case file that is left. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  iterate ();
  g_assert_cmpint (dossier_selection_get_case_id (selection), ==, f->jedi);
  g_assert_cmpstr (heading (f), ==, "JEDI cloud contract protest");
  g_assert_true (action_enabled (f, "redo"));

  /* Shift+Ctrl+Z: back, with the same id. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.redo", NULL));
  iterate ();
  g_assert_cmpint (test_find_case (f->store, "jedi-protest"), ==, f->jedi);
  g_assert_cmpint (test_sql_int (f->path, "SELECT count(*) FROM case_file"), ==, 2);
  g_assert_false (action_enabled (f, "redo"));
}

static void
test_delete_and_undo (Fixture       *f,
                      gconstpointer  data)
{
  DossierSelection *selection = dossier_window_get_selection (f->window);
  gint64 events = test_sql_int (f->path, "SELECT count(*) FROM event");
  GtkInfoBar *bar;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.delete-case", NULL));
  iterate ();
  g_assert_cmpint (test_sql_int (f->path, "SELECT count(*) FROM case_file"), ==, 0);
  g_assert_cmpint (dossier_selection_get_case_id (selection), ==, 0);
  g_assert_cmpstr (heading (f), ==, "No case file selected");
  g_assert_false (action_enabled (f, "delete-case"));

  /* The bar at the top says what went, and its Undo brings it all back. */
  /* The bar under the search bar and the read-only notice, at the top of
   * the window. */
  bar = GTK_INFO_BAR (gtk_widget_get_next_sibling (gtk_widget_get_next_sibling (
    gtk_widget_get_first_child (gtk_window_get_child (GTK_WINDOW (f->window))))));
  g_assert_true (GTK_IS_INFO_BAR (bar));
  g_assert_true (gtk_info_bar_get_revealed (bar));

  gtk_info_bar_response (bar, 1);
  iterate ();
  g_assert_false (gtk_info_bar_get_revealed (bar));
  g_assert_cmpint (test_sql_int (f->path, "SELECT count(*) FROM event"), ==, events);
  g_assert_cmpint (test_find_case (f->store, "jedi-protest"), ==, f->jedi);
}

static void
test_rename_case (Fixture       *f,
                  gconstpointer  data)
{
  DossierNewCaseDialog *dialog;

  /* F2 on the case file shown: the same dialog, its title filled in. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.rename-case", NULL));
  iterate ();
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Rename Case File");

  dossier_new_case_dialog_set_title_text (dialog, "The JEDI protest");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "default.activate", NULL));
  wait_for_no_dialog ();
  g_assert_cmpstr (heading (f), ==, "The JEDI protest");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->window)), ==, "The JEDI protest — Dossier");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  iterate ();
  g_assert_cmpstr (heading (f), ==, "JEDI cloud contract protest");
}

static gboolean
does_action (GtkWidget *widget,
             gpointer   action)
{
  return GTK_IS_ACTIONABLE (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

/* The focus comes back from a dialog where it was: on the page's "Add
 * Note…", built again with the new title. Before, the window kept its
 * focus on the button the page had let go of, and Tab then started over
 * from the sidebar's Filter (a new user's trial found it there). */
static void
test_focus_after_dialog (Fixture       *f,
                         gconstpointer  data)
{
  GtkWidget *detail = dossier_window_get_detail (f->window);
  GtkWidget *button = test_find_widget_where (detail, does_action, (gpointer) "win.add-note");
  GtkWidget *focus;
  DossierNewCaseDialog *dialog;

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_grab_focus (button));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.rename-case", NULL));
  iterate ();
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  dossier_new_case_dialog_set_title_text (dialog, "The JEDI protest");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "default.activate", NULL));
  wait_for_no_dialog ();
  iterate ();
  g_assert_cmpstr (heading (f), ==, "The JEDI protest");

  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_nonnull (focus);
  g_assert_true (does_action (focus, (gpointer) "win.add-note"));
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

  ADD ("/editing/new-case", test_new_case);
  ADD ("/editing/delete-and-undo", test_delete_and_undo);
  ADD ("/editing/rename-case", test_rename_case);
  ADD ("/editing/focus-after-dialog", test_focus_after_dialog);

  return g_test_run ();
}
