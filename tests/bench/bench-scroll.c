/* bench-scroll.c: memory and pauses while exploring the generated database
 *
 * A real window (run under Xvfb, as the UI tests) on a copy of the
 * generated database: the sidebar of 100,000 case files scrolled from end
 * to end a page at a time, the timeline of the case file of a million
 * events zoomed in thirty steps and out again, and search results for
 * twenty words scrolled through. Each step is a change and the frames it
 * takes; the longest says whether a pause could be seen. The memory added
 * is the process's peak resident size at the end less its resident size
 * once the window was first drawn (rows, items and marks are made lazily
 * from paging models; read all at once, a million events would take
 * hundreds of megabytes). Beside it, the same window on the bundled case
 * file: a step with nothing to do but settle (its sidebar fits).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>
#include <locale.h>

#include "bench-table.h"
#include "dossier-chart.h"
#include "dossier-search-panel.h"
#include "dossier-section.h"
#include "dossier-selection.h"
#include "dossier-store.h"
#include "dossier-window.h"
#include "test-ui-utils.h"
#include "test-utils.h"

/* Runs what a step queued: idles, layout and its frame. */
static double
settle (void)
{
  double t0 = bench_now_ms ();

  for (int i = 0; i < 3; i++)
    {
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
  return bench_now_ms () - t0;
}

/* The sidebar scrolled a page at a time from top to bottom: the steps'
 * times into @steps. */
static guint
scroll_sidebar (DossierWindow *window,
                GArray        *steps)
{
  GtkWidget *sidebar = dossier_window_get_sidebar (window);
  GtkScrolledWindow *scroller = test_get_widget (sidebar, GTK_TYPE_SCROLLED_WINDOW, 0);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scroller);
  guint n = 0;

  settle ();
  while (gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment) <
         gtk_adjustment_get_upper (adjustment) - 1. && n < 20000)
    {
      double t0 = bench_now_ms (), t;

      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) +
                                            gtk_adjustment_get_page_size (adjustment));
      settle ();
      t = bench_now_ms () - t0;
      g_array_append_val (steps, t);
      n++;
    }
  return n;
}

typedef struct
{
  gsize  rss_start;
  double longest;
  guint  steps;
} Run;

static gsize
megabytes (gsize kb)
{
  return (kb + 512) / 1024;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *big = bench_big_database ();
  g_autofree char *dir = test_make_tmp_dir ("dossier-bench-scroll-XXXXXX");
  g_autofree char *copy = g_build_filename (dir, "big.db", NULL);
  g_autofree char *bundled = g_build_filename (dir, "bundled.db", NULL);
  g_autoptr(GFile) from = g_file_new_for_path (big), to = g_file_new_for_path (copy);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) small_steps = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) sidebar_steps = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) zoom_steps = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) search_steps = g_array_new (FALSE, FALSE, sizeof (double));
  static const char *words[] = {
    "motion", "protest", "hearing", "contrat", "audience", "security", "requete", "award", "tribunal", "price",
    "appeal", "memoire", "ruling", "decision", "sealed", "scelles", "remand", "renvoi", "record", "dossier",
  };
  BenchTable *table;
  gsize rss_small, hwm_small, rss_big;
  guint sidebar_rows;
  gint64 case_id;

  setlocale (LC_ALL, "C.UTF-8");
  gtk_init ();
  g_setenv ("GSETTINGS_BACKEND", "memory", FALSE);
  g_assert_true (g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error));

  /* The bundled case file: its sidebar, end to end. */
  {
    g_autoptr(DossierStore) store = test_open_store (bundled);
    DossierWindow *window = test_open_window (store);

    test_wait_until (test_chart_is_drawn, dossier_window_get_chart (window));
    settle ();
    rss_small = bench_rss_kb ();
    /* Its sidebar fits in the window: the floor of a step is a step with
     * nothing to do but settle. */
    for (int i = 0; i < 20; i++)
      {
        double t = settle ();

        g_array_append_val (small_steps, t);
      }
    scroll_sidebar (window, small_steps);
    hwm_small = bench_peak_rss_kb ();
    test_close_window (window, store);
  }

  /* The generated one. */
  {
    g_autoptr(DossierStore) store = dossier_store_open (copy, &error);
    DossierWindow *window;
    GtkWidget *timeline, *panel, *entry;

    g_assert_no_error (error);
    window = test_open_window (store);
    /* Its first case file may have no market chart: drawn is mapped. */
    while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
      g_main_context_iteration (NULL, TRUE);
    settle ();
    rss_big = bench_rss_kb ();

    sidebar_rows = scroll_sidebar (window, sidebar_steps);

    /* The timeline of a million events, zoomed in and out. */
    case_id = test_find_case (store, "gen-case-0");
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.select", "(xix)",
                                               case_id, (gint32) DOSSIER_SECTION_TIMELINE, (gint64) 0));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "timeline"));
    settle ();
    timeline = dossier_window_get_timeline (window);
    for (int i = 0; i < 60; i++)
      {
        double t0 = bench_now_ms (), t;

        gtk_widget_activate_action (timeline, i < 30 ? "chart.zoom-in" : "chart.zoom-out", NULL);
        settle ();
        t = bench_now_ms () - t0;
        g_array_append_val (zoom_steps, t);
      }

    /* Search results, word after word. */
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
    settle ();
    panel = test_get_widget (GTK_WIDGET (window), DOSSIER_TYPE_SEARCH_PANEL, 0);
    entry = dossier_search_panel_get_entry (DOSSIER_SEARCH_PANEL (panel));
    for (guint i = 0; i < G_N_ELEMENTS (words); i++)
      {
        double t0 = bench_now_ms (), t;

        gtk_editable_set_text (GTK_EDITABLE (entry), words[i]);
        dossier_search_panel_search_now (DOSSIER_SEARCH_PANEL (panel));
        settle ();
        t = bench_now_ms () - t0;
        g_array_append_val (search_steps, t);
      }
    test_close_window (window, store);
  }

  table = bench_table_new ("scroll", "Exploring in a window: a step and the frames it takes, in ms");
  bench_table_add (table, "bundled: a step with nothing to do (baseline)", (double *) (gpointer) small_steps->data,
                   small_steps->len, NULL, NULL);
  bench_table_add (table, "100,000 case files: sidebar, a page a step", (double *) (gpointer) sidebar_steps->data,
                   sidebar_steps->len, "bundled: a step with nothing to do (baseline)", "no visible pause");
  bench_table_add (table, "1,000,000 events: timeline, a zoom step", (double *) (gpointer) zoom_steps->data,
                   zoom_steps->len, NULL, "no visible pause");
  bench_table_add (table, "search results for a word, 60 hits", (double *) (gpointer) search_steps->data,
                   search_steps->len, NULL, NULL);
  bench_table_note (table, "sidebar of the generated file: %u pages scrolled", sidebar_rows);
  bench_table_note (table, "memory: bundled %" G_GSIZE_FORMAT " MB once drawn, peak %" G_GSIZE_FORMAT
                           " MB after its sidebar; generated %" G_GSIZE_FORMAT " MB once drawn, peak %" G_GSIZE_FORMAT
                           " MB after sidebar, timeline and search: %" G_GSIZE_FORMAT " MB added (target < 30 MB)",
                    megabytes (rss_small), megabytes (hwm_small), megabytes (rss_big),
                    megabytes (bench_peak_rss_kb ()),
                    megabytes (bench_peak_rss_kb ()) - MIN (megabytes (bench_peak_rss_kb ()), megabytes (rss_big)));
  bench_table_write (table);
  test_remove_tree (dir);
  return 0;
}
