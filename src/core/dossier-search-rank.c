/* dossier-search-rank.c
 *
 * dossier_rank (search): how well a row matches a search, as FTS5's
 * bm25() has it (Okapi BM25, k1 = 1.2, b = 0.75, the length of the row
 * against the average) without the weight of each word by how rare it
 * is in the whole table. bm25() finds that weight by running each word
 * of the query over every row before it scores the first: over a
 * million events and a word's first letters ("de"), 20 to 45 ms a
 * search, however few rows are scored. For one word, or the words typed
 * as one phrase, the weight is the same for every row and the order the
 * same as bm25()'s; for several words each counts the same. Lower is
 * better, as with bm25().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-db"

#include "config.h"

#include <glib.h>
#include <sqlite3.h>

#include "dossier-search-rank.h"

#define K1 1.2
#define B  0.75
/* Phrases counted at most (a query of more words scores the first). */
#define MAX_PHRASES 32

/* The average length of a row, in tokens: read once a query. */
typedef struct
{
  double average;
} Table;

static void
rank (const Fts5ExtensionApi  *api,
      Fts5Context             *fts,
      sqlite3_context         *context,
      int                      n_values,
      sqlite3_value          **values)
{
  Table *table = api->xGetAuxdata (fts, 0);
  double frequency[MAX_PHRASES] = { 0 };
  int n_phrases = MIN (api->xPhraseCount (fts), MAX_PHRASES);
  int n_instances = 0, length = 0, rc;
  double score = 0;

  if (table == NULL)
    {
      sqlite3_int64 n_rows = 0, n_tokens = 0;

      if ((rc = api->xRowCount (fts, &n_rows)) != SQLITE_OK ||
          (rc = api->xColumnTotalSize (fts, -1, &n_tokens)) != SQLITE_OK)
        {
          sqlite3_result_error_code (context, rc);
          return;
        }
      table = sqlite3_malloc (sizeof *table);
      if (table == NULL)
        {
          sqlite3_result_error_nomem (context);
          return;
        }
      table->average = n_rows > 0 && n_tokens > 0 ? (double) n_tokens / (double) n_rows : 1;
      if ((rc = api->xSetAuxdata (fts, table, sqlite3_free)) != SQLITE_OK)
        {
          sqlite3_result_error_code (context, rc);
          return;
        }
    }

  if ((rc = api->xInstCount (fts, &n_instances)) != SQLITE_OK ||
      (rc = api->xColumnSize (fts, -1, &length)) != SQLITE_OK)
    {
      sqlite3_result_error_code (context, rc);
      return;
    }
  for (int i = 0; i < n_instances; i++)
    {
      int phrase, column, offset;

      if ((rc = api->xInst (fts, i, &phrase, &column, &offset)) != SQLITE_OK)
        {
          sqlite3_result_error_code (context, rc);
          return;
        }
      if (phrase >= 0 && phrase < n_phrases)
        frequency[phrase] += 1;
    }

  for (int p = 0; p < n_phrases; p++)
    score += frequency[p] * (K1 + 1) / (frequency[p] + K1 * (1 - B + B * length / table->average));
  sqlite3_result_double (context, -score);
}

/**
 * dossier_search_rank_register:
 * @handle: a connection
 *
 * Makes dossier_rank() known to FTS5 on @handle.
 *
 * Returns: an SQLite result code
 */
int
dossier_search_rank_register (sqlite3 *handle)
{
  fts5_api *api = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  /* FTS5's way to hand out its interface: a pointer bound to fts5(). */
  rc = sqlite3_prepare_v2 (handle, "SELECT fts5 (?1)", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_pointer (stmt, 1, (void *) &api, "fts5_api_ptr", NULL);
  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    rc = SQLITE_OK;
  sqlite3_finalize (stmt);
  if (rc != SQLITE_OK)
    return rc;
  if (api == NULL || api->iVersion < 2)
    return SQLITE_ERROR;
  return api->xCreateFunction (api, "dossier_rank", NULL, rank, NULL);
}
