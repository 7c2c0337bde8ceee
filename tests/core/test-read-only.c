/* test-read-only.c: a database whose file, folder or file system cannot be
 * written opens read-only: everything reads, every change is refused in
 * words, and nothing is written to the file or beside it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "dossier-store.h"
#include "test-utils.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = test_make_tmp_dir ("dossier-read-only-XXXXXX");
  f->path = g_build_filename (f->dir, "dossier.db", NULL);
  g_object_unref (test_open_store (f->path));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_chmod (f->dir, 0700);
  g_chmod (f->path, 0600);
  test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* The names in the folder, sorted: nothing may appear beside the file. */
static char *
list_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

/* Opens @f->path, which must come out read-only, reads it, tries every
 * kind of change, and checks that the file and its folder are unchanged. */
static void
assert_read_only (Fixture *f)
{
  g_autofree char *before = test_file_state (f->path);
  g_autofree char *names_before = list_dir (f->dir);
  g_autofree char *after = NULL, *names_after = NULL;
  g_autoptr(DossierStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) second = test_load_data ("second-case.json");
  gint64 case_id = 0;

  store = dossier_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (dossier_store_is_read_only (store));

  /* Everything reads. */
  g_assert_cmpint (dossier_store_count (store, "event", &error), >, 10);
  g_assert_no_error (error);
  g_assert_cmpint (test_find_case (store, "jedi-protest"), >, 0);

  /* Every change is refused, naming the file. */
  g_assert_false (dossier_store_create_case (store, "Mine", "en", &case_id, &error));
  g_assert_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, f->path));
  g_assert_nonnull (strstr (error->message, "read-only"));
  g_clear_error (&error);
  g_assert_false (dossier_store_import_case (store, second, "second-case.json", &error));
  g_assert_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (dossier_store_undo (store, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_clear_object (&store);

  after = test_file_state (f->path);
  names_after = list_dir (f->dir);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpstr (names_before, ==, names_after);
  g_assert_cmpstr (names_after, ==, "dossier.db");
}

/* The file's mode has no write bit (even root, who could write, does not). */
static void
test_read_only_file (Fixture       *f,
                     gconstpointer  data)
{
  g_assert_cmpint (g_chmod (f->path, 0444), ==, 0);
  assert_read_only (f);
}

/* The folder cannot be written: SQLite could not make its -wal there. */
static void
test_read_only_folder (Fixture       *f,
                       gconstpointer  data)
{
  g_assert_cmpint (g_chmod (f->dir, 0555), ==, 0);
  assert_read_only (f);
}

/* A file of an older schema cannot be brought up to date: refused in
 * words, left as it is. */
static void
test_read_only_old_version (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GBytes) release = test_load_data ("dossier-release-0.1.0.db");
  g_autofree char *before = NULL, *after = NULL, *names = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierStore) store = NULL;

  g_assert_cmpint (g_unlink (f->path), ==, 0);
  g_assert_true (g_file_set_contents (f->path, g_bytes_get_data (release, NULL), g_bytes_get_size (release), NULL));
  g_assert_cmpint (g_chmod (f->path, 0444), ==, 0);
  before = test_file_state (f->path);

  store = dossier_store_open (f->path, &error);
  g_assert_null (store);
  g_assert_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "older version"));
  after = test_file_state (f->path);
  g_assert_cmpstr (before, ==, after);
  names = list_dir (f->dir);
  g_assert_cmpstr (names, ==, "dossier.db");
}

/* Once it can be written again, the same file opens for writing. */
static void
test_writable_again (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(DossierStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gint64 case_id = 0;

  g_assert_cmpint (g_chmod (f->path, 0444), ==, 0);
  store = test_open_store (f->path);
  g_assert_true (dossier_store_is_read_only (store));
  g_clear_object (&store);

  g_assert_cmpint (g_chmod (f->path, 0644), ==, 0);
  store = test_open_store (f->path);
  g_assert_false (dossier_store_is_read_only (store));
  g_assert_true (dossier_store_create_case (store, "Mine", "en", &case_id, &error));
  g_assert_no_error (error);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/read-only/file", test_read_only_file);
  ADD ("/read-only/folder", test_read_only_folder);
  ADD ("/read-only/old-version", test_read_only_old_version);
  ADD ("/read-only/writable-again", test_writable_again);
#undef ADD

  return g_test_run ();
}
