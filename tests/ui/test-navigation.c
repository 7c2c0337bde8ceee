/* test-navigation.c: back and forward through the window's selections, in
 * a real window: a step per selection whichever view made it, forward
 * forgotten after a new one, and steps to deleted items dropped
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>
#include <locale.h>

#include "dossier-chart.h"
#include "dossier-chart-donut.h"
#include "dossier-section.h"
#include "dossier-selection.h"
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
  gint64         case_id;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = test_make_tmp_dir ("dossier-navigation-XXXXXX");
  f->path = g_build_filename (f->dir, "dossier.db", NULL);
  f->store = test_open_store (f->path);
  f->window = test_open_window (f->store);
  test_wait_until (test_chart_is_drawn, dossier_window_get_chart (f->window));
  f->case_id = dossier_selection_get_case_id (dossier_window_get_selection (f->window));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  test_close_window (f->window, f->store);
  test_remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static gint64
node (Fixture    *f,
      const char *slug)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM node WHERE slug = '%s'", slug);

  return test_sql_int (f->path, sql);
}

static void
select_organization (Fixture *f,
                     gint64   id)
{
  dossier_selection_select (dossier_window_get_selection (f->window), f->case_id,
                            DOSSIER_SECTION_ORGANIZATIONS, id);
  test_iterate ();
}

static gint64
shown (Fixture *f)
{
  return dossier_selection_get_node_id (dossier_window_get_selection (f->window));
}

static void
go (Fixture    *f,
    const char *action)
{
  /* A disabled action is not activated: nothing happens, as with the
   * greyed-out button. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), action, NULL);
  test_iterate ();
}

static void
test_back_and_forward (Fixture       *f,
                       gconstpointer  data)
{
  gint64 aws = node (f, "aws"), microsoft = node (f, "microsoft"), google = node (f, "google");
  DossierChart *chart = DOSSIER_CHART (dossier_window_get_chart (f->window));

  select_organization (f, aws);
  select_organization (f, microsoft);
  /* A click on a bar is a step too. */
  g_assert_true (dossier_chart_get_n_items (chart) >= 3);
  g_signal_emit_by_name (dossier_chart_get_item (chart, 2), "activate");
  test_iterate ();
  g_assert_cmpint (shown (f), ==, google);

  go (f, "win.go-back");
  g_assert_cmpint (shown (f), ==, microsoft);
  go (f, "win.go-back");
  g_assert_cmpint (shown (f), ==, aws);
  go (f, "win.go-forward");
  g_assert_cmpint (shown (f), ==, microsoft);

  /* A new step forgets what was forward. */
  select_organization (f, aws);
  go (f, "win.go-forward");
  g_assert_cmpint (shown (f), ==, aws);
  go (f, "win.go-back");
  g_assert_cmpint (shown (f), ==, microsoft);

  /* Back to the overview the window opened on, and no further. */
  go (f, "win.go-back");
  go (f, "win.go-back");
  g_assert_cmpint (dossier_selection_get_section (dossier_window_get_selection (f->window)), ==,
                   DOSSIER_SECTION_OVERVIEW);
  go (f, "win.go-back");
  g_assert_cmpint (dossier_selection_get_section (dossier_window_get_selection (f->window)), ==,
                   DOSSIER_SECTION_OVERVIEW);
}

/* A step to a deleted item is dropped: back skips it. */
static void
test_deleted_step_dropped (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 aws = node (f, "aws"), microsoft = node (f, "microsoft");
  gint64 event = test_sql_int (f->path, "SELECT min(id) FROM node WHERE kind = 'event'");

  select_organization (f, aws);
  dossier_selection_select (dossier_window_get_selection (f->window), f->case_id, DOSSIER_SECTION_TIMELINE, event);
  test_iterate ();
  select_organization (f, microsoft);

  g_assert_true (dossier_store_delete (f->store, f->case_id, event, NULL, &error));
  g_assert_no_error (error);
  test_iterate ();

  go (f, "win.go-back");
  g_assert_cmpint (shown (f), ==, aws);

  /* Microsoft, another event, Microsoft again; the event deleted: Back
   * goes past the step that became Microsoft itself, to AWS. */
  {
    gint64 other = test_sql_int (f->path, "SELECT max(id) FROM node WHERE kind = 'event'");

    select_organization (f, microsoft);
    dossier_selection_select (dossier_window_get_selection (f->window), f->case_id, DOSSIER_SECTION_TIMELINE, other);
    test_iterate ();
    select_organization (f, microsoft);
    g_assert_true (dossier_store_delete (f->store, f->case_id, other, NULL, &error));
    g_assert_no_error (error);
    test_iterate ();
    go (f, "win.go-back");
    g_assert_cmpint (shown (f), ==, aws);
  }
}

static GtkPaned *
first_paned (GtkWidget *widget)
{
  return test_get_widget (widget, GTK_TYPE_PANED, 0);
}

/* Closed and opened again on the same database, the window has its size,
 * its sidebar's width and its selection back. */
static void
test_remembered (Fixture       *f,
                 gconstpointer  data)
{
  gint64 microsoft = node (f, "microsoft");
  DossierWindow *closing = f->window;
  g_autofree char *chart_title = NULL;
  int width = 0, height = 0;

  select_organization (f, microsoft);
  /* The chart: another series, its first period, as a donut. */
  {
    GtkWidget *panel = dossier_window_get_market_panel (f->window);

    gtk_drop_down_set_selected (test_get_widget (panel, GTK_TYPE_DROP_DOWN, 0), 1);
    gtk_drop_down_set_selected (test_get_widget (panel, GTK_TYPE_DROP_DOWN, 1), 0);
    gtk_drop_down_set_selected (test_get_widget (panel, GTK_TYPE_DROP_DOWN, 2), 1);
    test_iterate ();
  }
  chart_title = g_strdup (dossier_chart_get_title (DOSSIER_CHART (dossier_window_get_chart (f->window))));
  g_assert_cmpstr (chart_title, !=, "Market share, Q3 2019");
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1000, 650);
  gtk_paned_set_position (first_paned (GTK_WIDGET (f->window)), 250);
  test_iterate ();

  g_object_add_weak_pointer (G_OBJECT (closing), (gpointer *) &closing);
  gtk_window_close (GTK_WINDOW (f->window));
  while (closing != NULL)
    g_main_context_iteration (NULL, TRUE);

  f->window = dossier_window_new (NULL, f->store);
  gtk_window_present (GTK_WINDOW (f->window));
  test_iterate ();
  test_wait_until (test_chart_is_drawn, dossier_window_get_chart (f->window));

  g_assert_cmpint (dossier_selection_get_section (dossier_window_get_selection (f->window)), ==,
                   DOSSIER_SECTION_ORGANIZATIONS);
  g_assert_cmpint (shown (f), ==, microsoft);
  gtk_window_get_default_size (GTK_WINDOW (f->window), &width, &height);
  g_assert_cmpint (width, ==, 1000);
  g_assert_cmpint (height, ==, 650);
  g_assert_cmpint (gtk_paned_get_position (first_paned (GTK_WIDGET (f->window))), ==, 250);
  {
    GtkWidget *panel = dossier_window_get_market_panel (f->window);
    DossierChart *chart = DOSSIER_CHART (dossier_window_get_chart (f->window));

    g_assert_cmpuint (gtk_drop_down_get_selected (test_get_widget (panel, GTK_TYPE_DROP_DOWN, 0)), ==, 1);
    g_assert_cmpuint (gtk_drop_down_get_selected (test_get_widget (panel, GTK_TYPE_DROP_DOWN, 1)), ==, 0);
    g_assert_cmpuint (gtk_drop_down_get_selected (test_get_widget (panel, GTK_TYPE_DROP_DOWN, 2)), ==, 1);
    g_assert_true (dossier_chart_get_view (chart) == dossier_chart_donut_get_view ());
    g_assert_cmpstr (dossier_chart_get_title (chart), ==, chart_title);
  }
}

/* The timeline left shown is shown again at the next start, with the
 * organization selected. */
static void
test_remembers_view (Fixture       *f,
                     gconstpointer  data)
{
  DossierWindow *closing = f->window;
  GtkWidget *stack;

  select_organization (f, node (f, "oracle"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s", "timeline"));
  test_iterate ();

  g_object_add_weak_pointer (G_OBJECT (closing), (gpointer *) &closing);
  gtk_window_close (GTK_WINDOW (f->window));
  while (closing != NULL)
    g_main_context_iteration (NULL, TRUE);

  f->window = dossier_window_new (NULL, f->store);
  gtk_window_present (GTK_WINDOW (f->window));
  test_iterate ();
  test_wait_until (test_chart_is_drawn, dossier_window_get_timeline (f->window));
  stack = gtk_widget_get_ancestor (dossier_window_get_timeline (f->window), GTK_TYPE_STACK);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "timeline");
  g_assert_cmpint (shown (f), ==, node (f, "oracle"));

  /* And the market again, for the tests after this one. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s", "market");
  test_iterate ();
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

  ADD ("/navigation/back-and-forward", test_back_and_forward);
  ADD ("/navigation/deleted-step-dropped", test_deleted_step_dropped);
  ADD ("/navigation/remembered", test_remembered);
  ADD ("/navigation/remembers-view", test_remembers_view);

  return g_test_run ();
}
