/* test-damage.c: damaged and crafted databases are refused at open, with
 * a message that says what is wrong, and left byte for byte as they were
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
  f->dir = test_make_tmp_dir ("dossier-damage-XXXXXX");
  f->path = g_build_filename (f->dir, "dossier.db", NULL);
  /* A database as Dossier leaves it: made, closed. */
  g_object_unref (test_open_store (f->path));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* Opening fails with @code and a message holding @expected; the file is
 * as it was. */
static void
assert_refused (Fixture    *f,
                int         code,
                const char *expected)
{
  g_autofree char *before = test_file_state (f->path);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierStore) store = dossier_store_open (f->path, &error);

  g_assert_null (store);
  g_assert_error (error, DOSSIER_STORE_ERROR, code);
  if (strstr (error->message, expected) == NULL || strstr (error->message, f->path) == NULL)
    g_error ("“%s” does not name the file and say “%s”", error->message, expected);
  after = test_file_state (f->path);
  g_assert_cmpstr (before, ==, after);
}

static void
overwrite (const char *path,
           goffset     offset,
           gsize       length)
{
  g_autofree char *contents = NULL;
  gsize size;

  g_assert_true (g_file_get_contents (path, &contents, &size, NULL));
  g_assert_cmpuint (offset + length, <=, size);
  memset (contents + offset, 0xab, length);
  g_assert_true (g_file_set_contents (path, contents, size, NULL));
}

/* A page of the file overwritten, as a bad disk or a bad copy leaves it. */
static void
test_damaged_page (Fixture       *f,
                   gconstpointer  data)
{
  gint64 page_size = test_sql_int (f->path, "PRAGMA page_size");
  gint64 pages = test_sql_int (f->path, "PRAGMA page_count");

  overwrite (f->path, page_size * (pages / 2), page_size);
  assert_refused (f, DOSSIER_STORE_ERROR_DAMAGED, "is damaged");
}

/* The end of the file lost. */
static void
test_truncated (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *contents = NULL;
  gsize size;

  g_assert_true (g_file_get_contents (f->path, &contents, &size, NULL));
  g_assert_true (g_file_set_contents (f->path, contents, size / 2, NULL));
  assert_refused (f, DOSSIER_STORE_ERROR_DAMAGED, "is damaged");
}

/* A recursive view in place of a table: refused before any query runs on
 * it (it would never end). */
static void
test_view_for_table (Fixture       *f,
                     gconstpointer  data)
{
  test_sql_exec (f->path,
                 "PRAGMA foreign_keys = OFF; DROP TABLE note;"
                 "CREATE VIEW note AS WITH RECURSIVE r (x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM r) "
                 "SELECT x AS id, x AS node_id, NULL AS series_id, 'b' AS body, '' AS created, '' AS modified FROM r;");
  assert_refused (f, DOSSIER_STORE_ERROR_NOT_A_DOSSIER, "was changed outside Dossier (a view “note” of its own)");
}

/* A trigger of the file's own. */
static void
test_extra_trigger (Fixture       *f,
                    gconstpointer  data)
{
  test_sql_exec (f->path, "CREATE TRIGGER wipe AFTER INSERT ON node BEGIN DELETE FROM node; END;");
  assert_refused (f, DOSSIER_STORE_ERROR_NOT_A_DOSSIER, "was changed outside Dossier (a trigger “wipe” of its own)");
}

/* One of Dossier's triggers, with another body. */
static void
test_changed_trigger (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *name = test_sql_string (f->path, "SELECT name FROM sqlite_schema WHERE type = 'trigger' "
                                                    "AND tbl_name = 'node_text' ORDER BY name LIMIT 1");
  g_autofree char *sql = g_strdup_printf ("DROP TRIGGER \"%s\"; CREATE TRIGGER \"%s\" AFTER INSERT ON node_text "
                                          "BEGIN DELETE FROM node; END;", name, name);

  test_sql_exec (f->path, sql);
  assert_refused (f, DOSSIER_STORE_ERROR_NOT_A_DOSSIER, "was changed outside Dossier");
}

/* The good file opens, and SQLite's defensive mode is on. */
static void
test_good (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierStore) store = dossier_store_open (f->path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_cmpint (dossier_store_count (store, "node", NULL), >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/damage/good", test_good);
  ADD ("/damage/page", test_damaged_page);
  ADD ("/damage/truncated", test_truncated);
  ADD ("/damage/view-for-table", test_view_for_table);
  ADD ("/damage/extra-trigger", test_extra_trigger);
  ADD ("/damage/changed-trigger", test_changed_trigger);

  return g_test_run ();
}
