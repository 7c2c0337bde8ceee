/* dossier-store.h: the SQLite database behind a Dossier window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "dossier-types.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_STORE (dossier_store_get_type ())

G_DECLARE_FINAL_TYPE (DossierStore, dossier_store, DOSSIER, STORE, GObject)

/* Told how far a job is, from 0 to 1, on the main thread. */
typedef void (*DossierStoreProgressFunc) (double   fraction,
                                          gpointer target);

/* dossier-store.c */
DossierStore *dossier_store_open                 (const char    *path,
                                                  GError       **error);
char         *dossier_store_dup_default_path     (void);
void          dossier_store_read_environment     (void);
const char   *dossier_store_get_path             (DossierStore  *self);
/* dossier-store-recover.c */
char         *dossier_store_set_aside            (const char    *path,
                                                  GError       **error);
gboolean      dossier_store_recover              (const char    *damaged_path,
                                                  const char    *path,
                                                  guint         *n_rows,
                                                  guint         *n_damaged_tables,
                                                  GError       **error);
gboolean      dossier_store_replace_damaged      (const char    *path,
                                                  gboolean       recover,
                                                  char         **aside_path,
                                                  guint         *n_rows,
                                                  guint         *n_damaged_tables,
                                                  GError       **error);
gboolean      dossier_store_is_read_only         (DossierStore  *self);
gboolean      dossier_store_get_busy             (DossierStore  *self);
const char   *dossier_store_get_language         (DossierStore  *self);
void          dossier_store_follow_locale        (DossierStore  *self);
void          dossier_store_set_language         (DossierStore  *self,
                                                  const char    *language);
gboolean      dossier_store_import_case          (DossierStore  *self,
                                                  GBytes        *json,
                                                  const char    *file_name,
                                                  GError       **error);
gboolean      dossier_store_import_case_full     (DossierStore        *self,
                                                  GBytes              *json,
                                                  const char          *file_name,
                                                  DossierImportFlags   flags,
                                                  gint64              *case_id,
                                                  GError             **error);
gboolean      dossier_store_import_case_file     (DossierStore        *self,
                                                  const char          *path,
                                                  DossierImportFlags   flags,
                                                  gint64              *case_id,
                                                  GError             **error);
GBytes       *dossier_store_export_case          (DossierStore  *self,
                                                  gint64         case_id,
                                                  GError       **error);
gboolean      dossier_store_export_case_file     (DossierStore  *self,
                                                  gint64         case_id,
                                                  const char    *path,
                                                  GError       **error);
gboolean      dossier_store_import_shares        (DossierStore  *self,
                                                  GBytes        *csv,
                                                  const char    *file_name,
                                                  const char    *series,
                                                  GPtrArray    **problems,
                                                  guint         *n_added,
                                                  GError       **error);
gboolean      dossier_store_import_shares_file   (DossierStore  *self,
                                                  const char    *path,
                                                  const char    *series,
                                                  GPtrArray    **problems,
                                                  guint         *n_added,
                                                  GError       **error);
GBytes       *dossier_store_export_shares        (DossierStore  *self,
                                                  gint64         series_id,
                                                  GError       **error);
gboolean      dossier_store_export_shares_file   (DossierStore  *self,
                                                  gint64         series_id,
                                                  const char    *path,
                                                  GError       **error);
gint64        dossier_store_count                (DossierStore  *self,
                                                  const char    *table,
                                                  GError       **error);

/* dossier-store-warm.c */
void          dossier_store_warm_up              (DossierStore  *self);

/* dossier-store-nodes.c */
GListModel   *dossier_store_list_case_files      (DossierStore  *self,
                                                  GError       **error);
GListModel   *dossier_store_list_section         (DossierStore  *self,
                                                  gint64         case_id,
                                                  DossierSectionKind section,
                                                  GError       **error);
DossierNode  *dossier_store_get_node             (DossierStore  *self,
                                                  gint64         case_id,
                                                  gint64         node_id,
                                                  GError       **error);
GListModel   *dossier_store_list_citations       (DossierStore  *self,
                                                  gint64         node_id,
                                                  DossierStance  stance,
                                                  GError       **error);
GListModel   *dossier_store_list_cited_by        (DossierStore  *self,
                                                  gint64         case_id,
                                                  gint64         source_id,
                                                  DossierStance  stance,
                                                  GError       **error);
GListModel   *dossier_store_search               (DossierStore  *self,
                                                  const char    *text,
                                                  guint          limit,
                                                  GError       **error);
GListModel   *dossier_store_search_hits          (DossierStore  *self,
                                                  const char    *text,
                                                  guint          limit,
                                                  GError       **error);
gint64        dossier_store_get_home_case        (DossierStore  *self,
                                                  gint64         node_id);
GListModel   *dossier_store_list_all             (DossierStore  *self,
                                                  guint          kinds,
                                                  gint64         case_id,
                                                  GError       **error);
GListModel   *dossier_store_list_roles           (DossierStore  *self,
                                                  gint64         node_id,
                                                  GError       **error);
GListModel   *dossier_store_list_settlement      (DossierStore  *self,
                                                  gint64         case_id,
                                                  gint64         node_id,
                                                  GError       **error);
gboolean      dossier_store_get_next_expected    (DossierStore  *self,
                                                  gint64         case_id,
                                                  DossierNode  **expected,
                                                  DossierNode  **settler,
                                                  GError       **error);
GListModel   *dossier_store_list_cases_of        (DossierStore  *self,
                                                  gint64         node_id,
                                                  GError       **error);
GListModel   *dossier_store_list_claims_by       (DossierStore  *self,
                                                  gint64         case_id,
                                                  gint64         node_id,
                                                  GError       **error);
GListModel   *dossier_store_list_related         (DossierStore  *self,
                                                  gint64         case_id,
                                                  gint64         node_id,
                                                  GError       **error);

/* dossier-store-counts.c: a case file's events counted by date */
typedef struct
{
  char   date[12];   /* "2020-03-05", or "2020-03" known to the month */
  gint64 count;
} DossierDateCount;

GArray       *dossier_store_count_events_by_date (DossierStore  *self,
                                                  gint64         case_id,
                                                  GError       **error);

/* dossier-store-names.c: how an organization or a person is named in texts */
typedef struct
{
  char               *text;
  gint64              id;
  DossierSectionKind  section;
} DossierName;

GArray       *dossier_store_list_names           (DossierStore  *self,
                                                  gint64         case_id,
                                                  GError       **error);

/* dossier-store-market.c */
GListModel   *dossier_store_list_series          (DossierStore  *self,
                                                  GError       **error);
DossierSeries *dossier_store_get_series          (DossierStore  *self,
                                                  gint64         series_id,
                                                  GError       **error);
char        **dossier_store_list_periods         (DossierStore  *self,
                                                  gint64         series_id,
                                                  GError       **error);
GPtrArray    *dossier_store_list_breaks          (DossierStore  *self,
                                                  gint64         series_id,
                                                  GError       **error);
GListModel   *dossier_store_list_shares          (DossierStore  *self,
                                                  gint64         series_id,
                                                  const char    *period,
                                                  GError       **error);
gboolean      dossier_store_get_case_market      (DossierStore  *self,
                                                  gint64         case_id,
                                                  gint64        *series_id,
                                                  char         **period,
                                                  GError       **error);

/* dossier-store-edit.c */
gboolean      dossier_store_set_title            (DossierStore  *self,
                                                  gint64         node_id,
                                                  const char    *language,
                                                  const char    *title,
                                                  GError       **error);
gboolean      dossier_store_set_summary          (DossierStore  *self,
                                                  gint64         node_id,
                                                  const char    *language,
                                                  const char    *summary,
                                                  GError       **error);
gboolean      dossier_store_create_case          (DossierStore  *self,
                                                  const char    *title,
                                                  const char    *language,
                                                  gint64        *case_id,
                                                  GError       **error);
gboolean      dossier_store_delete_case          (DossierStore  *self,
                                                  gint64         case_id,
                                                  GError       **error);
/* dossier-store-write.c */
GHashTable   *dossier_store_read_fields          (DossierStore  *self,
                                                  gint64         case_id,
                                                  gint64         node_id,
                                                  DossierNodeKind *kind,
                                                  GError       **error);
gboolean      dossier_store_save                 (DossierStore  *self,
                                                  DossierNodeKind kind,
                                                  gint64         case_id,
                                                  gint64         node_id,
                                                  GHashTable    *values,
                                                  gint64        *saved_id,
                                                  GError       **error);
gboolean      dossier_store_delete               (DossierStore  *self,
                                                  gint64         case_id,
                                                  gint64         node_id,
                                                  DossierNodeKind *kind,
                                                  GError       **error);
/* dossier-store-notes.c */
GListModel   *dossier_store_list_notes           (DossierStore  *self,
                                                  gint64         node_id,
                                                  GError       **error);
gboolean      dossier_store_add_note             (DossierStore  *self,
                                                  gint64         node_id,
                                                  const char    *body,
                                                  gint64        *note_id,
                                                  GError       **error);
gboolean      dossier_store_set_note             (DossierStore  *self,
                                                  gint64         note_id,
                                                  const char    *body,
                                                  GError       **error);
gboolean      dossier_store_delete_note          (DossierStore  *self,
                                                  gint64         note_id,
                                                  GError       **error);
gboolean      dossier_store_cite                 (DossierStore  *self,
                                                  gint64         node_id,
                                                  gint64         source_id,
                                                  DossierStance  stance,
                                                  GError       **error);
gboolean      dossier_store_uncite               (DossierStore  *self,
                                                  gint64         node_id,
                                                  gint64         source_id,
                                                  GError       **error);
/* dossier-store-series.c */
char         *dossier_store_check_series_lines   (DossierStore  *self,
                                                  const char    *key,
                                                  const char    *text,
                                                  gboolean       yearly);
gboolean      dossier_store_create_series        (DossierStore  *self,
                                                  gint64         case_id,
                                                  GHashTable    *values,
                                                  gint64        *series_id,
                                                  GError       **error);
gboolean      dossier_store_undo                 (DossierStore  *self,
                                                  GError       **error);
gboolean      dossier_store_redo                 (DossierStore  *self,
                                                  GError       **error);
gboolean      dossier_store_history_is_long      (DossierStore  *self,
                                                  gboolean       redo);
char         *dossier_store_dup_history_action   (DossierStore  *self,
                                                  gboolean       redo);

/* dossier-store-jobs.c */
gboolean      dossier_store_has_jobs                  (DossierStore             *self);
void          dossier_store_import_case_file_async    (DossierStore             *self,
                                                       const char               *path,
                                                       DossierImportFlags        flags,
                                                       GCancellable             *cancellable,
                                                       DossierStoreProgressFunc  progress,
                                                       gpointer                  progress_target,
                                                       GAsyncReadyCallback       callback,
                                                       gpointer                  user_data);
gboolean      dossier_store_import_case_file_finish   (DossierStore             *self,
                                                       GAsyncResult             *result,
                                                       gint64                   *case_id,
                                                       GError                  **error);
void          dossier_store_import_shares_file_async  (DossierStore             *self,
                                                       const char               *path,
                                                       const char               *series,
                                                       GCancellable             *cancellable,
                                                       DossierStoreProgressFunc  progress,
                                                       gpointer                  progress_target,
                                                       GAsyncReadyCallback       callback,
                                                       gpointer                  user_data);
void          dossier_store_step_async                (DossierStore             *self,
                                                       gboolean                  redo,
                                                       GCancellable             *cancellable,
                                                       DossierStoreProgressFunc  progress,
                                                       gpointer                  progress_target,
                                                       GAsyncReadyCallback       callback,
                                                       gpointer                  user_data);
gboolean      dossier_store_step_finish               (DossierStore             *self,
                                                       GAsyncResult             *result,
                                                       GError                  **error);
void          dossier_store_find_case_files_async     (DossierStore             *self,
                                                       const char               *words,
                                                       guint                     limit,
                                                       GCancellable             *cancellable,
                                                       GAsyncReadyCallback       callback,
                                                       gpointer                  user_data);
GArray       *dossier_store_find_case_files_finish    (DossierStore             *self,
                                                       GAsyncResult             *result,
                                                       guint                    *n_found,
                                                       GError                  **error);
gboolean      dossier_title_has_words                 (const char               *title,
                                                       const char * const       *words);
gboolean      dossier_store_import_shares_file_finish (DossierStore             *self,
                                                       GAsyncResult             *result,
                                                       GPtrArray               **problems,
                                                       guint                    *n_added,
                                                       GError                  **error);
void          dossier_store_export_case_file_async    (DossierStore             *self,
                                                       gint64                    case_id,
                                                       const char               *path,
                                                       GCancellable             *cancellable,
                                                       DossierStoreProgressFunc  progress,
                                                       gpointer                  progress_target,
                                                       GAsyncReadyCallback       callback,
                                                       gpointer                  user_data);
void          dossier_store_export_shares_file_async  (DossierStore             *self,
                                                       gint64                    series_id,
                                                       const char               *path,
                                                       GCancellable             *cancellable,
                                                       DossierStoreProgressFunc  progress,
                                                       gpointer                  progress_target,
                                                       GAsyncReadyCallback       callback,
                                                       gpointer                  user_data);
gboolean      dossier_store_export_file_finish        (DossierStore             *self,
                                                       GAsyncResult             *result,
                                                       GError                  **error);

G_END_DECLS
