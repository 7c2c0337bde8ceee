/* fuzz-replay.c: runs a fuzz target over files, without libFuzzer
 *
 * In a normal build each target is linked with this main and run as a unit
 * test over its seed corpus and over every input a fuzz run ever found
 * crashing (tests/fuzz/regressions/): what once crashed stays a test.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static guint
replay_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL)
    return 0;
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *file = g_build_filename (path, names->pdata[i], NULL);
      g_autofree char *data = NULL;
      g_autoptr(GError) error = NULL;
      gsize size;

      if (!g_file_get_contents (file, &data, &size, &error))
        g_error ("%s", error->message);
      g_print ("ok %s\n", file);
      /* libFuzzer hands an empty input as NULL: so does this. */
      LLVMFuzzerTestOneInput (size > 0 ? (const uint8_t *) data : NULL, size);
    }
  return names->len;
}

int
main (int    argc,
      char **argv)
{
  guint n = 0;

  for (int i = 1; i < argc; i++)
    n += replay_dir (argv[i]);
  if (n == 0)
    g_error ("no input in the folders given");
  g_print ("%u inputs, no crash\n", n);
  return 0;
}
