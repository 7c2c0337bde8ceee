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

/* What every item of a list has besides its columns. */
typedef enum
{
  DOSSIER_CASE_TEXTS       = 1 << 0,
  DOSSIER_CASE_TEXT_ALWAYS = 1 << 1,   /* "text": {} when it has none */
  DOSSIER_CASE_CITATIONS   = 1 << 2,
  DOSSIER_CASE_NOTES       = 1 << 3,
  DOSSIER_CASE_SINGLE      = 1 << 4,   /* one item, not a list of them */
} DossierCaseParts;

/* Writes what is particular to an item's kind. */
typedef gboolean (*DossierCaseMoreFunc) (DossierCaseExport  *ex,
                                         gint64              node_id,
                                         GError            **error);

gboolean _dossier_case_write_nodes        (DossierCaseExport    *ex,
                                           const char           *member,
                                           const char           *sql,
                                           gint64                id,
                                           DossierCaseParts      parts,
                                           DossierCaseMoreFunc   more,
                                           GError              **error);
gboolean _dossier_case_write_slugs        (DossierCaseExport    *ex,
                                           const char           *member,
                                           const char           *sql,
                                           gint64                id,
                                           GError              **error);
gboolean _dossier_case_write_participants (DossierCaseExport    *ex,
                                           gint64                case_id,
                                           GError              **error);
gboolean _dossier_case_write_series       (DossierCaseExport    *ex,
                                           GError              **error);

G_END_DECLS
