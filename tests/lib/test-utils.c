/* test-utils.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <sqlite3.h>

#include "dossier-node.h"
#include "dossier-store.h"

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

DossierStore *
test_open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  DossierStore *store = dossier_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  dossier_store_set_language (store, "en");
  return store;
}

/**
 * test_sql_int:
 *
 * Reads one integer with a connection of the test's own.
 */
gint64
test_sql_int (const char *path,
         const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  g_assert_cmpint (sqlite3_finalize (stmt), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  return value;
}

/* The first column of the first row as text ("" for NULL). */
char *
test_sql_string (const char *path,
                 const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *) sqlite3_column_text (stmt, 0) ?: "");
  g_assert_cmpint (sqlite3_finalize (stmt), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  return value;
}

void
test_sql_exec (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static const char * const counted_tables[] = {
  "node", "node_text", "case_file", "participant", "participant_text", "event",
  "event_actor", "source", "case_source", "citation", "market_series",
  "market_series_text", "market_share",
};

char *
test_count_rows (DossierStore *store)
{
  GString *counts = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (counted_tables); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 n = dossier_store_count (store, counted_tables[i], &error);

      g_assert_no_error (error);
      g_string_append_printf (counts, "%s=%" G_GINT64_FORMAT " ", counted_tables[i], n);
    }

  return g_string_free (counts, FALSE);
}

DossierNode *
test_find_in_section (DossierStore       *store,
                 gint64              case_id,
                 DossierSectionKind  section,
                 const char         *slug)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) items = dossier_store_list_section (store, case_id, section, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(DossierNode) node = g_list_model_get_item (items, i);

      if (g_str_equal (dossier_node_get_slug (node), slug))
        return g_steal_pointer (&node);
    }

  g_error ("%s not found in section %d", slug, section);
  return NULL;
}

/**
 * test_find_case:
 *
 * Returns: the id of the case file @slug, which must be there
 */
gint64
test_find_case (DossierStore *store,
                const char   *slug)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) cases = dossier_store_list_case_files (store, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (cases); i++)
    {
      g_autoptr(DossierNode) node = g_list_model_get_item (cases, i);

      if (g_str_equal (dossier_node_get_slug (node), slug))
        return dossier_node_get_id (node);
    }

  g_error ("no case file %s", slug);
  return 0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

/**
 * test_median:
 * @values: (array length=n): timings, sorted in place
 *
 * Returns: their median, for benchmarks
 */
double
test_median (double *values,
             guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return values[n / 2];
}
