/* dossier-chart-timeline.h: a case file's events on a time axis, a view of
 * the chart interface
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-chart-view.h"
#include "dossier-timeline-layout.h"

G_BEGIN_DECLS

const DossierChartView     *dossier_chart_timeline_get_view       (void);
double                      dossier_chart_timeline_day_at         (const DossierChartContent *content,
                                                                   const DossierChartLayout  *layout,
                                                                   double                     x);
double                      dossier_chart_timeline_get_plot_width (const DossierChartLayout  *layout);
guint                       dossier_chart_timeline_get_n_hidden   (const DossierChartLayout  *layout);
const DossierTimelinePlace *dossier_chart_timeline_get_place      (const DossierChartLayout  *layout,
                                                                   guint                      index);

G_END_DECLS
