/* test-search.c: the full-text index, on a real database: every text in
 * both languages and the user's notes, case and accents folded, prefixes,
 * queries FTS5 would reject, and the index in step with edits and undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "dossier-node.h"
#include "dossier-search-hit.h"
#include "dossier-store.h"
#include "test-utils.h"

typedef struct
{
  char         *dir;
  char         *path;
  DossierStore *store;
  gint64        case_id;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = test_make_tmp_dir ("dossier-search-XXXXXX");
  f->path = g_build_filename (f->dir, "dossier.db", NULL);
  f->store = test_open_store (f->path);
  f->case_id = test_find_case (f->store, "jedi-protest");
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

/* The slugs found for @query, in order, joined by spaces. */
static char *
found (DossierStore *store,
       const char   *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) results = dossier_store_search (store, query, 50, &error);
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(DossierNode) node = g_list_model_get_item (results, i);

      g_string_append_printf (out, "%s%s", i ? " " : "", dossier_node_get_slug (node));
    }
  return g_string_free (out, FALSE);
}

static gboolean
finds (DossierStore *store,
       const char   *query,
       const char   *slug)
{
  g_autofree char *all = found (store, query);
  g_autofree char *padded = g_strdup_printf (" %s ", all);
  g_autofree char *wanted = g_strdup_printf (" %s ", slug);

  return strstr (padded, wanted) != NULL;
}

static void
test_queries (Fixture       *f,
              gconstpointer  data)
{
  /* Names in any case, prefixes as typed, French texts from an English
   * window, source headlines and publishers. */
  g_assert_true (finds (f->store, "bezos", "jeff-bezos"));
  g_assert_true (finds (f->store, "BEZOS", "jeff-bezos"));
  g_assert_true (finds (f->store, "Campb", "patricia-campbell-smith"));
  g_assert_true (finds (f->store, "injonction", "preliminary-injunction-granted"));
  g_assert_true (finds (f->store, "Pentagone", "seed-article"));
  g_assert_true (finds (f->store, "Business Insider", "business-insider-2021-02"));
  g_assert_true (finds (f->store, "speed effectiveness", "claim-dod-speed-effectiveness"));
  /* Accents folded both ways. */
  g_assert_true (finds (f->store, "Reevaluation", "dod-reaffirms-microsoft"));
  g_assert_true (finds (f->store, "réévaluation", "dod-reaffirms-microsoft"));
  /* Every word wanted. */
  g_assert_false (finds (f->store, "bezos zzyzx", "jeff-bezos"));

  /* What FTS5 would reject is searched as plain words, never an error. */
  {
    static const char * const odd[] = { "\"", "AND", "*", "-", "bezos\"", "NEAR(", "a:b", "(", "^x", "" };

    for (guint i = 0; i < G_N_ELEMENTS (odd); i++)
      g_free (found (f->store, odd[i]));
  }
  g_assert_true (finds (f->store, "\"bezos", "jeff-bezos"));
  g_assert_true (finds (f->store, "-bezos", "jeff-bezos"));
  {
    g_autofree char *none = found (f->store, "*");
    g_assert_cmpstr (none, ==, "");
  }
}

/* Each hit says where it matched, in which language, and which words. */
static void
test_hits (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) hits = dossier_store_search_hits (f->store, "injonct", 20, &error);
  gboolean seen = FALSE;

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (hits), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (hits); i++)
    {
      g_autoptr(DossierSearchHit) hit = g_list_model_get_item (hits, i);
      DossierNode *node = dossier_search_hit_get_node (hit);

      /* Found in French from an English store: said so, the word marked. */
      g_assert_cmpstr (dossier_search_hit_get_language (hit), ==, "fr");
      g_assert_nonnull (strstr (dossier_search_hit_get_excerpt (hit), DOSSIER_SEARCH_MATCH_START "injonction"));
      if (g_str_equal (dossier_node_get_slug (node), "preliminary-injunction-granted"))
        {
          seen = TRUE;
          g_assert_cmpint (dossier_search_hit_get_case_id (hit), ==, f->case_id);
        }
    }
  g_assert_true (seen);
}

/* The index follows every edit, note and undo in the same transaction. */
static void
test_follows_edits (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 event = test_sql_int (f->path, "SELECT id FROM node WHERE slug = 'joint-status-report'");
  gint64 note = 0;

  g_assert_false (finds (f->store, "Xylophone", "joint-status-report"));
  g_assert_true (dossier_store_set_summary (f->store, event, "fr", "Une règle de xylophone.", &error));
  g_assert_true (finds (f->store, "xylophone", "joint-status-report"));
  g_assert_true (finds (f->store, "regle", "joint-status-report"));
  g_assert_true (dossier_store_undo (f->store, &error));
  g_assert_false (finds (f->store, "xylophone", "joint-status-report"));
  g_assert_true (dossier_store_redo (f->store, &error));
  g_assert_true (finds (f->store, "xylophone", "joint-status-report"));

  /* A note of the user's finds the node it is on. */
  g_assert_true (dossier_store_add_note (f->store, event, "Ask the clerk about the Zanzibar hearing.", &note, &error));
  g_assert_true (finds (f->store, "zanzib", "joint-status-report"));
  g_assert_true (dossier_store_set_note (f->store, note, "Nothing left.", &error));
  g_assert_false (finds (f->store, "zanzibar", "joint-status-report"));
  g_assert_true (dossier_store_undo (f->store, &error));
  g_assert_true (finds (f->store, "zanzibar", "joint-status-report"));

  /* A deleted event leaves the index; undone, it comes back. */
  g_assert_true (dossier_store_delete (f->store, f->case_id, event, NULL, &error));
  g_assert_false (finds (f->store, "xylophone", "joint-status-report"));
  g_assert_true (dossier_store_undo (f->store, &error));
  g_assert_true (finds (f->store, "xylophone", "joint-status-report"));
  g_assert_no_error (error);

  /* The index holds exactly one row per text, name and note. */
  g_assert_cmpint (test_sql_int (f->path, "SELECT count(*) FROM search"), ==,
                   test_sql_int (f->path, "SELECT (SELECT count(*) FROM node_text) + (SELECT count(*) FROM node)"
                                          " + (SELECT count(*) FROM note WHERE node_id IS NOT NULL)"));
  g_assert_cmpint (test_sql_int (f->path, "SELECT count(*) FROM search_key"), ==,
                   test_sql_int (f->path, "SELECT count(*) FROM search"));
}

/* Over many rows that match: the rows ranked are the latest that match
 * each word's first letters, and the latest with the words whole; an
 * older title with the very words typed is found, first, among 1,100
 * newer ones that only start with them. */
static void
test_old_exact_words (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *json = g_build_filename (f->dir, "many.json", NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) hits = NULL;
  g_autoptr(DossierSearchHit) first = NULL;
  g_autofree char *all = NULL;
  g_auto(GStrv) words = NULL;

  g_string_append (text, "{\"format\": \"dossier-case\", \"version\": 1, \"sources\": [], \"entities\": [],"
                         " \"case\": {\"slug\": \"many\", \"participants\": [],"
                         " \"text\": {\"en\": {\"title\": \"Many\"}}, \"events\": ["
                         "{\"slug\": \"the-old-one\", \"date\": \"2001-01-02\","
                         " \"text\": {\"en\": {\"title\": \"Motion to dismiss\"}}}");
  for (guint i = 0; i < 1100; i++)
    g_string_append_printf (text, ", {\"slug\": \"newer-%u\", \"date\": \"2002-01-02\","
                            " \"text\": {\"en\": {\"title\": \"Dismissal of motions, together %u\"}}}", i, i);
  g_string_append (text, "]}}");
  g_assert_true (g_file_set_contents (json, text->str, text->len, NULL));
  g_assert_true (dossier_store_import_case_file (f->store, json, DOSSIER_IMPORT_DEFAULT, NULL, &error));
  g_assert_no_error (error);

  all = found (f->store, "motion to dismiss");
  g_assert_true (g_str_has_prefix (all, "the-old-one "));
  /* The others still match, after it: the 50 asked for. */
  words = g_strsplit (all, " ", -1);
  g_assert_cmpuint (g_strv_length (words), ==, 50);

  hits = dossier_store_search_hits (f->store, "motion to dismiss", 10, &error);
  g_assert_no_error (error);
  first = g_list_model_get_item (hits, 0);
  g_assert_cmpstr (dossier_node_get_slug (dossier_search_hit_get_node (first)), ==, "the-old-one");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/search/queries", test_queries);
  ADD ("/search/hits", test_hits);
  ADD ("/search/follows-edits", test_follows_edits);
  ADD ("/search/old-exact-words", test_old_exact_words);
#undef ADD

  return g_test_run ();
}
