/* dossier-store-jobs.c
 *
 * Imports and exports as jobs on a worker thread, so that the window goes
 * on drawing: each job opens its own connection to the file (SQLite's
 * write-ahead log lets the window's connection read meanwhile), says how
 * far it is, and can be cancelled. An import is one transaction, recorded
 * for undo: cancelled or failed, it is rolled back whole. An export is
 * written to a temporary file renamed into place: cancelled, nothing is
 * written. While an import runs, the store's own writes are refused at
 * once (#DossierStore:busy). Once a job is done, what it changed is
 * announced on the main thread, as the store's own changes are.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dossier-history.h"
#include "dossier-schema.h"
#include "dossier-store-private.h"

typedef enum
{
  JOB_IMPORT_CASE,
  JOB_IMPORT_SHARES,
  JOB_EXPORT_CASE,
  JOB_EXPORT_SHARES,
  JOB_STEP,           /* an undo or redo of a long edit */
} JobKind;

typedef struct
{
  DossierStore            *store;     /* let go of on the main thread */
  JobKind                  kind;
  char                    *db_path;
  gboolean                 read_only;
  char                    *path;
  char                    *language;
  char                    *series;
  gint64                   id;        /* the case file or series exported */
  DossierImportFlags       flags;
  gboolean                 redo;

  /* Progress, from the worker to the main thread: the latest figure, and
   * whether an idle is on its way to give it. */
  DossierStoreProgressFunc progress;
  GWeakRef                 progress_target;
  int                      permille;  /* atomic; -1: none yet */
  int                      pending;   /* atomic */

  /* What came of it. */
  GArray                  *changes;   /* DossierDbChange */
  gint64                   case_id;
  guint                    n_added;
  GPtrArray               *problems;
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  g_assert (job->store == NULL);
  g_free (job->db_path);
  g_free (job->path);
  g_free (job->language);
  g_free (job->series);
  g_weak_ref_clear (&job->progress_target);
  g_clear_pointer (&job->changes, g_array_unref);
  g_clear_pointer (&job->problems, g_ptr_array_unref);
  g_free (job);
}

static gboolean
give_progress (gpointer data)
{
  GTask *task = data;
  Job *job = g_task_get_task_data (task);
  g_autoptr(GObject) target = g_weak_ref_get (&job->progress_target);

  g_atomic_int_set (&job->pending, FALSE);
  if (job->progress != NULL && target != NULL)
    job->progress (g_atomic_int_get (&job->permille) / 1000.0, target);
  return G_SOURCE_REMOVE;
}

/* On the worker: the figure is kept, and handed over by one idle at a
 * time, so that a fast job does not flood the main loop. */
static void
on_progress (double   fraction,
             gpointer data)
{
  GTask *task = data;
  Job *job = g_task_get_task_data (task);

  g_atomic_int_set (&job->permille, (int) (fraction * 1000));
  if (job->progress != NULL && g_atomic_int_compare_and_exchange (&job->pending, FALSE, TRUE))
    {
      /* An idle, never a call from here: g_main_context_invoke() would
       * run it on this thread when the main loop is between two turns. */
      g_autoptr(GSource) idle = g_idle_source_new ();

      g_source_set_priority (idle, G_PRIORITY_DEFAULT);
      g_source_set_callback (idle, give_progress, g_object_ref (task), g_object_unref);
      g_source_set_static_name (idle, "[dossier] job progress");
      g_source_attach (idle, g_task_get_context (task));
    }
}

static void
collect_changes (const DossierDbChange *changes,
                 guint                  n_changes,
                 gpointer               data)
{
  Job *job = data;

  g_array_append_vals (job->changes, changes, n_changes);
}

/**
 * _dossier_store_open_worker:
 *
 * A worker thread's own connection to the store's file (a job's, the
 * sidebar's search for titles), joined to the schema the store checked.
 *
 * Returns: (transfer full): the connection, or %NULL with @error set
 */
DossierDb *
_dossier_store_open_worker (const char  *path,
                            gboolean     read_only,
                            GError     **error)
{
  DossierDb *db = read_only ? dossier_db_open_read_only (path, error) : dossier_db_open (path, error);

  if (db != NULL && !dossier_schema_join (db, error))
    g_clear_pointer (&db, dossier_db_close);
  return db;
}

static gboolean
run (Job        *job,
     DossierDb  *db,
     GError    **error)
{
  switch (job->kind)
    {
    case JOB_IMPORT_CASE:
      return _dossier_exchange_import_case (db, job->path, job->flags, &job->case_id, error);
    case JOB_IMPORT_SHARES:
      return _dossier_exchange_import_shares (db, job->path, job->series, job->language,
                                              &job->problems, &job->n_added, error);
    case JOB_EXPORT_CASE:
      return _dossier_exchange_export_case (db, job->id, job->path, error);
    case JOB_EXPORT_SHARES:
      return _dossier_exchange_export_shares (db, job->id, job->language, job->path, error);
    case JOB_STEP:
      return dossier_history_step (db, job->redo, error);
    default:
      g_assert_not_reached ();
    }
}

static void
run_in_thread (GTask        *task,
               gpointer      source,
               gpointer      data,
               GCancellable *cancellable)
{
  Job *job = data;
  g_autoptr(GError) error = NULL;
  DossierDb *db;
  gboolean ok;

  if (g_task_return_error_if_cancelled (task))
    return;

  if (!(db = _dossier_store_open_worker (job->db_path, job->read_only, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  dossier_db_set_commit_func (db, collect_changes, job);
  dossier_db_set_job (db, cancellable, on_progress, task);
  /* An export reads one state of the file, whatever is committed
   * meanwhile: one read transaction (an import has its own). */
  if (job->kind == JOB_EXPORT_CASE || job->kind == JOB_EXPORT_SHARES)
    {
      ok = dossier_db_exec (db, "BEGIN", &error) && run (job, db, &error);
      (void) sqlite3_exec (dossier_db_get_handle (db), "COMMIT", NULL, NULL, NULL);
    }
  else
    ok = run (job, db, &error);
  dossier_db_set_job (db, NULL, NULL, NULL);
  dossier_db_close (db);

  /* Stopped by the cancellable: SQLite says "interrupted", the rest of
   * the work was rolled back or never written. */
  if (!ok && g_cancellable_is_cancelled (cancellable))
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s",
                             job->kind == JOB_IMPORT_CASE || job->kind == JOB_IMPORT_SHARES
                               ? _("Cancelled: nothing was imported")
                               : job->kind == JOB_STEP ? _("Cancelled: nothing was changed")
                               : _("Cancelled: nothing was written"));
  else if (!ok)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/* Back on the main thread: the store can write again, and the views hear
 * what changed; then the caller is told. */
static void
on_thread_done (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  g_autoptr(GTask) outer = data;
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(DossierStore) self = g_steal_pointer (&job->store);
  GError *error = NULL;

  if (job->kind == JOB_IMPORT_CASE || job->kind == JOB_IMPORT_SHARES || job->kind == JOB_STEP)
    _dossier_store_set_busy (self, FALSE);
  g_task_set_task_data (outer, g_object_ref (result), g_object_unref);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    g_task_return_error (outer, error);
  else
    {
      if (job->changes->len > 0)
        _dossier_store_announce (self, (const DossierDbChange *) job->changes->data, job->changes->len);
      g_task_return_boolean (outer, TRUE);
    }
}

/* A job is over once the caller's task is let go of, on the main thread
 * (the worker may hold the inner task a moment longer: it holds no
 * store); then nothing of the job holds the store. */
static void
on_job_gone (gpointer  data,
             GObject  *outer)
{
  DossierStore *self = data;

  self->n_jobs--;
}

static void
start (DossierStore             *self,
       Job                      *job,
       GCancellable             *cancellable,
       DossierStoreProgressFunc  progress,
       gpointer                  progress_target,
       GAsyncReadyCallback       callback,
       gpointer                  user_data)
{
  g_autoptr(GTask) outer = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(GTask) inner = NULL;
  gboolean writes = job->kind == JOB_IMPORT_CASE || job->kind == JOB_IMPORT_SHARES || job->kind == JOB_STEP;

  g_task_set_source_tag (outer, start);
  /* What the job returned stands, cancelled or not after: a commit that
   * made it is announced (run_in_thread() says when it was cancelled). */
  g_task_set_check_cancellable (outer, FALSE);
  job->db_path = g_strdup (dossier_db_get_path (self->db));
  job->read_only = dossier_db_is_read_only (self->db);
  job->language = g_strdup (self->language);
  job->progress = progress;
  g_weak_ref_init (&job->progress_target, progress_target);
  job->permille = -1;
  job->changes = g_array_new (FALSE, FALSE, sizeof (DossierDbChange));

  if (writes && (self->busy || job->read_only))
    {
      if (job->read_only)
        g_task_return_new_error (outer, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_READ_ONLY,
                                 _("%s is read-only: nothing was changed"), job->db_path);
      else
        g_task_return_new_error (outer, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_BUSY,
                                 _("%s: nothing was changed. Try again once it is done."),
                                 _("An import is running"));
      job_free (job);
      return;
    }
  if (writes)
    _dossier_store_set_busy (self, TRUE);
  /* No source object: the worker may let go of the inner task last, and
   * the store is the main thread's to let go of (job->store). */
  job->store = g_object_ref (self);
  self->n_jobs++;
  g_object_weak_ref (G_OBJECT (outer), on_job_gone, self);
  inner = g_task_new (NULL, cancellable, on_thread_done, g_steal_pointer (&outer));
  g_task_set_check_cancellable (inner, FALSE);
  g_task_set_task_data (inner, job, job_free);
  g_task_run_in_thread (inner, run_in_thread);
}

static Job *
job_new (JobKind     kind,
         const char *path)
{
  Job *job = g_new0 (Job, 1);

  job->kind = kind;
  job->path = g_strdup (path);
  return job;
}

static Job *
finish (DossierStore  *self,
        GAsyncResult  *result,
        GError       **error)
{
  GTask *inner;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  inner = g_task_get_task_data (G_TASK (result));
  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;
  return g_task_get_task_data (inner);
}

/**
 * dossier_store_has_jobs:
 *
 * Returns: whether a job started here is still running (its callback not
 *   yet called): the store is to be let go of only after
 */
gboolean
dossier_store_has_jobs (DossierStore *self)
{
  g_return_val_if_fail (DOSSIER_IS_STORE (self), FALSE);
  return self->n_jobs > 0;
}

/**
 * dossier_store_import_case_file_async:
 * @progress: (nullable): told the share done, from 0 to 1, on the main
 *   thread (never for the reading of the file itself)
 * @progress_target: (nullable): a #GObject given to @progress, held
 *   weakly: once it is finalized, @progress is no longer called
 *
 * dossier_store_import_case_file() on a worker thread.
 */
void
dossier_store_import_case_file_async (DossierStore             *self,
                                      const char               *path,
                                      DossierImportFlags        flags,
                                      GCancellable             *cancellable,
                                      DossierStoreProgressFunc  progress,
                                      gpointer                  progress_target,
                                      GAsyncReadyCallback       callback,
                                      gpointer                  user_data)
{
  Job *job;

  g_return_if_fail (DOSSIER_IS_STORE (self));

  job = job_new (JOB_IMPORT_CASE, path);
  job->flags = flags;
  start (self, job, cancellable, progress, progress_target, callback, user_data);
}

/**
 * dossier_store_import_case_file_finish:
 * @case_id: (out) (optional): the (first) case file added
 *
 * Returns: %TRUE once imported; %FALSE with @error set as
 *   dossier_store_import_case_file() sets it, %G_IO_ERROR_CANCELLED if
 *   cancelled, %DOSSIER_STORE_ERROR_BUSY if another import was running:
 *   then nothing was changed
 */
gboolean
dossier_store_import_case_file_finish (DossierStore  *self,
                                       GAsyncResult  *result,
                                       gint64        *case_id,
                                       GError       **error)
{
  Job *job = finish (self, result, error);

  if (case_id != NULL)
    *case_id = job ? job->case_id : 0;
  return job != NULL;
}

/**
 * dossier_store_import_shares_file_async:
 *
 * dossier_store_import_shares_file() on a worker thread; @progress is
 * told the share of the file read, then written.
 */
void
dossier_store_import_shares_file_async (DossierStore             *self,
                                        const char               *path,
                                        const char               *series,
                                        GCancellable             *cancellable,
                                        DossierStoreProgressFunc  progress,
                                        gpointer                  progress_target,
                                        GAsyncReadyCallback       callback,
                                        gpointer                  user_data)
{
  Job *job;

  g_return_if_fail (DOSSIER_IS_STORE (self));

  job = job_new (JOB_IMPORT_SHARES, path);
  job->series = g_strdup (series);
  start (self, job, cancellable, progress, progress_target, callback, user_data);
}

/**
 * dossier_store_import_shares_file_finish:
 * @problems: (out) (optional) (transfer full) (element-type DossierProblem):
 *   when the file is refused, every mistake in it, with its line
 * @n_added: (out) (optional): how many figures were added
 */
gboolean
dossier_store_import_shares_file_finish (DossierStore  *self,
                                         GAsyncResult  *result,
                                         GPtrArray    **problems,
                                         guint         *n_added,
                                         GError       **error)
{
  GTask *inner = g_task_get_task_data (G_TASK (result));
  Job *job = inner ? g_task_get_task_data (inner) : NULL;
  gboolean ok = finish (self, result, error) != NULL;

  if (problems != NULL)
    *problems = job != NULL && job->problems != NULL ? g_ptr_array_ref (job->problems) : NULL;
  if (n_added != NULL)
    *n_added = ok ? job->n_added : 0;
  return ok;
}

/**
 * dossier_store_export_case_file_async:
 * @case_id: a case file, or 0 for everything
 *
 * dossier_store_export_case_file() on a worker thread.
 */
void
dossier_store_export_case_file_async (DossierStore             *self,
                                      gint64                    case_id,
                                      const char               *path,
                                      GCancellable             *cancellable,
                                      DossierStoreProgressFunc  progress,
                                      gpointer                  progress_target,
                                      GAsyncReadyCallback       callback,
                                      gpointer                  user_data)
{
  Job *job;

  g_return_if_fail (DOSSIER_IS_STORE (self));

  job = job_new (JOB_EXPORT_CASE, path);
  job->id = case_id;
  start (self, job, cancellable, progress, progress_target, callback, user_data);
}

/**
 * dossier_store_export_shares_file_async:
 * @series_id: a series, or 0 for every series
 *
 * dossier_store_export_shares_file() on a worker thread.
 */
void
dossier_store_export_shares_file_async (DossierStore             *self,
                                        gint64                    series_id,
                                        const char               *path,
                                        GCancellable             *cancellable,
                                        DossierStoreProgressFunc  progress,
                                        gpointer                  progress_target,
                                        GAsyncReadyCallback       callback,
                                        gpointer                  user_data)
{
  Job *job;

  g_return_if_fail (DOSSIER_IS_STORE (self));

  job = job_new (JOB_EXPORT_SHARES, path);
  job->id = series_id;
  start (self, job, cancellable, progress, progress_target, callback, user_data);
}

/**
 * dossier_store_export_file_finish:
 *
 * Finishes either export: %FALSE with @error set, %G_IO_ERROR_CANCELLED if
 * cancelled (nothing was written).
 */
gboolean
dossier_store_export_file_finish (DossierStore  *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return finish (self, result, error) != NULL;
}

/**
 * dossier_store_step_async:
 * @redo: %FALSE to undo the latest edit, %TRUE to redo the earliest undone
 * @progress: (nullable): told the share done, on the main thread
 *
 * dossier_store_undo() or dossier_store_redo() on a worker thread, for a
 * long edit (dossier_store_history_is_long()): the window goes on, and
 * Cancel leaves the edit as it was.
 */
void
dossier_store_step_async (DossierStore             *self,
                          gboolean                  redo,
                          GCancellable             *cancellable,
                          DossierStoreProgressFunc  progress,
                          gpointer                  progress_target,
                          GAsyncReadyCallback       callback,
                          gpointer                  user_data)
{
  Job *job;

  g_return_if_fail (DOSSIER_IS_STORE (self));

  job = job_new (JOB_STEP, NULL);
  job->redo = redo;
  start (self, job, cancellable, progress, progress_target, callback, user_data);
}

/**
 * dossier_store_step_finish:
 *
 * Returns: %TRUE once undone or redone; %FALSE with @error set, then
 *   nothing was changed
 */
gboolean
dossier_store_step_finish (DossierStore  *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  return finish (self, result, error) != NULL;
}
