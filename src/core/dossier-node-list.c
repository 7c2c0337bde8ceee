/* dossier-node-list.c
 *
 * A GListModel over a query, ready for a million rows: it knows how many
 * rows there are (one count, on an index), and reads them a page at a time,
 * in order, the first time a view asks for one; the page after a cached
 * page is read by key ("rows after this one") rather than by offset, so that
 * scrolling through a long list never rescans what it passed, and only the
 * rows of a page are joined to their texts. Only a few pages are kept;
 * nodes that a view still holds keep their identity (the same object comes
 * back for the same id), so a selection survives eviction.
 *
 * The list follows the store by itself: on #DossierStore::changed it reads
 * the changed row again, updates the node in place (which notifies its
 * properties) and emits ::items-changed where rows came, went or moved;
 * where it cannot tell (a row it never read moved), it says that
 * everything changed rather than something false.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-node-list"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dossier-enums.h"
#include "dossier-node-list.h"
#include "dossier-node-private.h"

#define PAGE_SIZE 64
#define MAX_PAGES 16
#define NOT_FOUND G_MAXUINT

typedef struct
{
  guint           index;
  GPtrArray      *items;       /* DossierNode */
  sqlite3_value **last_keys;   /* the order keys of its last row */
  guint           n_keys;
} Page;

struct _DossierNodeList
{
  GObject           parent_instance;

  GObject          *store;     /* keeps @db open; its ::changed is followed */
  DossierDb        *db;
  DossierDbRowFunc  row_func;
  guint             n_columns;
  guint             n_keys;
  guint             kinds;
  guint             other_kinds;
  char             *lang;
  char             *kind;
  gint64            case_id;

  DossierNodeQuerySql sql;

  guint             n_items;
  GHashTable       *pages;     /* index → Page */
  GQueue            recent;    /* page indexes, most recent first */
  GHashTable       *live;      /* node id → DossierNode, not owned */
};

static void dossier_node_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DossierNodeList, dossier_node_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, dossier_node_list_model_init))

static void
free_keys (sqlite3_value **keys,
           guint           n_keys)
{
  for (guint i = 0; keys != NULL && i < n_keys; i++)
    sqlite3_value_free (keys[i]);
  g_free (keys);
}

static void
page_free (Page *page)
{
  g_ptr_array_unref (page->items);
  free_keys (page->last_keys, page->n_keys);
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
static void
drop_pages_from (DossierNodeList *self,
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

static Page *
load_page (DossierNodeList  *self,
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
      free_keys (last_keys, self->n_keys);
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

static GType
dossier_node_list_get_item_type (GListModel *model)
{
  return DOSSIER_TYPE_NODE;
}

static guint
dossier_node_list_get_n_items (GListModel *model)
{
  return DOSSIER_NODE_LIST (model)->n_items;
}

static gpointer
dossier_node_list_get_item (GListModel *model,
                            guint       position)
{
  DossierNodeList *self = DOSSIER_NODE_LIST (model);
  guint index = position / PAGE_SIZE;
  g_autoptr(GError) error = NULL;
  Page *page;

  if (position >= self->n_items)
    return NULL;

  page = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (index));
  if (page != NULL)
    {
      g_queue_remove (&self->recent, GUINT_TO_POINTER (index));
      g_queue_push_head (&self->recent, GUINT_TO_POINTER (index));
    }
  else if ((page = load_page (self, index, &error)) == NULL)
    {
      g_warning ("%s", error->message);
      return NULL;
    }

  /* Another process may have removed rows since the count. */
  if (position % PAGE_SIZE >= page->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (page->items, position % PAGE_SIZE));
}

static void
dossier_node_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = dossier_node_list_get_item_type;
  iface->get_n_items = dossier_node_list_get_n_items;
  iface->get_item = dossier_node_list_get_item;
}

static gboolean
count (DossierNodeList  *self,
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
static DossierNode *
read_item (DossierNodeList  *self,
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
static guint
position_of (DossierNodeList  *self,
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

static guint
cached_position (DossierNodeList *self,
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

static void
emit (DossierNodeList *self,
      guint            position,
      guint            removed,
      guint            added)
{
  drop_pages_from (self, position);
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

static void
apply_change (DossierNodeList    *self,
              gint64              node_id,
              DossierChangeType   type,
              GError            **error)
{
  g_autoptr(DossierNode) node = NULL;
  g_autoptr(GError) local_error = NULL;
  sqlite3_value **keys = NULL;
  guint old_position = cached_position (self, node_id);
  guint new_position = NOT_FOUND;
  guint old_n = self->n_items, new_n;

  /* A change that does not reorder (a text): only a node a view holds (or
   * a cached page does) needs reading again, in place. */
  if (type == DOSSIER_CHANGE_CHANGED)
    {
      if (!g_hash_table_contains (self->live, &node_id))
        return;
      node = read_item (self, node_id, &keys, &local_error);
      free_keys (keys, self->n_keys);
      keys = NULL;
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return;
        }
      if (node != NULL)
        return;
      /* No longer of this list: on to find out what went. */
    }

  /* Reading the row again updates the node in place, if a view holds it. */
  if (type != DOSSIER_CHANGE_REMOVED && (node = read_item (self, node_id, &keys, &local_error)) != NULL)
    new_position = position_of (self, keys, &local_error);
  free_keys (keys, self->n_keys);

  if (local_error != NULL || !count (self, &new_n, &local_error))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return;
    }

  self->n_items = new_n;

  if (old_n == new_n && (old_position == new_position ||
                         (old_position == NOT_FOUND && type == DOSSIER_CHANGE_CHANGED) ||
                         (new_position == NOT_FOUND && old_position == NOT_FOUND)))
    /* In place, or not a row of this list, or a row an earlier change of
     * the same commit already counted. */
    return;

  if (old_n + 1 == new_n && old_position == NOT_FOUND && new_position != NOT_FOUND)
    emit (self, new_position, 0, 1);
  else if (old_n == new_n + 1 && old_position != NOT_FOUND && new_position == NOT_FOUND)
    emit (self, old_position, 1, 0);
  else if (old_n == new_n && old_position != NOT_FOUND && new_position != NOT_FOUND)
    {
      /* It moved (its date changed, say): the rows between shift by one. */
      guint first = MIN (old_position, new_position);
      guint span = MAX (old_position, new_position) - first + 1;

      emit (self, first, span, span);
    }
  else
    /* Rows came, went or moved where the list had not read, or several
     * changes of one commit: say that everything changed. */
    emit (self, 0, old_n, new_n);
}

/* A change to what rows show of something else (a court renamed): read
 * again the rows views hold. */
static void
refresh_held (DossierNodeList  *self,
              GError          **error)
{
  g_autoptr(GList) held = g_hash_table_get_keys (self->live);

  for (const GList *l = held; l != NULL && (error == NULL || *error == NULL); l = l->next)
    {
      g_autoptr(DossierNode) node = NULL;
      sqlite3_value **keys = NULL;

      node = read_item (self, *(gint64 *) l->data, &keys, error);
      free_keys (keys, self->n_keys);
    }
}

/* DossierStore::changed */
static void
on_store_changed (GObject           *store,
                  DossierObjectKind  kind,
                  gint64             node_id,
                  DossierChangeType  type,
                  gint64             case_id,
                  DossierNodeList   *self)
{
  g_autoptr(GError) error = NULL;

  if (case_id != 0 && self->case_id != 0 && case_id != self->case_id)
    return;

  if ((self->kinds & (1u << kind)) != 0)
    apply_change (self, node_id, type, &error);
  else if ((self->other_kinds & (1u << kind)) != 0)
    refresh_held (self, &error);

  if (error != NULL)
    g_warning ("%s", error->message);
}

static void
dossier_node_list_dispose (GObject *object)
{
  DossierNodeList *self = (DossierNodeList *)object;
  GHashTableIter iter;
  gpointer node;

  g_hash_table_remove_all (self->pages);
  g_queue_clear (&self->recent);
  g_hash_table_iter_init (&iter, self->live);
  while (g_hash_table_iter_next (&iter, NULL, &node))
    g_object_weak_unref (node, forget_node, self);
  g_hash_table_remove_all (self->live);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (dossier_node_list_parent_class)->dispose (object);
}

static void
dossier_node_list_finalize (GObject *object)
{
  DossierNodeList *self = (DossierNodeList *)object;

  g_hash_table_unref (self->pages);
  g_hash_table_unref (self->live);
  g_free (self->lang);
  g_free (self->kind);
  dossier_node_query_sql_clear (&self->sql);

  G_OBJECT_CLASS (dossier_node_list_parent_class)->finalize (object);
}

static void
dossier_node_list_class_init (DossierNodeListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = dossier_node_list_dispose;
  object_class->finalize = dossier_node_list_finalize;
}

static void
dossier_node_list_init (DossierNodeList *self)
{
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) page_free);
  self->live = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_queue_init (&self->recent);
}

/**
 * dossier_node_list_new:
 * @store: the store whose ::changed signal the list follows
 * @row_func: makes a #DossierNode of a row of @query's columns
 *
 * Returns: (transfer full): the list, its rows counted, or %NULL with
 *   @error set
 */
DossierNodeList *
dossier_node_list_new (GObject                *store,
                       DossierDb              *db,
                       const DossierNodeQuery *query,
                       const DossierNodeScope *scope,
                       DossierDbRowFunc        row_func,
                       GError                **error)
{
  g_autoptr(DossierNodeList) self = g_object_new (DOSSIER_TYPE_NODE_LIST, NULL);

  g_return_val_if_fail (query->n_keys > 0 && query->n_keys <= G_N_ELEMENTS (query->keys), NULL);

  self->store = g_object_ref (store);
  self->db = db;
  self->row_func = row_func;
  self->n_columns = query->n_columns;
  self->n_keys = query->n_keys;
  self->kinds = query->kinds;
  self->other_kinds = query->other_kinds;
  self->lang = g_strdup (scope->lang ? scope->lang : "en");
  self->kind = g_strdup (scope->kind ? scope->kind : "");
  self->case_id = scope->case_id;
  dossier_node_query_build (query, &self->sql);

  if (!count (self, &self->n_items, error))
    return NULL;

  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed), self, 0);
  return g_steal_pointer (&self);
}

/**
 * dossier_node_list_find:
 *
 * Returns: the position of @node_id in the list, or %G_MAXUINT
 *   (GTK_INVALID_LIST_POSITION) if it is not in it
 */
guint
dossier_node_list_find (DossierNodeList *self,
                        gint64           node_id)
{
  g_autoptr(DossierNode) node = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3_value **keys = NULL;
  guint position;

  g_return_val_if_fail (DOSSIER_IS_NODE_LIST (self), NOT_FOUND);

  if ((position = cached_position (self, node_id)) != NOT_FOUND)
    return position;

  if ((node = read_item (self, node_id, &keys, &error)) != NULL)
    position = position_of (self, keys, &error);
  free_keys (keys, self->n_keys);

  if (error != NULL)
    g_warning ("%s", error->message);
  return position < self->n_items ? position : NOT_FOUND;
}
