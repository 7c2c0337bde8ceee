/* dossier-chart-view.c
 *
 * The frame every view is drawn in: the title (the period, or the user's
 * own), the market definition under it, and at the foot the source line
 * on the left and the credit line ("Chart: Dossier") on the right, as
 * published charts do.
 * The frame measures its text, asks the view through its table of
 * functions how much room its body needs, shortens the source line rather
 * than take that room, and leaves the body to the view. Layout is a pure
 * function of measured sizes so that it and the hit-testing are tested
 * without a display.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-chart"

#include "config.h"

#include <math.h>

#include <string.h>
#include <pango/pangocairo.h>

#include "dossier-chart-content.h"
#include "dossier-chart-view.h"

#define PADDING DOSSIER_CHART_PADDING
#define GAP     DOSSIER_CHART_GAP

#define TITLE_SCALE 1.25
#define FOOTER_SCALE 0.88

/**
 * dossier_chart_text_new:
 * @scale: of @font's size
 * @wrap_width: the width to wrap at, or -1 for one line
 *
 * Returns: (transfer full): @text laid out for a chart
 */
PangoLayout *
dossier_chart_text_new (PangoContext               *context,
                        const PangoFontDescription *font,
                        const char                 *text,
                        double                      scale,
                        gboolean                    bold,
                        double                      wrap_width)
{
  PangoLayout *layout = pango_layout_new (context);
  g_autoptr(PangoFontDescription) desc = pango_font_description_copy (font);

  if (scale != 1.)
    {
      int size = pango_font_description_get_size (desc);

      if (pango_font_description_get_size_is_absolute (desc))
        pango_font_description_set_absolute_size (desc, size * scale);
      else
        pango_font_description_set_size (desc, (int) (size * scale));
    }
  if (bold)
    pango_font_description_set_weight (desc, PANGO_WEIGHT_BOLD);

  pango_layout_set_font_description (layout, desc);
  pango_layout_set_text (layout, text, -1);
  if (wrap_width > 0)
    {
      pango_layout_set_width (layout, (int) (wrap_width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }

  return layout;
}

double
dossier_chart_text_width (PangoLayout *text)
{
  int w, h;

  pango_layout_get_pixel_size (text, &w, &h);
  return w;
}

double
dossier_chart_text_height (PangoLayout *text)
{
  int w, h;

  pango_layout_get_pixel_size (text, &w, &h);
  return h;
}

void
dossier_chart_text_show (cairo_t     *cr,
                         PangoLayout *text,
                         double       x,
                         double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, text);
}

void
dossier_chart_set_color (cairo_t      *cr,
                         const double  rgba[4],
                         double        alpha)
{
  cairo_set_source_rgba (cr, rgba[0], rgba[1], rgba[2], rgba[3] * alpha);
}

/* The source line keeps to @lines lines (0: all), ending in "…" if cut. */
static void
limit_lines (PangoLayout *layout,
             int          lines)
{
  if (lines > 0 && pango_layout_get_line_count (layout) > lines)
    {
      pango_layout_set_height (layout, -lines);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
}

/* The source line wraps left of the credit line. */
static double
source_width (double       inner,
              PangoLayout *credit)
{
  return MAX (inner / 2., inner - dossier_chart_text_width (credit) - 2 * GAP);
}

/**
 * dossier_chart_frame_solve:
 * @view: the view that owns @layout
 * @layout: a view's layout, to fill in its frame
 *
 * Places the header, the footer and the body between them, and makes room
 * for @n_items item areas, which the view places. A pure function of
 * its metrics.
 */
void
dossier_chart_frame_solve (const DossierChartFrameMetrics *m,
                           const DossierChartView         *view,
                           guint                           n_items,
                           DossierChartLayout             *layout)
{
  double inner, top;

  g_return_if_fail (m != NULL);
  g_return_if_fail (layout != NULL);

  inner = MAX (0., m->width - 2 * PADDING);

  layout->view = view;
  layout->n_items = n_items;
  layout->line_height = m->line_height;
  layout->footer_lines = m->footer_lines;
  layout->items = g_new0 (DossierRect, MAX (1, n_items));

  layout->header = (DossierRect) { PADDING, PADDING, inner, m->header_height };
  layout->footer = (DossierRect) { PADDING, MAX (0., m->height - PADDING - m->footer_height),
                                   inner, m->footer_height };

  top = layout->header.y + layout->header.height + 2 * GAP;
  layout->body = (DossierRect) { PADDING, top, inner, MAX (0., layout->footer.y - GAP - top) };
}

/**
 * dossier_chart_layout_measure:
 * @view: how the items are drawn
 * @font: the base font, which the layout does not keep
 *
 * Measures the frame's text and lays out @content at @width × @height.
 *
 * Returns: (transfer full): the layout, to draw with dossier_chart_render()
 */
DossierChartLayout *
dossier_chart_layout_measure (const DossierChartView     *view,
                              const DossierChartContent  *content,
                              PangoContext               *context,
                              const PangoFontDescription *font,
                              double                      width,
                              double                      height)
{
  DossierChartFrameMetrics m = { 0 };
  double inner = MAX (1., width - 2 * PADDING);
  g_autoptr(PangoLayout) title = NULL;
  g_autoptr(PangoLayout) subtitle = NULL;
  g_autoptr(PangoLayout) footer = NULL;
  g_autoptr(PangoLayout) credit = NULL;
  double footer_line, room, request, keep;

  g_return_val_if_fail (view != NULL, NULL);
  g_return_val_if_fail (content != NULL, NULL);

  title = dossier_chart_text_new (context, font, content->title, TITLE_SCALE, TRUE, inner);
  subtitle = dossier_chart_text_new (context, font, content->subtitle, 1., FALSE, inner);
  credit = dossier_chart_text_new (context, font, content->credit, FOOTER_SCALE, FALSE, -1);
  footer = dossier_chart_text_new (context, font, content->source, FOOTER_SCALE, FALSE,
                                   source_width (inner, credit));

  m.width = width;
  m.height = height;
  m.header_height = dossier_chart_text_height (title) + GAP / 2 + dossier_chart_text_height (subtitle);
  m.line_height = dossier_chart_text_height (subtitle) / MAX (1, pango_layout_get_line_count (subtitle));

  /* The items come first: on a small chart the source line gives way and is
   * shortened, never the view's body. */
  view->measure (content, m.line_height, &request, &keep);
  footer_line = dossier_chart_text_height (footer) / MAX (1, pango_layout_get_line_count (footer));
  room = height - 2 * PADDING - m.header_height - 3 * GAP - keep;
  if (pango_layout_get_line_count (footer) * footer_line > room)
    {
      m.footer_lines = MAX (1, (int) (room / footer_line));
      limit_lines (footer, m.footer_lines);
    }
  m.footer_height = MAX (dossier_chart_text_height (footer), dossier_chart_text_height (credit));

  return view->lay_out (content, context, font, &m);
}

/**
 * dossier_chart_view_min_height:
 * @content: (nullable): what the chart shows, if known
 *
 * Returns: the least height to draw @content with @view in
 */
double
dossier_chart_view_min_height (const DossierChartView    *view,
                               const DossierChartContent *content,
                               double                     line_height)
{
  double request = 0., keep = 0.;

  g_return_val_if_fail (view != NULL, 0.);

  view->measure (content, line_height, &request, &keep);
  /* Title, subtitle and one line of source. */
  return 2 * PADDING + 3 * line_height + 3 * GAP + request;
}

/**
 * dossier_chart_layout_hit_test:
 * @layout: (nullable): a layout
 *
 * The one hit-test of the chart, for clicks, hover and tooltips, whichever
 * the view.
 *
 * Returns: the index of the item at @x, @y, or -1
 */
int
dossier_chart_layout_hit_test (const DossierChartLayout *layout,
                               double                    x,
                               double                    y)
{
  if (layout == NULL)
    return -1;

  return layout->view->hit_test (layout, x, y);
}

void
dossier_chart_layout_free (DossierChartLayout *layout)
{
  if (layout == NULL)
    return;

  if (layout->view != NULL && layout->view->clear != NULL)
    layout->view->clear (layout);
  g_free (layout->items);
  g_free (layout);
}

/**
 * dossier_chart_render:
 * @layout: from dossier_chart_layout_measure() for @content
 * @highlighted: the selected item, or -1
 * @hovered: the item under the pointer, or -1
 *
 * Draws the frame, and the body with the layout's view.
 */
void
dossier_chart_render (cairo_t                   *cr,
                      PangoContext              *context,
                      const DossierChartContent *content,
                      const DossierChartLayout  *layout,
                      const DossierChartStyle   *style,
                      int                        highlighted,
                      int                        hovered)
{
  const PangoFontDescription *font = style->font;
  g_autoptr(PangoLayout) title = NULL;
  g_autoptr(PangoLayout) subtitle = NULL;
  g_autoptr(PangoLayout) footer = NULL;
  g_autoptr(PangoLayout) credit = NULL;

  g_return_if_fail (layout != NULL && layout->view != NULL);

  cairo_save (cr);

  if (style->paint_background)
    {
      dossier_chart_set_color (cr, style->background, 1.);
      cairo_paint (cr);
    }

  title = dossier_chart_text_new (context, font, content->title, TITLE_SCALE, TRUE, layout->header.width);
  subtitle = dossier_chart_text_new (context, font, content->subtitle, 1., FALSE, layout->header.width);
  dossier_chart_set_color (cr, style->foreground, 1.);
  dossier_chart_text_show (cr, title, layout->header.x, layout->header.y);
  dossier_chart_set_color (cr, style->foreground, 0.75);
  dossier_chart_text_show (cr, subtitle, layout->header.x,
                           layout->header.y + dossier_chart_text_height (title) + GAP / 2);

  layout->view->draw (cr, context, content, layout, style, highlighted, hovered);

  credit = dossier_chart_text_new (context, font, content->credit, FOOTER_SCALE, FALSE, -1);
  footer = dossier_chart_text_new (context, font, content->source, FOOTER_SCALE, FALSE,
                                   source_width (layout->footer.width, credit));
  limit_lines (footer, layout->footer_lines);
  /* Secondary text keeps 4.5:1 against the background (WCAG AA). */
  dossier_chart_set_color (cr, style->foreground, 0.75);
  dossier_chart_text_show (cr, footer, layout->footer.x, layout->footer.y);
  dossier_chart_text_show (cr, credit,
                           layout->footer.x + layout->footer.width - dossier_chart_text_width (credit),
                           layout->footer.y);

  cairo_restore (cr);
}

/**
 * dossier_chart_style_init_light:
 *
 * The colours of an exported chart: dark text on white, and the accent of
 * GNOME's default theme.
 */
void
dossier_chart_style_init_light (DossierChartStyle *style)
{
  static const double fg[4] = { 0.13, 0.13, 0.15, 1. };
  static const double bg[4] = { 1., 1., 1., 1. };
  static const double accent[4] = { 0.21, 0.52, 0.89, 1. };

  memcpy (style->foreground, fg, sizeof fg);
  memcpy (style->background, bg, sizeof bg);
  memcpy (style->accent, accent, sizeof accent);
  style->paint_background = TRUE;
  style->font = NULL;
}

/**
 * dossier_chart_nice_axis_max:
 *
 * Returns: the top of a percentage axis that holds @max: the next ten,
 *   100 at most, 10 for nothing
 */
double
dossier_chart_nice_axis_max (double max)
{
  if (!(max > 0.))
    return 10.;

  return MIN (100., ceil (max / 10.) * 10.);
}
