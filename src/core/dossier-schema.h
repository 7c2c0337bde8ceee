/* dossier-schema.h: the database's tables, its version and its migrations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-db.h"

G_BEGIN_DECLS

/* The version this Dossier writes; see dossier-schema.c for the history. */
#define DOSSIER_SCHEMA_VERSION 8

/* Fills a database that was just created (the bundled case file). */
typedef gboolean (*DossierSchemaSeedFunc) (DossierDb  *db,
                                           gpointer    user_data,
                                           GError    **error);

gboolean dossier_schema_prepare (DossierDb              *db,
                                 DossierSchemaSeedFunc   seed,
                                 gpointer                user_data,
                                 GError                **error);

gboolean dossier_schema_create_version (DossierDb  *db,
                                        gint64      version,
                                        GError    **error);

gboolean dossier_schema_join (DossierDb  *db,
                              GError    **error);

G_END_DECLS
