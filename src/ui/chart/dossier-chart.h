/* dossier-chart.h: the market-share chart widget
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dossier-chart-types.h"
#include "dossier-types.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_CHART (dossier_chart_get_type ())

G_DECLARE_FINAL_TYPE (DossierChart, dossier_chart, DOSSIER, CHART, GtkWidget)

GtkWidget              *dossier_chart_new             (void);
void                    dossier_chart_set_content     (DossierChart           *self,
                                                       DossierChartContent    *content);
const DossierChartView *dossier_chart_get_view        (DossierChart           *self);
void                    dossier_chart_set_view        (DossierChart           *self,
                                                       const DossierChartView *view);
DossierSelection       *dossier_chart_get_selection   (DossierChart           *self);
void                    dossier_chart_set_selection   (DossierChart           *self,
                                                       DossierSelection       *selection);
int                     dossier_chart_get_highlighted (DossierChart           *self);
guint                   dossier_chart_get_n_items     (DossierChart           *self);
GtkWidget              *dossier_chart_get_item        (DossierChart           *self,
                                                       guint                   index);
gboolean                dossier_chart_activate_at     (DossierChart           *self,
                                                       double                  x,
                                                       double                  y);
const char             *dossier_chart_get_title       (DossierChart           *self);
const DossierChartContent *dossier_chart_get_content  (DossierChart           *self);
const char             *dossier_chart_get_default_title (DossierChart         *self);
void                    dossier_chart_set_title       (DossierChart           *self,
                                                       const char             *title);
gboolean                dossier_chart_export          (DossierChart           *self,
                                                       const char             *path,
                                                       GError                **error);

G_END_DECLS
