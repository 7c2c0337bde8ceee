/* dossier-store-edit.c
 *
 * Writing what the user changes. Every edit is a transaction that notes
 * what it changed, so that the store announces it (::changed) once it is
 * committed and every list and view follows. Undo comes here next.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-store"

#include "config.h"

#include <glib/gi18n-lib.h>

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

  return dossier_db_transaction (self->db, write_text, &edit, error);
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
