/* dossier-chart-donut.c
 *
 * The shares of one period as a ring, largest first, clockwise from twelve
 * o'clock, each slice its share of the whole market: what the figures
 * leave unnamed stays a neutral arc, never spread over the others. Names
 * and values go in a legend beside the ring, one line each, so that no
 * label overlaps however thin a slice is. A slice and its legend line are
 * an item: what a click, the pointer and a screen reader find.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "dossier-chart-content.h"
#include "dossier-chart-donut.h"
#include "dossier-chart-palette.h"
#include "dossier-format.h"

#define GAP DOSSIER_CHART_GAP
#define SWATCH 12.
#define TWELVE (-G_PI / 2.)

static void
donut_measure (const DossierChartContent *content,
               double                     line_height,
               double                    *request,
               double                    *keep)
{
  guint n = MAX (dossier_chart_content_get_n_items (content), 1);

  *request = MAX (14 * line_height, (n + 1) * line_height * 1.4);
  *keep = MAX (9 * line_height, (n + 1) * line_height * 1.2);
}

/**
 * dossier_chart_donut_solve:
 *
 * Places the frame, the ring at the left of the body as large as it fits,
 * the legend at its right, and each slice's angles. A pure function of
 * its metrics.
 *
 * Returns: (transfer full): the layout
 */
DossierChartDonutLayout *
dossier_chart_donut_solve (const DossierChartDonutMetrics *m)
{
  DossierChartDonutLayout *self = g_new0 (DossierChartDonutLayout, 1);
  DossierChartLayout *layout = &self->parent;
  double legend_w, ring_w, angle = TWELVE, line, legend_h, legend_y, total = 0.;

  g_return_val_if_fail (m != NULL, self);

  dossier_chart_frame_solve (&m->frame, dossier_chart_donut_get_view (), m->n_items, layout);
  self->start = g_new0 (double, MAX (1, m->n_items));
  self->end = g_new0 (double, MAX (1, m->n_items));
  self->legend = g_new0 (DossierRect, MAX (1, m->n_items));

  legend_w = MIN (m->legend_width, layout->body.width * 0.55);
  ring_w = MAX (0., layout->body.width - legend_w - 2 * GAP);
  self->outer = MAX (0., MIN (ring_w, layout->body.height) / 2. - GAP / 2.);
  self->inner = self->outer * 0.58;
  self->cx = layout->body.x + ring_w / 2.;
  self->cy = layout->body.y + layout->body.height / 2.;

  line = m->frame.line_height * 1.35;
  for (guint i = 0; i < m->n_items; i++)
    total += CLAMP (m->percents[i], 0., 100.);
  /* A line for the unnamed rest too, when there is one. */
  legend_h = line * (m->n_items + (total < 99.5 ? 1 : 0));
  legend_y = layout->body.y + MAX (0., (layout->body.height - legend_h) / 2.);

  for (guint i = 0; i < m->n_items; i++)
    {
      double share = CLAMP (m->percents[i], 0., 100.);
      double sweep = 2 * G_PI * share / 100.;

      self->start[i] = angle;
      self->end[i] = MIN (angle + sweep, TWELVE + 2 * G_PI);
      angle = self->end[i];
      self->legend[i] = (DossierRect) { layout->body.x + ring_w + 2 * GAP, legend_y + i * line, legend_w, line };
      /* The slice's box for the pointer and screen readers: the ring's,
       * narrowed to nothing for an empty slice. */
      layout->items[i] = share > 0. ? (DossierRect) { self->cx - self->outer, self->cy - self->outer,
                                                      2 * self->outer, 2 * self->outer }
                                    : self->legend[i];
    }
  self->rest_start = angle;
  if (total < 99.5)
    self->rest_legend = (DossierRect) { layout->body.x + ring_w + 2 * GAP, legend_y + m->n_items * line,
                                        legend_w, line };

  return self;
}

static DossierChartLayout *
donut_lay_out (const DossierChartContent      *content,
               PangoContext                   *context,
               const PangoFontDescription     *font,
               const DossierChartFrameMetrics *frame)
{
  DossierChartDonutMetrics m = { .frame = *frame };
  g_autofree double *percents = NULL;
  double total = 0.;

  m.n_items = dossier_chart_content_get_n_items (content);
  m.percents = percents = g_new0 (double, MAX (1, m.n_items));

  for (guint i = 0; i < m.n_items; i++)
    {
      const DossierChartItem *item = dossier_chart_content_get_item (content, i);
      g_autofree char *text = g_strdup_printf ("%s  %s", item->name, item->value);
      g_autoptr(PangoLayout) line = dossier_chart_text_new (context, font, text, 1., TRUE, -1);

      percents[i] = isnan (item->percent) ? 0. : item->percent;
      m.legend_width = MAX (m.legend_width, SWATCH + GAP + dossier_chart_text_width (line));
      total += percents[i];
    }

  /* The rest's line is as wide as it needs, in every language. */
  if (total < 99.5)
    {
      g_autofree char *rest = dossier_format_percent (100. - total);
      g_autofree char *text = g_strdup_printf (_("Not named  %s"), rest);
      g_autoptr(PangoLayout) line = dossier_chart_text_new (context, font, text, 1., TRUE, -1);

      m.legend_width = MAX (m.legend_width, SWATCH + GAP + dossier_chart_text_width (line));
    }

  return (DossierChartLayout *) dossier_chart_donut_solve (&m);
}

/* The slice under the pointer (by angle, between the two radii), or the
 * legend line. */
static int
donut_hit_test (const DossierChartLayout *layout,
                double                    x,
                double                    y)
{
  const DossierChartDonutLayout *self = (const DossierChartDonutLayout *) layout;
  double r = hypot (x - self->cx, y - self->cy);
  double a = atan2 (y - self->cy, x - self->cx);

  /* atan2 runs from -π to π; slices from twelve o'clock, -π/2, onwards. */
  if (a < TWELVE)
    a += 2 * G_PI;

  for (guint i = 0; i < layout->n_items; i++)
    {
      const DossierRect *l = &self->legend[i];

      if (r >= self->inner && r <= self->outer && a >= self->start[i] && a < self->end[i])
        return i;
      if (x >= l->x && x < l->x + l->width && y >= l->y && y < l->y + l->height)
        return i;
    }

  return -1;
}

static void
donut_draw (cairo_t                   *cr,
            PangoContext              *context,
            const DossierChartContent *content,
            const DossierChartLayout  *layout,
            const DossierChartStyle   *style,
            int                        highlighted,
            int                        hovered)
{
  const DossierChartDonutLayout *self = (const DossierChartDonutLayout *) layout;

  if (self->outer <= 0.)
    return;

  /* What the figures leave unnamed: a neutral arc, and its legend line. */
  if (self->rest_legend.height > 0.)
    {
      const DossierRect *l = &self->rest_legend;
      g_autofree char *rest = dossier_format_percent (100. * (TWELVE + 2 * G_PI - self->rest_start) / (2 * G_PI));
      /* Translators: the part of the market a source does not name, in a
       * chart's legend; %s is a share, as in "29%" */
      g_autofree char *text = g_strdup_printf (_("Not named  %s"), rest);
      g_autoptr(PangoLayout) legend = dossier_chart_text_new (context, style->font, text, 1., FALSE, -1);

      dossier_chart_set_color (cr, style->foreground, 0.12);
      cairo_rectangle (cr, l->x, l->y + (l->height - SWATCH) / 2., SWATCH, SWATCH);
      cairo_fill (cr);
      pango_layout_set_width (legend, (int) (MAX (0., l->width - SWATCH - GAP) * PANGO_SCALE));
      pango_layout_set_ellipsize (legend, PANGO_ELLIPSIZE_END);
      dossier_chart_set_color (cr, style->foreground, 0.7);
      dossier_chart_text_show (cr, legend, l->x + SWATCH + GAP, l->y + (l->height - dossier_chart_text_height (legend)) / 2.);
    }
  if (self->rest_start < TWELVE + 2 * G_PI - 1e-6)
    {
      dossier_chart_set_color (cr, style->foreground, 0.12);
      cairo_new_sub_path (cr);
      cairo_arc (cr, self->cx, self->cy, self->outer, self->rest_start, TWELVE + 2 * G_PI);
      cairo_arc_negative (cr, self->cx, self->cy, self->inner, TWELVE + 2 * G_PI, self->rest_start);
      cairo_close_path (cr);
      cairo_fill (cr);
    }

  for (guint i = 0; i < layout->n_items; i++)
    {
      const DossierChartItem *item = dossier_chart_content_get_item (content, i);
      gboolean is_highlighted = (int) i == highlighted;
      double grow = is_highlighted ? 6. : (int) i == hovered ? 3. : 0.;
      double alpha = highlighted >= 0 && !is_highlighted ? 0.45 : 1.;
      const DossierRect *l = &self->legend[i];
      g_autofree char *text = g_strdup_printf ("%s  %s", item->name, item->value);
      g_autoptr(PangoLayout) line = dossier_chart_text_new (context, style->font, text, 1., is_highlighted, -1);

      if (self->end[i] > self->start[i])
        {
          cairo_new_sub_path (cr);
          cairo_arc (cr, self->cx, self->cy, self->outer + grow, self->start[i], self->end[i]);
          cairo_arc_negative (cr, self->cx, self->cy, self->inner, self->end[i], self->start[i]);
          cairo_close_path (cr);
          dossier_chart_fill_series (cr, style, item->colour, alpha);
          cairo_new_sub_path (cr);
          cairo_arc (cr, self->cx, self->cy, self->outer + grow, self->start[i], self->end[i]);
          cairo_arc_negative (cr, self->cx, self->cy, self->inner, self->end[i], self->start[i]);
          cairo_close_path (cr);
          /* A hairline of the background between slices. */
          dossier_chart_set_color (cr, style->background, 1.);
          cairo_set_line_width (cr, 1.5);
          cairo_stroke (cr);
        }

      cairo_rectangle (cr, l->x, l->y + (l->height - SWATCH) / 2., SWATCH, SWATCH);
      dossier_chart_fill_series (cr, style, item->colour, alpha);
      pango_layout_set_width (line, (int) (MAX (0., l->width - SWATCH - GAP) * PANGO_SCALE));
      pango_layout_set_ellipsize (line, PANGO_ELLIPSIZE_END);
      dossier_chart_set_color (cr, style->foreground, alpha < 1. ? 0.7 : 1.);
      dossier_chart_text_show (cr, line, l->x + SWATCH + GAP, l->y + (l->height - dossier_chart_text_height (line)) / 2.);
    }
}

static void
donut_clear (DossierChartLayout *layout)
{
  DossierChartDonutLayout *self = (DossierChartDonutLayout *) layout;

  g_clear_pointer (&self->start, g_free);
  g_clear_pointer (&self->end, g_free);
  g_clear_pointer (&self->legend, g_free);
}

static const DossierChartView donut_view = {
  .name = "donut",
  .measure = donut_measure,
  .lay_out = donut_lay_out,
  .hit_test = donut_hit_test,
  .draw = donut_draw,
  .clear = donut_clear,
};

/**
 * dossier_chart_donut_get_view:
 *
 * Returns: (transfer none): the donut view
 */
const DossierChartView *
dossier_chart_donut_get_view (void)
{
  return &donut_view;
}
