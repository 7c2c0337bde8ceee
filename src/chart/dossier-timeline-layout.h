/* dossier-timeline-layout.h: where a timeline puts its events and their
 * labels, as a pure function of dates and measured sizes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-chart-types.h"

G_BEGIN_DECLS

/* An event as the layout sees it: the days it covers (a day-precise
 * event starts and ends on its day; a month-precise one covers the
 * month), and its label's measured width. */
typedef struct
{
  double start;        /* days since 1970-01-01 */
  double end;          /* the day after its last day */
  double label_width;
} DossierTimelineSpan;

typedef struct
{
  double from, to;     /* the days shown, left to right */
  double x, width;     /* where, in pixels */
  double lane_height;  /* a label's line */
  guint  max_lanes;    /* label rows above the axis */
  double gap;          /* between labels of one lane */
} DossierTimelineScale;

typedef struct
{
  DossierRect mark;    /* the event on the axis: a dot's box, or its span */
  DossierRect label;   /* its label, or width 0 when there was no room */
  int         lane;    /* the label's row (0 nearest the axis), or -1 */
} DossierTimelinePlace;

gboolean              dossier_timeline_span_from_date (const char                 *iso_date,
                                                       double                     *start,
                                                       double                     *end);
DossierTimelinePlace *dossier_timeline_solve          (const DossierTimelineSpan  *spans,
                                                       guint                       n_spans,
                                                       const DossierTimelineScale *scale,
                                                       double                      axis_y,
                                                       guint                      *n_hidden);
int                   dossier_timeline_hit_test       (const DossierTimelinePlace *places,
                                                       guint                       n_places,
                                                       double                      x,
                                                       double                      y);

G_END_DECLS
