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

/* A part of a long edit's record is written once the session holds this
 * much: what an import keeps in memory for its undo does not grow with
 * the file. Tests set DOSSIER_HISTORY_PART_BYTES to see parts of a small
 * file. */
#define PART_BYTES (4 * 1024 * 1024)

static sqlite3_int64
part_bytes (void)
{
  static gsize bytes;

  if (g_once_init_enter (&bytes))
    {
      const char *set = g_getenv ("DOSSIER_HISTORY_PART_BYTES");
      gint64 parsed = set ? g_ascii_strtoll (set, NULL, 10) : 0;

      g_once_init_leave (&bytes, parsed > 0 ? (gsize) parsed : PART_BYTES);
    }
  return (sqlite3_int64) bytes;
}

typedef struct
{
  const char      *action;
  DossierDbFunc    func;
  gpointer         user_data;
  sqlite3_session *session;
  gint64           history_id;   /* once a part is written */
  gint64           n_parts;
} Record;

/* The history does not record itself, nor the search index, which
 * triggers keep in step with the tables it records (an undo included). */
static int
record_table (void       *unused,
              const char *table)
{
  return strncmp (table, "history", strlen ("history")) != 0 && strncmp (table, "search", strlen ("search")) != 0;
}

static gboolean
start_session (DossierDb  *db,
               Record     *record,
               GError    **error)
{
  int rc = sqlite3session_create (dossier_db_get_handle (db), "main", &record->session);

  if (rc == SQLITE_OK)
    {
      sqlite3session_table_filter (record->session, record_table, NULL);
      rc = sqlite3session_attach (record->session, NULL);
    }
  if (!dossier_db_check (db, rc, "session", error))
    {
      g_clear_pointer (&record->session, sqlite3session_delete);
      return FALSE;
    }
  return TRUE;
}

/* What the session holds, written: as the history row's changeset when
 * @last, else as a part before it; the session is let go of. */
static gboolean
write_changes (DossierDb  *db,
               Record     *record,
               gboolean    last,
               GError    **error)
{
  g_autoptr(GBytes) bytes = NULL;
  void *changeset = NULL;
  int size = 0;
  gboolean ok;

  ok = dossier_db_check (db, sqlite3session_changeset (record->session, &size, &changeset), "session", error);
  g_clear_pointer (&record->session, sqlite3session_delete);
  if (!ok)
    return FALSE;
  bytes = g_bytes_new_with_free_func (changeset, size, sqlite3_free, changeset);

  if (record->history_id == 0 && size == 0)
    return TRUE;   /* nothing changed */
  if (record->history_id == 0)
    {
      if (!dossier_db_run (db, "DELETE FROM history WHERE undone = 1", error, "") ||
          !dossier_db_run (db, "INSERT INTO history (action, changeset) VALUES (?1, coalesce (?2, X''))",
                           error, "tb", record->action, last ? bytes : NULL))
        return FALSE;
      record->history_id = dossier_db_last_insert_id (db);
      if (last)
        return TRUE;
    }
  if (last)
    return dossier_db_run (db, "UPDATE history SET changeset = coalesce (?2, X'') WHERE id = ?1", error, "ib",
                           record->history_id, bytes);
  return dossier_db_run (db, "INSERT INTO history_part (history_id, part, changeset) VALUES (?1, ?2, coalesce (?3, X''))",
                         error, "iib", record->history_id, record->n_parts++, bytes);
}

static gboolean
record_body (DossierDb  *db,
             gpointer    data,
             GError    **error)
{
  Record *record = data;
  gboolean ok;

  if (!start_session (db, record, error))
    return FALSE;

  dossier_db_set_recording (db, record);
  ok = record->func (db, record->user_data, error);
  dossier_db_set_recording (db, NULL);

  if (!ok)
    {
      g_clear_pointer (&record->session, sqlite3session_delete);
      return FALSE;
    }
  return write_changes (db, record, TRUE, error);
}

/**
 * dossier_history_checkpoint:
 *
 * In a long edit (dossier_history_record()), writes the changes recorded
 * so far to the history once they take more than a few megabytes, so that
 * the record of an import takes the same memory for any size of file.
 * Cheap otherwise: called for every row.
 */
gboolean
dossier_history_checkpoint (DossierDb  *db,
                            GError    **error)
{
  Record *record = dossier_db_get_recording (db);

  if (record == NULL || record->session == NULL || sqlite3session_memory_used (record->session) < part_bytes ())
    return TRUE;
  return write_changes (db, record, FALSE, error) && start_session (db, record, error);
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
  Record record = { action, func, user_data, NULL, 0, 0 };

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
static void add_note (GArray     *notes,
                      GHashTable *index,
                      Note       *note);

static void
read_note (DossierDb              *db,
           sqlite3_changeset_iter *iter,
           GArray                 *notes,
           GHashTable             *index)
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

  add_note (notes, index, &note);
}

/* One announcement a row: added or removed wins over moved, moved over
 * changed, and the case file it was changed in is kept. @index finds a
 * row's note by its kind and id (an undo of an import has a million). */
static guint
note_hash (gconstpointer key)
{
  const Note *note = key;

  return g_int64_hash (&note->id) ^ (guint) note->kind * 2654435761u;
}

static gboolean
note_equal (gconstpointer a,
            gconstpointer b)
{
  const Note *x = a, *y = b;

  return x->kind == y->kind && x->id == y->id;
}

static void
add_note (GArray     *notes,
          GHashTable *index,
          Note       *note)
{
  gpointer found;

  if (g_hash_table_lookup_extended (index, note, NULL, &found))
    {
      Note *earlier = &g_array_index (notes, Note, GPOINTER_TO_UINT (found));

      if (note->type == DOSSIER_CHANGE_ADDED || note->type == DOSSIER_CHANGE_REMOVED ||
          (note->type == DOSSIER_CHANGE_MOVED && earlier->type == DOSSIER_CHANGE_CHANGED))
        earlier->type = note->type;
      earlier->case_id = MAX (earlier->case_id, note->case_id);
      return;
    }
  g_array_append_val (notes, *note);
  /* Keyed by a copy: the array moves as it grows. */
  g_hash_table_insert (index, g_memdup2 (note, sizeof *note), GUINT_TO_POINTER (notes->len - 1));
}

static void
announce (DossierDb *db,
          GArray    *notes)
{
  for (guint i = 0; i < notes->len; i++)
    {
      Note *note = &g_array_index (notes, Note, i);

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

/* Applies one recorded changeset, inverted for an undo, noting what it
 * changed. */
static gboolean
apply_changeset (DossierDb   *db,
                 gboolean     redo,
                 const void  *recorded,
                 int          size,
                 GArray      *notes,
                 GHashTable  *index,
                 GError     **error)
{
  g_autofree void *copy = g_memdup2 (recorded, size);
  sqlite3_changeset_iter *iter = NULL;
  void *changeset = NULL;
  int rc;

  if (size == 0)
    return TRUE;
  if (redo)
    changeset = copy;
  else if (!dossier_db_check (db, sqlite3changeset_invert (size, copy, &size, &changeset), "undo", error))
    return FALSE;

  rc = sqlite3changeset_apply (dossier_db_get_handle (db), size, changeset, NULL, on_conflict, NULL);
  if (rc == SQLITE_OK && sqlite3changeset_start (&iter, size, changeset) == SQLITE_OK)
    {
      while (sqlite3changeset_next (iter) == SQLITE_ROW)
        read_note (db, iter, notes, index);
      sqlite3changeset_finalize (iter);
    }
  if (changeset != copy)
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
  return TRUE;
}

/* The parts of a long edit (dossier_history_checkpoint()), each applied
 * on its own: forwards for a redo, backwards for an undo. */
static gboolean
apply_parts (DossierDb   *db,
             gboolean     redo,
             gint64       id,
             GArray      *notes,
             GHashTable  *index,
             GError     **error)
{
  g_autoptr(DossierStmt) stmt = NULL;
  gint64 n_parts = 0;

  stmt = dossier_db_prepare (db, "SELECT count(*) FROM history_part WHERE history_id = ?1", error);
  if (stmt == NULL || !dossier_db_bind (db, stmt, error, "i", id) || !dossier_db_query_int (db, stmt, &n_parts, error))
    return FALSE;
  g_clear_pointer (&stmt, dossier_db_release);

  for (gint64 i = 0; i < n_parts; i++)
    {
      gboolean has_row;

      stmt = dossier_db_prepare (db, "SELECT changeset FROM history_part WHERE history_id = ?1 AND part = ?2", error);
      if (stmt == NULL || !dossier_db_bind (db, stmt, error, "ii", id, redo ? i : n_parts - 1 - i) ||
          !dossier_db_step_row (db, stmt, &has_row, error))
        return FALSE;
      if (has_row && !apply_changeset (db, redo, sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0),
                                       notes, index, error))
        return FALSE;
      g_clear_pointer (&stmt, dossier_db_release);
      dossier_db_report_progress (db, i + 1, n_parts + 1);
    }
  return TRUE;
}

static gboolean
step_body (DossierDb  *db,
           gpointer    data,
           GError    **error)
{
  gboolean redo = GPOINTER_TO_INT (data);
  g_autoptr(DossierStmt) stmt = NULL;
  g_autoptr(GArray) notes = g_array_new (FALSE, TRUE, sizeof (Note));
  g_autoptr(GHashTable) index = g_hash_table_new_full (note_hash, note_equal, g_free, NULL);
  g_autofree void *last = NULL;
  int size;
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
  last = g_memdup2 (sqlite3_column_blob (stmt, 1), size);
  g_clear_pointer (&stmt, dossier_db_release);

  /* The history row holds the last part: undone first, redone last. */
  if (redo ? !apply_parts (db, redo, id, notes, index, error) ||
             !apply_changeset (db, redo, last, size, notes, index, error)
           : !apply_changeset (db, redo, last, size, notes, index, error) ||
             !apply_parts (db, redo, id, notes, index, error))
    return FALSE;

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

/**
 * dossier_history_is_long:
 * @is_long: (out): whether undoing (or redoing) the edit takes long: an
 *   import of thousands of rows, for a job on a worker thread
 */
gboolean
dossier_history_is_long (DossierDb  *db,
                         gboolean    redo,
                         gboolean   *is_long,
                         GError    **error)
{
  g_autoptr(DossierStmt) stmt = NULL;
  gint64 n = 0;

  /* In parts, or a quarter of a megabyte: some thousands of rows, tens
   * of milliseconds to undo. */
  stmt = dossier_db_prepare (db, redo ? "SELECT length (changeset) > 262144 OR EXISTS (SELECT 1 FROM history_part p "
                                        "  WHERE p.history_id = h.id) "
                                        "FROM history h WHERE undone = 1 ORDER BY id LIMIT 1"
                                      : "SELECT length (changeset) > 262144 OR EXISTS (SELECT 1 FROM history_part p "
                                        "  WHERE p.history_id = h.id) "
                                        "FROM history h WHERE undone = 0 ORDER BY id DESC LIMIT 1",
                             error);
  if (stmt == NULL || !dossier_db_query_int (db, stmt, &n, error))
    return FALSE;
  *is_long = n > 0;
  return TRUE;
}
