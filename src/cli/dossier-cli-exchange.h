/* dossier-cli-exchange.h: case files and market shares in and out, from
 * the command line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-store.h"

G_BEGIN_DECLS

gint64 dossier_cli_find_case     (DossierStore  *store,
                                  const char    *name,
                                  GError       **error);
gint64 dossier_cli_find_series   (DossierStore  *store,
                                  const char    *slug,
                                  GError       **error);
int dossier_cli_import_shares (const char *db_path,
                               const char *path,
                               const char *series);
int dossier_cli_export_shares (const char *db_path,
                               const char *path,
                               const char *series);
int dossier_cli_export_case (const char *db_path,
                             const char *which,
                             const char *path);
int dossier_cli_import_case (const char *db_path,
                             const char *path,
                             gboolean    as_copy);

G_END_DECLS
