/* dossier-history.h: the undo history, kept in the database itself
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-db.h"

G_BEGIN_DECLS

gboolean dossier_history_record (DossierDb      *db,
                                 const char     *action,
                                 DossierDbFunc   func,
                                 gpointer        user_data,
                                 GError        **error);
gboolean dossier_history_checkpoint (DossierDb  *db,
                                     GError    **error);
gboolean dossier_history_step   (DossierDb      *db,
                                 gboolean        redo,
                                 GError        **error);
gboolean dossier_history_is_long (DossierDb     *db,
                                  gboolean       redo,
                                  gboolean      *is_long,
                                  GError       **error);
gboolean dossier_history_peek   (DossierDb      *db,
                                 gboolean        redo,
                                 char          **action,
                                 GError        **error);

G_END_DECLS
