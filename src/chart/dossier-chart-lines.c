/* dossier-chart-lines.c
 *
 * Shares over time: one line per organization across every period of the
 * series, on one scale from 0, with a gap where the series gives no value
 * (never a zero), the selected period marked by a vertical rule, and each
 * line's name at its last value, moved apart so that no two overlap.
 * Colours come from the Okabe-Ito palette (dossier_chart_set_series_color()),
 * told apart by colour-blind readers; the selected organization's line is drawn thicker, over the
 * others. A line (its points) is an item: what a click, the pointer and a
 * screen reader find.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "dossier-chart-content.h"
#include "dossier-chart-lines.h"
#include "dossier-chart-palette.h"
#include "dossier-format.h"
#include "dossier-period.h"

#define GAP DOSSIER_CHART_GAP
#define HIT_DISTANCE 8.
#define BREAK_RADIUS 5.

static void
lines_measure (const DossierChartContent *content,
               double                     line_height,
               double                    *request,
               double                    *keep)
{
  guint n = MAX (dossier_chart_content_get_n_items (content), 1);

  /* A plot at least as tall as the names at the lines' ends, and the axis
   * labels under it. */
  *request = MAX (12 * line_height, (n + 2) * line_height * 1.2);
  *keep = MAX (8 * line_height, (n + 2) * line_height);
}

/**
 * dossier_chart_lines_solve:
 *
 * Places the frame, the plot between the y axis's labels and the names at
 * the lines' ends, each period along x by its place in time (a year
 * standing at its middle), each value along y, and the names apart. A
 * pure function of its metrics.
 *
 * Returns: (transfer full): the layout
 */
DossierChartLinesLayout *
dossier_chart_lines_solve (const DossierChartLinesMetrics *m)
{
  DossierChartLinesLayout *self = g_new0 (DossierChartLinesLayout, 1);
  DossierChartLayout *layout = &self->parent;
  double max = 0., first = 0., last = 0., left, right, top, bottom;
  g_autofree guint *order = NULL;

  g_return_val_if_fail (m != NULL, self);

  dossier_chart_frame_solve (&m->frame, dossier_chart_lines_get_view (), m->n_items, layout);
  self->n_periods = m->n_periods;
  self->x = g_new0 (double, MAX (1, m->n_periods));
  self->y = g_new0 (double, MAX (1, m->n_items * m->n_periods));
  self->label_x = g_new0 (double, MAX (1, m->n_items));
  self->label_y = g_new0 (double, MAX (1, m->n_items));
  self->colours = g_new0 (guint, MAX (1, m->n_items));
  for (guint i = 0; i < m->n_items; i++)
    self->colours[i] = m->colours != NULL ? m->colours[i] : i;

  for (guint i = 0; i < m->n_items * m->n_periods; i++)
    if (!isnan (m->values[i]))
      max = MAX (max, m->values[i]);
  self->axis_max = dossier_chart_nice_axis_max (max);
  self->axis_step = self->axis_max > 60. ? 20. : 10.;

  left = layout->body.x + m->axis_label_width + GAP;
  right = layout->body.x + layout->body.width - MIN (m->end_label_width, layout->body.width * 0.35) - GAP;
  right = MAX (left + 1., right);
  top = layout->body.y + m->frame.line_height / 2.;
  /* The periods' labels take a line under the plot. */
  bottom = MAX (top + 1., layout->body.y + layout->body.height - m->frame.line_height - GAP / 2);
  self->plot = (DossierRect) { left, top, right - left, bottom - top };

  if (m->n_periods > 0)
    {
      first = m->positions[0];
      last = m->positions[m->n_periods - 1];
    }
  for (guint p = 0; p < m->n_periods; p++)
    self->x[p] = last > first ? left + (right - left) * (m->positions[p] - first) / (last - first)
                              : left + (right - left) / 2.;

  for (guint i = 0; i < m->n_items; i++)
    {
      double min_x = G_MAXDOUBLE, max_x = -G_MAXDOUBLE, min_y = G_MAXDOUBLE, max_y = -G_MAXDOUBLE;
      double end_y = NAN, end_x = NAN;

      for (guint p = 0; p < m->n_periods; p++)
        {
          double v = m->values[i * m->n_periods + p];
          double y = isnan (v) ? NAN : bottom - (bottom - top) * CLAMP (v, 0., self->axis_max) / self->axis_max;

          self->y[i * m->n_periods + p] = y;
          if (isnan (y))
            continue;
          min_x = MIN (min_x, self->x[p]);
          max_x = MAX (max_x, self->x[p]);
          min_y = MIN (min_y, y);
          max_y = MAX (max_y, y);
          end_x = self->x[p];
          end_y = y;
        }

      if (isnan (end_y))
        layout->items[i] = (DossierRect) { left, bottom, 0., 0. };
      else
        layout->items[i] = (DossierRect) { min_x - HIT_DISTANCE, min_y - HIT_DISTANCE,
                                           max_x - min_x + 2 * HIT_DISTANCE, max_y - min_y + 2 * HIT_DISTANCE };
      self->label_x[i] = isnan (end_x) ? right + GAP : end_x + GAP;
      self->label_y[i] = isnan (end_y) ? NAN : end_y;
    }

  /* A break's mark: on its organization's line at its period, or at the
   * top of the plot for the whole series. */
  self->n_breaks = m->n_breaks;
  self->break_x = g_new0 (double, MAX (1, m->n_breaks));
  self->break_y = g_new0 (double, MAX (1, m->n_breaks));
  for (guint b = 0; b < m->n_breaks; b++)
    {
      double x = last > first ? left + (right - left) * (m->break_positions[b] - first) / (last - first)
                              : left + (right - left) / 2.;
      double y = top;

      if (m->break_items[b] >= 0 && (guint) m->break_items[b] < m->n_items)
        for (guint p = 0; p < m->n_periods; p++)
          if (m->positions[p] == m->break_positions[b] && !isnan (self->y[m->break_items[b] * m->n_periods + p]))
            y = self->y[m->break_items[b] * m->n_periods + p];
      self->break_x[b] = CLAMP (x, left, right);
      self->break_y[b] = y;
    }

  /* Names apart: sorted by height, each at least a line under the one
   * above, then the column pushed back up if it ran past the plot. */
  order = g_new (guint, MAX (1, m->n_items));
  {
    guint n = 0;

    for (guint i = 0; i < m->n_items; i++)
      if (!isnan (self->label_y[i]))
        order[n++] = i;
    for (guint a = 1; a < n; a++)
      for (guint b = a; b > 0 && self->label_y[order[b]] < self->label_y[order[b - 1]]; b--)
        {
          guint swap = order[b];
          order[b] = order[b - 1];
          order[b - 1] = swap;
        }
    for (guint a = 1; a < n; a++)
      self->label_y[order[a]] = MAX (self->label_y[order[a]], self->label_y[order[a - 1]] + m->frame.line_height);
    if (n > 0 && self->label_y[order[n - 1]] > bottom)
      {
        self->label_y[order[n - 1]] = bottom;
        for (guint a = n - 1; a > 0; a--)
          self->label_y[order[a - 1]] = MIN (self->label_y[order[a - 1]], self->label_y[order[a]] - m->frame.line_height);
      }
    /* All names at the same right edge of the plot, whatever their end. */
    for (guint a = 0; a < n; a++)
      self->label_x[order[a]] = right + GAP;
  }

  return self;
}

/* The periods' labels, as many as fit without touching: measured once a
 * layout, not at each frame. */
static void
place_ticks (DossierChartLinesLayout   *self,
             const DossierChartContent *content,
             PangoContext              *context,
             const PangoFontDescription *font)
{
  double last_label_end = -G_MAXDOUBLE;

  self->tick_x = g_new (double, MAX (1, self->n_periods));
  for (guint p = 0; p < self->n_periods; p++)
    {
      g_autofree char *label = dossier_format_period (content->periods[p]);
      g_autoptr(PangoLayout) tick = dossier_chart_text_new (context, font, label, 1., FALSE, -1);
      double w = dossier_chart_text_width (tick);
      double x = self->x[p] - w / 2.;

      self->tick_x[p] = NAN;
      if (x < last_label_end + GAP || (p + 1 < self->n_periods && x + w > self->plot.x + self->plot.width + GAP * 4))
        continue;
      self->tick_x[p] = x;
      last_label_end = x + w;
    }
}

static DossierChartLayout *
lines_lay_out (const DossierChartContent      *content,
               PangoContext                   *context,
               const PangoFontDescription     *font,
               const DossierChartFrameMetrics *frame)
{
  DossierChartLinesMetrics m = { .frame = *frame };
  g_autofree double *positions = NULL;
  g_autofree double *values = NULL;
  g_autofree guint *colours = NULL;
  g_autofree double *break_positions = NULL;
  g_autofree int *break_items = NULL;
  g_autofree char *widest = dossier_format_percent (100.);
  g_autoptr(PangoLayout) axis = dossier_chart_text_new (context, font, widest, 1., FALSE, -1);

  m.n_items = dossier_chart_content_get_n_items (content);
  m.n_periods = dossier_chart_content_get_n_periods (content);
  m.positions = positions = g_new0 (double, MAX (1, m.n_periods));
  m.values = values = g_new0 (double, MAX (1, m.n_items * m.n_periods));
  m.colours = colours = g_new0 (guint, MAX (1, m.n_items));
  m.axis_label_width = dossier_chart_text_width (axis);

  for (guint p = 0; p < m.n_periods; p++)
    positions[p] = dossier_period_position (content->periods[p]);

  m.n_breaks = content->breaks != NULL ? content->breaks->len : 0;
  m.break_positions = break_positions = g_new0 (double, MAX (1, m.n_breaks));
  m.break_items = break_items = g_new0 (int, MAX (1, m.n_breaks));
  for (guint b = 0; b < m.n_breaks; b++)
    {
      const DossierMarketBreak *market_break = g_ptr_array_index (content->breaks, b);

      break_positions[b] = dossier_period_position (market_break->period);
      break_items[b] = market_break->organization_id != 0
                       ? dossier_chart_content_find (content, market_break->organization_id) : -1;
    }

  for (guint i = 0; i < m.n_items; i++)
    {
      const DossierChartItem *item = dossier_chart_content_get_item (content, i);
      g_autoptr(PangoLayout) name = dossier_chart_text_new (context, font, item->name, 1., TRUE, -1);

      m.end_label_width = MAX (m.end_label_width, dossier_chart_text_width (name));
      colours[i] = item->colour;
      for (guint p = 0; p < m.n_periods; p++)
        values[i * m.n_periods + p] = item->values != NULL ? item->values[p] : NAN;
    }

  {
    DossierChartLinesLayout *self = dossier_chart_lines_solve (&m);

    place_ticks (self, content, context, font);
    return (DossierChartLayout *) self;
  }
}

static double
distance_to_segment (double px, double py,
                     double ax, double ay,
                     double bx, double by)
{
  double dx = bx - ax, dy = by - ay;
  double t = dx == 0. && dy == 0. ? 0. : CLAMP (((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy), 0., 1.);

  return hypot (px - (ax + t * dx), py - (ay + t * dy));
}

/* The point nearest @x, @y within a few pixels: its item and period, or
 * FALSE. */
static gboolean
nearest_point (const DossierChartLinesLayout *self,
               double                         x,
               double                         y,
               int                           *item,
               int                           *period)
{
  double best = HIT_DISTANCE;

  *item = *period = -1;
  for (guint i = 0; i < self->parent.n_items; i++)
    for (guint p = 0; p < self->n_periods; p++)
      {
        double py = self->y[i * self->n_periods + p];

        if (!isnan (py) && hypot (x - self->x[p], y - py) <= best)
          {
            best = hypot (x - self->x[p], y - py);
            *item = i;
            *period = p;
          }
      }

  return *item >= 0;
}

/* The line nearest the pointer, if it passes within a few pixels: its
 * points and the segments between them, or its name at the end. */
static int
lines_hit_test (const DossierChartLayout *layout,
                double                    x,
                double                    y)
{
  const DossierChartLinesLayout *self = (const DossierChartLinesLayout *) layout;
  guint n = self->n_periods;
  double best = HIT_DISTANCE;
  int found = -1;

  for (guint i = 0; i < layout->n_items; i++)
    {
      const double *ys = &self->y[i * n];

      for (guint p = 0; p < n; p++)
        {
          double d;

          if (isnan (ys[p]))
            continue;
          d = hypot (x - self->x[p], y - ys[p]);
          if (p + 1 < n && !isnan (ys[p + 1]))
            d = MIN (d, distance_to_segment (x, y, self->x[p], ys[p], self->x[p + 1], ys[p + 1]));
          if (d <= best)
            {
              best = d;
              found = i;
            }
        }

      if (!isnan (self->label_y[i]) && x >= self->label_x[i] && fabs (y - self->label_y[i]) < layout->line_height / 2.)
        return i;
    }

  return found;
}

static void
draw_axes (cairo_t                       *cr,
           PangoContext                  *context,
           const DossierChartContent     *content,
           const DossierChartLinesLayout *self,
           const DossierChartStyle       *style)
{
  const DossierRect *plot = &self->plot;

  cairo_set_line_width (cr, 1.);
  for (double v = 0.; v <= self->axis_max + 1e-9; v += self->axis_step)
    {
      double y = round (plot->y + plot->height - plot->height * v / self->axis_max) + .5;
      g_autofree char *label = dossier_format_percent (v);
      g_autoptr(PangoLayout) tick = dossier_chart_text_new (context, style->font, label, 1., FALSE, -1);

      dossier_chart_set_color (cr, style->foreground, v == 0. ? 0.5 : 0.15);
      cairo_move_to (cr, plot->x, y);
      cairo_line_to (cr, plot->x + plot->width, y);
      cairo_stroke (cr);
      dossier_chart_set_color (cr, style->foreground, 0.65);
      dossier_chart_text_show (cr, tick, plot->x - GAP - dossier_chart_text_width (tick),
                               y - dossier_chart_text_height (tick) / 2.);
    }

  /* The periods' labels that fit (place_ticks()). */
  dossier_chart_set_color (cr, style->foreground, 0.65);
  for (guint p = 0; p < self->n_periods; p++)
    if (!isnan (self->tick_x[p]))
      {
        g_autofree char *label = dossier_format_period (content->periods[p]);
        g_autoptr(PangoLayout) tick = dossier_chart_text_new (context, style->font, label, 1., FALSE, -1);

        dossier_chart_text_show (cr, tick, self->tick_x[p], plot->y + plot->height + GAP / 2);
      }

  /* The selected period. */
  if (content->selected_period >= 0 && (guint) content->selected_period < self->n_periods)
    {
      double x = round (self->x[content->selected_period]) + .5;
      static const double dashes[] = { 4., 3. };

      dossier_chart_set_color (cr, style->foreground, 0.5);
      cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0.);
      cairo_move_to (cr, x, plot->y);
      cairo_line_to (cr, x, plot->y + plot->height);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0.);

      /* Its name at the top of the line, on the side with room, over a
       * patch of background so that grid lines do not cross it. */
      {
        g_autofree char *label = dossier_format_period (content->periods[content->selected_period]);
        g_autoptr(PangoLayout) name = dossier_chart_text_new (context, style->font, label, 1., TRUE, -1);
        double w = dossier_chart_text_width (name), h = dossier_chart_text_height (name);
        double left = x + GAP / 2 + w > plot->x + plot->width ? x - GAP / 2 - w : x + GAP / 2;

        dossier_chart_set_color (cr, style->background, 0.85);
        cairo_rectangle (cr, left - 2, plot->y + 1, w + 4, h);
        cairo_fill (cr);
        dossier_chart_set_color (cr, style->foreground, 0.75);
        dossier_chart_text_show (cr, name, left, plot->y + 1);
      }
    }
}

/* Periods closer than this, in pixels, have no point drawn at each value. */
#define DENSE_SPACING 16.

static void
draw_line (cairo_t                       *cr,
           const DossierChartLinesLayout *self,
           const DossierChartStyle       *style,
           guint                          i,
           double                         width,
           double                         alpha)
{
  const double *ys = &self->y[i * self->n_periods];
  gboolean dense = self->n_periods > 1 &&
                   (self->x[self->n_periods - 1] - self->x[0]) / (self->n_periods - 1) < DENSE_SPACING;
  gboolean drawing = FALSE;

  dossier_chart_set_series_color (cr, style, self->colours[i], alpha);
  dossier_chart_set_series_dash (cr, self->colours[i]);
  cairo_set_line_width (cr, width);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  /* Cairo's faster rasterizer: 20 lines of 80 points draw in half the
   * time (bench-frame), and looked the same side by side at 200 %. */
  cairo_save (cr);
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_FAST);
  for (guint p = 0; p < self->n_periods; p++)
    {
      /* An unknown value breaks the line: a gap, never a zero. */
      if (isnan (ys[p]))
        {
          drawing = FALSE;
          continue;
        }
      if (drawing)
        cairo_line_to (cr, self->x[p], ys[p]);
      else
        cairo_move_to (cr, self->x[p], ys[p]);
      drawing = TRUE;
    }
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0.);

  /* A point for each value, so that a lone one shows too, unless the
   * periods are too close for points to read (then only the lone ones):
   * one path, filled once. */
  for (guint p = 0; p < self->n_periods; p++)
    if (!isnan (ys[p]) &&
        (!dense || ((p == 0 || isnan (ys[p - 1])) && (p + 1 == self->n_periods || isnan (ys[p + 1])))))
      {
        cairo_new_sub_path (cr);
        cairo_arc (cr, self->x[p], ys[p], width + 1., 0., 2 * G_PI);
      }
  cairo_fill (cr);
  cairo_restore (cr);
}

static void
lines_draw (cairo_t                   *cr,
            PangoContext              *context,
            const DossierChartContent *content,
            const DossierChartLayout  *layout,
            const DossierChartStyle   *style,
            int                        highlighted,
            int                        hovered)
{
  const DossierChartLinesLayout *self = (const DossierChartLinesLayout *) layout;

  draw_axes (cr, context, content, self, style);

  /* The others first, the selected and hovered lines over them. */
  for (guint i = 0; i < layout->n_items; i++)
    if ((int) i != highlighted && (int) i != hovered)
      draw_line (cr, self, style, i, 1.5, highlighted >= 0 ? 0.45 : 1.);
  if (hovered >= 0 && hovered != highlighted)
    draw_line (cr, self, style, hovered, 2.5, 1.);
  if (highlighted >= 0)
    draw_line (cr, self, style, highlighted, 3.5, 1.);

  /* Breaks in the method: a hollow diamond, its note in the tooltip. */
  for (guint b = 0; b < self->n_breaks; b++)
    {
      double x = self->break_x[b], y = self->break_y[b], r = BREAK_RADIUS;

      cairo_move_to (cr, x, y - r);
      cairo_line_to (cr, x + r, y);
      cairo_line_to (cr, x, y + r);
      cairo_line_to (cr, x - r, y);
      cairo_close_path (cr);
      dossier_chart_set_color (cr, style->background, 1.);
      cairo_fill_preserve (cr);
      dossier_chart_set_color (cr, style->foreground, 0.9);
      cairo_set_line_width (cr, 1.5);
      cairo_stroke (cr);
    }

  for (guint i = 0; i < layout->n_items; i++)
    {
      const DossierChartItem *item = dossier_chart_content_get_item (content, i);
      gboolean is_highlighted = (int) i == highlighted;
      g_autoptr(PangoLayout) name = NULL;
      double room = layout->body.x + layout->body.width - self->label_x[i];

      if (isnan (self->label_y[i]) || room <= 0.)
        continue;
      name = dossier_chart_text_new (context, style->font, item->name, 1., is_highlighted, -1);
      pango_layout_set_width (name, (int) (room * PANGO_SCALE));
      pango_layout_set_ellipsize (name, PANGO_ELLIPSIZE_END);
      dossier_chart_set_series_text_color (cr, style, self->colours[i], highlighted >= 0 && !is_highlighted ? 0.7 : 1.);
      dossier_chart_text_show (cr, name, self->label_x[i], self->label_y[i] - dossier_chart_text_height (name) / 2.);
    }
}

static void
lines_clear (DossierChartLayout *layout)
{
  DossierChartLinesLayout *self = (DossierChartLinesLayout *) layout;

  g_clear_pointer (&self->x, g_free);
  g_clear_pointer (&self->y, g_free);
  g_clear_pointer (&self->label_x, g_free);
  g_clear_pointer (&self->label_y, g_free);
  g_clear_pointer (&self->colours, g_free);
  g_clear_pointer (&self->break_x, g_free);
  g_clear_pointer (&self->break_y, g_free);
  g_clear_pointer (&self->tick_x, g_free);
}

/* The note of the break whose mark is under the pointer, or the point
 * under it. */
static char *
lines_tooltip_at (const DossierChartContent *content,
                  const DossierChartLayout  *layout,
                  double                     x,
                  double                     y)
{
  const DossierChartLinesLayout *self = (const DossierChartLinesLayout *) layout;
  int item, period;

  for (guint b = 0; content->breaks != NULL && b < self->n_breaks && b < content->breaks->len; b++)
    if (hypot (x - self->break_x[b], y - self->break_y[b]) <= BREAK_RADIUS + 3.)
      {
        const DossierMarketBreak *market_break = g_ptr_array_index (content->breaks, b);
        g_autofree char *when = dossier_format_period (market_break->period);

        /* Translators: a mark's tooltip: 1 a period, 2 what changed there */
        return g_strdup_printf (_("Break in the method, %1$s: %2$s"), when, market_break->note);
      }

  /* A point: its organization, period and share, whatever period is
   * marked. */
  if (nearest_point (self, x, y, &item, &period))
    {
      const DossierChartItem *it = dossier_chart_content_get_item (content, item);
      g_autofree char *when = dossier_format_period (content->periods[period]);
      g_autofree char *share = dossier_format_percent (it->values[period]);

      const char *source = content->period_sources != NULL ? content->period_sources[period] : content->source;

      /* Translators: a point's tooltip: 1 organization, 2 period, 3 share,
       * 4 the source line ("Source: …") */
      return g_strdup_printf (_("%1$s: %2$s, %3$s\n%4$s"), it->full_name, when, share, source);
    }

  return NULL;
}

static const DossierChartView lines_view = {
  .name = "time",
  .measure = lines_measure,
  .lay_out = lines_lay_out,
  .hit_test = lines_hit_test,
  .draw = lines_draw,
  .clear = lines_clear,
  .tooltip_at = lines_tooltip_at,
};

/**
 * dossier_chart_lines_get_view:
 *
 * Returns: (transfer none): the view of shares over time
 */
const DossierChartView *
dossier_chart_lines_get_view (void)
{
  return &lines_view;
}
