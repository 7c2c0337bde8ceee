/* bench-undo.c: an edit, its undo and its redo, with 1.2 M events
 *
 * On a copy of the generated database: an event's title edited (the
 * transaction, its changeset in the history, the search index kept in
 * step, the "changed" signal), undone, and redone, each timed; a list of
 * the timeline of a million events is open, as in the window, and
 * follows each change. Beside them, a bare UPDATE of the same row by a
 * prepared statement in its own transaction, on the same file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>

#include "bench-table.h"
#include "dossier-node.h"
#include "dossier-store.h"
#include "test-utils.h"

#define RUNS 21

int
main (int   argc,
      char *argv[])
{
  g_autofree char *big = bench_big_database ();
  g_autofree char *path = g_strconcat (big, ".undo", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierStore) store = NULL;
  g_autoptr(GListModel) timeline = NULL;
  g_autoptr(DossierNode) event = NULL;
  g_autoptr(GFile) from = g_file_new_for_path (big), to = g_file_new_for_path (path);
  double bare[RUNS], edit[RUNS], undo[RUNS], redo[RUNS];
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 case_id;
  BenchTable *table;

  setlocale (LC_ALL, "C.UTF-8");
  g_assert_true (g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error));
  store = dossier_store_open (path, &error);
  g_assert_no_error (error);
  case_id = test_find_case (store, "gen-case-0");
  timeline = dossier_store_list_section (store, case_id, DOSSIER_SECTION_TIMELINE, &error);
  g_assert_no_error (error);
  event = g_list_model_get_item (timeline, g_list_model_get_n_items (timeline) / 2);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "UPDATE node_text SET title = ?1 WHERE node_id = ?2 AND lang = 'en'",
                                       -1, &stmt, NULL), ==, SQLITE_OK);

  for (guint run = 0; run < RUNS; run++)
    {
      g_autofree char *title = g_strdup_printf ("Renamed in run %u", run);
      g_autofree char *plain = g_strdup_printf ("Bare run %u", run);
      double t0 = bench_now_ms ();

      sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
      sqlite3_bind_text (stmt, 1, plain, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, dossier_node_get_id (event));
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      sqlite3_reset (stmt);
      g_assert_cmpint (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
      bare[run] = bench_now_ms () - t0;

      t0 = bench_now_ms ();
      g_assert_true (dossier_store_set_title (store, dossier_node_get_id (event), "en", title, &error));
      edit[run] = bench_now_ms () - t0;

      t0 = bench_now_ms ();
      g_assert_true (dossier_store_undo (store, &error));
      g_assert_no_error (error);
      undo[run] = bench_now_ms () - t0;

      t0 = bench_now_ms ();
      g_assert_true (dossier_store_redo (store, &error));
      redo[run] = bench_now_ms () - t0;
      g_assert_no_error (error);
    }

  table = bench_table_new ("undo", "An event's title edited, undone and redone, with 1.2 M events "
                                   "(the timeline of a million open)");
  bench_table_add (table, "bare UPDATE in a transaction (baseline)", bare, RUNS, NULL, NULL);
  bench_table_add (table, "edit (history, search index, signal)", edit, RUNS,
                   "bare UPDATE in a transaction (baseline)", NULL);
  bench_table_add (table, "undo", undo, RUNS, "bare UPDATE in a transaction (baseline)", "< 10 ms");
  bench_table_add (table, "redo", redo, RUNS, "bare UPDATE in a transaction (baseline)", "< 10 ms");
  bench_table_write (table);

  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_clear_object (&event);
  g_clear_object (&timeline);
  g_clear_object (&store);
  for (const char *suffix = ""; suffix != NULL; suffix = g_str_equal (suffix, "") ? "-wal" : g_str_equal (suffix, "-wal") ? "-shm" : NULL)
    {
      g_autofree char *file = g_strconcat (path, suffix, NULL);
      g_unlink (file);
    }
  return 0;
}
