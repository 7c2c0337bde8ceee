/* dossier-cli-brief.h: a case file's timeline and brief, written without
 * a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

int dossier_cli_export_timeline (const char *db_path,
                                 const char *path,
                                 const char *case_name,
                                 const char *period,
                                 int         width,
                                 int         height,
                                 int         scale);

int dossier_cli_export_brief    (const char *db_path,
                                 const char *path,
                                 const char *case_name);

G_END_DECLS
