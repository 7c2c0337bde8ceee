/* dossier-chart-export.c
 *
 * Writes a chart to a file through the view that draws it on screen, in
 * light colours and a fixed font so that an export does not depend on the
 * desktop it was made on. The file's extension picks the format. The
 * title, the description (every figure, the source and the series' notes)
 * and the credit go into the file's metadata: PDF's document properties,
 * SVG's <title> and <desc>, PNG's text chunks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-chart"

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "dossier-chart-content.h"
#include "dossier-chart-export.h"
#include "dossier-chart-png.h"
#include "dossier-chart-view.h"
#include "dossier-file.h"

/**
 * dossier_chart_append_to_bytes:
 * @closure: a #GByteArray
 *
 * A cairo write function that gathers a file in memory.
 */
cairo_status_t
dossier_chart_append_to_bytes (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* The PNG's CRC (ISO 3309), for the chunks added to cairo's file. */
static guint32
png_crc (const guchar *data,
         gsize         length,
         guint32       crc)
{
  crc = ~crc;
  for (gsize i = 0; i < length; i++)
    {
      crc ^= data[i];
      for (int k = 0; k < 8; k++)
        crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
  return ~crc;
}

/* An iTXt chunk (UTF-8 text, uncompressed) of @keyword: @text. */
static void
append_png_text (GByteArray *chunks,
                 const char *keyword,
                 const char *text)
{
  g_autoptr(GByteArray) body = g_byte_array_new ();
  static const guint8 flags[] = { 0, 0, 0, 0, 0 };  /* \0, not compressed, method, no language, no translation */
  guint8 length[4];
  guint32 crc;
  guint8 crc_bytes[4];

  g_byte_array_append (body, (const guint8 *) "iTXt", 4);
  g_byte_array_append (body, (const guint8 *) keyword, strlen (keyword));
  g_byte_array_append (body, flags, sizeof flags);
  g_byte_array_append (body, (const guint8 *) text, strlen (text));

  length[0] = (body->len - 4) >> 24;
  length[1] = (body->len - 4) >> 16;
  length[2] = (body->len - 4) >> 8;
  length[3] = (body->len - 4);
  crc = png_crc (body->data, body->len, 0);
  crc_bytes[0] = crc >> 24;
  crc_bytes[1] = crc >> 16;
  crc_bytes[2] = crc >> 8;
  crc_bytes[3] = crc;

  g_byte_array_append (chunks, length, 4);
  g_byte_array_append (chunks, body->data, body->len);
  g_byte_array_append (chunks, crc_bytes, 4);
}

/* The title, the description, the source and the credit in a PNG's text
 * chunks, right after its header chunk (8 bytes of signature, 25 of IHDR). */
static void
add_png_metadata (GByteArray                *png,
                  const DossierChartContent *content)
{
  g_autoptr(GByteArray) chunks = g_byte_array_new ();
  g_autofree char *description = dossier_chart_content_describe (content);

  if (png->len < 33 || memcmp (png->data + 12, "IHDR", 4) != 0)
    return;

  append_png_text (chunks, "Title", content->title);
  append_png_text (chunks, "Description", description);
  /* PNG's "Source" is the device that made the image: the chart's source
   * goes in a comment. */
  append_png_text (chunks, "Comment", content->source);
  append_png_text (chunks, "Author", content->credit);
  append_png_text (chunks, "Software", PACKAGE_NAME " " PACKAGE_VERSION);
  g_byte_array_prepend (chunks, png->data, 33);
  g_byte_array_remove_range (png, 0, 33);
  g_byte_array_prepend (png, chunks->data, chunks->len);
}

/* <title> and <desc> as the SVG's first children, which screen readers
 * and search engines read. */
static void
add_svg_metadata (GByteArray                *svg,
                  const DossierChartContent *content)
{
  g_autofree char *description = dossier_chart_content_describe (content);
  g_autofree char *title = g_markup_escape_text (content->title, -1);
  g_autofree char *desc = g_markup_escape_text (description, -1);
  g_autofree char *credit = g_markup_escape_text (content->credit, -1);
  g_autofree char *text = NULL;
  g_autofree char *added = NULL;
  const char *open, *end;

  text = g_strndup ((const char *) svg->data, svg->len);
  open = strstr (text, "<svg");
  end = open != NULL ? strchr (open, '>') : NULL;
  if (end == NULL)
    return;

  added = g_strdup_printf ("\n<title>%s</title>\n<desc>%s %s</desc>", title, desc, credit);
  g_byte_array_set_size (svg, 0);
  g_byte_array_append (svg, (const guint8 *) text, end + 1 - text);
  g_byte_array_append (svg, (const guint8 *) added, strlen (added));
  g_byte_array_append (svg, (const guint8 *) end + 1, strlen (end + 1));
}

/**
 * dossier_chart_format_from_path:
 * @format: (out): the format of @path's extension
 *
 * Returns: whether @path ends in .png, .svg or .pdf, in any case
 */
gboolean
dossier_chart_format_from_path (const char         *path,
                                DossierChartFormat *format)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  if (g_str_has_suffix (lower, ".png"))
    *format = DOSSIER_CHART_FORMAT_PNG;
  else if (g_str_has_suffix (lower, ".svg"))
    *format = DOSSIER_CHART_FORMAT_SVG;
  else if (g_str_has_suffix (lower, ".pdf"))
    *format = DOSSIER_CHART_FORMAT_PDF;
  else
    return FALSE;
  return TRUE;
}

/**
 * dossier_chart_export_bytes:
 * @width: the chart's width, in pixels at scale 1 or points
 * @scale: 1, or more for a PNG of @scale times as many pixels a side,
 *   laid out as at scale 1 (a 2× image for screens of twice the density)
 *
 * Draws the chart in memory with the code that draws it on screen, in
 * light colours and a fixed font, with its title, description, source
 * and credit in the file's metadata. What the export dialog previews, the
 * clipboard gets and a file is written from.
 *
 * Returns: (transfer full): the file's bytes, or %NULL with @error set
 */
GBytes *
dossier_chart_export_bytes (const DossierChartView     *view,
                            const DossierChartContent  *content,
                            DossierChartFormat          format,
                            int                         width,
                            int                         height,
                            int                         scale,
                            GError                    **error)
{
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans 11");
  g_autoptr(GByteArray) data = g_byte_array_new ();
  g_autoptr(DossierChartLayout) layout = NULL;
  g_autofree char *description = NULL;
  PangoContext *context;
  cairo_surface_t *surface;
  cairo_status_t status;
  DossierChartStyle style;
  cairo_t *cr;

  g_return_val_if_fail (view != NULL, NULL);
  g_return_val_if_fail (content != NULL, NULL);

  if (width < DOSSIER_CHART_MIN_WIDTH || height < DOSSIER_CHART_MIN_HEIGHT ||
      width > 20000 || height > 20000)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   /* Translators: 1, 2 the size asked for; 3, 4 the smallest readable */
                   _("A chart of %1$d×%2$d cannot be read: the smallest is %3$d×%4$d, the largest 20000×20000"),
                   width, height, DOSSIER_CHART_MIN_WIDTH, DOSSIER_CHART_MIN_HEIGHT);
      return NULL;
    }
  /* Cairo's images stop at 32767 pixels a side; memory, well before. */
  if (format == DOSSIER_CHART_FORMAT_PNG && scale >= 1 &&
      ((gint64) width * scale > 32767 || (gint64) height * scale > 32767 ||
       (gint64) width * scale * height * scale > 100000000))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   /* Translators: 1, 2 the pixels asked for */
                   _("A PNG image of %1$d×%2$d pixels is too large to make: at most 100 million pixels, "
                     "and 32767 a side"), width * scale, height * scale);
      return NULL;
    }
  if (scale < 1 || scale > 4 || (scale > 1 && format != DOSSIER_CHART_FORMAT_PNG))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Cannot export at scale %d: a scale of 2 to 4 is for PNG images (SVG and PDF are "
                     "sharp at any size)"), scale);
      return NULL;
    }

  switch (format)
    {
    case DOSSIER_CHART_FORMAT_PNG:
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale, height * scale);
      break;
    case DOSSIER_CHART_FORMAT_SVG:
      surface = cairo_svg_surface_create_for_stream (dossier_chart_append_to_bytes, data, width, height);
      /* Pixels, as a web page means them: cairo's default, points, makes
       * a 1200-wide chart 1600 pixels wide in a browser. */
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
      break;
    case DOSSIER_CHART_FORMAT_PDF:
    default:
      surface = cairo_pdf_surface_create_for_stream (dossier_chart_append_to_bytes, data, width, height);
      description = dossier_chart_content_describe (content);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, content->title);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, description);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, content->credit);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, PACKAGE_NAME " " PACKAGE_VERSION);
      break;
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

  if (status == CAIRO_STATUS_SUCCESS && format == DOSSIER_CHART_FORMAT_PNG)
    status = dossier_chart_write_png (surface, data);
  else if (status == CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_finish (surface);
      status = cairo_surface_status (surface);
    }
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Cannot draw the chart: %s"), cairo_status_to_string (status));
      return NULL;
    }

  if (format == DOSSIER_CHART_FORMAT_PNG)
    add_png_metadata (data, content);
  else if (format == DOSSIER_CHART_FORMAT_SVG)
    add_svg_metadata (data, content);

  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
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
 * @scale: see dossier_chart_export_bytes()
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
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *dir = NULL;
  DossierChartFormat format;

  g_return_val_if_fail (view != NULL, FALSE);
  g_return_val_if_fail (content != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  dir = g_path_get_dirname (path);
  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("Cannot write %s: the folder %s does not exist"), path, dir);
      return FALSE;
    }

  if (!dossier_chart_format_from_path (path, &format))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Cannot export to %s: the file name must end in .png, .svg or .pdf"), path);
      return FALSE;
    }

  if (!(bytes = dossier_chart_export_bytes (view, content, format, width, height, scale, &local_error)))
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("Cannot write %s: %s"), path, local_error->message);
      return FALSE;
    }

  return dossier_file_replace (path, bytes, error);
}
