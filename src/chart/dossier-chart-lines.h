/* dossier-chart-lines.h: shares over time, one line per organization
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-chart-view.h"

G_BEGIN_DECLS

/* Sizes measured from the text, the only input of the lines' layout. */
typedef struct
{
  DossierChartFrameMetrics frame;
  double        axis_label_width;   /* the widest percentage on the y axis */
  double        end_label_width;    /* the widest name at a line's end */
  guint         n_items;
  guint         n_periods;
  const double *positions;          /* each period's place in time */
  const double *values;             /* n_items × n_periods, NAN unknown */
  const guint  *colours;            /* each item's colour, the same in every period */
  guint         n_breaks;
  const double *break_positions;    /* each break's place in time */
  const int    *break_items;        /* the item it concerns, or -1 for all */
} DossierChartLinesMetrics;

/* The frame's layout, whose items are the lines (the box around each), then
 * what only lines have. */
typedef struct
{
  DossierChartLayout  parent;
  DossierRect         plot;
  double              axis_max;
  double              axis_step;
  guint               n_periods;
  double             *x;            /* n_periods */
  double             *y;            /* n_items × n_periods, NAN unknown */
  double             *label_y;      /* each line's name at its end, apart */
  double             *label_x;
  guint              *colours;
  guint               n_breaks;
  double             *break_x;      /* each break's mark */
  double             *break_y;
  double             *tick_x;       /* each period's label, as many as fit
                                     * without touching; NAN for the others
                                     * (lines_lay_out) */
} DossierChartLinesLayout;

const DossierChartView  *dossier_chart_lines_get_view (void);
DossierChartLinesLayout *dossier_chart_lines_solve    (const DossierChartLinesMetrics *metrics);

static inline void
dossier_chart_lines_layout_free (DossierChartLinesLayout *layout)
{
  dossier_chart_layout_free ((DossierChartLayout *) layout);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierChartLinesLayout, dossier_chart_lines_layout_free)

G_END_DECLS
