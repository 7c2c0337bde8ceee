/* test-store.c: the SQLite store on real files in a temporary folder
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>

#include "dossier-format.h"
#include "dossier-node.h"
#include "dossier-node-list.h"
#include "dossier-schema.h"
#include "dossier-series.h"
#include "dossier-share.h"
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
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("dossier-test-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "sub", "dossier.db", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static gint64
first_case_id (DossierStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) cases = dossier_store_list_case_files (store, &error);
  g_autoptr(DossierNode) node = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (cases), ==, 1);
  node = g_list_model_get_item (cases, 0);
  g_assert_cmpstr (dossier_node_get_slug (node), ==, "jedi-protest");
  return dossier_node_get_id (node);
}

static void
test_create (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(DossierStore) store = test_open_store (f->path);
  g_autoptr(DossierNode) case_node = NULL;
  gint64 case_id;

  g_assert_true (g_file_test (f->path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (test_sql_int (f->path, "PRAGMA user_version"), ==, DOSSIER_SCHEMA_VERSION);
  g_assert_cmpint (test_sql_int (f->path, "PRAGMA application_id"), ==, 0x444f5353);
  g_assert_cmpint (test_sql_int (f->path, "SELECT count(*) FROM pragma_journal_mode WHERE journal_mode = 'wal'"), ==, 1);

  /* The bundled case file, once. */
  g_assert_cmpint (dossier_store_count (store, "case_file", NULL), ==, 1);
  g_assert_cmpint (dossier_store_count (store, "event", NULL), ==, 31);
  g_assert_cmpint (dossier_store_count (store, "source", NULL), ==, 44);
  g_assert_cmpint (dossier_store_count (store, "participant", NULL), ==, 26);
  g_assert_cmpint (dossier_store_count (store, "market_series", NULL), ==, 4);

  /* Every fact keeps its source. */
  g_assert_cmpint (test_sql_int (f->path,
                            "SELECT count(*) FROM node n WHERE n.kind IN ('event', 'organization', 'person') "
                            "AND NOT EXISTS (SELECT 1 FROM citation c WHERE c.node_id = n.id)"), ==, 0);
  g_assert_cmpint (test_sql_int (f->path, "SELECT count(*) FROM market_share WHERE source_id IS NULL"), ==, 0);
  /* Both languages for every event. */
  g_assert_cmpint (test_sql_int (f->path,
                            "SELECT count(*) FROM event e WHERE "
                            "(SELECT count(*) FROM node_text t WHERE t.node_id = e.node_id "
                            " AND t.lang IN ('en', 'fr') AND t.title != '' AND t.summary != '') != 2"), ==, 0);
  g_assert_cmpint (test_sql_int (f->path, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);

  case_id = first_case_id (store);
  case_node = dossier_store_get_node (store, case_id, case_id, NULL);
  g_assert_cmpstr (dossier_node_get_title (case_node), ==, "JEDI cloud contract protest");
  g_assert_cmpstr (dossier_node_get_docket (case_node), ==, "19-1796C");
  g_assert_cmpstr (dossier_node_get_court (case_node), ==, "U.S. Court of Federal Claims");
  {
    g_autofree char *subtitle = dossier_format_node_subtitle (case_node);
    g_assert_cmpstr (subtitle, ==, "No. 19-1796C · U.S. Court of Federal Claims");
  }
  g_assert_cmpstr (dossier_node_get_date (case_node), ==, "2019-11-22");
}

static void
count_signal (DossierStore      *store,
              DossierObjectKind  kind,
              gint64             node_id,
              DossierChangeType  type,
              gint64             case_id,
              guint             *count)
{
  g_assert_cmpint (kind, ==, DOSSIER_OBJECT_ORGANIZATION);
  g_assert_cmpint (type, ==, DOSSIER_CHANGE_CHANGED);
  (*count)++;
}

static void
test_reopen_keeps_edit (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(DossierStore) store = test_open_store (f->path);
  g_autoptr(DossierNode) aws = NULL;
  g_autoptr(DossierNode) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = test_count_rows (store);
  g_autofree char *after = NULL;
  gint64 case_id = first_case_id (store);
  guint changed = 0;

  aws = test_find_in_section (store, case_id, DOSSIER_SECTION_ORGANIZATIONS, "aws");
  g_signal_connect (store, "changed", G_CALLBACK (count_signal), &changed);
  g_assert_true (dossier_store_set_summary (store, dossier_node_get_id (aws), "en",
                                            "Edited by the user; 3.75 stays 3.75.", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 1);
  g_clear_object (&store);

  store = test_open_store (f->path);
  again = dossier_store_get_node (store, case_id, dossier_node_get_id (aws), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dossier_node_get_summary (again), ==, "Edited by the user; 3.75 stays 3.75.");
  g_assert_cmpstr (dossier_node_get_role (again), ==, "Protester (plaintiff)");

  /* Reopening neither re-seeds nor duplicates. */
  after = test_count_rows (store);
  g_assert_cmpstr (before, ==, after);
}

static void
test_second_open (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(DossierStore) first = test_open_store (f->path);
  g_autoptr(DossierStore) second = test_open_store (f->path);
  g_autofree char *a = test_count_rows (first);
  g_autofree char *b = test_count_rows (second);

  g_assert_cmpstr (a, ==, b);
  g_assert_cmpint (dossier_store_count (second, "case_file", NULL), ==, 1);
}

static void
test_not_a_database (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierStore) store = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *dir = g_path_get_dirname (f->path);
  const char *junk = "These are somebody's notes, not a database.\n";

  g_mkdir_with_parents (dir, 0700);
  g_assert_true (g_file_set_contents (f->path, junk, -1, NULL));

  store = dossier_store_open (f->path, &error);
  g_assert_null (store);
  g_assert_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_NOT_A_DOSSIER);
  g_assert_nonnull (strstr (error->message, f->path));

  /* Left as it was. */
  g_assert_true (g_file_get_contents (f->path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, junk);
}

static void
test_foreign_database (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierStore) store = NULL;
  g_autofree char *dir = g_path_get_dirname (f->path);

  g_mkdir_with_parents (dir, 0700);
  test_sql_exec (f->path, "CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('mine');");

  store = dossier_store_open (f->path, &error);
  g_assert_null (store);
  g_assert_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_NOT_A_DOSSIER);
  g_assert_cmpint (test_sql_int (f->path, "SELECT count(*) FROM sqlite_schema"), ==, 1);
  g_assert_cmpint (test_sql_int (f->path, "SELECT count(*) FROM notes"), ==, 1);
}

static void
test_newer_schema (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierStore) store = test_open_store (f->path);

  g_clear_object (&store);
  test_sql_exec (f->path, "PRAGMA user_version = 99");

  store = dossier_store_open (f->path, &error);
  g_assert_null (store);
  g_assert_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_NEWER_SCHEMA);
  g_assert_cmpint (test_sql_int (f->path, "PRAGMA user_version"), ==, 99);
}

/* A database written by the first release (0.1.0, schema version 1, kept
 * in tests/data/) opens in this one: migrated; the user's own case file,
 * which shares organizations and a source with the bundled one, untouched;
 * the first bundled case file replaced by the corrected one; and its edits
 * undoable from then on. */
#define USER_CASE_DUMP \
  "SELECT group_concat (x, '|') FROM (" \
  "  SELECT n.slug || ':' || t.lang || ':' || t.title || ':' || t.summary AS x FROM node n" \
  "    JOIN node_text t ON t.node_id = n.id WHERE n.slug LIKE 'mine-%'" \
  "  UNION ALL SELECT 'event:' || date FROM event WHERE case_id = (SELECT id FROM node WHERE slug = 'mine-case')" \
  "  UNION ALL SELECT 'party:' || n.slug FROM participant p JOIN node n ON n.id = p.node_id" \
  "    WHERE p.case_id = (SELECT id FROM node WHERE slug = 'mine-case')" \
  "  UNION ALL SELECT 'cites:' || s.slug FROM citation c JOIN node s ON s.id = c.source_id" \
  "    JOIN node n ON n.id = c.node_id WHERE n.slug LIKE 'mine-%'" \
  "  ORDER BY 1)"

static void
test_migrate_release (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GBytes) release = test_load_data ("dossier-release-0.1.0.db");
  g_autoptr(DossierStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (f->path);
  g_autofree char *mine_before = NULL, *mine_after = NULL;
  gint64 bundled;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (f->path, g_bytes_get_data (release, NULL), g_bytes_get_size (release), NULL));
  g_assert_cmpint (test_sql_int (f->path, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (test_sql_int (f->path, "SELECT count(*) FROM source WHERE publisher = 'Presse française'"), ==, 1);

  /* The user's own case file, written with release 0.1.0's schema. */
  test_sql_exec (f->path,
                 "PRAGMA foreign_keys = ON;"
                 "INSERT INTO node (kind, slug, name) VALUES ('case', 'mine-case', ''), ('event', 'mine-event', '');"
                 "INSERT INTO node_text VALUES ((SELECT id FROM node WHERE slug = 'mine-case'), 'en', 'My case', 'Mine.'),"
                 "  ((SELECT id FROM node WHERE slug = 'mine-event'), 'en', 'My hearing', 'Scheduled.');"
                 "INSERT INTO case_file (node_id, docket) VALUES ((SELECT id FROM node WHERE slug = 'mine-case'), '1-2');"
                 "INSERT INTO event (node_id, case_id, date) VALUES ((SELECT id FROM node WHERE slug = 'mine-event'),"
                 "  (SELECT id FROM node WHERE slug = 'mine-case'), '2024-03-05');"
                 "INSERT INTO participant VALUES ((SELECT id FROM node WHERE slug = 'mine-case'),"
                 "  (SELECT id FROM node WHERE slug = 'aws'), 0);"
                 "INSERT INTO citation VALUES ((SELECT id FROM node WHERE slug = 'mine-event'),"
                 "  (SELECT id FROM node WHERE slug = 'law360'), 'supports');");
  mine_before = test_sql_string (f->path, USER_CASE_DUMP);

  store = test_open_store (f->path);
  g_assert_cmpint (test_sql_int (f->path, "PRAGMA user_version"), ==, DOSSIER_SCHEMA_VERSION);
  g_assert_cmpint (test_sql_int (f->path, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
  g_assert_cmpint (test_sql_int (f->path,
                                 "SELECT count(*) FROM sqlite_schema WHERE type = 'index' "
                                 "AND name IN ('participant_position', 'case_file_filed', 'role_person')"), ==, 3);

  /* The user's case file, and the organization and source it refers to. */
  mine_after = test_sql_string (f->path, USER_CASE_DUMP);
  g_assert_cmpstr (mine_before, ==, mine_after);
  g_assert_cmpint (test_sql_int (f->path, "SELECT count(*) FROM node WHERE slug = 'law360'"), ==, 1);
  /* AWS, which it names, reads as the corrected file has it. */
  g_assert_cmpint (test_sql_int (f->path, "SELECT count(*) FROM organization_parent p JOIN node n ON n.id = p.node_id "
                                          "WHERE n.slug = 'aws'"), ==, 1);
  g_assert_cmpint (test_sql_int (f->path, "SELECT count(*) FROM citation c JOIN node n ON n.id = c.node_id "
                                          "JOIN source s ON s.node_id = c.source_id "
                                          "WHERE n.slug = 'aws' AND s.url IS NOT NULL"), >, 0);

  /* The corrected bundled case file, once. */
  g_assert_cmpint (test_sql_int (f->path, "SELECT count(*) FROM node WHERE kind = 'case'"), ==, 2);
  g_assert_cmpint (test_sql_int (f->path, "SELECT count(*) FROM source WHERE publisher = 'Presse française'"), ==, 0);
  g_assert_cmpint (test_sql_int (f->path, "SELECT count(*) FROM node WHERE slug = 'aws-announces-protest'"), ==, 1);
  g_assert_cmpint (test_sql_int (f->path, "SELECT count(*) FROM role"), >, 0);
  g_assert_cmpint (test_sql_int (f->path, "SELECT count(*) FROM market_break"), >, 0);
  g_assert_cmpint (test_sql_int (f->path, "SELECT count(*) FROM node WHERE kind = 'event' AND id NOT IN "
                                          "(SELECT node_id FROM event)"), ==, 0);

  bundled = test_sql_int (f->path, "SELECT id FROM node WHERE slug = 'jedi-protest'");
  g_assert_true (dossier_store_set_title (store, bundled, "en", "Renamed", &error));
  g_assert_no_error (error);
  g_assert_true (dossier_store_undo (store, &error));
  g_assert_no_error (error);
  {
    g_autoptr(DossierNode) node = dossier_store_get_node (store, bundled, bundled, NULL);
    g_assert_cmpstr (dossier_node_get_title (node), !=, "Renamed");
  }

  /* Opening it again changes nothing more. */
  g_clear_object (&store);
  g_free (mine_after);
  store = test_open_store (f->path);
  mine_after = test_sql_string (f->path, USER_CASE_DUMP);
  g_assert_cmpstr (mine_before, ==, mine_after);
  g_assert_cmpint (test_sql_int (f->path, "SELECT count(*) FROM node WHERE kind = 'case'"), ==, 2);
}

static void
assert_import_fails (DossierStore *store,
                     const char   *json,
                     const char   *expected)
{
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
  g_autoptr(GError) error = NULL;
  g_autofree char *before = test_count_rows (store);
  g_autofree char *after = NULL;

  g_assert_false (dossier_store_import_case (store, bytes, "bad.json", &error));
  g_assert_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_BAD_CASE_FILE);
  if (strstr (error->message, expected) == NULL)
    g_error ("“%s” does not contain “%s”", error->message, expected);

  /* Nothing half-imported is kept. */
  after = test_count_rows (store);
  g_assert_cmpstr (before, ==, after);
}

static void
test_import_errors (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(DossierStore) store = test_open_store (f->path);

  /* A syntax error says the line. */
  assert_import_fails (store, "{\n  \"format\": \"dossier-case\",\n  \"version\": 1,\n  oops\n}", "bad.json:3:");

  assert_import_fails (store, "{\"format\": \"something\", \"version\": 1}", "not a Dossier case file");

  /* A reference to a missing source, after rows were written: rolled back. */
  assert_import_fails (store,
                       "{\"format\": \"dossier-case\", \"version\": 1,"
                       " \"sources\": [{\"slug\": \"s1\", \"publisher\": \"P\", \"title\": \"T\"}],"
                       " \"entities\": [{\"slug\": \"e1\", \"kind\": \"organization\", \"name\": \"E\","
                       "   \"text\": {\"en\": {\"summary\": \"x\"}}}],"
                       " \"case\": {\"slug\": \"c2\", \"text\": {\"en\": {\"title\": \"C\"}},"
                       "   \"participants\": [],"
                       "   \"events\": [{\"slug\": \"ev\", \"date\": \"2020-01-01\","
                       "     \"text\": {\"en\": {\"title\": \"t\"}},"
                       "     \"sources\": [{\"source\": \"missing\"}]}]}}",
                       "bad.json: case.events[0].sources[0]: unknown reference “missing”");

  assert_import_fails (store,
                       "{\"format\": \"dossier-case\", \"version\": 1, \"sources\": [], \"entities\": [],"
                       " \"case\": {\"slug\": \"c3\", \"text\": {\"en\": {\"title\": \"C\"}}, \"participants\": [],"
                       "   \"events\": [{\"slug\": \"ev\", \"date\": \"2020-13-45\", \"text\": {\"en\": {}}}]}}",
                       "case.events[0].date: “2020-13-45” is not a date");

  /* An ISO week date is a date to GLib, not to a case file. */
  assert_import_fails (store,
                       "{\"format\": \"dossier-case\", \"version\": 1, \"sources\": [], \"entities\": [],"
                       " \"case\": {\"slug\": \"c4\", \"text\": {\"en\": {\"title\": \"C\"}}, \"participants\": [],"
                       "   \"events\": [{\"slug\": \"ev\", \"date\": \"2019-W43-5\", \"text\": {\"en\": {}}}]}}",
                       "case.events[0].date: “2019-W43-5” is not a date");

  /* A market share belongs to an organization, not to a person. */
  assert_import_fails (store,
                       "{\"format\": \"dossier-case\", \"version\": 1,"
                       " \"sources\": [{\"slug\": \"s9\", \"publisher\": \"P\", \"title\": \"T\"}],"
                       " \"entities\": [{\"slug\": \"p9\", \"kind\": \"person\", \"name\": \"P\","
                       "   \"text\": {\"en\": {}}}],"
                       " \"market_series\": [{\"slug\": \"m9\", \"firm\": \"F\", \"period_kind\": \"year\","
                       "   \"text\": {\"en\": {\"market\": \"M\"}},"
                       "   \"shares\": [{\"period\": \"2020\", \"entity\": \"p9\", \"share\": 3, \"source\": \"s9\"}]}]}",
                       "market_series[0].shares[0]: “p9” is a person, not a organization");

  /* Organizations are shared, but not with a source of the same name... */
  assert_import_fails (store,
                       "{\"format\": \"dossier-case\", \"version\": 1, \"sources\": [],"
                       " \"entities\": [{\"slug\": \"seed-article\", \"kind\": \"organization\", \"name\": \"S\","
                       "   \"text\": {\"en\": {}}}]}",
                       "entities[0]: “seed-article” is already in the database");

  /* ...and an event belongs to one case file only. */
  assert_import_fails (store,
                       "{\"format\": \"dossier-case\", \"version\": 1, \"sources\": [], \"entities\": [],"
                       " \"case\": {\"slug\": \"c5\", \"text\": {\"en\": {\"title\": \"C\"}}, \"participants\": [],"
                       "   \"events\": [{\"slug\": \"award-to-microsoft\", \"date\": \"2020-01-01\", \"text\": {\"en\": {}}}]}}",
                       "case.events[0]: “award-to-microsoft” is already in the database");

  /* A slug named twice in one file. */
  assert_import_fails (store,
                       "{\"format\": \"dossier-case\", \"version\": 1, \"sources\": [],"
                       " \"entities\": [{\"slug\": \"aws\", \"kind\": \"organization\", \"name\": \"A\","
                       "   \"text\": {\"en\": {}}}, {\"slug\": \"aws\", \"kind\": \"organization\","
                       "   \"name\": \"A\", \"text\": {\"en\": {}}}]}",
                       "entities[1]: “aws” is used twice");
}

static void
test_sections (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(DossierStore) store = test_open_store (f->path);
  g_autoptr(GListModel) timeline = NULL;
  g_autoptr(GListModel) orgs = NULL;
  g_autoptr(GListModel) people = NULL;
  g_autoptr(GListModel) sources = NULL;
  g_autoptr(DossierNode) first = NULL;
  g_autoptr(DossierNode) first_org = NULL;
  g_autoptr(DossierNode) french = NULL;
  gint64 case_id = first_case_id (store);
  const char *previous = "";

  timeline = dossier_store_list_section (store, case_id, DOSSIER_SECTION_TIMELINE, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (timeline), ==, dossier_store_count (store, "event", NULL));
  for (guint i = 0; i < g_list_model_get_n_items (timeline); i++)
    {
      g_autoptr(DossierNode) event = g_list_model_get_item (timeline, i);

      g_assert_cmpint (dossier_node_get_kind (event), ==, DOSSIER_NODE_EVENT);
      g_assert_cmpstr (dossier_node_get_date (event), >=, previous);
      previous = dossier_node_get_date (event);
    }
  first = g_list_model_get_item (timeline, 0);
  g_assert_cmpstr (dossier_node_get_date (first), ==, "2018-07-26");

  orgs = dossier_store_list_section (store, case_id, DOSSIER_SECTION_ORGANIZATIONS, NULL);
  people = dossier_store_list_section (store, case_id, DOSSIER_SECTION_PEOPLE, NULL);
  sources = dossier_store_list_section (store, case_id, DOSSIER_SECTION_SOURCES, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (orgs), ==,
                    test_sql_int (f->path, "SELECT count(*) FROM participant JOIN node ON id = node_id WHERE kind = 'organization'"));
  g_assert_cmpuint (g_list_model_get_n_items (people), ==,
                    test_sql_int (f->path, "SELECT count(*) FROM participant JOIN node ON id = node_id WHERE kind = 'person'"));
  g_assert_cmpuint (g_list_model_get_n_items (sources), ==, dossier_store_count (store, "case_source", NULL));
  /* Sources in the order of their publishers, whatever the case. */
  for (guint i = 1; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(DossierNode) a = g_list_model_get_item (sources, i - 1);
      g_autoptr(DossierNode) b = g_list_model_get_item (sources, i);
      g_assert_cmpint (g_ascii_strcasecmp (dossier_node_get_publisher (a), dossier_node_get_publisher (b)), <=, 0);
    }
  first_org = g_list_model_get_item (orgs, 0);
  g_assert_cmpstr (dossier_node_get_title (first_org), ==, "Amazon Web Services");

  /* The same rows in French, names unchanged. */
  dossier_store_set_language (store, "fr");
  french = dossier_store_get_node (store, case_id, case_id, NULL);
  g_assert_cmpstr (dossier_node_get_title (french), ==, "Contestation du contrat cloud JEDI");
  {
    g_autofree char *subtitle = dossier_format_node_subtitle (french);
    g_assert_cmpstr (subtitle, ==, "No. 19-1796C · Cour fédérale des réclamations des États-Unis");
  }
  {
    g_autoptr(DossierNode) aws = test_find_in_section (store, case_id, DOSSIER_SECTION_ORGANIZATIONS, "aws");
    g_autoptr(DossierNode) dod = test_find_in_section (store, case_id, DOSSIER_SECTION_ORGANIZATIONS, "dod");
    g_autoptr(DossierNode) event = test_find_in_section (store, case_id, DOSSIER_SECTION_TIMELINE, "award-to-microsoft");

    g_assert_cmpstr (dossier_node_get_title (aws), ==, "Amazon Web Services");
    g_assert_cmpstr (dossier_node_get_role (aws), ==, "Requérante (demanderesse)");
    g_assert_cmpstr (dossier_node_get_title (dod), ==, "Département de la Défense des États-Unis");
    g_assert_cmpstr (dossier_node_get_title (event), ==, "Le Pentagone attribue JEDI à Microsoft");
  }
}

static void
test_citations (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(DossierStore) store = test_open_store (f->path);
  gint64 case_id = first_case_id (store);
  gint64 garman = test_sql_int (f->path, "SELECT id FROM node WHERE slug = 'role-garman-aws'");
  g_autoptr(DossierNode) injunction = test_find_in_section (store, case_id, DOSSIER_SECTION_TIMELINE,
                                                      "preliminary-injunction-granted");
  g_autoptr(GListModel) supports = dossier_store_list_citations (store, garman, DOSSIER_STANCE_SUPPORTS, NULL);
  g_autoptr(GListModel) contradicts = dossier_store_list_citations (store, garman, DOSSIER_STANCE_CONTRADICTS, NULL);
  g_autoptr(GListModel) actors = dossier_store_list_related (store, case_id, dossier_node_get_id (injunction), NULL);
  g_autoptr(DossierNode) seed = NULL;
  g_autoptr(DossierNode) bi = NULL;
  g_autoptr(GListModel) cited_by = NULL;

  /* The disagreement on Garman's title is kept on his role, with both
   * sides: Business Insider for "vice president of sales and marketing",
   * the seed article against it. */
  g_assert_cmpuint (g_list_model_get_n_items (supports), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (contradicts), ==, 1);
  bi = g_list_model_get_item (supports, 0);
  seed = g_list_model_get_item (contradicts, 0);
  g_assert_cmpstr (dossier_node_get_slug (seed), ==, "seed-article");
  g_assert_cmpstr (dossier_node_get_slug (bi), ==, "business-insider-2021-02");

  cited_by = dossier_store_list_cited_by (store, case_id, dossier_node_get_id (seed),
                                          DOSSIER_STANCE_CONTRADICTS, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (cited_by), ==, 1);

  /* Who took part in the injunction: AWS among them, with its role. */
  {
    gboolean found_aws = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (actors); i++)
      {
        g_autoptr(DossierNode) actor = g_list_model_get_item (actors, i);

        if (g_str_equal (dossier_node_get_slug (actor), "aws"))
          {
            found_aws = TRUE;
            g_assert_cmpstr (dossier_node_get_role (actor), ==, "Protester (plaintiff)");
          }
      }
    g_assert_true (found_aws);
  }

  /* And from AWS's side: the injunction is among its events. */
  {
    g_autoptr(DossierNode) aws = test_find_in_section (store, case_id, DOSSIER_SECTION_ORGANIZATIONS, "aws");
    g_autoptr(GListModel) events = dossier_store_list_related (store, case_id, dossier_node_get_id (aws), NULL);
    gboolean found = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (events); i++)
      {
        g_autoptr(DossierNode) event = g_list_model_get_item (events, i);

        g_assert_cmpint (dossier_node_get_kind (event), ==, DOSSIER_NODE_EVENT);
        found |= dossier_node_get_id (event) == dossier_node_get_id (injunction);
      }
    g_assert_true (found);
  }

  /* A source cited in another case file only is not listed for this one. */
  {
    g_autoptr(GListModel) elsewhere = dossier_store_list_cited_by (store, case_id + 1000, dossier_node_get_id (bi),
                                                                   DOSSIER_STANCE_CONTRADICTS, NULL);
    g_assert_cmpuint (g_list_model_get_n_items (elsewhere), ==, 0);
  }
}

static void
test_shares (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(DossierStore) store = test_open_store (f->path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) series = dossier_store_list_series (store, &error);
  g_autoptr(DossierSeries) seed_series = NULL;
  g_autoptr(GListModel) shares = NULL;
  g_auto(GStrv) periods = NULL;
  g_autofree char *period = NULL;
  gint64 series_id = 0;
  static const struct { const char *name; double percent; } expected[] = {
    { "Amazon Web Services", 39 }, { "Microsoft", 19 }, { "Google", 9 },
  };

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (series), ==, dossier_store_count (store, "market_series", NULL));

  g_assert_true (dossier_store_get_case_market (store, first_case_id (store), &series_id, &period, &error));
  g_assert_cmpstr (period, ==, "2019-Q3");

  /* The case file's own series comes first. */
  seed_series = g_list_model_get_item (series, 0);
  g_assert_cmpint (dossier_series_get_id (seed_series), ==, series_id);
  g_assert_cmpstr (dossier_series_get_firm (seed_series), ==, "Synergy Research Group");

  shares = dossier_store_list_shares (store, series_id, period, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (shares), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(DossierShare) share = g_list_model_get_item (shares, i);

      g_assert_cmpstr (dossier_share_get_name (share), ==, expected[i].name);
      g_assert_cmpfloat_with_epsilon (dossier_share_get_percent (share), expected[i].percent, 1e-9);
      g_assert_cmpint (dossier_share_get_source_id (share), >, 0);
    }

  periods = dossier_store_list_periods (store, series_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (periods, ((const char *[]) { "2019-Q3", NULL }));

  /* Decimal figures survive as numbers. */
  g_assert_cmpfloat_with_epsilon (test_sql_int (f->path,
                                           "SELECT CAST (percent * 10 AS INTEGER) FROM market_share m "
                                           "JOIN market_series s ON s.id = m.series_id "
                                           "JOIN node o ON o.id = m.organization_id "
                                           "WHERE s.slug = 'canalys-cloud-infra' AND m.period = '2019-Q2' "
                                           "AND o.slug = 'aws'"), 315, 1e-9);
}

/* Decimal figures go in and come out as numbers, whatever LC_NUMERIC says. */
static void
test_french_numbers (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(DossierStore) store = NULL;
  g_autoptr(GListModel) series = NULL;
  g_autoptr(GListModel) shares = NULL;
  g_autofree char *saved = g_strdup (setlocale (LC_NUMERIC, NULL));
  gint64 canalys = 0;

  if (setlocale (LC_NUMERIC, "fr_FR.UTF-8") == NULL)
    g_error ("fr_FR.UTF-8 is not available (LOCPATH=%s)", g_getenv ("LOCPATH"));
  g_assert_cmpstr (localeconv ()->decimal_point, ==, ",");

  store = test_open_store (f->path);
  series = dossier_store_list_series (store, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (series); i++)
    {
      g_autoptr(DossierSeries) s = g_list_model_get_item (series, i);

      if (g_str_equal (dossier_series_get_slug (s), "canalys-cloud-infra"))
        canalys = dossier_series_get_id (s);
    }
  g_assert_cmpint (canalys, >, 0);

  shares = dossier_store_list_shares (store, canalys, "2019-Q2", NULL);
  {
    g_autoptr(DossierShare) aws = g_list_model_get_item (shares, 0);
    g_assert_cmpfloat_with_epsilon (dossier_share_get_percent (aws), 31.5, 1e-9);
  }
  g_assert_cmpfloat_with_epsilon (test_sql_int (f->path,
                                           "SELECT CAST (round (sum (percent) * 10) AS INTEGER) FROM market_share "
                                           "WHERE period = '2019-Q2'"), 591, 1e-9);

  setlocale (LC_NUMERIC, saved);
}

/* What a case file's page says is next: the bundled case file's last
 * expected event, settled two days late; a case file that expects
 * nothing; one whose first expected event is pending. */
static void
test_next_expected (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(DossierStore) store = test_open_store (f->path);
  g_autoptr(DossierNode) expected = NULL;
  g_autoptr(DossierNode) settler = NULL;
  g_autoptr(GError) error = NULL;
  gint64 none, pending;

  g_assert_true (dossier_store_get_next_expected (store, first_case_id (store), &expected, &settler, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (dossier_node_get_slug (expected), ==, "injunction-ruling-expected");
  g_assert_cmpstr (dossier_node_get_slug (settler), ==, "preliminary-injunction-granted");
  g_clear_object (&expected);
  g_clear_object (&settler);

  none = test_import_events (store, "nothing-expected", "Event", 300, 0);
  g_assert_true (dossier_store_get_next_expected (store, none, &expected, &settler, &error));
  g_assert_null (expected);
  g_assert_null (settler);

  pending = test_import_events (store, "some-expected", "Event", 300, 40);
  g_assert_true (dossier_store_get_next_expected (store, pending, &expected, &settler, &error));
  g_assert_cmpstr (dossier_node_get_slug (expected), ==, "some-expected-39");
  g_assert_null (settler);
  g_clear_object (&expected);

  /* Settled, it is the next one's turn. */
  test_sql_exec (f->path, "UPDATE event SET settled_by = (SELECT id FROM node WHERE slug = 'some-expected-40')"
                          " WHERE node_id = (SELECT id FROM node WHERE slug = 'some-expected-39')");
  g_assert_true (dossier_store_get_next_expected (store, pending, &expected, &settler, &error));
  g_assert_cmpstr (dossier_node_get_slug (expected), ==, "some-expected-79");
}

static void
on_found (GObject      *source,
          GAsyncResult *result,
          gpointer      data)
{
  *(GAsyncResult **) data = g_object_ref (result);
}

/* The case files whose title has words, found on a worker thread: every
 * word, anywhere, case as typed or not, accents as typed; the first @limit
 * in the sidebar's order, and how many in all. */
static GArray *
find_cases (DossierStore *store,
            const char   *words,
            guint         limit,
            GCancellable *cancellable,
            guint        *n_found,
            GError      **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  dossier_store_find_case_files_async (store, words, limit, cancellable, on_found, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return dossier_store_find_case_files_finish (store, result, n_found, error);
}

static void
test_find_case_files (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(DossierStore) store = test_open_store (f->path);
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  gint64 jedi = first_case_id (store), elan = 0, made[12];
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (made); i++)
    {
      g_autofree char *title = g_strdup_printf ("Protest %02u v. Widgets", i);

      g_assert_true (dossier_store_create_case (store, title, "en", &made[i], &error));
      g_assert_no_error (error);
    }
  g_assert_true (dossier_store_create_case (store, "Élan Vital v. Widgets", "en", &elan, &error));

  /* Every word, in any order, in any case: the JEDI protest and the twelve. */
  ids = find_cases (store, "PROTEST", 5, NULL, &n, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 13);
  g_assert_cmpuint (ids->len, ==, 5);
  g_clear_pointer (&ids, g_array_unref);

  ids = find_cases (store, "  widgets 07  ", 100, NULL, &n, &error);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, made[7]);
  g_clear_pointer (&ids, g_array_unref);

  /* In the sidebar's order: filed first, then the new ones as made. */
  ids = find_cases (store, "protest", 100, NULL, &n, &error);
  g_assert_cmpuint (ids->len, ==, 13);
  g_assert_cmpint (g_array_index (ids, gint64, 12), ==, jedi);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, made[0]);
  g_clear_pointer (&ids, g_array_unref);

  /* Accents as typed. */
  ids = find_cases (store, "élan", 100, NULL, &n, &error);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, elan);
  g_clear_pointer (&ids, g_array_unref);
  ids = find_cases (store, "elan", 100, NULL, &n, &error);
  g_assert_cmpuint (n, ==, 0);
  g_clear_pointer (&ids, g_array_unref);

  /* Stopped: nothing found, said so. */
  g_cancellable_cancel (cancelled);
  ids = find_cases (store, "protest", 100, cancelled, &n, &error);
  g_assert_null (ids);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/store/create", test_create);
  ADD ("/store/reopen-keeps-edit", test_reopen_keeps_edit);
  ADD ("/store/second-open", test_second_open);
  ADD ("/store/not-a-database", test_not_a_database);
  ADD ("/store/foreign-database", test_foreign_database);
  ADD ("/store/newer-schema", test_newer_schema);
  ADD ("/store/migrate-release", test_migrate_release);
  ADD ("/store/import-errors", test_import_errors);
  ADD ("/store/sections", test_sections);
  ADD ("/store/citations", test_citations);
  ADD ("/store/shares", test_shares);
  ADD ("/store/french-numbers", test_french_numbers);
  ADD ("/store/next-expected", test_next_expected);
  ADD ("/store/find-case-files", test_find_case_files);

  return g_test_run ();
}
