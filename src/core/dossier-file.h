/* dossier-file.h: files written whole or not at all
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

gboolean dossier_file_replace   (const char  *path,
                                 GBytes      *bytes,
                                 GError     **error);
int           dossier_file_open_fd   (const char  *path,
                                      goffset     *size,
                                      GError     **error);
GInputStream *dossier_file_open_read (const char  *path,
                                      goffset     *size,
                                      GError     **error);
gsize         dossier_file_piece_size (void);
gboolean dossier_file_same      (const char  *a,
                                 const char  *b);

G_END_DECLS
