/* dossier-db-job.c
 *
 * A connection doing a long job (an import or an export on a worker
 * thread) can be cancelled and says how far it is: SQLite's progress
 * handler stops any statement once the job is cancelled (the transaction
 * then rolls back: nothing is half-written), and the readers and writers
 * report the share of their input done. The store's own connection can
 * be told that another one is writing: its transactions are then refused
 * at once, rather than waiting for the write lock.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-db"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dossier-db-private.h"

/* SQLite calls the handler every this many virtual-machine steps: about
 * every tenth of a millisecond. */
#define PROGRESS_STEPS 1000

static int
on_progress (void *data)
{
  DossierDb *db = data;

  return g_cancellable_is_cancelled (db->job_cancellable);
}

/**
 * dossier_db_set_job:
 * @cancellable: (nullable): cancels every statement of @db from then on
 * @func: (nullable): given the share done, from 0 to 1, in steps of a
 *   thousandth at most, on the thread of the job
 *
 * Makes @db the connection of a job, or an ordinary one again (all %NULL).
 */
void
dossier_db_set_job (DossierDb             *db,
                    GCancellable          *cancellable,
                    DossierDbProgressFunc  func,
                    gpointer               user_data)
{
  g_set_object (&db->job_cancellable, cancellable);
  db->job_func = func;
  db->job_data = user_data;
  db->job_permille = -1;
  sqlite3_progress_handler (db->handle, cancellable ? PROGRESS_STEPS : 0, cancellable ? on_progress : NULL, db);
}

/**
 * dossier_db_report_progress:
 * @done: how much of the input is done
 * @total: the input's size, in the same unit
 *
 * Cheap when nothing changed: called for every row.
 */
void
dossier_db_report_progress (DossierDb *db,
                            guint64    done,
                            guint64    total)
{
  int permille;

  if (db->job_func == NULL || total == 0)
    return;
  permille = (int) (MIN (done, total) * 1000 / total);
  if (permille == db->job_permille)
    return;
  db->job_permille = permille;
  db->job_func (permille / 1000.0, db->job_data);
}

/**
 * dossier_db_set_writer_elsewhere:
 * @message: (nullable): why @db cannot write now ("An import is
 *   running"), or %NULL once it can again
 *
 * While set, dossier_db_transaction() on @db fails at once with
 * %DOSSIER_STORE_ERROR_BUSY and @message.
 */
void
dossier_db_set_writer_elsewhere (DossierDb  *db,
                                 const char *message)
{
  g_free (db->busy_message);
  db->busy_message = g_strdup (message);
}

/**
 * dossier_db_set_recording:
 * @recording: (nullable): what dossier-history.c records of the edit
 *   running on @db, for dossier_history_checkpoint(); %NULL after it
 */
void
dossier_db_set_recording (DossierDb *db,
                          gpointer   recording)
{
  db->recording = recording;
}

gpointer
dossier_db_get_recording (DossierDb *db)
{
  return db->recording;
}
