/* dossier-store-private.h: what the store's files share
 *
 * The store is one type split by concern, as GNOME Text Editor splits its
 * window: dossier-store.c (opening, language, change signal, import),
 * dossier-store-nodes.c (case files and what they hold),
 * dossier-store-market.c (market series) and dossier-store-edit.c (edits).
 * All of them reach SQLite through dossier-db.c only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-db.h"
#include "dossier-store.h"

G_BEGIN_DECLS

struct _DossierStore
{
  GObject    parent_instance;
  DossierDb *db;
  char      *language;
  gboolean   busy;      /* a job is writing on its own connection */
  guint      n_jobs;    /* running, reading or writing */
};

/* dossier-store-jobs.c */
DossierDb *_dossier_store_open_worker    (const char             *path,
                                          gboolean                read_only,
                                          GError                **error);

/* dossier-store.c */
void     _dossier_store_announce         (DossierStore           *self,
                                          const DossierDbChange  *changes,
                                          guint                   n_changes);
void     _dossier_store_set_busy         (DossierStore           *self,
                                          gboolean                busy);

/* dossier-store-exchange.c: the imports and exports on any connection */
gboolean _dossier_exchange_import_case   (DossierDb              *db,
                                          const char             *path,
                                          DossierImportFlags      flags,
                                          gint64                 *case_id,
                                          GError                **error);
gboolean _dossier_exchange_import_shares (DossierDb              *db,
                                          const char             *path,
                                          const char             *series,
                                          const char             *language,
                                          GPtrArray             **problems,
                                          guint                  *n_added,
                                          GError                **error);
gboolean _dossier_exchange_export_case   (DossierDb              *db,
                                          gint64                  case_id,
                                          const char             *path,
                                          GError                **error);
gboolean _dossier_exchange_export_shares (DossierDb              *db,
                                          gint64                  series_id,
                                          const char             *language,
                                          const char             *path,
                                          GError                **error);

G_END_DECLS
