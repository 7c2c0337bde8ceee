/* bench-insert-loop.c: the floor for imports
 *
 *   bench-insert-loop DB shares N     N market shares
 *   bench-insert-loop DB events N     N events, each a node, its event row
 *                                     and its title in two languages
 *
 * DB is a database the store made (the same schema, its triggers and the
 * search index included); the rows go in by prepared statements in one
 * transaction, as bare as SQLite allows. bench-import.py times it as a
 * whole process beside dossier --import-shares and --import-case.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <sqlite3.h>
#include <stdlib.h>

static sqlite3 *db;

static void
check (int rc)
{
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
    g_error ("bench-insert-loop: %s", sqlite3_errmsg (db));
}

static sqlite3_stmt *
prepare (const char *sql)
{
  sqlite3_stmt *stmt = NULL;

  check (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL));
  return stmt;
}

static void
step (sqlite3_stmt *stmt)
{
  check (sqlite3_step (stmt));
  check (sqlite3_reset (stmt));
}

int
main (int   argc,
      char *argv[])
{
  gint64 n;

  if (argc != 4)
    return 2;
  n = g_ascii_strtoll (argv[3], NULL, 10);
  check (sqlite3_open (argv[1], &db));
  check (sqlite3_exec (db, "PRAGMA foreign_keys = ON; BEGIN", NULL, NULL, NULL));

  if (g_str_equal (argv[2], "shares"))
    {
      /* 25 providers, 80 quarters, as many series as it takes. */
      sqlite3_stmt *series = prepare ("INSERT INTO market_series (slug, firm) VALUES (?1, 'Bare')");
      sqlite3_stmt *org = prepare ("INSERT INTO node (kind, slug, name) VALUES ('organization', ?1, ?1)");
      sqlite3_stmt *share = prepare ("INSERT INTO market_share (series_id, period, organization_id, percent, source_id) "
                                     "VALUES (?1, ?2, ?3, ?4, ?5)");
      gint64 orgs[25], source, series_id = 0;

      check (sqlite3_exec (db, "INSERT INTO node (kind, slug) VALUES ('source', 'bare-source');"
                               "INSERT INTO source (node_id, publisher) VALUES (last_insert_rowid (), 'Bare')",
                           NULL, NULL, NULL));
      source = sqlite3_last_insert_rowid (db);
      for (int p = 0; p < 25; p++)
        {
          char name[32];

          g_snprintf (name, sizeof name, "Bare provider %d", p);
          sqlite3_bind_text (org, 1, name, -1, SQLITE_TRANSIENT);
          step (org);
          orgs[p] = sqlite3_last_insert_rowid (db);
        }
      for (gint64 i = 0; i < n; i++)
        {
          char period[16];

          if (i % 2000 == 0)
            {
              char slug[32];

              g_snprintf (slug, sizeof slug, "bare-%" G_GINT64_FORMAT, i / 2000);
              sqlite3_bind_text (series, 1, slug, -1, SQLITE_TRANSIENT);
              step (series);
              series_id = sqlite3_last_insert_rowid (db);
            }
          g_snprintf (period, sizeof period, "%04d-Q%d", 2005 + (int) (i / 25 % 80) / 4, 1 + (int) (i / 25 % 80) % 4);
          sqlite3_bind_int64 (share, 1, series_id);
          sqlite3_bind_text (share, 2, period, -1, SQLITE_TRANSIENT);
          sqlite3_bind_int64 (share, 3, orgs[i % 25]);
          sqlite3_bind_double (share, 4, 2. + (i % 7) * 0.25);
          sqlite3_bind_int64 (share, 5, source);
          step (share);
        }
      sqlite3_finalize (series);
      sqlite3_finalize (org);
      sqlite3_finalize (share);
    }
  else
    {
      sqlite3_stmt *node = prepare ("INSERT INTO node (kind, slug) VALUES ('event', ?1)");
      sqlite3_stmt *event = prepare ("INSERT INTO event (node_id, case_id, date, kind) VALUES (?1, ?2, ?3, 'filing')");
      sqlite3_stmt *text = prepare ("INSERT INTO node_text (node_id, lang, title) VALUES (?1, ?2, ?3)");
      gint64 case_id;

      check (sqlite3_exec (db, "INSERT INTO node (kind, slug) VALUES ('case', 'bare-case');"
                               "INSERT INTO case_file (node_id) VALUES (last_insert_rowid ())", NULL, NULL, NULL));
      case_id = sqlite3_last_insert_rowid (db);
      for (gint64 i = 0; i < n; i++)
        {
          char slug[32], date[16], title[64];
          gint64 id;

          g_snprintf (slug, sizeof slug, "bare-event-%" G_GINT64_FORMAT, i);
          g_snprintf (date, sizeof date, "%04d-%02d-%02d", 1995 + (int) (i % 30), 1 + (int) (i % 12), 1 + (int) (i % 28));
          sqlite3_bind_text (node, 1, slug, -1, SQLITE_TRANSIENT);
          step (node);
          id = sqlite3_last_insert_rowid (db);
          sqlite3_bind_int64 (event, 1, id);
          sqlite3_bind_int64 (event, 2, case_id);
          sqlite3_bind_text (event, 3, date, -1, SQLITE_TRANSIENT);
          step (event);
          for (int l = 0; l < 2; l++)
            {
              g_snprintf (title, sizeof title, l ? "Requête en irrecevabilité nº %" G_GINT64_FORMAT
                                                 : "Motion to dismiss no. %" G_GINT64_FORMAT, i);
              sqlite3_bind_int64 (text, 1, id);
              sqlite3_bind_text (text, 2, l ? "fr" : "en", -1, SQLITE_STATIC);
              sqlite3_bind_text (text, 3, title, -1, SQLITE_TRANSIENT);
              step (text);
            }
        }
      sqlite3_finalize (node);
      sqlite3_finalize (event);
      sqlite3_finalize (text);
    }
  check (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL));
  check (sqlite3_close (db));
  return 0;
}
