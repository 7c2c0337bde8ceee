/* dossier-case-writer.h: writes case files in Dossier's JSON format
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-db.h"

G_BEGIN_DECLS

/* The version written; the reader knows 1 and 2 (docs/case-format.md). */
#define DOSSIER_CASE_FORMAT_VERSION 2

GBytes *dossier_case_writer_write (DossierDb  *db,
                                   gint64      case_id,
                                   GError    **error);

G_END_DECLS
