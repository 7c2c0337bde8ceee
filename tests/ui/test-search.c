/* test-search.c: Ctrl+F in a real window: results while typing, grouped
 * by kind, an empty result said so, Enter opening the result's page and
 * selecting it in the sidebar, Escape closing and returning
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>
#include <locale.h>
#include <string.h>

#include "dossier-detail-pane.h"
#include "dossier-node.h"
#include "dossier-search-hit.h"
#include "dossier-search-panel.h"
#include "dossier-selection.h"
#include "dossier-sidebar.h"
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
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = test_make_tmp_dir ("dossier-ui-search-XXXXXX");
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

static void
collect_labels (GtkWidget *widget,
                GString   *out)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_is_visible (widget))
    g_string_append_printf (out, "%s|", gtk_label_get_text (GTK_LABEL (widget)));
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

static gboolean
has_results (gpointer data)
{
  return dossier_search_panel_get_n_results (data) > 0;
}

/* The index of the result chosen in the panel's list, or -1. */
static int
chosen (DossierSearchPanel *panel)
{
  GtkListBox *list = GTK_LIST_BOX (test_find_widget (GTK_WIDGET (panel), GTK_TYPE_LIST_BOX, 0));
  GtkListBoxRow *row = gtk_list_box_get_selected_row (list);

  return row ? gtk_list_box_row_get_index (row) : -1;
}

/* A key pressed in @entry, through its key controllers as GTK does. */
static gboolean
press (GtkWidget *entry,
       guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (entry);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, (GdkModifierType) 0, &handled);
    }
  return handled;
}

static gboolean
focus_on_selected_row (gpointer data)
{
  Fixture *f = data;

  return test_focus_on_selected_row (GTK_WIDGET (dossier_sidebar_get_list_view (DOSSIER_SIDEBAR (dossier_window_get_sidebar (f->window)))));
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  DossierSelection *selection = dossier_window_get_selection (f->window);
  GtkSearchBar *bar = GTK_SEARCH_BAR (test_find_widget (GTK_WIDGET (f->window), GTK_TYPE_SEARCH_BAR, 0));
  DossierSearchPanel *panel;
  GtkWidget *entry, *focus;

  /* The window starts without its search; Ctrl+F makes it. */
  g_assert_false (gtk_search_bar_get_search_mode (bar));
  g_assert_null (test_find_widget (GTK_WIDGET (f->window), DOSSIER_TYPE_SEARCH_PANEL, 0));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.search", NULL));
  test_iterate ();
  panel = DOSSIER_SEARCH_PANEL (test_find_widget (GTK_WIDGET (f->window), DOSSIER_TYPE_SEARCH_PANEL, 0));
  entry = dossier_search_panel_get_entry (panel);
  g_assert_true (gtk_search_bar_get_search_mode (bar));
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_true (focus == entry || gtk_widget_is_ancestor (focus, entry));

  /* Nothing found says so. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "zzyzxq");
  dossier_search_panel_search_now (panel);
  test_iterate ();
  g_assert_cmpuint (dossier_search_panel_get_n_results (panel), ==, 0);
  g_assert_true (shows (GTK_WIDGET (panel), "|Nothing matches “zzyzxq”.|"));

  /* Results come while typing (the entry's own pause), grouped by kind,
   * the matched words marked, a French match said so. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "injonct");
  test_wait_until (has_results, panel);
  g_assert_true (shows (GTK_WIDGET (panel), "|Events|"));
  g_assert_true (shows (GTK_WIDGET (panel), "In French: "));
  /* The words in bold, not as control characters. */
  g_assert_false (shows (GTK_WIDGET (panel), "\002"));
  g_assert_true (shows (GTK_WIDGET (panel), "injonction"));

  /* Down and Up in the entry move the choice among the results, and stay
   * within them. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "bezos");
  dossier_search_panel_search_now (panel);
  test_iterate ();
  g_assert_cmpuint (dossier_search_panel_get_n_results (panel), >, 2);
  g_assert_cmpint (chosen (panel), ==, 0);
  g_assert_true (press (entry, GDK_KEY_Down));
  g_assert_cmpint (chosen (panel), ==, 1);
  g_assert_true (press (entry, GDK_KEY_Down));
  g_assert_cmpint (chosen (panel), ==, 2);
  g_assert_true (press (entry, GDK_KEY_Up));
  g_assert_true (press (entry, GDK_KEY_Up));
  g_assert_true (press (entry, GDK_KEY_Up));
  g_assert_cmpint (chosen (panel), ==, 0);
  for (guint i = 0; i < dossier_search_panel_get_n_results (panel) + 2; i++)
    press (entry, GDK_KEY_Down);
  g_assert_cmpint (chosen (panel), ==, (int) dossier_search_panel_get_n_results (panel) - 1);
  /* Other keys are the entry's. */
  g_assert_false (press (entry, GDK_KEY_a));

  /* A prefix; Enter opens the chosen result's page, the sidebar and the
   * window follow, the search closes. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "Campb");
  dossier_search_panel_search_now (panel);
  test_iterate ();
  g_assert_cmpuint (dossier_search_panel_get_n_results (panel), >, 0);
  g_signal_emit_by_name (entry, "activate");
  test_iterate ();
  g_assert_false (gtk_search_bar_get_search_mode (bar));
  g_assert_cmpint (dossier_selection_get_node_id (selection), ==,
                   test_sql_int (f->path, "SELECT id FROM node WHERE slug = 'patricia-campbell-smith'"));
  g_assert_cmpstr (dossier_detail_pane_get_heading (DOSSIER_DETAIL_PANE (dossier_window_get_detail (f->window))), ==,
                   "Patricia E. Campbell-Smith");
  /* The keyboard goes on from the result's row in the sidebar, selected,
   * not from the Filter entry GTK gave the focus to once the search bar
   * that had it closed. */
  test_wait_until (focus_on_selected_row, f);

  /* Escape closes without moving. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.search", NULL));
  test_iterate ();
  gtk_editable_set_text (GTK_EDITABLE (entry), "bezos");
  dossier_search_panel_search_now (panel);
  g_signal_emit_by_name (entry, "stop-search");
  test_iterate ();
  g_assert_false (gtk_search_bar_get_search_mode (bar));
  g_assert_cmpstr (dossier_detail_pane_get_heading (DOSSIER_DETAIL_PANE (dossier_window_get_detail (f->window))), ==,
                   "Patricia E. Campbell-Smith");
}

/* The rows in the panel's list. */
static guint
n_rows (DossierSearchPanel *panel)
{
  GtkWidget *list = test_find_widget (GTK_WIDGET (panel), GTK_TYPE_LIST_BOX, 0);
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (list); child; child = gtk_widget_get_next_sibling (child))
    n += GTK_IS_LIST_BOX_ROW (child);
  return n;
}

/* The list's rows are laid out: there is more than a page of them. */
static gboolean
is_laid_out (gpointer scroll)
{
  return gtk_adjustment_get_page_size (scroll) > 0 &&
         gtk_adjustment_get_upper (scroll) > gtk_adjustment_get_page_size (scroll);
}

/* The result chosen is laid out, within the part of the list shown. */
static gboolean
chosen_is_in_view (gpointer panel)
{
  GtkWidget *list = test_find_widget (GTK_WIDGET (panel), GTK_TYPE_LIST_BOX, 0);
  GtkWidget *scroller = test_find_widget (GTK_WIDGET (panel), GTK_TYPE_SCROLLED_WINDOW, 0);
  GtkAdjustment *scroll = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  GtkListBoxRow *row = gtk_list_box_get_selected_row (GTK_LIST_BOX (list));
  graphene_rect_t bounds;

  return row != NULL && gtk_widget_compute_bounds (GTK_WIDGET (row), list, &bounds) && bounds.size.height > 0 &&
         bounds.origin.y >= gtk_adjustment_get_value (scroll) - 8 &&
         bounds.origin.y + bounds.size.height <= gtk_adjustment_get_value (scroll) +
                                                 gtk_adjustment_get_page_size (scroll) + 8;
}

static gboolean
has_more_rows (gpointer panel)
{
  return n_rows (panel) > 15;
}

/* Sixty results: the list, which shows about six, is given fifteen rows,
 * and more as it is scrolled near its end or as Down reaches its last;
 * every result can be reached, and a new search starts again. */
static void
test_rows_as_scrolled (Fixture       *f,
                       gconstpointer  data)
{
  GtkScrolledWindow *scroller;
  GtkAdjustment *scroll;
  DossierSearchPanel *panel;
  GtkWidget *entry;
  gint64 first, third;
  guint n;

  test_import_events (f->store, "hearings", "Scheduling hearing", 80, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.search", NULL));
  test_iterate ();
  panel = DOSSIER_SEARCH_PANEL (test_find_widget (GTK_WIDGET (f->window), DOSSIER_TYPE_SEARCH_PANEL, 0));
  entry = dossier_search_panel_get_entry (panel);
  gtk_editable_set_text (GTK_EDITABLE (entry), "scheduling");
  dossier_search_panel_search_now (panel);
  test_iterate ();
  g_assert_cmpuint (dossier_search_panel_get_n_results (panel), ==, 60);
  g_assert_cmpuint (n_rows (panel), ==, 15);

  /* Scrolled to its end: more rows, a page or more beyond what shows. */
  scroller = GTK_SCROLLED_WINDOW (test_find_widget (GTK_WIDGET (panel), GTK_TYPE_SCROLLED_WINDOW, 0));
  scroll = gtk_scrolled_window_get_vadjustment (scroller);
  test_wait_until (is_laid_out, scroll);
  gtk_adjustment_set_value (scroll, gtk_adjustment_get_upper (scroll) - gtk_adjustment_get_page_size (scroll));
  test_wait_until (has_more_rows, panel);
  n = n_rows (panel);
  g_assert_cmpuint (n, >, 15);
  g_assert_cmpuint (n, <=, 60);

  /* Down reaches the last result, rows made as it goes, the one chosen
   * kept in view (as a user presses, a frame between presses). */
  for (guint i = 0; i < 70; i++)
    {
      press (entry, GDK_KEY_Down);
      test_wait_until (chosen_is_in_view, panel);
    }
  g_assert_cmpuint (n_rows (panel), ==, 60);
  g_assert_cmpint (chosen (panel), ==, 59);


  /* Another search starts again with fifteen, at the top, the first
   * chosen. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "hearing");
  dossier_search_panel_search_now (panel);
  test_iterate ();
  g_assert_cmpuint (n_rows (panel), ==, 15);
  g_assert_cmpint (chosen (panel), ==, 0);
  g_assert_cmpfloat (gtk_adjustment_get_value (scroll), ==, 0.);
  first = dossier_node_get_id (dossier_search_hit_get_node (dossier_search_panel_get_chosen (panel)));

  /* Enter opens the one chosen, not the first (the words are the same:
   * no new search). */
  press (entry, GDK_KEY_Down);
  press (entry, GDK_KEY_Down);
  g_assert_cmpint (chosen (panel), ==, 2);
  third = dossier_node_get_id (dossier_search_hit_get_node (dossier_search_panel_get_chosen (panel)));
  g_assert_cmpint (third, !=, first);
  g_signal_emit_by_name (entry, "activate");
  test_iterate ();
  g_assert_cmpint (dossier_selection_get_node_id (dossier_window_get_selection (f->window)), ==, third);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  gtk_test_init (&argc, &argv, NULL);

  g_test_add ("/search/window", Fixture, NULL, fixture_set_up, test_search, fixture_tear_down);
  g_test_add ("/search/rows-as-scrolled", Fixture, NULL, fixture_set_up, test_rows_as_scrolled, fixture_tear_down);

  return g_test_run ();
}
