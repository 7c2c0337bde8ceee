/* test-window.c: a real window under Xvfb, its views linked by the shared
 * selection
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>
#include <math.h>
#include <string.h>
#include <locale.h>

#include "dossier-chart.h"
#include "dossier-chart-mark.h"
#include "dossier-detail-pane.h"
#include "dossier-market-panel.h"
#include "dossier-node.h"
#include "dossier-section.h"
#include "dossier-selection.h"
#include "dossier-settings.h"
#include "dossier-sidebar.h"
#include "dossier-store.h"
#include "dossier-window.h"
#include "test-ui-utils.h"
#include "test-utils.h"

typedef struct
{
  char          *dir;
  DossierStore  *store;
  DossierWindow *window;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = NULL;

  f->dir = test_make_tmp_dir ("dossier-window-XXXXXX");
  path = g_build_filename (f->dir, "dossier.db", NULL);
  f->store = test_open_store (path);
  f->window = test_open_window (f->store);
  test_wait_until (test_chart_is_drawn, dossier_window_get_chart (f->window));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  /* The window and everything in it goes away, then the store. */
  test_close_window (f->window, f->store);
  test_remove_tree (f->dir);
  g_free (f->dir);
}

/* The flat position of the sidebar row showing @slug, expanding sections. */
static guint
sidebar_position (Fixture    *f,
                  const char *slug)
{
  DossierSidebar *sidebar = DOSSIER_SIDEBAR (dossier_window_get_sidebar (f->window));
  GtkSelectionModel *model = gtk_list_view_get_model (dossier_sidebar_get_list_view (sidebar));

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (model), i);
      g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);

      if (DOSSIER_IS_SECTION (item))
        gtk_tree_list_row_set_expanded (row, TRUE);
      else if (DOSSIER_IS_NODE (item) && g_str_equal (dossier_node_get_slug (DOSSIER_NODE (item)), slug))
        return i;
    }

  g_error ("no sidebar row for %s", slug);
  return 0;
}

static void
select_in_sidebar (Fixture    *f,
                   const char *slug)
{
  DossierSidebar *sidebar = DOSSIER_SIDEBAR (dossier_window_get_sidebar (f->window));
  GtkSelectionModel *model = gtk_list_view_get_model (dossier_sidebar_get_list_view (sidebar));

  /* What a click on the row does. */
  gtk_selection_model_select_item (model, sidebar_position (f, slug), TRUE);
  while (g_main_context_iteration (NULL, FALSE));
}

static const char *
selected_slug (Fixture *f)
{
  DossierSidebar *sidebar = DOSSIER_SIDEBAR (dossier_window_get_sidebar (f->window));
  GObject *item = dossier_sidebar_get_selected_item (sidebar);

  return DOSSIER_IS_NODE (item) ? dossier_node_get_slug (DOSSIER_NODE (item)) : NULL;
}

static void
assert_highlighted (Fixture *f,
                    int      expected)
{
  DossierChart *chart = DOSSIER_CHART (dossier_window_get_chart (f->window));

  g_assert_cmpint (dossier_chart_get_highlighted (chart), ==, expected);
  for (guint i = 0; i < dossier_chart_get_n_items (chart); i++)
    {
      GtkWidget *bar = dossier_chart_get_item (chart, i);

      g_assert_cmpint (dossier_chart_mark_get_selected (DOSSIER_CHART_MARK (bar)), ==, (int) i == expected);
      /* The macro form, gtk_test_accessible_assert_state(), trips -Wformat in GTK 4.8's header. */
      g_autofree char *state_error = gtk_test_accessible_check_state (GTK_ACCESSIBLE (bar),
                                                                      GTK_ACCESSIBLE_STATE_SELECTED,
                                                                      (int) i == expected);
      g_assert_null (state_error);
    }
}

static void
assert_label (GtkWidget  *widget,
              const char *expected)
{
  g_autofree char *label_error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                                     GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                                     expected);
  g_assert_null (label_error);
}

static void
test_opens_on_overview (Fixture       *f,
                        gconstpointer  data)
{
  DossierChart *chart = DOSSIER_CHART (dossier_window_get_chart (f->window));
  DossierDetailPane *detail = DOSSIER_DETAIL_PANE (dossier_window_get_detail (f->window));
  DossierSelection *selection = dossier_window_get_selection (f->window);

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->window)), ==, "JEDI cloud contract protest — Dossier");
  g_assert_cmpint (dossier_selection_get_section (selection), ==, DOSSIER_SECTION_OVERVIEW);
  g_assert_cmpstr (dossier_detail_pane_get_heading (detail), ==, "JEDI cloud contract protest");
  g_assert_cmpstr (dossier_chart_get_title (chart), ==, "Market share, Q3 2019");
  g_assert_cmpuint (dossier_chart_get_n_items (chart), ==, 3);
  assert_label (dossier_chart_get_item (chart, 0), "Amazon Web Services, Q3 2019, 39%");
  assert_label (dossier_chart_get_item (chart, 2), "Google, Q3 2019, 9%");
  assert_highlighted (f, -1);

  /* It fits a 1366×768 laptop's screen, and works down to 800 wide. */
  {
    int min_width = 0, min_height = 0, width = 0, height = 0;

    gtk_widget_measure (GTK_WIDGET (f->window), GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
    gtk_widget_measure (GTK_WIDGET (f->window), GTK_ORIENTATION_VERTICAL, -1, &min_height, NULL, NULL, NULL);
    g_test_message ("smallest window: %d×%d", min_width, min_height);
    g_assert_cmpint (min_width, <=, 800);
    g_assert_cmpint (min_height, <=, 600);
    /* The size a first start opens at (the tests set their own). */
    {
      g_autoptr(GSettings) settings = dossier_settings_new ();
      g_autoptr(GVariant) default_width = g_settings_get_default_value (settings, "window-width");
      g_autoptr(GVariant) default_height = g_settings_get_default_value (settings, "window-height");

      width = g_variant_get_int32 (default_width);
      height = g_variant_get_int32 (default_height);
    }
    g_assert_cmpint (width, <=, 1366);
    /* Less GNOME's top bar. */
    g_assert_cmpint (height, <=, 768 - 32);
  }
}

static void
test_sidebar_drives_chart (Fixture       *f,
                           gconstpointer  data)
{
  DossierDetailPane *detail = DOSSIER_DETAIL_PANE (dossier_window_get_detail (f->window));

  select_in_sidebar (f, "microsoft");
  assert_highlighted (f, 1);
  g_assert_cmpstr (dossier_detail_pane_get_heading (detail), ==, "Microsoft");

  select_in_sidebar (f, "aws");
  assert_highlighted (f, 0);
  g_assert_cmpstr (dossier_detail_pane_get_heading (detail), ==, "Amazon Web Services");

  /* An organization without a bar, and an event, highlight nothing. */
  select_in_sidebar (f, "oracle");
  assert_highlighted (f, -1);
  select_in_sidebar (f, "award-to-microsoft");
  assert_highlighted (f, -1);
  g_assert_cmpstr (selected_slug (f), ==, "award-to-microsoft");
}

static void
test_chart_drives_sidebar (Fixture       *f,
                           gconstpointer  data)
{
  DossierChart *chart = DOSSIER_CHART (dossier_window_get_chart (f->window));
  DossierDetailPane *detail = DOSSIER_DETAIL_PANE (dossier_window_get_detail (f->window));
  DossierSelection *selection = dossier_window_get_selection (f->window);
  graphene_rect_t bounds;

  /* A click in the middle of Google's bar, where the pointer would be. */
  g_assert_true (gtk_widget_compute_bounds (dossier_chart_get_item (chart, 2), GTK_WIDGET (chart), &bounds));
  g_assert_true (dossier_chart_activate_at (chart,
                                            bounds.origin.x + bounds.size.width / 2,
                                            bounds.origin.y + bounds.size.height / 2));
  while (g_main_context_iteration (NULL, FALSE));

  g_assert_cmpint (dossier_selection_get_section (selection), ==, DOSSIER_SECTION_ORGANIZATIONS);
  g_assert_cmpstr (selected_slug (f), ==, "google");
  g_assert_cmpstr (dossier_detail_pane_get_heading (detail), ==, "Google");
  assert_highlighted (f, 2);

  /* Then Microsoft's, from an event page. */
  select_in_sidebar (f, "award-to-microsoft");
  g_assert_true (gtk_widget_compute_bounds (dossier_chart_get_item (chart, 1), GTK_WIDGET (chart), &bounds));
  g_assert_true (dossier_chart_activate_at (chart, bounds.origin.x + 5, bounds.origin.y + bounds.size.height / 2));
  while (g_main_context_iteration (NULL, FALSE));
  g_assert_cmpstr (selected_slug (f), ==, "microsoft");
  assert_highlighted (f, 1);

  /* Outside the bars nothing changes. */
  g_assert_false (dossier_chart_activate_at (chart, 1, 1));
  g_assert_cmpstr (selected_slug (f), ==, "microsoft");
}

static void
test_bars_focusable (Fixture       *f,
                     gconstpointer  data)
{
  DossierChart *chart = DOSSIER_CHART (dossier_window_get_chart (f->window));

  /* Bars are in the focus chain (keys on them: tests/e2e/test_linked_selection.py). */
  for (guint i = 0; i < dossier_chart_get_n_items (chart); i++)
    g_assert_true (gtk_widget_get_focusable (dossier_chart_get_item (chart, i)));

  g_assert_true (gtk_widget_grab_focus (dossier_chart_get_item (chart, 1)));
  g_assert_true (gtk_widget_has_focus (dossier_chart_get_item (chart, 1)));
}

static gboolean
window_is_active (gpointer data)
{
  return gtk_window_is_active (GTK_WINDOW (data));
}

/* The widget's pixels once two frames in a row agree, so that a change
 * still on its way (a style, a size) is not taken for the one tested. */
static GBytes *
render_settled (GtkWidget *widget)
{
  GBytes *last = NULL;

  for (guint i = 0; i < 50; i++)
    {
      GBytes *now;

      test_iterate ();
      now = test_render_widget (widget);
      if (last != NULL && g_bytes_equal (last, now))
        {
          g_bytes_unref (last);
          return now;
        }
      g_clear_pointer (&last, g_bytes_unref);
      last = now;
      g_usleep (20000);
    }
  return last;
}

/* Gives item @index the focus, shown as from the keyboard, and returns
 * the chart's pixels once settled. */
static GBytes *
focus_item (DossierChart *chart,
            guint         index)
{
  GtkWidget *mark = dossier_chart_get_item (chart, index);
  GtkWindow *window = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (chart)));

  /* A late pointer event may turn the keyboard's focus ring off, and on
   * a loaded X server without a window manager the window may lose its
   * active state a while: the ring is what is tested, so it is asked for
   * until it is there. */
  for (guint i = 0; i < 200 && !gtk_widget_has_visible_focus (mark); i++)
    {
      g_assert_true (gtk_widget_grab_focus (mark));
      gtk_window_set_focus_visible (window, TRUE);
      test_iterate ();
      if (!gtk_widget_has_visible_focus (mark))
        g_usleep (50000);
    }
  if (!gtk_widget_has_visible_focus (mark))
    return NULL;
  return render_settled (GTK_WIDGET (chart));
}

/* Whether @a and @b differ along the edge of item @index's area, where
 * its focus ring is drawn. */
static gboolean
ring_differs (DossierChart *chart,
              guint         index,
              GBytes       *a,
              GBytes       *b)
{
  GtkWidget *mark = dossier_chart_get_item (chart, index);
  int stride = gtk_widget_get_width (GTK_WIDGET (chart)) * 4;
  const guchar *pa = g_bytes_get_data (a, NULL), *pb = g_bytes_get_data (b, NULL);
  graphene_rect_t box;

  g_assert_true (gtk_widget_compute_bounds (mark, GTK_WIDGET (chart), &box));
  for (int y = (int) box.origin.y; y < (int) (box.origin.y + box.size.height); y++)
    for (int x = (int) box.origin.x; x < (int) (box.origin.x + box.size.width); x++)
      {
        gboolean edge = x < box.origin.x + 4 || x >= box.origin.x + box.size.width - 4 ||
                        y < box.origin.y + 4 || y >= box.origin.y + box.size.height - 4;

        if (edge && memcmp (pa + y * stride + 4 * x, pb + y * stride + 4 * x, 4) != 0)
          return TRUE;
      }
  return FALSE;
}

/* Moving between bars with the keyboard moves a ring you can see: the
 * pixels along the first bar's edge change when the focus leaves it,
 * those along the second's when it comes, and the first's come back as
 * they were. */
static void
test_focus_ring_drawn (Fixture       *f,
                       gconstpointer  data)
{
  DossierChart *chart = DOSSIER_CHART (dossier_window_get_chart (f->window));
  g_autoptr(GBytes) first = NULL, second = NULL, again = NULL;

  /* Focus shows only in the active window: under valgrind the X server's
   * word that it is may come late. And the pointer, wherever Xvfb left
   * it, must not start hovering a bar halfway through. */
  gtk_widget_set_can_target (GTK_WIDGET (chart), FALSE);
  {
    /* Ten seconds, not test_wait_until()'s five: CI's AddressSanitizer
     * run once waited longer; then said, not failed. */
    gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

    while (!window_is_active (f->window) && g_get_monotonic_time () < deadline)
      {
        g_main_context_iteration (NULL, FALSE);
        g_usleep (1000);
      }
    if (!window_is_active (f->window))
      {
        g_test_skip ("The X server did not make the window active in ten seconds: no focus ring to draw");
        gtk_widget_set_can_target (GTK_WIDGET (chart), TRUE);
        return;
      }
  }

  /* Under load a frame may be taken before the focus change reached it:
   * three tries, each the whole sequence, before the ring is said to be
   * missing (without the mark's redraw it never shows). */
  for (guint attempt = 0; attempt < 3; attempt++)
    {
      g_clear_pointer (&first, g_bytes_unref);
      g_clear_pointer (&second, g_bytes_unref);
      g_clear_pointer (&again, g_bytes_unref);
      first = focus_item (chart, 0);
      second = focus_item (chart, 1);
      again = focus_item (chart, 0);
      if (first == NULL || second == NULL || again == NULL)
        break;
      if (ring_differs (chart, 0, first, second) && ring_differs (chart, 1, first, second) &&
          !ring_differs (chart, 0, first, again) && !ring_differs (chart, 1, first, again))
        break;
      g_test_message ("The focus ring did not show in try %u", attempt + 1);
    }
  if (first == NULL || second == NULL || again == NULL)
    {
      /* Said, not passed: nothing was drawn to compare. */
      g_test_skip ("The X server did not keep the window active for ten seconds: no focus ring to draw");
      gtk_widget_set_can_target (GTK_WIDGET (chart), TRUE);
      return;
    }

  g_assert_true (ring_differs (chart, 0, first, second));
  g_assert_true (ring_differs (chart, 1, first, second));
  g_assert_false (ring_differs (chart, 0, first, again));
  g_assert_false (ring_differs (chart, 1, first, again));
  gtk_widget_set_can_target (GTK_WIDGET (chart), TRUE);
}

static void
test_fold_section (Fixture       *f,
                   gconstpointer  data)
{
  DossierSidebar *sidebar = DOSSIER_SIDEBAR (dossier_window_get_sidebar (f->window));
  DossierDetailPane *detail = DOSSIER_DETAIL_PANE (dossier_window_get_detail (f->window));
  DossierSelection *selection = dossier_window_get_selection (f->window);
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (dossier_sidebar_get_list_view (sidebar)));

  select_in_sidebar (f, "microsoft");
  assert_highlighted (f, 1);

  /* Folding the section of the selected item goes up to the section. */
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (model, i);
      g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);

      if (DOSSIER_IS_SECTION (item) &&
          dossier_section_get_kind (DOSSIER_SECTION (item)) == DOSSIER_SECTION_ORGANIZATIONS)
        gtk_tree_list_row_set_expanded (row, FALSE);
    }
  while (g_main_context_iteration (NULL, FALSE));

  g_assert_cmpint (dossier_selection_get_section (selection), ==, DOSSIER_SECTION_ORGANIZATIONS);
  g_assert_cmpint (dossier_selection_get_node_id (selection), ==, 0);
  g_assert_true (DOSSIER_IS_SECTION (dossier_sidebar_get_selected_item (sidebar)));
  g_assert_cmpstr (dossier_detail_pane_get_heading (detail), ==, "Organizations");
  assert_highlighted (f, -1);
}

static void
test_series_keeps_period (Fixture       *f,
                          gconstpointer  data)
{
  DossierChart *chart = DOSSIER_CHART (dossier_window_get_chart (f->window));
  GtkDropDown *series = GTK_DROP_DOWN (test_find_widget (GTK_WIDGET (f->window), GTK_TYPE_DROP_DOWN, 0));

  g_assert_nonnull (series);
  g_assert_cmpstr (dossier_chart_get_title (chart), ==, "Market share, Q3 2019");

  /* Synergy's broad series has no Q3 2019: the nearest quarter, not the latest. */
  gtk_drop_down_set_selected (series, 1);
  while (g_main_context_iteration (NULL, FALSE));
  g_assert_cmpstr (dossier_chart_get_title (chart), ==, "Market share, Q4 2019");
  g_assert_cmpuint (dossier_chart_get_n_items (chart), ==, 2);

  /* Gartner counts years: the nearest is 2018. */
  gtk_drop_down_set_selected (series, 3);
  while (g_main_context_iteration (NULL, FALSE));
  g_assert_cmpstr (dossier_chart_get_title (chart), ==, "Market share, 2018");

  /* Back to the case file's own series and period. */
  gtk_drop_down_set_selected (series, 0);
  while (g_main_context_iteration (NULL, FALSE));
  g_assert_cmpstr (dossier_chart_get_title (chart), ==, "Market share, Q3 2019");
}

/* What a drop-down's button says: its one mapped label, outside its popover. */
static gboolean
is_shown_label (GtkWidget *widget,
                gpointer   data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         gtk_widget_get_ancestor (widget, GTK_TYPE_POPOVER) == NULL;
}

static const char *
shown_text (GtkDropDown *drop_down)
{
  GtkWidget *label = test_find_widget_where (GTK_WIDGET (drop_down), is_shown_label, NULL);

  return label ? gtk_label_get_label (GTK_LABEL (label)) : NULL;
}

/* A case file without figures of its own: the series picker asks for one,
 * and the period picker, with nothing to pick, is off; GTK's "(None)" is
 * not shown. */
static void
test_pickers_without_series (Fixture       *f,
                             gconstpointer  data)
{
  DossierSelection *selection = dossier_window_get_selection (f->window);
  GtkDropDown *series = GTK_DROP_DOWN (test_find_widget (GTK_WIDGET (f->window), GTK_TYPE_DROP_DOWN, 0));
  GtkDropDown *period = GTK_DROP_DOWN (test_find_widget (GTK_WIDGET (f->window), GTK_TYPE_DROP_DOWN, 1));
  gint64 jedi = dossier_selection_get_case_id (selection), case_id = 0;
  g_autoptr(GError) error = NULL;

  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (period)));
  g_assert_cmpstr (shown_text (period), ==, "Q3 2019");

  g_assert_true (dossier_store_create_case (f->store, "Without figures", "en", &case_id, &error));
  g_assert_no_error (error);
  dossier_selection_select (selection, case_id, DOSSIER_SECTION_OVERVIEW, 0);
  while (g_main_context_iteration (NULL, FALSE));

  g_assert_cmpuint (gtk_drop_down_get_selected (series), ==, GTK_INVALID_LIST_POSITION);
  g_assert_cmpstr (shown_text (series), ==, "Choose a series");
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (series)));
  g_assert_cmpstr (shown_text (period), ==, "No period");
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (period)));
  /* Read by a screen reader as a chosen item's text would be (GTK's
   * "(None)", which says nothing, was hidden from it). */
  g_assert_null (gtk_test_accessible_check_state (GTK_ACCESSIBLE (test_find_widget_where (GTK_WIDGET (series), is_shown_label, NULL)),
                                                  GTK_ACCESSIBLE_STATE_HIDDEN, FALSE));
  g_assert_null (gtk_test_accessible_check_state (GTK_ACCESSIBLE (test_find_widget_where (GTK_WIDGET (period), is_shown_label, NULL)),
                                                  GTK_ACCESSIBLE_STATE_HIDDEN, FALSE));

  /* A series picked: its periods can be picked. */
  gtk_drop_down_set_selected (series, 0);
  while (g_main_context_iteration (NULL, FALSE));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (period)));
  g_assert_cmpstr (shown_text (period), ==, "Q3 2019");

  dossier_selection_select (selection, jedi, DOSSIER_SECTION_OVERVIEW, 0);
  while (g_main_context_iteration (NULL, FALSE));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (period)));
}

/* The panel follows whichever selection it is given, and that one only. */
static void
test_panel_follows_selection (Fixture       *f,
                              gconstpointer  data)
{
  DossierMarketPanel *panel = DOSSIER_MARKET_PANEL (dossier_window_get_market_panel (f->window));
  DossierChart *chart = DOSSIER_CHART (dossier_window_get_chart (f->window));
  DossierSelection *shared = dossier_window_get_selection (f->window);
  g_autoptr(DossierSelection) other = dossier_selection_new ();
  gint64 case_id, microsoft, google;

  g_assert_true (dossier_market_panel_get_store (panel) == f->store);
  g_assert_true (dossier_market_panel_get_selection (panel) == shared);
  g_assert_true (dossier_chart_get_selection (chart) == shared);
  g_assert_true (gtk_widget_is_ancestor (GTK_WIDGET (chart), GTK_WIDGET (panel)));

  select_in_sidebar (f, "google");
  google = dossier_selection_get_node_id (shared);
  select_in_sidebar (f, "microsoft");
  microsoft = dossier_selection_get_node_id (shared);
  case_id = dossier_selection_get_case_id (shared);
  assert_highlighted (f, 1);

  /* Swapped for another selection, on another organization. */
  dossier_selection_select (other, case_id, DOSSIER_SECTION_ORGANIZATIONS, google);
  g_object_set (panel, "selection", other, NULL);
  g_assert_true (dossier_chart_get_selection (chart) == other);
  g_assert_cmpstr (dossier_chart_get_title (chart), ==, "Market share, Q3 2019");
  assert_highlighted (f, 2);

  /* The old one no longer moves it; the new one does. */
  select_in_sidebar (f, "aws");
  assert_highlighted (f, 2);
  dossier_selection_select (other, case_id, DOSSIER_SECTION_ORGANIZATIONS, microsoft);
  assert_highlighted (f, 1);

  /* Back on the window's selection, it shows that one's organization. */
  dossier_market_panel_set_selection (panel, shared);
  assert_highlighted (f, 0);
}

static gboolean
is_dim_label (GtkWidget *widget,
              gpointer   data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "dim-label") &&
         gtk_widget_get_mapped (widget) && *gtk_label_get_label (GTK_LABEL (widget)) != '\0';
}

static double
luminance (const double rgb[3])
{
  double l = 0.;
  static const double weight[3] = { 0.2126, 0.7152, 0.0722 };

  for (guint c = 0; c < 3; c++)
    l += weight[c] * (rgb[c] <= 0.04045 ? rgb[c] / 12.92 : pow ((rgb[c] + 0.055) / 1.055, 2.4));
  return l;
}

/* Secondary text (a dim label of the page) as drawn, over the window's
 * background: at least WCAG AA's 4.5:1, where the theme's own is about
 * 3.2:1. */
static void
test_secondary_text_contrast (Fixture       *f,
                              gconstpointer  data)
{
  GtkWidget *label = test_find_widget_where (dossier_window_get_detail (f->window), is_dim_label, NULL);
  g_autoptr(GBytes) pixels = NULL;
  const guchar *p;
  gsize n;
  guint strongest = 0;
  double bg[3], text[3], lt, lb;
  GdkRGBA window_bg;

  g_assert_nonnull (label);
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  g_assert_true (gtk_style_context_lookup_color (gtk_widget_get_style_context (label), "theme_bg_color", &window_bg));
G_GNUC_END_IGNORE_DEPRECATIONS
  bg[0] = window_bg.red, bg[1] = window_bg.green, bg[2] = window_bg.blue;

  /* The most covered pixel of the text: its colour at full strength. */
  pixels = test_render_widget (label);
  p = g_bytes_get_data (pixels, &n);
  for (gsize i = 0; i + 3 < n; i += 4)
    if (p[i + 3] > p[strongest + 3])
      strongest = i;
  g_assert_cmpuint (p[strongest + 3], >, 0);
  for (guint c = 0; c < 3; c++)
    {
      /* Premultiplied BGRA over the background. */
      double over = p[strongest + 2 - c] / 255. + bg[c] * (1. - p[strongest + 3] / 255.);

      text[c] = CLAMP (over, 0., 1.);
    }
  lt = luminance (text);
  lb = luminance (bg);
  g_assert_cmpfloat ((MAX (lt, lb) + 0.05) / (MIN (lt, lb) + 0.05), >=, 4.5);
}

/* The revealer that holds the window's notification of an export. */
static gboolean
is_notification (GtkWidget *widget,
                 gpointer   data)
{
  return GTK_IS_REVEALER (widget) && gtk_revealer_get_child (GTK_REVEALER (widget)) != NULL &&
         gtk_widget_has_css_class (gtk_revealer_get_child (GTK_REVEALER (widget)), "app-notification");
}

static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *typed = g_build_filename (f->dir, "chart", NULL);
  g_autofree char *written = g_build_filename (f->dir, "chart.png", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "no-such-folder", "chart.svg", NULL);
  /* The notification over the chart, which keeps its size. */
  GtkRevealer *bar = GTK_REVEALER (test_find_widget_where (GTK_WIDGET (f->window), is_notification, NULL));
  GtkWidget *chart = dossier_window_get_chart (f->window);
  int height = gtk_widget_get_height (chart);

  g_assert_false (gtk_revealer_get_reveal_child (bar));

  /* A name without an extension becomes a PNG, and the window says so. */
  g_assert_true (dossier_window_export_chart_to (f->window, typed));
  g_assert_true (g_file_test (written, G_FILE_TEST_IS_REGULAR));
  g_assert_true (gtk_revealer_get_reveal_child (bar));
  test_iterate ();
  g_assert_cmpint (gtk_widget_get_height (chart), ==, height);

  /* Its close button. */
  g_signal_emit_by_name (gtk_widget_get_last_child (gtk_revealer_get_child (bar)), "clicked");
  g_assert_false (gtk_revealer_get_reveal_child (bar));

  /* A folder that does not exist: an error dialog, nothing written. */
  g_assert_false (dossier_window_export_chart_to (f->window, missing));
  g_assert_false (gtk_revealer_get_reveal_child (bar));
  {
    GListModel *toplevels = gtk_window_get_toplevels ();

    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

        if (GTK_IS_MESSAGE_DIALOG (w))
          gtk_window_destroy (w);
      }
  }
}

/* Hostile text in the case file's title and summary: a line break, a tab,
 * control characters, right-to-left and combining letters, emoji, and a
 * megabyte with a 64 KiB word; the window keeps its layout (no wider than
 * the screen, the chart still beside the page), the title bar gets one
 * line, and the page shows the start of the megabyte and says the rest is
 * kept. */
static void
test_hostile_text (Fixture       *f,
                   gconstpointer  data)
{
  static const char title[] = "Robert'); DROP TABLE node;-- \xd9\x85\xd8\xb1\xd8\xad\xd8\xa8\xd8\xa7 "
                              "\xe2\x80\xaeoverride\xe2\x80\xac e\xcc\x81\xcc\x81 "
                              "\xf0\x9f\x91\xa9\xf0\x9f\x8f\xbd tab\there\x01\x1b[31m CR LF\r\nend";
  DossierDetailPane *detail = DOSSIER_DETAIL_PANE (dossier_window_get_detail (f->window));
  GtkWidget *chart = dossier_window_get_chart (f->window);
  gint64 case_id = test_find_case (f->store, "jedi-protest");
  g_autoptr(GString) summary = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  int min_width = 0, natural_width = 0;

  while (summary->len < 1000000)
    g_string_append (summary, "Lorem ipsum dolor sit amet, \xc3\xa9t\xc3\xa9. ");
  for (guint i = 0; i < 65536; i++)
    g_string_append_c (summary, 'x');

  g_assert_true (dossier_store_set_title (f->store, case_id, "en", title, &error));
  g_assert_true (dossier_store_set_summary (f->store, case_id, "en", summary->str, &error));
  g_assert_no_error (error);
  test_iterate ();

  g_assert_cmpstr (dossier_detail_pane_get_heading (detail), ==, title);
  g_assert_true (g_str_has_prefix (dossier_detail_pane_get_summary (detail), "Lorem ipsum dolor sit amet"));
  g_assert_true (g_str_has_suffix (dossier_detail_pane_get_summary (detail),
                                   " more characters are kept; Edit shows the whole text.)"));
  g_assert_null (strchr (gtk_window_get_title (GTK_WINDOW (f->window)), '\n'));
  g_assert_null (strchr (gtk_window_get_title (GTK_WINDOW (f->window)), '\t'));

  gtk_widget_measure (GTK_WIDGET (f->window), GTK_ORIENTATION_HORIZONTAL, -1, &min_width, &natural_width, NULL, NULL);
  g_assert_cmpint (min_width, <=, 1280);
  test_wait_until (test_chart_is_drawn, chart);
  g_assert_cmpint (gtk_widget_get_width (chart), >, 200);
}

/* Ctrl+?: the shortcuts window, built when first asked for, over the
 * window, and the same one the second time. */
static GtkWindow *
find_shortcuts_window (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_SHORTCUTS_WINDOW (window))
        return window;
    }
  return NULL;
}

static gboolean
shortcuts_window_shown (gpointer data)
{
  GtkWindow *window = find_shortcuts_window ();

  return window != NULL && gtk_widget_get_mapped (GTK_WIDGET (window));
}

/* GTK 4.8's shortcuts window, any of them, says this of the labels of its
 * page buttons ("1", "2") under Adwaita: a theme's quirk, not Dossier's.
 * Every other message goes on to the default writer, fatal as before. */
static GLogWriterOutput
drop_page_button_width (GLogLevelFlags   log_level,
                        const GLogField *fields,
                        gsize            n_fields,
                        gpointer         user_data)
{
  const char *domain = NULL;
  const char *message = NULL;

  for (gsize i = 0; i < n_fields; i++)
    {
      if (g_str_equal (fields[i].key, "GLIB_DOMAIN"))
        domain = fields[i].value;
      else if (g_str_equal (fields[i].key, "MESSAGE"))
        message = fields[i].value;
    }
  if (g_strcmp0 (domain, "Gtk") == 0 && message != NULL && g_str_has_prefix (message, "GtkLabel ") &&
      strstr (message, "(label) reported min width -") != NULL)
    return G_LOG_WRITER_HANDLED;
  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

static void
test_shortcuts_window (Fixture       *f,
                       gconstpointer  data)
{
  GtkWindow *shortcuts;


  g_assert_null (find_shortcuts_window ());
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-help-overlay", NULL));
  test_wait_until (shortcuts_window_shown, NULL);
  shortcuts = find_shortcuts_window ();
  g_assert_true (gtk_window_get_transient_for (shortcuts) == GTK_WINDOW (f->window));

  /* Closed, it is hidden and shown again as it was. */
  gtk_window_close (shortcuts);
  while (g_main_context_iteration (NULL, FALSE));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (shortcuts)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-help-overlay", NULL));
  test_wait_until (shortcuts_window_shown, NULL);
  g_assert_true (find_shortcuts_window () == shortcuts);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "en", TRUE);
  g_log_set_writer_func (drop_page_button_width, NULL, NULL);
  gtk_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/window/opens-on-overview", test_opens_on_overview);
  ADD ("/window/hostile-text", test_hostile_text);
  ADD ("/window/sidebar-drives-chart", test_sidebar_drives_chart);
  ADD ("/window/chart-drives-sidebar", test_chart_drives_sidebar);
  ADD ("/window/bars-focusable", test_bars_focusable);
  ADD ("/window/focus-ring-drawn", test_focus_ring_drawn);
  ADD ("/window/fold-section", test_fold_section);
  ADD ("/window/series-keeps-period", test_series_keeps_period);
  ADD ("/window/panel-follows-selection", test_panel_follows_selection);
  ADD ("/window/pickers-without-series", test_pickers_without_series);
  ADD ("/window/export", test_export);
  ADD ("/window/secondary-text-contrast", test_secondary_text_contrast);
  ADD ("/window/shortcuts-window", test_shortcuts_window);

  return g_test_run ();
}
