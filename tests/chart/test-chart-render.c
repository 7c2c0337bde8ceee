/* test-chart-render.c: each view, exported as a PNG, compared with the
 * reference image committed in tests/data/reference/, in English and in
 * French, with a small tolerance for antialiasing. A difference past it
 * fails, and leaves the image drawn and a map of the differing pixels in
 * the build directory to look at. DOSSIER_UPDATE_REFERENCES=1 writes the
 * references anew (look at them before committing).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "dossier-chart-bars.h"
#include "dossier-chart-content.h"
#include "dossier-chart-donut.h"
#include "dossier-chart-export.h"
#include "dossier-chart-lines.h"
#include "dossier-store.h"
#include "test-utils.h"

#define WIDTH  640
#define HEIGHT 400

/* A pixel differs when a channel is off by more than this; the image,
 * when more than this share of its pixels do. */
#define CHANNEL_TOLERANCE 40
#define PIXEL_TOLERANCE   0.002

static gboolean
use_language (const char *language)
{
  const char *locale = g_str_equal (language, "fr") ? "fr_FR.UTF-8" : "C.UTF-8";

  g_setenv ("LANGUAGE", language, TRUE);
  return setlocale (LC_ALL, locale) != NULL;
}

/* How many pixels of @a and @b differ; a map of them in @diff. */
static guint
compare (cairo_surface_t *a,
         cairo_surface_t *b,
         cairo_surface_t *diff)
{
  int stride_a = cairo_image_surface_get_stride (a), stride_b = cairo_image_surface_get_stride (b);
  int stride_d = cairo_image_surface_get_stride (diff);
  const guchar *pa = cairo_image_surface_get_data (a), *pb = cairo_image_surface_get_data (b);
  guchar *pd = cairo_image_surface_get_data (diff);
  guint differ = 0;

  for (int y = 0; y < HEIGHT; y++)
    for (int x = 0; x < WIDTH; x++)
      {
        const guchar *ca = pa + y * stride_a + 4 * x, *cb = pb + y * stride_b + 4 * x;
        guint32 *cd = (guint32 *) (pd + y * stride_d + 4 * x);
        int worst = 0;

        for (int c = 0; c < 4; c++)
          worst = MAX (worst, abs (ca[c] - cb[c]));
        if (worst > CHANNEL_TOLERANCE)
          differ++;
        *cd = worst > CHANNEL_TOLERANCE ? 0xffff0000 : worst > 0 ? 0xffffc0c0 : 0xffffffff;
      }
  cairo_surface_mark_dirty (diff);
  return differ;
}

static void
check_view (DossierStore           *store,
            const char             *dir,
            const char             *language,
            const char             *name,
            const DossierChartView *view,
            gboolean                over_time)
{
  g_autoptr(GError) error = NULL;
  gint64 series_id = test_sql_int (dossier_store_get_path (store),
                                   "SELECT id FROM market_series WHERE slug = 'synergy-cloud-infra'");
  g_autoptr(DossierChartContent) content = over_time
    ? dossier_chart_content_load_over_time (store, series_id, "2021-Q3", &error)
    : dossier_chart_content_load (store, series_id, "2024-Q3", &error);
  g_autoptr(GBytes) png = NULL;
  g_autofree char *file = g_strdup_printf ("%s-%s.png", name, language);
  g_autofree char *reference = g_test_build_filename (G_TEST_DIST, "data", "reference", file, NULL);
  g_autofree char *drawn = g_build_filename (dir, file, NULL);
  cairo_surface_t *expected, *actual, *diff;
  guint differ;

  g_assert_no_error (error);
  png = dossier_chart_export_bytes (view, content, DOSSIER_CHART_FORMAT_PNG, WIDTH, HEIGHT, 1, &error);
  g_assert_no_error (error);

  if (g_getenv ("DOSSIER_UPDATE_REFERENCES") != NULL)
    {
      g_assert_true (g_file_set_contents (reference, g_bytes_get_data (png, NULL), g_bytes_get_size (png), &error));
      g_test_message ("wrote %s", reference);
      return;
    }

  g_assert_true (g_file_set_contents (drawn, g_bytes_get_data (png, NULL), g_bytes_get_size (png), &error));
  expected = cairo_image_surface_create_from_png (reference);
  actual = cairo_image_surface_create_from_png (drawn);
  if (cairo_surface_status (expected) != CAIRO_STATUS_SUCCESS)
    g_error ("%s: %s", reference, cairo_status_to_string (cairo_surface_status (expected)));
  g_assert_cmpint (cairo_surface_status (actual), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (expected), ==, WIDTH);
  g_assert_cmpint (cairo_image_surface_get_height (expected), ==, HEIGHT);

  diff = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  differ = compare (expected, actual, diff);
  g_test_message ("%s: %u pixels differ", file, differ);
  if (differ > PIXEL_TOLERANCE * WIDTH * HEIGHT)
    {
      g_autofree char *kept = g_test_build_filename (G_TEST_BUILT, "render-", NULL);
      g_autofree char *kept_drawn = g_strconcat (kept, file, NULL);
      g_autofree char *kept_diff = g_strconcat (kept, "diff-", file, NULL);

      g_assert_true (g_file_set_contents (kept_drawn, g_bytes_get_data (png, NULL), g_bytes_get_size (png), NULL));
      cairo_surface_write_to_png (diff, kept_diff);
      g_error ("%s: %u of %u pixels differ from %s; drawn: %s, differences: %s",
               file, differ, WIDTH * HEIGHT, reference, kept_drawn, kept_diff);
    }

  cairo_surface_destroy (diff);
  cairo_surface_destroy (actual);
  cairo_surface_destroy (expected);
}

static void
check_language (const char *language)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(DossierStore) store = NULL;

  /* g_dgettext() decides once per process whether to translate at all, so
   * each language gets a process of its own. */
  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDOUT | G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  if (!use_language (language))
    g_error ("no locale for %s (LOCPATH=%s)", language, g_getenv ("LOCPATH"));

  dir = test_make_tmp_dir ("dossier-render-XXXXXX");
  path = g_build_filename (dir, "dossier.db", NULL);
  store = dossier_store_open (path, &error);
  g_assert_no_error (error);
  dossier_store_set_language (store, language);

  check_view (store, dir, language, "bars", dossier_chart_bars_get_view (), FALSE);
  check_view (store, dir, language, "donut", dossier_chart_donut_get_view (), FALSE);
  check_view (store, dir, language, "time", dossier_chart_lines_get_view (), TRUE);

  g_clear_object (&store);
  test_remove_tree (dir);
}

static void
test_english (void)
{
  check_language ("en");
}

static void
test_french (void)
{
  check_language ("fr");
}

int
main (int   argc,
      char *argv[])
{
  bindtextdomain (GETTEXT_PACKAGE, BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/render/english", test_english);
  g_test_add_func ("/chart/render/french", test_french);

  return g_test_run ();
}
