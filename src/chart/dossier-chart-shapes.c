/* dossier-chart-shapes.c
 *
 * The marks of a timeline's events, told apart by shape as well as by
 * colour (a filled one for what happened, a hollow one for what was
 * expected), and the legend that says which shape is which: shared by
 * the timeline view and the printed brief.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-chart"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dossier-chart-palette.h"
#include "dossier-chart-shapes.h"
#include "dossier-chart-view.h"

#define GAP DOSSIER_CHART_GAP
#define SHAPE DOSSIER_CHART_SHAPE_SIZE

/**
 * dossier_chart_shape_path:
 * @size: the shape's width, about
 *
 * Adds the outline of @shape around @cx, @cy to the path.
 */
void
dossier_chart_shape_path (cairo_t           *cr,
            DossierChartShape  shape,
            double             cx,
            double             cy,
            double             size)
{
  double r = size / 2.;

  switch (shape)
    {
    case DOSSIER_CHART_SHAPE_CIRCLE:
      cairo_new_sub_path (cr);
      cairo_arc (cr, cx, cy, r, 0., 2 * G_PI);
      break;
    case DOSSIER_CHART_SHAPE_DIAMOND:
      r *= 1.25;
      cairo_move_to (cr, cx, cy - r);
      cairo_line_to (cr, cx + r, cy);
      cairo_line_to (cr, cx, cy + r);
      cairo_line_to (cr, cx - r, cy);
      cairo_close_path (cr);
      break;
    case DOSSIER_CHART_SHAPE_SQUARE:
      r *= 0.9;
      cairo_rectangle (cr, cx - r, cy - r, 2 * r, 2 * r);
      break;
    case DOSSIER_CHART_SHAPE_TRIANGLE:
    default:
      r *= 1.2;
      cairo_move_to (cr, cx, cy - r);
      cairo_line_to (cr, cx + r, cy + r * 0.8);
      cairo_line_to (cr, cx - r, cy + r * 0.8);
      cairo_close_path (cr);
      break;
    }
}

/* A filled shape for what happened, a hollow one for what was expected. */
void
dossier_chart_draw_shape (cairo_t                 *cr,
            const DossierChartStyle *style,
            DossierChartShape        shape,
            gboolean                 expected,
            double                   cx,
            double                   cy,
            double                   alpha)
{
  dossier_chart_shape_path (cr, shape, cx, cy, SHAPE);
  if (expected)
    {
      dossier_chart_set_color (cr, style->background, alpha);
      cairo_fill_preserve (cr);
      dossier_chart_set_series_color (cr, style, shape, alpha);
      cairo_set_line_width (cr, 2.);
      cairo_stroke (cr);
    }
  else
    {
      dossier_chart_set_series_color (cr, style, shape, alpha);
      cairo_fill (cr);
    }
}

static const struct { DossierChartShape shape; gboolean expected; const char *text; } legend[] = {
  /* Translators: the timeline's legend: what each shape stands for */
  { DOSSIER_CHART_SHAPE_CIRCLE, FALSE, NC_("timeline legend", "Filing, motion, appeal") },
  { DOSSIER_CHART_SHAPE_DIAMOND, FALSE, NC_("timeline legend", "Ruling, award") },
  { DOSSIER_CHART_SHAPE_SQUARE, FALSE, NC_("timeline legend", "Hearing, deadline") },
  { DOSSIER_CHART_SHAPE_TRIANGLE, FALSE, NC_("timeline legend", "Report, other") },
  { DOSSIER_CHART_SHAPE_CIRCLE, TRUE, NC_("timeline legend", "Expected (hollow)") },
};

static PangoLayout *
hidden_text (PangoContext               *context,
             const PangoFontDescription *font,
             guint                       n_hidden)
{
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                        /* Translators: at the top right of a crowded timeline */
                                                        "%u label hidden: zoom in", "%u labels hidden: zoom in",
                                                        n_hidden),
                                           n_hidden);

  return dossier_chart_text_new (context, font, text, 0.85, FALSE, -1);
}

/* The shapes and what they stand for, on as many lines as @width needs
 * (the last keeping room at its right for how many labels wait for a
 * zoom); drawn when @cr is given. Returns the lines. */
guint
dossier_chart_timeline_legend (cairo_t                    *cr,
                PangoContext               *context,
                const PangoFontDescription *font,
                const DossierChartStyle    *style,
                double                      x0,
                double                      y,
                double                      width,
                double                      line,
                guint                       n_hidden)
{
  g_autoptr(PangoLayout) hidden = hidden_text (context, font, MAX (n_hidden, 88));
  double right = x0 + width, x = x0, reserve = dossier_chart_text_width (hidden) + 2 * GAP;
  guint lines = 1;

  for (guint i = 0; i < G_N_ELEMENTS (legend); i++)
    {
      const char *words = g_dpgettext2 (GETTEXT_PACKAGE, "timeline legend", legend[i].text);
      g_autoptr(PangoLayout) text = dossier_chart_text_new (context, font, words, 0.85, FALSE, -1);
      double w = SHAPE + 4 + dossier_chart_text_width (text);
      /* The last entry keeps room for the count of hidden labels. */
      double limit = i == G_N_ELEMENTS (legend) - 1 ? right - reserve : right;

      if (x + w > limit && x > x0)
        {
          x = x0;
          y += line;
          lines++;
        }
      if (cr != NULL)
        {
          if (legend[i].expected)
            {
              dossier_chart_shape_path (cr, legend[i].shape, x + SHAPE / 2., y + line / 2., SHAPE);
              dossier_chart_set_color (cr, style->foreground, 0.8);
              cairo_set_line_width (cr, 2.);
              cairo_stroke (cr);
            }
          else
            dossier_chart_draw_shape (cr, style, legend[i].shape, FALSE, x + SHAPE / 2., y + line / 2., 1.);
          dossier_chart_set_color (cr, style->foreground, 0.85);
          dossier_chart_text_show (cr, text, x + SHAPE + 4, y + (line - dossier_chart_text_height (text)) / 2.);
        }
      x += w + 2 * GAP;
    }

  if (cr != NULL && n_hidden > 0)
    {
      g_autoptr(PangoLayout) count = hidden_text (context, font, n_hidden);

      dossier_chart_set_color (cr, style->foreground, 0.72);
      dossier_chart_text_show (cr, count, right - dossier_chart_text_width (count),
                               y + (line - dossier_chart_text_height (count)) / 2.);
    }
  return lines;
}

