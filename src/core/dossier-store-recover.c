/* dossier-store-recover.c
 *
 * What the window offers for a database refused as damaged: set it aside
 * (renamed, with the time, byte for byte as it was) and start a new one in
 * its place, or recover into that new one what can still be read from it.
 *
 * Recovery builds a new database of the old file's own schema version
 * beside it (opening it later brings it up to date, as it would the old
 * file) and copies it table by table, row by row, reading each table from
 * its start until a damaged page stops the scan, then from its end
 * (rowid tables) until one stops it again, so that what lies on both sides
 * of a bad page is kept. Rows are copied with foreign keys off (an event
 * may point at one copied after it); then a row whose parent was lost is
 * left out, or its link cleared where the schema says ON DELETE SET NULL,
 * until every link holds. A row that breaks another rule of the schema is
 * left out. The search index is rebuilt by the
 * schema's triggers, and the undo history is not carried over (it
 * describes rows that may be gone). The new file is renamed into place
 * only when complete.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-store"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "dossier-schema.h"
#include "dossier-store.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

static const char * const companions[] = { "", "-wal", "-shm" };

/* Moves @from and its -wal and -shm, which belong to it, to @to: all of
 * them, or none. */
static gboolean
move_with_log (const char  *from,
               const char  *to,
               GError     **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (companions); i++)
    {
      g_autofree char *source = g_strconcat (from, companions[i], NULL);
      g_autofree char *target = g_strconcat (to, companions[i], NULL);

      if (i > 0 && !g_file_test (source, G_FILE_TEST_EXISTS))
        continue;
      if (g_rename (source, target) != 0)
        {
          int saved_errno = errno;

          for (guint j = 0; j < i; j++)
            {
              g_autofree char *back = g_strconcat (from, companions[j], NULL);
              g_autofree char *moved = g_strconcat (to, companions[j], NULL);

              (void) g_rename (moved, back);
            }
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _("%s cannot be renamed to %s: %s"), source, target, g_strerror (saved_errno));
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * dossier_store_set_aside:
 * @path: a database Dossier would not open
 *
 * Renames @path (and its `-wal` and `-shm`, which belong to it) to a name
 * of its own beside it, "dossier-damaged-2026-11-28-091500.db", without
 * changing a byte, so that a new database can take its place.
 *
 * Returns: (transfer full): the name it was given, or %NULL with @error set
 *   and nothing renamed
 */
char *
dossier_store_set_aside (const char  *path,
                         GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%d-%H%M%S");
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  const char *dot = strrchr (base, '.');
  g_autofree char *stem = dot && dot != base ? g_strndup (base, dot - base) : g_strdup (base);
  const char *extension = dot && dot != base ? dot : "";
  g_autofree char *target = NULL;

  for (guint n = 1; target == NULL || g_file_test (target, G_FILE_TEST_EXISTS); n++)
    {
      g_autofree char *name = n == 1 ? g_strdup_printf ("%s-damaged-%s%s", stem, stamp, extension)
                                     : g_strdup_printf ("%s-damaged-%s-%u%s", stem, stamp, n, extension);

      g_free (target);
      target = g_build_filename (dir, name, NULL);
    }

  if (!move_with_log (path, target, error))
    return NULL;

  return g_steal_pointer (&target);
}

typedef struct
{
  sqlite3 *from;
  guint    n_rows;
  guint    n_damaged_tables;
} Recovery;

/* Copies the rows @select reads, one at a time, until it stops (at the end
 * or at a damaged page). Returns FALSE only if writing fails. */
static gboolean
copy_rows (DossierDb     *db,
           sqlite3_stmt  *select,
           sqlite3_stmt  *insert,
           Recovery      *recovery,
           gboolean      *damaged,
           GError       **error)
{
  int rc;

  while ((rc = sqlite3_step (select)) == SQLITE_ROW)
    {
      for (int c = 0; c < sqlite3_column_count (select); c++)
        sqlite3_bind_value (insert, c + 1, sqlite3_column_value (select, c));

      rc = sqlite3_step (insert);
      sqlite3_reset (insert);
      sqlite3_clear_bindings (insert);
      if (rc == SQLITE_DONE)
        recovery->n_rows += sqlite3_changes (dossier_db_get_handle (db));
      else if ((rc & 0xff) != SQLITE_CONSTRAINT)
        return dossier_db_check (db, rc, _("recovering"), error);
      /* A row breaking a rule (its parent lost) is left out. */
    }

  if (rc != SQLITE_DONE)
    *damaged = TRUE;
  return TRUE;
}

static gboolean
copy_table (DossierDb   *db,
            const char  *table,
            Recovery    *recovery,
            GError     **error)
{
  sqlite3 *to = dossier_db_get_handle (db);
  g_autoptr(GString) columns = g_string_new (NULL);
  g_autoptr(GString) marks = g_string_new (NULL);
  g_autoptr(sqlite3_stmt) info = NULL;
  g_autoptr(sqlite3_stmt) select = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autofree char *sql = NULL;
  gboolean damaged = FALSE;

  /* The columns of the new file, made at the old file's version: the old
   * file's columns, whatever its damage. */
  sql = g_strdup_printf ("SELECT name FROM pragma_table_info ('%s') ORDER BY cid", table);
  if (!dossier_db_check (db, sqlite3_prepare_v2 (to, sql, -1, &info, NULL), _("recovering"), error))
    return FALSE;
  while (sqlite3_step (info) == SQLITE_ROW)
    {
      g_string_append_printf (columns, "%s\"%s\"", columns->len ? ", " : "", sqlite3_column_text (info, 0));
      g_string_append (marks, marks->len ? ", ?" : "?");
    }

  g_free (sql);
  sql = g_strdup_printf ("INSERT OR IGNORE INTO \"%s\" (%s) VALUES (%s)", table, columns->str, marks->str);
  if (!dossier_db_check (db, sqlite3_prepare_v2 (to, sql, -1, &insert, NULL), _("recovering"), error))
    return FALSE;

  /* From the start; a table whose definition cannot be read is lost. */
  g_free (sql);
  sql = g_strdup_printf ("SELECT %s FROM \"%s\"", columns->str, table);
  if (sqlite3_prepare_v2 (recovery->from, sql, -1, &select, NULL) != SQLITE_OK)
    {
      recovery->n_damaged_tables++;
      return TRUE;
    }
  if (!copy_rows (db, select, insert, recovery, &damaged, error))
    return FALSE;

  /* Past a damaged page: from the end, back to it (rowid tables only). */
  if (damaged)
    {
      g_clear_pointer (&select, sqlite3_finalize);
      g_free (sql);
      sql = g_strdup_printf ("SELECT %s FROM \"%s\" ORDER BY rowid DESC", columns->str, table);
      if (sqlite3_prepare_v2 (recovery->from, sql, -1, &select, NULL) == SQLITE_OK &&
          !copy_rows (db, select, insert, recovery, &damaged, error))
        return FALSE;
      recovery->n_damaged_tables++;
    }

  return TRUE;
}

/* Rows whose parent was lost: links cleared where the schema says
 * ON DELETE SET NULL, rows deleted otherwise. Returns how many changed, or
 * -1 on an error. */
static int
drop_orphans_of (DossierDb   *db,
                 const char  *table,
                 GError     **error)
{
  sqlite3 *handle = dossier_db_get_handle (db);
  g_autoptr(sqlite3_stmt) keys = NULL;
  g_autofree char *sql = g_strdup_printf ("SELECT id, \"table\", \"from\", \"to\", on_delete "
                                          "FROM pragma_foreign_key_list ('%s') ORDER BY id, seq", table);
  g_autoptr(GString) match = g_string_new (NULL);
  g_autoptr(GString) present = g_string_new (NULL);
  g_autoptr(GString) assign = g_string_new (NULL);
  g_autofree char *parent = NULL, *on_delete = NULL;
  int changed = 0, rc, id = -1;

  if (!dossier_db_check (db, sqlite3_prepare_v2 (handle, sql, -1, &keys, NULL), _("recovering"), error))
    return -1;

  /* One statement per foreign key, which may span several columns. */
  for (;;)
    {
      rc = sqlite3_step (keys);
      if ((rc != SQLITE_ROW || sqlite3_column_int (keys, 0) != id) && id >= 0)
        {
          g_autofree char *fix = g_str_equal (on_delete, "SET NULL")
            ? g_strdup_printf ("UPDATE \"%s\" SET %s WHERE %s AND NOT EXISTS (SELECT 1 FROM \"%s\" p WHERE %s)",
                               table, assign->str, present->str, parent, match->str)
            : g_strdup_printf ("DELETE FROM \"%s\" WHERE %s AND NOT EXISTS (SELECT 1 FROM \"%s\" p WHERE %s)",
                               table, present->str, parent, match->str);

          if (!dossier_db_exec (db, fix, error))
            return -1;
          changed += sqlite3_changes (handle);
          g_string_truncate (match, 0);
          g_string_truncate (present, 0);
          g_string_truncate (assign, 0);
        }
      if (rc != SQLITE_ROW)
        break;

      id = sqlite3_column_int (keys, 0);
      g_free (parent);
      parent = g_strdup ((const char *) sqlite3_column_text (keys, 1));
      g_free (on_delete);
      on_delete = g_strdup ((const char *) sqlite3_column_text (keys, 4));
      {
        const char *from = (const char *) sqlite3_column_text (keys, 2);
        const char *to = (const char *) sqlite3_column_text (keys, 3);

        /* A key naming no column refers to the parent's rowid primary key. */
        g_string_append_printf (match, "%sp.\"%s\" = \"%s\".\"%s\"", match->len ? " AND " : "",
                                to ? to : "rowid", table, from);
        g_string_append_printf (present, "%s\"%s\" IS NOT NULL", present->len ? " AND " : "", from);
        g_string_append_printf (assign, "%s\"%s\" = NULL", assign->len ? ", " : "", from);
      }
    }

  return dossier_db_check (db, rc, _("recovering"), error) ? changed : -1;
}

static gboolean
drop_orphans (DossierDb   *db,
              GPtrArray   *tables,
              GError     **error)
{
  int changed;

  /* A row deleted may orphan others: until nothing changes. */
  do
    {
      changed = 0;
      for (guint i = 0; i < tables->len; i++)
        {
          int n = drop_orphans_of (db, tables->pdata[i], error);

          if (n < 0)
            return FALSE;
          changed += n;
        }
    }
  while (changed > 0);

  return TRUE;
}

static gboolean
copy_all (DossierDb  *db,
          gpointer    user_data,
          GError    **error)
{
  Recovery *recovery = user_data;
  g_autoptr(sqlite3_stmt) tables = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(DossierStmt) check = NULL;
  gint64 broken = -1;
  int rc;

  /* Dossier's own tables in the order they were made (parents first), but
   * the undo history and the search index, which the triggers rebuild. */
  rc = sqlite3_prepare_v2 (dossier_db_get_handle (db),
                           "SELECT s.name FROM sqlite_schema s JOIN pragma_table_list t "
                           "  ON t.name = s.name AND t.schema = 'main' "
                           "WHERE t.type = 'table' AND s.name NOT LIKE 'sqlite%' "
                           "  AND s.name NOT IN ('history', 'history_part') AND s.name NOT LIKE 'search%' ORDER BY s.rowid",
                           -1, &tables, NULL);
  if (!dossier_db_check (db, rc, _("recovering"), error))
    return FALSE;

  while ((rc = sqlite3_step (tables)) == SQLITE_ROW)
    g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (tables, 0)));
  if (!dossier_db_check (db, rc, _("recovering"), error))
    return FALSE;

  for (guint i = 0; i < names->len; i++)
    if (!copy_table (db, names->pdata[i], recovery, error))
      return FALSE;

  if (!drop_orphans (db, names, error) ||
      !(check = dossier_db_prepare (db, "SELECT count(*) FROM pragma_foreign_key_check", error)) ||
      !dossier_db_query_int (db, check, &broken, error))
    return FALSE;
  if (broken != 0)
    {
      g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_DAMAGED,
                   _("%s: the recovered rows still point at rows that are gone"), dossier_db_get_path (db));
      return FALSE;
    }
  return TRUE;
}

/* The schema version the damaged file says it has, or -1 with @error. */
static gint64
read_version (DossierDb  *from,
              GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 version = -1;

  if (sqlite3_prepare_v2 (dossier_db_get_handle (from), "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int64 (stmt, 0);

  if (version < 1 || version > DOSSIER_SCHEMA_VERSION)
    {
      g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_DAMAGED,
                   _("%s is too damaged to recover anything: its header cannot be read"),
                   dossier_db_get_path (from));
      return -1;
    }
  return version;
}

/**
 * dossier_store_recover:
 * @damaged_path: a damaged database (set aside: it is only read)
 * @path: where the new database goes; nothing must be there
 * @n_rows: (out) (optional): how many rows were recovered
 * @n_damaged_tables: (out) (optional): how many tables had rows that could
 *   not be read
 *
 * Writes to @path a new database holding what can be read of
 * @damaged_path (see the top of this file). @damaged_path is not changed.
 *
 * Returns: whether @path was written
 */
gboolean
dossier_store_recover (const char  *damaged_path,
                       const char  *path,
                       guint       *n_rows,
                       guint       *n_damaged_tables,
                       GError     **error)
{
  g_autofree char *temporary = g_strconcat (path, ".recovering", NULL);
  g_autoptr(DossierDb) from = NULL;
  g_autoptr(DossierDb) to = NULL;
  Recovery recovery = { NULL, 0, 0 };
  g_autofree char *wal = g_strconcat (temporary, "-wal", NULL);
  gint64 version;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS, _("%s is already there"), path);
      return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (companions); i++)
    {
      g_autofree char *stale = g_strconcat (temporary, companions[i], NULL);
      (void) g_unlink (stale);
    }

  /* The new file is made at the old one's version, so that every column
   * copied is one the old file has; opening it later brings it up to date
   * as it would have brought the old one. */
  if (!(from = dossier_db_open_read_only (damaged_path, error)))
    goto failed;
  version = read_version (from, error);
  if (version < 0 ||
      !(to = dossier_db_open (temporary, error)) ||
      !dossier_schema_create_version (to, version, error))
    goto failed;

  /* Links checked once all is copied (drop_orphans()), not row by row. */
  recovery.from = dossier_db_get_handle (from);
  if (!dossier_db_exec (to, "PRAGMA foreign_keys = OFF", error) ||
      !dossier_db_transaction (to, copy_all, &recovery, error))
    goto failed;

  /* A rollback journal, not a log: once committed, the rows are in the one
   * file that is renamed into place. */
  g_clear_pointer (&to, dossier_db_close);
  if (g_file_test (wal, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("%s cannot be written: %s"), path,
                   _("the recovered rows were not all written to the file"));
      goto failed;
    }
  if (g_rename (temporary, path) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("%s cannot be written: %s"), path, g_strerror (saved_errno));
      goto failed;
    }

  if (n_rows != NULL)
    *n_rows = recovery.n_rows;
  if (n_damaged_tables != NULL)
    *n_damaged_tables = recovery.n_damaged_tables;
  return TRUE;

failed:
  g_clear_pointer (&to, dossier_db_close);
  for (guint i = 0; i < G_N_ELEMENTS (companions); i++)
    {
      g_autofree char *partial = g_strconcat (temporary, companions[i], NULL);
      (void) g_unlink (partial);
    }
  return FALSE;
}

/**
 * dossier_store_replace_damaged:
 * @path: a database Dossier would not open
 * @recover: whether to recover what can be read of it into the new one
 * @aside_path: (out): where the old file now is (dossier_store_set_aside())
 * @n_rows: (out) (optional): with @recover, how many rows were recovered
 * @n_damaged_tables: (out) (optional): with @recover, how many tables had
 *   rows that could not be read
 *
 * What the window's "Start a New Database" and "Recover" do: the old file
 * set aside, byte for byte, and in its place nothing (dossier_store_open()
 * then makes a new database) or the recovered one. Recovery runs before
 * anything is renamed, so that a failure leaves everything where it was.
 *
 * Returns: whether @path is free for a new database or holds the
 *   recovered one
 */
gboolean
dossier_store_replace_damaged (const char  *path,
                               gboolean     recover,
                               char       **aside_path,
                               guint       *n_rows,
                               guint       *n_damaged_tables,
                               GError     **error)
{
  g_autofree char *recovered = g_strconcat (path, ".recovered", NULL);
  g_autofree char *aside = NULL;

  (void) g_unlink (recovered);
  if (recover && !dossier_store_recover (path, recovered, n_rows, n_damaged_tables, error))
    return FALSE;

  if (!(aside = dossier_store_set_aside (path, error)))
    {
      (void) g_unlink (recovered);
      return FALSE;
    }

  if (recover && g_rename (recovered, path) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("%s cannot be written: %s"), path, g_strerror (saved_errno));
      (void) move_with_log (aside, path, NULL);
      (void) g_unlink (recovered);
      return FALSE;
    }

  *aside_path = g_steal_pointer (&aside);
  return TRUE;
}
