/* dossier-node-list-rows.c
 *
 * How a #DossierNodeList reads its rows: counted on an index, a page at a
 * time, the page after a cached page by key, and made into nodes that keep
 * their identity while a view holds them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-node-list"

#include "config.h"

#include "dossier-node-list-private.h"
#include "dossier-node-private.h"

void
_dossier_node_list_free_keys (sqlite3_value **keys,
           guint           n_keys)
{
  for (guint i = 0; keys != NULL && i < n_keys; i++)
    sqlite3_value_free (keys[i]);
  g_free (keys);
}

void
_dossier_node_list_page_free (Page *page)
{
  g_ptr_array_unref (page->items);
  _dossier_node_list_free_keys (page->last_keys, page->n_keys);
  g_free (page);
}

/* A node a view held is gone: forget it (weak notify, before finalize). */
static void
forget_node (gpointer  data,
             GObject  *where_the_object_was)
{
  DossierNodeList *self = data;
  gint64 id = dossier_node_get_id (DOSSIER_NODE (where_the_object_was));

  if (g_hash_table_lookup (self->live, &id) == (gpointer) where_the_object_was)
    g_hash_table_remove (self->live, &id);
}

/* Forgets the pages from the one holding @position on: rows there moved. */
void
_dossier_node_list_drop_pages_from (DossierNodeList *self,
                 guint            position)
{
  guint first = position / PAGE_SIZE;

  for (GList *l = self->recent.head; l != NULL;)
    {
      GList *next = l->next;

      if (GPOINTER_TO_UINT (l->data) >= first)
        {
          g_hash_table_remove (self->pages, l->data);
          g_queue_delete_link (&self->recent, l);
        }
      l = next;
    }
}

static gboolean
bind_scope (DossierNodeList  *self,
            sqlite3_stmt     *stmt,
            GError          **error)
{
  return dossier_db_bind_named (self->db, stmt, error,
                                ":lang", 't', self->lang,
                                ":case", 'i', self->case_id,
                                ":kind", 't', self->kind,
                                NULL);
}

static gboolean
bind_keys (DossierNodeList  *self,
           sqlite3_stmt     *stmt,
           sqlite3_value   **keys,
           GError          **error)
{
  for (guint i = 0; i < self->n_keys; i++)
    {
      char name[8];

      g_snprintf (name, sizeof name, ":k%u", i + 1);
      if (!dossier_db_bind_named (self->db, stmt, error, name, 'v', keys[i], NULL))
        return FALSE;
    }

  return TRUE;
}

static sqlite3_value **
dup_keys (DossierNodeList *self,
          sqlite3_stmt    *stmt)
{
  sqlite3_value **keys = g_new0 (sqlite3_value *, self->n_keys);

  for (guint i = 0; i < self->n_keys; i++)
    keys[i] = sqlite3_value_dup (sqlite3_column_value (stmt, self->n_columns + i));
  return keys;
}

/* The node read afresh: the one views already hold if any, brought up to
 * date, else @fresh, from now on the one for its id. Called once the
 * statement is given back, since bringing a node up to date notifies its
 * properties, and their handlers may read the store again. */
static DossierNode *
adopt (DossierNodeList *self,
       DossierNode     *fresh)
{
  gint64 id = dossier_node_get_id (fresh);
  DossierNode *known = g_hash_table_lookup (self->live, &id);

  if (known != NULL)
    {
      _dossier_node_update (known, fresh);
      return g_object_ref (known);
    }

  g_hash_table_insert (self->live, g_memdup2 (&id, sizeof id), fresh);
  g_object_weak_ref (G_OBJECT (fresh), forget_node, self);
  return g_object_ref (fresh);
}

Page *
_dossier_node_list_load_page (DossierNodeList  *self,
           guint             index,
           GError          **error)
{
  Page *before = index > 0 ? g_hash_table_lookup (self->pages, GUINT_TO_POINTER (index - 1)) : NULL;
  gboolean by_key = before != NULL && before->last_keys != NULL;
  g_autoptr(DossierStmt) stmt = dossier_db_prepare (self->db, by_key ? self->sql.after : self->sql.offset, error);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_value **last_keys = NULL;
  gboolean has_row, ok;
  Page *page;

  if (stmt == NULL || !bind_scope (self, stmt, error) ||
      (by_key && !bind_keys (self, stmt, before->last_keys, error)) ||
      !dossier_db_bind_named (self->db, stmt, error,
                              ":limit", 'i', (gint64) PAGE_SIZE,
                              ":offset", 'i', (gint64) index * PAGE_SIZE,
                              NULL))
    return NULL;

  while ((ok = dossier_db_step_row (self->db, stmt, &has_row, error)) && has_row)
    {
      DossierNode *node = self->row_func (stmt, NULL);

      if (node != NULL)
        g_ptr_array_add (rows, node);
      if (rows->len == PAGE_SIZE)
        last_keys = dup_keys (self, stmt);
    }
  g_clear_pointer (&stmt, dossier_db_release);

  if (!ok)
    {
      _dossier_node_list_free_keys (last_keys, self->n_keys);
      return NULL;
    }

  page = g_new0 (Page, 1);
  page->index = index;
  page->n_keys = self->n_keys;
  page->last_keys = last_keys;
  page->items = g_ptr_array_new_full (rows->len, g_object_unref);
  for (guint i = 0; i < rows->len; i++)
    g_ptr_array_add (page->items, adopt (self, g_ptr_array_index (rows, i)));

  g_hash_table_insert (self->pages, GUINT_TO_POINTER (index), page);
  g_queue_push_head (&self->recent, GUINT_TO_POINTER (index));
  while (g_queue_get_length (&self->recent) > MAX_PAGES)
    g_hash_table_remove (self->pages, g_queue_pop_tail (&self->recent));

  return page;
}

gboolean
_dossier_node_list_count (DossierNodeList  *self,
       guint            *n_items,
       GError          **error)
{
  g_autoptr(DossierStmt) stmt = dossier_db_prepare (self->db, self->sql.count, error);
  gint64 value = 0;

  if (stmt == NULL || !bind_scope (self, stmt, error) ||
      !dossier_db_query_int (self->db, stmt, &value, error))
    return FALSE;

  *n_items = (guint) value;
  return TRUE;
}

/* Reads the row of @node_id if it belongs to the list, with its keys; a
 * node a view holds is brought up to date. */
DossierNode *
_dossier_node_list_read_item (DossierNodeList  *self,
           gint64            node_id,
           sqlite3_value  ***keys,
           GError          **error)
{
  g_autoptr(DossierStmt) stmt = dossier_db_prepare (self->db, self->sql.item, error);
  g_autoptr(DossierNode) fresh = NULL;
  gboolean has_row;

  *keys = NULL;
  if (stmt == NULL || !bind_scope (self, stmt, error) ||
      !dossier_db_bind_named (self->db, stmt, error, ":id", 'i', node_id, NULL) ||
      !dossier_db_step_row (self->db, stmt, &has_row, error) || !has_row)
    return NULL;

  *keys = dup_keys (self, stmt);
  fresh = self->row_func (stmt, NULL);
  g_clear_pointer (&stmt, dossier_db_release);

  return fresh != NULL ? adopt (self, fresh) : NULL;
}

/* Where a row with these keys stands: how many rows come before it. */
guint
_dossier_node_list_position_of (DossierNodeList  *self,
             sqlite3_value   **keys,
             GError          **error)
{
  g_autoptr(DossierStmt) stmt = dossier_db_prepare (self->db, self->sql.position, error);
  gint64 before = 0;

  if (stmt == NULL || !bind_scope (self, stmt, error) || !bind_keys (self, stmt, keys, error) ||
      !dossier_db_query_int (self->db, stmt, &before, error))
    return NOT_FOUND;

  return (guint) before;
}

guint
_dossier_node_list_cached_position (DossierNodeList *self,
                 gint64           node_id)
{
  GHashTableIter iter;
  Page *page;

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &page))
    for (guint i = 0; i < page->items->len; i++)
      if (dossier_node_get_id (g_ptr_array_index (page->items, i)) == node_id)
        return page->index * PAGE_SIZE + i;

  return NOT_FOUND;
}

/* Lets go of the nodes views still hold, which outlive the list. */
void
_dossier_node_list_forget_all (DossierNodeList *self)
{
  GHashTableIter iter;
  gpointer node;

  g_hash_table_iter_init (&iter, self->live);
  while (g_hash_table_iter_next (&iter, NULL, &node))
    g_object_weak_unref (node, forget_node, self);
  g_hash_table_remove_all (self->live);
}
