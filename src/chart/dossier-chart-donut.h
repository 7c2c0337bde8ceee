/* dossier-chart-donut.h: the shares of one period as a ring
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-chart-view.h"

G_BEGIN_DECLS

/* Sizes measured from the text, the only input of the donut's layout. */
typedef struct
{
  DossierChartFrameMetrics frame;
  double        legend_width;   /* the widest legend line: swatch, name, value */
  guint         n_items;
  const double *percents;
} DossierChartDonutMetrics;

/* The frame's layout, whose items are the slices (the box around each,
 * and its legend line), then what only the donut has. */
typedef struct
{
  DossierChartLayout  parent;
  double              cx, cy;         /* the ring's centre */
  double              outer, inner;   /* its radii */
  double             *start;          /* each slice's angles, clockwise from */
  double             *end;            /* twelve o'clock, in radians */
  double              rest_start;     /* what the figures leave unnamed */
  DossierRect        *legend;         /* each item's line in the legend */
  DossierRect         rest_legend;    /* the unnamed rest's, if any */
} DossierChartDonutLayout;

const DossierChartView  *dossier_chart_donut_get_view (void);
DossierChartDonutLayout *dossier_chart_donut_solve    (const DossierChartDonutMetrics *metrics);

static inline void
dossier_chart_donut_layout_free (DossierChartDonutLayout *layout)
{
  dossier_chart_layout_free ((DossierChartLayout *) layout);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierChartDonutLayout, dossier_chart_donut_layout_free)

G_END_DECLS
