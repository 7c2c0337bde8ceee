/* dossier-db-transaction.c
 *
 * Writes run in dossier_db_transaction(), which rolls back on any error
 * (a savepoint when nested) and, once committed, hands what the writes
 * noted (dossier_db_note_change()) to the commit function: the store
 * announces them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-db"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dossier-db-private.h"

/**
 * dossier_db_set_commit_func:
 *
 * @func is called after every committed transaction that noted changes
 * (dossier_db_note_change()), outside of the transaction.
 */
void
dossier_db_set_commit_func (DossierDb           *db,
                            DossierDbCommitFunc  func,
                            gpointer             user_data)
{
  db->commit_func = func;
  db->commit_data = user_data;
}

/**
 * dossier_db_transaction:
 * @func: the writes
 *
 * Runs @func in a transaction that takes the write lock at once (so that
 * what @func reads is still true when it writes), or in a savepoint when
 * called from inside another. Any error rolls everything back and drops the
 * changes noted; a commit hands them to the commit function.
 */
gboolean
dossier_db_transaction (DossierDb      *db,
                        DossierDbFunc   func,
                        gpointer        user_data,
                        GError        **error)
{
  gboolean outer = db->depth == 0;
  guint mark = db->changes->len;
  g_autoptr(GArray) changes = NULL;

  if (db->read_only)
    {
      g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_READ_ONLY,
                   _("%s is read-only: nothing was changed"), db->path);
      return FALSE;
    }

  if (outer && db->busy_message != NULL)
    {
      g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_BUSY,
                   /* Translators: %s says what is writing ("An import is running") */
                   _("%s: nothing was changed. Try again once it is done."), db->busy_message);
      return FALSE;
    }

  if (!dossier_db_exec (db, outer ? "BEGIN IMMEDIATE" : "SAVEPOINT dossier", error))
    return FALSE;

  db->depth++;
  if (!func (db, user_data, error) ||
      !dossier_db_exec (db, outer ? "COMMIT" : "RELEASE dossier", error))
    {
      db->depth--;
      /* The first error is the one to report; a failed rollback changes
       * nothing more (SQLite rolls back by itself on close). */
      (void) sqlite3_exec (db->handle, outer ? "ROLLBACK" : "ROLLBACK TO dossier; RELEASE dossier",
                           NULL, NULL, NULL);
      g_array_set_size (db->changes, mark);
      return FALSE;
    }
  db->depth--;

  if (outer && db->changes->len > 0)
    {
      /* The listeners may write again: hand them a list of their own. */
      changes = db->changes;
      db->changes = g_array_new (FALSE, FALSE, sizeof (DossierDbChange));
      if (db->commit_func != NULL)
        db->commit_func ((const DossierDbChange *) changes->data, changes->len, db->commit_data);
    }

  return TRUE;
}

/**
 * dossier_db_note_change:
 *
 * Records a change of the running transaction, announced once it commits.
 */
void
dossier_db_note_change (DossierDb         *db,
                        DossierObjectKind  kind,
                        DossierChangeType  type,
                        gint64             id,
                        gint64             case_id)
{
  DossierDbChange change = { kind, type, id, case_id };

  g_return_if_fail (db->depth > 0);

  g_array_append_val (db->changes, change);
}

