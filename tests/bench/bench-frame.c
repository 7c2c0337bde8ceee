/* bench-frame.c: one frame of the chart and of the timeline at 1280×720
 *
 * On the generated database: the market chart over time (20 providers ×
 * 80 quarters, the lines view) and the timeline of the case file of a
 * million events, zoomed out to the whole case. A frame is what the
 * widget does on each of them: dossier_chart_render() of a layout made
 * beforehand (the geometry is computed when the data, the days shown or
 * the size change, and timed apart: a step of zoom or pan is a layout
 * and a frame). Beside them, in the same process, the least pangocairo
 * does for three labelled bars on the same surface.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <pango/pangocairo.h>

#include "bench-table.h"
#include "dossier-chart-content.h"
#include "dossier-chart-lines.h"
#include "dossier-chart-timeline.h"
#include "dossier-chart-view.h"
#include "dossier-series.h"
#include "dossier-store.h"
#include "dossier-timeline-content.h"
#include "test-utils.h"

#define RUNS 41
#define WIDTH 1280
#define HEIGHT 720

static void
floor_frame (cairo_t *cr)
{
  static const struct { const char *name; double share; } bars[] = {
    { "AWS 39 %", 39 }, { "Microsoft 19 %", 19 }, { "Google 9 %", 9 },
  };
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Sans 11");

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  pango_layout_set_font_description (layout, font);
  for (guint i = 0; i < G_N_ELEMENTS (bars); i++)
    {
      double y = 80 + i * (HEIGHT - 120) / 3.;

      cairo_set_source_rgb (cr, 0, 0, 0);
      pango_layout_set_text (layout, bars[i].name, -1);
      cairo_move_to (cr, 24, y);
      pango_cairo_show_layout (cr, layout);
      cairo_set_source_rgb (cr, 0.2, 0.4, 0.8);
      cairo_rectangle (cr, 160, y, (WIDTH - 200) * bars[i].share / 100., (HEIGHT - 120) / 3. - 16);
      cairo_fill (cr);
    }
  pango_font_description_free (font);
  g_object_unref (layout);
}

static void
frames (cairo_t                   *cr,
        PangoContext              *context,
        const DossierChartContent *content,
        const DossierChartLayout  *layout,
        const DossierChartStyle   *style,
        double                    *times)
{
  for (guint run = 0; run < RUNS; run++)
    {
      double t0 = bench_now_ms ();

      cairo_save (cr);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      dossier_chart_render (cr, context, content, layout, style, -1, -1);
      cairo_restore (cr);
      cairo_surface_flush (cairo_get_target (cr));
      times[run] = bench_now_ms () - t0;
    }
}

/* @view's layout of @content timed RUNS times into @layouts, then its
 * frames into @times. */
static void
layouts_and_frames (cairo_t                   *cr,
                    PangoContext              *context,
                    const PangoFontDescription *font,
                    const DossierChartView    *view,
                    const DossierChartContent *content,
                    const DossierChartStyle   *style,
                    double                    *layouts,
                    double                    *times)
{
  g_autoptr(DossierChartLayout) kept = NULL;

  for (guint run = 0; run < RUNS; run++)
    {
      double t0 = bench_now_ms ();
      g_autoptr(DossierChartLayout) layout = dossier_chart_layout_measure (view, content, context, font, WIDTH, HEIGHT);

      layouts[run] = bench_now_ms () - t0;
      g_clear_pointer (&kept, dossier_chart_layout_free);
      kept = g_steal_pointer (&layout);
    }
  frames (cr, context, content, kept, style, times);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *path = bench_big_database ();
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierStore) store = NULL;
  g_autoptr(GListModel) series = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);
  PangoContext *context = pango_cairo_create_context (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans 11");
  DossierChartStyle style;
  double base[RUNS], chart[RUNS], chart_layout[RUNS], timeline[RUNS], timeline_layout[RUNS], zoom[RUNS], load[5];
  gint64 series_id = 0, case_id;
  DossierChartContent *lines = NULL, *events = NULL;
  BenchTable *table;

  setlocale (LC_ALL, "C.UTF-8");
  dossier_chart_style_init_light (&style);
  style.font = font;
  store = dossier_store_open (path, &error);
  g_assert_no_error (error);
  series = dossier_store_list_series (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (series); i++)
    {
      g_autoptr(DossierSeries) s = g_list_model_get_item (series, i);

      if (g_str_equal (dossier_series_get_slug (s), "gen-market"))
        series_id = dossier_series_get_id (s);
    }
  g_assert_cmpint (series_id, !=, 0);
  case_id = test_find_case (store, "gen-case-0");

  for (guint run = 0; run < RUNS; run++)
    {
      double t0 = bench_now_ms ();

      floor_frame (cr);
      cairo_surface_flush (surface);
      base[run] = bench_now_ms () - t0;
    }

  /* The chart over time. */
  lines = dossier_chart_content_load_over_time (store, series_id, NULL, &error);
  g_assert_no_error (error);
  layouts_and_frames (cr, context, font, dossier_chart_lines_get_view (), lines, &style, chart_layout, chart);
  cairo_surface_write_to_png (surface, "bench-frame-lines.png");

  /* The timeline of a million events, zoomed out. */
  for (guint run = 0; run < G_N_ELEMENTS (load); run++)
    {
      double t0 = bench_now_ms ();

      g_clear_pointer (&events, dossier_chart_content_free);
      events = dossier_timeline_content_load (store, case_id, &error);
      g_assert_no_error (error);
      load[run] = bench_now_ms () - t0;
    }
  layouts_and_frames (cr, context, font, dossier_chart_timeline_get_view (), events, &style, timeline_layout, timeline);
  cairo_surface_write_to_png (surface, "bench-frame-timeline.png");
  /* A step of zoom in, then out again: new days shown, laid out, drawn. */
  for (guint run = 0; run < RUNS; run++)
    {
      double t0 = bench_now_ms ();
      g_autoptr(DossierChartLayout) layout = NULL;

      dossier_timeline_content_zoom (events, run % 2 ? 1. / 1.25 : 1.25, (events->from + events->to) / 2.);
      layout = dossier_chart_layout_measure (dossier_chart_timeline_get_view (), events, context, font, WIDTH, HEIGHT);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      dossier_chart_render (cr, context, events, layout, &style, -1, -1);
      cairo_surface_flush (surface);
      zoom[run] = bench_now_ms () - t0;
    }

  table = bench_table_new ("frame", "One frame at 1280×720 (dossier_chart_render of a layout made beforehand)");
  bench_table_add (table, "3 labelled bars, pangocairo (baseline)", base, RUNS, NULL, NULL);
  bench_table_add (table, "chart, 20 × 80 shares over time", chart, RUNS,
                   "3 labelled bars, pangocairo (baseline)", "< 4 ms");
  bench_table_add (table, "timeline, 1,000,000 events, zoomed out", timeline, RUNS,
                   "3 labelled bars, pangocairo (baseline)", "< 4 ms");
  bench_table_add (table, "  its layout (when days or size change)", timeline_layout, RUNS, NULL, NULL);
  bench_table_add (table, "  a zoom step: layout and frame", zoom, RUNS, NULL, "< 16 ms");
  bench_table_add (table, "  its content (at load, once)", load, G_N_ELEMENTS (load), NULL, NULL);
  bench_table_add (table, "chart layout (when data or size change)", chart_layout, RUNS, NULL, NULL);
  bench_table_write (table);

  dossier_chart_content_free (lines);
  dossier_chart_content_free (events);
  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return 0;
}
