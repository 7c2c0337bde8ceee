/* test-utils.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "test-utils.h"

/**
 * test_remove_tree:
 *
 * Removes a temporary folder and all it holds.
 */
void
test_remove_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *child = g_build_filename (dir, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        test_remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (dir);
}

/**
 * test_make_tmp_dir:
 * @template_: a name ending in XXXXXX
 *
 * Returns: a new folder in the temporary folder; the test fails if it
 *   cannot be made
 */
char *
test_make_tmp_dir (const char *template_)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp (template_, &error);

  g_assert_no_error (error);
  return dir;
}

/**
 * test_data_path:
 * @name: a file of tests/data
 *
 * Returns: its path in the source tree
 */
char *
test_data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

/**
 * test_load_data:
 * @name: a file of tests/data
 *
 * Returns: (transfer full): its contents
 */
GBytes *
test_load_data (const char *name)
{
  g_autofree char *path = test_data_path (name);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}
