/* test-case-reader.c: a second case file shares the organizations, sources
 * and series the first already has
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "dossier-node.h"
#include "dossier-store.h"
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
  f->dir = test_make_tmp_dir ("dossier-reader-XXXXXX");
  f->path = g_build_filename (f->dir, "dossier.db", NULL);
  f->store = test_open_store (f->path);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->store);
  test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static void
import_second (Fixture *f)
{
  g_autoptr(GBytes) json = test_load_data ("second-case.json");
  g_autoptr(GError) error = NULL;

  g_assert_true (dossier_store_import_case (f->store, json, "second-case.json", &error));
  g_assert_no_error (error);
}

static void
test_shared_entities (Fixture       *f,
                      gconstpointer  data)
{
  gint64 jedi = test_find_case (f->store, "jedi-protest");
  gint64 aws_before = test_sql_int (f->path, "SELECT id FROM node WHERE slug = 'aws'");
  gint64 nodes_before = dossier_store_count (f->store, "node", NULL);
  g_autoptr(DossierNode) aws_in_jedi = NULL;
  g_autoptr(DossierNode) aws_in_test = NULL;
  g_autoptr(DossierNode) test_case = NULL;
  gint64 test_id;

  import_second (f);
  test_id = test_find_case (f->store, "test-case");

  /* One Amazon Web Services, in both case files, with its role in each. */
  g_assert_cmpint (test_sql_int (f->path, "SELECT count(*) FROM node WHERE slug = 'aws'"), ==, 1);
  g_assert_cmpint (test_sql_int (f->path, "SELECT id FROM node WHERE slug = 'aws'"), ==, aws_before);
  aws_in_jedi = test_find_in_section (f->store, jedi, DOSSIER_SECTION_ORGANIZATIONS, "aws");
  aws_in_test = test_find_in_section (f->store, test_id, DOSSIER_SECTION_ORGANIZATIONS, "aws");
  g_assert_cmpint (dossier_node_get_id (aws_in_jedi), ==, dossier_node_get_id (aws_in_test));
  g_assert_cmpstr (dossier_node_get_role (aws_in_jedi), ==, "Protester (plaintiff)");
  g_assert_cmpstr (dossier_node_get_role (aws_in_test), ==, "Intervenor");

  /* What was kept is kept (name, English summary); a new language is added. */
  g_assert_cmpstr (dossier_node_get_title (aws_in_test), ==, "Amazon Web Services");
  g_assert_false (g_str_has_prefix (dossier_node_get_summary (aws_in_test), "A summary this file brings"));
  g_assert_cmpint (test_sql_int (f->path,
                                 "SELECT count(*) FROM node_text t JOIN node n ON n.id = t.node_id "
                                 "WHERE n.slug = 'aws' AND t.lang = 'de'"), ==, 1);

  /* Microsoft, named without being brought, and the seed article, cited. */
  g_object_unref (test_find_in_section (f->store, test_id, DOSSIER_SECTION_ORGANIZATIONS, "microsoft"));
  g_assert_cmpint (test_sql_int (f->path,
                                 "SELECT count(*) FROM citation c JOIN node s ON s.id = c.source_id "
                                 "JOIN node e ON e.id = c.node_id "
                                 "WHERE s.slug = 'seed-article' AND e.slug = 'test-filing' AND c.stance = 'contradicts'"),
                   ==, 1);

  /* New rows: the case, its events, its source and its one new organization. */
  g_assert_cmpint (dossier_store_count (f->store, "node", NULL), ==, nodes_before + 5);
  test_case = dossier_store_get_node (f->store, test_id, test_id, NULL);
  g_assert_cmpstr (dossier_node_get_court (test_case), ==, "Test Agency");
  g_assert_cmpint (test_sql_int (f->path, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
}

static void
test_same_file_twice (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GBytes) json = test_load_data ("second-case.json");
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  import_second (f);
  before = test_count_rows (f->store);

  /* The case file itself cannot come twice: refused, nothing changed. */
  g_assert_false (dossier_store_import_case (f->store, json, "second-case.json", &error));
  g_assert_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_CASE_EXISTS);
  g_assert_nonnull (strstr (error->message, "second-case.json: case: the case file “Test case naming AWS again” is already in this database"));
  after = test_count_rows (f->store);
  g_assert_cmpstr (before, ==, after);
}

static void
test_series_must_agree (Fixture       *f,
                        gconstpointer  data)
{
  const char *json =
    "{\"format\": \"dossier-case\", \"version\": 1, \"sources\": [], \"entities\": [],"
    " \"market_series\": [{\"slug\": \"test-series\", \"firm\": \"Test Research\", \"period_kind\": \"year\","
    "   \"text\": {\"en\": {\"market\": \"M\"}},"
    "   \"shares\": [{\"period\": \"2020\", \"entity\": \"aws\", \"share\": 99, \"source\": \"test-docket\"}]}]}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
  g_autoptr(GError) error = NULL;

  import_second (f);

  /* A shared series may gain figures, not contradict the ones it has. */
  g_assert_false (dossier_store_import_case (f->store, bytes, "other.json", &error));
  g_assert_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_BAD_CASE_FILE);
  g_assert_nonnull (strstr (error->message, "market_series[0].shares[0]: aws already has a figure for 2020"));
  g_assert_cmpint (test_sql_int (f->path, "SELECT count(*) FROM market_series WHERE slug = 'test-series'"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/case-reader/shared-entities", test_shared_entities);
  ADD ("/case-reader/same-file-twice", test_same_file_twice);
  ADD ("/case-reader/series-must-agree", test_series_must_agree);

  return g_test_run ();
}
