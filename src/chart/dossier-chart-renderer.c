/* dossier-chart-renderer.c
 *
 * A horizontal bar chart, largest share first, one colour for every bar and
 * the theme's accent for the selected one, with the period in the title, the
 * market definition under it and the source at the foot, as published
 * charts do. Layout is a pure function of measured text sizes so that it and
 * the hit-testing are tested without a display.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-chart"

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>
#include <pango/pangocairo.h>

#include "dossier-chart-renderer.h"
#include "dossier-format.h"
#include "dossier-series.h"
#include "dossier-share.h"
#include "dossier-store.h"

#define PADDING    12.
#define GAP         8.
#define MIN_BAR_AREA 40.

DossierChartContent *
dossier_chart_content_new (DossierSeries *series,
                           const char    *period,
                           GListModel    *shares)
{
  DossierChartContent *content = g_new0 (DossierChartContent, 1);
  g_autoptr(GPtrArray) sources = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *period_text = dossier_format_period (period ? period : "");
  g_autofree char *source_list = NULL;
  guint n = shares ? g_list_model_get_n_items (shares) : 0;

  content->names = g_ptr_array_new_with_free_func (g_free);
  content->full_names = g_ptr_array_new_with_free_func (g_free);
  content->values = g_ptr_array_new_with_free_func (g_free);
  content->percents = g_array_new (FALSE, FALSE, sizeof (double));
  content->ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  /* Translators: the chart's title; %s is a period such as "Q3 2019" */
  content->title = g_strdup_printf (_("Market share, %s"), period_text);
  content->subtitle = series ? dossier_series_dup_label (series) : g_strdup ("");

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierShare) share = g_list_model_get_item (shares, i);
      double percent = dossier_share_get_percent (share);
      gint64 id = dossier_share_get_organization_id (share);
      /* Translators: a source as cited under a chart: publisher, then title */
      g_autofree char *source = g_strdup_printf (_("%1$s, %2$s"),
                                                 dossier_share_get_source_publisher (share),
                                                 dossier_share_get_source_title (share));

      g_ptr_array_add (content->names, g_strdup (dossier_share_get_short_name (share)));
      g_ptr_array_add (content->full_names, g_strdup (dossier_share_get_name (share)));
      g_ptr_array_add (content->values, dossier_format_percent (percent));
      g_array_append_val (content->percents, percent);
      g_array_append_val (content->ids, id);

      if (!g_ptr_array_find_with_equal_func (sources, source, g_str_equal, NULL))
        g_ptr_array_add (sources, g_strdup (source));
    }

  g_ptr_array_add (sources, NULL);
  source_list = g_strjoinv ("; ", (char **) sources->pdata);

  content->scale_max = series ? dossier_series_get_max_percent (series) : 0.;

  if (n == 0)
    content->footer = g_strdup (_("No figures for this period."));
  else
    {
      GString *footer = g_string_new (NULL);

      /* Translators: under the chart */
      g_string_append_printf (footer, _("Source: %s."), source_list);
      if (series != NULL && !dossier_series_get_complete (series))
        g_string_append_printf (footer, " %s",
                                _("Only the organizations the source names are shown."));
      if (series != NULL && *dossier_series_get_note (series) != '\0')
        g_string_append_printf (footer, " %s", dossier_series_get_note (series));
      content->footer = g_string_free (footer, FALSE);
    }

  return content;
}

/**
 * dossier_chart_content_load:
 * @series_id: a market series
 * @period: (nullable): one of its periods, or %NULL for the latest
 *
 * The one way from a series and a period to what a chart shows, for the
 * window, the exporter and the tests alike.
 *
 * Returns: (transfer full): the chart, or %NULL with @error set when the
 *   series has no figures for @period (the message lists those it has)
 */
DossierChartContent *
dossier_chart_content_load (DossierStore  *store,
                            gint64         series_id,
                            const char    *period,
                            GError       **error)
{
  g_autoptr(DossierSeries) series = NULL;
  g_autoptr(GListModel) shares = NULL;
  g_auto(GStrv) periods = NULL;

  g_return_val_if_fail (DOSSIER_IS_STORE (store), NULL);

  if (!(series = dossier_store_get_series (store, series_id, error)) ||
      !(periods = dossier_store_list_periods (store, series_id, error)))
    return NULL;

  if (period == NULL && periods[0] != NULL)
    period = periods[g_strv_length (periods) - 1];

  if (period == NULL || !g_strv_contains ((const char * const *) periods, period))
    {
      g_autofree char *list = g_strjoinv (", ", periods);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   /* Translators: 1 a series name, 2 a period, 3 the periods it has */
                   _("“%1$s” has no figures for %2$s; it has: %3$s"),
                   dossier_series_get_slug (series), period ? period : "", list);
      return NULL;
    }

  if (!(shares = dossier_store_list_shares (store, series_id, period, error)))
    return NULL;

  return dossier_chart_content_new (series, period, shares);
}

/**
 * dossier_chart_content_new_for_case:
 *
 * Returns: (transfer full): the chart a case file opens on (its own series
 *   and period), or %NULL with @error set when it has none
 */
DossierChartContent *
dossier_chart_content_new_for_case (DossierStore  *store,
                                    gint64         case_id,
                                    GError       **error)
{
  g_autofree char *period = NULL;
  gint64 series_id = 0;

  if (!dossier_store_get_case_market (store, case_id, &series_id, &period, error))
    return NULL;

  if (series_id == 0 || period == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("%s has no market figures to chart"), dossier_store_get_path (store));
      return NULL;
    }

  return dossier_chart_content_load (store, series_id, period, error);
}

void
dossier_chart_content_free (DossierChartContent *content)
{
  if (content == NULL)
    return;

  g_free (content->title);
  g_free (content->subtitle);
  g_free (content->footer);
  g_ptr_array_unref (content->names);
  g_ptr_array_unref (content->full_names);
  g_ptr_array_unref (content->values);
  g_array_unref (content->percents);
  g_array_unref (content->ids);
  g_free (content);
}

/**
 * dossier_chart_content_find:
 *
 * Returns: the index of the bar of organization @id, or -1
 */
int
dossier_chart_content_find (const DossierChartContent *content,
                            gint64                     id)
{
  for (guint i = 0; content != NULL && i < content->ids->len; i++)
    if (g_array_index (content->ids, gint64, i) == id)
      return i;

  return -1;
}

static double
nice_axis_max (double max)
{
  if (!(max > 0.))
    return 10.;

  return MIN (100., ceil (max / 10.) * 10.);
}

double
dossier_chart_min_height (guint  n_items,
                          double line_height)
{
  return 2 * PADDING + 5 * line_height + 3 * GAP + MAX (n_items, 1) * line_height * 1.5;
}

DossierChartLayout *
dossier_chart_layout_solve (const DossierChartMetrics *m)
{
  DossierChartLayout *layout = g_new0 (DossierChartLayout, 1);
  double max = 0., bars_x, bars_w, top, bottom, row_h, thickness;

  g_return_val_if_fail (m != NULL, layout);

  /* One scale for every period of a series, so bars compare across them. */
  max = MAX (0., m->scale_max);
  for (guint i = 0; i < m->n_items; i++)
    max = MAX (max, m->percents[i]);

  layout->n_items = m->n_items;
  layout->footer_lines = m->footer_lines;
  layout->axis_max = nice_axis_max (max);
  layout->axis_step = layout->axis_max > 60. ? 20. : 10.;

  layout->header = (DossierRect) { PADDING, PADDING, MAX (0., m->width - 2 * PADDING), m->header_height };
  layout->footer = (DossierRect) { PADDING, MAX (0., m->height - PADDING - m->footer_height),
                                   MAX (0., m->width - 2 * PADDING), m->footer_height };

  /* Names at the left, the bars, then room for the value after the longest. */
  layout->label_x = PADDING;
  bars_x = PADDING + m->label_width + GAP;
  bars_w = MAX (MIN_BAR_AREA, m->width - PADDING - bars_x - GAP - m->value_width);

  top = layout->header.y + layout->header.height + 2 * GAP;
  /* The axis labels take a line under the bars. */
  bottom = MAX (top, layout->footer.y - GAP - m->line_height - GAP / 2);
  row_h = m->n_items > 0 ? (bottom - top) / m->n_items : 0.;
  thickness = MIN (row_h * 0.66, 2.2 * m->line_height);

  layout->plot = (DossierRect) { bars_x, top, bars_w, row_h * m->n_items };
  layout->rows = g_new0 (DossierRect, MAX (1, m->n_items));
  layout->bars = g_new0 (DossierRect, MAX (1, m->n_items));

  for (guint i = 0; i < m->n_items; i++)
    {
      double y = top + i * row_h;
      double share = CLAMP (m->percents[i], 0., layout->axis_max);

      layout->rows[i] = (DossierRect) { PADDING, y, MAX (0., m->width - 2 * PADDING), row_h };
      layout->bars[i] = (DossierRect) { bars_x, y + (row_h - thickness) / 2.,
                                        bars_w * share / layout->axis_max, thickness };
    }

  return layout;
}

void
dossier_chart_layout_free (DossierChartLayout *layout)
{
  if (layout == NULL)
    return;

  g_free (layout->rows);
  g_free (layout->bars);
  g_free (layout);
}

/**
 * dossier_chart_layout_hit_test:
 *
 * The one hit-test of the chart, for clicks, hover and tooltips: a whole
 * row (name, bar and value) belongs to its item.
 *
 * Returns: the index of the item at @x, @y, or -1
 */
int
dossier_chart_layout_hit_test (const DossierChartLayout *layout,
                               double                    x,
                               double                    y)
{
  for (guint i = 0; layout != NULL && i < layout->n_items; i++)
    {
      const DossierRect *r = &layout->rows[i];

      if (x >= r->x && x < r->x + r->width && y >= r->y && y < r->y + r->height)
        return i;
    }

  return -1;
}

static PangoLayout *
make_text (PangoContext               *context,
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

static double
text_width (PangoLayout *layout)
{
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  return w;
}

static double
text_height (PangoLayout *layout)
{
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  return h;
}

#define TITLE_SCALE 1.25
#define FOOTER_SCALE 0.88

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

DossierChartLayout *
dossier_chart_layout_measure (const DossierChartContent  *content,
                              PangoContext               *context,
                              const PangoFontDescription *font,
                              double                      width,
                              double                      height)
{
  DossierChartMetrics m = { 0 };
  double inner = MAX (1., width - 2 * PADDING);
  g_autoptr(PangoLayout) title = make_text (context, font, content->title, TITLE_SCALE, TRUE, inner);
  g_autoptr(PangoLayout) subtitle = make_text (context, font, content->subtitle, 1., FALSE, inner);
  g_autoptr(PangoLayout) footer = make_text (context, font, content->footer, FOOTER_SCALE, FALSE, inner);
  double footer_line, room;

  m.width = width;
  m.height = height;
  m.header_height = text_height (title) + GAP / 2 + text_height (subtitle);
  m.line_height = text_height (subtitle) / MAX (1, pango_layout_get_line_count (subtitle));
  m.n_items = content->percents->len;

  /* The bars come first: on a small chart the source line gives way and is
   * shortened, never the bars. */
  footer_line = text_height (footer) / MAX (1, pango_layout_get_line_count (footer));
  room = height - 2 * PADDING - m.header_height - 3 * GAP - 2 * m.line_height
         - MAX (m.n_items, 1) * m.line_height * 1.4;
  if (pango_layout_get_line_count (footer) * footer_line > room)
    {
      m.footer_lines = MAX (1, (int) (room / footer_line));
      limit_lines (footer, m.footer_lines);
    }
  m.footer_height = text_height (footer);
  m.percents = (const double *) content->percents->data;
  m.scale_max = content->scale_max;

  for (guint i = 0; i < m.n_items; i++)
    {
      g_autoptr(PangoLayout) name = make_text (context, font, content->names->pdata[i], 1., TRUE, -1);
      g_autoptr(PangoLayout) value = make_text (context, font, content->values->pdata[i], 1., TRUE, -1);

      m.label_width = MAX (m.label_width, text_width (name));
      m.value_width = MAX (m.value_width, text_width (value));
    }
  m.label_width = MIN (m.label_width, width * 0.4);

  return dossier_chart_layout_solve (&m);
}

static void
set_color (cairo_t      *cr,
           const double  rgba[4],
           double        alpha)
{
  cairo_set_source_rgba (cr, rgba[0], rgba[1], rgba[2], rgba[3] * alpha);
}

static void
show_text (cairo_t     *cr,
           PangoLayout *layout,
           double       x,
           double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

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

  cairo_save (cr);

  if (style->paint_background)
    {
      set_color (cr, style->background, 1.);
      cairo_paint (cr);
    }

  title = make_text (context, font, content->title, TITLE_SCALE, TRUE, layout->header.width);
  subtitle = make_text (context, font, content->subtitle, 1., FALSE, layout->header.width);
  set_color (cr, style->foreground, 1.);
  show_text (cr, title, layout->header.x, layout->header.y);
  set_color (cr, style->foreground, 0.75);
  show_text (cr, subtitle, layout->header.x, layout->header.y + text_height (title) + GAP / 2);

  /* Grid lines and their percentages under the plot. */
  cairo_set_line_width (cr, 1.);
  for (double v = 0.; v <= layout->axis_max + 1e-9 && layout->n_items > 0; v += layout->axis_step)
    {
      double x = round (layout->plot.x + layout->plot.width * v / layout->axis_max) + .5;
      g_autofree char *label = dossier_format_percent (v);
      g_autoptr(PangoLayout) tick = make_text (context, font, label, 1., FALSE, -1);

      set_color (cr, style->foreground, v == 0. ? 0.5 : 0.15);
      cairo_move_to (cr, x, layout->plot.y);
      cairo_line_to (cr, x, layout->plot.y + layout->plot.height);
      cairo_stroke (cr);

      set_color (cr, style->foreground, 0.65);
      show_text (cr, tick, x - text_width (tick) / 2., layout->plot.y + layout->plot.height + GAP / 2);
    }

  for (guint i = 0; i < layout->n_items; i++)
    {
      const DossierRect *bar = &layout->bars[i];
      const DossierRect *row = &layout->rows[i];
      gboolean is_highlighted = (int) i == highlighted;
      gboolean dimmed = highlighted >= 0 && !is_highlighted;
      g_autoptr(PangoLayout) name = make_text (context, font, content->names->pdata[i], 1., is_highlighted, -1);
      g_autoptr(PangoLayout) value = make_text (context, font, content->values->pdata[i], 1., TRUE, -1);
      double name_w = MIN (text_width (name), layout->plot.x - GAP - layout->label_x);
      double cy = row->y + row->height / 2.;

      if ((int) i == hovered && !is_highlighted)
        {
          set_color (cr, style->foreground, 0.06);
          cairo_rectangle (cr, row->x, row->y, row->width, row->height);
          cairo_fill (cr);
        }

      /* With one bar selected, the others turn neutral: the accent then
       * marks only the selection, in light and dark styles alike. */
      if (dimmed)
        set_color (cr, style->foreground, 0.35);
      else
        set_color (cr, style->accent, 1.);
      cairo_rectangle (cr, bar->x, bar->y, bar->width, bar->height);
      cairo_fill (cr);

      if (is_highlighted)
        {
          set_color (cr, style->foreground, 1.);
          cairo_set_line_width (cr, 2.);
          cairo_rectangle (cr, bar->x + 1, bar->y + 1, MAX (0., bar->width - 2), bar->height - 2);
          cairo_stroke (cr);
        }

      pango_layout_set_width (name, (int) (name_w * PANGO_SCALE));
      pango_layout_set_ellipsize (name, PANGO_ELLIPSIZE_END);
      set_color (cr, style->foreground, dimmed ? 0.7 : 1.);
      show_text (cr, name, layout->plot.x - GAP - name_w, cy - text_height (name) / 2.);
      show_text (cr, value, bar->x + bar->width + GAP / 2 + 2, cy - text_height (value) / 2.);
    }

  footer = make_text (context, font, content->footer, FOOTER_SCALE, FALSE, layout->footer.width);
  limit_lines (footer, layout->footer_lines);
  set_color (cr, style->foreground, 0.7);
  show_text (cr, footer, layout->footer.x, layout->footer.y);

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
 * dossier_chart_content_export:
 * @path: a file ending in .png, .svg or .pdf
 *
 * Draws the chart into a file with the code that draws it on screen.
 */
gboolean
dossier_chart_content_export (const DossierChartContent  *content,
                      const char                 *path,
                      int                         width,
                      int                         height,
                      GError                    **error)
{
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans 11");
  PangoContext *context;
  g_autoptr(DossierChartLayout) layout = NULL;
  g_autofree char *lower = g_ascii_strdown (path, -1);
  g_autofree char *dir = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  DossierChartStyle style;
  cairo_t *cr;
  gboolean png = FALSE;

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

  if (g_str_has_suffix (lower, ".png"))
    {
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
      png = TRUE;
    }
  else if (g_str_has_suffix (lower, ".svg"))
    surface = cairo_svg_surface_create (path, width, height);
  else if (g_str_has_suffix (lower, ".pdf"))
    surface = cairo_pdf_surface_create (path, width, height);
  else
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Cannot export to %s: the file name must end in .png, .svg or .pdf"), path);
      return FALSE;
    }

  dossier_chart_style_init_light (&style);
  style.font = font;

  context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  layout = dossier_chart_layout_measure (content, context, font, width, height);

  cr = cairo_create (surface);
  pango_cairo_update_context (cr, context);
  dossier_chart_render (cr, context, content, layout, &style, -1, -1);
  cairo_destroy (cr);
  g_object_unref (context);

  if (png)
    status = cairo_surface_write_to_png (surface, path);
  else
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

  return TRUE;
}
