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
 * Reading is dossier-node-list-rows.c's part. The list follows the store
 * by itself: on #DossierStore::changed it reads
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
#include "dossier-node-list-private.h"
#include "dossier-node-private.h"

static void dossier_node_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DossierNodeList, dossier_node_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, dossier_node_list_model_init))










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
  else if ((page = _dossier_node_list_load_page (self, index, &error)) == NULL)
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





static void
emit (DossierNodeList *self,
      guint            position,
      guint            removed,
      guint            added)
{
  _dossier_node_list_drop_pages_from (self, position);
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
  guint old_position = _dossier_node_list_cached_position (self, node_id);
  guint new_position = NOT_FOUND;
  guint old_n = self->n_items, new_n;

  /* Reading the row again updates the node in place, if a view holds it. */
  if (type != DOSSIER_CHANGE_REMOVED && (node = _dossier_node_list_read_item (self, node_id, &keys, &local_error)) != NULL)
    new_position = _dossier_node_list_position_of (self, keys, &local_error);
  _dossier_node_list_free_keys (keys, self->n_keys);

  if (local_error != NULL || !_dossier_node_list_count (self, &new_n, &local_error))
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

/* A change that does not reorder (a text): only a node a view holds (or a
 * cached page does, which is the same) is read again, in place.
 *
 * Returns: %FALSE if the row is no longer of this list */
static gboolean
apply_text_change (DossierNodeList  *self,
                   gint64            node_id,
                   GError          **error)
{
  g_autoptr(DossierNode) node = NULL;
  sqlite3_value **keys = NULL;

  if (!g_hash_table_contains (self->live, &node_id))
    return TRUE;

  node = _dossier_node_list_read_item (self, node_id, &keys, error);
  _dossier_node_list_free_keys (keys, self->n_keys);
  return node != NULL || (error != NULL && *error != NULL);
}

/* A change to what rows show of something else (a court renamed): read
 * again the rows views hold. The ids are copied first: bringing a node up
 * to date may let a view drop it, and the table its key. */
static void
refresh_held (DossierNodeList  *self,
              GError          **error)
{
  g_autoptr(GArray) held = g_array_new (FALSE, FALSE, sizeof (gint64));
  GHashTableIter iter;
  gint64 *id;

  g_hash_table_iter_init (&iter, self->live);
  while (g_hash_table_iter_next (&iter, (gpointer *) &id, NULL))
    g_array_append_val (held, *id);

  for (guint i = 0; i < held->len && (error == NULL || *error == NULL); i++)
    {
      g_autoptr(DossierNode) node = NULL;
      sqlite3_value **keys = NULL;

      node = _dossier_node_list_read_item (self, g_array_index (held, gint64, i), &keys, error);
      _dossier_node_list_free_keys (keys, self->n_keys);
    }
}

/* DossierStore::changed: kept until the whole commit is known. */
static void
on_store_changed (GObject           *store,
                  DossierObjectKind  kind,
                  gint64             node_id,
                  DossierChangeType  type,
                  gint64             case_id,
                  DossierNodeList   *self)
{
  Pending change = { node_id, type };

  if (case_id != 0 && self->case_id != 0 && case_id != self->case_id)
    return;

  if ((self->kinds & (1u << kind)) != 0)
    g_array_append_val (self->pending, change);
  else if ((self->other_kinds & (1u << kind)) != 0)
    self->refresh_pending = TRUE;
}

/* DossierStore::committed: texts are updated in place; one row that came,
 * went or moved is told exactly; several at once (whose old places the
 * list could not tell apart any more) are told as a change of everything. */
static void
on_store_committed (GObject         *store,
                    DossierNodeList *self)
{
  g_autoptr(GArray) changes = g_steal_pointer (&self->pending);
  g_autoptr(GError) error = NULL;
  Pending *moving = NULL;
  guint n_moving = 0;

  self->pending = g_array_new (FALSE, FALSE, sizeof (Pending));

  for (guint i = 0; i < changes->len && error == NULL; i++)
    {
      Pending *change = &g_array_index (changes, Pending, i);

      if (change->type != DOSSIER_CHANGE_CHANGED || !apply_text_change (self, change->id, &error))
        {
          moving = change;
          n_moving++;
        }
    }

  if (error == NULL && n_moving == 1)
    apply_change (self, moving->id, moving->type, &error);
  else if (error == NULL && n_moving > 1)
    {
      guint old_n = self->n_items;

      if (_dossier_node_list_count (self, &self->n_items, &error))
        emit (self, 0, old_n, self->n_items);
    }

  if (error == NULL && self->refresh_pending)
    refresh_held (self, &error);
  self->refresh_pending = FALSE;

  if (error != NULL)
    g_warning ("%s", error->message);
}

static void
dossier_node_list_dispose (GObject *object)
{
  DossierNodeList *self = (DossierNodeList *)object;

  g_hash_table_remove_all (self->pages);
  g_queue_clear (&self->recent);
  _dossier_node_list_forget_all (self);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (dossier_node_list_parent_class)->dispose (object);
}

static void
dossier_node_list_finalize (GObject *object)
{
  DossierNodeList *self = (DossierNodeList *)object;

  g_hash_table_unref (self->pages);
  g_hash_table_unref (self->live);
  g_array_unref (self->pending);
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
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) _dossier_node_list_page_free);
  self->live = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->pending = g_array_new (FALSE, FALSE, sizeof (Pending));
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

  if (!_dossier_node_list_count (self, &self->n_items, error))
    return NULL;

  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed), self, 0);
  g_signal_connect_object (store, "committed", G_CALLBACK (on_store_committed), self, 0);
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

  if ((position = _dossier_node_list_cached_position (self, node_id)) != NOT_FOUND)
    return position;

  if ((node = _dossier_node_list_read_item (self, node_id, &keys, &error)) != NULL)
    position = _dossier_node_list_position_of (self, keys, &error);
  _dossier_node_list_free_keys (keys, self->n_keys);

  if (error != NULL)
    g_warning ("%s", error->message);
  return position < self->n_items ? position : NOT_FOUND;
}
