/* test-timeline.c: the timeline in a real window: it shows the case file's
 * events, follows the selection (an event highlighted and brought into
 * view; an organization's events marked), a click selects an event
 * everywhere, zoom and pan change the days shown, the expected ruling is
 * linked to the one that came two days late, and what a screen reader
 * says of each event
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>
#include <locale.h>
#include <string.h>

#include "dossier-chart.h"
#include "dossier-chart-content.h"
#include "dossier-section.h"
#include "dossier-selection.h"
#include "dossier-store.h"
#include "dossier-timeline-content.h"
#include "dossier-window.h"
#include "test-ui-utils.h"
#include "test-utils.h"

typedef struct
{
  char          *dir;
  char          *path;
  DossierStore  *store;
  DossierWindow *window;
  DossierChart  *timeline;
  gint64         case_id;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = test_make_tmp_dir ("dossier-timeline-XXXXXX");
  f->path = g_build_filename (f->dir, "dossier.db", NULL);
  f->store = test_open_store (f->path);
  f->window = test_open_window (f->store);
  test_wait_until (test_chart_is_drawn, dossier_window_get_chart (f->window));
  f->case_id = dossier_selection_get_case_id (dossier_window_get_selection (f->window));
  f->timeline = DOSSIER_CHART (dossier_window_get_timeline (f->window));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  test_close_window (f->window, f->store);
  test_remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static gint64
node (Fixture    *f,
      const char *slug)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM node WHERE slug = '%s'", slug);

  return test_sql_int (f->path, sql);
}

static void
select_node (Fixture            *f,
             DossierSectionKind  section,
             gint64              id)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.select", "(xix)",
                                             f->case_id, (gint32) section, id));
  test_iterate ();
}

static const DossierChartContent *
content (Fixture *f)
{
  const DossierChartContent *c = dossier_chart_get_content (f->timeline);

  g_assert_nonnull (c);
  g_assert_nonnull (c->events);
  return c;
}

static const char *
shown_view (Fixture *f)
{
  GtkWidget *stack = gtk_widget_get_ancestor (GTK_WIDGET (f->timeline), GTK_TYPE_STACK);

  return gtk_stack_get_visible_child_name (GTK_STACK (stack));
}

static gboolean
is_empty_note (GtkWidget *widget,
               gpointer   data)
{
  return GTK_IS_LABEL (widget) &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), "No events in this case file yet") == 0;
}

static gboolean
shows_density (gpointer data)
{
  const DossierChartContent *c = dossier_chart_get_content (data);

  return gtk_widget_get_mapped (data) && c != NULL && c->density != NULL;
}

/* A case file of more events than are listed one by one (they are
 * counted by day) is not said to have none. */
static void
test_many_events (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *json = g_build_filename (f->dir, "dense.json", NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  GtkWidget *note;
  gint64 case_id = 0;

  g_string_append (text, "{\"format\": \"dossier-case\", \"version\": 1, \"sources\": [], \"entities\": [],"
                         " \"case\": {\"slug\": \"dense\", \"participants\": [],"
                         " \"text\": {\"en\": {\"title\": \"Dense\"}}, \"events\": [");
  for (guint i = 0; i < DOSSIER_TIMELINE_DETAIL_LIMIT + 100; i++)
    g_string_append_printf (text, "%s{\"slug\": \"e%u\", \"date\": \"2020-%02u-%02u\","
                            " \"text\": {\"en\": {\"title\": \"Event %u\"}}}",
                            i ? "," : "", i, 1 + i % 12, 1 + i % 28, i);
  g_string_append (text, "]}}");
  g_assert_true (g_file_set_contents (json, text->str, text->len, NULL));
  g_assert_true (dossier_store_import_case_file (f->store, json, DOSSIER_IMPORT_DEFAULT, &case_id, &error));
  g_assert_no_error (error);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.select", "(xix)",
                                             case_id, (gint32) DOSSIER_SECTION_TIMELINE, (gint64) 0));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s", "timeline"));
  test_iterate ();
  test_wait_until (shows_density, f->timeline);
  test_iterate ();
  note = test_find_widget_where (gtk_widget_get_parent (GTK_WIDGET (f->timeline)), is_empty_note, NULL);
  g_assert_nonnull (note);
  g_assert_false (gtk_widget_get_visible (note));
}

/* Selecting an event shows the timeline with it highlighted; a click on
 * another selects that one everywhere. */
static void
test_follows_selection (Fixture       *f,
                        gconstpointer  data)
{
  gint64 ruling = node (f, "preliminary-injunction-granted");
  gint64 report = node (f, "joint-status-report");
  const DossierChartContent *c;
  graphene_rect_t box;
  int index, other;

  g_assert_cmpstr (shown_view (f), ==, "market");
  select_node (f, DOSSIER_SECTION_TIMELINE, ruling);
  g_assert_cmpstr (shown_view (f), ==, "timeline");
  test_wait_until (test_chart_is_drawn, f->timeline);

  c = content (f);
  g_assert_cmpuint (dossier_chart_get_n_items (f->timeline), ==,
                    test_sql_int (f->path, "SELECT count(*) FROM event"));
  index = dossier_chart_content_find (c, ruling);
  g_assert_cmpint (index, >=, 0);
  g_assert_cmpint (dossier_chart_get_highlighted (f->timeline), ==, index);

  /* What a screen reader says of an event. */
  other = dossier_chart_content_find (c, report);
  g_assert_cmpstr (dossier_chart_content_get_item (c, other)->label, ==,
                   "January 13, 2020, Joint status report sets the injunction timetable, happened");

  /* A click on the report's label (its area's top left) selects it, in
   * the pages too. */
  g_assert_true (gtk_widget_compute_bounds (dossier_chart_get_item (f->timeline, other),
                                            GTK_WIDGET (f->timeline), &box));
  g_assert_cmpfloat (box.size.width, >, 0);
  g_assert_true (dossier_chart_activate_at (f->timeline, box.origin.x + 4, box.origin.y + 4));
  test_iterate ();
  g_assert_cmpint (dossier_selection_get_node_id (dossier_window_get_selection (f->window)), ==, report);
  g_assert_cmpint (dossier_selection_get_section (dossier_window_get_selection (f->window)), ==,
                   DOSSIER_SECTION_TIMELINE);
  g_assert_cmpint (dossier_chart_get_highlighted (f->timeline), ==, other);

  /* An organization: its events are marked, the others are not. */
  select_node (f, DOSSIER_SECTION_ORGANIZATIONS, node (f, "aws"));
  {
    guint related = 0;

    for (guint i = 0; i < c->items->len; i++)
      related += dossier_chart_content_get_item (c, i)->related;
    g_test_message ("%u of %u events with AWS", related, c->items->len);
    g_assert_cmpuint (related, >, 3);
    g_assert_cmpuint (related, <, c->items->len);
    g_assert_true (dossier_chart_content_get_item (c, index)->related);
  }
}

/* Zoom in and out around the middle, fit the case; an event selected out
 * of the days shown is brought into them. */
static void
test_zoom_and_pan (Fixture       *f,
                   gconstpointer  data)
{
  const DossierChartContent *c;
  double from, to, width;
  int first;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s", "timeline"));
  test_wait_until (test_chart_is_drawn, f->timeline);
  c = content (f);
  from = c->from;
  to = c->to;
  g_assert_cmpfloat (from, <=, c->first);
  g_assert_cmpfloat (to, >=, c->last);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->timeline), "chart.zoom-in", NULL));
  test_iterate ();
  width = c->to - c->from;
  g_assert_cmpfloat (ABS (width - (to - from) / 1.5), <, 1.);
  g_assert_cmpfloat (ABS ((c->from + c->to) - (from + to)), <, 1.);
  g_assert_nonnull (strstr (c->subtitle, " of "));

  /* Zoomed in far, the first event is out of view; selecting it brings
   * it in without changing the zoom. */
  for (guint i = 0; i < 6; i++)
    gtk_widget_activate_action (GTK_WIDGET (f->timeline), "chart.zoom-in", NULL);
  test_iterate ();
  width = c->to - c->from;
  first = 0;
  g_assert_cmpfloat (g_array_index (c->events, DossierChartEvent, first).start, <, c->from);
  select_node (f, DOSSIER_SECTION_TIMELINE, dossier_chart_content_get_item (c, first)->id);
  g_assert_cmpfloat (g_array_index (c->events, DossierChartEvent, first).start, >=, c->from);
  g_assert_cmpfloat (ABS ((c->to - c->from) - width), <, 1.);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->timeline), "chart.zoom-fit", NULL));
  test_iterate ();
  g_assert_cmpfloat (ABS (c->from - from), <, 0.01);
  g_assert_cmpfloat (ABS (c->to - to), <, 0.01);
  g_assert_null (strstr (c->subtitle, " of "));

  /* The market chart has no dates to zoom: Ctrl+plus there does nothing. */
  {
    DossierChart *market = DOSSIER_CHART (dossier_window_get_chart (f->window));
    guint n = dossier_chart_get_n_items (market);

    gtk_widget_activate_action (GTK_WIDGET (market), "chart.zoom-in", NULL);
    test_iterate ();
    g_assert_null (dossier_chart_get_content (market)->events);
    g_assert_cmpuint (dossier_chart_get_n_items (market), ==, n);
  }
}

/* The ruling expected on 11 February 2020 leads to the one given on the
 * 13th: two days late, said on the timeline and in its export. */
static void
test_expected_and_settled (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *svg = g_build_filename (f->dir, "timeline.svg", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  const DossierChartContent *c;
  const DossierChartEvent *expected;
  int index;

  select_node (f, DOSSIER_SECTION_TIMELINE, node (f, "injunction-ruling-expected"));
  test_wait_until (test_chart_is_drawn, f->timeline);
  c = content (f);
  index = dossier_chart_content_find (c, node (f, "injunction-ruling-expected"));
  expected = &g_array_index (c->events, DossierChartEvent, index);
  g_assert_true (expected->expected);
  g_assert_cmpint (expected->settled_by, ==, dossier_chart_content_find (c, node (f, "preliminary-injunction-granted")));
  g_assert_cmpstr (expected->delay, ==, "2 days late");
  g_assert_true (g_str_has_suffix (dossier_chart_content_get_item (c, index)->label, ", expected"));

  /* Exported as shown, with its words as text. */
  g_assert_true (dossier_chart_export (f->timeline, svg, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (svg, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "<svg"));
  g_assert_nonnull (strstr (text, "Timeline: JEDI cloud contract protest"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "en", TRUE);
  gtk_test_init (&argc, &argv, NULL);

  g_test_add ("/timeline/follows-selection", Fixture, NULL, fixture_set_up, test_follows_selection, fixture_tear_down);
  g_test_add ("/timeline/zoom-and-pan", Fixture, NULL, fixture_set_up, test_zoom_and_pan, fixture_tear_down);
  g_test_add ("/timeline/many-events", Fixture, NULL, fixture_set_up, test_many_events, fixture_tear_down);
  g_test_add ("/timeline/expected-and-settled", Fixture, NULL, fixture_set_up, test_expected_and_settled, fixture_tear_down);

  return g_test_run ();
}
