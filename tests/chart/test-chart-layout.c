/* test-chart-layout.c: the chart's content, the bar view's layout and
 * hit-testing, and export, without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "dossier-chart-bars.h"
#include "dossier-chart-content.h"
#include "dossier-chart-export.h"
#include "dossier-node.h"
#include "dossier-store.h"
#include "test-utils.h"

static DossierChartBarsMetrics
metrics (const double *percents,
         guint         n)
{
  return (DossierChartBarsMetrics) {
    .frame = {
      .width = 600, .height = 400,
      .header_height = 40, .footer_height = 36, .line_height = 17,
    },
    .label_width = 90, .value_width = 40,
    .n_items = n, .percents = percents,
  };
}

static void
test_solve (void)
{
  static const double percents[] = { 39, 19, 9 };
  DossierChartBarsMetrics m = metrics (percents, 3);
  g_autoptr(DossierChartBarsLayout) layout = dossier_chart_bars_solve (&m);
  const DossierChartLayout *frame = &layout->parent;

  g_assert_cmpuint (frame->n_items, ==, 3);
  g_assert_true (frame->view == dossier_chart_bars_get_view ());
  g_assert_cmpfloat (layout->axis_max, ==, 40.);
  g_assert_cmpfloat (layout->axis_step, ==, 10.);

  /* The plot sits between header and footer, right of the names. */
  g_assert_cmpfloat (layout->plot.y, >=, frame->header.y + frame->header.height);
  g_assert_cmpfloat (layout->plot.y + layout->plot.height, <=, frame->footer.y);
  g_assert_cmpfloat (layout->plot.x, >=, 12 + 90);
  /* Room for the longest value after the longest bar. */
  g_assert_cmpfloat (layout->plot.x + layout->plot.width + 40, <=, 600);

  for (guint i = 0; i < 3; i++)
    {
      const DossierRect *bar = &layout->bars[i];
      const DossierRect *row = &frame->items[i];

      /* Bars are proportional to the figures and inside their row. */
      g_assert_cmpfloat_with_epsilon (bar->width, layout->plot.width * percents[i] / 40., 1e-6);
      g_assert_cmpfloat (bar->x, ==, layout->plot.x);
      g_assert_cmpfloat (bar->y, >=, row->y);
      g_assert_cmpfloat (bar->y + bar->height, <=, row->y + row->height);
      g_assert_cmpfloat (bar->height, >, 0);
      if (i > 0)
        g_assert_cmpfloat (row->y, >=, frame->items[i - 1].y + frame->items[i - 1].height - 1e-6);
    }
  /* Largest first, drawn longest. */
  g_assert_cmpfloat (layout->bars[0].width, >, layout->bars[1].width);
  g_assert_cmpfloat (layout->bars[1].width, >, layout->bars[2].width);
}

/* One organization or twenty, in a tall chart: the bars keep a published
 * chart's thickness, between half a line and two lines of text, and the
 * axis follows the last of them instead of the rows stretching. */
static void
test_bar_thickness (void)
{
  static const double percents[20] = { 39, 19, 9, 5, 4, 3, 3, 2, 2, 2, 1, 1, 1, 1, 1, 0.5, 0.5, 0.5, 0.2, 0.1 };
  static const guint counts[] = { 1, 3, 20 };

  for (guint c = 0; c < G_N_ELEMENTS (counts); c++)
    {
      DossierChartBarsMetrics m = metrics (percents, counts[c]);
      g_autoptr(DossierChartBarsLayout) layout = NULL;

      m.frame.height = 900;
      layout = dossier_chart_bars_solve (&m);
      for (guint i = 0; i < counts[c]; i++)
        {
          g_assert_cmpfloat (layout->bars[i].height, >=, 0.5 * 17);
          g_assert_cmpfloat (layout->bars[i].height, <=, 2 * 17);
          /* The bar fills most of its row: no bar floats in empty space. */
          g_assert_cmpfloat (layout->bars[i].height, >=, 0.6 * layout->parent.items[i].height);
        }
      g_assert_cmpfloat (layout->plot.height, <=, counts[c] * 2.4 * 17 + 1e-6);
    }
}

static void
test_hit_test (void)
{
  static const double percents[] = { 39, 19, 9 };
  DossierChartBarsMetrics m = metrics (percents, 3);
  g_autoptr(DossierChartBarsLayout) bars = dossier_chart_bars_solve (&m);
  const DossierChartLayout *layout = &bars->parent;

  for (guint i = 0; i < 3; i++)
    {
      const DossierRect *bar = &bars->bars[i];
      const DossierRect *row = &layout->items[i];

      /* The bar, its name at the left and the empty end of its row. */
      g_assert_cmpint (dossier_chart_layout_hit_test (layout, bar->x + bar->width / 2, bar->y + bar->height / 2), ==, i);
      g_assert_cmpint (dossier_chart_layout_hit_test (layout, row->x + 1, row->y + row->height / 2), ==, i);
      g_assert_cmpint (dossier_chart_layout_hit_test (layout, row->x + row->width - 1, row->y + 1), ==, i);
    }

  /* Title, footer and margins hit nothing. */
  g_assert_cmpint (dossier_chart_layout_hit_test (layout, 300, layout->header.y + 5), ==, -1);
  g_assert_cmpint (dossier_chart_layout_hit_test (layout, 300, layout->footer.y + 5), ==, -1);
  g_assert_cmpint (dossier_chart_layout_hit_test (layout, 2, layout->items[0].y + 5), ==, -1);
  g_assert_cmpint (dossier_chart_layout_hit_test (layout, -10, -10), ==, -1);
  g_assert_cmpint (dossier_chart_layout_hit_test (NULL, 10, 10), ==, -1);
}

static void
test_axis (void)
{
  static const double small[] = { 4.5 };
  static const double large[] = { 47.8, 15.5 };
  static const double full[] = { 100 };
  static const double zero[] = { 0 };
  DossierChartBarsMetrics m;
  g_autoptr(DossierChartBarsLayout) a = NULL;
  g_autoptr(DossierChartBarsLayout) b = NULL;
  g_autoptr(DossierChartBarsLayout) c = NULL;
  g_autoptr(DossierChartBarsLayout) d = NULL;
  g_autoptr(DossierChartBarsLayout) e = NULL;

  m = metrics (small, 1); a = dossier_chart_bars_solve (&m);
  m = metrics (large, 2); b = dossier_chart_bars_solve (&m);
  m = metrics (full, 1);  c = dossier_chart_bars_solve (&m);
  m = metrics (zero, 1);  d = dossier_chart_bars_solve (&m);
  m = metrics (NULL, 0);  e = dossier_chart_bars_solve (&m);

  g_assert_cmpfloat (a->axis_max, ==, 10.);
  g_assert_cmpfloat (b->axis_max, ==, 50.);
  g_assert_cmpfloat (c->axis_max, ==, 100.);
  g_assert_cmpfloat (c->axis_step, ==, 20.);
  g_assert_cmpfloat (d->axis_max, ==, 10.);
  g_assert_cmpfloat (d->bars[0].width, ==, 0.);
  g_assert_cmpuint (e->parent.n_items, ==, 0);
  g_assert_cmpint (dossier_chart_layout_hit_test (&e->parent, 300, 200), ==, -1);
}

static void
test_series_scale (void)
{
  static const double percents[] = { 20, 10 };
  DossierChartBarsMetrics m = metrics (percents, 2);
  g_autoptr(DossierChartBarsLayout) own = dossier_chart_bars_solve (&m);
  g_autoptr(DossierChartBarsLayout) shared = NULL;

  /* Alone, the scale fits the period; with the series' largest share (47.8)
   * it stays where the other periods put it, so bars compare across them. */
  g_assert_cmpfloat (own->axis_max, ==, 20.);
  m.scale_max = 47.8;
  shared = dossier_chart_bars_solve (&m);
  g_assert_cmpfloat (shared->axis_max, ==, 50.);
  g_assert_cmpfloat_with_epsilon (shared->bars[0].width, shared->plot.width * 20. / 50., 1e-6);
}

static void
test_tiny (void)
{
  static const double percents[] = { 39, 19, 9 };
  DossierChartBarsMetrics m = metrics (percents, 3);
  g_autoptr(DossierChartBarsLayout) layout = NULL;

  /* Smaller than its text: nothing negative, bars keep a minimum area. */
  m.frame.width = 50;
  m.frame.height = 30;
  layout = dossier_chart_bars_solve (&m);
  for (guint i = 0; i < 3; i++)
    {
      g_assert_cmpfloat (layout->bars[i].width, >=, 0);
      g_assert_cmpfloat (layout->parent.items[i].height, >=, 0);
    }
  g_assert_cmpfloat (layout->plot.width, >=, 40);
  g_assert_cmpfloat (layout->parent.footer.y, >=, 0);
  g_assert_cmpfloat (layout->parent.header.width, >=, 0);
  g_assert_cmpfloat (layout->parent.body.height, >=, 0);
}

static void
test_min_height (void)
{
  const DossierChartView *view = dossier_chart_bars_get_view ();

  /* Title, subtitle, source and axis take five lines; each row one and a half. */
  g_assert_cmpfloat (dossier_chart_view_min_height (view, NULL, 18), ==, 2 * 12 + 5 * 18 + 3 * 8 + 1 * 18 * 1.5);
}

/* Content, measured layout and export from the bundled case file. */
static DossierChartContent *
bundled_content (char **dir_out)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("dossier-chart-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "dossier.db", NULL);
  g_autoptr(DossierStore) store = dossier_store_open (path, &error);
  g_autoptr(GListModel) cases = NULL;
  g_autoptr(DossierNode) first = NULL;
  DossierChartContent *content;

  g_assert_no_error (error);
  dossier_store_set_language (store, "en");
  cases = dossier_store_list_case_files (store, &error);
  g_assert_no_error (error);
  first = g_list_model_get_item (cases, 0);
  content = dossier_chart_content_new_for_case (store, dossier_node_get_id (first), &error);
  g_assert_no_error (error);

  *dir_out = g_steal_pointer (&dir);
  return content;
}

static void
test_content (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(DossierChartContent) content = bundled_content (&dir);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans 11");
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  const DossierChartView *view = dossier_chart_bars_get_view ();
  g_autoptr(DossierChartLayout) layout = NULL;
  const DossierChartItem *first;

  g_assert_cmpstr (content->title, ==, "Market share, Q3 2019");
  g_assert_cmpuint (dossier_chart_content_get_n_items (content), ==, 3);
  first = dossier_chart_content_get_item (content, 0);
  g_assert_cmpstr (first->name, ==, "AWS");
  g_assert_cmpstr (first->full_name, ==, "Amazon Web Services");
  g_assert_cmpstr (first->value, ==, "39%");
  g_assert_cmpfloat (first->percent, ==, 39.);
  g_assert_true (g_str_has_prefix (content->source, "Source: Synergy Research Group, "));
  g_assert_cmpstr (content->credit, ==, "Chart: Dossier");
  g_assert_true (g_str_has_prefix (first->source, "Synergy Research Group, "));
  g_assert_nonnull (strstr (content->subtitle, "Synergy Research Group"));
  /* The source names only some providers: the note says so, and the
   * long notes are not in the source line but in the description. */
  g_assert_nonnull (strstr (content->note, "Only the organizations the source names are shown."));
  g_assert_null (strstr (content->source, "Only the organizations"));
  {
    g_autofree char *description = dossier_chart_content_describe (content);

    g_assert_nonnull (strstr (description, "; Amazon Web Services, Q3 2019, 39%; Microsoft, Q3 2019, 19%; Google, Q3 2019, 9%. Source: "));
    g_assert_nonnull (strstr (description, "Only the organizations the source names are shown."));
  }
  /* The title is the user's to write; empty, it is the default again. */
  dossier_chart_content_set_title (content, "AWS leads cloud infrastructure");
  g_assert_cmpstr (content->title, ==, "AWS leads cloud infrastructure");
  dossier_chart_content_set_title (content, "  ");
  g_assert_cmpstr (content->title, ==, "Market share, Q3 2019");
  g_assert_cmpfloat (content->scale_max, ==, 39.);
  g_assert_cmpint (dossier_chart_content_find (content, dossier_chart_content_get_item (content, 2)->id), ==, 2);
  g_assert_cmpint (dossier_chart_content_find (content, -5), ==, -1);

  /* Measured with real fonts, names fit left of the bars. */
  layout = dossier_chart_layout_measure (view, content, context, font, 640, 400);
  g_assert_true (layout->view == view);
  g_assert_cmpuint (layout->n_items, ==, 3);
  {
    const DossierChartBarsLayout *bars = (const DossierChartBarsLayout *) layout;

    g_assert_cmpfloat (bars->plot.x, >, 12 + 20);
    g_assert_cmpfloat (layout->footer.y, >, bars->plot.y + bars->plot.height);
  }
  g_assert_cmpint (layout->footer_lines, ==, 0);

  /* Small, with a long source line: it is shortened so that the bars keep
   * their room. */
  {
    g_autoptr(DossierChartLayout) small = NULL;

    g_free (content->source);
    content->source = g_strjoinv (" ", (char *[]) { "Source:", "A long list of publishers and titles,", "again",
                                                    "and again,", "and again and again,", "then more of it,",
                                                    "until it takes four lines or more on a small chart,",
                                                    "which it must not.", NULL });
    small = dossier_chart_layout_measure (view, content, context, font, 400, 300);

    g_assert_cmpint (small->footer_lines, >, 0);
    for (guint i = 0; i < small->n_items; i++)
      g_assert_cmpfloat (small->items[i].height, >=, 20);
    g_assert_cmpfloat (small->footer.y + small->footer.height, <=, 300);
  }
  g_object_unref (context);
  test_remove_tree (dir);
}

static void
check_export (const DossierChartContent *content,
              const char                *dir,
              const char                *name,
              const char                *magic)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  gsize len;

  g_assert_true (dossier_chart_export_file (dossier_chart_bars_get_view (), content, path, 640, 400, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  g_assert_cmpuint (len, >, 1000);
  g_assert_true (memcmp (data, magic, strlen (magic)) == 0 || strstr (data, magic) != NULL);
  g_unlink (path);
}

/* Whether @needle is in @data, NUL bytes and all. */
static gboolean
holds (const char *data,
       gsize       size,
       const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= size; i++)
    if (memcmp (data + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

static void
test_export (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(DossierChartContent) content = bundled_content (&dir);
  g_autofree char *bad = g_build_filename (dir, "chart.gif", NULL);
  g_autoptr(GError) error = NULL;

  check_export (content, dir, "chart.png", "\x89PNG");
  check_export (content, dir, "chart.svg", "<svg");
  check_export (content, dir, "chart.PDF", "%PDF");

  g_assert_false (dossier_chart_export_file (dossier_chart_bars_get_view (), content, bad, 640, 400, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* Too small to read: refused, the smallest size named, nothing written. */
  {
    g_autofree char *tiny = g_build_filename (dir, "tiny.png", NULL);

    g_assert_false (dossier_chart_export_file (dossier_chart_bars_get_view (), content, tiny, 0, 400, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
    g_assert_nonnull (strstr (error->message, "the smallest is 320×240"));
    g_clear_error (&error);
    g_assert_false (dossier_chart_export_file (dossier_chart_bars_get_view (), content, tiny, 319, 400, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
    g_assert_false (g_file_test (tiny, G_FILE_TEST_EXISTS));
    g_clear_error (&error);
  }

  /* Too many pixels for an image: refused with the limits named. */
  {
    g_autoptr(GBytes) huge = dossier_chart_export_bytes (dossier_chart_bars_get_view (), content,
                                                         DOSSIER_CHART_FORMAT_PNG, 20000, 20000, 1, &error);

    g_assert_null (huge);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
    g_assert_nonnull (strstr (error->message, "too large"));
    g_clear_error (&error);
  }

  /* An empty chart is described in sentences too. */
  {
    g_autoptr(DossierChartContent) empty = dossier_chart_content_new (NULL, NULL, NULL);
    g_autofree char *description = dossier_chart_content_describe (empty);

    g_assert_false (g_str_has_prefix (description, "."));
    g_assert_null (strstr (description, ".."));
    g_assert_true (g_str_has_prefix (description, "This case file has no market figures of its own."));
  }

  /* The title, the description with the notes, the source and the credit
   * in each format's metadata; the PNG still reads. */
  dossier_chart_content_set_title (content, "AWS leads & the rest <follow>");
  {
    g_autoptr(GBytes) png = dossier_chart_export_bytes (dossier_chart_bars_get_view (), content,
                                                        DOSSIER_CHART_FORMAT_PNG, 640, 400, 1, &error);
    g_autoptr(GBytes) svg = dossier_chart_export_bytes (dossier_chart_bars_get_view (), content,
                                                        DOSSIER_CHART_FORMAT_SVG, 640, 400, 1, &error);
    g_autoptr(GBytes) pdf = dossier_chart_export_bytes (dossier_chart_bars_get_view (), content,
                                                        DOSSIER_CHART_FORMAT_PDF, 640, 400, 1, &error);
    g_autofree char *png_path = g_build_filename (dir, "meta.png", NULL);
    g_autofree char *svg_text = NULL;
    cairo_surface_t *read_back;
    gsize size;
    const char *data;

    g_assert_no_error (error);
    data = g_bytes_get_data (png, &size);
    g_assert_true (holds (data, size, "iTXtTitle"));
    g_assert_true (holds (data, size, "AWS leads & the rest <follow>"));
    g_assert_true (holds (data, size, "Only the organizations the source names are shown."));
    g_assert_true (holds (data, size, "iTXtAuthor"));
    g_assert_true (g_file_set_contents (png_path, data, size, NULL));
    read_back = cairo_image_surface_create_from_png (png_path);
    g_assert_cmpint (cairo_surface_status (read_back), ==, CAIRO_STATUS_SUCCESS);
    g_assert_cmpint (cairo_image_surface_get_width (read_back), ==, 640);
    cairo_surface_destroy (read_back);

    data = g_bytes_get_data (svg, &size);
    svg_text = g_strndup (data, size);
    g_assert_nonnull (strstr (svg_text, "<title>AWS leads &amp; the rest &lt;follow&gt;</title>"));
    g_assert_nonnull (strstr (svg_text, "<desc>Synergy Research Group"));
    g_assert_nonnull (strstr (svg_text, "Chart: Dossier</desc>"));

    data = g_bytes_get_data (pdf, &size);
    g_assert_true (holds (data, size, "/Title"));
    g_assert_true (holds (data, size, "/Subject"));
  }
  test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "en", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/layout/solve", test_solve);
  g_test_add_func ("/chart/layout/hit-test", test_hit_test);
  g_test_add_func ("/chart/layout/bar-thickness", test_bar_thickness);
  g_test_add_func ("/chart/layout/axis", test_axis);
  g_test_add_func ("/chart/layout/series-scale", test_series_scale);
  g_test_add_func ("/chart/layout/tiny", test_tiny);
  g_test_add_func ("/chart/layout/min-height", test_min_height);
  g_test_add_func ("/chart/content", test_content);
  g_test_add_func ("/chart/export", test_export);

  return g_test_run ();
}
