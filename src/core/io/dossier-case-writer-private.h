/* dossier-case-writer-private.h: what the parts of the case writer share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-db.h"
#include "dossier-json-writer.h"

G_BEGIN_DECLS

typedef struct
{
  DossierDb         *db;
  DossierJsonWriter *json;
} DossierCaseExport;

gboolean _dossier_case_write_texts      (DossierCaseExport  *ex,
                                         gint64              node_id,
                                         gboolean            always,
                                         GError            **error);
gboolean _dossier_case_write_citations  (DossierCaseExport  *ex,
                                         gint64              node_id,
                                         GError            **error);
gboolean _dossier_case_write_notes      (DossierCaseExport  *ex,
                                         gint64              node_id,
                                         gint64              series_id,
                                         GError            **error);
gboolean _dossier_case_write_series     (DossierCaseExport  *ex,
                                         GError            **error);
gboolean _dossier_case_write_case_parts (DossierCaseExport  *ex,
                                         gint64              case_id,
                                         GError            **error);

G_END_DECLS
