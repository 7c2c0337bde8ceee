/* dossier-chart-png.c
 *
 * An exported chart's pixels written as PNG with libpng directly: cairo's
 * writer lets libpng try every filter on every row and keep the best,
 * which took two thirds of a headless export at 1280×720 (callgrind:
 * 365 of 571 million instructions), for a chart of flat colours that the
 * one "sub" filter compresses as well. Pixels are unpremultiplied as
 * cairo's writer does, so that the file decodes to the same colours.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-chart"

#include "config.h"

#include <png.h>
#include <setjmp.h>
#include <string.h>

#include "dossier-chart-png.h"

static void
write_bytes (png_structp png,
             png_bytep   data,
             png_size_t  length)
{
  g_byte_array_append (png_get_io_ptr (png), data, (guint) length);
}

static void
flush_nothing (png_structp png)
{
}

/* Cairo's ARGB32 (native-endian, premultiplied) to RGBA. */
static void
unpremultiply (const guint32 *in,
               guint8        *out,
               int            width,
               gboolean       alpha)
{
  for (int x = 0; x < width; x++, out += alpha ? 4 : 3)
    {
      guint32 pixel = in[x];
      guint a = pixel >> 24, r = (pixel >> 16) & 0xff, g = (pixel >> 8) & 0xff, b = pixel & 0xff;

      if (alpha && a != 0xff)
        {
          if (a == 0)
            r = g = b = 0;
          else
            {
              r = (r * 255 + a / 2) / a;
              g = (g * 255 + a / 2) / a;
              b = (b * 255 + a / 2) / a;
            }
        }
      out[0] = (guint8) r;
      out[1] = (guint8) g;
      out[2] = (guint8) b;
      if (alpha)
        out[3] = (guint8) a;
    }
}

/**
 * dossier_chart_write_png:
 * @surface: an ARGB32 image surface
 * @out: where the file goes
 *
 * Returns: %CAIRO_STATUS_SUCCESS, or why not
 */
cairo_status_t
dossier_chart_write_png (cairo_surface_t *surface,
                         GByteArray      *out)
{
  int width, height, stride;
  const guint8 *pixels;
  volatile gboolean alpha = FALSE;
  png_structp png;
  png_infop info;
  guint8 *volatile row = NULL;

  cairo_surface_flush (surface);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    return cairo_surface_status (surface);
  if (cairo_image_surface_get_format (surface) != CAIRO_FORMAT_ARGB32)
    return CAIRO_STATUS_INVALID_FORMAT;
  width = cairo_image_surface_get_width (surface);
  height = cairo_image_surface_get_height (surface);
  stride = cairo_image_surface_get_stride (surface);
  pixels = cairo_image_surface_get_data (surface);

  /* Opaque all over (a chart on its background): RGB, a quarter smaller. */
  for (int y = 0; y < height && !alpha; y++)
    for (int x = 0; x < width && !alpha; x++)
      alpha = (((const guint32 *) (gconstpointer) (pixels + (gsize) y * stride))[x] >> 24) != 0xff;

  png = png_create_write_struct (PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
  if (png == NULL)
    return CAIRO_STATUS_NO_MEMORY;
  info = png_create_info_struct (png);
  if (info == NULL)
    {
      png_destroy_write_struct (&png, NULL);
      return CAIRO_STATUS_NO_MEMORY;
    }
  if (setjmp (png_jmpbuf (png)))
    {
      g_free (row);
      png_destroy_write_struct (&png, &info);
      return CAIRO_STATUS_WRITE_ERROR;
    }

  png_set_write_fn (png, out, write_bytes, flush_nothing);
  png_set_IHDR (png, info, (png_uint_32) width, (png_uint_32) height, 8,
                alpha ? PNG_COLOR_TYPE_RGB_ALPHA : PNG_COLOR_TYPE_RGB,
                PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  png_set_filter (png, PNG_FILTER_TYPE_BASE, PNG_FILTER_SUB);
  png_write_info (png, info);

  row = g_malloc ((gsize) width * 4);
  for (int y = 0; y < height; y++)
    {
      unpremultiply ((const guint32 *) (gconstpointer) (pixels + (gsize) y * stride), row, width, alpha);
      png_write_row (png, row);
    }
  png_write_end (png, info);
  png_destroy_write_struct (&png, &info);
  g_free (row);
  return CAIRO_STATUS_SUCCESS;
}
