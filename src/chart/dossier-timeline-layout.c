/* dossier-timeline-layout.c
 *
 * The layout of a timeline, the first part of its view (issue 11): each
 * event's mark on the axis, a dot for a day and a bar for a month or a
 * year, so that the precision of a date can be seen; and each label in a
 * row above the axis, the nearest row where it touches no other label.
 * When a dense stretch (the week of 13 to 24 January 2020, or five
 * hundred events in a month) has more labels than rows, the labels left
 * over are not drawn, never drawn over one another: zooming in gives
 * them room. A pure function of dates and measured widths, tested
 * without a display.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-chart"

#include "config.h"

#include "dossier-period.h"
#include "dossier-timeline-layout.h"

/* A dot's box, in pixels: what the pointer finds. */
#define DOT 8.

static double
days_of (int year,
         int month,
         int day)
{
  g_autoptr(GDateTime) date = g_date_time_new_utc (year, month, day, 0, 0, 0);

  return date != NULL ? g_date_time_to_unix (date) / 86400. : 0.;
}

/**
 * dossier_timeline_span_from_date:
 * @iso_date: "YYYY-MM-DD", "YYYY-MM" or "YYYY"
 * @start: (out): its first day, in days since 1970-01-01
 * @end: (out): the day after its last
 *
 * Returns: whether @iso_date is a date
 */
gboolean
dossier_timeline_span_from_date (const char *iso_date,
                                 double     *start,
                                 double     *end)
{
  int year = 0, month = 0, day = 0;

  if (iso_date == NULL || !dossier_date_parse (iso_date, &year, &month, &day))
    return FALSE;

  if (month == 0)
    {
      *start = days_of (year, 1, 1);
      *end = days_of (year + 1, 1, 1);
    }
  else if (day == 0)
    {
      *start = days_of (year, month, 1);
      *end = month == 12 ? days_of (year + 1, 1, 1) : days_of (year, month + 1, 1);
    }
  else
    {
      *start = days_of (year, month, day);
      *end = *start + 1.;
    }
  return TRUE;
}

static double
x_of (const DossierTimelineScale *scale,
      double                      days)
{
  double range = scale->to - scale->from;

  return scale->x + (range > 0. ? scale->width * (days - scale->from) / range : scale->width / 2.);
}

/* Spans by where they start, then by length, for the lanes. */
static int
by_start (gconstpointer a,
          gconstpointer b,
          gpointer      data)
{
  const DossierTimelineSpan *spans = data;
  const DossierTimelineSpan *x = &spans[*(const guint *) a];
  const DossierTimelineSpan *y = &spans[*(const guint *) b];

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end < y->end ? -1 : 1;
  return (int) *(const guint *) a - (int) *(const guint *) b;
}

/**
 * dossier_timeline_solve:
 * @axis_y: where the axis runs; labels go in rows above it
 * @n_hidden: (out) (optional): how many labels of events in the days
 *   shown found no room
 *
 * Returns: (transfer full): one place per span, in the order of @spans
 */
DossierTimelinePlace *
dossier_timeline_solve (const DossierTimelineSpan  *spans,
                        guint                       n_spans,
                        const DossierTimelineScale *scale,
                        double                      axis_y,
                        guint                      *n_hidden)
{
  DossierTimelinePlace *places = g_new0 (DossierTimelinePlace, MAX (1, n_spans));
  g_autofree guint *order = g_new (guint, MAX (1, n_spans));
  g_autofree double *lane_end = g_new (double, MAX (1, scale->max_lanes));
  guint hidden = 0;

  for (guint i = 0; i < n_spans; i++)
    order[i] = i;
  g_qsort_with_data (order, n_spans, sizeof *order, by_start, (gpointer) spans);
  for (guint l = 0; l < scale->max_lanes; l++)
    lane_end[l] = -G_MAXDOUBLE;

  for (guint k = 0; k < n_spans; k++)
    {
      guint i = order[k];
      const DossierTimelineSpan *span = &spans[i];
      DossierTimelinePlace *place = &places[i];
      double x0 = x_of (scale, span->start), x1 = x_of (scale, span->end);
      double label_x;

      /* A day is a dot, however far zoomed in; a month or a year, the
       * stretch it covers. */
      if (x1 - x0 < DOT || span->end - span->start <= 1.)
        place->mark = (DossierRect) { (x0 + x1) / 2. - DOT / 2., axis_y - DOT / 2., DOT, DOT };
      else
        place->mark = (DossierRect) { x0, axis_y - DOT / 2., x1 - x0, DOT };

      /* Out of the days shown (zoomed in): no label. */
      if (span->end <= scale->from || span->start >= scale->to)
        {
          place->lane = -1;
          place->label = (DossierRect) { place->mark.x, axis_y, 0., 0. };
          continue;
        }

      /* The label starts where its event does (or ends at the right
       * edge, for the last ones), in the nearest free row. */
      label_x = MAX (scale->x, MIN (place->mark.x, scale->x + scale->width - span->label_width));
      place->lane = -1;
      for (guint l = 0; l < scale->max_lanes; l++)
        if (lane_end[l] + scale->gap <= label_x)
          {
            place->lane = (int) l;
            lane_end[l] = label_x + span->label_width;
            place->label = (DossierRect) { label_x, axis_y - DOT - (l + 1) * scale->lane_height,
                                           MIN (span->label_width, scale->width), scale->lane_height };
            break;
          }
      if (place->lane < 0)
        {
          hidden++;
          place->label = (DossierRect) { place->mark.x, axis_y, 0., 0. };
        }
    }

  if (n_hidden != NULL)
    *n_hidden = hidden;
  return places;
}

/**
 * dossier_timeline_hit_test:
 *
 * Returns: the event whose mark or label is at @x, @y (the last drawn,
 *   on top, when marks meet), or -1
 */
int
dossier_timeline_hit_test (const DossierTimelinePlace *places,
                           guint                       n_places,
                           double                      x,
                           double                      y)
{
  for (guint k = n_places; k > 0; k--)
    {
      const DossierTimelinePlace *p = &places[k - 1];
      const DossierRect *rects[] = { &p->mark, &p->label };

      for (guint r = 0; r < G_N_ELEMENTS (rects); r++)
        if (rects[r]->width > 0. && x >= rects[r]->x && x < rects[r]->x + rects[r]->width &&
            y >= rects[r]->y && y < rects[r]->y + rects[r]->height)
          return (int) (k - 1);
    }
  return -1;
}
