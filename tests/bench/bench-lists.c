/* bench-lists.c: the store's lazy lists over a case file of a million events
 *
 * Run with `meson test -C build --benchmark --verbose`. The bundled case
 * file is given DOSSIER_BENCH_EVENTS events (default 1,000,000), then each
 * operation a view does on its timeline is timed: counting it, reading its
 * first page, a page in the middle (by offset), the page after it (by key),
 * finding where an event stands, and following an edit. Each figure is the
 * median of its runs, next to SQLite doing the least the same answer needs,
 * on the same file in the same process. Nothing is asserted about time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <sqlite3.h>
#include <stdlib.h>

#include "dossier-node.h"
#include "dossier-node-list.h"
#include "dossier-store.h"
#include "test-utils.h"

#define RUNS 11

#define median(values) test_median ((values), RUNS)

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.;
}

static void
check (int rc,
       int expected,
       sqlite3 *db)
{
  if (rc != expected)
    g_error ("%s", sqlite3_errmsg (db));
}

/* Adds @n events to case file @case_id, with an English title each. */
static void
fill (const char *path,
      gint64      case_id,
      guint       n)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *node = NULL, *event = NULL, *text = NULL;

  check (sqlite3_open (path, &db), SQLITE_OK, db);
  check (sqlite3_exec (db, "BEGIN", NULL, NULL, NULL), SQLITE_OK, db);
  check (sqlite3_prepare_v2 (db, "INSERT INTO node (kind, slug) VALUES ('event', ?1)", -1, &node, NULL), SQLITE_OK, db);
  check (sqlite3_prepare_v2 (db, "INSERT INTO event (node_id, case_id, date) VALUES (?1, ?2, ?3)", -1, &event, NULL),
         SQLITE_OK, db);
  check (sqlite3_prepare_v2 (db, "INSERT INTO node_text (node_id, lang, title) VALUES (?1, 'en', ?2)", -1, &text, NULL),
         SQLITE_OK, db);

  for (guint i = 0; i < n; i++)
    {
      char slug[32], date[16], title[48];
      gint64 id;

      g_snprintf (slug, sizeof slug, "bench-%u", i);
      g_snprintf (date, sizeof date, "%04u-%02u-%02u", 1990 + i % 35, 1 + i % 12, 1 + i % 28);
      g_snprintf (title, sizeof title, "Docket entry %u", i);

      sqlite3_bind_text (node, 1, slug, -1, SQLITE_TRANSIENT);
      check (sqlite3_step (node), SQLITE_DONE, db);
      sqlite3_reset (node);
      id = sqlite3_last_insert_rowid (db);

      sqlite3_bind_int64 (event, 1, id);
      sqlite3_bind_int64 (event, 2, case_id);
      sqlite3_bind_text (event, 3, date, -1, SQLITE_TRANSIENT);
      check (sqlite3_step (event), SQLITE_DONE, db);
      sqlite3_reset (event);

      sqlite3_bind_int64 (text, 1, id);
      sqlite3_bind_text (text, 2, title, -1, SQLITE_TRANSIENT);
      check (sqlite3_step (text), SQLITE_DONE, db);
      sqlite3_reset (text);
    }

  sqlite3_finalize (node);
  sqlite3_finalize (event);
  sqlite3_finalize (text);
  check (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL), SQLITE_OK, db);
  sqlite3_close (db);
}

/* The least SQLite does for the same answer: one prepared statement. */
static double
bare_query (sqlite3    *db,
            const char *sql,
            gint64      case_id,
            gint64      offset)
{
  sqlite3_stmt *stmt = NULL;
  double t0 = now_ms ();

  check (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), SQLITE_OK, db);
  sqlite3_bind_int64 (stmt, 1, case_id);
  sqlite3_bind_int64 (stmt, 2, offset);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    ;
  sqlite3_finalize (stmt);
  return now_ms () - t0;
}

int
main (int   argc,
      char *argv[])
{
  const char *env = g_getenv ("DOSSIER_BENCH_EVENTS");
  guint n_events = env ? (guint) g_ascii_strtoull (env, NULL, 10) : 1000000;
  g_autofree char *dir = test_make_tmp_dir ("dossier-bench-lists-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "big.db", NULL);
  g_autoptr(DossierStore) store = NULL;
  double count[RUNS], first[RUNS], middle[RUNS], next[RUNS], find[RUNS], edit[RUNS];
  double bare_count[RUNS], bare_page[RUNS];
  gint64 case_id;
  sqlite3 *bare = NULL;
  double t0;

  setlocale (LC_ALL, "C.UTF-8");

  store = test_open_store (path);
  case_id = test_find_case (store, "jedi-protest");
  g_clear_object (&store);

  t0 = now_ms ();
  fill (path, case_id, n_events);
  g_print ("%u events written in %.1f s\n", n_events, (now_ms () - t0) / 1000.);

  store = test_open_store (path);
  check (sqlite3_open_v2 (path, &bare, SQLITE_OPEN_READONLY, NULL), SQLITE_OK, bare);

  for (guint run = 0; run < RUNS; run++)
    {
      g_autoptr(GListModel) list = NULL;
      g_autoptr(DossierNode) node = NULL;
      guint n, mid;

      bare_count[run] = bare_query (bare, "SELECT count(*) FROM event WHERE case_id = ?1 AND ?2 = ?2",
                                    case_id, 0);
      bare_page[run] = bare_query (bare, "SELECT node_id, date FROM event WHERE case_id = ?1 "
                                         "ORDER BY date, node_id LIMIT 64 OFFSET ?2",
                                   case_id, 0);

      t0 = now_ms ();
      list = dossier_store_list_section (store, case_id, DOSSIER_SECTION_TIMELINE, NULL);
      count[run] = now_ms () - t0;
      n = g_list_model_get_n_items (list);
      mid = n / 2 + run;

      t0 = now_ms ();
      g_object_unref (g_list_model_get_item (list, 0));
      first[run] = now_ms () - t0;

      t0 = now_ms ();
      node = g_list_model_get_item (list, mid - mid % 64);
      middle[run] = now_ms () - t0;

      t0 = now_ms ();
      g_object_unref (g_list_model_get_item (list, mid - mid % 64 + 64));
      next[run] = now_ms () - t0;

      {
        g_autoptr(GListModel) fresh = dossier_store_list_section (store, case_id, DOSSIER_SECTION_TIMELINE, NULL);

        t0 = now_ms ();
        if (dossier_node_list_find (DOSSIER_NODE_LIST (fresh), dossier_node_get_id (node)) != mid - mid % 64)
          g_error ("find gave the wrong place");
        find[run] = now_ms () - t0;
      }

      /* An edit of a held node: the transaction, the signal, every open
       * list reading the row again. */
      t0 = now_ms ();
      if (!dossier_store_set_title (store, dossier_node_get_id (node), "en", run % 2 ? "Renamed" : "Renamed again", NULL))
        g_error ("edit failed");
      edit[run] = now_ms () - t0;
    }

  g_print ("timeline of %u events, median of %d runs, in ms\n", n_events, RUNS);
  g_print ("  bare count(*) on the index              %8.2f\n", median (bare_count));
  g_print ("  list created (its count)                %8.2f  (%.1f× the bare count)\n",
           median (count), median (count) / median (bare_count));
  g_print ("  bare first 64 rows                      %8.2f\n", median (bare_page));
  g_print ("  first page, joined to texts             %8.2f  (%.1f× the bare page)\n",
           median (first), median (first) / median (bare_page));
  g_print ("  a page in the middle, by offset         %8.2f\n", median (middle));
  g_print ("  the page after it, by key               %8.2f\n", median (next));
  g_print ("  where an event stands (find)            %8.2f\n", median (find));
  g_print ("  an edit followed by its list            %8.2f\n", median (edit));

  sqlite3_close (bare);
  g_clear_object (&store);
  test_remove_tree (dir);
  return 0;
}
