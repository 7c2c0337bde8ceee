/* dossier-node-query.h: what a list of nodes shows, as parts of SQL
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One expression of a list's order, with its collation if not BINARY. */
typedef struct
{
  const char *expr;
  const char *collation;
} DossierNodeKey;

/* What a list shows, as parts of SQL. Which rows belong, and their order,
 * come from @from and @where alone, so that counting and paging use their
 * indexes; the node `n` and its texts are joined to the rows of a page only.
 * Parameters :lang, :case and :kind are bound from the #DossierNodeScope. */
typedef struct
{
  const char     *from;        /* the tables that say what belongs */
  const char     *where;
  const char     *id;          /* the node's id among them: "e.node_id" */
  DossierNodeKey  keys[4];     /* the order, unique together, never NULL */
  guint           n_keys;
  const char     *select;      /* the columns @row_func reads, from 0, of `n` */
  const char     *joins;       /* what @select needs besides `n` */
  guint           n_columns;
  guint           kinds;       /* 1 << DossierObjectKind of the changes of its rows */
  guint           other_kinds; /* of changes to what its rows show of others
                                * (a case file's court): held rows are read again */
} DossierNodeQuery;

/* The statements of a list: count, a page by offset, the page after a
 * row's keys, one row by id, the position of a row's keys. */
typedef struct
{
  char *count;
  char *offset;
  char *after;
  char *item;
  char *position;
} DossierNodeQuerySql;

void dossier_node_query_build     (const DossierNodeQuery *query,
                                   DossierNodeQuerySql    *sql);
void dossier_node_query_sql_clear (DossierNodeQuerySql    *sql);

G_END_DECLS
