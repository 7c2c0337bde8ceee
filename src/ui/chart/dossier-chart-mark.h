/* dossier-chart-mark.h: one item of a chart (a bar, and later an arc or a
 * point), as seen by the keyboard and by screen readers (GTK 4.8 has no
 * custom accessible objects)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define DOSSIER_TYPE_CHART_MARK (dossier_chart_mark_get_type ())

G_DECLARE_FINAL_TYPE (DossierChartMark, dossier_chart_mark, DOSSIER, CHART_MARK, GtkWidget)

GtkWidget *dossier_chart_mark_new          (guint             index,
                                            const char       *label);
guint      dossier_chart_mark_get_index    (DossierChartMark *self);
gboolean   dossier_chart_mark_get_selected (DossierChartMark *self);
void       dossier_chart_mark_set_selected (DossierChartMark *self,
                                            gboolean          selected);

G_END_DECLS
