/* test-timeline-layout.c: the timeline's layout without a display: dates
 * to spans (a day, a month, a year), no two labels overlapping with the
 * bundled case's events measured in a real font and with five hundred
 * events in one month, labels kept inside the plot, and hit-testing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "dossier-chart-content.h"
#include "dossier-chart-timeline.h"
#include "dossier-node.h"
#include "dossier-store.h"
#include "dossier-chart-view.h"
#include "dossier-timeline-density.h"
#include "dossier-timeline-content.h"
#include "dossier-timeline-layout.h"
#include "test-utils.h"

static gboolean
overlap (const DossierRect *a,
         const DossierRect *b)
{
  return a->width > 0 && b->width > 0 &&
         a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

/* No two labels drawn overlap, each is inside the plot, and every mark
 * is on the axis. */
static void
assert_sound (const DossierTimelinePlace *places,
              guint                       n,
              const DossierTimelineScale *scale,
              double                      axis_y)
{
  for (guint i = 0; i < n; i++)
    {
      const DossierTimelinePlace *p = &places[i];

      g_assert_cmpfloat (p->mark.y, <, axis_y);
      g_assert_cmpfloat (p->mark.y + p->mark.height, >, axis_y);
      if (p->lane < 0)
        {
          g_assert_cmpfloat (p->label.width, ==, 0.);
          continue;
        }
      g_assert_cmpuint (p->lane, <, scale->max_lanes);
      g_assert_cmpfloat (p->label.x, >=, scale->x - 1e-6);
      g_assert_cmpfloat (p->label.x + p->label.width, <=, scale->x + scale->width + 1e-6);
      g_assert_cmpfloat (p->label.y + p->label.height, <=, p->mark.y + 1e-6);
      for (guint j = i + 1; j < n; j++)
        if (overlap (&p->label, &places[j].label))
          g_error ("labels %u and %u overlap", i, j);
    }
}

static void
test_spans (void)
{
  double start, end;

  g_assert_true (dossier_timeline_span_from_date ("2020-02-11", &start, &end));
  g_assert_cmpfloat (end - start, ==, 1.);
  g_assert_true (dossier_timeline_span_from_date ("2020-02", &start, &end));
  g_assert_cmpfloat (end - start, ==, 29.);  /* a leap year's February */
  g_assert_true (dossier_timeline_span_from_date ("2020-12", &start, &end));
  g_assert_cmpfloat (end - start, ==, 31.);
  g_assert_true (dossier_timeline_span_from_date ("2019", &start, &end));
  g_assert_cmpfloat (end - start, ==, 365.);
  g_assert_false (dossier_timeline_span_from_date ("2020-13-01", &start, &end));
  g_assert_false (dossier_timeline_span_from_date ("", &start, &end));
}

/* The bundled case's events, their labels measured as they would be
 * drawn ("January 13, 2020 — Joint status report…"), over the whole case
 * at 900 pixels: nothing overlaps, and most labels find room. */
static void
test_bundled_case (void)
{
  g_autofree char *dir = test_make_tmp_dir ("dossier-timeline-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "dossier.db", NULL);
  g_autoptr(DossierStore) store = test_open_store (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) events = NULL;
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans 11");
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (DossierTimelineSpan));
  DossierTimelineScale scale = { .x = 20, .width = 900, .lane_height = 18, .max_lanes = 12, .gap = 6 };
  g_autofree DossierTimelinePlace *places = NULL;
  guint hidden = 0, n;

  events = dossier_store_list_section (store, test_find_case (store, "jedi-protest"), DOSSIER_SECTION_TIMELINE, &error);
  g_assert_no_error (error);
  n = g_list_model_get_n_items (events);
  g_assert_cmpuint (n, >=, 30);

  scale.from = G_MAXDOUBLE;
  scale.to = -G_MAXDOUBLE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierNode) event = g_list_model_get_item (events, i);
      g_autoptr(PangoLayout) label = pango_layout_new (context);
      DossierTimelineSpan span = { 0 };
      int width, height;

      g_assert_true (dossier_timeline_span_from_date (dossier_node_get_date (event), &span.start, &span.end));
      pango_layout_set_font_description (label, font);
      pango_layout_set_text (label, dossier_node_get_title (event), -1);
      pango_layout_get_pixel_size (label, &width, &height);
      span.label_width = width;
      g_array_append_val (spans, span);
      scale.from = MIN (scale.from, span.start);
      scale.to = MAX (scale.to, span.end);
    }

  places = dossier_timeline_solve ((DossierTimelineSpan *) spans->data, n, &scale, 400, &hidden);
  assert_sound (places, n, &scale, 400);
  g_test_message ("%u of %u labels without room over the whole case", hidden, n);
  g_assert_cmpuint (hidden, <, n / 2);

  /* Every mark is where a click finds it. */
  for (guint i = 0; i < n; i++)
    {
      int hit = dossier_timeline_hit_test (places, n, places[i].mark.x + places[i].mark.width / 2.,
                                           places[i].mark.y + places[i].mark.height / 2.);

      g_assert_cmpint (hit, >=, 0);
      g_assert_cmpfloat (places[hit].mark.x, <=, places[i].mark.x + places[i].mark.width);
    }
  g_assert_cmpint (dossier_timeline_hit_test (places, n, scale.x + 1, 10), ==, -1);

  g_object_unref (context);
  g_clear_object (&store);
  test_remove_tree (dir);
}

/* Five hundred events in January 2020, on a 600 pixel plot: rows fill,
 * the rest wait for a zoom, and nothing is drawn over anything. */
static void
test_five_hundred_in_a_month (void)
{
  DossierTimelineSpan spans[500];
  DossierTimelineScale scale = { .x = 0, .width = 600, .lane_height = 18, .max_lanes = 8, .gap = 6 };
  g_autofree DossierTimelinePlace *places = NULL;
  guint hidden = 0, shown;

  g_assert_true (dossier_timeline_span_from_date ("2020-01", &scale.from, &scale.to));
  for (guint i = 0; i < G_N_ELEMENTS (spans); i++)
    {
      g_autofree char *date = g_strdup_printf ("2020-01-%02u", 1 + i % 31);

      g_assert_true (dossier_timeline_span_from_date (date, &spans[i].start, &spans[i].end));
      spans[i].label_width = 40 + (i * 37) % 160;
    }

  places = dossier_timeline_solve (spans, G_N_ELEMENTS (spans), &scale, 300, &hidden);
  assert_sound (places, G_N_ELEMENTS (spans), &scale, 300);
  shown = G_N_ELEMENTS (spans) - hidden;
  g_test_message ("%u of 500 labels shown in a month at 600 px", shown);
  g_assert_cmpuint (shown, >=, scale.max_lanes);
  g_assert_cmpuint (hidden, >, 0);

  /* Zoomed on the first week, the same events find more room. */
  {
    g_autofree DossierTimelinePlace *zoomed = NULL;
    guint zoomed_hidden = 0;

    guint week = 0, week_shown = 0, week_shown_zoomed = 0;

    for (guint i = 0; i < G_N_ELEMENTS (spans); i++)
      if (spans[i].start < scale.from + 7)
        {
          week++;
          week_shown += places[i].lane >= 0;
        }
    scale.to = scale.from + 7;
    zoomed = dossier_timeline_solve (spans, G_N_ELEMENTS (spans), &scale, 300, &zoomed_hidden);
    assert_sound (zoomed, G_N_ELEMENTS (spans), &scale, 300);
    for (guint i = 0; i < G_N_ELEMENTS (spans); i++)
      {
        if (spans[i].start >= scale.from + 7)
          g_assert_cmpint (zoomed[i].lane, ==, -1);
        else
          week_shown_zoomed += zoomed[i].lane >= 0;
      }
    g_test_message ("first week: %u of %u labels shown, %u zoomed in", week_shown, week, week_shown_zoomed);
    g_assert_cmpuint (week_shown_zoomed, >, week_shown);
    g_assert_cmpuint (zoomed_hidden, ==, week - week_shown_zoomed);
  }
}

/* More events than are drawn each: counted by day, from the index, with
 * no item; a file whose dates do not read (another program's: the schema
 * lets "2020-19-39" by) shows a month around today, not a range of
 * nothing. */
static void
test_density (void)
{
  g_autofree char *dir = test_make_tmp_dir ("dossier-density-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "dossier.db", NULL);
  g_autofree char *json = g_build_filename (dir, "case.json", NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(DossierStore) store = test_open_store (path);
  g_autoptr(DossierChartContent) content = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) new_year = g_date_time_new_utc (2020, 1, 1, 0, 0, 0);
  guint n = DOSSIER_TIMELINE_DETAIL_LIMIT + 500;
  double first, last;
  gint64 case_id = 0;

  g_string_append (text, "{\"format\": \"dossier-case\", \"version\": 1, \"sources\": [], \"entities\": [],"
                         " \"case\": {\"slug\": \"dense\", \"participants\": [],"
                         " \"text\": {\"en\": {\"title\": \"Dense\"}}, \"events\": [");
  /* Two a day from January 1, 2020 (a leap year), and one known only to
   * its month. */
  for (guint i = 0; i < n - 1; i++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (new_year, (int) (i / 2));
      g_autofree char *date = g_date_time_format (day, "%Y-%m-%d");

      g_string_append_printf (text, "{\"slug\": \"e%u\", \"date\": \"%s\","
                              " \"text\": {\"en\": {\"title\": \"Event %u\"}}},", i, date, i);
    }
  g_string_append (text, "{\"slug\": \"month\", \"date\": \"2019-12\", \"text\": {\"en\": {\"title\": \"M\"}}}]}}");
  g_assert_true (g_file_set_contents (json, text->str, text->len, NULL));
  g_assert_true (dossier_store_import_case_file (store, json, DOSSIER_IMPORT_DEFAULT, &case_id, &error));
  g_assert_no_error (error);

  content = dossier_timeline_content_load (store, case_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (content->density);
  g_assert_cmpuint (content->items->len, ==, 0);
  g_assert_cmpuint (content->n_events, ==, n);
  /* A day each, two events a day, and the month. */
  g_assert_cmpuint (content->density->len, ==, (n - 1 + 1) / 2 + 1);
  g_assert_true (dossier_timeline_span_from_date ("2019-12", &first, &last));
  g_assert_cmpfloat (content->first, ==, first);
  g_assert_cmpuint (g_array_index (content->density, DossierChartDensity, 1).count, ==, 2);
  g_assert_true (g_str_has_prefix (content->subtitle, "2,500 events, "));

  /* Zoomed to a few days, from the middle of one: the bars stay within
   * the plot (the first day's began left of it), and so do the caption and
   * the largest count after it, in a narrow chart. */
  {
    DossierRect plot = { 100., 40., 160., 100. };
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 400, 200);
    cairo_t *cr = cairo_create (surface);
    PangoContext *pango = pango_cairo_create_context (cr);
    g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans 10");
    DossierTimelineBars *bars;
    DossierChartStyle style;
    const guint32 *pixels;
    int stride;
    guint outside = 0;

    dossier_chart_style_init_light (&style);
    style.font = font;
    dossier_timeline_content_set_range (content, content->first + 10.5, content->first + 16.5);
    bars = dossier_timeline_bars_new (content, &plot, plot.y + plot.height);
    dossier_timeline_bars_draw (cr, pango, bars, &style, 16.);
    cairo_surface_flush (surface);
    pixels = (const guint32 *) (gpointer) cairo_image_surface_get_data (surface);
    stride = cairo_image_surface_get_stride (surface) / 4;
    for (int y = 0; y < 200; y++)
      for (int x = 0; x < 400; x++)
        if ((x < plot.x - 1 || x > plot.x + plot.width + 1) && pixels[y * stride + x] >> 24 != 0)
          outside++;
    g_assert_cmpuint (outside, ==, 0);
    dossier_timeline_bars_free (bars);
    g_object_unref (pango);
    cairo_destroy (cr);
    cairo_surface_destroy (surface);
  }

  /* Today among the bars: its label on the background, drawn over them,
   * not under them in their colour ("Aujourd'hui" could not be read). The
   * two frames, with and without today, differ by near-white pixels: the
   * label's ground. */
  {
    PangoFontMap *map = pango_cairo_font_map_get_default ();
    PangoContext *pango = pango_font_map_create_context (map);
    g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans 10");
    cairo_surface_t *frames[2];
    DossierChartStyle style;
    guint ground = 0;
    int stride;

    dossier_chart_style_init_light (&style);
    style.font = font;
    dossier_timeline_content_fit (content);
    for (guint k = 0; k < 2; k++)
      {
        DossierChartLayout *layout;
        cairo_t *cr;

        content->today = k == 0 ? content->first + 200.5 : NAN;
        frames[k] = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 640, 360);
        cr = cairo_create (frames[k]);
        layout = dossier_chart_layout_measure (dossier_chart_timeline_get_view (), content, pango, font, 640, 360);
        dossier_chart_render (cr, pango, content, layout, &style, -1, -1);
        dossier_chart_layout_free (layout);
        cairo_destroy (cr);
        cairo_surface_flush (frames[k]);
      }
    stride = cairo_image_surface_get_stride (frames[0]) / 4;
    for (int i = 0; i < 360 * stride; i++)
      {
        guint32 a = ((const guint32 *) (gpointer) cairo_image_surface_get_data (frames[0]))[i];
        guint32 b = ((const guint32 *) (gpointer) cairo_image_surface_get_data (frames[1]))[i];

        if (a != b && (a >> 16 & 0xff) > 225 && (a >> 8 & 0xff) > 225 && (a & 0xff) > 225)
          ground++;
      }
    g_test_message ("%u near-white pixels where today is drawn over the bars", ground);
    g_assert_cmpuint (ground, >, 100);
    cairo_surface_destroy (frames[0]);
    cairo_surface_destroy (frames[1]);
    g_object_unref (pango);
  }

  test_sql_exec (path, "UPDATE event SET date = '2020-19-39'");
  g_clear_pointer (&content, dossier_chart_content_free);
  content = dossier_timeline_content_load (store, case_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (content->density);
  g_assert_cmpuint (content->density->len, ==, 0);
  g_assert_cmpuint (content->n_events, ==, 0);
  g_assert_cmpfloat (content->last - content->first, ==, 60.);
  g_assert_cmpfloat (content->to, >, content->from);

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

  g_test_add_func ("/chart/timeline/spans", test_spans);
  g_test_add_func ("/chart/timeline/bundled-case", test_bundled_case);
  g_test_add_func ("/chart/timeline/five-hundred-in-a-month", test_five_hundred_in_a_month);
  g_test_add_func ("/chart/timeline/density", test_density);

  return g_test_run ();
}
