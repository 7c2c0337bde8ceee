/* test-exchange.c: case files out and back in, on real databases: the
 * round trip field by field, shared organizations linked, a case file that
 * is already there refused or copied, and malformed files refused with
 * their place, the database byte for byte as it was
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

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
  f->dir = test_make_tmp_dir ("dossier-exchange-XXXXXX");
  f->path = g_build_filename (f->dir, "dossier.db", NULL);
  f->store = test_open_store (f->path);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static gint64
save (DossierStore    *store,
      DossierNodeKind  kind,
      gint64           case_id,
      GHashTable      *values)
{
  g_autoptr(GHashTable) owned = values;
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  g_assert_true (dossier_store_save (store, kind, case_id, 0, owned, &id, &error));
  g_assert_no_error (error);
  return id;
}

static char *
id_string (gint64 id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, id);
}

/* A case file made in the window, in French: every kind of item, a parent,
 * a role, an expected event settled by another, a claim, a source of its
 * own cited both ways, notes, and a market series with a break. */
static gint64
build_case (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *amazon = id_string (test_sql_int (f->path, "SELECT id FROM node WHERE slug = 'amazon'"));
  g_autofree char *crn = id_string (test_sql_int (f->path, "SELECT id FROM node WHERE slug = 'crn-2020-10'"));
  g_autofree char *org = NULL, *person = NULL;
  g_autoptr(GHashTable) series = NULL;
  gint64 case_id = 0, org_id, person_id, role_id, expected_id, ruling_id, claim_id, source_id, note_id, series_id;

  dossier_store_set_language (f->store, "fr");
  g_assert_true (dossier_store_create_case (f->store, "Notre propre dossier", "fr", &case_id, &error));
  g_assert_no_error (error);
  g_assert_true (dossier_store_set_summary (f->store, case_id, "fr", "Un résumé « entre guillemets ».", &error));

  org_id = save (f->store, DOSSIER_NODE_ORGANIZATION, case_id,
                 test_fields ("name", "Entreprise Exemple", "parent", amazon, "standing", "intervenor",
                         "role", "Intervenante", "summary", "Une filiale.", NULL));
  org = id_string (org_id);
  person_id = save (f->store, DOSSIER_NODE_PERSON, case_id,
                    test_fields ("name", "Jeanne Exemple", "standing", "other", "role", "Témoin", NULL));
  person = id_string (person_id);
  role_id = save (f->store, DOSSIER_NODE_ROLE, 0,
                  test_fields ("person", person, "organization", org, "title", "Directrice", "started", "2018-03",
                          NULL));
  expected_id = save (f->store, DOSSIER_NODE_EVENT, case_id,
                      test_fields ("title", "Décision attendue", "date", "2020-02", "kind", "ruling",
                              "status", "expected", NULL));
  ruling_id = save (f->store, DOSSIER_NODE_EVENT, case_id,
                    test_fields ("title", "Décision rendue", "date", "2020-02-13", "kind", "ruling", "status", "happened",
                            "summary", "Ligne 1\nLigne 2 \"citée\"\t.", NULL));
  /* The window has no field for it yet: what settled an expected event. */
  {
    g_autofree char *sql = g_strdup_printf ("UPDATE event SET settled_by = %" G_GINT64_FORMAT
                                            " WHERE node_id = %" G_GINT64_FORMAT, ruling_id, expected_id);
    test_sql_exec (f->path, sql);
  }
  claim_id = save (f->store, DOSSIER_NODE_CLAIM, case_id,
                   test_fields ("title", "L'attribution était irrégulière", "claimant", org, "made", "2019", NULL));
  source_id = save (f->store, DOSSIER_NODE_SOURCE, case_id,
                    test_fields ("publisher", "Le Journal", "title", "Un titre tel que publié", "author", "A. Auteur",
                            "published", "2020-02-14", "url", "https://example.org/a?b=1&c=2", "lang", "fr",
                            NULL));
  g_assert_true (dossier_store_cite (f->store, claim_id, source_id, DOSSIER_STANCE_SUPPORTS, &error));
  g_assert_true (dossier_store_cite (f->store, ruling_id, source_id, DOSSIER_STANCE_CONTRADICTS, &error));
  g_assert_true (dossier_store_cite (f->store, role_id, source_id, DOSSIER_STANCE_SUPPORTS, &error));
  g_assert_true (dossier_store_add_note (f->store, ruling_id, "Vérifier l'heure exacte.", &note_id, &error));
  g_assert_true (dossier_store_add_note (f->store, org_id, "Une note sur l'entreprise.", &note_id, &error));
  g_assert_true (dossier_store_add_note (f->store, case_id, "Une note sur le dossier.", &note_id, &error));
  /* The same words twice are two notes; two people of one name, two
   * people. */
  g_assert_true (dossier_store_add_note (f->store, case_id, "Une note sur le dossier.", &note_id, &error));
  save (f->store, DOSSIER_NODE_PERSON, case_id, test_fields ("name", "Jeanne Exemple", "standing", "other", NULL));
  g_assert_no_error (error);

  series = test_fields ("firm", "Cabinet Exemple", "market", "Cloud, monde", "period_kind", "quarter", "source", crn,
                   "figures", "2020-Q3 AWS 33\n2020-Q3 Microsoft 18,5 %\n2020-Q3 Entreprise Exemple 12.3\n"
                   "2020-Q4 AWS 32",
                   "breaks", "2020-Q4 Microsoft: chiffres révisés", NULL);
  g_assert_true (dossier_store_create_series (f->store, case_id, series, &series_id, &error));
  g_assert_no_error (error);

  return case_id;
}

static GBytes *
export (DossierStore *store,
        gint64        case_id)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = dossier_store_export_case (store, case_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  return bytes;
}

static void
import (DossierStore       *store,
        GBytes             *json,
        DossierImportFlags  flags,
        gint64             *case_id)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (dossier_store_import_case_full (store, json, "exported.json", flags, case_id, &error));
  g_assert_no_error (error);
}

/* Two dumps of test_dump_content(), the lines of each that the other lacks
 * said when they differ. */
static void
assert_same_content (const char *a,
                     const char *b)
{
  g_auto(GStrv) lines_a = g_strsplit (a, "\n", -1);
  g_auto(GStrv) lines_b = g_strsplit (b, "\n", -1);
  g_autoptr(GString) diff = g_string_new (NULL);

  for (guint i = 0; lines_a[i]; i++)
    if (!g_strv_contains ((const char * const *) lines_b, lines_a[i]))
      g_string_append_printf (diff, "- %s\n", lines_a[i]);
  for (guint i = 0; lines_b[i]; i++)
    if (!g_strv_contains ((const char * const *) lines_a, lines_b[i]))
      g_string_append_printf (diff, "+ %s\n", lines_b[i]);
  if (diff->len > 0)
    g_error ("the databases differ:\n%s", diff->str);
  g_assert_cmpstr (a, ==, b);
}

static void
assert_same_bytes (GBytes *a,
                   GBytes *b)
{
  g_autofree char *text_a = g_strndup (g_bytes_get_data (a, NULL), g_bytes_get_size (a));
  g_autofree char *text_b = g_strndup (g_bytes_get_data (b, NULL), g_bytes_get_size (b));

  g_assert_cmpstr (text_a, ==, text_b);
}

/* Everything out, into an empty database: the same content, table by
 * table and field by field, and the same file written again from it. */
static void
test_round_trip_all (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *other = g_build_filename (f->dir, "empty.db", NULL);
  g_autoptr(DossierStore) empty = test_open_empty_store (other);
  g_autoptr(GBytes) json = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  build_case (f);
  json = export (f->store, 0);
  g_assert_cmpint (dossier_store_count (empty, "node", NULL), ==, 0);
  import (empty, json, DOSSIER_IMPORT_DEFAULT, NULL);

  before = test_dump_content (f->path);
  after = test_dump_content (other);
  g_assert_cmpuint (strlen (before), >, 10000);
  g_assert_nonnull (strstr (before, "Vérifier l'heure exacte."));
  g_assert_nonnull (strstr (before, "chiffres révisés"));
  assert_same_content (before, after);

  again = export (empty, 0);
  assert_same_bytes (json, again);
}

/* One case file out of a database, into another that has the bundled case
 * file already: what they share is linked, not doubled; the case file comes
 * back as it left. */
static void
test_round_trip_one (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *other = g_build_filename (f->dir, "other.db", NULL);
  g_autoptr(DossierStore) store = test_open_store (other);
  g_autoptr(GBytes) json = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(DossierNode) node = NULL;
  gint64 case_id = build_case (f), imported = 0;
  const char *text;

  json = export (f->store, case_id);
  text = g_bytes_get_data (json, NULL);
  g_assert_nonnull (strstr (text, "\"format\": \"dossier-case\""));
  g_assert_nonnull (strstr (text, "\"share\": 12.3,"));
  g_assert_nonnull (strstr (text, "\"share\": 18.5,"));
  g_assert_nonnull (strstr (text, "Ligne 1\\nLigne 2 \\\"citée\\\"\\t."));
  /* Raw fields, not text worded for display. */
  g_assert_nonnull (strstr (text, "\"date\": \"2020-02-13\","));
  g_assert_nonnull (strstr (text, "\"date\": \"2020-02\","));
  g_assert_nonnull (strstr (text, "\"started\": \"2018-03\"") ?: strstr (text, "\"from\": \"2018-03\""));
  g_assert_null (strstr (text, "\"share\": \""));

  import (store, json, DOSSIER_IMPORT_DEFAULT, &imported);
  g_assert_cmpint (imported, !=, 0);
  node = dossier_store_get_node (store, imported, imported, NULL);
  dossier_store_set_language (store, "fr");
  g_clear_object (&node);
  node = dossier_store_get_node (store, imported, imported, NULL);
  g_assert_cmpstr (dossier_node_get_title (node), ==, "Notre propre dossier");

  /* One Amazon, one AWS, one Microsoft: linked by slug. */
  g_assert_cmpint (test_sql_int (other, "SELECT count(*) FROM node WHERE name IN ('Amazon', 'Amazon Web Services', "
                                        "'Microsoft')"), ==, 3);
  g_assert_cmpint (test_sql_int (other, "SELECT count(*) FROM case_file"), ==, 2);
  g_assert_cmpint (test_sql_int (other, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);

  again = export (store, imported);
  assert_same_bytes (json, again);
}

/* An organization a colleague made under another slug, with the same name
 * as one of ours, is ours. */
static void
test_link_by_name (Fixture       *f,
                   gconstpointer  data)
{
  const char *json =
    "{\"format\": \"dossier-case\", \"version\": 2, \"sources\": [],"
    " \"entities\": [{\"slug\": \"organization-from-a-colleague\", \"kind\": \"organization\","
    "   \"name\": \"MICROSOFT\", \"text\": {\"fr\": {\"summary\": \"Un résumé du collègue\"}}}],"
    " \"case\": {\"slug\": \"colleague\", \"text\": {\"fr\": {\"title\": \"Le dossier du collègue\"}},"
    "   \"participants\": [{\"entity\": \"organization-from-a-colleague\", \"role\": {\"fr\": \"Attributaire\"}}],"
    "   \"events\": []}}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
  gint64 microsoft = test_sql_int (f->path, "SELECT id FROM node WHERE slug = 'microsoft'");
  gint64 case_id = 0;

  import (f->store, bytes, DOSSIER_IMPORT_DEFAULT, &case_id);
  g_assert_cmpint (test_sql_int (f->path, "SELECT count(*) FROM node WHERE name = 'Microsoft' COLLATE NOCASE"),
                   ==, 1);
  g_assert_cmpint (test_sql_int (f->path, "SELECT node_id FROM participant WHERE case_id = "
                                          "(SELECT id FROM node WHERE slug = 'colleague')"), ==, microsoft);
  /* Its name and its texts are kept: the colleague's French summary is not. */
  g_assert_cmpint (test_sql_int (f->path, "SELECT count(*) FROM node_text WHERE node_id = "
                                          "(SELECT id FROM node WHERE slug = 'microsoft') AND lang = 'fr' "
                                          "AND summary = 'Un résumé du collègue'"), ==, 0);
}

/* A case file that is already there: refused, saying so, nothing written;
 * or added as a copy when asked, sharing everything but what it owns. */
static void
test_exists_and_copy (Fixture       *f,
                      gconstpointer  data)
{
  gint64 jedi = test_find_case (f->store, "jedi-protest");
  g_autoptr(GBytes) json = export (f->store, jedi);
  g_autoptr(GError) error = NULL;
  g_autofree char *state = test_file_state (f->path);
  g_autofree char *state_after = NULL;
  g_autoptr(DossierNode) copy = NULL;
  gint64 events = dossier_store_count (f->store, "event", NULL);
  gint64 organizations = test_sql_int (f->path, "SELECT count(*) FROM node WHERE kind = 'organization'");
  gint64 copy_id = 0, third = 0;

  g_assert_false (dossier_store_import_case_full (f->store, json, "jedi.json", DOSSIER_IMPORT_DEFAULT, NULL,
                                                  &error));
  g_assert_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_CASE_EXISTS);
  g_assert_cmpstr (error->message, ==,
                   "jedi.json: case: the case file “JEDI cloud contract protest” is already in this database");
  state_after = test_file_state (f->path);
  g_assert_cmpstr (state, ==, state_after);

  import (f->store, json, DOSSIER_IMPORT_AS_COPY, &copy_id);
  copy = dossier_store_get_node (f->store, copy_id, copy_id, NULL);
  g_assert_cmpstr (dossier_node_get_title (copy), ==, "JEDI cloud contract protest (2)");
  g_assert_cmpstr (dossier_node_get_slug (copy), ==, "jedi-protest-2");
  g_assert_cmpint (dossier_store_count (f->store, "event", NULL), ==, 2 * events);
  g_assert_cmpint (test_sql_int (f->path, "SELECT count(*) FROM node WHERE kind = 'organization'"), ==,
                   organizations);
  /* The copy's expected ruling is settled by the copy's own injunction. */
  g_assert_cmpint (test_sql_int (f->path, "SELECT count(*) FROM event e JOIN event s ON s.node_id = e.settled_by "
                                          "WHERE e.case_id <> s.case_id"), ==, 0);

  import (f->store, json, DOSSIER_IMPORT_AS_COPY, &third);
  g_clear_object (&copy);
  copy = dossier_store_get_node (f->store, third, third, NULL);
  g_assert_cmpstr (dossier_node_get_title (copy), ==, "JEDI cloud contract protest (3)");
  g_assert_cmpint (test_sql_int (f->path, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
}

typedef struct
{
  const char *json;
  const char *message;
} Malformed;

#define HEAD "{\"format\": \"dossier-case\", \"version\": 2, \"sources\": [], \"entities\": [],"
#define CASE(events) " \"case\": {\"slug\": \"c\", \"text\": {\"en\": {\"title\": \"C\"}}, \"participants\": []," \
                     " \"events\": [" events "]}}"

static const Malformed malformed[] = {
  { "{\"format\":\n", "case.json:2:0: Parse error" },
  { "[1, 2]", "case.json: $: expected an object" },
  { "{\"format\": \"something-else\", \"version\": 1}", "case.json: $: not a Dossier case file" },
  { "{\"format\": \"dossier-case\", \"version\": 3}", "case.json: $.version: only versions 1 to 2" },
  { "{\"format\": \"dossier-case\", \"version\": \"2\"}", "case.json: $.version: only versions 1 to 2" },
  { HEAD CASE ("{\"slug\": \"e0\", \"date\": \"2020-02-13\", \"text\": {}},"
               "{\"slug\": \"e1\", \"date\": \"2020-02-13\", \"text\": {}},"
               "{\"slug\": \"e2\", \"date\": \"2020-02-13\", \"text\": {}},"
               "{\"slug\": \"e3\", \"date\": \"2020-02-30\", \"text\": {}}"),
    "case.json: case.events[3].date: “2020-02-30” is not a date" },
  { HEAD CASE ("{\"slug\": \"e0\", \"date\": \"2020\", \"text\": {}, \"actors\": [\"nobody\"]}"),
    "case.json: case.events[0].actors[0]: unknown reference “nobody”" },
  { HEAD CASE ("{\"slug\": \"e0\", \"date\": \"2020\", \"text\": {}, \"settles\": [\"e0\"]}"),
    "case.json: case.events[0].settles[0]: an event cannot settle itself" },
  { HEAD CASE ("{\"slug\": \"e0\", \"date\": \"2020\", \"text\": {}, \"kind\": \"party\"}"),
    "case.json: case.events[0]: “kind” cannot be “party”" },
  { HEAD CASE ("{\"slug\": \"e0\", \"date\": \"2020\", \"text\": {},"
               " \"notes\": [{\"body\": \"n\", \"created\": \"yesterday\"}]}"),
    "case.json: case.events[0].notes[0]: “yesterday” is not a date and time" },
  { HEAD CASE ("{\"slug\": \"e0\", \"date\": \"2020\", \"text\": {}, \"notes\": [{\"body\": \"\"}]}"),
    "case.json: case.events[0].notes[0]: “body” must be a non-empty string" },
  { HEAD " \"case\": {\"slug\": \"c\", \"text\": {\"en\": {}}, \"participants\": [], \"events\": []}}",
    "case.json: case.text: a title in one language at least is required" },
  { HEAD " \"case\": {\"slug\": \"c\", \"text\": {\"en\": {\"title\": \"C\"}}, \"participants\": [], \"events\": [],"
    " \"source_list\": [7]}}",
    "case.json: case.source_list[0]: expected a reference" },
  { HEAD " \"case\": {\"slug\": \"c\", \"text\": {\"en\": {\"title\": \"C\"}}, \"participants\": [], \"events\": []},"
    " \"cases\": []}",
    "case.json: $: “case” and “cases” cannot both be given" },
  { HEAD " \"cases\": [{\"slug\": \"c1\", \"text\": {\"en\": {\"title\": \"C\"}}, \"participants\": [], \"events\": []},"
    " {\"slug\": \"c2\", \"text\": {\"en\": {\"title\": \"C\"}}, \"participants\": [],"
    "  \"events\": [{\"slug\": \"e\", \"date\": \"2020-13\", \"text\": {}}]}]}",
    "case.json: cases[1].events[0].date: “2020-13” is not a date" },
  { "{\"format\": \"dossier-case\", \"version\": 2, \"sources\": [{\"slug\": \"s\", \"publisher\": \"P\", \"title\": \"T\"}],"
    " \"entities\": [], \"market_series\": [{\"slug\": \"m\", \"firm\": \"F\", \"period_kind\": \"year\","
    " \"text\": {\"en\": {\"market\": \"M\"}},"
    " \"shares\": [{\"period\": \"2020\", \"entity\": \"aws\", \"share\": 120, \"source\": \"s\"}]}]}",
    "case.json: market_series[0].shares[0]: share 120 is not between 0 and 100" },
  { "{\"format\": \"dossier-case\", \"version\": 2, \"sources\": [], \"entities\": [{\"slug\": \"x\","
    " \"kind\": \"organization\", \"name\": \"\xff\xfe\"}]}",
    "case.json: $: not a text file in UTF-8" },
};

/* A wrong file imports nothing, names the place, and leaves the database
 * byte for byte as it was; the store goes on working. */
static void
test_malformed (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *state = test_file_state (f->path);

  for (guint i = 0; i < G_N_ELEMENTS (malformed); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (malformed[i].json, strlen (malformed[i].json));
      g_autoptr(GError) error = NULL;
      g_autofree char *after = NULL;

      g_assert_false (dossier_store_import_case_full (f->store, bytes, "case.json", DOSSIER_IMPORT_DEFAULT, NULL,
                                                      &error));
      g_assert_nonnull (error);
      if (!g_str_has_prefix (error->message, malformed[i].message))
        g_error ("case %u: “%s” does not start with “%s”", i, error->message, malformed[i].message);
      after = test_file_state (f->path);
      g_assert_cmpstr (state, ==, after);
    }
}

/* The file is written whole, to a temporary file renamed into place. */
static void
test_export_file (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "out.json", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "no-such-folder", "out.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint n_files = 0;

  g_assert_true (g_file_set_contents (path, "an older file", -1, NULL));
  g_assert_true (dossier_store_export_case_file (f->store, 0, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "{\n  \"format\": \"dossier-case\",\n  \"version\": 2,"));

  g_assert_false (dossier_store_export_case_file (f->store, 0, missing, &error));
  g_assert_nonnull (strstr (error->message, missing));

  /* No temporary file left behind. */
  dir = g_dir_open (f->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (!g_str_has_prefix (name, "dossier.db"))
      {
        g_assert_cmpstr (name, ==, "out.json");
        n_files++;
      }
  g_assert_cmpuint (n_files, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/exchange/round-trip-all", test_round_trip_all);
  ADD ("/exchange/round-trip-one", test_round_trip_one);
  ADD ("/exchange/link-by-name", test_link_by_name);
  ADD ("/exchange/exists-and-copy", test_exists_and_copy);
  ADD ("/exchange/malformed", test_malformed);
  ADD ("/exchange/export-file", test_export_file);

  return g_test_run ();
}
