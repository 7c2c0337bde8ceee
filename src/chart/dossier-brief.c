/* dossier-brief.c
 *
 * A case brief on pages: each block of dossier-brief-content.c laid out
 * with Pango at the page's width, and its lines placed down the page,
 * breaking a long text between lines, never inside one; a heading or an
 * event's title never ends a page alone; a chart moves whole to the next
 * page when it does not fit. Each page after the first has a running
 * header (the case file's title and "Case brief"), and every page its
 * number ("Page 2 of 5"). The same code draws on a printer's page
 * (GtkPrintOperation, in points) and into a PDF written without a
 * display; addresses are links in the PDF.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-brief"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "dossier-brief-private.h"
#include "dossier-chart-export.h"
#include "dossier-chart-view.h"
#include "dossier-file.h"

#define MARGIN_SIDE   56.
#define MARGIN_TOP    64.
#define MARGIN_BOTTOM 60.
#define HEADER_SIZE   8.5

static double
content_width (DossierBrief *self)
{
  return MAX (100., self->width - 2 * MARGIN_SIDE);
}

static PangoLayout *
new_layout (DossierBrief *self,
            PangoContext *context,
            double        size,
            double        width)
{
  PangoLayout *layout = pango_layout_new (context);
  g_autoptr(PangoFontDescription) font = pango_font_description_copy (self->font);

  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  return layout;
}

static void
lay_out_block (DossierBrief      *self,
               DossierBriefBlock *block,
               PangoContext      *context)
{
  double width = content_width (self) - block->indent;

  g_clear_object (&block->layout);
  if (block->markup == NULL)
    return;

  block->layout = new_layout (self, context, block->size, width);
  pango_layout_set_markup (block->layout, block->markup, -1);
  if (block->hanging)
    {
      /* "[12] Publisher, …": the lines after the first start under the text. */
      pango_layout_set_indent (block->layout, (int) (-20 * PANGO_SCALE));
      pango_layout_set_width (block->layout, (int) ((width - 20) * PANGO_SCALE));
    }
}

/* The top and bottom of line @index, in points from the layout's top. */
static void
line_range (PangoLayout *layout,
            int          index,
            double      *top,
            double      *bottom)
{
  g_autoptr(PangoLayoutIter) iter = pango_layout_get_iter (layout);
  int y0 = 0, y1 = 0;

  for (int i = 0; i < index && pango_layout_iter_next_line (iter); i++)
    ;
  pango_layout_iter_get_line_yrange (iter, &y0, &y1);
  *top = y0 / (double) PANGO_SCALE;
  *bottom = y1 / (double) PANGO_SCALE;
}

/* The height the block needs before anything may break it from the next:
 * a chart whole, two lines of a text, and a heading with the first lines
 * of what follows. */
static double
height_to_keep (DossierBrief *self,
                guint         index)
{
  /* Never more than a page: a chain of headings cannot push forever. */
  double page = self->height - MARGIN_TOP - MARGIN_BOTTOM;
  DossierBriefBlock *block = &g_array_index (self->blocks, DossierBriefBlock, index);
  double top, bottom, keep;
  int n;

  if (block->layout == NULL)
    return MIN (block->chart_height, page);

  n = pango_layout_get_line_count (block->layout);
  line_range (block->layout, MIN (n, 2) - 1, &top, &bottom);
  keep = bottom;
  if (block->keep_with_next && index + 1 < self->blocks->len)
    {
      DossierBriefBlock *next = &g_array_index (self->blocks, DossierBriefBlock, index + 1);

      line_range (block->layout, n - 1, &top, &bottom);
      /* What the next block keeps, a heading's next included (a heading
       * over an event's title over its text). */
      keep = bottom + next->space_before + height_to_keep (self, index + 1);
    }
  return MIN (keep, page);
}

/**
 * dossier_brief_paginate:
 * @context: the Pango context of the pages (a printer's, or a PDF's)
 * @width: the page's width, in points
 *
 * Lays the brief out on pages of @width × @height.
 *
 * Returns: the number of pages
 */
guint
dossier_brief_paginate (DossierBrief *self,
                        PangoContext *context,
                        double        width,
                        double        height)
{
  double y = MARGIN_TOP, bottom = height - MARGIN_BOTTOM;
  guint page = 0;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (PANGO_IS_CONTEXT (context), 0);

  self->width = width;
  self->height = height;
  g_clear_pointer (&self->font, pango_font_description_free);
  self->font = pango_font_description_from_string ("Sans");
  g_array_set_size (self->pieces, 0);

  for (guint i = 0; i < self->blocks->len; i++)
    lay_out_block (self, &g_array_index (self->blocks, DossierBriefBlock, i), context);

  for (guint i = 0; i < self->blocks->len; i++)
    {
      DossierBriefBlock *block = &g_array_index (self->blocks, DossierBriefBlock, i);
      DossierBriefPiece piece = { .block = i };
      double space = y > MARGIN_TOP ? block->space_before : 0.;
      int n;

      if (y > MARGIN_TOP && y + space + MIN (height_to_keep (self, i), bottom - MARGIN_TOP) > bottom)
        {
          page++;
          y = MARGIN_TOP;
          space = 0.;
        }
      y += space;

      if (block->layout == NULL)
        {
          piece.page = page;
          piece.y = y;
          g_array_append_val (self->pieces, piece);
          y += block->chart_height;
          continue;
        }

      /* Line by line, onto the next page when one does not fit. */
      n = pango_layout_get_line_count (block->layout);
      piece.page = page;
      piece.y = y;
      for (int line = 0; line < n; line++)
        {
          double top, line_bottom, first_top, unused;

          line_range (block->layout, line, &top, &line_bottom);
          line_range (block->layout, piece.first_line, &first_top, &unused);
          if (piece.n_lines > 0 && piece.y + (line_bottom - first_top) > bottom)
            {
              g_array_append_val (self->pieces, piece);
              page++;
              piece = (DossierBriefPiece) { .block = i, .page = page, .first_line = line, .y = MARGIN_TOP };
              first_top = top;
            }
          piece.n_lines++;
          y = piece.y + (line_bottom - first_top);
        }
      g_array_append_val (self->pieces, piece);
    }

  self->n_pages = page + 1;
  return self->n_pages;
}

static void
show_text (DossierBrief *self,
           cairo_t      *cr,
           PangoContext *context,
           const char   *text,
           gboolean      bold,
           double        x,
           double        y,
           double        width,
           PangoAlignment alignment)
{
  g_autoptr(PangoLayout) layout = new_layout (self, context, HEADER_SIZE, width);
  g_autoptr(PangoFontDescription) font = pango_font_description_copy (pango_layout_get_font_description (layout));

  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_alignment (layout, alignment);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

/* The running header (after the first page) and the page's number. */
static void
draw_frame (DossierBrief *self,
            cairo_t      *cr,
            PangoContext *context,
            guint         page)
{
  double width = content_width (self);
  /* Translators: the foot of each page of the brief: 1 the page, 2 how many */
  g_autofree char *number = g_strdup_printf (_("Page %1$u of %2$u"), page + 1, self->n_pages);

  cairo_set_source_rgb (cr, 0.33, 0.33, 0.33);
  if (page > 0)
    {
      show_text (self, cr, context, self->title, TRUE, MARGIN_SIDE, MARGIN_TOP - 34, width * 0.7, PANGO_ALIGN_LEFT);
      /* Translators: the running header of the printed brief, at the right */
      show_text (self, cr, context, _("Case brief"), FALSE, MARGIN_SIDE + width * 0.7, MARGIN_TOP - 34,
                 width * 0.3, PANGO_ALIGN_RIGHT);
      cairo_set_line_width (cr, 0.5);
      cairo_move_to (cr, MARGIN_SIDE, MARGIN_TOP - 16);
      cairo_line_to (cr, MARGIN_SIDE + width, MARGIN_TOP - 16);
      cairo_stroke (cr);
    }
  show_text (self, cr, context, number, FALSE, MARGIN_SIDE, self->height - MARGIN_BOTTOM + 24, width, PANGO_ALIGN_CENTER);
}

static void
draw_chart (DossierBrief            *self,
            cairo_t                 *cr,
            PangoContext            *context,
            const DossierBriefBlock *block,
            double                   y)
{
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans 8");
  g_autoptr(DossierChartLayout) layout = NULL;
  DossierChartStyle style;

  dossier_chart_style_init_light (&style);
  style.font = font;
  style.paint_background = FALSE;
  layout = dossier_chart_layout_measure (block->view, block->chart, context, font,
                                         content_width (self), block->chart_height);
  cairo_save (cr);
  cairo_translate (cr, MARGIN_SIDE, y);
  dossier_chart_render (cr, context, block->chart, layout, &style, -1, -1);
  cairo_restore (cr);
}

static void
draw_piece (DossierBrief            *self,
            cairo_t                 *cr,
            PangoContext            *context,
            const DossierBriefPiece *piece)
{
  const DossierBriefBlock *block = &g_array_index (self->blocks, DossierBriefBlock, piece->block);
  g_autoptr(PangoLayoutIter) iter = NULL;
  g_autofree char *scheme = block->uri ? g_uri_parse_scheme (block->uri) : NULL;
  /* Web addresses only are links: a case file from elsewhere may hold
   * anything in a source's address. */
  gboolean linked = scheme != NULL && (g_ascii_strcasecmp (scheme, "https") == 0 ||
                                       g_ascii_strcasecmp (scheme, "http") == 0);
  double first_top = 0.;

  if (block->layout == NULL)
    {
      draw_chart (self, cr, context, block, piece->y);
      return;
    }

  if (linked)
    {
      /* Cairo's attribute string: a backslash and a quote escaped. */
      GString *attributes = g_string_new ("uri='");

      for (const char *p = block->uri; *p != '\0'; p++)
        {
          if (*p == '\\' || *p == '\'')
            g_string_append_c (attributes, '\\');
          g_string_append_c (attributes, *p);
        }
      g_string_append_c (attributes, '\'');
      cairo_tag_begin (cr, CAIRO_TAG_LINK, attributes->str);
      g_string_free (attributes, TRUE);
    }

  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  iter = pango_layout_get_iter (block->layout);
  for (int i = 0; i < piece->first_line + piece->n_lines; i++)
    {
      if (i >= piece->first_line)
        {
          PangoRectangle logical;
          int y0, y1;

          pango_layout_iter_get_line_yrange (iter, &y0, &y1);
          if (i == piece->first_line)
            first_top = y0 / (double) PANGO_SCALE;
          pango_layout_iter_get_line_extents (iter, NULL, &logical);
          cairo_move_to (cr, MARGIN_SIDE + block->indent + logical.x / (double) PANGO_SCALE,
                         piece->y + pango_layout_iter_get_baseline (iter) / (double) PANGO_SCALE - first_top);
          pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
        }
      if (!pango_layout_iter_next_line (iter))
        break;
    }

  if (linked)
    cairo_tag_end (cr, CAIRO_TAG_LINK);
}

/**
 * dossier_brief_draw_page:
 * @cr: a page, in points, at its top left
 * @context: the Pango context the brief was laid out with
 * @page: from 0
 */
void
dossier_brief_draw_page (DossierBrief *self,
                         cairo_t      *cr,
                         PangoContext *context,
                         guint         page)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (page < self->n_pages);

  draw_frame (self, cr, context, page);
  for (guint i = 0; i < self->pieces->len; i++)
    {
      const DossierBriefPiece *piece = &g_array_index (self->pieces, DossierBriefPiece, i);

      if (piece->page == page)
        draw_piece (self, cr, context, piece);
    }
}

/**
 * dossier_brief_write_pdf:
 * @path: where to write it; a file there is replaced whole, or not at all
 *
 * Writes the brief on A4 pages into a PDF, without a display.
 *
 * Returns: whether it was written
 */
gboolean
dossier_brief_write_pdf (DossierBrief  *self,
                         const char    *path,
                         GError       **error)
{
  g_autoptr(GByteArray) data = g_byte_array_new ();
  g_autoptr(GBytes) bytes = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  PangoContext *context;
  cairo_t *cr;
  guint pages;

  g_return_val_if_fail (self != NULL, FALSE);

  surface = cairo_pdf_surface_create_for_stream (dossier_chart_append_to_bytes, data,
                                                 DOSSIER_BRIEF_A4_WIDTH, DOSSIER_BRIEF_A4_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->title);
  /* Translators: the subject in a brief's document properties */
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, _("Case brief"));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, PACKAGE_NAME " " PACKAGE_VERSION);
  cr = cairo_create (surface);
  context = pango_cairo_create_context (cr);
  /* Points are points on paper, as in a printer's context: Pango's
   * default of 96 would set 10-point text at 13. */
  pango_cairo_context_set_resolution (context, 72.);

  pages = dossier_brief_paginate (self, context, DOSSIER_BRIEF_A4_WIDTH, DOSSIER_BRIEF_A4_HEIGHT);
  for (guint page = 0; page < pages; page++)
    {
      dossier_brief_draw_page (self, cr, context, page);
      cairo_show_page (cr);
    }

  status = cairo_status (cr);
  cairo_destroy (cr);
  g_object_unref (context);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Cannot draw the brief: %s"), cairo_status_to_string (status));
      return FALSE;
    }

  bytes = g_byte_array_free_to_bytes (g_steal_pointer (&data));
  return dossier_file_replace (path, bytes, error);
}
