/* dossier-store-notes.c
 *
 * The user's own annotations: notes on any node, kept in a table of their
 * own, never mixed with what sources say; and citations, which say that a
 * source supports or contradicts an event, a claim, a role or anything
 * else. Each change is a transaction of its own, with undo.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dossier-history.h"
#include "dossier-note.h"
#include "dossier-store-private.h"

static gpointer
row_to_note (sqlite3_stmt *stmt,
             gpointer      user_data)
{
  return g_object_new (DOSSIER_TYPE_NOTE,
                       "id", (gint64) sqlite3_column_int64 (stmt, 0),
                       "node-id", (gint64) sqlite3_column_int64 (stmt, 1),
                       "body", dossier_db_column_text (stmt, 2),
                       "modified", dossier_db_column_text (stmt, 3),
                       NULL);
}

/**
 * dossier_store_list_notes:
 *
 * Returns: (transfer full): the user's notes on a node, oldest first
 */
GListModel *
dossier_store_list_notes (DossierStore  *self,
                          gint64         node_id,
                          GError       **error)
{
  g_autoptr(DossierStmt) stmt = NULL;

  g_return_val_if_fail (DOSSIER_IS_STORE (self), NULL);

  stmt = dossier_db_prepare (self->db, "SELECT id, node_id, body, modified FROM note WHERE node_id = ?1 "
                                       "ORDER BY id", error);
  if (stmt == NULL || !dossier_db_bind (self->db, stmt, error, "i", node_id))
    return NULL;
  return dossier_db_collect (self->db, stmt, DOSSIER_TYPE_NOTE, row_to_note, NULL, error);
}

typedef struct
{
  gint64      id;        /* the note; 0 to add one */
  gint64      node_id;
  const char *body;      /* NULL to delete */
} NoteEdit;

static gboolean
note_exists (DossierDb  *db,
             gint64      id,
             GError    **error)
{
  g_autoptr(DossierStmt) stmt = dossier_db_prepare (db, "SELECT count(*) FROM note WHERE id = ?1", error);
  gint64 found = 0;

  if (stmt == NULL || !dossier_db_bind (db, stmt, error, "i", id) ||
      !dossier_db_query_int (db, stmt, &found, error))
    return FALSE;
  if (found == 0)
    {
      g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

      g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_NOT_FOUND,
                   _("%s: no note with id %s"), dossier_db_get_path (db), text);
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_note (DossierDb  *db,
            gpointer    user_data,
            GError    **error)
{
  NoteEdit *edit = user_data;
  DossierChangeType type;

  if (edit->id == 0)
    {
      if (!dossier_db_run (db, "INSERT INTO note (node_id, body) VALUES (?1, ?2)", error, "it",
                           edit->node_id, edit->body))
        return FALSE;
      edit->id = dossier_db_last_insert_id (db);
      type = DOSSIER_CHANGE_ADDED;
    }
  else if (!note_exists (db, edit->id, error))
    return FALSE;
  else if (edit->body == NULL)
    {
      if (!dossier_db_run (db, "DELETE FROM note WHERE id = ?1", error, "i", edit->id))
        return FALSE;
      type = DOSSIER_CHANGE_REMOVED;
    }
  else
    {
      if (!dossier_db_run (db, "UPDATE note SET body = ?2, modified = strftime ('%Y-%m-%dT%H:%M:%SZ', 'now') "
                               "WHERE id = ?1", error, "it", edit->id, edit->body))
        return FALSE;
      type = DOSSIER_CHANGE_CHANGED;
    }

  dossier_db_note_change (db, DOSSIER_OBJECT_NOTE, type, edit->id, 0);
  return TRUE;
}

static gboolean
check_body (const char  *body,
            GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (body));

  if (*trimmed != '\0')
    return TRUE;
  g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_INVALID, _("A note cannot be empty"));
  return FALSE;
}

/**
 * dossier_store_add_note:
 * @note_id: (out) (optional): the new note
 */
gboolean
dossier_store_add_note (DossierStore  *self,
                        gint64         node_id,
                        const char    *body,
                        gint64        *note_id,
                        GError       **error)
{
  NoteEdit edit = { 0, node_id, body };

  g_return_val_if_fail (DOSSIER_IS_STORE (self), FALSE);
  g_return_val_if_fail (body != NULL, FALSE);

  if (!check_body (body, error) || !dossier_history_record (self->db, "create-note", write_note, &edit, error))
    return FALSE;
  if (note_id != NULL)
    *note_id = edit.id;
  return TRUE;
}

gboolean
dossier_store_set_note (DossierStore  *self,
                        gint64         note_id,
                        const char    *body,
                        GError       **error)
{
  NoteEdit edit = { note_id, 0, body };

  g_return_val_if_fail (DOSSIER_IS_STORE (self), FALSE);
  g_return_val_if_fail (body != NULL, FALSE);

  return check_body (body, error) && dossier_history_record (self->db, "edit-note", write_note, &edit, error);
}

gboolean
dossier_store_delete_note (DossierStore  *self,
                           gint64         note_id,
                           GError       **error)
{
  NoteEdit edit = { note_id, 0, NULL };

  g_return_val_if_fail (DOSSIER_IS_STORE (self), FALSE);

  return dossier_history_record (self->db, "delete-note", write_note, &edit, error);
}

typedef struct
{
  gint64        node_id;
  gint64        source_id;
  DossierStance stance;
  gboolean      remove;
} Cite;

static gboolean
write_citation (DossierDb  *db,
                gpointer    user_data,
                GError    **error)
{
  Cite *cite = user_data;
  g_autoptr(DossierStmt) stmt = dossier_db_prepare (db, "SELECT (SELECT kind FROM node WHERE id = ?1),"
                                                        "       (SELECT kind FROM node WHERE id = ?2)", error);
  DossierNodeKind kind;
  gboolean has_row;

  if (stmt == NULL || !dossier_db_bind (db, stmt, error, "ii", cite->node_id, cite->source_id) ||
      !dossier_db_step_row (db, stmt, &has_row, error))
    return FALSE;
  if (!dossier_node_kind_from_string (dossier_db_column_text (stmt, 0), &kind) ||
      g_strcmp0 (dossier_db_column_text (stmt, 1), "source") != 0)
    {
      g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_NOT_FOUND,
                   _("%s: no such item or source"), dossier_db_get_path (db));
      return FALSE;
    }
  g_clear_pointer (&stmt, dossier_db_release);

  if (cite->remove ? !dossier_db_run (db, "DELETE FROM citation WHERE node_id = ?1 AND source_id = ?2", error,
                                      "ii", cite->node_id, cite->source_id)
                   : !dossier_db_run (db, "INSERT INTO citation (node_id, source_id, stance) VALUES (?1, ?2, ?3) "
                                          "ON CONFLICT (node_id, source_id) DO UPDATE SET stance = excluded.stance",
                                      error, "iit", cite->node_id, cite->source_id,
                                      dossier_stance_to_string (cite->stance)))
    return FALSE;

  dossier_db_note_change (db, (DossierObjectKind) kind, DOSSIER_CHANGE_CHANGED, cite->node_id, 0);
  return TRUE;
}

/**
 * dossier_store_cite:
 *
 * Records that @source_id supports or contradicts @node_id (replacing what
 * was recorded of the pair).
 */
gboolean
dossier_store_cite (DossierStore   *self,
                    gint64          node_id,
                    gint64          source_id,
                    DossierStance   stance,
                    GError        **error)
{
  Cite cite = { node_id, source_id, stance, FALSE };

  g_return_val_if_fail (DOSSIER_IS_STORE (self), FALSE);
  return dossier_history_record (self->db, "cite", write_citation, &cite, error);
}

gboolean
dossier_store_uncite (DossierStore  *self,
                      gint64         node_id,
                      gint64         source_id,
                      GError       **error)
{
  Cite cite = { node_id, source_id, DOSSIER_STANCE_SUPPORTS, TRUE };

  g_return_val_if_fail (DOSSIER_IS_STORE (self), FALSE);
  return dossier_history_record (self->db, "uncite", write_citation, &cite, error);
}
