/* dossier-timeline-density.h: a timeline of more events than it can show
 * one by one, drawn as how many there are a day, week, month, quarter or
 * year, whichever keeps bars a few pixels wide at the zoom shown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "dossier-chart-types.h"

G_BEGIN_DECLS

typedef struct _DossierTimelineBars DossierTimelineBars;

DossierTimelineBars *dossier_timeline_bars_new     (const DossierChartContent *content,
                                                    const DossierRect         *plot,
                                                    double                     axis_y);
void                 dossier_timeline_bars_free    (DossierTimelineBars       *bars);
void                 dossier_timeline_bars_draw    (cairo_t                   *cr,
                                                    PangoContext              *context,
                                                    const DossierTimelineBars *bars,
                                                    const DossierChartStyle   *style,
                                                    double                     line_height);
char                *dossier_timeline_bars_tooltip (const DossierTimelineBars *bars,
                                                    double                     x,
                                                    double                     y);

G_END_DECLS
