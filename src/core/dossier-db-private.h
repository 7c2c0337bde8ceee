/* dossier-db-private.h: what the files of the database layer share
 *
 * dossier-db.c opens, prepares, binds and steps; dossier-db-transaction.c
 * runs transactions and announces what they changed, calling the first;
 * dossier-db-job.c cancels and follows a long job.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-db.h"

G_BEGIN_DECLS

struct _DossierDb
{
  sqlite3             *handle;
  char                *path;
  GHashTable          *statements;   /* SQL text → sqlite3_stmt */
  GArray              *changes;      /* DossierDbChange, of the open transaction */
  DossierDbCommitFunc  commit_func;
  gpointer             commit_data;
  guint                depth;        /* nested dossier_db_transaction() calls */
  gboolean             read_only;
  char                *busy_message;  /* another connection is writing */

  /* dossier-db-job.c */
  GCancellable          *job_cancellable;
  DossierDbProgressFunc  job_func;
  gpointer               job_data;
  int                    job_permille;
  gpointer               recording;   /* dossier-history.c's edit being recorded */
};

G_END_DECLS
