/* dossier-market-panel.h: the market-share chart with its series and
 * period pickers, following the store and the shared selection by itself
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dossier-types.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_MARKET_PANEL (dossier_market_panel_get_type ())

G_DECLARE_FINAL_TYPE (DossierMarketPanel, dossier_market_panel, DOSSIER, MARKET_PANEL, GtkWidget)

GtkWidget        *dossier_market_panel_new           (void);
DossierStore     *dossier_market_panel_get_store     (DossierMarketPanel *self);
void              dossier_market_panel_set_store     (DossierMarketPanel *self,
                                                      DossierStore       *store);
DossierSelection *dossier_market_panel_get_selection (DossierMarketPanel *self);
void              dossier_market_panel_set_selection (DossierMarketPanel *self,
                                                      DossierSelection   *selection);
GtkWidget        *dossier_market_panel_get_chart     (DossierMarketPanel *self);

G_END_DECLS
