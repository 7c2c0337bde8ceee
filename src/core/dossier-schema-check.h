/* dossier-schema-check.h: what Dossier checks before it trusts a file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-db.h"

G_BEGIN_DECLS

gboolean dossier_schema_check_pages (DossierDb           *db,
                                     GError             **error);
gboolean dossier_schema_check_shape (DossierDb           *db,
                                     const char * const  *migrations,
                                     guint                n_migrations,
                                     GError             **error);
gboolean dossier_schema_trust        (DossierDb           *db,
                                     GError             **error);
gboolean dossier_schema_harden      (DossierDb           *db,
                                     GError             **error);

/* dossier-schema-widen.c */
gboolean dossier_schema_widen_checks (DossierDb          *db,
                                      GError            **error);
gboolean dossier_schema_retire_bundled_1 (DossierDb      *db,
                                          GError        **error);

G_END_DECLS
