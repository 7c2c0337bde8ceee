/* dossier-market-panel-private.h: the market panel's struct, shared by
 * the file that builds the panel and the one that keeps the chart titles
 * the user writes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dossier-chart.h"
#include "dossier-market-panel.h"
#include "dossier-title-popover.h"

G_BEGIN_DECLS

struct _DossierMarketPanel
{
  GtkWidget         parent_instance;

  DossierStore     *store;
  DossierSelection *selection;
  GSignalGroup     *selection_signals;
  GSignalGroup     *store_signals;
  GListModel       *series;
  char            **periods;
  char             *case_period;
  gint64            shown_case_id;

  GtkWidget        *pickers;
  GtkDropDown      *series_dropdown;
  GtkDropDown      *period_dropdown;
  GtkDropDown      *view_dropdown;
  GtkMenuButton    *title_button;
  DossierTitlePopover *title_popover;
  DossierChart     *chart;
  GSettings        *settings;
  gboolean          filling;   /* the pickers are set for a case file */
};

/* dossier-market-panel-title.c */
void  _dossier_market_panel_class_title_init (DossierMarketPanelClass *klass);
char *_dossier_market_panel_lookup_title     (DossierMarketPanel      *self);

/* dossier-market-panel-state.c */
void     _dossier_market_panel_save_state  (DossierMarketPanel  *self);
gboolean _dossier_market_panel_remembered  (DossierMarketPanel  *self,
                                            gint64               case_id,
                                            gint64              *series_id,
                                            char               **period,
                                            guint               *view);

G_END_DECLS
