/* dossier-store-search.c
 *
 * Search as you type, over every text of the database in every language
 * and the user's notes (the FTS5 table `search`, kept by triggers): each
 * word typed is a prefix, all are wanted, case and accents aside. Over a
 * million events FTS5 would rank every row that matches, and a word's
 * first letters match most of them: the rows ranked are the latest that
 * match (it reads them in rowid order and stops), and, so that an older
 * row with the very words typed is not lost among them, the latest that
 * have those words whole, in that order; those come first.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dossier-node.h"
#include "dossier-search-hit.h"
#include "dossier-store-private.h"

/* The rows ranked of each kind, at most (below that, every row that
 * matches is). */
#define SEARCH_CANDIDATES "1000"

/* A row's excerpt: its title with the words marked, else the words in
 * its summary. */
#define SEARCH_EXCERPT \
  "CASE WHEN highlight (search, 0, '" DOSSIER_SEARCH_MATCH_START "', '" DOSSIER_SEARCH_MATCH_END "')" \
  "            GLOB '*" DOSSIER_SEARCH_MATCH_START "*'" \
  "THEN highlight (search, 0, '" DOSSIER_SEARCH_MATCH_START "', '" DOSSIER_SEARCH_MATCH_END "')" \
  "ELSE snippet (search, 1, '" DOSSIER_SEARCH_MATCH_START "', '" DOSSIER_SEARCH_MATCH_END "', '…', 12) END"

/* The latest rows that match ?1, best first (dossier-search-rank.c). */
#define SEARCH_LATEST(outer, inner) \
  "SELECT c.rid, k.node_id, k.lang" outer " FROM" \
  "  (SELECT rowid AS rid, dossier_rank (search) AS score" inner " FROM search" \
  "   WHERE search MATCH ?1 ORDER BY rowid DESC LIMIT " SEARCH_CANDIDATES ") AS c" \
  " JOIN search_key k ON k.id = c.rid ORDER BY c.score, k.node_id, c.rid"

/* The words of what the user typed, in quotes: nothing FTS5 could read as
 * its own syntax (a lone quote, AND, *, -) is passed on. @terms: each a
 * prefix, all wanted ("regle"* "bezo"*); @phrase: all of them whole, in
 * that order ("regle bezo"). %FALSE when there is no word. */
static gboolean
search_terms (const char  *text,
              char       **terms,
              char       **phrase)
{
  g_autoptr(GString) prefixes = g_string_new (NULL);
  g_autoptr(GString) words = g_string_new (NULL);
  g_autoptr(GString) word = g_string_new (NULL);

  for (const char *c = text ? text : ""; ; c = g_utf8_next_char (c))
    {
      gunichar ch = *c ? g_utf8_get_char (c) : 0;

      if (ch != 0 && g_unichar_isalnum (ch))
        {
          g_string_append_unichar (word, ch);
          continue;
        }
      if (word->len > 0)
        {
          g_string_append_printf (prefixes, "%s\"%s\"*", prefixes->len ? " " : "", word->str);
          g_string_append_printf (words, "%s%s", words->len ? " " : "", word->str);
          g_string_truncate (word, 0);
        }
      if (ch == 0)
        break;
    }

  if (prefixes->len == 0)
    return FALSE;
  *terms = g_string_free (g_steal_pointer (&prefixes), FALSE);
  *phrase = g_strdup_printf ("\"%s\"", words->str);
  return TRUE;
}

/* A row's excerpt, by its rowid, as "NODE\nLANG\nEXCERPT": from a
 * statement whose columns are the rowid, the node, the language and the
 * excerpt. */
static void
keep_excerpt (GHashTable   *excerpts,
              sqlite3_stmt *stmt)
{
  gint64 rid = sqlite3_column_int64 (stmt, 0);

  g_hash_table_insert (excerpts, g_memdup2 (&rid, sizeof rid),
                       g_strdup_printf ("%" G_GINT64_FORMAT "\n%s\n%s", (gint64) sqlite3_column_int64 (stmt, 1),
                                        dossier_db_column_text (stmt, 2), dossier_db_column_text (stmt, 3)));
}

/* The candidates of one query (@match), best first, each node once
 * (@seen): their ids, the node each stands for, whether they have the
 * words whole (@whole, into @exact, optional). With @excerpts, each row's
 * excerpt is read in the same pass, as "NODE\nLANG\nEXCERPT": a word's
 * first letters beyond the prefix index FTS5 keeps ("techn") are found by
 * merging every word they start, some 20 ms over a million events, done
 * once rather than again for the excerpts. */
static gboolean
rank_query (DossierStore  *self,
            const char    *match,
            gboolean       whole,
            guint          limit,
            GHashTable    *seen,
            GArray        *rows,
            GArray        *nodes,
            GArray        *exact,
            GHashTable    *excerpts,
            GError       **error)
{
  g_autoptr(DossierStmt) ranked = dossier_db_prepare (self->db,
                                                      excerpts ? SEARCH_LATEST (", c.excerpt", ", " SEARCH_EXCERPT " AS excerpt")
                                                               : SEARCH_LATEST ("", ""),
                                                      error);
  gboolean has_row;

  if (ranked == NULL || !dossier_db_bind (self->db, ranked, error, "t", match))
    return FALSE;
  while (rows->len < limit && dossier_db_step_row (self->db, ranked, &has_row, error) && has_row)
    {
      gint64 rid = sqlite3_column_int64 (ranked, 0), node_id = sqlite3_column_int64 (ranked, 1);

      if (g_hash_table_contains (seen, &node_id))
        continue;
      g_hash_table_add (seen, g_memdup2 (&node_id, sizeof node_id));
      g_array_append_val (rows, rid);
      g_array_append_val (nodes, node_id);
      if (exact != NULL)
        g_array_append_val (exact, whole);
      if (excerpts != NULL)
        keep_excerpt (excerpts, ranked);
    }
  return error == NULL || *error == NULL;
}

/* The rows that match, best first, a node once: those with the words
 * whole first, and only when there are fewer than @limit of them the
 * others (the words as prefixes), with their excerpts (@excerpts,
 * optional; those of the first are for read_excerpts()). */
static gboolean
rank (DossierStore  *self,
      const char    *terms,
      const char    *phrase,
      guint          limit,
      GArray        *rows,
      GArray        *nodes,
      GArray        *exact,
      GHashTable    *excerpts,
      GError       **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  return rank_query (self, phrase, TRUE, limit, seen, rows, nodes, exact, NULL, error) &&
         (rows->len >= limit ||
          rank_query (self, terms, FALSE, limit, seen, rows, nodes, exact, excerpts, error));
}

/**
 * dossier_store_search:
 * @text: what the user typed
 * @limit: at most this many results
 *
 * Every text of the database, in every language, and the user's notes,
 * searched without regard to case or accents ("regle" finds "règle"),
 * each word as a prefix ("Campb" finds Campbell-Smith). Ranked by
 * relevance among the latest rows that match, those with the words whole
 * first (see the top of this file).
 *
 * Returns: (transfer full): the nodes found, best first, each once; empty
 *   when nothing matched or @text has no word
 */
GListModel *
dossier_store_search (DossierStore  *self,
                      const char    *text,
                      guint          limit,
                      GError       **error)
{
  g_autofree char *terms = NULL;
  g_autofree char *phrase = NULL;
  g_autoptr(GListStore) found = g_list_store_new (DOSSIER_TYPE_NODE);
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) nodes = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_val_if_fail (DOSSIER_IS_STORE (self), NULL);

  if (!search_terms (text, &terms, &phrase))
    return G_LIST_MODEL (g_steal_pointer (&found));
  if (!rank (self, terms, phrase, limit, rows, nodes, NULL, NULL, error))
    return NULL;
  for (guint i = 0; i < nodes->len; i++)
    {
      g_autoptr(DossierNode) node = dossier_store_get_node (self, 0, g_array_index (nodes, gint64, i), NULL);

      if (node != NULL)
        g_list_store_append (found, node);
    }
  return G_LIST_MODEL (g_steal_pointer (&found));
}

/* The excerpts of the rows in @chosen (",12,40,"), read in one pass over
 * the rows that match @match from @earliest on (FTS5 reads what matches
 * once, not once a hit, and seeks to @earliest): a title with the words
 * marked, else the words in their summary. */
static gboolean
read_excerpts (DossierStore  *self,
               const char    *match,
               const char    *chosen,
               gint64         earliest,
               GHashTable    *excerpts,
               GError       **error)
{
  g_autoptr(DossierStmt) excerpt = dossier_db_prepare (self->db,
    "SELECT search.rowid, k.node_id, k.lang, " SEARCH_EXCERPT
    " FROM search JOIN search_key k ON k.id = search.rowid"
    " WHERE search MATCH ?1 AND search.rowid >= ?3 AND instr (?2, ',' || search.rowid || ',') > 0", error);
  gboolean has_row;

  if (excerpt == NULL || !dossier_db_bind (self->db, excerpt, error, "tti", match, chosen, earliest))
    return FALSE;
  while (dossier_db_step_row (self->db, excerpt, &has_row, error) && has_row)
    keep_excerpt (excerpts, excerpt);
  return error == NULL || *error == NULL;
}

/**
 * dossier_store_search_hits:
 * @text: what the user typed
 * @limit: at most this many results
 *
 * As dossier_store_search(), with for each node the language and an
 * excerpt of the text that matched best (#DossierSearchHit).
 *
 * Returns: (transfer full): the hits, best first, a node once
 */
GListModel *
dossier_store_search_hits (DossierStore  *self,
                           const char    *text,
                           guint          limit,
                           GError       **error)
{
  g_autofree char *terms = NULL;
  g_autofree char *phrase = NULL;
  g_autoptr(GListStore) hits = g_list_store_new (DOSSIER_TYPE_SEARCH_HIT);
  g_autoptr(GHashTable) excerpts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GArray) best = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) nodes = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) exact = g_array_new (FALSE, FALSE, sizeof (gboolean));
  g_autoptr(GString) chosen = g_string_new (",");
  gint64 earliest = G_MAXINT64;

  g_return_val_if_fail (DOSSIER_IS_STORE (self), NULL);

  if (!search_terms (text, &terms, &phrase))
    return G_LIST_MODEL (g_steal_pointer (&hits));
  if (!rank (self, terms, phrase, limit, best, nodes, exact, excerpts, error))
    return NULL;
  /* The excerpts of the rows with the words whole, from that query's
   * rows: they may be old, read through its few rows. */
  for (guint i = 0; i < best->len; i++)
    {
      gint64 rid = g_array_index (best, gint64, i);

      if (!g_array_index (exact, gboolean, i))
        continue;
      g_string_append_printf (chosen, "%" G_GINT64_FORMAT ",", rid);
      earliest = MIN (earliest, rid);
    }
  if (earliest < G_MAXINT64 && !read_excerpts (self, phrase, chosen->str, earliest, excerpts, error))
    return NULL;

  for (guint i = 0; i < best->len; i++)
    {
      const char *found = g_hash_table_lookup (excerpts, &g_array_index (best, gint64, i));
      g_auto(GStrv) parts = found ? g_strsplit (found, "\n", 3) : NULL;
      g_autoptr(DossierNode) node = NULL;
      g_autoptr(DossierSearchHit) hit = NULL;
      gint64 node_id;

      if (parts == NULL || g_strv_length (parts) != 3)
        continue;
      node_id = g_ascii_strtoll (parts[0], NULL, 10);
      if ((node = dossier_store_get_node (self, 0, node_id, NULL)) == NULL)
        continue;
      hit = dossier_search_hit_new (node, dossier_store_get_home_case (self, node_id),
                                    g_str_has_prefix (parts[1], "note:") ? "note" : parts[1], parts[2]);
      g_list_store_append (hits, hit);
    }

  return G_LIST_MODEL (g_steal_pointer (&hits));
}
