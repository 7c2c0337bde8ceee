/* dossier-detail-pane.h: the page of what is selected
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dossier-types.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_DETAIL_PANE (dossier_detail_pane_get_type ())

G_DECLARE_FINAL_TYPE (DossierDetailPane, dossier_detail_pane, DOSSIER, DETAIL_PANE, GtkWidget)

void dossier_detail_pane_set_store     (DossierDetailPane *self,
                                        DossierStore      *store);
void dossier_detail_pane_set_selection (DossierDetailPane *self,
                                        DossierSelection  *selection);
const char *dossier_detail_pane_get_heading   (DossierDetailPane *self);
const char *dossier_detail_pane_get_summary   (DossierDetailPane *self);

G_END_DECLS
