/* test-print.c: Ctrl+P's brief in a real window, printed to a file as
 * "Print to File" does: a PDF of the case file shown, laid out on the
 * print context's pages by the code --export-brief uses
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE
#include "config.h"

#include <gtk/gtk.h>
#include <locale.h>
#include <string.h>

#include "dossier-selection.h"
#include "dossier-store.h"
#include "dossier-window.h"
#include "test-ui-utils.h"
#include "test-utils.h"

static void
test_print_to_file (void)
{
  g_autofree char *dir = test_make_tmp_dir ("dossier-brief-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "dossier.db", NULL);
  g_autofree char *pdf = g_build_filename (dir, "brief.pdf", NULL);
  g_autofree char *bytes = NULL;
  g_autoptr(GError) error = NULL;
  DossierStore *store = test_open_store (path);
  DossierWindow *window = test_open_window (store);
  gsize length = 0;
  guint pages = 0;

  test_wait_until (test_chart_is_drawn, dossier_window_get_chart (window));
  g_assert_true (dossier_window_print_brief_to (window, pdf, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (pdf, &bytes, &length, NULL));
  g_assert_cmpmem (bytes, 4, "%PDF", 4);
  /* The page tree's count: a brief of several pages. */
  {
    /* memmem(), not g_strstr_len(): a PDF's streams hold NUL bytes. */
    const char *count = memmem (bytes, length, "/Count ", strlen ("/Count "));

    g_assert_nonnull (count);
    pages = (guint) g_ascii_strtoull (count + strlen ("/Count "), NULL, 10);
  }
  g_test_message ("%u pages, %" G_GSIZE_FORMAT " bytes", pages, length);
  g_assert_cmpuint (pages, >=, 4);

  test_close_window (window, store);
  if (g_getenv ("DOSSIER_KEEP_BRIEF") != NULL)
    g_test_message ("kept %s", pdf);
  else
    test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "en", TRUE);
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/brief/print-to-file", test_print_to_file);

  return g_test_run ();
}
