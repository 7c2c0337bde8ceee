/* dossier-db-open.c
 *
 * Opening a connection: read-write (a new file created), or read-only for
 * a file that cannot be written, with nothing written beside it; the
 * schema untrusted and no checkpoint on close until dossier_schema_prepare()
 * has accepted the file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-db"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "dossier-db-private.h"
#include "dossier-search-rank.h"

/* DOSSIER_DEBUG=sql: every statement that took a millisecond or more, on
 * standard error, with its time; for finding what a slow path runs. */
static int
on_profile (unsigned  type,
            void     *data,
            void     *statement,
            void     *nanoseconds)
{
  gint64 ns = *(gint64 *) nanoseconds;

  if (ns >= 1000000)
    {
      char *sql = sqlite3_expanded_sql (statement);

      g_printerr ("sql %8.1f ms  %s\n", ns / 1e6, sql ? sql : sqlite3_sql (statement));
      sqlite3_free (sql);
    }
  return 0;
}

/* The connection, configured as every Dossier connection is. */
static DossierDb *
open_with (const char  *path,
           const char  *filename,
           int          flags,
           GError     **error)
{
  g_autoptr(DossierDb) db = g_new0 (DossierDb, 1);
  int rc;

  db->path = g_strdup (path);
  db->read_only = (flags & SQLITE_OPEN_READONLY) != 0;
  db->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) sqlite3_finalize);
  db->changes = g_array_new (FALSE, FALSE, sizeof (DossierDbChange));

  rc = sqlite3_open_v2 (filename, &db->handle, flags | SQLITE_OPEN_NOMUTEX, NULL);
  /* A file's schema is not trusted (no function with side effects, no
   * virtual table, in its triggers and views) until dossier_schema_prepare()
   * has found it to be Dossier's own. */
  if (!dossier_db_check (db, rc, _("opening the database"), error) ||
      !dossier_db_check (db, sqlite3_db_config (db->handle, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL),
                         "configure", error) ||
      /* "author" is a column, never a string SQLite guesses when there is
       * no such column. */
      !dossier_db_check (db, sqlite3_db_config (db->handle, SQLITE_DBCONFIG_DQS_DML, 0, NULL), "configure", error) ||
      !dossier_db_check (db, sqlite3_db_config (db->handle, SQLITE_DBCONFIG_DQS_DDL, 0, NULL), "configure", error) ||
      !dossier_db_check (db, sqlite3_extended_result_codes (db->handle, 1), "configure", error) ||
      !dossier_db_check (db, sqlite3_busy_timeout (db->handle, 5000), "configure", error) ||
      !dossier_db_check (db, dossier_search_rank_register (db->handle), "dossier_rank", error) ||
      !dossier_db_exec (db, "PRAGMA foreign_keys = ON", error))
    return NULL;
  if (g_strcmp0 (dossier_db_get_debug (), "sql") == 0 &&
      !dossier_db_check (db, sqlite3_trace_v2 (db->handle, SQLITE_TRACE_PROFILE, on_profile, NULL), "trace", error))
    return NULL;

  return g_steal_pointer (&db);
}

/**
 * dossier_db_open:
 * @path: a file; created if missing, but not its folder
 *
 * Opens with foreign keys on, extended error codes and a busy timeout, so
 * that two Dossiers on one file wait for each other rather than fail.
 *
 * Returns: (transfer full): the connection, or %NULL with @error set
 */
DossierDb *
dossier_db_open (const char  *path,
                 GError     **error)
{
  g_autoptr(DossierDb) db = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  if (!(db = open_with (path, path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, error)))
    return NULL;

  /* Until the file is known to be Dossier's and sound, closing it must not
   * fold a log another program left into it: see
   * dossier_db_set_checkpoint_on_close(). */
  dossier_db_set_checkpoint_on_close (db, FALSE);
  return g_steal_pointer (&db);
}

/**
 * dossier_db_set_checkpoint_on_close:
 * @checkpoint: whether closing the last connection folds the write-ahead
 *   log into the file (SQLite's default)
 *
 * Off from dossier_db_open() until the schema check has accepted the file
 * (dossier_schema_prepare()): a file refused at open is left as it was,
 * its `-wal` included, even when another program's log is pending in it.
 */
void
dossier_db_set_checkpoint_on_close (DossierDb *db,
                                    gboolean   checkpoint)
{
  int ignored;

  (void) sqlite3_db_config (db->handle, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, !checkpoint, &ignored);
}

/**
 * dossier_db_open_read_only:
 * @path: an existing file, which nothing will be written to or beside
 *
 * Opens a file that cannot be written (or whose folder cannot): as
 * immutable, so that SQLite creates no `-wal`, `-shm` or journal beside
 * it, unless a `-wal` with content is there, which holds part of the data
 * and is then read through SQLite's read-only WAL support.
 *
 * Returns: (transfer full): the connection, or %NULL with @error set;
 *   every dossier_db_transaction() on it fails with
 *   %DOSSIER_STORE_ERROR_READ_ONLY
 */
DossierDb *
dossier_db_open_read_only (const char  *path,
                           GError     **error)
{
  g_autofree char *absolute = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *wal = NULL;
  g_autofree char *filename = NULL;
  GStatBuf st;

  g_return_val_if_fail (path != NULL, NULL);

  absolute = g_canonicalize_filename (path, NULL);
  if (!(uri = g_filename_to_uri (absolute, NULL, error)))
    return NULL;

  wal = g_strconcat (path, "-wal", NULL);
  filename = g_strconcat (uri, g_stat (wal, &st) == 0 && st.st_size > 0 ? "?mode=ro" : "?mode=ro&immutable=1",
                          NULL);
  return open_with (path, filename, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, error);
}

/**
 * dossier_db_is_read_only:
 *
 * Returns: whether @db was opened with dossier_db_open_read_only()
 */
gboolean
dossier_db_is_read_only (DossierDb *db)
{
  return db->read_only;
}
