/* dossier-shares-writer.h: market shares to a CSV file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-db.h"

G_BEGIN_DECLS

GBytes *dossier_shares_writer_write (DossierDb   *db,
                                     gint64       series_id,
                                     const char  *language,
                                     GError     **error);

G_END_DECLS
