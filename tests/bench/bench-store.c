/* bench-store.c: how long opening Dossier's database takes
 *
 * Run with `meson test -C build --benchmark --verbose`. Each figure is the
 * median of its runs, next to a baseline measured in the same process: an
 * empty SQLite database opened, written to and closed. Nothing is asserted
 * about time; the numbers are for reading and comparing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <pango/pangocairo.h>
#include <sqlite3.h>

#include "dossier-chart-bars.h"
#include "dossier-chart-content.h"
#include "dossier-node.h"
#include "dossier-store.h"
#include "test-utils.h"

#define RUNS 21

#define median(values) test_median ((values), RUNS)

static char *
fresh_path (const char *dir,
            guint       run)
{
  g_autofree char *name = g_strdup_printf ("run-%u.db", run);
  return g_build_filename (dir, name, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("dossier-bench-XXXXXX", &error);
  g_autofree char *kept = g_build_filename (dir, "kept.db", NULL);
  double baseline[RUNS], create[RUNS], reopen[RUNS], chart[RUNS];
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans 11");

  setlocale (LC_ALL, "C.UTF-8");
  g_assert_no_error (error);
  g_object_unref (dossier_store_open (kept, &error));
  g_assert_no_error (error);

  for (guint run = 0; run < RUNS; run++)
    {
      g_autofree char *base_path = fresh_path (dir, 1000 + run);
      g_autofree char *path = fresh_path (dir, run);
      sqlite3 *db = NULL;
      gint64 t0, t1, t2, t3, t4;

      /* Baseline: SQLite alone, one table written in WAL mode. */
      t0 = g_get_monotonic_time ();
      g_assert_cmpint (sqlite3_open (base_path, &db), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = WAL; CREATE TABLE t (x); INSERT INTO t VALUES (1);",
                                     NULL, NULL, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
      t1 = g_get_monotonic_time ();

      /* First start: schema and the bundled case file. */
      {
        g_autoptr(DossierStore) store = dossier_store_open (path, &error);
        g_assert_no_error (error);
      }
      t2 = g_get_monotonic_time ();

      /* Every later start: open, and read what the window shows first. */
      {
        g_autoptr(DossierStore) store = dossier_store_open (kept, &error);
        g_autoptr(GListModel) cases = dossier_store_list_case_files (store, &error);
        g_autoptr(DossierNode) first = g_list_model_get_item (cases, 0);
        gint64 case_id = dossier_node_get_id (first);

        for (DossierSectionKind s = DOSSIER_SECTION_ORGANIZATIONS; s <= DOSSIER_SECTION_SOURCES; s++)
          {
            g_autoptr(GListModel) items = dossier_store_list_section (store, case_id, s, &error);
            g_assert_no_error (error);
          }
        t3 = g_get_monotonic_time ();

        /* The chart's content and layout, as on screen. */
        {
          g_autoptr(DossierChartContent) content = dossier_chart_content_new_for_case (store, case_id, &error);
          g_autoptr(DossierChartLayout) layout =
            dossier_chart_layout_measure (dossier_chart_bars_get_view (), content, context, font, 480, 600);
          g_assert_no_error (error);
        }
        t4 = g_get_monotonic_time ();
      }

      baseline[run] = (t1 - t0) / 1000.;
      create[run] = (t2 - t1) / 1000.;
      reopen[run] = (t3 - t2) / 1000.;
      chart[run] = (t4 - t3) / 1000.;
    }

  {
    double b = median (baseline), c = median (create), r = median (reopen), h = median (chart);

    g_print ("median of %d runs, in ms (ratio to the baseline)\n", RUNS);
    g_print ("  baseline: SQLite create + 1 row      %8.2f\n", b);
    g_print ("  first start: schema + bundled case   %8.2f  (%.1f×)\n", c, c / b);
    g_print ("  later start: open + 5 lists          %8.2f  (%.1f×)\n", r, r / b);
    g_print ("  chart content + layout               %8.2f  (%.1f×)\n", h, h / b);
  }

  g_object_unref (context);
  test_remove_tree (dir);
  return 0;
}
