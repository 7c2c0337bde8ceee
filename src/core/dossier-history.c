/* dossier-history.c
 *
 * Every edit the user makes is recorded in the database, in the same
 * transaction as the edit: SQLite's session extension gives the changeset
 * of the edit (the rows it inserted, updated and deleted, with their old
 * values), kept in the `history` table with what the edit was. Undo applies
 * the inverse of the latest changeset not undone; redo applies the earliest
 * undone one again. Since the history is in the file, it survives closing
 * Dossier, and a crash: an edit and its history row are committed together
 * or not at all. A new edit forgets what could be redone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-history"

#define SQLITE_ENABLE_SESSION 1
#define SQLITE_ENABLE_PREUPDATE_HOOK 1

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dossier-history.h"

typedef struct
{
  const char    *action;
  DossierDbFunc  func;
  gpointer       user_data;
} Record;

/* The history does not record itself, nor the search index, which
 * triggers keep in step with the tables it records (an undo included). */
static int
record_table (void       *unused,
              const char *table)
{
  return strcmp (table, "history") != 0 && strncmp (table, "search", strlen ("search")) != 0;
}

static gboolean
record_body (DossierDb  *db,
             gpointer    data,
             GError    **error)
{
  Record *record = data;
  sqlite3_session *session = NULL;
  void *changeset = NULL;
  int size = 0, rc;
  gboolean ok;

  rc = sqlite3session_create (dossier_db_get_handle (db), "main", &session);
  if (rc == SQLITE_OK)
    {
      sqlite3session_table_filter (session, record_table, NULL);
      rc = sqlite3session_attach (session, NULL);
    }
  if (!dossier_db_check (db, rc, "session", error))
    {
      sqlite3session_delete (session);
      return FALSE;
    }

  ok = record->func (db, record->user_data, error);
  if (ok)
    ok = dossier_db_check (db, sqlite3session_changeset (session, &size, &changeset), "session", error);
  sqlite3session_delete (session);

  if (ok && size > 0)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (changeset, size);

      ok = dossier_db_run (db, "DELETE FROM history WHERE undone = 1", error, "") &&
           dossier_db_run (db, "INSERT INTO history (action, changeset) VALUES (?1, ?2)", error,
                           "tb", record->action, bytes);
    }

  sqlite3_free (changeset);
  return ok;
}

/**
 * dossier_history_record:
 * @action: what the edit does, for "Undo …" ("edit-title", "create-case")
 * @func: the edit
 *
 * Runs an edit in a transaction, recording its changes so that it can be
 * undone. An edit that changes nothing leaves no history.
 */
gboolean
dossier_history_record (DossierDb      *db,
                        const char     *action,
                        DossierDbFunc   func,
                        gpointer        user_data,
                        GError        **error)
{
  Record record = { action, func, user_data };

  return dossier_db_transaction (db, record_body, &record, error);
}

/* A change to announce, before it is merged with others of the same row. */
typedef struct
{
  DossierObjectKind kind;
  DossierChangeType type;
  gint64            id;
  gint64            case_id;
} Note;

static gboolean
node_kind (DossierDb          *db,
           gint64              node_id,
           DossierObjectKind  *kind)
{
  g_autoptr(DossierStmt) stmt = dossier_db_prepare (db, "SELECT kind FROM node WHERE id = ?1", NULL);
  DossierNodeKind parsed;
  gboolean has_row;

  if (stmt == NULL || !dossier_db_bind (db, stmt, NULL, "i", node_id) ||
      !dossier_db_step_row (db, stmt, &has_row, NULL) || !has_row ||
      !dossier_node_kind_from_string (dossier_db_column_text (stmt, 0), &parsed))
    return FALSE;

  *kind = (DossierObjectKind) parsed;
  return TRUE;
}

static gint64
value_int (sqlite3_changeset_iter *iter,
           int                     op,
           int                     column)
{
  sqlite3_value *value = NULL;

  if (op == SQLITE_INSERT)
    sqlite3changeset_new (iter, column, &value);
  else
    sqlite3changeset_old (iter, column, &value);
  return value ? sqlite3_value_int64 (value) : 0;
}

/* What one changed row means to the views. */
static void
read_note (DossierDb              *db,
           sqlite3_changeset_iter *iter,
           GArray                 *notes)
{
  const char *table;
  int n_columns, op, indirect;
  Note note = { 0 };

  sqlite3changeset_op (iter, &table, &n_columns, &op, &indirect);
  note.type = op == SQLITE_INSERT ? DOSSIER_CHANGE_ADDED
            : op == SQLITE_DELETE ? DOSSIER_CHANGE_REMOVED
            : DOSSIER_CHANGE_CHANGED;

  if (g_str_equal (table, "node"))
    {
      sqlite3_value *kind = NULL;
      DossierNodeKind parsed;

      note.id = value_int (iter, op, 0);
      if (op == SQLITE_INSERT)
        sqlite3changeset_new (iter, 1, &kind);
      else if (op == SQLITE_DELETE)
        sqlite3changeset_old (iter, 1, &kind);
      if (kind != NULL && dossier_node_kind_from_string ((const char *) sqlite3_value_text (kind), &parsed))
        note.kind = (DossierObjectKind) parsed;
      else if (!node_kind (db, note.id, &note.kind))
        return;
    }
  else if (g_str_equal (table, "event") || g_str_equal (table, "claim"))
    {
      note.kind = g_str_equal (table, "event") ? DOSSIER_OBJECT_EVENT : DOSSIER_OBJECT_CLAIM;
      note.id = value_int (iter, op, 0);
      note.case_id = value_int (iter, op, 1);
      if (op == SQLITE_UPDATE)
        note.type = DOSSIER_CHANGE_MOVED;   /* its date, or its case file */
    }
  else if (g_str_equal (table, "note"))
    {
      note.kind = DOSSIER_OBJECT_NOTE;
      note.id = value_int (iter, op, 0);
    }
  else if (g_str_equal (table, "market_break"))
    {
      note.kind = DOSSIER_OBJECT_MARKET_SERIES;
      note.id = value_int (iter, op, 1);
      note.type = DOSSIER_CHANGE_CHANGED;
    }
  else if (g_str_equal (table, "market_break_text"))
    {
      /* The break's own row comes in the same changeset when it is added
       * or removed; a text alone changed belongs to a break still there. */
      g_autoptr(DossierStmt) stmt = dossier_db_prepare (db, "SELECT series_id FROM market_break WHERE id = ?1", NULL);

      note.kind = DOSSIER_OBJECT_MARKET_SERIES;
      note.type = DOSSIER_CHANGE_CHANGED;
      if (stmt == NULL || !dossier_db_bind (db, stmt, NULL, "i", value_int (iter, op, 0)) ||
          !dossier_db_query_int (db, stmt, &note.id, NULL) || note.id == 0)
        return;
    }
  else if (g_str_equal (table, "participant") || g_str_equal (table, "participant_text") ||
           g_str_equal (table, "case_source"))
    {
      note.case_id = value_int (iter, op, 0);
      note.id = value_int (iter, op, 1);
      if (!g_str_equal (table, "participant") && !g_str_equal (table, "case_source"))
        note.type = DOSSIER_CHANGE_CHANGED;
      if (!node_kind (db, note.id, &note.kind))
        return;
    }
  else if (g_str_has_prefix (table, "market_"))
    {
      note.kind = DOSSIER_OBJECT_MARKET_SERIES;
      note.id = value_int (iter, op, 0);   /* the series, first in all three */
      if (!g_str_equal (table, "market_series"))
        note.type = DOSSIER_CHANGE_CHANGED;
    }
  else
    {
      /* node_text, case_file, source, citation, event_actor, role,
       * organization_parent: the row of the node in their first column
       * changed. */
      note.id = value_int (iter, op, 0);
      note.type = DOSSIER_CHANGE_CHANGED;
      if (!node_kind (db, note.id, &note.kind))
        return;
    }

  g_array_append_val (notes, note);
}

/* One announcement a row: added or removed wins over moved, moved over
 * changed, and the case file it was changed in is kept. */
static void
announce (DossierDb *db,
          GArray    *notes)
{
  for (guint i = 0; i < notes->len; i++)
    {
      Note *note = &g_array_index (notes, Note, i);
      gboolean merged = FALSE;

      for (guint j = 0; j < i && !merged; j++)
        {
          Note *earlier = &g_array_index (notes, Note, j);

          if (earlier->kind != note->kind || earlier->id != note->id)
            continue;
          if (note->type == DOSSIER_CHANGE_ADDED || note->type == DOSSIER_CHANGE_REMOVED ||
              (note->type == DOSSIER_CHANGE_MOVED && earlier->type == DOSSIER_CHANGE_CHANGED))
            earlier->type = note->type;
          earlier->case_id = MAX (earlier->case_id, note->case_id);
          note->id = -1;
          merged = TRUE;
        }
    }

  for (guint i = 0; i < notes->len; i++)
    {
      Note *note = &g_array_index (notes, Note, i);

      if (note->id >= 0)
        dossier_db_note_change (db, note->kind, note->type, note->id, note->case_id);
    }
}

/* A row to delete that is gone already went with the row it belonged to
 * (a foreign key's ON DELETE CASCADE, earlier in the same changeset); an
 * update already in effect came from an ON DELETE SET NULL. Any other
 * conflict means the file no longer is what the history recorded. */
static int
on_conflict (void                   *unused,
             int                     conflict,
             sqlite3_changeset_iter *iter)
{
  const char *table;
  int n_columns, op, indirect;

  sqlite3changeset_op (iter, &table, &n_columns, &op, &indirect);
  if (conflict == SQLITE_CHANGESET_NOTFOUND && op == SQLITE_DELETE)
    return SQLITE_CHANGESET_OMIT;

  /* An update already in effect: a foreign key's action (ON DELETE SET
   * NULL, earlier in the same changeset) made it, as the edit undone had
   * made the opposite. Every column it sets already holds its new value. */
  if (conflict == SQLITE_CHANGESET_DATA && op == SQLITE_UPDATE)
    {
      for (int i = 0; i < n_columns; i++)
        {
          sqlite3_value *wanted = NULL, *current = NULL;

          if (sqlite3changeset_new (iter, i, &wanted) != SQLITE_OK || wanted == NULL)
            continue;   /* not set by the change */
          if (sqlite3changeset_conflict (iter, i, &current) != SQLITE_OK || current == NULL ||
              sqlite3_value_type (wanted) != sqlite3_value_type (current) ||
              (sqlite3_value_type (wanted) != SQLITE_NULL &&
               (sqlite3_value_bytes (wanted) != sqlite3_value_bytes (current) ||
                memcmp (sqlite3_value_blob (wanted), sqlite3_value_blob (current),
                        sqlite3_value_bytes (wanted)) != 0)))
            return SQLITE_CHANGESET_ABORT;
        }
      return SQLITE_CHANGESET_OMIT;
    }

  return SQLITE_CHANGESET_ABORT;
}

static gboolean
step_body (DossierDb  *db,
           gpointer    data,
           GError    **error)
{
  gboolean redo = GPOINTER_TO_INT (data);
  g_autoptr(DossierStmt) stmt = NULL;
  g_autoptr(GArray) notes = g_array_new (FALSE, TRUE, sizeof (Note));
  sqlite3_changeset_iter *iter = NULL;
  g_autofree void *recorded = NULL;
  void *changeset = NULL;
  int size, rc;
  gint64 id;
  gboolean has_row;

  stmt = dossier_db_prepare (db, redo ? "SELECT id, changeset FROM history WHERE undone = 1 ORDER BY id LIMIT 1"
                                      : "SELECT id, changeset FROM history WHERE undone = 0 ORDER BY id DESC LIMIT 1",
                             error);
  if (stmt == NULL || !dossier_db_step_row (db, stmt, &has_row, error))
    return FALSE;

  if (!has_row)
    {
      g_set_error_literal (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_NOT_FOUND,
                           redo ? _("There is nothing to redo") : _("There is nothing to undo"));
      return FALSE;
    }

  id = sqlite3_column_int64 (stmt, 0);
  size = sqlite3_column_bytes (stmt, 1);
  recorded = g_memdup2 (sqlite3_column_blob (stmt, 1), size);
  g_clear_pointer (&stmt, dossier_db_release);

  if (redo)
    changeset = recorded;
  else if (!dossier_db_check (db, sqlite3changeset_invert (size, recorded, &size, &changeset), "undo", error))
    return FALSE;

  rc = sqlite3changeset_apply (dossier_db_get_handle (db), size, changeset, NULL, on_conflict, NULL);
  if (rc == SQLITE_OK && sqlite3changeset_start (&iter, size, changeset) == SQLITE_OK)
    {
      while (sqlite3changeset_next (iter) == SQLITE_ROW)
        read_note (db, iter, notes);
      sqlite3changeset_finalize (iter);
    }
  if (changeset != recorded)
    sqlite3_free (changeset);

  /* A conflict aborts with SQLITE_ABORT (or a constraint); anything else
   * (a full disk, an I/O error) is said as it is, not as a conflict. */
  if (rc != SQLITE_OK && (rc & 0xff) != SQLITE_ABORT && (rc & 0xff) != SQLITE_CONSTRAINT)
    return dossier_db_check (db, rc, redo ? "redo" : "undo", error);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_SQLITE,
                   /* Translators: %s is a database file */
                   _("%s: the edit cannot be undone or redone: the data it changed has changed since"),
                   dossier_db_get_path (db));
      return FALSE;
    }

  announce (db, notes);
  return dossier_db_run (db, "UPDATE history SET undone = ?2 WHERE id = ?1", error, "ii", id, (gint64) !redo);
}

/**
 * dossier_history_step:
 * @redo: %FALSE to undo the latest edit, %TRUE to redo the earliest undone
 *
 * Undoes or redoes one edit, in a transaction, and notes the changes so
 * that the views follow. Fails, changing nothing, when there is nothing to
 * undo or redo, or when the rows differ from what the history recorded.
 */
gboolean
dossier_history_step (DossierDb  *db,
                      gboolean    redo,
                      GError    **error)
{
  return dossier_db_transaction (db, step_body, GINT_TO_POINTER (redo), error);
}

/**
 * dossier_history_peek:
 * @action: (out) (transfer full) (nullable): what undo (or redo) would
 *   undo (or redo), or %NULL when there is nothing
 */
gboolean
dossier_history_peek (DossierDb  *db,
                      gboolean    redo,
                      char      **action,
                      GError    **error)
{
  g_autoptr(DossierStmt) stmt = NULL;
  gboolean has_row;

  *action = NULL;
  stmt = dossier_db_prepare (db, redo ? "SELECT action FROM history WHERE undone = 1 ORDER BY id LIMIT 1"
                                      : "SELECT action FROM history WHERE undone = 0 ORDER BY id DESC LIMIT 1",
                             error);
  if (stmt == NULL || !dossier_db_step_row (db, stmt, &has_row, error))
    return FALSE;

  if (has_row)
    *action = g_strdup (dossier_db_column_text (stmt, 0));
  return TRUE;
}
