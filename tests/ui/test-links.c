/* test-links.c: every name a link, in a real window: names inside a
 * summary select their organization or person; a case file's page links
 * its parties and the expected event (how late it came); an
 * organization's page has its share over time, highlighted; a source's
 * page opens its address; a person's page lists roles that lead on; and
 * every step goes through win.select, so back returns
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>
#include <locale.h>
#include <string.h>

#include "dossier-chart.h"
#include "dossier-chart-content.h"
#include "dossier-detail-summary.h"
#include "dossier-node.h"
#include "dossier-section.h"
#include "dossier-selection.h"
#include "dossier-sidebar-private.h"
#include "dossier-sidebar.h"
#include "dossier-store.h"
#include "dossier-window.h"
#include "test-ui-utils.h"
#include "test-utils.h"

typedef struct
{
  char          *dir;
  char          *path;
  DossierStore  *store;
  DossierWindow *window;
  gint64         case_id;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = test_make_tmp_dir ("dossier-links-XXXXXX");
  f->path = g_build_filename (f->dir, "dossier.db", NULL);
  f->store = test_open_store (f->path);
  f->window = test_open_window (f->store);
  test_wait_until (test_chart_is_drawn, dossier_window_get_chart (f->window));
  f->case_id = dossier_selection_get_case_id (dossier_window_get_selection (f->window));
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

static gint64
shown (Fixture *f)
{
  return dossier_selection_get_node_id (dossier_window_get_selection (f->window));
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

/* A button whose words (its label, or its child label's) have @data. */
static gboolean
is_button_named (GtkWidget *widget,
                 gpointer   data)
{
  GtkWidget *child;
  const char *text;

  if (!GTK_IS_BUTTON (widget) || !gtk_widget_get_mapped (widget))
    return FALSE;
  child = gtk_button_get_child (GTK_BUTTON (widget));
  text = GTK_IS_LABEL (child) ? gtk_label_get_text (GTK_LABEL (child)) : gtk_button_get_label (GTK_BUTTON (widget));
  return text != NULL && strstr (text, data) != NULL;
}

static gboolean
is_summary (GtkWidget *widget,
            gpointer   data)
{
  return GTK_IS_LABEL (widget) && gtk_label_get_use_markup (GTK_LABEL (widget)) &&
         strstr (gtk_label_get_label (GTK_LABEL (widget)), "dossier:select/") != NULL;
}

static gboolean
is_label_starting (GtkWidget *widget,
                   gpointer   data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_str_has_prefix (gtk_label_get_label (GTK_LABEL (widget)), data);
}

/* Clicks the page's button whose name has @text. */
static void
click (Fixture    *f,
       const char *text)
{
  GtkWidget *button = test_find_widget_where (dossier_window_get_detail (f->window), is_button_named, (gpointer) text);

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  test_iterate ();
}

/* The overview's summary names Microsoft and the Pentagon's department;
 * activating a name selects it, and back returns to the overview. */
static void
test_summary_names (Fixture       *f,
                    gconstpointer  data)
{
  GtkLabel *summary = GTK_LABEL (test_find_widget_where (dossier_window_get_detail (f->window), is_summary, NULL));
  const char *markup = gtk_label_get_label (summary);
  g_autofree char *uri = NULL;
  gboolean handled = FALSE;

  g_assert_true (gtk_label_get_use_markup (summary));
  g_assert_nonnull (strstr (markup, ">Microsoft</a>"));
  g_assert_nonnull (strstr (markup, ">Amazon Web Services</a>"));
  /* The longest name wins: "Amazon Web Services" is not "Amazon" and the rest. */
  g_assert_null (strstr (markup, ">Amazon</a> Web"));

  uri = g_strdup_printf ("dossier:select/%" G_GINT64_FORMAT "/%d/%" G_GINT64_FORMAT,
                         f->case_id, DOSSIER_SECTION_ORGANIZATIONS, node (f, "microsoft"));
  g_assert_nonnull (strstr (markup, uri));
  g_signal_emit_by_name (summary, "activate-link", uri, &handled);
  test_iterate ();
  g_assert_true (handled);
  g_assert_cmpint (shown (f), ==, node (f, "microsoft"));

  /* Microsoft's own page does not link Microsoft to itself. */
  g_assert_null (strstr (gtk_label_get_label (summary), ">Microsoft</a>"));

  /* Names are whole words, longest first, escaped, never the page's own. */
  {
    g_autoptr(GArray) names = dossier_store_list_names (f->store, f->case_id, NULL);
    g_autofree char *own = dossier_detail_summary_markup ("Microsoft & AWS; AWSome Amazon Web Services",
                                                          names, f->case_id, node (f, "microsoft"));

    g_assert_nonnull (names);
    g_assert_null (strstr (own, ">Microsoft<"));
    g_assert_true (g_str_has_prefix (own, "Microsoft &amp; <a href="));
    g_assert_nonnull (strstr (own, ">AWS</a>; AWSome <a href="));
    g_assert_true (g_str_has_suffix (own, ">Amazon Web Services</a>"));
  }

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.go-back", NULL);
  test_iterate ();
  g_assert_cmpint (dossier_selection_get_section (dossier_window_get_selection (f->window)), ==,
                   DOSSIER_SECTION_OVERVIEW);
}

/* The case file's page: its parties lead to their pages, and the ruling
 * expected on 11 February 2020 is there with how late it came. */
static void
test_case_page (Fixture       *f,
                gconstpointer  data)
{
  GtkWidget *detail = dossier_window_get_detail (f->window);

  g_assert_nonnull (test_find_widget_where (detail, is_label_starting, (gpointer) "Parties"));
  g_assert_nonnull (test_find_widget_where (detail, is_label_starting, (gpointer) "Last expected event — 2 days late"));
  /* Competitors that are not parties are not listed as such. */
  g_assert_null (test_find_widget_where (detail, is_button_named, (gpointer) "Rackspace"));

  click (f, "February 11, 2020");
  g_assert_cmpint (shown (f), ==, node (f, "injunction-ruling-expected"));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.go-back", NULL);
  test_iterate ();
  click (f, "Amazon Web Services");
  g_assert_cmpint (shown (f), ==, node (f, "aws"));
}

/* A case file whose first expected event's day has passed, with nothing
 * settling it: the page says it is overdue, and by how long; one still to
 * come is the next. */
static void
test_overdue_expected (Fixture       *f,
                       gconstpointer  data)
{
  GtkWidget *detail = dossier_window_get_detail (f->window);
  DossierSelection *selection = dossier_window_get_selection (f->window);
  gint64 overdue = test_import_events (f->store, "overdue", "Hearing", 4, 2);

  /* Its events are of 2021: "overdue-1", expected, is the first pending. */
  dossier_selection_select (selection, overdue, DOSSIER_SECTION_OVERVIEW, 0);
  test_iterate ();
  g_assert_nonnull (test_find_widget_where (detail, is_label_starting, (gpointer) "Overdue expected event — "));
  g_assert_null (test_find_widget_where (detail, is_label_starting, (gpointer) "Next expected event"));

  /* The same, still to come. */
  dossier_selection_select (selection, f->case_id, DOSSIER_SECTION_OVERVIEW, 0);
  test_iterate ();
  test_sql_exec (f->path, "UPDATE event SET date = '2999-01-01' WHERE status = 'expected'"
                          " AND node_id IN (SELECT id FROM node WHERE slug LIKE 'overdue-%')");
  dossier_selection_select (selection, overdue, DOSSIER_SECTION_OVERVIEW, 0);
  test_iterate ();
  g_assert_nonnull (test_find_widget_where (detail, is_label_starting, (gpointer) "Next expected event"));
  g_assert_null (test_find_widget_where (detail, is_label_starting, (gpointer) "Overdue expected event"));
}

/* An organization's page has its share over time, itself highlighted; a
 * click on another line's organization goes there. */
static void
test_organization_chart (Fixture       *f,
                         gconstpointer  data)
{
  GtkWidget *detail = dossier_window_get_detail (f->window);
  DossierChart *chart;

  select_node (f, DOSSIER_SECTION_ORGANIZATIONS, node (f, "microsoft"));
  chart = DOSSIER_CHART (test_find_widget (detail, DOSSIER_TYPE_CHART, 0));
  g_assert_nonnull (chart);
  g_assert_cmpuint (dossier_chart_get_n_items (chart), >=, 3);
  g_assert_cmpint (dossier_chart_get_highlighted (chart), >=, 0);
  g_assert_cmpint (dossier_chart_content_get_item (dossier_chart_get_content (chart),
                                                   dossier_chart_get_highlighted (chart))->id, ==, node (f, "microsoft"));

  /* Its first line is AWS's, the largest share: a click goes there (and
   * the page, chart included, is AWS's). */
  g_assert_cmpint (dossier_chart_content_get_item (dossier_chart_get_content (chart), 0)->id, ==, node (f, "aws"));
  g_signal_emit_by_name (dossier_chart_get_item (chart, 0), "activate");
  test_iterate ();
  g_assert_cmpint (shown (f), ==, node (f, "aws"));
}

/* A source's page opens its address; a person's page leads to a role,
 * and from the role to the organization it is held at. */
static void
test_source_and_person (Fixture       *f,
                        gconstpointer  data)
{
  GtkWidget *detail = dossier_window_get_detail (f->window);
  GtkWidget *open;
  GVariant *target;

  select_node (f, DOSSIER_SECTION_SOURCES, node (f, "nextgov-2018-08"));
  open = test_find_widget_where (detail, is_button_named, (gpointer) "Open Source");
  g_assert_nonnull (open);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (open)), ==, "win.open-uri");
  target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (open));
  g_assert_true (g_str_has_prefix (g_variant_get_string (target, NULL), "https://www.nextgov.com/"));

  /* An organization's claims, and the case files it is in. */
  select_node (f, DOSSIER_SECTION_ORGANIZATIONS, node (f, "aws"));
  g_assert_nonnull (test_find_widget_where (detail, is_label_starting, (gpointer) "In case files"));
  g_assert_nonnull (test_find_widget_where (detail, is_button_named, (gpointer) "JEDI cloud contract protest — "));
  g_assert_nonnull (test_find_widget_where (detail, is_label_starting, (gpointer) "Claims"));
  click (f, "Political interference shaped the award");
  g_assert_cmpint (dossier_selection_get_section (dossier_window_get_selection (f->window)), ==,
                   DOSSIER_SECTION_CLAIMS);

  select_node (f, DOSSIER_SECTION_PEOPLE, node (f, "ariel-kelman"));
  click (f, "Head of marketing, Amazon Web Services");
  g_assert_cmpint (shown (f), ==, node (f, "role-kelman-aws"));
  click (f, "Amazon Web Services");
  g_assert_cmpint (shown (f), ==, node (f, "aws"));
}

/* The items of the sidebar's open sections: their titles. */
static GPtrArray *
sidebar_titles (Fixture *f)
{
  GtkListView *list = test_get_widget (dossier_window_get_sidebar (f->window), GTK_TYPE_LIST_VIEW, 0);
  GListModel *rows = G_LIST_MODEL (gtk_list_view_get_model (list));
  GPtrArray *titles = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);
      g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);

      if (DOSSIER_IS_NODE (item) && dossier_node_get_kind (DOSSIER_NODE (item)) != DOSSIER_NODE_CASE)
        g_ptr_array_add (titles, g_strdup (dossier_node_get_title (DOSSIER_NODE (item))));
    }
  return titles;
}

/* Typing in the sidebar's filter keeps the items with those words, in
 * every section (opened to show them); clearing it brings them back. */
static void
test_sidebar_filter (Fixture       *f,
                     gconstpointer  data)
{
  GtkWidget *entry = test_get_widget (dossier_window_get_sidebar (f->window), GTK_TYPE_SEARCH_ENTRY, 0);
  g_autoptr(GPtrArray) before = NULL, during = NULL, after = NULL;

  before = sidebar_titles (f);
  gtk_editable_set_text (GTK_EDITABLE (entry), "oracle PROTEST");
  /* search-changed comes after a short delay; the filter is incremental. */
  for (guint i = 0; i < 100; i++)
    {
      test_iterate ();
      g_clear_pointer (&during, g_ptr_array_unref);
      during = sidebar_titles (f);
      if (during->len > 0 && during->len < before->len + 10)
        {
          gboolean all = TRUE;

          for (guint k = 0; k < during->len; k++)
            {
              g_autofree char *folded = g_utf8_casefold (during->pdata[k], -1);

              all &= strstr (folded, "oracle") != NULL && strstr (folded, "protest") != NULL;
            }
          if (all)
            break;
        }
      g_usleep (20000);
    }
  g_test_message ("%u rows before, %u with “oracle protest”", before->len, during->len);
  g_assert_cmpuint (during->len, >=, 2);
  for (guint k = 0; k < during->len; k++)
    {
      g_autofree char *folded = g_utf8_casefold (during->pdata[k], -1);

      g_assert_nonnull (strstr (folded, "oracle"));
      g_assert_nonnull (strstr (folded, "protest"));
    }

  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  for (guint i = 0; i < 100; i++)
    {
      test_iterate ();
      g_clear_pointer (&after, g_ptr_array_unref);
      after = sidebar_titles (f);
      if (after->len > during->len + 20)
        break;
      g_usleep (20000);
    }
  /* The sections stay open: every item of them is back. */
  g_assert_cmpuint (after->len, >, during->len + 20);
}

/* A section opened while the filter is on filters its items in steps, in
 * idle time: a million events filtered in one go froze the window. */
static void
test_sidebar_filter_steps (Fixture       *f,
                           gconstpointer  data)
{
  DossierSidebar *sidebar = DOSSIER_SIDEBAR (dossier_window_get_sidebar (f->window));
  GtkWidget *entry = test_get_widget (GTK_WIDGET (sidebar), GTK_TYPE_SEARCH_ENTRY, 0);
  g_autoptr(GtkStringList) items = gtk_string_list_new (NULL);
  g_autoptr(GListModel) filtered = NULL;

  for (guint i = 0; i < 5000; i++)
    {
      char text[16];

      g_snprintf (text, sizeof text, "item %u", i);
      gtk_string_list_append (items, text);
    }
  gtk_editable_set_text (GTK_EDITABLE (entry), "protest");
  g_signal_emit_by_name (entry, "search-changed");

  filtered = _dossier_sidebar_filter_wrap (sidebar, g_object_ref (G_LIST_MODEL (items)));
  g_assert_cmpuint (gtk_filter_list_model_get_pending (GTK_FILTER_LIST_MODEL (filtered)), ==, 5000);
  for (guint i = 0; i < 1000 && gtk_filter_list_model_get_pending (GTK_FILTER_LIST_MODEL (filtered)) > 0; i++)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (gtk_filter_list_model_get_pending (GTK_FILTER_LIST_MODEL (filtered)), ==, 0);
  /* Not nodes: the filter lets them all through. */
  g_assert_cmpuint (g_list_model_get_n_items (filtered), ==, 5000);
}

/* The note under the filter entry, when it shows and starts with @text. */
static GtkWidget *
filter_note (Fixture    *f,
             const char *text)
{
  GtkWidget *note = DOSSIER_SIDEBAR (dossier_window_get_sidebar (f->window))->filter_note;

  return gtk_widget_get_visible (note) && g_str_has_prefix (gtk_label_get_label (GTK_LABEL (note)), text) ? note : NULL;
}

/* @n case files more, "Case 000" and on. */
static void
add_cases (Fixture *f,
           guint    n)
{
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *title = g_strdup_printf ("Case %03u", i);
      g_autoptr(GError) error = NULL;

      g_assert_true (dossier_store_create_case (f->store, title, "en", NULL, &error));
      g_assert_no_error (error);
    }
}

typedef struct
{
  DossierSidebar *sidebar;
  guint           n;
} Listed;

/* The top rows of the tree the sidebar lists. */
static guint
n_listed (DossierSidebar *sidebar)
{
  return g_list_model_get_n_items (gtk_tree_list_model_get_model (sidebar->tree));
}

static gboolean
lists_n_cases (gpointer data)
{
  Listed *listed = data;

  return n_listed (listed->sidebar) == listed->n;
}

typedef struct
{
  DossierSidebar *sidebar;
  const char     *title;
} Titled;

/* Whether a top row of the sidebar has the title. */
static gboolean
lists_title (gpointer data)
{
  Titled *titled = data;

  for (guint i = 0; i < n_listed (titled->sidebar); i++)
    {
      g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_child_row (titled->sidebar->tree, i);
      g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);

      if (g_strcmp0 (dossier_node_get_title (DOSSIER_NODE (item)), titled->title) == 0)
        return TRUE;
    }
  return FALSE;
}

/* With more case files than the filter opens at once (a hundred), only
 * those whose title has the words are listed (found on a worker thread),
 * the first hundred, with the one shown, and a note says so; the items of
 * the one shown are filtered as ever. Emptied, the filter lists every one
 * again, unfolded as they were. */
static void
test_sidebar_filter_many (Fixture       *f,
                          gconstpointer  data)
{
  GtkWidget *entry = test_get_widget (dossier_window_get_sidebar (f->window), GTK_TYPE_SEARCH_ENTRY, 0);
  DossierSelection *selection = dossier_window_get_selection (f->window);
  gint64 shown_case = dossier_selection_get_case_id (selection);
  Listed listed = { DOSSIER_SIDEBAR (dossier_window_get_sidebar (f->window)), 0 };

  g_assert_null (filter_note (f, ""));
  add_cases (f, 110);
  test_iterate ();
  g_assert_cmpuint (n_listed (listed.sidebar), ==, 111);

  /* Both words, in any order, case as typed or not: "Case 001", "Case 010"
   * to "Case 019" and "Case 101"; and the one shown, first, its title
   * without the words. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "01 CASE");
  listed.n = 13;
  test_wait_until (lists_n_cases, &listed);
  g_assert_nonnull (filter_note (f, "Only the case files whose title has these words are listed"));
  {
    g_autoptr(GtkTreeListRow) first = gtk_tree_list_model_get_child_row (listed.sidebar->tree, 0);
    g_autoptr(GtkTreeListRow) second = gtk_tree_list_model_get_child_row (listed.sidebar->tree, 1);
    g_autoptr(GObject) shown_item = gtk_tree_list_row_get_item (first);
    g_autoptr(GObject) found_item = gtk_tree_list_row_get_item (second);

    g_assert_cmpint (dossier_node_get_id (DOSSIER_NODE (shown_item)), ==, shown_case);
    g_assert_cmpstr (dossier_node_get_title (DOSSIER_NODE (found_item)), ==, "Case 001");
    /* The one shown opens, its items filtered; those found stay folded. */
    g_assert_true (gtk_tree_list_row_get_expanded (first));
    g_assert_false (gtk_tree_list_row_get_expanded (second));
  }
  /* What the window shows stays, its row selected. */
  g_assert_cmpint (dossier_selection_get_case_id (selection), ==, shown_case);
  g_assert_cmpint (dossier_selection_get_section (selection), ==, DOSSIER_SECTION_OVERVIEW);
  g_assert_nonnull (dossier_sidebar_get_selected_item (DOSSIER_SIDEBAR (dossier_window_get_sidebar (f->window))));

  /* What the window shows stays as the words change, even when its row is
   * filtered out and the case files found come anew. */
  {
    gint64 microsoft = node (f, "microsoft");

    dossier_selection_select (selection, shown_case, DOSSIER_SECTION_ORGANIZATIONS, microsoft);
    test_iterate ();
    /* As one types: in the entry. */
    g_assert_true (gtk_widget_grab_focus (entry));
    /* "Case 010" and "Case 101". */
    gtk_editable_set_text (GTK_EDITABLE (entry), "01 CASE 10");
    listed.n = 3;
    test_wait_until (lists_n_cases, &listed);
    gtk_editable_set_text (GTK_EDITABLE (entry), "01 CASE");
    listed.n = 13;
    test_wait_until (lists_n_cases, &listed);
    g_assert_cmpint (dossier_selection_get_node_id (selection), ==, microsoft);
    g_assert_cmpint (dossier_selection_get_section (selection), ==, DOSSIER_SECTION_ORGANIZATIONS);
    dossier_selection_select (selection, shown_case, DOSSIER_SECTION_OVERVIEW, 0);
    test_iterate ();
  }

  /* Words found in more than a hundred titles: the first hundred, and the
   * one shown. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "case");
  listed.n = 101;
  test_wait_until (lists_n_cases, &listed);
  g_assert_nonnull (filter_note (f, "110 case files have these words in their title; the first 100 are listed"));

  /* A case file that comes while the filter is on is listed if its title
   * has the words. */
  {
    g_autoptr(GError) error = NULL;
    gint64 second = 0;

    gtk_editable_set_text (GTK_EDITABLE (entry), "protest");
    listed.n = 1;
    test_wait_until (lists_n_cases, &listed);
    g_assert_true (dossier_store_create_case (f->store, "Second protest", "en", &second, &error));
    g_assert_no_error (error);
    listed.n = 2;
    test_wait_until (lists_n_cases, &listed);

    /* Renamed, it is listed by its new title. */
    g_assert_true (dossier_store_set_title (f->store, second, "en", "Second protest, renamed", &error));
    g_assert_no_error (error);
    test_wait_until (lists_title, &(Titled) { listed.sidebar, "Second protest, renamed" });

    /* The keyboard on the row shown as the rows come anew: it stays on it. */
    dossier_sidebar_focus_selected (listed.sidebar);
    g_assert_true (test_focus_on_selected_row (GTK_WIDGET (listed.sidebar->list_view)));
    g_assert_true (dossier_store_set_title (f->store, second, "en", "Second protest, again", &error));
    test_wait_until (lists_title, &(Titled) { listed.sidebar, "Second protest, again" });
    g_assert_true (test_focus_on_selected_row (GTK_WIDGET (listed.sidebar->list_view)));
    g_assert_cmpint (dossier_selection_get_case_id (selection), ==, shown_case);
    g_assert_cmpint (dossier_selection_get_section (selection), ==, DOSSIER_SECTION_OVERVIEW);
  }

  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  listed.n = 112;
  test_wait_until (lists_n_cases, &listed);
  g_assert_null (filter_note (f, ""));
  g_assert_cmpint (dossier_selection_get_case_id (selection), ==, shown_case);
}

typedef struct
{
  gint64 case_id;
  int    section;
  gint64 node_id;
} Place;

static void
collect_links (GtkWidget *widget,
               GArray    *places)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_ACTIONABLE (child) &&
          g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (child)), "win.select") == 0)
        {
          Place place;
          gint32 section;

          g_variant_get (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (child)), "(xix)",
                         &place.case_id, &section, &place.node_id);
          place.section = section;
          g_array_append_val (places, place);
        }
      collect_links (child, places);
    }
}

/* Every item of the bundled case is at most three clicks from the window
 * a new user opens: the overview's links, then each page's, walked
 * breadth first through the pages' own buttons. */
static void
test_three_clicks (Fixture       *f,
                   gconstpointer  data)
{
  /* The keys are seen's, which frees them; reached shares them. */
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) reached = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) frontier = g_array_new (FALSE, FALSE, sizeof (Place));
  GtkWidget *detail = dossier_window_get_detail (f->window);
  gint64 total = test_sql_int (f->path, "SELECT count(*) FROM node WHERE kind <> 'case'");
  guint depth_of_last = 0;

  /* The overview's links: one click each. */
  collect_links (detail, frontier);
  for (guint depth = 1; depth <= 3 && frontier->len > 0; depth++)
    {
      g_autoptr(GArray) next = g_array_new (FALSE, FALSE, sizeof (Place));

      for (guint i = 0; i < frontier->len; i++)
        {
          Place *place = &g_array_index (frontier, Place, i);
          gint64 *key = g_new (gint64, 1);

          /* A section's page and an item's are both steps. */
          *key = place->node_id != 0 ? place->node_id : -(gint64) place->section;
          if (g_hash_table_contains (seen, key))
            {
              g_free (key);
              continue;
            }
          g_hash_table_add (seen, key);
          if (place->node_id != 0 && !g_hash_table_contains (reached, key))
            {
              g_hash_table_add (reached, key);
              depth_of_last = depth;
            }
          if (depth == 3)
            continue;
          dossier_selection_select (dossier_window_get_selection (f->window), place->case_id,
                                    place->section, place->node_id);
          g_main_context_iteration (NULL, FALSE);
          collect_links (detail, next);
        }
      g_array_unref (frontier);
      frontier = g_steal_pointer (&next);
      g_test_message ("%u clicks: %u items reached", depth, g_hash_table_size (reached));
    }

  g_test_message ("%u of %" G_GINT64_FORMAT " items within 3 clicks (the last at %u)",
                  g_hash_table_size (reached), total, depth_of_last);
  g_assert_cmpint (g_hash_table_size (reached), ==, total);
}

static gboolean
summary_rewritten (gpointer data)
{
  Fixture *f = data;

  return test_find_widget_where (dossier_window_get_detail (f->window), is_label_starting,
                                 (gpointer) "Rewritten") != NULL;
}

static gboolean
shows_microsoft (gpointer data)
{
  Fixture *f = data;

  return shown (f) == node (f, "microsoft");
}

/* The focus stays where the reader was (a new user's trial found it on
 * the sidebar's Filter after each edit): a page built again after a
 * change, here its summary rewritten as the edit dialog would, keeps it
 * on the same button; a link followed from the keyboard leaves it in the
 * page it leads to (which GTK did already in an active window). */
static void
test_focus_kept (Fixture       *f,
                 gconstpointer  data)
{
  GtkWidget *detail = dossier_window_get_detail (f->window);
  GtkWidget *button = test_find_widget_where (detail, is_button_named, (gpointer) "Add Note");
  GtkWidget *focus;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_grab_focus (button));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (f->window)) == button);

  g_assert_true (dossier_store_set_summary (f->store, f->case_id, "en", "Rewritten, as the dialog would.", &error));
  g_assert_no_error (error);
  test_wait_until (summary_rewritten, f);
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_nonnull (focus);
  g_assert_true (is_button_named (focus, (gpointer) "Add Note"));

  button = test_find_widget_where (detail, is_button_named, (gpointer) "Microsoft");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_grab_focus (button));
  /* As Enter or Space does: the button is pressed, then clicked. */
  g_assert_true (gtk_widget_activate (button));
  test_wait_until (shows_microsoft, f);
  /* The page's first stop, in its order: the trail's link back to the
   * case file (Tab in GTK 4.8 goes by where widgets were laid out, and the
   * page had not been yet: it gave a link halfway down, a review found). */
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_nonnull (focus);
  g_assert_true (is_button_named (focus, (gpointer) "JEDI cloud contract protest"));
  g_assert_true (gtk_widget_is_ancestor (focus, detail));
}

/* The focus goes to the selected row even far below what the list shows
 * (the last of 111 case files), from where GTK had put it: the Filter. */
static void
test_focus_far_row (Fixture       *f,
                    gconstpointer  data)
{
  GtkWidget *sidebar = dossier_window_get_sidebar (f->window);
  GtkWidget *entry = test_get_widget (sidebar, GTK_TYPE_SEARCH_ENTRY, 0);
  GtkListView *list = test_get_widget (sidebar, GTK_TYPE_LIST_VIEW, 0);
  GtkTreeListModel *tree;
  g_autoptr(GtkTreeListRow) last = NULL;
  g_autoptr(GObject) item = NULL;

  add_cases (f, 110);
  test_iterate ();
  tree = DOSSIER_SIDEBAR (sidebar)->tree;
  last = gtk_tree_list_model_get_child_row (tree, g_list_model_get_n_items (gtk_tree_list_model_get_model (tree)) - 1);
  item = gtk_tree_list_row_get_item (last);

  g_assert_true (gtk_widget_grab_focus (entry));
  dossier_selection_select (dossier_window_get_selection (f->window), dossier_node_get_id (DOSSIER_NODE (item)),
                            DOSSIER_SECTION_OVERVIEW, 0);
  dossier_sidebar_focus_selected (DOSSIER_SIDEBAR (sidebar));
  g_assert_true (test_focus_on_selected_row (GTK_WIDGET (list)));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "en", TRUE);
  gtk_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/links/summary-names", test_summary_names);
  ADD ("/links/case-page", test_case_page);
  ADD ("/links/overdue-expected", test_overdue_expected);
  ADD ("/links/organization-chart", test_organization_chart);
  ADD ("/links/source-and-person", test_source_and_person);
  ADD ("/links/sidebar-filter", test_sidebar_filter);
  ADD ("/links/sidebar-filter-many", test_sidebar_filter_many);
  ADD ("/links/sidebar-filter-steps", test_sidebar_filter_steps);
  ADD ("/links/three-clicks", test_three_clicks);
  ADD ("/links/focus-kept", test_focus_kept);
  ADD ("/links/focus-far-row", test_focus_far_row);

  return g_test_run ();
}
