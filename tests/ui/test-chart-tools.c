/* test-chart-tools.c: what a real window offers around its chart: the
 * title the user writes (F2), remembered per series and period; the
 * context menu's Copy Value and Copy Chart as Image; the export dialog's
 * sizes, scale, preview, metadata and remembered options; and the
 * organizations' colours re-read, with their contrast, in the dark style
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "dossier-chart.h"
#include "dossier-chart-content.h"
#include "dossier-export-dialog.h"
#include "dossier-settings.h"
#include "dossier-store.h"
#include "dossier-title-popover.h"
#include "dossier-window.h"
#include "test-ui-utils.h"
#include "test-utils.h"

typedef struct
{
  char          *dir;
  DossierStore  *store;
  DossierWindow *window;
  DossierChart  *chart;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GSettings) settings = dossier_settings_new ();

  /* Each test starts from the default settings. */
  g_assert_nonnull (settings);
  g_settings_reset (settings, "chart-titles");
  g_settings_reset (settings, "export-format");
  g_settings_reset (settings, "export-size");
  g_settings_reset (settings, "export-scale");
  g_settings_reset (settings, "export-folder");

  f->dir = test_make_tmp_dir ("dossier-chart-tools-XXXXXX");
  path = g_build_filename (f->dir, "dossier.db", NULL);
  f->store = test_open_store (path);
  f->window = test_open_window (f->store);
  f->chart = DOSSIER_CHART (dossier_window_get_chart (f->window));
  test_wait_until (test_chart_is_drawn, f->chart);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  test_close_window (f->window, f->store);
  test_remove_tree (f->dir);
  g_free (f->dir);
}

/* What the clipboard holds, as @type. */
static void
clipboard_value (GtkWidget *widget,
                 GType      type,
                 GValue    *value)
{
  GdkContentProvider *content = gdk_clipboard_get_content (gtk_widget_get_clipboard (widget));
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (content);
  g_value_init (value, type);
  g_assert_true (gdk_content_provider_get_value (content, value, &error));
  g_assert_no_error (error);
}

/* F2 opens the title's popover on the title shown; Enter sets the user's
 * title, on screen and to screen readers; it is kept for the series and
 * period it was written for, whatever the view (over time has its own),
 * and Use Default Title brings the default back. */
static void
test_title (Fixture       *f,
            gconstpointer  data)
{
  GtkWidget *panel = dossier_window_get_market_panel (f->window);
  DossierTitlePopover *popover = test_get_widget (panel, DOSSIER_TYPE_TITLE_POPOVER, 0);
  GtkDropDown *view = test_get_widget (panel, GTK_TYPE_DROP_DOWN, 2);
  GtkWidget *entry = dossier_title_popover_get_entry (popover);
  g_autoptr(GSettings) settings = dossier_settings_new ();
  g_autoptr(GVariant) titles = NULL;
  const char *kept = NULL;

  g_assert_cmpstr (dossier_chart_get_title (f->chart), ==, "Market share, Q3 2019");
  g_assert_true (gtk_widget_grab_focus (dossier_chart_get_item (f->chart, 0)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->chart), "market.edit-title", NULL));
  test_iterate ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "Market share, Q3 2019");
  /* All of it selected: typing replaces it. The entry selects on
   * focus, which under valgrind the X server may give late or take back
   * (CI once lost the window's activation here): waited for, and said
   * rather than failed when the window is not active. */
  {
    gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
    int start = -1, end = -1;

    while (!gtk_editable_get_selection_bounds (GTK_EDITABLE (entry), &start, &end)
           && g_get_monotonic_time () < deadline)
      {
        g_main_context_iteration (NULL, FALSE);
        g_usleep (1000);
      }
    if (start == end && !gtk_window_is_active (GTK_WINDOW (f->window)))
      g_test_message ("The window lost its activation: the entry's selection was not checked");
    else
      {
        g_assert_cmpint (start, ==, 0);
        g_assert_cmpint (end, ==, g_utf8_strlen ("Market share, Q3 2019", -1));
      }
  }

  gtk_editable_set_text (GTK_EDITABLE (entry), "  AWS leads cloud infrastructure, Q3 2019 ");
  g_signal_emit_by_name (entry, "activate");
  test_iterate ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));
  g_assert_cmpstr (dossier_chart_get_title (f->chart), ==, "AWS leads cloud infrastructure, Q3 2019");
  g_assert_cmpstr (dossier_chart_get_content (f->chart)->title, ==, "AWS leads cloud infrastructure, Q3 2019");

  titles = g_settings_get_value (settings, "chart-titles");
  g_assert_true (g_variant_lookup (titles, "synergy-iaas-paas/2019-Q3", "&s", &kept));
  g_assert_cmpstr (kept, ==, "AWS leads cloud infrastructure, Q3 2019");

  /* The donut of the same period keeps it; over time has its own. */
  gtk_drop_down_set_selected (view, 1);
  test_iterate ();
  g_assert_cmpstr (dossier_chart_get_title (f->chart), ==, "AWS leads cloud infrastructure, Q3 2019");
  gtk_drop_down_set_selected (view, 2);
  test_iterate ();
  g_assert_cmpstr (dossier_chart_get_title (f->chart), ==, "Market share over time");
  gtk_drop_down_set_selected (view, 0);
  test_iterate ();
  g_assert_cmpstr (dossier_chart_get_title (f->chart), ==, "AWS leads cloud infrastructure, Q3 2019");

  /* Use Default Title: the default, and the key forgotten. */
  gtk_widget_activate_action (GTK_WIDGET (f->chart), "market.edit-title", NULL);
  test_iterate ();
  g_signal_emit_by_name (popover, "title-chosen", NULL);
  test_iterate ();
  g_assert_cmpstr (dossier_chart_get_title (f->chart), ==, "Market share, Q3 2019");
  g_clear_pointer (&titles, g_variant_unref);
  titles = g_settings_get_value (settings, "chart-titles");
  g_assert_false (g_variant_lookup (titles, "synergy-iaas-paas/2019-Q3", "&s", &kept));
  gtk_popover_popdown (GTK_POPOVER (popover));
}

/* The Menu key on a focused bar opens the menu on it; Copy Value copies
 * what a screen reader says of it; Copy Chart as Image, the chart as an
 * image of its size on screen. */
static void
test_copy (Fixture       *f,
           gconstpointer  data)
{
  GtkWidget *menu;
  g_auto(GValue) text = G_VALUE_INIT;
  g_auto(GValue) image = G_VALUE_INIT;
  GdkTexture *texture;

  g_assert_true (gtk_widget_grab_focus (dossier_chart_get_item (f->chart, 1)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->chart), "chart.menu", NULL));
  test_iterate ();
  /* Built when first opened. */
  menu = test_get_widget (f->chart, GTK_TYPE_POPOVER_MENU, 0);
  g_assert_true (gtk_widget_get_visible (menu));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->chart), "chart.copy-value", NULL));
  gtk_popover_popdown (GTK_POPOVER (menu));
  test_iterate ();
  clipboard_value (GTK_WIDGET (f->chart), G_TYPE_STRING, &text);
  g_assert_cmpstr (g_value_get_string (&text), ==, "Microsoft, Q3 2019, 19%");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->chart), "chart.copy-image", NULL));
  test_iterate ();
  clipboard_value (GTK_WIDGET (f->chart), GDK_TYPE_TEXTURE, &image);
  texture = g_value_get_object (&image);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, MAX (320, gtk_widget_get_width (GTK_WIDGET (f->chart))));
  g_assert_cmpint (gdk_texture_get_height (texture), ==, MAX (240, gtk_widget_get_height (GTK_WIDGET (f->chart))));
}

static DossierExportDialog *
open_export_dialog (Fixture *f)
{
  g_autoptr(GListModel) toplevels = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.export-chart", NULL));
  test_iterate ();
  toplevels = g_object_ref (gtk_window_get_toplevels ());
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (DOSSIER_IS_EXPORT_DIALOG (window))
        return DOSSIER_EXPORT_DIALOG (window);
    }
  g_assert_not_reached ();
}

static int
png_dimension (const char *path,
               guint       offset)
{
  g_autofree guchar *data = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, (char **) &data, &length, NULL));
  g_assert_cmpuint (length, >, 24);
  g_assert_cmpmem (data, 8, "\x89PNG\r\n\x1a\n", 8);
  return data[offset] << 24 | data[offset + 1] << 16 | data[offset + 2] << 8 | data[offset + 3];
}

/* Ctrl+E: the dialog previews the export at its size; the social card
 * as SVG has the chart's title in its metadata; as a 2× PNG it is twice
 * the pixels; the options and folder are there the next time. */
static void
test_export_dialog (Fixture       *f,
                    gconstpointer  data)
{
  DossierExportDialog *dialog = open_export_dialog (f);
  GtkDropDown *format = test_get_widget (dialog, GTK_TYPE_DROP_DOWN, 0);
  GtkDropDown *size = test_get_widget (dialog, GTK_TYPE_DROP_DOWN, 1);
  GtkDropDown *scale = test_get_widget (dialog, GTK_TYPE_DROP_DOWN, 2);
  g_autofree char *svg = g_build_filename (f->dir, "social.svg", NULL);
  g_autofree char *png = g_build_filename (f->dir, "social@2x.png", NULL);
  g_autofree char *base = g_build_filename (f->dir, "social", NULL);
  g_autofree char *text = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GSettings) settings = dossier_settings_new ();
  g_autoptr(GError) error = NULL;
  GdkPaintable *preview;

  /* A web article's size to start with, previewed at that size. */
  preview = dossier_export_dialog_get_preview (dialog);
  g_assert_nonnull (preview);
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (preview), ==, 640);
  g_assert_cmpint (gdk_paintable_get_intrinsic_height (preview), ==, 400);
  name = dossier_export_dialog_dup_name (dialog);
  g_assert_cmpstr (name, ==, "market-share.png");

  /* The social card, as SVG: no scale for a drawing. */
  gtk_drop_down_set_selected (size, 1);
  gtk_drop_down_set_selected (format, 1);
  preview = dossier_export_dialog_get_preview (dialog);
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (preview), ==, 1200);
  g_assert_cmpint (gdk_paintable_get_intrinsic_height (preview), ==, 675);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (scale)));

  g_assert_true (dossier_export_dialog_export_to (dialog, base, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (svg, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "width=\"1200px\" height=\"675px\""));
  g_assert_nonnull (strstr (text, "<title>Market share, Q3 2019</title>"));
  g_assert_nonnull (strstr (text, "Only the organizations the source names are shown."));

  /* As a 2× PNG: 2400 × 1350 pixels. */
  gtk_drop_down_set_selected (format, 0);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (scale)));
  gtk_drop_down_set_selected (scale, 1);
  g_assert_true (dossier_export_dialog_export_to (dialog, png, &error));
  g_assert_no_error (error);
  g_assert_cmpint (png_dimension (png, 16), ==, 2400);
  g_assert_cmpint (png_dimension (png, 20), ==, 1350);

  /* Remembered, and shown again by the next dialog. */
  {
    g_autofree char *kept_format = g_settings_get_string (settings, "export-format");
    g_autofree char *kept_size = g_settings_get_string (settings, "export-size");
    g_autofree char *kept_folder = g_settings_get_string (settings, "export-folder");

    g_assert_cmpstr (kept_format, ==, "png");
    g_assert_cmpstr (kept_size, ==, "social");
    g_assert_cmpint (g_settings_get_int (settings, "export-scale"), ==, 2);
    g_assert_cmpstr (kept_folder, ==, f->dir);
  }
  gtk_window_destroy (GTK_WINDOW (dialog));
  test_iterate ();

  dialog = open_export_dialog (f);
  g_assert_cmpuint (gtk_drop_down_get_selected (test_get_widget (dialog, GTK_TYPE_DROP_DOWN, 1)), ==, 1);
  g_assert_cmpuint (gtk_drop_down_get_selected (test_get_widget (dialog, GTK_TYPE_DROP_DOWN, 2)), ==, 1);
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (dossier_export_dialog_get_preview (dialog)), ==, 1200);

  /* A folder that is not there: said, nothing written, the dialog kept. */
  {
    g_autofree char *missing = g_build_filename (f->dir, "no-such-folder", "chart.png", NULL);

    g_assert_false (dossier_export_dialog_export_to (dialog, missing, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }
  gtk_window_destroy (GTK_WINDOW (dialog));
  test_iterate ();
}

static double
channel (double c)
{
  return c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

static double
contrast (const double a[3],
          const double b[3])
{
  double la = 0.2126 * channel (a[0]) + 0.7152 * channel (a[1]) + 0.0722 * channel (a[2]);
  double lb = 0.2126 * channel (b[0]) + 0.7152 * channel (b[1]) + 0.0722 * channel (b[2]);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

/* The colour of AWS's bar, as drawn: premultiplied BGRA, opaque there. */
static void
bar_colour (Fixture *f,
            double   rgb[3])
{
  g_autoptr(GBytes) pixels = test_render_widget (GTK_WIDGET (f->chart));
  GtkWidget *row = dossier_chart_get_item (f->chart, 0);
  graphene_point_t at;
  const guchar *data = g_bytes_get_data (pixels, NULL);
  int stride = gtk_widget_get_width (GTK_WIDGET (f->chart)) * 4;
  const guchar *pixel;

  g_assert_true (gtk_widget_compute_point (row, GTK_WIDGET (f->chart),
                                           &GRAPHENE_POINT_INIT (gtk_widget_get_width (row) * 0.6,
                                                                 gtk_widget_get_height (row) / 2.),
                                           &at));
  pixel = data + (int) at.y * stride + (int) at.x * 4;
  g_assert_cmpuint (pixel[3], ==, 255);
  rgb[0] = pixel[2] / 255.;
  rgb[1] = pixel[1] / 255.;
  rgb[2] = pixel[0] / 255.;
}

static void
window_background (Fixture *f,
                   double   rgb[3])
{
  GdkRGBA bg;

G_GNUC_BEGIN_IGNORE_DEPRECATIONS
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (f->chart));

  /* As the chart reads it: GTK 4.8's Adwaita names it theme_bg_color. */
  g_assert_true (gtk_style_context_lookup_color (context, "window_bg_color", &bg) ||
                 gtk_style_context_lookup_color (context, "theme_bg_color", &bg));
}
G_GNUC_END_IGNORE_DEPRECATIONS
  rgb[0] = bg.red;
  rgb[1] = bg.green;
  rgb[2] = bg.blue;
}

/* Switching to the dark style re-reads the colours: the bar changes, and
 * keeps 3:1 against the window's background in both styles. */
static void
test_dark_style (Fixture       *f,
                 gconstpointer  data)
{
  GtkSettings *gtk_settings = gtk_widget_get_settings (GTK_WIDGET (f->chart));
  double light[3], dark[3], light_bg[3], dark_bg[3];

  bar_colour (f, light);
  window_background (f, light_bg);
  g_object_set (gtk_settings, "gtk-application-prefer-dark-theme", TRUE, NULL);
  test_wait_until (test_chart_is_drawn, f->chart);
  /* The style changes on a coming frame: read the bar once it has, and
   * twice alike. */
  for (guint i = 0; i < 200; i++)
    {
      double before[3];

      test_iterate ();
      bar_colour (f, before);
      g_usleep (10000);
      test_iterate ();
      bar_colour (f, dark);
      window_background (f, dark_bg);
      if (dark_bg[0] < 0.3 && memcmp (before, dark, sizeof dark) == 0 &&
          fabs (light[0] - dark[0]) + fabs (light[1] - dark[1]) + fabs (light[2] - dark[2]) > 0.01)
        break;
    }
  window_background (f, dark_bg);
  g_object_set (gtk_settings, "gtk-application-prefer-dark-theme", FALSE, NULL);
  test_iterate ();

  g_assert_cmpfloat (dark_bg[0], <, 0.3);
  g_assert_cmpfloat (contrast (light, light_bg), >=, 3.);
  g_assert_cmpfloat (contrast (dark, dark_bg), >=, 3.);
  g_assert_cmpfloat (fabs (light[0] - dark[0]) + fabs (light[1] - dark[1]) + fabs (light[2] - dark[2]), >, 0.01);
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

  ADD ("/chart-tools/title", test_title);
  ADD ("/chart-tools/copy", test_copy);
  ADD ("/chart-tools/export-dialog", test_export_dialog);
  ADD ("/chart-tools/dark-style", test_dark_style);

  return g_test_run ();
}
