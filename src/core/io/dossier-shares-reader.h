/* dossier-shares-reader.h: market shares from a CSV file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-db.h"

G_BEGIN_DECLS

gboolean dossier_shares_reader_import (DossierDb   *db,
                                       GBytes      *csv,
                                       const char  *path,
                                       const char  *file_name,
                                       const char  *series,
                                       const char  *language,
                                       GPtrArray  **problems,
                                       guint       *n_added,
                                       GError     **error);

G_END_DECLS
