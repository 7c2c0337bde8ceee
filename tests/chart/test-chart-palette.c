/* test-chart-palette.c: the organizations' colours meet WCAG AA contrast
 * against the background in light and dark styles, stay apart from each
 * other, and come round dashed or hatched, never the same twice
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "dossier-chart-palette.h"
#include "dossier-chart-view.h"

/* Adwaita's light and dark window colours, the exporter's, and a theme of
 * mid-grey that is hard on any palette. */
static const struct {
  const char *name;
  double foreground[4];
  double background[4];
} styles[] = {
  { "export",         { 0.13, 0.13, 0.15, 1. }, { 1., 1., 1., 1. } },
  { "adwaita",        { 0., 0., 0., 0.8 },       { 0.98, 0.98, 0.98, 1. } },
  { "adwaita-dark",   { 1., 1., 1., 1. },        { 0.141, 0.141, 0.141, 1. } },
  { "high-contrast",  { 1., 1., 1., 1. },        { 0., 0., 0., 1. } },
  { "grey",           { 0., 0., 0., 1. },        { 0.55, 0.55, 0.55, 1. } },
};

static void
style_at (guint              index,
          DossierChartStyle *style)
{
  memset (style, 0, sizeof *style);
  memcpy (style->foreground, styles[index].foreground, sizeof style->foreground);
  memcpy (style->background, styles[index].background, sizeof style->background);
}

static void
test_contrast_ratio (void)
{
  const double black[4] = { 0, 0, 0, 1 }, white[4] = { 1, 1, 1, 1 };
  const double grey[4] = { 0.466, 0.466, 0.466, 1 };

  g_assert_cmpfloat_with_epsilon (dossier_chart_contrast_ratio (black, white), 21., 1e-9);
  g_assert_cmpfloat_with_epsilon (dossier_chart_contrast_ratio (white, white), 1., 1e-9);
  /* #777777 on white, WCAG's textbook 4.48:1. */
  g_assert_cmpfloat_with_epsilon (dossier_chart_contrast_ratio (grey, white), 4.48, 0.02);
}

static void
test_contrast_in_every_style (void)
{
  for (guint s = 0; s < G_N_ELEMENTS (styles); s++)
    {
      DossierChartStyle style;

      style_at (s, &style);
      for (guint rank = 0; rank < 3 * dossier_chart_palette_size (); rank++)
        {
          double marks[4], text[4];

          dossier_chart_series_color (&style, rank, DOSSIER_CHART_CONTRAST_MARKS, marks);
          dossier_chart_series_color (&style, rank, DOSSIER_CHART_CONTRAST_TEXT, text);
          if (dossier_chart_contrast_ratio (marks, style.background) < DOSSIER_CHART_CONTRAST_MARKS ||
              dossier_chart_contrast_ratio (text, style.background) < DOSSIER_CHART_CONTRAST_TEXT)
            g_error ("%s: rank %u: %.2f:1 for marks, %.2f:1 for text", styles[s].name, rank,
                     dossier_chart_contrast_ratio (marks, style.background),
                     dossier_chart_contrast_ratio (text, style.background));
        }
    }
}

/* The first round of colours stays apart: no two closer than a visible
 * step, even once moved towards the text colour for contrast. Not on the
 * mid-grey theme, where every colour must go most of the way to black to
 * reach 3:1: there the contrast is kept and the patterns tell apart. */
static void
test_colours_apart (void)
{
  for (guint s = 0; s < G_N_ELEMENTS (styles) - 1; s++)
    {
      DossierChartStyle style;

      style_at (s, &style);
      for (guint a = 0; a < dossier_chart_palette_size (); a++)
        for (guint b = a + 1; b < dossier_chart_palette_size (); b++)
          {
            double ca[4], cb[4];

            dossier_chart_series_color (&style, a, DOSSIER_CHART_CONTRAST_MARKS, ca);
            dossier_chart_series_color (&style, b, DOSSIER_CHART_CONTRAST_MARKS, cb);
            g_assert_cmpfloat (fabs (ca[0] - cb[0]) + fabs (ca[1] - cb[1]) + fabs (ca[2] - cb[2]), >, 0.15);
          }
    }
}

/* Past the palette, the same colour comes back as another pattern: a line
 * dashed, an area hatched. */
static void
test_round_two_differs (void)
{
  DossierChartStyle style;
  guint n = dossier_chart_palette_size ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 40, 20);
  cairo_t *cr = cairo_create (surface);
  double dashes[8];
  guint pixels_differ = 0;
  unsigned char *data;

  style_at (0, &style);
  dossier_chart_set_series_dash (cr, 0);
  g_assert_cmpint (cairo_get_dash_count (cr), ==, 0);
  dossier_chart_set_series_dash (cr, n);
  g_assert_cmpint (cairo_get_dash_count (cr), >, 0);
  cairo_get_dash (cr, dashes, NULL);
  dossier_chart_set_series_dash (cr, 2 * n);
  g_assert_cmpint (cairo_get_dash_count (cr), >, 0);

  /* Rank 0 and rank n, side by side: the hatching shows. */
  cairo_rectangle (cr, 0, 0, 20, 20);
  dossier_chart_fill_series (cr, &style, 0, 1.);
  cairo_rectangle (cr, 20, 0, 20, 20);
  dossier_chart_fill_series (cr, &style, n, 1.);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  for (int y = 2; y < 18; y++)
    for (int x = 2; x < 18; x++)
      {
        guint32 left = ((guint32 *) (data + y * cairo_image_surface_get_stride (surface)))[x];
        guint32 right = ((guint32 *) (data + y * cairo_image_surface_get_stride (surface)))[x + 20];

        pixels_differ += left != right;
      }
  g_assert_cmpuint (pixels_differ, >, 16 * 16 / 4);
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/palette/contrast-ratio", test_contrast_ratio);
  g_test_add_func ("/chart/palette/contrast-in-every-style", test_contrast_in_every_style);
  g_test_add_func ("/chart/palette/colours-apart", test_colours_apart);
  g_test_add_func ("/chart/palette/round-two-differs", test_round_two_differs);

  return g_test_run ();
}
