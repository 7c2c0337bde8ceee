/* dossier-chart-bars.h: the horizontal bar view of a chart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-chart-view.h"

G_BEGIN_DECLS

/* Sizes measured from the text, the only input of the bars' layout. */
typedef struct
{
  DossierChartFrameMetrics frame;
  double        label_width;
  double        value_width;
  guint         n_items;
  const double *percents;
  double        scale_max;      /* the scale reaches at least this, or 0 */
} DossierChartBarsMetrics;

/* The frame's layout, whose items are the rows (name, bar and value), then
 * what only bars have. */
typedef struct
{
  DossierChartLayout  parent;
  DossierRect         plot;
  double              axis_max;
  double              axis_step;
  double              label_x;
  DossierRect        *bars;
} DossierChartBarsLayout;

const DossierChartView *dossier_chart_bars_get_view (void);
DossierChartBarsLayout *dossier_chart_bars_solve    (const DossierChartBarsMetrics *metrics);

static inline void
dossier_chart_bars_layout_free (DossierChartBarsLayout *layout)
{
  dossier_chart_layout_free ((DossierChartLayout *) layout);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierChartBarsLayout, dossier_chart_bars_layout_free)

G_END_DECLS
