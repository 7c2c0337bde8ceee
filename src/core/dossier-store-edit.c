/* dossier-store-edit.c
 *
 * Writing what the user changes. Every edit is a transaction that notes
 * what it changed, so that the store announces it (::changed) once it is
 * committed and every list and view follows, and that records it in the
 * history (dossier-history.c), so that it can be undone, even after a
 * restart.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dossier-history.h"
#include "dossier-store-private.h"

typedef struct
{
  gint64      node_id;
  const char *language;
  const char *column;    /* "title" or "summary" */
  const char *text;
} TextEdit;

static gboolean
write_text (DossierDb  *db,
            gpointer    user_data,
            GError    **error)
{
  TextEdit *edit = user_data;
  g_autoptr(DossierStmt) stmt = dossier_db_prepare (db, "SELECT kind FROM node WHERE id = ?1", error);
  g_autofree char *sql = NULL;
  DossierNodeKind kind;
  gboolean found;

  if (stmt == NULL || !dossier_db_bind (db, stmt, error, "i", edit->node_id) ||
      !dossier_db_step_row (db, stmt, &found, error))
    return FALSE;

  if (!found || !dossier_node_kind_from_string (dossier_db_column_text (stmt, 0), &kind))
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, edit->node_id);

      g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_NOT_FOUND,
                   _("%s: no item with id %s"), dossier_db_get_path (db), id);
      return FALSE;
    }

  /* @column is one of two names of ours, never user text. */
  sql = g_strdup_printf ("INSERT INTO node_text (node_id, lang, %1$s) VALUES (?1, ?2, ?3) "
                         "ON CONFLICT (node_id, lang) DO UPDATE SET %1$s = excluded.%1$s",
                         edit->column);
  if (!dossier_db_run (db, sql, error, "itt", edit->node_id, edit->language, edit->text))
    return FALSE;

  dossier_db_note_change (db, (DossierObjectKind) kind, DOSSIER_CHANGE_CHANGED, edit->node_id, 0);
  return TRUE;
}

static gboolean
set_text (DossierStore  *self,
          gint64         node_id,
          const char    *language,
          const char    *column,
          const char    *text,
          GError       **error)
{
  TextEdit edit = { node_id, language, column, text };

  g_return_val_if_fail (DOSSIER_IS_STORE (self), FALSE);
  g_return_val_if_fail (language != NULL, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  return dossier_history_record (self->db, g_str_equal (column, "title") ? "edit-title" : "edit-summary",
                                 write_text, &edit, error);
}

/**
 * dossier_store_set_title:
 * @language: the language of @title
 *
 * Writes a node's title in one language; every view of it follows
 * (#DossierStore::changed).
 */
gboolean
dossier_store_set_title (DossierStore  *self,
                         gint64         node_id,
                         const char    *language,
                         const char    *title,
                         GError       **error)
{
  return set_text (self, node_id, language, "title", title, error);
}

/**
 * dossier_store_set_summary:
 * @language: the language of @summary
 *
 * Writes a node's summary in one language; every view of it follows
 * (#DossierStore::changed).
 */
gboolean
dossier_store_set_summary (DossierStore  *self,
                           gint64         node_id,
                           const char    *language,
                           const char    *summary,
                           GError       **error)
{
  return set_text (self, node_id, language, "summary", summary, error);
}

typedef struct
{
  const char *title;
  const char *language;
  gint64      case_id;
} NewCase;

static gboolean
write_case (DossierDb  *db,
            gpointer    user_data,
            GError    **error)
{
  NewCase *new_case = user_data;
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *slug = g_strconcat ("case-", uuid, NULL);

  if (!dossier_db_run (db, "INSERT INTO node (kind, slug) VALUES ('case', ?1)", error, "t", slug))
    return FALSE;

  new_case->case_id = dossier_db_last_insert_id (db);
  if (!dossier_db_run (db, "INSERT INTO node_text (node_id, lang, title) VALUES (?1, ?2, ?3)", error,
                       "itt", new_case->case_id, new_case->language, new_case->title) ||
      !dossier_db_run (db, "INSERT INTO case_file (node_id) VALUES (?1)", error, "i", new_case->case_id))
    return FALSE;

  dossier_db_note_change (db, DOSSIER_OBJECT_CASE, DOSSIER_CHANGE_ADDED, new_case->case_id, new_case->case_id);
  return TRUE;
}

/**
 * dossier_store_create_case:
 * @title: the case file's title, in @language
 * @case_id: (out) (optional): the new case file
 *
 * Adds an empty case file (no court, no docket number, no events yet).
 */
gboolean
dossier_store_create_case (DossierStore  *self,
                           const char    *title,
                           const char    *language,
                           gint64        *case_id,
                           GError       **error)
{
  NewCase new_case = { title, language, 0 };

  g_return_val_if_fail (DOSSIER_IS_STORE (self), FALSE);
  g_return_val_if_fail (title != NULL && language != NULL, FALSE);

  if (!dossier_history_record (self->db, "create-case", write_case, &new_case, error))
    return FALSE;

  if (case_id != NULL)
    *case_id = new_case.case_id;
  return TRUE;
}

/**
 * dossier_store_delete_case:
 *
 * Removes a case file with its events and claims; what it shares with
 * other case files stays. It can be undone.
 */
gboolean
dossier_store_delete_case (DossierStore  *self,
                           gint64         case_id,
                           GError       **error)
{
  return dossier_store_delete (self, case_id, case_id, NULL, error);
}

/**
 * dossier_store_undo:
 *
 * Undoes the latest edit not undone, including one made before Dossier was
 * last closed. Every view follows.
 */
gboolean
dossier_store_undo (DossierStore  *self,
                    GError       **error)
{
  g_return_val_if_fail (DOSSIER_IS_STORE (self), FALSE);

  return dossier_history_step (self->db, FALSE, error);
}

/**
 * dossier_store_redo:
 *
 * Redoes the earliest undone edit, until a new edit forgets them.
 */
gboolean
dossier_store_redo (DossierStore  *self,
                    GError       **error)
{
  g_return_val_if_fail (DOSSIER_IS_STORE (self), FALSE);

  return dossier_history_step (self->db, TRUE, error);
}

/**
 * dossier_store_history_is_long:
 * @redo: %FALSE for what undo would undo, %TRUE for what redo would redo
 *
 * Returns: whether that is a long edit (an import of many rows), to undo
 *   or redo as a job (dossier_store_step_async())
 */
gboolean
dossier_store_history_is_long (DossierStore *self,
                               gboolean      redo)
{
  gboolean is_long = FALSE;

  g_return_val_if_fail (DOSSIER_IS_STORE (self), FALSE);

  return dossier_history_is_long (self->db, redo, &is_long, NULL) && is_long;
}

/**
 * dossier_store_dup_history_action:
 * @redo: what redo would do rather than undo
 *
 * Returns: (transfer full) (nullable): the edit undo (or redo) would undo
 *   (or redo): "edit-title", "edit-summary", "create-case", "delete-case",
 *   "import-case"; %NULL when there is none
 */
char *
dossier_store_dup_history_action (DossierStore *self,
                                  gboolean      redo)
{
  g_autoptr(GError) error = NULL;
  char *action = NULL;

  g_return_val_if_fail (DOSSIER_IS_STORE (self), NULL);

  if (!dossier_history_peek (self->db, redo, &action, &error))
    g_warning ("%s", error->message);
  return action;
}
