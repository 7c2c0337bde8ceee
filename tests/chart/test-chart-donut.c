/* test-chart-donut.c: the donut view's layout and hit-testing without a
 * display: one provider, twenty, a 0.1 % sliver, shares summing to exactly
 * 100, and export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <math.h>

#include "dossier-chart-donut.h"
#include "test-utils.h"

#define LINE 17.

static DossierChartDonutMetrics
metrics (guint         n,
         const double *percents)
{
  return (DossierChartDonutMetrics) {
    .frame = {
      .width = 800, .height = 500,
      .header_height = 40, .footer_height = 36, .line_height = LINE,
    },
    .legend_width = 160, .n_items = n, .percents = percents,
  };
}

/* The point at the middle of slice @i's ring. */
static void
middle_of (const DossierChartDonutLayout *layout,
           guint                          i,
           double                        *x,
           double                        *y)
{
  double a = (layout->start[i] + layout->end[i]) / 2., r = (layout->inner + layout->outer) / 2.;

  *x = layout->cx + r * cos (a);
  *y = layout->cy + r * sin (a);
}

static void
test_shares (void)
{
  static const double percents[] = { 39, 19, 9 };
  DossierChartDonutMetrics m = metrics (3, percents);
  g_autoptr(DossierChartDonutLayout) layout = dossier_chart_donut_solve (&m);
  const DossierChartLayout *frame = &layout->parent;

  g_assert_true (frame->view == dossier_chart_donut_get_view ());
  /* Clockwise from twelve o'clock, each its share of the whole. */
  g_assert_cmpfloat_with_epsilon (layout->start[0], -G_PI / 2, 1e-9);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpfloat_with_epsilon (layout->end[i] - layout->start[i], 2 * G_PI * percents[i] / 100., 1e-9);
  /* The unnamed 33 % is a rest of its own, with a legend line. */
  g_assert_cmpfloat_with_epsilon (layout->rest_start, -G_PI / 2 + 2 * G_PI * 0.67, 1e-9);
  g_assert_cmpfloat (layout->rest_legend.height, >, 0.);
  /* The ring fits the body, the legend beside it. */
  g_assert_cmpfloat (layout->cy - layout->outer, >=, frame->body.y);
  g_assert_cmpfloat (layout->cy + layout->outer, <=, frame->body.y + frame->body.height);
  g_assert_cmpfloat (layout->cx + layout->outer, <, layout->legend[0].x);
  g_assert_cmpfloat (layout->legend[0].x + layout->legend[0].width, <=, 800);

  for (guint i = 0; i < 3; i++)
    {
      double x, y;

      middle_of (layout, i, &x, &y);
      g_assert_cmpint (dossier_chart_layout_hit_test (frame, x, y), ==, (int) i);
      g_assert_cmpint (dossier_chart_layout_hit_test (frame, layout->legend[i].x + 2,
                                                      layout->legend[i].y + layout->legend[i].height / 2), ==, (int) i);
    }
  /* The hole, and the unnamed rest, are nobody's. */
  g_assert_cmpint (dossier_chart_layout_hit_test (frame, layout->cx, layout->cy), ==, -1);
  g_assert_cmpint (dossier_chart_layout_hit_test (frame, layout->cx - (layout->inner + layout->outer) / 2, layout->cy), ==, -1);
}

/* Shares summing to exactly 100: the ring closes, no rest. */
static void
test_whole (void)
{
  static const double percents[] = { 60, 30, 10 };
  DossierChartDonutMetrics m = metrics (3, percents);
  g_autoptr(DossierChartDonutLayout) layout = dossier_chart_donut_solve (&m);

  g_assert_cmpfloat_with_epsilon (layout->end[2], -G_PI / 2 + 2 * G_PI, 1e-9);
  g_assert_cmpfloat (layout->rest_legend.height, ==, 0.);
}

/* One provider, and a 0.1 % sliver beside it: the sliver has its slice
 * and its own legend line, found by the pointer. */
static void
test_sliver (void)
{
  static const double percents[] = { 99.9, 0.1 };
  static const double one[] = { 100 };
  DossierChartDonutMetrics m = metrics (2, percents);
  DossierChartDonutMetrics single = metrics (1, one);
  g_autoptr(DossierChartDonutLayout) layout = dossier_chart_donut_solve (&m);
  g_autoptr(DossierChartDonutLayout) whole = dossier_chart_donut_solve (&single);

  g_assert_cmpfloat (layout->end[1], >, layout->start[1]);
  g_assert_cmpint (dossier_chart_layout_hit_test (&layout->parent, layout->legend[1].x + 2,
                                                  layout->legend[1].y + 2), ==, 1);
  g_assert_cmpfloat (layout->legend[1].y, >=, layout->legend[0].y + layout->legend[0].height - 1e-9);
  g_assert_cmpfloat_with_epsilon (whole->end[0] - whole->start[0], 2 * G_PI, 1e-9);
}

/* Twenty providers: twenty legend lines, one under the other, all inside
 * the chart. */
static void
test_twenty (void)
{
  double percents[20];
  DossierChartDonutMetrics m;
  g_autoptr(DossierChartDonutLayout) layout = NULL;

  for (guint i = 0; i < 20; i++)
    percents[i] = 4.5;
  m = metrics (20, percents);
  m.frame.height = 700;
  layout = dossier_chart_donut_solve (&m);
  for (guint i = 1; i < 20; i++)
    g_assert_cmpfloat (layout->legend[i].y, >=, layout->legend[i - 1].y + layout->legend[i - 1].height - 1e-9);
  g_assert_cmpfloat (layout->rest_legend.y + layout->rest_legend.height, <=, 700);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/donut/shares", test_shares);
  g_test_add_func ("/chart/donut/whole", test_whole);
  g_test_add_func ("/chart/donut/sliver", test_sliver);
  g_test_add_func ("/chart/donut/twenty", test_twenty);

  return g_test_run ();
}
