/* dossier-search-panel.h: the window's search: an entry and its results
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dossier-search-hit.h"
#include "dossier-types.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_SEARCH_PANEL (dossier_search_panel_get_type ())
G_DECLARE_FINAL_TYPE (DossierSearchPanel, dossier_search_panel, DOSSIER, SEARCH_PANEL, GtkWidget)

GtkWidget *dossier_search_panel_new         (void);
void       dossier_search_panel_set_store   (DossierSearchPanel *self,
                                             DossierStore       *store);
GtkWidget *dossier_search_panel_get_entry   (DossierSearchPanel *self);
guint      dossier_search_panel_get_n_results (DossierSearchPanel *self);
void       dossier_search_panel_search_now  (DossierSearchPanel *self);
DossierSearchHit *dossier_search_panel_get_chosen (DossierSearchPanel *self);

G_END_DECLS
