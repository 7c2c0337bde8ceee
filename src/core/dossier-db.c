/* dossier-db.c
 *
 * Everything Dossier asks SQLite goes through here, so that every return
 * code is checked in one place and every error names the file. Statements
 * are prepared once and kept (a cache keyed by their SQL text): the caller
 * borrows one with dossier_db_prepare() and gives it back, reset, when its
 * g_autoptr(DossierStmt) goes out of scope. Connections are opened in
 * dossier-db-open.c; writes run in dossier_db_transaction()
 * (dossier-db-transaction.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-db"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dossier-db-private.h"

/* Statements lent out, and those prepared for a nested borrower because
 * the cached one was lent already (finalized, not cached, on release).
 * Dossier uses SQLite from one thread; the lock only keeps this honest. */
G_LOCK_DEFINE_STATIC (lent);
static GHashTable *lent;      /* sqlite3_stmt → TRUE */
static GHashTable *private;   /* sqlite3_stmt → TRUE */

void
dossier_db_close (DossierDb *db)
{
  if (db == NULL)
    return;

  /* Cached statements are finalized; one still lent out is its
   * borrower's to give back, which then finalizes it, and SQLite closes
   * the connection after that (sqlite3_close_v2). */
  G_LOCK (lent);
  if (lent != NULL)
    {
      GHashTableIter iter;
      gpointer sql, stmt;

      g_hash_table_iter_init (&iter, db->statements);
      while (g_hash_table_iter_next (&iter, &sql, &stmt))
        if (g_hash_table_remove (lent, stmt))
          {
            g_hash_table_add (private, stmt);
            g_hash_table_iter_steal (&iter);
            g_free (sql);
          }
    }
  G_UNLOCK (lent);
  g_clear_pointer (&db->statements, g_hash_table_unref);

  if (db->handle != NULL)
    {
      int rc = sqlite3_close_v2 (db->handle);

      if (rc != SQLITE_OK)
        g_critical ("Closing %s: %s", db->path, sqlite3_errstr (rc));
    }

  g_array_unref (db->changes);
  g_clear_object (&db->job_cancellable);
  g_free (db->busy_message);
  g_free (db->path);
  g_free (db);
}

const char *
dossier_db_get_path (DossierDb *db)
{
  return db->path;
}

/**
 * dossier_db_get_handle:
 *
 * Returns: (transfer none): the connection, for what this file does not
 *   wrap (the schema's header check reads raw result codes)
 */
sqlite3 *
dossier_db_get_handle (DossierDb *db)
{
  return db->handle;
}

/**
 * dossier_db_check:
 * @rc: what SQLite returned
 * @what: what was being done, for the message
 *
 * Returns: %TRUE if @rc is a success, else %FALSE with @error set to a
 *   message naming the file
 */
gboolean
dossier_db_check (DossierDb   *db,
                  int          rc,
                  const char  *what,
                  GError     **error)
{
  if (rc == SQLITE_OK || rc == SQLITE_DONE || rc == SQLITE_ROW)
    return TRUE;

  /* Only bind_one() returns this, for a text that is not UTF-8. */
  if (rc == SQLITE_MISMATCH && g_strcmp0 (what, "bind") == 0)
    {
      g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_INVALID,
                   _("A text is not valid UTF-8; nothing was written to %s"), db->path);
      return FALSE;
    }

  /* What the disk did, in words: the transaction it happened in is rolled
   * back (dossier_db_transaction()), so nothing was changed. */
  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_DISK,
                   _("%s cannot be written: the disk is full. Nothing was changed; free some space and try again."),
                   db->path);
      return FALSE;
    case SQLITE_IOERR:
      if (rc == SQLITE_IOERR_READ || rc == SQLITE_IOERR_SHORT_READ)
        g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_DISK,
                     _("%s cannot be read: the disk reported an input/output error."), db->path);
      else
        g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_DISK,
                     _("%s cannot be written: the disk reported an input/output error. Nothing was changed."),
                     db->path);
      return FALSE;
    case SQLITE_READONLY:
      /* Moved or deleted while open: SQLite's own words say it best. */
      if (rc == SQLITE_READONLY_DBMOVED)
        break;
      g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_READ_ONLY,
                   _("%s is read-only: nothing was changed"), db->path);
      return FALSE;
    default:
      break;
    }

  g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_SQLITE,
               /* Translators: 1: a database file, 2: what failed, 3: SQLite's message */
               _("%s: %s failed: %s"),
               db->path, what,
               db->handle ? sqlite3_errmsg (db->handle) : sqlite3_errstr (rc));
  return FALSE;
}

gboolean
dossier_db_exec (DossierDb   *db,
                 const char  *sql,
                 GError     **error)
{
  return dossier_db_check (db, sqlite3_exec (db->handle, sql, NULL, NULL, NULL), "exec", error);
}

/**
 * dossier_db_prepare:
 * @sql: one statement
 *
 * Returns: (transfer none): the cached statement, ready to bind; hold it in
 *   a g_autoptr(DossierStmt), which resets it, or %NULL with @error set
 */
/**
 * dossier_db_configure_library:
 *
 * Sets SQLite up for the whole process; called first in main(), before
 * any thread and any database. SQLite's count of the memory it takes
 * (for sqlite3_memory_used(), which Dossier does not call) goes: it takes
 * a lock shared by every thread at every allocation, a few per row
 * written, and an import writes a million rows.
 */
void
dossier_db_configure_library (void)
{
  int rc = sqlite3_config (SQLITE_CONFIG_MEMSTATUS, 0);

  /* Too late (SQLite already started) only costs the speed. */
  if (rc != SQLITE_OK)
    g_debug ("sqlite3_config: %s", sqlite3_errstr (rc));
}

/**
 * dossier_db_get_debug:
 *
 * Returns: DOSSIER_DEBUG ("plans", "sql"…), or %NULL; read from the
 *   environment once, the first time. A database is opened on a thread
 *   while GTK starts, and GTK changes the environment as it does (getenv
 *   is not safe against unsetenv on another thread): read it before.
 */
const char *
dossier_db_get_debug (void)
{
  static char *debug;
  static gsize read;

  if (g_once_init_enter (&read))
    {
      debug = g_strdup (g_getenv ("DOSSIER_DEBUG"));
      g_once_init_leave (&read, 1);
    }
  return debug;
}

/* DOSSIER_DEBUG=plans: every statement that reads a whole table (its
 * plan has "SCAN t" for a table t), on standard error as it is first
 * prepared, to find a missing index (run the tests with it). */
static void
audit_plan (DossierDb    *db,
            sqlite3_stmt *stmt)
{
  g_autofree char *explain = g_strconcat ("EXPLAIN QUERY PLAN ", sqlite3_sql (stmt), NULL);
  sqlite3_stmt *plan = NULL;

  if (sqlite3_prepare_v2 (db->handle, explain, -1, &plan, NULL) != SQLITE_OK)
    {
      sqlite3_finalize (plan);
      return;
    }
  while (sqlite3_step (plan) == SQLITE_ROW)
    {
      const char *detail = (const char *) sqlite3_column_text (plan, 3);

      if (detail != NULL && g_str_has_prefix (detail, "SCAN ") && !strstr (detail, "VIRTUAL TABLE") &&
          !g_str_has_prefix (detail, "SCAN CONSTANT ROW"))
        g_printerr ("plan: %s in: %s\n", detail, sqlite3_sql (stmt));
    }
  sqlite3_finalize (plan);
}

DossierStmt *
dossier_db_prepare (DossierDb   *db,
                    const char  *sql,
                    GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (db->statements, sql);
  gboolean cached = TRUE;
  int rc;

  G_LOCK (lent);
  if (lent == NULL)
    {
      lent = g_hash_table_new (NULL, NULL);
      private = g_hash_table_new (NULL, NULL);
    }
  /* Lent already (a caller up the stack is still reading its rows): this
   * borrower gets a statement of its own rather than resetting theirs. */
  if (stmt != NULL && g_hash_table_contains (lent, stmt))
    {
      stmt = NULL;
      cached = FALSE;
    }
  G_UNLOCK (lent);

  if (stmt == NULL)
    {
      rc = sqlite3_prepare_v3 (db->handle, sql, -1, cached ? SQLITE_PREPARE_PERSISTENT : 0, &stmt, NULL);
      if (!dossier_db_check (db, rc, "prepare", error))
        {
          sqlite3_finalize (stmt);
          return NULL;
        }
      if (cached)
        g_hash_table_insert (db->statements, g_strdup (sql), stmt);
      if (cached && g_strcmp0 (dossier_db_get_debug (), "plans") == 0)
        audit_plan (db, stmt);
    }

  G_LOCK (lent);
  g_hash_table_add (cached ? lent : private, stmt);
  G_UNLOCK (lent);

  return stmt;
}

/**
 * dossier_db_release:
 *
 * Gives a statement back to the cache: reset, so that it holds no read
 * snapshot open, and its parameters cleared.
 */
void
dossier_db_release (DossierStmt *stmt)
{
  gboolean own;

  if (stmt == NULL)
    return;

  G_LOCK (lent);
  own = g_hash_table_remove (private, stmt);
  if (!own && !g_hash_table_remove (lent, stmt))
    {
      G_UNLOCK (lent);
      /* Given back twice: the statement may be another borrower's now. */
      g_critical ("A statement was given back that was not lent: %s", sqlite3_sql (stmt));
      return;
    }
  G_UNLOCK (lent);

  /* The step's error was already reported; reset and finalize repeat it. */
  if (own)
    (void) sqlite3_finalize (stmt);
  else
    {
      (void) sqlite3_reset (stmt);
      (void) sqlite3_clear_bindings (stmt);
    }
}

static int
bind_one (sqlite3_stmt *stmt,
          int           index,
          char          type,
          va_list      *args)
{
  switch (type)
    {
    case 'i':
      return sqlite3_bind_int64 (stmt, index, va_arg (*args, gint64));
    case 'd':
      return sqlite3_bind_double (stmt, index, va_arg (*args, double));
    case 't':
      {
        const char *text = va_arg (*args, const char *);

        /* Every text Dossier keeps is UTF-8: anything else is refused
         * here, for every write, rather than stored and exported broken. */
        if (text != NULL && !g_utf8_validate (text, -1, NULL))
          return SQLITE_MISMATCH;
        return text != NULL ? sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT)
                            : sqlite3_bind_null (stmt, index);
      }
    case 'b':
      {
        GBytes *bytes = va_arg (*args, GBytes *);
        gsize size = 0;
        gconstpointer data = bytes ? g_bytes_get_data (bytes, &size) : NULL;

        return data != NULL ? sqlite3_bind_blob64 (stmt, index, data, size, SQLITE_TRANSIENT)
                            : sqlite3_bind_null (stmt, index);
      }
    default:
      g_assert_not_reached ();
    }
}

static gboolean
bind_va (DossierDb     *db,
         sqlite3_stmt  *stmt,
         GError       **error,
         const char    *format,
         va_list       *args)
{
  for (int i = 0; format[i] != '\0'; i++)
    if (!dossier_db_check (db, bind_one (stmt, i + 1, format[i], args), "bind", error))
      return FALSE;

  return TRUE;
}

/**
 * dossier_db_bind:
 * @format: one letter a parameter, in order from ?1: `i` a gint64, `d` a
 *   double, `t` a string, `b` a #GBytes (%NULL binds NULL)
 *
 * Binds values, never formatting them into SQL, so that text and numbers
 * do not depend on the locale.
 */
gboolean
dossier_db_bind (DossierDb     *db,
                 sqlite3_stmt  *stmt,
                 GError       **error,
                 const char    *format,
                 ...)
{
  va_list args;
  gboolean ok;

  va_start (args, format);
  ok = bind_va (db, stmt, error, format, &args);
  va_end (args);

  return ok;
}

/**
 * dossier_db_bind_named:
 * @...: triples of a parameter name (":case"), a type letter as for
 *   dossier_db_bind() or `v` for a `sqlite3_value *`, and a value; then %NULL
 *
 * Binds named parameters; a name the statement does not have is skipped,
 * so that one call serves queries that use some of them.
 */
gboolean
dossier_db_bind_named (DossierDb     *db,
                       sqlite3_stmt  *stmt,
                       GError       **error,
                       ...)
{
  const char *name;
  gboolean ok = TRUE;
  va_list args;

  va_start (args, error);
  while (ok && (name = va_arg (args, const char *)) != NULL)
    {
      int index = sqlite3_bind_parameter_index (stmt, name);
      char type = (char) va_arg (args, int);
      int rc;

      if (type == 'v')
        {
          sqlite3_value *value = va_arg (args, sqlite3_value *);
          rc = index > 0 ? sqlite3_bind_value (stmt, index, value) : SQLITE_OK;
        }
      else if (index > 0)
        rc = bind_one (stmt, index, type, &args);
      else
        {
          /* Not in this statement: take the value off the list all the same. */
          if (type == 'i')
            (void) va_arg (args, gint64);
          else if (type == 'd')
            (void) va_arg (args, double);
          else
            (void) va_arg (args, const char *);
          rc = SQLITE_OK;
        }
      ok = dossier_db_check (db, rc, "bind", error);
    }
  va_end (args);

  return ok;
}

/**
 * dossier_db_step_row:
 * @has_row: (out): whether the statement gave a row
 *
 * Steps a bound statement once.
 */
gboolean
dossier_db_step_row (DossierDb     *db,
                     sqlite3_stmt  *stmt,
                     gboolean      *has_row,
                     GError       **error)
{
  int rc = sqlite3_step (stmt);

  *has_row = rc == SQLITE_ROW;
  return dossier_db_check (db, rc, _("reading"), error);
}

/**
 * dossier_db_step_insert:
 * @conflict_code: an extended result code, such as %SQLITE_CONSTRAINT_UNIQUE
 * @conflicted: (out): whether the row broke that constraint (and was not
 *   written); any other failure is an error
 *
 * Runs a bound INSERT whose conflicts the caller explains in its own words.
 */
gboolean
dossier_db_step_insert (DossierDb     *db,
                        sqlite3_stmt  *stmt,
                        int            conflict_code,
                        gboolean      *conflicted,
                        GError       **error)
{
  *conflicted = FALSE;

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      if (sqlite3_extended_errcode (db->handle) == conflict_code)
        {
          *conflicted = TRUE;
          (void) sqlite3_reset (stmt);
          return TRUE;
        }
      return dossier_db_check (db, sqlite3_errcode (db->handle), "insert", error);
    }

  return dossier_db_check (db, sqlite3_reset (stmt), "reset", error);
}

/**
 * dossier_db_last_insert_id:
 *
 * Returns: the rowid of the last row inserted
 */
gint64
dossier_db_last_insert_id (DossierDb *db)
{
  return sqlite3_last_insert_rowid (db->handle);
}

/**
 * dossier_db_step_done:
 *
 * Runs a statement that returns no rows (or whose rows do not matter).
 */
gboolean
dossier_db_step_done (DossierDb     *db,
                      sqlite3_stmt  *stmt,
                      GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    rc = SQLITE_DONE;

  return dossier_db_check (db, rc, "write", error)
      && dossier_db_check (db, sqlite3_reset (stmt), "reset", error);
}

/**
 * dossier_db_run:
 * @format: as for dossier_db_bind()
 *
 * Prepares (from the cache), binds and runs one statement.
 */
gboolean
dossier_db_run (DossierDb   *db,
                const char  *sql,
                GError     **error,
                const char  *format,
                ...)
{
  g_autoptr(DossierStmt) stmt = dossier_db_prepare (db, sql, error);
  va_list args;
  gboolean ok;

  if (stmt == NULL)
    return FALSE;

  va_start (args, format);
  ok = bind_va (db, stmt, error, format, &args);
  va_end (args);

  return ok && dossier_db_step_done (db, stmt, error);
}

/**
 * dossier_db_query_int:
 *
 * Steps a bound statement once and reads its first column (0 without a row).
 */
gboolean
dossier_db_query_int (DossierDb     *db,
                      sqlite3_stmt  *stmt,
                      gint64        *value,
                      GError       **error)
{
  gboolean has_row;

  if (!dossier_db_step_row (db, stmt, &has_row, error))
    return FALSE;

  *value = has_row ? sqlite3_column_int64 (stmt, 0) : 0;
  return TRUE;
}

/**
 * dossier_db_collect:
 * @item_type: the #GType of what @row_func makes
 * @row_func: makes an object of a row, or %NULL to skip the row
 *
 * The one step-and-collect loop: every row of a bound statement, made into
 * objects.
 *
 * Returns: (transfer full): a #GListModel of @item_type, or %NULL with
 *   @error set
 */
GListModel *
dossier_db_collect (DossierDb         *db,
                    sqlite3_stmt      *stmt,
                    GType              item_type,
                    DossierDbRowFunc   row_func,
                    gpointer           user_data,
                    GError           **error)
{
  g_autoptr(GListStore) items = g_list_store_new (item_type);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GObject) item = row_func (stmt, user_data);

      if (item != NULL)
        g_list_store_append (items, item);
    }

  if (!dossier_db_check (db, rc, _("reading"), error))
    return NULL;

  return G_LIST_MODEL (g_steal_pointer (&items));
}

const char *
dossier_db_column_text (sqlite3_stmt *stmt,
                        int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);
  return text ? text : "";
}
