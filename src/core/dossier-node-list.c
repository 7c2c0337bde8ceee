/* dossier-node-list.c
 *
 * A GListModel over a query, ready for a million rows: it knows how many
 * rows there are (one count), and reads them a page at a time, in order, the
 * first time a view asks for one; the page after a cached page is read by
 * key ("rows after this one") rather than by offset, so that scrolling
 * through a long list never rescans what it passed. Only a few pages are
 * kept; nodes that a view still holds keep their identity (the same object
 * comes back for the same id), so a selection survives eviction.
 *
 * The list follows the store by itself: on #DossierStore::changed it reads
 * the changed row again, updates the node in place (which notifies its
 * properties) and emits ::items-changed where rows came, went or moved.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-node-list"

#include "config.h"

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
  char             *lang;
  char             *kind;
  gint64            case_id;

  char             *count_sql;
  char             *offset_sql;
  char             *after_sql;
  char             *item_sql;
  char             *position_sql;

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

static void
clear_pages (DossierNodeList *self)
{
  g_hash_table_remove_all (self->pages);
  g_queue_clear (&self->recent);
}

static gboolean
bind_scope (DossierNodeList  *self,
            sqlite3_stmt     *stmt,
            GError          **error)
{
  static const char * const names[] = { ":lang", ":case", ":kind" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      int index = sqlite3_bind_parameter_index (stmt, names[i]);
      int rc = SQLITE_OK;

      if (index == 0)
        continue;
      if (i == 1)
        rc = sqlite3_bind_int64 (stmt, index, self->case_id);
      else
        rc = sqlite3_bind_text (stmt, index, i == 0 ? self->lang : self->kind, -1, SQLITE_STATIC);
      if (!dossier_db_check (self->db, rc, "bind", error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
bind_keys (DossierNodeList  *self,
           sqlite3_stmt     *stmt,
           sqlite3_value   **keys,
           GError          **error)
{
  for (guint i = 0; i < self->n_keys; i++)
    {
      g_autofree char *name = g_strdup_printf (":k%u", i + 1);
      int index = sqlite3_bind_parameter_index (stmt, name);

      if (!dossier_db_check (self->db, sqlite3_bind_value (stmt, index, keys[i]), "bind", error))
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

static void
adopt_page (DossierNodeList *self,
            Page            *page)
{
  for (guint i = 0; i < page->items->len; i++)
    {
      DossierNode *node = adopt (self, g_ptr_array_index (page->items, i));

      g_object_unref (g_ptr_array_index (page->items, i));
      g_ptr_array_index (page->items, i) = node;
    }
}

static Page *
load_page (DossierNodeList  *self,
           guint             index,
           GError          **error)
{
  Page *before = index > 0 ? g_hash_table_lookup (self->pages, GUINT_TO_POINTER (index - 1)) : NULL;
  gboolean by_key = before != NULL && before->last_keys != NULL;
  g_autoptr(DossierStmt) stmt = dossier_db_prepare (self->db, by_key ? self->after_sql : self->offset_sql, error);
  Page *page;
  int rc;

  if (stmt == NULL || !bind_scope (self, stmt, error) ||
      (by_key && !bind_keys (self, stmt, before->last_keys, error)) ||
      !dossier_db_check (self->db,
                         sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":limit"), PAGE_SIZE),
                         "bind", error) ||
      (!by_key &&
       !dossier_db_check (self->db,
                          sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":offset"),
                                              (gint64) index * PAGE_SIZE),
                          "bind", error)))
    return NULL;

  page = g_new0 (Page, 1);
  page->index = index;
  page->n_keys = self->n_keys;
  page->items = g_ptr_array_new_with_free_func (g_object_unref);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DossierNode *node = self->row_func (stmt, NULL);

      if (node != NULL)
        g_ptr_array_add (page->items, node);
      if (page->items->len == PAGE_SIZE)
        page->last_keys = dup_keys (self, stmt);
    }

  if (!dossier_db_check (self->db, rc, "read", error))
    {
      page_free (page);
      return NULL;
    }

  g_clear_pointer (&stmt, dossier_db_release);
  adopt_page (self, page);

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
  g_autoptr(DossierStmt) stmt = dossier_db_prepare (self->db, self->count_sql, error);
  gint64 value = 0;

  if (stmt == NULL || !bind_scope (self, stmt, error) ||
      !dossier_db_query_int (self->db, stmt, &value, error))
    return FALSE;

  *n_items = (guint) value;
  return TRUE;
}

/* Reads the row of @node_id if it belongs to the list, with its keys. */
static DossierNode *
read_item (DossierNodeList  *self,
           gint64            node_id,
           sqlite3_value  ***keys,
           GError          **error)
{
  g_autoptr(DossierStmt) stmt = dossier_db_prepare (self->db, self->item_sql, error);
  g_autoptr(DossierNode) fresh = NULL;
  int rc;

  *keys = NULL;
  if (stmt == NULL || !bind_scope (self, stmt, error) ||
      !dossier_db_check (self->db,
                         sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":id"), node_id),
                         "bind", error))
    return NULL;

  rc = sqlite3_step (stmt);
  if (!dossier_db_check (self->db, rc, "read", error) || rc != SQLITE_ROW)
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
  g_autoptr(DossierStmt) stmt = dossier_db_prepare (self->db, self->position_sql, error);
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
apply_change (DossierNodeList    *self,
              gint64              node_id,
              DossierChangeType   type,
              GError            **error)
{
  g_autoptr(DossierNode) node = NULL;
  sqlite3_value **keys = NULL;
  guint old_position = cached_position (self, node_id);
  guint new_position = NOT_FOUND;
  guint old_n = self->n_items, new_n;

  /* Reading the row again updates the node in place, if a view holds it. */
  if (type != DOSSIER_CHANGE_REMOVED && (node = read_item (self, node_id, &keys, error)) != NULL)
    new_position = position_of (self, keys, error);
  free_keys (keys, self->n_keys);

  if (!count (self, &new_n, error))
    return;

  if (old_position == new_position && old_n == new_n)
    return;

  clear_pages (self);
  self->n_items = new_n;

  if (old_n + 1 == new_n && new_position != NOT_FOUND && old_position == NOT_FOUND)
    g_list_model_items_changed (G_LIST_MODEL (self), new_position, 0, 1);
  else if (old_n == new_n + 1 && new_position == NOT_FOUND && old_position != NOT_FOUND)
    g_list_model_items_changed (G_LIST_MODEL (self), old_position, 1, 0);
  else if (old_n == new_n && old_position != NOT_FOUND && new_position != NOT_FOUND)
    {
      /* It moved (its date changed, say): the same object, elsewhere. */
      g_list_model_items_changed (G_LIST_MODEL (self), old_position, 1, 0);
      g_list_model_items_changed (G_LIST_MODEL (self), new_position, 0, 1);
    }
  else if (old_n == new_n && old_position == NOT_FOUND)
    {
      /* A row no view had read: nothing shown changed, and the pages that
       * may have been out of order are gone. */
    }
  else
    /* Rows came or went where the list had not read (or another process
     * wrote too): say that everything changed. */
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, new_n);
}

/* DossierStore::changed */
static void
on_store_changed (GObject           *store,
                  DossierNodeKind    kind,
                  gint64             node_id,
                  DossierChangeType  type,
                  gint64             case_id,
                  DossierNodeList   *self)
{
  g_autoptr(GError) error = NULL;

  if ((self->kinds & (1u << kind)) == 0 ||
      (case_id != 0 && self->case_id != 0 && case_id != self->case_id))
    return;

  apply_change (self, node_id, type, &error);
  if (error != NULL)
    g_warning ("%s", error->message);
}

static void
dossier_node_list_dispose (GObject *object)
{
  DossierNodeList *self = (DossierNodeList *)object;
  GHashTableIter iter;
  gpointer node;

  clear_pages (self);
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
  g_free (self->count_sql);
  g_free (self->offset_sql);
  g_free (self->after_sql);
  g_free (self->item_sql);
  g_free (self->position_sql);

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

static char *
key_params (guint n_keys)
{
  GString *params = g_string_new (NULL);

  for (guint i = 1; i <= n_keys; i++)
    g_string_append_printf (params, "%s:k%u", i > 1 ? ", " : "", i);
  return g_string_free (params, FALSE);
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
  g_autofree char *params = key_params (query->n_keys);
  g_autofree char *base = g_strdup_printf ("%s WHERE (%s)", query->from, query->where);

  self->store = g_object_ref (store);
  self->db = db;
  self->row_func = row_func;
  self->n_columns = query->n_columns;
  self->n_keys = query->n_keys;
  self->kinds = query->kinds;
  self->lang = g_strdup (scope->lang ? scope->lang : "en");
  self->kind = g_strdup (scope->kind ? scope->kind : "");
  self->case_id = scope->case_id;

  self->count_sql = g_strdup_printf ("SELECT count(*) %s", base);
  self->offset_sql = g_strdup_printf ("SELECT %s, %s %s ORDER BY %s LIMIT :limit OFFSET :offset",
                                      query->select, query->keys, base, query->keys);
  self->after_sql = g_strdup_printf ("SELECT %s, %s %s AND (%s) > (%s) ORDER BY %s LIMIT :limit",
                                     query->select, query->keys, base, query->keys, params, query->keys);
  self->item_sql = g_strdup_printf ("SELECT %s, %s %s AND n.id = :id",
                                    query->select, query->keys, base);
  self->position_sql = g_strdup_printf ("SELECT count(*) %s AND (%s) < (%s)", base, query->keys, params);

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
