/* test-chart-lines.c: the view of shares over time, without a display:
 * its layout (one provider, twenty, unknown values, eighty periods),
 * hit-testing, the content across a real series, and export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "dossier-chart-content.h"
#include "dossier-chart-export.h"
#include "dossier-chart-lines.h"
#include "dossier-store.h"
#include "test-utils.h"

#define LINE 17.

static DossierChartLinesMetrics
metrics (guint         n_items,
         guint         n_periods,
         const double *positions,
         const double *values)
{
  return (DossierChartLinesMetrics) {
    .frame = {
      .width = 800, .height = 500,
      .header_height = 40, .footer_height = 36, .line_height = LINE,
    },
    .axis_label_width = 30, .end_label_width = 80,
    .n_items = n_items, .n_periods = n_periods,
    .positions = positions, .values = values,
  };
}

/* Quarters from 2017-Q1 on, as dossier_period_position() places them. */
static double *
quarters (guint n)
{
  double *positions = g_new (double, n);

  for (guint p = 0; p < n; p++)
    positions[p] = 2017 * 4. + p;
  return positions;
}

static void
assert_inside (const DossierChartLinesLayout *layout,
               double                         x,
               double                         y)
{
  g_assert_cmpfloat (x, >=, layout->plot.x - 1e-6);
  g_assert_cmpfloat (x, <=, layout->plot.x + layout->plot.width + 1e-6);
  g_assert_cmpfloat (y, >=, layout->plot.y - 1e-6);
  g_assert_cmpfloat (y, <=, layout->plot.y + layout->plot.height + 1e-6);
}

/* One provider in three periods: a line left to right, up with its share. */
static void
test_one_provider (void)
{
  g_autofree double *positions = quarters (3);
  static const double values[] = { 30, 33, 39 };
  DossierChartLinesMetrics m = metrics (1, 3, positions, values);
  g_autoptr(DossierChartLinesLayout) layout = dossier_chart_lines_solve (&m);

  g_assert_true (layout->parent.view == dossier_chart_lines_get_view ());
  g_assert_cmpfloat (layout->axis_max, ==, 40.);
  g_assert_cmpfloat (layout->x[0], ==, layout->plot.x);
  g_assert_cmpfloat_with_epsilon (layout->x[2], layout->plot.x + layout->plot.width, 1e-6);
  g_assert_cmpfloat (layout->y[0], >, layout->y[1]);
  g_assert_cmpfloat (layout->y[1], >, layout->y[2]);
  for (guint p = 0; p < 3; p++)
    assert_inside (layout, layout->x[p], layout->y[p]);
  /* Its name at its last value, right of the plot. */
  g_assert_cmpfloat_with_epsilon (layout->label_y[0], layout->y[2], 1e-6);
  g_assert_cmpfloat (layout->label_x[0], >, layout->plot.x + layout->plot.width);
  g_assert_cmpfloat (layout->label_x[0] + 80, <=, 800);
}

/* An unknown value is a gap: no point, never a zero. */
static void
test_unknown_values (void)
{
  g_autofree double *positions = quarters (4);
  const double values[] = { 20, NAN, 25, NAN };
  DossierChartLinesMetrics m = metrics (1, 4, positions, values);
  g_autoptr(DossierChartLinesLayout) layout = dossier_chart_lines_solve (&m);

  g_assert_true (isnan (layout->y[1]));
  g_assert_true (isnan (layout->y[3]));
  g_assert_false (isnan (layout->y[2]));
  /* The name stands at the last known value. */
  g_assert_cmpfloat_with_epsilon (layout->label_y[0], layout->y[2], 1e-6);
  /* Pointing into the gap, between the two points, finds nothing. */
  g_assert_cmpint (dossier_chart_layout_hit_test (&layout->parent, layout->x[1], layout->y[0] + (layout->y[2] - layout->y[0]) / 2), ==, -1);
}

/* Twenty providers ending close together: no two names overlap, and all
 * stay beside the plot. */
static void
test_twenty_providers (void)
{
  g_autofree double *positions = quarters (8);
  g_autofree double *values = g_new (double, 20 * 8);
  g_autofree double *sorted = NULL;
  DossierChartLinesMetrics m = metrics (20, 8, positions, values);
  g_autoptr(DossierChartLinesLayout) layout = NULL;

  for (guint i = 0; i < 20; i++)
    for (guint p = 0; p < 8; p++)
      values[i * 8 + p] = 5. + (i % 4) * 0.2 + p * 0.1;
  layout = dossier_chart_lines_solve (&m);

  sorted = g_memdup2 (layout->label_y, 20 * sizeof (double));
  for (guint a = 1; a < 20; a++)
    for (guint b = a; b > 0 && sorted[b] < sorted[b - 1]; b--)
      {
        double swap = sorted[b];
        sorted[b] = sorted[b - 1];
        sorted[b - 1] = swap;
      }
  for (guint a = 1; a < 20; a++)
    g_assert_cmpfloat (sorted[a] - sorted[a - 1], >=, LINE - 1e-6);
  g_assert_cmpfloat (sorted[19], <=, layout->plot.y + layout->plot.height + 1e-6);
}

/* Eighty quarters: in order left to right, inside the plot. */
static void
test_eighty_periods (void)
{
  g_autofree double *positions = quarters (80);
  g_autofree double *values = g_new (double, 2 * 80);
  DossierChartLinesMetrics m = metrics (2, 80, positions, values);
  g_autoptr(DossierChartLinesLayout) layout = NULL;

  for (guint p = 0; p < 80; p++)
    {
      values[p] = 40. - p * 0.2;
      values[80 + p] = 10. + p * 0.2;
    }
  layout = dossier_chart_lines_solve (&m);
  for (guint p = 1; p < 80; p++)
    g_assert_cmpfloat (layout->x[p], >, layout->x[p - 1]);
  for (guint i = 0; i < 2 * 80; i++)
    assert_inside (layout, layout->x[i % 80], layout->y[i]);
}

/* A point on a line, or on a segment between two, finds it; far from
 * every line, nothing. */
static void
test_hit_test (void)
{
  g_autofree double *positions = quarters (3);
  static const double values[] = { 35, 36, 37,
                                    10, 12, 14 };
  DossierChartLinesMetrics m = metrics (2, 3, positions, values);
  g_autoptr(DossierChartLinesLayout) layout = dossier_chart_lines_solve (&m);
  const DossierChartLayout *frame = &layout->parent;
  double mid_x = (layout->x[0] + layout->x[1]) / 2, mid_y = (layout->y[3] + layout->y[4]) / 2;

  g_assert_cmpint (dossier_chart_layout_hit_test (frame, layout->x[1], layout->y[1]), ==, 0);
  g_assert_cmpint (dossier_chart_layout_hit_test (frame, mid_x, mid_y + 2), ==, 1);
  g_assert_cmpint (dossier_chart_layout_hit_test (frame, layout->x[1], (layout->y[1] + layout->y[4]) / 2), ==, -1);
  /* The name at a line's end finds it too. */
  g_assert_cmpint (dossier_chart_layout_hit_test (frame, layout->label_x[1] + 5, layout->label_y[1]), ==, 1);
}

/* A real series across its periods: every organization it ever names, a
 * value where the series gives one, the selected period marked; exported
 * in the three formats. */
static void
test_content_and_export (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("dossier-lines-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "dossier.db", NULL);
  g_autoptr(DossierStore) store = dossier_store_open (path, &error);
  g_autoptr(GListModel) series = NULL;
  g_autoptr(DossierChartContent) content = NULL;
  gint64 series_id;
  int aws;
  guint n_periods, known = 0;

  g_assert_no_error (error);
  dossier_store_set_language (store, "en");
  series_id = test_sql_int (path, "SELECT id FROM market_series WHERE slug = 'synergy-cloud-infra'");
  content = dossier_chart_content_load_over_time (store, series_id, "2019-Q4", &error);
  g_assert_no_error (error);

  n_periods = dossier_chart_content_get_n_periods (content);
  g_assert_cmpuint (n_periods, ==, test_sql_int (path, "SELECT count(DISTINCT period) FROM market_share "
                                                       "WHERE series_id = (SELECT id FROM market_series "
                                                       "WHERE slug = 'synergy-cloud-infra')"));
  g_assert_cmpuint (n_periods, >, 10);
  g_assert_cmpstr (content->periods[content->selected_period], ==, "2019-Q4");
  g_assert_cmpuint (dossier_chart_content_get_n_items (content), ==,
                    test_sql_int (path, "SELECT count(DISTINCT organization_id) FROM market_share "
                                        "WHERE series_id = (SELECT id FROM market_series "
                                        "WHERE slug = 'synergy-cloud-infra')"));

  aws = dossier_chart_content_find (content, test_sql_int (path, "SELECT id FROM node WHERE slug = 'aws'"));
  g_assert_cmpint (aws, >=, 0);
  for (guint p = 0; p < n_periods; p++)
    known += !isnan (dossier_chart_content_get_item (content, aws)->values[p]);
  g_assert_cmpuint (known, ==, n_periods);

  /* Each organization keeps its colour whatever period is marked. */
  {
    g_autoptr(DossierChartContent) other = dossier_chart_content_load_over_time (store, series_id, content->periods[0], &error);

    g_assert_no_error (error);
    for (guint i = 0; i < dossier_chart_content_get_n_items (content); i++)
      {
        const DossierChartItem *item = dossier_chart_content_get_item (content, i);
        int j = dossier_chart_content_find (other, item->id);

        g_assert_cmpint (j, >=, 0);
        g_assert_cmpuint (dossier_chart_content_get_item (other, j)->colour, ==, item->colour);
      }
    g_assert_cmpuint (dossier_chart_content_get_item (content, aws)->colour, ==, 0);
  }

  /* And in every view: the chart of one period (bars, donut) gives each
   * organization the colour it has over time. */
  for (guint p = 0; p < n_periods; p++)
    {
      g_autoptr(DossierChartContent) one = dossier_chart_content_load (store, series_id, content->periods[p], &error);

      g_assert_no_error (error);
      for (guint i = 0; i < dossier_chart_content_get_n_items (one); i++)
        {
          const DossierChartItem *item = dossier_chart_content_get_item (one, i);
          int j = dossier_chart_content_find (content, item->id);

          g_assert_cmpint (j, >=, 0);
          g_assert_cmpuint (item->colour, ==, dossier_chart_content_get_item (content, j)->colour);
        }
    }

  /* Its break in method: Microsoft's figure in 2024-Q2, marked on its
   * line there, the note in the tooltip. */
  {
    g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans 11");
    g_autoptr(GObject) context_owner = G_OBJECT (pango_font_map_create_context (pango_cairo_font_map_get_default ()));
    PangoContext *context = PANGO_CONTEXT (context_owner);
    g_autoptr(DossierChartLayout) measured = dossier_chart_layout_measure (dossier_chart_lines_get_view (), content,
                                                                           context, font, 1280, 720);
    const DossierChartLinesLayout *lines = (const DossierChartLinesLayout *) measured;
    int microsoft = dossier_chart_content_find (content, test_sql_int (path, "SELECT id FROM node WHERE slug = 'microsoft'"));
    guint q2 = 0;
    g_autofree char *tip = NULL, *none = NULL;

    g_assert_nonnull (content->breaks);
    g_assert_cmpuint (content->breaks->len, ==, 1);
    g_assert_cmpuint (lines->n_breaks, ==, 1);
    while (q2 < n_periods && g_strcmp0 (content->periods[q2], "2024-Q2") != 0)
      q2++;
    g_assert_cmpuint (q2, <, n_periods);
    g_assert_cmpfloat_with_epsilon (lines->break_x[0], lines->x[q2], 1e-6);
    g_assert_cmpfloat_with_epsilon (lines->break_y[0], lines->y[microsoft * n_periods + q2], 1e-6);
    tip = dossier_chart_lines_get_view ()->tooltip_at (content, measured, lines->break_x[0], lines->break_y[0]);
    g_assert_nonnull (tip);
    g_assert_true (g_str_has_prefix (tip, "Break in the method, Q2 2024: Microsoft falls from 25%"));
    none = dossier_chart_lines_get_view ()->tooltip_at (content, measured, lines->plot.x + 1, lines->plot.y + 1);
    g_assert_null (none);

    /* A point says its own period and share, not the marked period's. */
    {
      g_autofree char *point = NULL;
      g_autofree char *expected = NULL;
      guint first_known = 0;

      while (isnan (dossier_chart_content_get_item (content, aws)->values[first_known]))
        first_known++;
      point = dossier_chart_lines_get_view ()->tooltip_at (content, measured, lines->x[first_known],
                                                           lines->y[aws * n_periods + first_known]);
      /* With the source of that period's figures. */
      expected = g_strdup_printf ("Amazon Web Services: Q2 2017, %g%%\nSource: Synergy Research Group, ",
                                  dossier_chart_content_get_item (content, aws)->values[first_known]);
      g_assert_true (g_str_has_prefix (point, expected));
    }
  }

  for (guint f = 0; f < 3; f++)
    {
      static const char *const names[] = { "time.png", "time.svg", "time.pdf" };
      g_autofree char *file = g_build_filename (dir, names[f], NULL);
      g_autofree char *data = NULL;
      gsize len = 0;

      g_assert_true (dossier_chart_export_file (dossier_chart_lines_get_view (), content, file, 1280, 720, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (file, &data, &len, NULL));
      g_assert_cmpuint (len, >, 1000);
    }

  g_clear_object (&store);
  test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "en", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/lines/one-provider", test_one_provider);
  g_test_add_func ("/chart/lines/unknown-values", test_unknown_values);
  g_test_add_func ("/chart/lines/twenty-providers", test_twenty_providers);
  g_test_add_func ("/chart/lines/eighty-periods", test_eighty_periods);
  g_test_add_func ("/chart/lines/hit-test", test_hit_test);
  g_test_add_func ("/chart/lines/content-and-export", test_content_and_export);

  return g_test_run ();
}
