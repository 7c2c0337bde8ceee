/* test-ui-utils.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "dossier-chart.h"
#include "dossier-settings.h"
#include "test-ui-utils.h"

/**
 * test_iterate:
 *
 * Runs what the main loop has pending: the effects of a click, a signal,
 * an idle.
 */
void
test_iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE));
}

/**
 * test_wait_until:
 *
 * Runs the main loop until @done says so, failing the test after five
 * seconds (a button activated from the keyboard, say, clicks a moment
 * later).
 */
void
test_wait_until (gboolean (*done) (gpointer data),
                 gpointer  data)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (!done (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  test_iterate ();
}

/**
 * test_open_window:
 *
 * Returns: (transfer none): a window on @store, shown, at a laptop's size
 */
DossierWindow *
test_open_window (DossierStore *store)
{
  static gsize styled;
  g_autoptr(GSettings) settings = dossier_settings_new ();
  DossierWindow *window;

  /* Each test starts on the market chart, whatever view the window
   * closed by the test before was left on (the settings are the
   * process's, in memory). */
  if (settings != NULL)
    g_settings_reset (settings, "view");
  window = dossier_window_new (NULL, store);

  /* Dossier's own styles, as the application loads them. */
  if (g_once_init_enter (&styled))
    {
      g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

      gtk_css_provider_load_from_resource (provider, "/io/github/dossier/Dossier/style.css");
      gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
      g_once_init_leave (&styled, 1);
    }

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 760);
  gtk_window_present (GTK_WINDOW (window));
  test_iterate ();
  return window;
}

/**
 * test_close_window:
 *
 * Destroys @window, waits until it and everything in it is gone, then
 * checks that @store goes too: nothing kept a reference.
 */
void
test_close_window (DossierWindow *window,
                   DossierStore  *store)
{
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_destroy (GTK_WINDOW (window));
  while (window != NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_finalize_object (store);
}

/* The chart as it is drawn now, in pixels. */
GBytes *
test_render_widget (GtkWidget *widget)
{
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  gsize stride = width * 4;
  guchar *pixels = g_malloc (stride * height);
  graphene_rect_t bounds;

  /* Drawn afresh, as the next frame would be (a paintable of the widget
   * would show the last frame's). */
  gtk_widget_snapshot_child (gtk_widget_get_parent (widget), widget, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  /* Where the parent puts it. */
  gsk_render_node_get_bounds (node, &bounds);
  bounds.size.width = width;
  bounds.size.height = height;
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node, &bounds);
  gdk_texture_download (texture, pixels, stride);
  return g_bytes_new_take (pixels, stride * height);
}

/* For test_wait_until(): the chart @data is on screen with its items. */
gboolean
test_chart_is_drawn (gpointer data)
{
  GtkWidget *chart = data;

  return gtk_widget_get_mapped (chart) && gtk_widget_get_height (chart) > 100 &&
         dossier_chart_get_n_items (DOSSIER_CHART (chart)) > 0 &&
         gtk_widget_get_height (dossier_chart_get_item (DOSSIER_CHART (chart), 0)) > 0;
}

static GtkWidget *
find_where (GtkWidget *widget,
            gboolean (*match) (GtkWidget *widget, gpointer data),
            gpointer   data,
            guint     *nth)
{
  if (match (widget, data) && (*nth)-- == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_where (child, match, data, nth);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/**
 * test_find_widget_where:
 * @match: whether a widget is the one looked for
 *
 * Returns: (nullable): the first widget under @root (itself included,
 *   depth first) that @match accepts
 */
GtkWidget *
test_find_widget_where (GtkWidget *root,
                        gboolean (*match) (GtkWidget *widget, gpointer data),
                        gpointer   data)
{
  guint nth = 0;

  return find_where (root, match, data, &nth);
}

static gboolean
is_of_type (GtkWidget *widget,
            gpointer   type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

/**
 * test_find_widget:
 *
 * Returns: (nullable): the @nth widget of @type under @root (itself
 *   included, depth first, from 0)
 */
GtkWidget *
test_find_widget (GtkWidget *root,
                  GType      type,
                  guint      nth)
{
  return find_where (root, is_of_type, GSIZE_TO_POINTER (type), &nth);
}

/**
 * test_get_widget:
 *
 * test_find_widget() for a widget that must be there: the test fails
 * when it is not.
 *
 * Returns: (transfer none): the @nth widget of @type under @root
 */
gpointer
test_get_widget (gpointer root,
                 GType    type,
                 guint    nth)
{
  GtkWidget *found = test_find_widget (root, type, nth);

  g_assert_nonnull (found);
  return found;
}

/**
 * test_focus_on_selected_row:
 * @list: a list view
 *
 * Returns: whether the focus is on @list's selected row, or in it
 */
gboolean
test_focus_on_selected_row (GtkWidget *list)
{
  GtkRoot *root = gtk_widget_get_root (list);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  /* The row is the list's child that has (or holds) the focus. */
  while (focus != NULL && gtk_widget_get_parent (focus) != list)
    focus = gtk_widget_get_parent (focus);
  return focus != NULL && (gtk_widget_get_state_flags (focus) & GTK_STATE_FLAG_SELECTED) != 0;
}
