/* bench-jobs.c: the window while a long import runs
 *
 * A real window (run under Xvfb, as the UI tests) on the bundled case
 * file imports a case file of 100,000 events as a job on a worker thread.
 * A timer asks to run every millisecond; the gaps between its runs are
 * how long the main loop was kept from drawing. Beside them: the gaps of
 * the same window doing nothing (the baseline), the gaps once the job is
 * done and its case file opens, and the import's whole time as a job next
 * to the same import run on the main thread (the old way, which froze the
 * window that long).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>
#include <locale.h>

#include "bench-table.h"
#include "dossier-store.h"
#include "dossier-window.h"
#include "test-ui-utils.h"
#include "test-utils.h"

#define N_EVENTS 100000

typedef struct
{
  GArray *gaps;
  double  last;
  double  longest;
  double  longest_at;  /* when the longest gap ended */
} Ticks;

static gboolean
tick (gpointer data)
{
  Ticks *ticks = data;
  double now = bench_now_ms ();

  if (ticks->last > 0)
    {
      double gap = now - ticks->last;

      g_array_append_val (ticks->gaps, gap);
      if (gap > ticks->longest)
        {
          ticks->longest = gap;
          ticks->longest_at = now;
        }
    }
  ticks->last = now;
  return G_SOURCE_CONTINUE;
}

/* The gaps of the main loop while @busy says so, or for @ms; returns
 * how long before the end the longest one ended. */
static double
measure (DossierWindow *window,
         gboolean       while_busy,
         double         ms,
         GArray        *gaps)
{
  Ticks ticks = { gaps, 0, 0, 0 };
  guint id = g_timeout_add_full (G_PRIORITY_HIGH, 1, tick, &ticks, NULL);
  double end = bench_now_ms () + ms;

  while (while_busy ? dossier_window_is_busy (window) : bench_now_ms () < end)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (id);
  return bench_now_ms () - ticks.longest_at;
}

static char *
write_case (const char *dir)
{
  g_autoptr(GString) json = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, "many-events.json", NULL);

  g_string_append (json, "{\"format\": \"dossier-case\", \"version\": 1, \"sources\": [], \"entities\": [],"
                         " \"case\": {\"slug\": \"many-events\", \"participants\": [],"
                         " \"text\": {\"en\": {\"title\": \"A hundred thousand events\"}}, \"events\": [");
  for (guint i = 0; i < N_EVENTS; i++)
    g_string_append_printf (json, "%s\n{\"slug\": \"e%u\", \"date\": \"%04u-%02u-%02u\", \"text\": {"
                            "\"en\": {\"title\": \"Hearing number %u on the motion\", \"summary\": \"What was said.\"},"
                            " \"fr\": {\"title\": \"Audience numéro %u sur la requête\"}}}",
                            i ? "," : "", i, 1990 + i % 30, 1 + i % 12, 1 + i % 28, i, i);
  g_string_append (json, "]}}");
  g_assert_true (g_file_set_contents (path, json->str, json->len, &error));
  g_assert_no_error (error);
  return path;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = test_make_tmp_dir ("dossier-bench-jobs-XXXXXX");
  g_autofree char *db = g_build_filename (dir, "window.db", NULL);
  g_autofree char *main_db = g_build_filename (dir, "main-thread.db", NULL);
  g_autofree char *json = NULL;
  g_autoptr(GArray) idle = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) during = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) after = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  double sync_ms, job_ms, t0, longest_before_end;
  BenchTable *table;

  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("GSETTINGS_BACKEND", "memory", FALSE);
  gtk_init ();
  json = write_case (dir);

  /* The same import on the main thread, as it was done before. */
  {
    g_autoptr(DossierStore) store = test_open_store (main_db);

    t0 = bench_now_ms ();
    g_assert_true (dossier_store_import_case_file (store, json, DOSSIER_IMPORT_DEFAULT, NULL, &error));
    g_assert_no_error (error);
    sync_ms = bench_now_ms () - t0;
  }

  {
    g_autoptr(DossierStore) store = test_open_store (db);
    DossierWindow *window = test_open_window (store);

    test_wait_until (test_chart_is_drawn, dossier_window_get_chart (window));
    measure (window, FALSE, 1000, idle);

    t0 = bench_now_ms ();
    dossier_window_import_case_from (window, json);
    longest_before_end = measure (window, TRUE, 0, during);
    job_ms = bench_now_ms () - t0;
    measure (window, FALSE, 1000, after);
    g_assert_cmpint (dossier_store_count (store, "event", NULL), >=, N_EVENTS);
    test_close_window (window, store);
  }

  table = bench_table_new ("jobs", "The main loop while a case file of 100,000 events is imported, in ms");
  bench_table_add (table, "idle window: gap between timer runs (baseline)", (double *) (gpointer) idle->data,
                   idle->len, NULL, NULL);
  bench_table_add (table, "during the import (a job on a worker thread)", (double *) (gpointer) during->data,
                   during->len, "idle window: gap between timer runs (baseline)", "longest < 8 ms");
  bench_table_add (table, "once done: its case file opened", (double *) (gpointer) after->data, after->len,
                   NULL, NULL);
  bench_table_add (table, "the import on the main thread (baseline)", &sync_ms, 1, NULL, NULL);
  bench_table_add (table, "the import as a job", &job_ms, 1, "the import on the main thread (baseline)", NULL);
  {
    guint over_8 = 0, over_16 = 0;

    for (guint i = 0; i < during->len; i++)
      {
        over_8 += g_array_index (during, double, i) > 8.;
        over_16 += g_array_index (during, double, i) > 16.;
      }
    bench_table_note (table, "during the import, gaps over 8 ms: %u of %u; over 16 ms (a frame lost at 60 Hz): %u;"
                      " the longest ended %.0f ms before the job's end (%s)", over_8, during->len, over_16,
                      longest_before_end,
                      longest_before_end < 50 ? "the end: what it added announced to the views" : "while it ran");
  }
  bench_table_write (table);
  test_remove_tree (dir);
  return 0;
}
