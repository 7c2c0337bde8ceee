/* dossier-chart-palette.c
 *
 * The colours that tell organizations apart in every view. They are Okabe
 * and Ito's, chosen to stay apart for colour-blind readers, darkened or
 * lightened towards the style's text colour until they reach WCAG AA
 * contrast against its background: 3:1 for lines, slices and bars, 4.5:1
 * for the names written in them. They are worked out from the style each
 * time they are drawn, so a change between light and dark styles re-reads
 * them. Past the seventh organization colours come round again, and the
 * lines are dashed and the areas hatched so that no two organizations look
 * the same.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-chart"

#include "config.h"

#include <math.h>

#include "dossier-chart-palette.h"
#include "dossier-chart-view.h"

/* Okabe and Ito's colours, without the yellow, which no darkening keeps
 * apart from the orange; the last, black, is the style's text colour. */
static const double palette[][3] = {
  { 0.000, 0.447, 0.698 },   /* blue */
  { 0.835, 0.369, 0.000 },   /* vermilion */
  { 0.000, 0.620, 0.451 },   /* bluish green */
  { 0.800, 0.475, 0.655 },   /* reddish purple */
  { 0.337, 0.706, 0.914 },   /* sky blue */
  { 0.902, 0.624, 0.000 },   /* orange */
  { 0.000, 0.000, 0.000 },   /* black: the foreground */
};

/**
 * dossier_chart_palette_size:
 *
 * Returns: how many organizations have a colour of their own before the
 *   colours come round again, dashed or hatched
 */
guint
dossier_chart_palette_size (void)
{
  return G_N_ELEMENTS (palette);
}

static double
channel (double c)
{
  return c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

static double
luminance (const double rgb[4])
{
  return 0.2126 * channel (rgb[0]) + 0.7152 * channel (rgb[1]) + 0.0722 * channel (rgb[2]);
}

/**
 * dossier_chart_contrast_ratio:
 *
 * Returns: WCAG 2.1's contrast ratio of two opaque colours, 1 to 21
 */
double
dossier_chart_contrast_ratio (const double a[4],
                              const double b[4])
{
  double la = luminance (a), lb = luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

/**
 * dossier_chart_series_color:
 * @rank: the organization's colour rank (dossier_chart_content's colour)
 * @contrast: the least contrast against @style's background
 *   (%DOSSIER_CHART_CONTRAST_MARKS or %DOSSIER_CHART_CONTRAST_TEXT)
 * @rgba: (out): the colour
 *
 * The colour of @rank on @style, moved towards the text colour as little
 * as reaches @contrast against the background.
 */
void
dossier_chart_series_color (const DossierChartStyle *style,
                            guint                    rank,
                            double                   contrast,
                            double                   rgba[4])
{
  guint index = rank % G_N_ELEMENTS (palette);
  double base[4] = { palette[index][0], palette[index][1], palette[index][2], 1. };

  if (index == G_N_ELEMENTS (palette) - 1)
    for (guint c = 0; c < 3; c++)
      base[c] = style->foreground[c];

  for (guint step = 0; step <= 20; step++)
    {
      double t = step / 20.;

      for (guint c = 0; c < 3; c++)
        rgba[c] = base[c] + t * (style->foreground[c] - base[c]);
      rgba[3] = 1.;
      if (dossier_chart_contrast_ratio (rgba, style->background) >= contrast)
        return;
    }
}

/**
 * dossier_chart_set_series_color:
 *
 * Sets the colour of @rank's lines, slices and bars: the same rank, the
 * same colour, in every view.
 */
void
dossier_chart_set_series_color (cairo_t                 *cr,
                                const DossierChartStyle *style,
                                guint                    rank,
                                double                   alpha)
{
  double rgba[4];

  dossier_chart_series_color (style, rank, DOSSIER_CHART_CONTRAST_MARKS, rgba);
  dossier_chart_set_color (cr, rgba, alpha);
}

/**
 * dossier_chart_set_series_text_color:
 *
 * Sets the colour of a name written in @rank's colour.
 */
void
dossier_chart_set_series_text_color (cairo_t                 *cr,
                                     const DossierChartStyle *style,
                                     guint                    rank,
                                     double                   alpha)
{
  double rgba[4];

  dossier_chart_series_color (style, rank, DOSSIER_CHART_CONTRAST_TEXT, rgba);
  dossier_chart_set_color (cr, rgba, alpha);
}

/**
 * dossier_chart_set_series_dash:
 *
 * Solid for the first round of colours, then dashes, dots, dash-dots.
 */
void
dossier_chart_set_series_dash (cairo_t *cr,
                               guint    rank)
{
  static const double dashes[] = { 6., 3. };
  static const double dots[] = { 1.5, 2.5 };
  static const double dash_dots[] = { 7., 2.5, 1.5, 2.5 };

  switch ((rank / G_N_ELEMENTS (palette)) % 4)
    {
    case 0:
      cairo_set_dash (cr, NULL, 0, 0.);
      break;
    case 1:
      cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0.);
      break;
    case 2:
      cairo_set_dash (cr, dots, G_N_ELEMENTS (dots), 0.);
      break;
    default:
      cairo_set_dash (cr, dash_dots, G_N_ELEMENTS (dash_dots), 0.);
      break;
    }
}

/**
 * dossier_chart_fill_series:
 *
 * Fills the current path (and clears it) in @rank's colour: plain for the
 * first round of colours, then hatched with the background one way, the
 * other way, and both.
 */
void
dossier_chart_fill_series (cairo_t                 *cr,
                           const DossierChartStyle *style,
                           guint                    rank,
                           double                   alpha)
{
  guint round = (rank / G_N_ELEMENTS (palette)) % 4;
  double x1, y1, x2, y2, side;

  cairo_save (cr);
  dossier_chart_set_series_color (cr, style, rank, alpha);
  if (round == 0)
    {
      cairo_fill (cr);
      cairo_restore (cr);
      return;
    }

  cairo_fill_preserve (cr);
  cairo_clip (cr);
  cairo_clip_extents (cr, &x1, &y1, &x2, &y2);
  side = y2 - y1;
  dossier_chart_set_color (cr, style->background, 0.85 * alpha);
  cairo_set_line_width (cr, 1.5);
  for (double d = x1 - side; d < x2 + side; d += 5.)
    {
      if (round != 2)
        {
          cairo_move_to (cr, d, y2);
          cairo_line_to (cr, d + side, y1);
        }
      if (round != 1)
        {
          cairo_move_to (cr, d, y1);
          cairo_line_to (cr, d + side, y2);
        }
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}
