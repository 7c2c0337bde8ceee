/* bench-pangocairo.c: the floor for exporting a chart to PNG
 *
 *   bench-pangocairo OUT.png WIDTH HEIGHT
 *
 * The least a program does to draw what Dossier's bar chart shows: three
 * labelled bars (AWS 39 %, Microsoft 19 %, Google 9 %) and a title, laid
 * out with Pango on a Cairo image surface, written to a PNG.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <pango/pangocairo.h>
#include <stdlib.h>

static void
text (cairo_t    *cr,
      const char *markup,
      double      x,
      double      y)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Sans 11");

  pango_layout_set_font_description (layout, font);
  pango_layout_set_markup (layout, markup, -1);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  pango_font_description_free (font);
  g_object_unref (layout);
}

int
main (int   argc,
      char *argv[])
{
  static const struct { const char *name; double share; } bars[] = {
    { "AWS", 39 }, { "Microsoft", 19 }, { "Google", 9 },
  };
  int width = argc > 3 ? atoi (argv[2]) : 1280, height = argc > 3 ? atoi (argv[3]) : 720;
  cairo_surface_t *surface;
  cairo_t *cr;

  if (argc < 2)
    return 2;
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  text (cr, "<b>Cloud infrastructure, Q3 2019</b>", 24, 16);
  for (guint i = 0; i < G_N_ELEMENTS (bars); i++)
    {
      double y = 80 + i * (height - 120) / 3.;
      g_autofree char *label = g_strdup_printf ("%s %.0f %%", bars[i].name, bars[i].share);

      text (cr, label, 24, y);
      cairo_set_source_rgb (cr, 0.2, 0.4, 0.8);
      cairo_rectangle (cr, 160, y, (width - 200) * bars[i].share / 100., (height - 120) / 3. - 16);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 0, 0, 0);
    }
  cairo_destroy (cr);
  if (cairo_surface_write_to_png (surface, argv[1]) != CAIRO_STATUS_SUCCESS)
    return 1;
  cairo_surface_destroy (surface);
  return 0;
}
