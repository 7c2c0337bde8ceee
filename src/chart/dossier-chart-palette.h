/* dossier-chart-palette.h: the colours that tell organizations apart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "dossier-chart-types.h"

G_BEGIN_DECLS

/* WCAG 2.1 AA: 3:1 for marks (1.4.11), 4.5:1 for text (1.4.3). */
#define DOSSIER_CHART_CONTRAST_MARKS 3.
#define DOSSIER_CHART_CONTRAST_TEXT  4.5

guint   dossier_chart_palette_size          (void);
double  dossier_chart_contrast_ratio        (const double             a[4],
                                             const double             b[4]);
void    dossier_chart_series_color          (const DossierChartStyle *style,
                                             guint                    rank,
                                             double                   contrast,
                                             double                   rgba[4]);
void    dossier_chart_set_series_color      (cairo_t                 *cr,
                                             const DossierChartStyle *style,
                                             guint                    rank,
                                             double                   alpha);
void    dossier_chart_set_series_text_color (cairo_t                 *cr,
                                             const DossierChartStyle *style,
                                             guint                    rank,
                                             double                   alpha);
void    dossier_chart_set_series_dash       (cairo_t                 *cr,
                                             guint                    rank);
void    dossier_chart_fill_series           (cairo_t                 *cr,
                                             const DossierChartStyle *style,
                                             guint                    rank,
                                             double                   alpha);

G_END_DECLS
