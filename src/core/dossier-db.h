/* dossier-db.h: the one way into SQLite: prepare, bind, step, check,
 * transactions and a statement cache
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

#include "dossier-types.h"

G_BEGIN_DECLS

/* A statement from the cache: reset, never finalized, by its owner. */
typedef sqlite3_stmt DossierStmt;

/* One committed change, as the store announces it. */
typedef struct
{
  DossierObjectKind kind;
  DossierChangeType type;
  gint64            id;
  gint64            case_id;   /* the case file it was changed in, or 0 */
} DossierDbChange;

/* Called after a transaction committed, with what it changed. */
typedef void     (*DossierDbCommitFunc) (const DossierDbChange *changes,
                                         guint                  n_changes,
                                         gpointer               user_data);
/* The body of a transaction: FALSE with @error set rolls it all back. */
typedef gboolean (*DossierDbFunc)       (DossierDb             *db,
                                         gpointer               user_data,
                                         GError               **error);
/* How far a job is, from 0 to 1 (dossier-db-job.c). */
typedef void     (*DossierDbProgressFunc) (double               fraction,
                                           gpointer             user_data);
/* Makes an object of the row @stmt is on. */
typedef gpointer (*DossierDbRowFunc)    (sqlite3_stmt          *stmt,
                                         gpointer               user_data);

DossierDb    *dossier_db_open            (const char           *path,
                                          GError              **error);
DossierDb    *dossier_db_open_read_only  (const char           *path,
                                          GError              **error);
gboolean      dossier_db_is_read_only    (DossierDb            *db);
void          dossier_db_set_checkpoint_on_close (DossierDb    *db,
                                                  gboolean      checkpoint);
void          dossier_db_close           (DossierDb            *db);
const char   *dossier_db_get_path        (DossierDb            *db);
sqlite3      *dossier_db_get_handle      (DossierDb            *db);
void          dossier_db_set_commit_func (DossierDb            *db,
                                          DossierDbCommitFunc   func,
                                          gpointer              user_data);

void          dossier_db_set_job         (DossierDb            *db,
                                          GCancellable         *cancellable,
                                          DossierDbProgressFunc func,
                                          gpointer              user_data);
void          dossier_db_report_progress (DossierDb            *db,
                                          guint64               done,
                                          guint64               total);
void          dossier_db_set_recording   (DossierDb            *db,
                                          gpointer              recording);
gpointer      dossier_db_get_recording   (DossierDb            *db);
void          dossier_db_set_writer_elsewhere (DossierDb       *db,
                                               const char      *message);

gboolean      dossier_db_check           (DossierDb            *db,
                                          int                   rc,
                                          const char           *what,
                                          GError              **error);
gboolean      dossier_db_exec            (DossierDb            *db,
                                          const char           *sql,
                                          GError              **error);
void          dossier_db_configure_library (void);
const char   *dossier_db_get_debug       (void);
DossierStmt  *dossier_db_prepare         (DossierDb            *db,
                                          const char           *sql,
                                          GError              **error);
void          dossier_db_release         (DossierStmt          *stmt);
gboolean      dossier_db_bind            (DossierDb            *db,
                                          sqlite3_stmt         *stmt,
                                          GError              **error,
                                          const char           *format,
                                          ...);
gboolean      dossier_db_bind_named      (DossierDb            *db,
                                          sqlite3_stmt         *stmt,
                                          GError              **error,
                                          ...) G_GNUC_NULL_TERMINATED;
gboolean      dossier_db_step_row        (DossierDb            *db,
                                          sqlite3_stmt         *stmt,
                                          gboolean             *has_row,
                                          GError              **error);
gboolean      dossier_db_step_insert     (DossierDb            *db,
                                          sqlite3_stmt         *stmt,
                                          int                   conflict_code,
                                          gboolean             *conflicted,
                                          GError              **error);
gint64        dossier_db_last_insert_id  (DossierDb            *db);
gboolean      dossier_db_step_done       (DossierDb            *db,
                                          sqlite3_stmt         *stmt,
                                          GError              **error);
gboolean      dossier_db_run             (DossierDb            *db,
                                          const char           *sql,
                                          GError              **error,
                                          const char           *format,
                                          ...);
gboolean      dossier_db_query_int       (DossierDb            *db,
                                          sqlite3_stmt         *stmt,
                                          gint64               *value,
                                          GError              **error);
GListModel   *dossier_db_collect         (DossierDb            *db,
                                          sqlite3_stmt         *stmt,
                                          GType                 item_type,
                                          DossierDbRowFunc      row_func,
                                          gpointer              user_data,
                                          GError              **error);
gboolean      dossier_db_transaction     (DossierDb            *db,
                                          DossierDbFunc         func,
                                          gpointer              user_data,
                                          GError              **error);
void          dossier_db_note_change     (DossierDb            *db,
                                          DossierObjectKind     kind,
                                          DossierChangeType     type,
                                          gint64                id,
                                          gint64                case_id);
const char   *dossier_db_column_text     (sqlite3_stmt         *stmt,
                                          int                   column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierDb, dossier_db_close)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierStmt, dossier_db_release)

G_END_DECLS
