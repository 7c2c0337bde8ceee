/* dossier-chart-export.c
 *
 * Writes a chart to a file through the view that draws it on screen, in
 * light colours and a fixed font so that an export does not depend on the
 * desktop it was made on. The file's extension picks the format.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-chart"

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "dossier-chart-content.h"
#include "dossier-chart-export.h"
#include "dossier-chart-view.h"
#include "dossier-file.h"

static cairo_status_t
append_to_bytes (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/**
 * dossier_chart_export_file:
 * @view: how to draw the items, as on screen
 * @path: a file ending in .png, .svg or .pdf
 *
 * Draws the chart into a file with the code that draws it on screen. The
 * file is drawn in memory, checked, then written whole beside @path and
 * renamed over it (dossier_file_replace()): a failed export leaves a file
 * that was there as it was.
 *
 * Returns: whether the file was written
 */
gboolean
dossier_chart_export_file (const DossierChartView     *view,
                           const DossierChartContent  *content,
                           const char                 *path,
                           int                         width,
                           int                         height,
                           GError                    **error)
{
  return dossier_chart_export_file_scaled (view, content, path, width, height, 1, error);
}

/**
 * dossier_chart_export_file_scaled:
 * @width: the chart's width, in pixels at scale 1 or points
 * @scale: 1, or more for a PNG of @scale times as many pixels a side,
 *   laid out as at scale 1 (a 2× image for screens of twice the density)
 *
 * dossier_chart_export_file() at a scale.
 *
 * Returns: whether the file was written
 */
gboolean
dossier_chart_export_file_scaled (const DossierChartView     *view,
                                  const DossierChartContent  *content,
                                  const char                 *path,
                                  int                         width,
                                  int                         height,
                                  int                         scale,
                                  GError                    **error)
{
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans 11");
  g_autoptr(GByteArray) data = g_byte_array_new ();
  g_autoptr(GBytes) bytes = NULL;
  PangoContext *context;
  g_autoptr(DossierChartLayout) layout = NULL;
  g_autofree char *lower = NULL;
  g_autofree char *dir = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  DossierChartStyle style;
  cairo_t *cr;
  gboolean png = FALSE;

  g_return_val_if_fail (view != NULL, FALSE);
  g_return_val_if_fail (content != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (width <= 0 || height <= 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The chart's size must be positive, not %d×%d"), width, height);
      return FALSE;
    }

  dir = g_path_get_dirname (path);
  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("Cannot write %s: the folder %s does not exist"), path, dir);
      return FALSE;
    }

  lower = g_ascii_strdown (path, -1);
  if (scale < 1 || (scale > 1 && !g_str_has_suffix (lower, ".png")))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Cannot export %s at scale %d: a scale other than 1 is for PNG images (SVG and PDF are "
                     "sharp at any size)"), path, scale);
      return FALSE;
    }

  if (g_str_has_suffix (lower, ".png"))
    {
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale, height * scale);
      png = TRUE;
    }
  else if (g_str_has_suffix (lower, ".svg"))
    surface = cairo_svg_surface_create_for_stream (append_to_bytes, data, width, height);
  else if (g_str_has_suffix (lower, ".pdf"))
    surface = cairo_pdf_surface_create_for_stream (append_to_bytes, data, width, height);
  else
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Cannot export to %s: the file name must end in .png, .svg or .pdf"), path);
      return FALSE;
    }

  dossier_chart_style_init_light (&style);
  style.font = font;

  context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  layout = dossier_chart_layout_measure (view, content, context, font, width, height);

  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  pango_cairo_update_context (cr, context);
  dossier_chart_render (cr, context, content, layout, &style, -1, -1);
  status = cairo_status (cr);
  cairo_destroy (cr);
  g_object_unref (context);

  if (status == CAIRO_STATUS_SUCCESS && png)
    status = cairo_surface_write_to_png_stream (surface, append_to_bytes, data);
  else if (status == CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_finish (surface);
      status = cairo_surface_status (surface);
    }
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Cannot write %s: %s"), path, cairo_status_to_string (status));
      return FALSE;
    }

  bytes = g_byte_array_free_to_bytes (g_steal_pointer (&data));
  return dossier_file_replace (path, bytes, error);
}
