/* test-utils.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <sqlite3.h>

#include "dossier-db.h"
#include "dossier-node.h"
#include "dossier-schema.h"
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
  /* Another process may be writing (test-history's killed writer): wait
   * for its lock as Dossier does, rather than fail on SQLITE_BUSY. */
  g_assert_cmpint (sqlite3_busy_timeout (db, 5000), ==, SQLITE_OK);
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
  /* Another process may be writing (test-history's killed writer): wait
   * for its lock as Dossier does, rather than fail on SQLITE_BUSY. */
  g_assert_cmpint (sqlite3_busy_timeout (db, 5000), ==, SQLITE_OK);
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

/* Every table of the model, with ids replaced by slugs and rows sorted, so
 * that two databases holding the same content give the same text whatever
 * ids their rows got. Participants keep their order, not their positions. */
static const char * const content_queries[] = {
  "SELECT 'node', kind, slug, name, short_name FROM node ORDER BY slug",
  "SELECT 'text', n.slug, t.lang, t.title, t.summary FROM node_text t JOIN node n ON n.id = t.node_id ORDER BY 2, 3",
  "SELECT 'series', slug, firm, yearly, complete FROM market_series ORDER BY slug",
  "SELECT 'series_text', s.slug, t.lang, t.market, t.note FROM market_series_text t "
  "  JOIN market_series s ON s.id = t.series_id ORDER BY 2, 3",
  "SELECT 'case', n.slug, c.docket, (SELECT slug FROM node WHERE id = c.court_id), c.filed, "
  "  (SELECT slug FROM market_series WHERE id = c.market_series_id), c.market_period, c.judge, c.status "
  "  FROM case_file c JOIN node n ON n.id = c.node_id ORDER BY 2",
  "SELECT 'participant', cn.slug, n.slug, p.standing, "
  "  (SELECT count(*) FROM participant q WHERE q.case_id = p.case_id AND q.position < p.position) "
  "  FROM participant p JOIN node n ON n.id = p.node_id JOIN node cn ON cn.id = p.case_id ORDER BY 2, 3",
  "SELECT 'participant_text', cn.slug, n.slug, t.lang, t.role FROM participant_text t "
  "  JOIN node n ON n.id = t.node_id JOIN node cn ON cn.id = t.case_id ORDER BY 2, 3, 4",
  "SELECT 'event', n.slug, cn.slug, e.date, e.kind, e.status, (SELECT slug FROM node WHERE id = e.settled_by) "
  "  FROM event e JOIN node n ON n.id = e.node_id JOIN node cn ON cn.id = e.case_id ORDER BY 2",
  "SELECT 'actor', en.slug, n.slug FROM event_actor a JOIN node n ON n.id = a.node_id "
  "  JOIN node en ON en.id = a.event_id ORDER BY 2, 3",
  "SELECT 'source', n.slug, s.publisher, s.published, s.url, s.lang, s.author FROM source s "
  "  JOIN node n ON n.id = s.node_id ORDER BY 2",
  "SELECT 'case_source', cn.slug, n.slug FROM case_source c JOIN node n ON n.id = c.source_id "
  "  JOIN node cn ON cn.id = c.case_id ORDER BY 2, 3",
  "SELECT 'citation', n.slug, s.slug, c.stance FROM citation c JOIN node n ON n.id = c.node_id "
  "  JOIN node s ON s.id = c.source_id ORDER BY 2, 3",
  "SELECT 'share', ms.slug, m.period, o.slug, quote (m.percent), s.slug FROM market_share m "
  "  JOIN market_series ms ON ms.id = m.series_id JOIN node o ON o.id = m.organization_id "
  "  JOIN node s ON s.id = m.source_id ORDER BY 2, 3, 4",
  "SELECT 'parent', n.slug, p.slug FROM organization_parent o JOIN node n ON n.id = o.node_id "
  "  JOIN node p ON p.id = o.parent_id ORDER BY 2",
  "SELECT 'role', n.slug, pe.slug, o.slug, r.started, r.ended FROM role r JOIN node n ON n.id = r.node_id "
  "  JOIN node pe ON pe.id = r.person_id JOIN node o ON o.id = r.organization_id ORDER BY 2",
  "SELECT 'claim', n.slug, cn.slug, (SELECT slug FROM node WHERE id = c.claimant_id), c.made FROM claim c "
  "  JOIN node n ON n.id = c.node_id JOIN node cn ON cn.id = c.case_id ORDER BY 2",
  "SELECT 'note', (SELECT slug FROM node WHERE id = n.node_id), "
  "  (SELECT slug FROM market_series WHERE id = n.series_id), n.body, n.created, n.modified FROM note n "
  "  ORDER BY 2, 3, 4",
  "SELECT 'break', ms.slug, b.period, (SELECT slug FROM node WHERE id = b.organization_id), "
  "  (SELECT slug FROM node WHERE id = b.source_id), t.lang, t.note FROM market_break b "
  "  JOIN market_series ms ON ms.id = b.series_id LEFT JOIN market_break_text t ON t.break_id = b.id "
  "  ORDER BY 2, 3, 4, 5, 6, 7",
  "SELECT 'search', title, body FROM search ORDER BY 2, 3",
};

/**
 * test_dump_content:
 *
 * Returns: the content of the database at @path, one row a line
 */
char *
test_dump_content (const char *path)
{
  GString *dump = g_string_new (NULL);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  /* Another process may be writing (test-history's killed writer): wait
   * for its lock as Dossier does, rather than fail on SQLITE_BUSY. */
  g_assert_cmpint (sqlite3_busy_timeout (db, 5000), ==, SQLITE_OK);
  for (guint i = 0; i < G_N_ELEMENTS (content_queries); i++)
    {
      sqlite3_stmt *stmt = NULL;
      int rc;

      if (sqlite3_prepare_v2 (db, content_queries[i], -1, &stmt, NULL) != SQLITE_OK)
        g_error ("%s: %s", content_queries[i], sqlite3_errmsg (db));
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            {
              const char *text = (const char *) sqlite3_column_text (stmt, c);

              g_string_append (dump, c ? " | " : "");
              g_string_append (dump, text ? text : "NULL");
            }
          g_string_append_c (dump, '\n');
        }
      g_assert_cmpint (rc, ==, SQLITE_DONE);
      g_assert_cmpint (sqlite3_finalize (stmt), ==, SQLITE_OK);
    }
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);

  return g_string_free (dump, FALSE);
}

/**
 * test_open_empty_store:
 *
 * Returns: (transfer full): a store on a new database without the bundled
 *   case file: nothing in it but the schema
 */
DossierStore *
test_open_empty_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  DossierDb *db = dossier_db_open (path, &error);

  g_assert_no_error (error);
  g_assert_true (dossier_schema_prepare (db, NULL, NULL, &error));
  g_assert_no_error (error);
  dossier_db_close (db);

  return test_open_store (path);
}

/**
 * test_file_state:
 *
 * Returns: the bytes of the database at @path and of its write-ahead log,
 *   as one string to compare (a checksum of each, and the sizes)
 */
char *
test_file_state (const char *path)
{
  GString *state = g_string_new (NULL);
  const char *suffixes[] = { "", "-wal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_autofree char *contents = NULL;
      g_autofree char *sum = NULL;
      gsize length = 0;

      /* An empty log is no log: SQLite makes one on the first read. */
      if (!g_file_get_contents (file, &contents, &length, NULL) || (length == 0 && *suffixes[i]))
        {
          g_string_append_printf (state, "%s: none\n", suffixes[i]);
          continue;
        }
      sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
      g_string_append_printf (state, "%s: %" G_GSIZE_FORMAT " %s\n", suffixes[i], length, sum);
    }

  return g_string_free (state, FALSE);
}

/**
 * test_fields:
 * @first_key: a form's field, then its value, and so on, %NULL-terminated
 *
 * Returns: (transfer full): the values a form would hand the store
 */
GHashTable *
test_fields (const char *first_key,
             ...)
{
  GHashTable *values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  va_list args;

  va_start (args, first_key);
  for (const char *key = first_key; key != NULL; key = va_arg (args, const char *))
    g_hash_table_insert (values, g_strdup (key), g_strdup (va_arg (args, const char *)));
  va_end (args);
  return values;
}

/* A case file @slug of @n events titled "@title 0", "@title 1"…, every
 * @expected_every-th one expected (none if 0), imported; its id. */
gint64
test_import_events (DossierStore *store,
                    const char   *slug,
                    const char   *title,
                    guint         n,
                    guint         expected_every)
{
  g_autoptr(GString) json = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  gint64 case_id = 0;

  g_string_append_printf (json, "{\"format\": \"dossier-case\", \"version\": 1, \"sources\": [], \"entities\": [],"
                                " \"case\": {\"slug\": \"%s\", \"participants\": [],"
                                " \"text\": {\"en\": {\"title\": \"%s\"}}, \"events\": [", slug, slug);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (json, "%s{\"slug\": \"%s-%u\", \"date\": \"2021-%02u-%02u\", \"status\": \"%s\","
                            " \"text\": {\"en\": {\"title\": \"%s %u\"}}}", i ? "," : "", slug, i,
                            1 + i / 28 % 12, 1 + i % 28,
                            expected_every && i % expected_every == expected_every - 1 ? "expected" : "happened",
                            title, i);
  g_string_append (json, "]}}");
  bytes = g_bytes_new (json->str, json->len);
  g_assert_true (dossier_store_import_case_full (store, bytes, "events.json", DOSSIER_IMPORT_DEFAULT, &case_id, &error));
  g_assert_no_error (error);
  return case_id;
}
