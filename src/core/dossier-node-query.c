/* dossier-node-query.c
 *
 * What a #DossierNodeList asks SQLite, written out from a #DossierNodeQuery.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-node-query"

#include "config.h"

#include "dossier-node-query.h"

/* The keys as SQL: "a COLLATE NOCASE, b" (@prefix "p.k" names the columns
 * of the page subquery instead), "a COLLATE NOCASE AS k1, b AS k2" with
 * @as, or the parameters ":k1, :k2". */
static char *
key_list (const DossierNodeQuery *query,
          const char             *prefix,
          gboolean                as,
          gboolean                params)
{
  GString *sql = g_string_new (NULL);

  for (guint i = 0; i < query->n_keys; i++)
    {
      const DossierNodeKey *key = &query->keys[i];

      if (i > 0)
        g_string_append (sql, ", ");
      if (params)
        g_string_append_printf (sql, ":k%u", i + 1);
      else if (prefix != NULL)
        g_string_append_printf (sql, "%s%u", prefix, i + 1);
      else
        g_string_append (sql, key->expr);
      if (!params && key->collation != NULL)
        g_string_append_printf (sql, " COLLATE %s", key->collation);
      if (as)
        g_string_append_printf (sql, " AS k%u", i + 1);
    }

  return g_string_free (sql, FALSE);
}

/* The rows of @inner (ids and keys), with their node and its texts. */
static char *
page_sql (const DossierNodeQuery *query,
          const char             *outer_keys,
          const char             *inner,
          gboolean                ordered)
{
  g_autofree char *sql = g_strconcat ("SELECT ", query->select, ", ", outer_keys,
                                      " FROM (", inner, ") AS p JOIN node n ON n.id = p.page_id ",
                                      query->joins, NULL);

  return ordered ? g_strconcat (sql, " ORDER BY ", outer_keys, NULL) : g_steal_pointer (&sql);
}

/**
 * dossier_node_query_build:
 * @sql: (out caller-allocates): the statements of a list of @query
 *
 * The statements a #DossierNodeList runs: which rows belong and in what
 * order come from the query's tables alone, on their indexes; only the
 * rows of a page are joined to their node and texts.
 */
void
dossier_node_query_build (const DossierNodeQuery *query,
                          DossierNodeQuerySql    *sql)
{
  g_autofree char *keys = key_list (query, NULL, FALSE, FALSE);
  g_autofree char *keys_as = key_list (query, NULL, TRUE, FALSE);
  g_autofree char *outer_keys = key_list (query, "p.k", FALSE, FALSE);
  g_autofree char *params = key_list (query, NULL, FALSE, TRUE);
  g_autofree char *base = g_strdup_printf ("FROM %s WHERE (%s)", query->from, query->where);
  g_autofree char *rows = g_strdup_printf ("SELECT %s AS page_id, %s %s", query->id, keys_as, base);
  g_autofree char *offset_rows = g_strdup_printf ("%s ORDER BY %s LIMIT :limit OFFSET :offset", rows, keys);
  g_autofree char *after_rows = g_strdup_printf ("%s AND (%s) > (%s) ORDER BY %s LIMIT :limit",
                                                 rows, keys, params, keys);
  g_autofree char *item_rows = g_strdup_printf ("%s AND %s = :id", rows, query->id);

  sql->count = g_strdup_printf ("SELECT count(*) %s", base);
  sql->position = g_strdup_printf ("SELECT count(*) %s AND (%s) < (%s)", base, keys, params);
  sql->offset = page_sql (query, outer_keys, offset_rows, TRUE);
  sql->after = page_sql (query, outer_keys, after_rows, TRUE);
  sql->item = page_sql (query, outer_keys, item_rows, FALSE);
}


void
dossier_node_query_sql_clear (DossierNodeQuerySql *sql)
{
  g_clear_pointer (&sql->count, g_free);
  g_clear_pointer (&sql->offset, g_free);
  g_clear_pointer (&sql->after, g_free);
  g_clear_pointer (&sql->item, g_free);
  g_clear_pointer (&sql->position, g_free);
}
