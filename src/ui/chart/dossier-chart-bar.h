/* dossier-chart-bar.h: one bar of the chart, as seen by the keyboard and by
 * screen readers (GTK 4.8 has no custom accessible objects)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define DOSSIER_TYPE_CHART_BAR (dossier_chart_bar_get_type ())

G_DECLARE_FINAL_TYPE (DossierChartBar, dossier_chart_bar, DOSSIER, CHART_BAR, GtkWidget)

GtkWidget *dossier_chart_bar_new          (guint            index,
                                           const char      *label);
guint      dossier_chart_bar_get_index    (DossierChartBar *self);
gboolean   dossier_chart_bar_get_selected (DossierChartBar *self);
void       dossier_chart_bar_set_selected (DossierChartBar *self,
                                           gboolean         selected);

G_END_DECLS
