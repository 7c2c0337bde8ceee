/* dossier-cli-exchange.h: case files and market shares in and out, from
 * the command line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

int dossier_cli_export_case (const char *db_path,
                             const char *which,
                             const char *path);
int dossier_cli_import_case (const char *db_path,
                             const char *path,
                             gboolean    as_copy);

G_END_DECLS
