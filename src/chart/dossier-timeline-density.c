/* dossier-timeline-density.c
 *
 * A case file of a million events on a timeline 1,280 pixels wide: each
 * bar counts the events of a day, a week, a month, a quarter or a year,
 * the shortest that keeps bars at least MIN_BAR pixels apart, on calendar
 * boundaries. The bars are computed when the days shown or the size
 * change (dossier_timeline_bars_new(), from the layout), from the counts
 * a day the content holds, never from the events; a frame only paints
 * them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "dossier-chart-content.h"
#include "dossier-chart-view.h"
#include "dossier-format.h"
#include "dossier-timeline-density.h"

#define MIN_BAR 4.
/* 1970-01-01 in GLib's Julian days (0001-01-01 is day 1). */
#define EPOCH 719163

typedef enum { UNIT_DAY, UNIT_WEEK, UNIT_MONTH, UNIT_QUARTER, UNIT_YEAR } Unit;

typedef struct
{
  double  start, end;   /* days */
  guint64 count;
  DossierRect area;
} Bar;

struct _DossierTimelineBars
{
  Unit    unit;
  GArray *bars;         /* Bar, oldest first, only those shown */
  guint64 max;
  DossierRect plot;
  double  axis_y;
};

static const double unit_days[] = { 1., 7., 30.44, 91.31, 365.25 };

/* The bin of @day in @unit: its first day and the day after its last. */
static void
bin_of (Unit    unit,
        double  day,
        double *start,
        double *end)
{
  GDate date;
  gint64 d = (gint64) floor (day);
  if (unit == UNIT_DAY)
    {
      *start = d, *end = d + 1;
      return;
    }
  if (unit == UNIT_WEEK)
    {
      /* Weeks from Monday: 1970-01-01 was a Thursday. */
      gint64 monday = d - ((d + 3) % 7 + 7) % 7;

      *start = monday, *end = monday + 7;
      return;
    }

  g_date_clear (&date, 1);
  g_date_set_julian (&date, (guint32) (d + EPOCH));
  {
    GDateYear year = g_date_get_year (&date);
    int month = g_date_get_month (&date);
    int first_month = unit == UNIT_YEAR ? 1 : unit == UNIT_QUARTER ? 1 + (month - 1) / 3 * 3 : month;
    int months = unit == UNIT_YEAR ? 12 : unit == UNIT_QUARTER ? 3 : 1;
    GDate from, to;

    g_date_clear (&from, 1);
    g_date_set_dmy (&from, 1, first_month, year);
    to = from;
    g_date_add_months (&to, months);
    *start = (double) g_date_get_julian (&from) - EPOCH;
    *end = (double) g_date_get_julian (&to) - EPOCH;
  }
}

/**
 * dossier_timeline_bars_new:
 * @plot: where the days shown go, across; the largest bar rises to its
 *   top, under a line of text that says what a bar counts
 * @axis_y: the axis the bars stand on
 *
 * Returns: (transfer full): the bars of @content's density at its zoom
 */
DossierTimelineBars *
dossier_timeline_bars_new (const DossierChartContent *content,
                           const DossierRect         *plot,
                           double                     axis_y)
{
  DossierTimelineBars *self = g_new0 (DossierTimelineBars, 1);
  double days_per_pixel = (content->to - content->from) / MAX (1., plot->width);
  double scale = plot->width / MAX (1e-6, content->to - content->from);
  guint i = 0, n = content->density ? content->density->len : 0;
  const DossierChartDensity *days = n ? (const DossierChartDensity *) (gpointer) content->density->data : NULL;

  self->plot = *plot;
  self->axis_y = axis_y;
  self->bars = g_array_new (FALSE, TRUE, sizeof (Bar));
  self->unit = UNIT_YEAR;
  for (Unit u = UNIT_DAY; u < UNIT_YEAR; u++)
    if (unit_days[u] / days_per_pixel >= MIN_BAR)
      {
        self->unit = u;
        break;
      }

  /* The days before those shown are passed over by halves. */
  {
    guint lo = 0, hi = n;

    while (lo < hi)
      {
        guint mid = (lo + hi) / 2;

        if (days[mid].end <= content->from - 366.)
          lo = mid + 1;
        else
          hi = mid;
      }
    i = lo;
  }
  for (; i < n && days[i].start < content->to; i++)
    {
      double start, end;
      Bar *last = self->bars->len ? &g_array_index (self->bars, Bar, self->bars->len - 1) : NULL;

      bin_of (self->unit, days[i].start, &start, &end);
      if (end <= content->from)
        continue;
      if (last != NULL && last->start == start)
        last->count += days[i].count;
      else
        g_array_append_val (self->bars, ((Bar) { start, end, days[i].count, { 0 } }));
    }

  for (guint k = 0; k < self->bars->len; k++)
    self->max = MAX (self->max, g_array_index (self->bars, Bar, k).count);
  for (guint k = 0; k < self->bars->len; k++)
    {
      Bar *bar = &g_array_index (self->bars, Bar, k);
      /* A bar of days partly shown is cut at the plot's edges. */
      double x0 = MAX (plot->x, plot->x + (bar->start - content->from) * scale);
      double x1 = MIN (plot->x + plot->width, plot->x + (bar->end - content->from) * scale);
      double height = (axis_y - plot->y) * (double) bar->count / MAX (1., (double) self->max);

      /* A pixel between bars, and at least one high for a single event. */
      bar->area = (DossierRect) { x0, axis_y - MAX (1., height), MAX (1., x1 - x0 - 1.), MAX (1., height) };
    }
  return self;
}

void
dossier_timeline_bars_free (DossierTimelineBars *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->bars);
  g_free (self);
}

static const char *
unit_caption (Unit unit)
{
  switch (unit)
    {
    /* Translators: above a timeline of too many events to show each */
    case UNIT_DAY: return _("Events a day, counted: too many in this case file to show each one");
    case UNIT_WEEK: return _("Events a week, counted: too many in this case file to show each one");
    case UNIT_MONTH: return _("Events a month, counted: too many in this case file to show each one");
    case UNIT_QUARTER: return _("Events a quarter, counted: too many in this case file to show each one");
    case UNIT_YEAR:
    default: return _("Events a year, counted: too many in this case file to show each one");
    }
}

void
dossier_timeline_bars_draw (cairo_t                   *cr,
                            PangoContext              *context,
                            const DossierTimelineBars *self,
                            const DossierChartStyle   *style,
                            double                     line_height)
{
  g_autoptr(PangoLayout) caption = dossier_chart_text_new (context, style->font, unit_caption (self->unit), 0.9, FALSE, -1);
  g_autofree char *most = dossier_format_count (self->max);
  g_autoptr(PangoLayout) top = dossier_chart_text_new (context, style->font, most, 0.8, FALSE, -1);
  /* The caption gives way to the largest count after it, in a narrow
   * chart: both stay within the plot. */
  double room = self->plot.width - (self->max > 0 ? dossier_chart_text_width (top) + 12. : 0.);

  if (dossier_chart_text_width (caption) > room)
    {
      pango_layout_set_width (caption, (int) (MAX (room, 1.) * PANGO_SCALE));
      pango_layout_set_ellipsize (caption, PANGO_ELLIPSIZE_END);
    }

  dossier_chart_set_color (cr, style->foreground, 0.75);
  dossier_chart_text_show (cr, caption, self->plot.x, self->plot.y - line_height * 1.4);

  /* The largest bar's count, on a faint line at its height. */
  if (self->max > 0)
    {
      double y = self->plot.y;

      dossier_chart_set_color (cr, style->foreground, 0.15);
      cairo_set_line_width (cr, 1.);
      cairo_move_to (cr, self->plot.x, round (y) + .5);
      cairo_line_to (cr, self->plot.x + self->plot.width, round (y) + .5);
      cairo_stroke (cr);
      dossier_chart_set_color (cr, style->foreground, 0.6);
      dossier_chart_text_show (cr, top, self->plot.x + dossier_chart_text_width (caption) + 12.,
                               y - dossier_chart_text_height (top) - 1.);
    }

  dossier_chart_set_color (cr, style->accent, 0.85);
  for (guint k = 0; k < self->bars->len; k++)
    {
      const Bar *bar = &g_array_index (self->bars, Bar, k);

      cairo_rectangle (cr, bar->area.x, bar->area.y, bar->area.width, bar->area.height);
    }
  cairo_fill (cr);
}

/**
 * dossier_timeline_bars_tooltip:
 *
 * Returns: (transfer full) (nullable): "342 events, March 2020" for the
 *   bar at @x, @y
 */
char *
dossier_timeline_bars_tooltip (const DossierTimelineBars *self,
                               double                     x,
                               double                     y)
{
  for (guint k = 0; self != NULL && k < self->bars->len; k++)
    {
      const Bar *bar = &g_array_index (self->bars, Bar, k);

      if (x >= bar->area.x && x < bar->area.x + bar->area.width + 1. && y >= self->plot.y && y <= self->axis_y)
        {
          g_autoptr(GDateTime) first = g_date_time_new_from_unix_utc ((gint64) bar->start * 86400);
          g_autoptr(GDateTime) last = g_date_time_new_from_unix_utc ((gint64) (bar->end - 1.) * 86400);
          g_autofree char *a = g_date_time_format (first, "%Y-%m-%d");
          g_autofree char *b = g_date_time_format (last, "%Y-%m-%d");
          g_autofree char *from = dossier_format_date (a);
          g_autofree char *to = dossier_format_date (b);

          g_autofree char *count = dossier_format_count (bar->count);
          gulong plural = (gulong) MIN (bar->count, G_MAXULONG);

          if (bar->end - bar->start <= 1.)
            /* Translators: a timeline's bar of events on one day: "342
             * events, March 5, 2020" */
            return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s event, %s", "%s events, %s", plural),
                                    count, from);
          /* Translators: a timeline's bar: "342 events, March 1, 2020 to
           * March 31, 2020" */
          return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s event, %s to %s", "%s events, %s to %s", plural),
                                  count, from, to);
        }
    }
  return NULL;
}
