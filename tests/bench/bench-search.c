/* bench-search.c: search as you type over the generated database
 *
 * 100 queries drawn at random (a fixed seed) from words of its texts in
 * English and in French, each whole or cut to a prefix of two letters or
 * more, as someone typing would send them; each is run as the search
 * panel runs it (dossier_store_search_hits, 60 results with their
 * excerpts). Beside it, the least FTS5 does for the same words: the first
 * 60 rows that match, unranked, on the same file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <sqlite3.h>

#include "bench-table.h"
#include "dossier-store.h"

#define N_QUERIES 100

static const char *const words[] = {
  "motion", "protest", "hearing", "ruling", "status", "complaint", "appeal", "declaration", "protective",
  "proceedings", "supplemental", "reply", "argument", "settlement", "sealed", "scheduling", "remand",
  "injunction", "transcript", "contract", "evaluation", "price", "security", "award", "record", "bidders",
  "technical", "conflict", "discovery", "hosting", "agency", "court", "storage", "latency", "classified",
  "solicitation", "proposal", "deficiency", "prejudice", "timeliness", "corrective", "witness", "procurement",
  "requete", "contestation", "audience", "decision", "rapport", "plainte", "declaration", "ordonnance",
  "suspension", "memoire", "plaidoirie", "reconventionnelle", "reglement", "scelles", "calendrier", "renvoi",
  "injonction", "transcription", "informatique", "evaluation", "prix", "habilitation", "attribution",
  "soumissionnaires", "criteres", "interets", "hebergement", "donnees", "tribunal", "recours", "securite",
  "stockage", "reseau", "candidat", "lacune", "prejudice", "echeance", "temoin", "ministere", "fournisseur",
  "cloud", "networks", "general counsel", "directeur juridique", "marvex", "torsal", "velum",
};

int
main (int   argc,
      char *argv[])
{
  g_autofree char *path = bench_big_database ();
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierStore) store = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (12);
  double panel[N_QUERIES], bare[N_QUERIES];
  g_autoptr(GPtrArray) queries = g_ptr_array_new_with_free_func (g_free);
  BenchTable *table;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  guint results = 0;
  double p99_panel, p99_bare;

  setlocale (LC_ALL, "C.UTF-8");
  store = dossier_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT rowid FROM search WHERE search MATCH ?1 LIMIT 60", -1, &stmt, NULL),
                   ==, SQLITE_OK);

  for (guint i = 0; i < N_QUERIES; i++)
    {
      const char *word = words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))];
      glong length = g_utf8_strlen (word, -1);
      glong cut = g_rand_boolean (rand) ? length : g_rand_int_range (rand, 2, length + 1);

      g_ptr_array_add (queries, g_utf8_substring (word, 0, cut));
    }

  /* A first pass reads the file into the page cache, as a started
   * window has. */
  for (guint i = 0; i < N_QUERIES; i++)
    g_object_unref (dossier_store_search_hits (store, queries->pdata[i], 60, NULL));

  for (guint i = 0; i < N_QUERIES; i++)
    {
      const char *query = queries->pdata[i];
      g_autofree char *fts = g_strdup_printf ("\"%s\"*", query);
      g_autoptr(GListModel) hits = NULL;
      double t0;

      g_strdelimit (fts, " ", '*');
      t0 = bench_now_ms ();
      sqlite3_bind_text (stmt, 1, fts, -1, SQLITE_TRANSIENT);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        ;
      sqlite3_reset (stmt);
      bare[i] = bench_now_ms () - t0;

      t0 = bench_now_ms ();
      hits = dossier_store_search_hits (store, query, 60, &error);
      panel[i] = bench_now_ms () - t0;
      if (g_getenv ("BENCH_VERBOSE")) g_printerr ("%8.1f %s\n", panel[i], query);
      g_assert_no_error (error);
      results += g_list_model_get_n_items (hits);
    }

  table = bench_table_new ("search", "Search as you type over 1.2 M events in English and French "
                                     "(100 random words and prefixes)");
  bench_table_add (table, "FTS5 alone, first 60 rows (baseline)", bare, N_QUERIES, NULL, NULL);
  bench_table_add (table, "search panel, 60 hits with excerpts", panel, N_QUERIES,
                   "FTS5 alone, first 60 rows (baseline)", "median < 20 ms");
  p99_bare = bench_percentile (bare, N_QUERIES, 99);
  p99_panel = bench_percentile (panel, N_QUERIES, 99);
  bench_table_note (table, "99th percentile: search panel %.2f ms (target < 50 ms), FTS5 alone %.2f ms; "
                           "%.1f hits a query", p99_panel, p99_bare, results / (double) N_QUERIES);
  bench_table_write (table);

  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return 0;
}
