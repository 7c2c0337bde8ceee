/* dossier-case-reader.h: reads a case file in Dossier's JSON format
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-db.h"

G_BEGIN_DECLS

gboolean dossier_case_reader_import (DossierDb          *db,
                                     GBytes             *json,
                                     const char         *path,
                                     const char         *file_name,
                                     DossierImportFlags  flags,
                                     gint64             *case_id,
                                     GError            **error);

G_END_DECLS
