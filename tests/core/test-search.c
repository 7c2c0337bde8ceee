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
#include "dossier-search-rank.h"
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

/* The rowids @order gives the rows that match @match in @db. */
static char *
rowids (sqlite3    *db,
        const char *match,
        const char *order)
{
  g_autofree char *sql = g_strdup_printf ("SELECT rowid FROM t WHERE t MATCH ?1 ORDER BY %s, rowid", order);
  GString *out = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_bind_text (stmt, 1, match, -1, SQLITE_STATIC), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (out, "%s%lld", out->len ? " " : "", sqlite3_column_int64 (stmt, 0));
  g_assert_cmpint (sqlite3_finalize (stmt), ==, SQLITE_OK);
  return g_string_free (out, FALSE);
}

/* Whether rows 10 and 11 score the same for "court claims". */
static gboolean
same_score (sqlite3    *db,
            const char *function)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM t WHERE t MATCH 'court claims' AND rowid IN (10, 11)",
                                          function);
  sqlite3_stmt *stmt = NULL;
  double scores[2];

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < 2; i++)
    {
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      scores[i] = sqlite3_column_double (stmt, 0);
      g_assert_cmpfloat (scores[i], <, 0);
    }
  g_assert_cmpint (sqlite3_finalize (stmt), ==, SQLITE_OK);
  return scores[0] == scores[1];
}

/* dossier_rank() orders the rows of one word, or of the words as one
 * phrase, as bm25() does (more of the word, in a shorter row, first);
 * for several words, each counts the same, however rare. */
static void
test_rank (Fixture       *f,
           gconstpointer  data)
{
  static const char *const rows[] = {
    "court", "the court of federal claims", "court court", "a ruling of the court on the court record",
    "court ruling", "ruling ruling court", "court court ruling", "nothing here", "federal court ruling today",
    "court court claims", "claims claims court",
  };
  static const char *const matches[] = { "court", "\"court\"*", "\"co\"*", "\"court ruling\"", "ruling" };
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open (":memory:", &db), ==, SQLITE_OK);
  g_assert_cmpint (dossier_search_rank_register (db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE VIRTUAL TABLE t USING fts5 (title, body)", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "INSERT INTO t (title, body) VALUES (?1, ?2)", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      sqlite3_bind_text (stmt, 1, rows[i], -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, i % 2 && i < 9 ? "a longer body, to weigh the length of the row" : "", -1,
                         SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      g_assert_cmpint (sqlite3_reset (stmt), ==, SQLITE_OK);
    }
  g_assert_cmpint (sqlite3_finalize (stmt), ==, SQLITE_OK);

  for (guint i = 0; i < G_N_ELEMENTS (matches); i++)
    {
      g_autofree char *bm25 = rowids (db, matches[i], "bm25 (t)");
      g_autofree char *ours = rowids (db, matches[i], "dossier_rank (t)");

      g_test_message ("%s: %s", matches[i], ours);
      g_assert_cmpuint (strlen (ours), >, 4);
      g_assert_cmpstr (ours, ==, bm25);
    }
  /* Two words each count the same: "court court claims" and "claims
   * claims court" (rows 10 and 11, as long) score the same, though
   * "court" is in more rows, which bm25() weighs less. */
  g_assert_true (same_score (db, "dossier_rank (t)"));
  g_assert_false (same_score (db, "bm25 (t)"));
  sqlite3_close (db);
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
  ADD ("/search/rank", test_rank);
#undef ADD

  return g_test_run ();
}
