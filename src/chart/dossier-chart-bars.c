/* dossier-chart-bars.c
 *
 * A horizontal bar chart, largest share first, each organization in the
 * colour it has in every view (the others turn neutral while one is
 * selected), on a scale shared by every period of the series. A row (name, bar and value) is an item: it is what
 * a click, the pointer and a screen reader find.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-chart"

#include "config.h"

#include <math.h>

#include "dossier-chart-bars.h"
#include "dossier-chart-content.h"
#include "dossier-chart-palette.h"
#include "dossier-format.h"

#define GAP DOSSIER_CHART_GAP
#define MIN_BAR_AREA 40.
/* The tallest row, in lines of text: a bar of about 1.6 lines. */
#define MAX_ROW_LINES 2.4

static void
bars_measure (const DossierChartContent *content,
              double                     line_height,
              double                    *request,
              double                    *keep)
{
  guint n = MAX (dossier_chart_content_get_n_items (content), 1);

  /* Two lines for the axis and its labels, then a line and a half a row
   * (a little less is kept before the source line gives way). */
  *request = 2 * line_height + n * line_height * 1.5;
  *keep = 2 * line_height + n * line_height * 1.4;
}

/**
 * dossier_chart_bars_solve:
 *
 * Places the frame, then the names at the left, the bars, and room for the
 * value after the longest. A pure function of its metrics.
 *
 * Returns: (transfer full): the layout
 */
DossierChartBarsLayout *
dossier_chart_bars_solve (const DossierChartBarsMetrics *m)
{
  DossierChartBarsLayout *self = g_new0 (DossierChartBarsLayout, 1);
  DossierChartLayout *layout = &self->parent;
  double max = 0., bars_x, bars_w, top, bottom, row_h, thickness;

  g_return_val_if_fail (m != NULL, self);

  dossier_chart_frame_solve (&m->frame, dossier_chart_bars_get_view (), m->n_items, layout);
  self->bars = g_new0 (DossierRect, MAX (1, m->n_items));

  /* One scale for every period of a series, so bars compare across them. */
  max = MAX (0., m->scale_max);
  for (guint i = 0; i < m->n_items; i++)
    max = MAX (max, m->percents[i]);

  self->axis_max = dossier_chart_nice_axis_max (max);
  self->axis_step = self->axis_max > 60. ? 20. : 10.;

  self->label_x = layout->body.x;
  bars_x = layout->body.x + m->label_width + GAP;
  bars_w = MAX (MIN_BAR_AREA, layout->body.x + layout->body.width - bars_x - GAP - m->value_width);

  top = layout->body.y;
  /* The axis labels take a line under the bars. */
  bottom = MAX (top, layout->body.y + layout->body.height - m->frame.line_height - GAP / 2);
  /* Bars keep a published chart's thickness however tall the chart: with
   * few organizations the rows stop growing and the axis follows the last
   * bar, rather than thin bars floating in tall rows. */
  row_h = m->n_items > 0 ? MIN ((bottom - top) / m->n_items, MAX_ROW_LINES * m->frame.line_height) : 0.;
  thickness = row_h * 0.66;

  self->plot = (DossierRect) { bars_x, top, bars_w, row_h * m->n_items };

  /* The source line follows the axis, as under a published chart, rather
   * than stay at the foot of a tall chart with a gap above it. */
  {
    double footer_y = top + row_h * m->n_items + m->frame.line_height + GAP / 2 + 2 * GAP;

    if (m->n_items > 0 && footer_y < layout->footer.y)
      {
        layout->footer.y = footer_y;
        layout->body.height = MAX (0., footer_y - GAP - layout->body.y);
      }
  }

  for (guint i = 0; i < m->n_items; i++)
    {
      double y = top + i * row_h;
      double share = CLAMP (m->percents[i], 0., self->axis_max);

      layout->items[i] = (DossierRect) { layout->body.x, y, layout->body.width, row_h };
      self->bars[i] = (DossierRect) { bars_x, y + (row_h - thickness) / 2.,
                                      bars_w * share / self->axis_max, thickness };
    }

  return self;
}

static DossierChartLayout *
bars_lay_out (const DossierChartContent      *content,
              PangoContext                   *context,
              const PangoFontDescription     *font,
              const DossierChartFrameMetrics *frame)
{
  DossierChartBarsMetrics m = { .frame = *frame };
  g_autofree double *percents = NULL;

  m.n_items = dossier_chart_content_get_n_items (content);
  m.scale_max = content->scale_max;
  m.percents = percents = g_new0 (double, MAX (1, m.n_items));

  for (guint i = 0; i < m.n_items; i++)
    {
      const DossierChartItem *item = dossier_chart_content_get_item (content, i);
      g_autoptr(PangoLayout) name = dossier_chart_text_new (context, font, item->name, 1., TRUE, -1);
      g_autoptr(PangoLayout) value = dossier_chart_text_new (context, font, item->value, 1., TRUE, -1);

      percents[i] = item->percent;
      m.label_width = MAX (m.label_width, dossier_chart_text_width (name));
      m.value_width = MAX (m.value_width, dossier_chart_text_width (value));
    }
  m.label_width = MIN (m.label_width, frame->width * 0.4);

  return (DossierChartLayout *) dossier_chart_bars_solve (&m);
}

/* A whole row (name, bar and value) belongs to its item. */
static int
bars_hit_test (const DossierChartLayout *layout,
               double                    x,
               double                    y)
{
  for (guint i = 0; i < layout->n_items; i++)
    {
      const DossierRect *r = &layout->items[i];

      if (x >= r->x && x < r->x + r->width && y >= r->y && y < r->y + r->height)
        return i;
    }

  return -1;
}

/* Grid lines and their percentages under the plot. */
static void
draw_axis (cairo_t                      *cr,
           PangoContext                 *context,
           const DossierChartBarsLayout *self,
           const DossierChartStyle      *style)
{
  const DossierRect *plot = &self->plot;

  cairo_set_line_width (cr, 1.);
  for (double v = 0.; v <= self->axis_max + 1e-9 && self->parent.n_items > 0; v += self->axis_step)
    {
      double x = round (plot->x + plot->width * v / self->axis_max) + .5;
      g_autofree char *label = dossier_format_percent (v);
      g_autoptr(PangoLayout) tick = dossier_chart_text_new (context, style->font, label, 1., FALSE, -1);

      dossier_chart_set_color (cr, style->foreground, v == 0. ? 0.5 : 0.15);
      cairo_move_to (cr, x, plot->y);
      cairo_line_to (cr, x, plot->y + plot->height);
      cairo_stroke (cr);

      dossier_chart_set_color (cr, style->foreground, 0.65);
      dossier_chart_text_show (cr, tick, x - dossier_chart_text_width (tick) / 2.,
                               plot->y + plot->height + GAP / 2);
    }
}

static void
bars_draw (cairo_t                   *cr,
           PangoContext              *context,
           const DossierChartContent *content,
           const DossierChartLayout  *layout,
           const DossierChartStyle   *style,
           int                        highlighted,
           int                        hovered)
{
  const DossierChartBarsLayout *self = (const DossierChartBarsLayout *) layout;
  const PangoFontDescription *font = style->font;

  draw_axis (cr, context, self, style);

  for (guint i = 0; i < layout->n_items; i++)
    {
      const DossierChartItem *item = dossier_chart_content_get_item (content, i);
      const DossierRect *bar = &self->bars[i];
      const DossierRect *row = &layout->items[i];
      gboolean is_highlighted = (int) i == highlighted;
      gboolean dimmed = highlighted >= 0 && !is_highlighted;
      g_autoptr(PangoLayout) name = dossier_chart_text_new (context, font, item->name, 1., is_highlighted, -1);
      g_autoptr(PangoLayout) value = dossier_chart_text_new (context, font, item->value, 1., TRUE, -1);
      double name_w = MIN (dossier_chart_text_width (name), self->plot.x - GAP - self->label_x);
      double cy = row->y + row->height / 2.;

      if ((int) i == hovered && !is_highlighted)
        {
          dossier_chart_set_color (cr, style->foreground, 0.06);
          cairo_rectangle (cr, row->x, row->y, row->width, row->height);
          cairo_fill (cr);
        }

      /* Each organization in its colour, as in the other views; with one
       * bar selected, the others turn neutral. */
      cairo_rectangle (cr, bar->x, bar->y, bar->width, bar->height);
      if (dimmed)
        {
          dossier_chart_set_color (cr, style->foreground, 0.35);
          cairo_fill (cr);
        }
      else
        dossier_chart_fill_series (cr, style, item->colour, 1.);

      if (is_highlighted)
        {
          dossier_chart_set_color (cr, style->foreground, 1.);
          cairo_set_line_width (cr, 2.);
          cairo_rectangle (cr, bar->x + 1, bar->y + 1, MAX (0., bar->width - 2), bar->height - 2);
          cairo_stroke (cr);
        }

      pango_layout_set_width (name, (int) (name_w * PANGO_SCALE));
      pango_layout_set_ellipsize (name, PANGO_ELLIPSIZE_END);
      dossier_chart_set_color (cr, style->foreground, dimmed ? 0.7 : 1.);
      dossier_chart_text_show (cr, name, self->plot.x - GAP - name_w,
                               cy - dossier_chart_text_height (name) / 2.);
      dossier_chart_text_show (cr, value, bar->x + bar->width + GAP / 2 + 2,
                               cy - dossier_chart_text_height (value) / 2.);
    }
}

static void
bars_clear (DossierChartLayout *layout)
{
  g_clear_pointer (&((DossierChartBarsLayout *) layout)->bars, g_free);
}

static const DossierChartView bars_view = {
  .name = "bars",
  .measure = bars_measure,
  .lay_out = bars_lay_out,
  .hit_test = bars_hit_test,
  .draw = bars_draw,
  .clear = bars_clear,
};

/**
 * dossier_chart_bars_get_view:
 *
 * Returns: (transfer none): the bar view, the chart's default
 */
const DossierChartView *
dossier_chart_bars_get_view (void)
{
  return &bars_view;
}
