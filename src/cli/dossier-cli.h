/* dossier-cli.h: the options that run without a window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

void                dossier_cli_add_options        (GApplication *app);
int                 dossier_cli_read_db            (GVariantDict *options,
                                                    char        **db_path);
int                 dossier_cli_handle_options     (GVariantDict *options,
                                                    const char   *db_path);
gboolean            dossier_cli_is_headless        (int           argc,
                                                    char        **argv);
int                 dossier_cli_run                (int           argc,
                                                    char        **argv);

G_END_DECLS
