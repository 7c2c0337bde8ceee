/* dossier-schema-check.c
 *
 * What Dossier checks before it trusts a database it did not just create:
 *
 * - its pages: PRAGMA quick_check, which finds a damaged page, a broken
 *   index or a truncated file; bounded in time (a progress handler stops
 *   it after a while on a very large file, which is then trusted as SQLite
 *   reads it, page by page);
 * - its shape: the tables, indexes, triggers and views it holds, with their
 *   kinds and columns, are exactly those the migrations make (compared
 *   with a database built in memory from the same migrations; triggers,
 *   views and indexes word for word), so that a crafted file (a view in
 *   place of a table, a trigger of its own) is refused before any query of
 *   Dossier's runs on it;
 * - and, once the file is known good, SQLite's defensive mode.
 *
 * A file that fails is left byte for byte as it was, with a message that
 * says what is wrong in words.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-schema"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "dossier-schema-check.h"

/* quick_check at open: a file up to CHECK_WHOLE bytes is checked whole,
 * however long that takes under load (some 50 ms for 32 MB); a larger one
 * as far as CHECK_MS goes (a file of 1.5 GB took 2 s whole), so that it
 * opens at once. SQLite checks every page it reads afterwards all the
 * same. */
#define CHECK_WHOLE (32 * 1024 * 1024)
#define CHECK_MS 25

/* quick_check runs as one step of SQLite's, which no progress handler
 * sees into: a watcher thread interrupts it at the deadline, unless told
 * it is done (sqlite3_interrupt() may be called from another thread). */
typedef struct
{
  GMutex   mutex;
  GCond    cond;
  gboolean done;
  gint64   deadline;
  sqlite3 *handle;
} Watch;

static gpointer
watch_check (gpointer data)
{
  Watch *watch = data;

  g_mutex_lock (&watch->mutex);
  while (!watch->done)
    if (!g_cond_wait_until (&watch->cond, &watch->mutex, watch->deadline))
      {
        if (!watch->done)
          sqlite3_interrupt (watch->handle);
        break;
      }
  g_mutex_unlock (&watch->mutex);
  return NULL;
}

static gboolean
damaged (DossierDb   *db,
         const char  *why,
         GError     **error)
{
  g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_DAMAGED,
               /* Translators: 1 a file, 2 what SQLite found wrong in it */
               _("%1$s is damaged (%2$s); Dossier left it as it is"), dossier_db_get_path (db), why);
  return FALSE;
}

/* quick_check says "*** in database main ***\nPage 51: btreeInitPage()
 * returns error code 11": the page is what a person can use. */
static char *
describe_problem (const char *problem)
{
  const char *page = strstr (problem, "Page ");
  guint64 number;
  char *said;

  if (page != NULL && (number = g_ascii_strtoull (page + 5, NULL, 10)) > 0)
    /* Translators: what is wrong with a damaged database */
    return g_strdup_printf (_("page %u of the file cannot be read"), (guint) number);

  said = g_strdelimit (g_strdup (problem), "\n", ' ');
  return g_strstrip (said);
}

/**
 * dossier_schema_check_pages:
 *
 * Returns: %FALSE with %DOSSIER_STORE_ERROR_DAMAGED when SQLite finds the
 *   file damaged
 */
gboolean
dossier_schema_check_pages (DossierDb  *db,
                            GError    **error)
{
  sqlite3 *handle = dossier_db_get_handle (db);
  sqlite3_stmt *stmt = NULL;
  GStatBuf info;
  gboolean large = g_stat (dossier_db_get_path (db), &info) == 0 && info.st_size > CHECK_WHOLE;
  Watch watch = { .deadline = large ? g_get_monotonic_time () + CHECK_MS * 1000 : G_MAXINT64, .handle = handle };
  g_autofree char *problem = NULL;
  GThread *watcher;
  int rc;

  g_mutex_init (&watch.mutex);
  g_cond_init (&watch.cond);
  watcher = large ? g_thread_new ("dossier-check", watch_check, &watch) : NULL;
  rc = sqlite3_prepare_v2 (handle, "PRAGMA quick_check (1)", -1, &stmt, NULL);
  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    problem = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  g_mutex_lock (&watch.mutex);
  watch.done = TRUE;
  g_cond_signal (&watch.cond);
  g_mutex_unlock (&watch.mutex);
  if (watcher != NULL)
    g_thread_join (watcher);
  g_mutex_clear (&watch.mutex);
  g_cond_clear (&watch.cond);

  /* Too large to check in time: SQLite still checks every page it reads. */
  if ((rc & 0xff) == SQLITE_INTERRUPT)
    {
      g_debug ("%s: quick_check stopped after %d ms", dossier_db_get_path (db), CHECK_MS);
      return TRUE;
    }
  if (rc != SQLITE_ROW)
    return damaged (db, sqlite3_errstr (rc), error);
  if (g_strcmp0 (problem, "ok") != 0)
    {
      g_autofree char *said = describe_problem (problem ? problem : "");

      return damaged (db, said, error);
    }
  return TRUE;
}

/* Every object of the schema, a line each: its kind, its name, its table
 * and, for a table, its columns. */
static char *
describe (sqlite3  *handle,
          int      *rc)
{
  GString *out = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  *rc = sqlite3_prepare_v2 (handle,
                            "SELECT type, name, tbl_name, "
                            "  CASE WHEN type = 'table' THEN "
                            "    (SELECT group_concat (name, ',') FROM pragma_table_info (m.name)) "
                            /* What runs by itself, word for word: triggers (and views, indexes). */
                            "  ELSE replace (replace (sql, char (10), ' '), char (13), ' ') END "
                            "FROM sqlite_schema m WHERE name NOT LIKE 'sqlite_%' ORDER BY name, type",
                            -1, &stmt, NULL);
  if (*rc == SQLITE_OK)
    {
      int step;

      while ((step = sqlite3_step (stmt)) == SQLITE_ROW)
        g_string_append_printf (out, "%s %s %s %s\n", sqlite3_column_text (stmt, 0), sqlite3_column_text (stmt, 1),
                                sqlite3_column_text (stmt, 2),
                                sqlite3_column_text (stmt, 3) ? (const char *) sqlite3_column_text (stmt, 3) : "");
      *rc = step == SQLITE_DONE ? SQLITE_OK : step;
    }
  sqlite3_finalize (stmt);
  return g_string_free (out, FALSE);
}

/* The first line of @lines that @other lacks, or NULL. */
static char *
first_missing (const char *lines,
               const char *other)
{
  g_auto(GStrv) a = g_strsplit (lines, "\n", -1);
  g_auto(GStrv) b = g_strsplit (other, "\n", -1);

  for (guint i = 0; a[i]; i++)
    if (*a[i] && !g_strv_contains ((const char * const *) b, a[i]))
      return g_strdup (a[i]);
  return NULL;
}

/* What the migrations make, described: built in memory (some 45 million
 * instructions, a tenth of a headless export), then kept in the user's
 * cache under a name that says which migrations and which SQLite made it,
 * so that later starts read it instead. */
static char *
expected_shape (const char * const *migrations,
                guint               n_migrations,
                gboolean            cached,
                int                *rc)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  sqlite3 *reference = NULL;
  char *expected = NULL;

  g_checksum_update (sum, (const guchar *) sqlite3_libversion (), -1);
  g_checksum_update (sum, (const guchar *) PACKAGE_VERSION, -1);
  for (guint i = 0; i < n_migrations; i++)
    g_checksum_update (sum, (const guchar *) migrations[i], -1);
  name = g_strdup_printf ("schema-%s.txt", g_checksum_get_string (sum));
  path = g_build_filename (g_get_user_cache_dir (), "dossier", name, NULL);
  if (cached && g_file_get_contents (path, &expected, NULL, NULL))
    return expected;

  *rc = sqlite3_open_v2 (":memory:", &reference, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  for (guint i = 0; i < n_migrations && *rc == SQLITE_OK; i++)
    *rc = sqlite3_exec (reference, migrations[i], NULL, NULL, NULL);
  if (*rc == SQLITE_OK)
    expected = describe (reference, rc);
  sqlite3_close (reference);
  if (*rc != SQLITE_OK)
    {
      g_free (expected);
      return NULL;
    }

  /* Written to a temporary file renamed into place; a cache that cannot
   * be written is only slower. */
  {
    g_autofree char *dir = g_path_get_dirname (path);

    if (g_mkdir_with_parents (dir, 0700) == 0)
      g_file_set_contents (path, expected, -1, NULL);
  }
  return expected;
}

/**
 * dossier_schema_check_shape:
 * @migrations: every migration, as the schema is made
 *
 * Returns: %FALSE with %DOSSIER_STORE_ERROR_NOT_A_DOSSIER when the file
 *   holds other tables, views or triggers than Dossier's
 */
gboolean
dossier_schema_check_shape (DossierDb           *db,
                            const char * const  *migrations,
                            guint                n_migrations,
                            GError             **error)
{
  g_autofree char *expected = NULL;
  g_autofree char *found = NULL;
  g_autofree char *extra = NULL;
  g_autofree char *missing = NULL;
  int rc = SQLITE_OK;

  if ((expected = expected_shape (migrations, n_migrations, TRUE, &rc)) == NULL)
    return dossier_db_check (db, rc, "reference schema", error);

  found = describe (dossier_db_get_handle (db), &rc);
  if (rc != SQLITE_OK)
    return damaged (db, sqlite3_errstr (rc), error);

  if ((extra = first_missing (found, expected)) == NULL && (missing = first_missing (expected, found)) == NULL)
    return TRUE;

  /* Never refused on the word of the cache alone (a stale or damaged
   * one): built again in memory, written over it, and compared again. */
  g_clear_pointer (&expected, g_free);
  g_clear_pointer (&extra, g_free);
  g_clear_pointer (&missing, g_free);
  if ((expected = expected_shape (migrations, n_migrations, FALSE, &rc)) == NULL)
    return dossier_db_check (db, rc, "reference schema", error);
  if ((extra = first_missing (found, expected)) == NULL && (missing = first_missing (expected, found)) == NULL)
    return TRUE;

  {
    /* "view note note CREATE VIEW…": its kind and its name. */
    g_auto(GStrv) words = g_strsplit (extra ? extra : missing, " ", 3);
    const char *name = words[1] ? words[1] : "";
    const char *kind = words[0];
    g_autofree char *what = NULL;

    if (g_str_equal (kind, "view"))
      what = g_strdup_printf (extra ? _("a view “%s” of its own") : _("no view “%s”"), name);
    else if (g_str_equal (kind, "trigger"))
      what = g_strdup_printf (extra ? _("a trigger “%s” of its own") : _("no trigger “%s”"), name);
    else if (g_str_equal (kind, "index"))
      what = g_strdup_printf (extra ? _("an index “%s” of its own") : _("no index “%s”"), name);
    else
      what = g_strdup_printf (extra ? _("a table “%s” of its own") : _("no table “%s”"), name);

    g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_NOT_A_DOSSIER,
                 /* Translators: 1 a file; 2 what differs, such as: a view “note” of its own */
                 _("%1$s was changed outside Dossier (%2$s): Dossier does not open it, and left it as it is"),
                 dossier_db_get_path (db), what);
  }
  return FALSE;
}

/**
 * dossier_schema_trust:
 *
 * The file was opened with an untrusted schema (dossier_db_open()):
 * SQLite refuses a virtual table or a function with side effects in its
 * triggers and views. Once dossier_schema_check_shape() has found every
 * table, index, view and trigger to be Dossier's, word for word (or the
 * file is new and Dossier makes them), the schema is trusted, as Dossier's
 * own triggers keep the full-text index, a virtual table.
 */
gboolean
dossier_schema_trust (DossierDb  *db,
                      GError    **error)
{
  return dossier_db_check (db, sqlite3_db_config (dossier_db_get_handle (db), SQLITE_DBCONFIG_TRUSTED_SCHEMA, 1, NULL),
                           "configure", error);
}

/**
 * dossier_schema_harden:
 *
 * Once the file is known good: SQLite's defensive mode (no writable
 * schema, no corrupting pragmas).
 */
gboolean
dossier_schema_harden (DossierDb  *db,
                       GError    **error)
{
  return dossier_db_check (db, sqlite3_db_config (dossier_db_get_handle (db), SQLITE_DBCONFIG_DEFENSIVE, 1, NULL),
                           "configure", error);
}
