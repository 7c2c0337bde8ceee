/* dossier-store-private.h: what the store's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "dossier-store.h"

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

struct _DossierStore
{
  GObject  parent_instance;
  sqlite3 *db;
  char    *path;
  char    *language;
};

gboolean      _dossier_store_check     (DossierStore  *self,
                                        int            rc,
                                        const char    *what,
                                        GError       **error);
sqlite3_stmt *_dossier_store_prepare   (DossierStore  *self,
                                        const char    *sql,
                                        GError       **error);
gboolean      _dossier_store_exec      (DossierStore  *self,
                                        const char    *sql,
                                        GError       **error);
gboolean      _dossier_store_bind_text (DossierStore  *self,
                                        sqlite3_stmt  *stmt,
                                        int            index,
                                        const char    *text,
                                        GError       **error);
gboolean      _dossier_store_bind_int  (DossierStore  *self,
                                        sqlite3_stmt  *stmt,
                                        int            index,
                                        gint64         value,
                                        GError       **error);
gboolean      _dossier_store_step_done (DossierStore  *self,
                                        sqlite3_stmt  *stmt,
                                        GError       **error);
gboolean      _dossier_store_import_json (DossierStore *self,
                                          GBytes       *json,
                                          const char   *file_name,
                                          GError      **error);

G_END_DECLS
