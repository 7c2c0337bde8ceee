/* dossier-chart-shapes.h: an event's mark by its kind, and the legend of
 * the marks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "dossier-chart-content.h"
#include "dossier-chart-types.h"

G_BEGIN_DECLS

#define DOSSIER_CHART_SHAPE_SIZE 11.

void  dossier_chart_shape_path      (cairo_t                    *cr,
                                     DossierChartShape           shape,
                                     double                      cx,
                                     double                      cy,
                                     double                      size);
void  dossier_chart_draw_shape      (cairo_t                    *cr,
                                     const DossierChartStyle    *style,
                                     DossierChartShape           shape,
                                     gboolean                    expected,
                                     double                      cx,
                                     double                      cy,
                                     double                      alpha);
guint dossier_chart_timeline_legend (cairo_t                    *cr,
                                     PangoContext               *context,
                                     const PangoFontDescription *font,
                                     const DossierChartStyle    *style,
                                     double                      x0,
                                     double                      y,
                                     double                      width,
                                     double                      line,
                                     guint                       n_hidden);

G_END_DECLS
