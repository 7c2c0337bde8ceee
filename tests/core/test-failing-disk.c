/* test-failing-disk.c: writes that fail (a full disk, an I/O error, made
 * by tests/lib's failing VFS) are rolled back whole and said in words;
 * what was saved before is all there, and the same edit succeeds once the
 * disk works again
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "dossier-store.h"
#include "test-failing-vfs.h"
#include "test-utils.h"

typedef struct
{
  char         *dir;
  char         *path;
  DossierStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = test_make_tmp_dir ("dossier-failing-XXXXXX");
  f->path = g_build_filename (f->dir, "dossier.db", NULL);
  f->store = test_open_store (f->path);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  test_failing_vfs_fail (SQLITE_OK);
  g_clear_object (&f->store);
  test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

typedef gboolean (*Write) (Fixture *f, GError **error);

static gboolean
write_event (Fixture  *f,
             GError  **error)
{
  g_autoptr(GHashTable) values = test_fields ("title", "Hearing on the motions", "date", "2024-03-05",
                                              "kind", "hearing", "status", "expected", NULL);

  return dossier_store_save (f->store, DOSSIER_NODE_EVENT, test_find_case (f->store, "jedi-protest"), 0,
                             values, NULL, error);
}

static gboolean
write_import (Fixture  *f,
              GError  **error)
{
  g_autoptr(GBytes) second = test_load_data ("second-case.json");

  return dossier_store_import_case (f->store, second, "second-case.json", error);
}

static gboolean
write_undo (Fixture  *f,
            GError  **error)
{
  return dossier_store_undo (f->store, error);
}

/* @write fails while the disk does, changing nothing, then succeeds. */
static void
assert_fails_then_works (Fixture *f,
                         Write    write,
                         int      rc,
                         const char *expected)
{
  g_autofree char *before = test_dump_content (f->path);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  guint failures = test_failing_vfs_get_failures ();

  test_failing_vfs_fail (rc);
  g_assert_false (write (f, &error));
  test_failing_vfs_fail (SQLITE_OK);

  g_assert_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_DISK);
  g_test_message ("%s", error->message);
  g_assert_cmpuint (test_failing_vfs_get_failures (), >, failures);
  if (strstr (error->message, expected) == NULL || strstr (error->message, "dossier.db") == NULL)
    g_error ("“%s” does not name the database and say “%s”", error->message, expected);
  after = test_dump_content (f->path);
  g_assert_cmpstr (before, ==, after);

  /* The disk works again: the same write goes through. */
  g_clear_error (&error);
  g_assert_true (write (f, &error));
  g_assert_no_error (error);
  g_clear_pointer (&after, g_free);
  after = test_dump_content (f->path);
  g_assert_cmpstr (before, !=, after);
}

static void
test_full_disk_edit (Fixture       *f,
                     gconstpointer  data)
{
  assert_fails_then_works (f, write_event, SQLITE_FULL, "the disk is full. Nothing was changed");
}

static void
test_io_error_import (Fixture       *f,
                      gconstpointer  data)
{
  assert_fails_then_works (f, write_import, SQLITE_IOERR_WRITE, "input/output error. Nothing was changed");
}

/* Undo that cannot be written leaves the edit and its history as they
 * were: undo again works, and redo brings back exactly the edit. */
static void
test_full_disk_undo (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *edited = NULL, *redone = NULL;

  g_assert_true (write_event (f, &error));
  g_assert_no_error (error);
  edited = test_dump_content (f->path);
  assert_fails_then_works (f, write_undo, SQLITE_FULL, "the disk is full. Nothing was changed");
  g_assert_true (dossier_store_redo (f->store, &error));
  g_assert_no_error (error);
  redone = test_dump_content (f->path);
  g_assert_cmpstr (edited, ==, redone);
}

/* The database is still good after all of it. */
static void
test_integrity_after (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *check = NULL;

  for (guint i = 0; i < 5; i++)
    {
      test_failing_vfs_fail (i % 2 ? SQLITE_IOERR_WRITE : SQLITE_FULL);
      g_assert_false (write_event (f, &error));
      g_clear_error (&error);
      test_failing_vfs_fail (SQLITE_OK);
      g_assert_true (write_event (f, &error));
      g_assert_no_error (error);
    }
  g_clear_object (&f->store);
  check = test_sql_string (f->path, "PRAGMA integrity_check");
  g_assert_cmpstr (check, ==, "ok");
  g_assert_cmpint (test_sql_int (f->path, "SELECT count(*) FROM node_text WHERE title = 'Hearing on the motions'"),
                   ==, 5);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  test_failing_vfs_install ();

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/failing-disk/full-disk-edit", test_full_disk_edit);
  ADD ("/failing-disk/io-error-import", test_io_error_import);
  ADD ("/failing-disk/full-disk-undo", test_full_disk_undo);
  ADD ("/failing-disk/integrity-after", test_integrity_after);
#undef ADD

  return g_test_run ();
}
