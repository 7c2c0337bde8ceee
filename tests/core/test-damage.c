/* test-damage.c: damaged and crafted databases are refused at open, with
 * a message that says what is wrong, and left byte for byte as they were
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
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

/* Another program's change still in the log (it closed without folding
 * it in): the refusal leaves the file and its log as they were; closing
 * the refused file folds nothing in. */
static void
test_pending_log (Fixture       *f,
                  gconstpointer  data)
{
  sqlite3 *other = NULL;
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  GStatBuf st;

  g_assert_cmpint (sqlite3_open (f->path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_db_config (other, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "CREATE TRIGGER wipe AFTER INSERT ON node BEGIN DELETE FROM node; END;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (other), ==, SQLITE_OK);
  g_assert_true (g_stat (wal, &st) == 0 && st.st_size > 0);

  assert_refused (f, DOSSIER_STORE_ERROR_NOT_A_DOSSIER, "a trigger “wipe” of its own");
  g_assert_true (g_stat (wal, &st) == 0 && st.st_size > 0);
}

/* The window's "Start a New Database" and "Recover": the file set aside
 * under a name with the time, byte for byte; the new one in its place. */
static char *
set_aside (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL, *after = NULL, *base = NULL;
  char *aside;

  g_assert_true (g_file_get_contents (f->path, &before, NULL, NULL));
  aside = dossier_store_set_aside (f->path, &error);
  g_assert_no_error (error);
  base = g_path_get_basename (aside);
  g_assert_true (g_str_has_prefix (base, "dossier-damaged-") && g_str_has_suffix (base, ".db"));
  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_get_contents (aside, &after, NULL, NULL));
  g_assert_cmpstr (before, ==, after);
  return aside;
}

/* A sound file recovered is the same content. */
static void
test_recover_sound (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *content = test_dump_content (f->path);
  g_autofree char *aside = set_aside (f);
  g_autofree char *recovered = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierStore) store = NULL;
  guint n_rows = 0, n_damaged = 99;

  g_assert_true (dossier_store_recover (aside, f->path, &n_rows, &n_damaged, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_damaged, ==, 0);
  g_assert_cmpuint (n_rows, >, 500);
  recovered = test_dump_content (f->path);
  g_assert_cmpstr (recovered, ==, content);
  store = test_open_store (f->path);
  g_assert_false (dossier_store_is_read_only (store));
}

/* A damaged page in the table of items: what lies on both sides of it is
 * recovered, and whatever hung on the items lost is left out, so that the
 * new file is sound and opens. */
static void
test_recover_damaged (Fixture       *f,
                      gconstpointer  data)
{
  gint64 page_size, nodes, last, first, page;
  g_autofree char *aside = NULL;
  g_autofree char *check = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierStore) store = NULL;
  guint n_rows = 0, n_damaged = 0;
  gint64 recovered;

  /* Enough items for the node table to span several pages; the one in
   * the middle of its leaves, in key order, damaged. */
  {
    g_autoptr(GString) json = g_string_new ("{\"format\": \"dossier-case\", \"version\": 2, \"sources\": [],"
                                            " \"entities\": [], \"case\": {\"slug\": \"many\","
                                            " \"text\": {\"en\": {\"title\": \"Many events\"}}, \"participants\": [], \"events\": [");
    g_autoptr(GBytes) bytes = NULL;
    g_autoptr(DossierStore) writer = test_open_store (f->path);

    for (guint i = 0; i < 400; i++)
      g_string_append_printf (json, "%s{\"slug\": \"many-%u\", \"date\": \"2021-01-01\","
                              " \"text\": {\"en\": {\"title\": \"Event number %u of many\"}}}", i ? "," : "", i, i);
    g_string_append (json, "]}}");
    bytes = g_string_free_to_bytes (g_steal_pointer (&json));
    g_autoptr(GError) import_error = NULL;

    dossier_store_import_case (writer, bytes, "many.json", &import_error);
    g_assert_no_error (import_error);
  }
  page_size = test_sql_int (f->path, "PRAGMA page_size");
  nodes = test_sql_int (f->path, "SELECT count(*) FROM node");
  last = test_sql_int (f->path, "SELECT max(id) FROM node");
  first = test_sql_int (f->path, "SELECT min(id) FROM node");
  page = test_sql_int (f->path, "SELECT pageno FROM dbstat WHERE name = 'node' AND pagetype = 'leaf' ORDER BY path "
                                "LIMIT 1 OFFSET (SELECT count(*) / 2 FROM dbstat WHERE name = 'node' AND pagetype = 'leaf')");
  g_assert_cmpint (test_sql_int (f->path, "SELECT count(*) FROM dbstat WHERE name = 'node' AND pagetype = 'leaf'"), >=, 3);
  overwrite (f->path, page_size * (page - 1), page_size);
  assert_refused (f, DOSSIER_STORE_ERROR_DAMAGED, "is damaged");

  aside = set_aside (f);
  g_assert_true (dossier_store_recover (aside, f->path, &n_rows, &n_damaged, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_damaged, >=, 1);
  g_test_message ("%u rows recovered; %u tables damaged", n_rows, n_damaged);

  check = test_sql_string (f->path, "PRAGMA integrity_check");
  g_assert_cmpstr (check, ==, "ok");
  g_assert_cmpint (test_sql_int (f->path, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
  recovered = test_sql_int (f->path, "SELECT count(*) FROM node");
  g_assert_cmpint (recovered, >, 0);
  g_assert_cmpint (recovered, <, nodes);
  /* Both sides of the damaged page. */
  g_assert_cmpint (test_sql_int (f->path, "SELECT min(id) FROM node"), ==, first);
  g_assert_cmpint (test_sql_int (f->path, "SELECT max(id) FROM node"), ==, last);

  store = dossier_store_open (f->path, &error);
  g_assert_no_error (error);
}

/* A file that says it is new (version 0) but holds tables of its own is
 * refused before anything is written to it. */
static void
test_crafted_version_0 (Fixture       *f,
                        gconstpointer  data)
{
  g_assert_cmpint (g_unlink (f->path), ==, 0);
  test_sql_exec (f->path, "PRAGMA application_id = 1146049363; PRAGMA user_version = 0;"
                          "CREATE TABLE node (id INTEGER PRIMARY KEY, kind TEXT, slug TEXT, name TEXT, short_name TEXT);");
  assert_refused (f, DOSSIER_STORE_ERROR_NOT_A_DOSSIER, "a table “node” of its own");
  g_assert_cmpint (test_sql_int (f->path, "PRAGMA user_version"), ==, 0);
}

/* A file of an older schema recovers at its own version, then comes up to
 * date as the file itself would: the same content either way. */
static void
test_recover_older (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GBytes) old = test_load_data ("dossier-schema-3.db");
  g_autofree char *copy = g_build_filename (f->dir, "migrated.db", NULL);
  g_autofree char *migrated = NULL, *recovered = NULL, *aside = NULL;
  g_autoptr(GError) error = NULL;
  guint n_rows = 0, n_damaged = 99;

  g_assert_cmpint (g_unlink (f->path), ==, 0);
  g_assert_true (g_file_set_contents (f->path, g_bytes_get_data (old, NULL), g_bytes_get_size (old), NULL));
  g_assert_true (g_file_set_contents (copy, g_bytes_get_data (old, NULL), g_bytes_get_size (old), NULL));
  g_object_unref (test_open_store (copy));
  migrated = test_dump_content (copy);

  aside = set_aside (f);
  g_assert_true (dossier_store_recover (aside, f->path, &n_rows, &n_damaged, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_damaged, ==, 0);
  g_assert_cmpint (test_sql_int (f->path, "PRAGMA user_version"), ==, 3);
  g_object_unref (test_open_store (f->path));
  recovered = test_dump_content (f->path);
  g_assert_cmpstr (recovered, ==, migrated);
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
  ADD ("/damage/pending-log", test_pending_log);
  ADD ("/damage/crafted-version-0", test_crafted_version_0);
  ADD ("/damage/recover-older", test_recover_older);
  ADD ("/damage/recover-sound", test_recover_sound);
  ADD ("/damage/recover-damaged", test_recover_damaged);

  return g_test_run ();
}
