/* dossier-sidebar-filter.c
 *
 * The sidebar's filter-as-you-type entry: the items of every section keep
 * those whose title has the words typed (case and accents as typed, in
 * any order), and the sections open to show them. With more than a hundred
 * case files, only those whose title has the words are listed, the first
 * hundred (found by the store on a worker thread: every title is read), in
 * a tree of their own, with the one shown, open; a note says so. An empty
 * entry filters
 * nothing, and costs nothing: the sections' lists, which read their rows
 * from the store as they are shown, are not read whole until the user
 * types. Escape clears it; Down moves into the list.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-sidebar"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-a11y.h"
#include "dossier-format.h"
#include "dossier-node.h"
#include "dossier-section.h"
#include "dossier-selection.h"
#include "dossier-sidebar-private.h"
#include "dossier-store.h"

static void
show_note (DossierSidebar *self,
           const char     *text)
{
  if (text != NULL)
    gtk_label_set_label (GTK_LABEL (self->filter_note), text);
  gtk_widget_set_visible (self->filter_note, text != NULL);
  dossier_a11y_set_shown (self->filter_note, text != NULL);
}

static gboolean
matches (gpointer item,
         gpointer user_data)
{
  DossierSidebar *self = user_data;

  if (self->filter_words == NULL || !DOSSIER_IS_NODE (item))
    return TRUE;
  return dossier_title_has_words (dossier_node_get_title (item), (const char * const *) self->filter_words);
}

/* Case files whose sections open as the user types: of a hundred
 * thousand, opening all would read every one (seconds, and gigabytes).
 * The note under the entry says so, and where to look through them all. */
#define FILTERED_AT_ONCE 100

/* A case file's row and those of its six sections. */
#define CASE_ROWS 7

/* A case file's sections open, so that what matches shows: through the
 * case file's row and its sections' only, never the items (which a lazy
 * list would read). A case file the user folded opens too. */
static void
open_case (GtkTreeListRow *case_row)
{
  GListModel *sections;

  if (case_row == NULL)
    return;
  gtk_tree_list_row_set_expanded (case_row, TRUE);
  sections = gtk_tree_list_row_get_children (case_row);
  for (guint k = 0; sections != NULL && k < g_list_model_get_n_items (sections); k++)
    {
      g_autoptr(GtkTreeListRow) row = gtk_tree_list_row_get_child_row (case_row, k);

      if (row != NULL && gtk_tree_list_row_is_expandable (row))
        gtk_tree_list_row_set_expanded (row, TRUE);
    }
}

/* The first FILTERED_AT_ONCE case files listed, and the one shown. */
static void
open_sections (DossierSidebar *self)
{
  guint n = self->tree ? g_list_model_get_n_items (gtk_tree_list_model_get_model (self->tree)) : 0;
  gint64 shown = self->selection ? dossier_selection_get_case_id (self->selection) : 0;

  for (guint i = 0; i < MIN (n, FILTERED_AT_ONCE); i++)
    {
      g_autoptr(GtkTreeListRow) case_row = gtk_tree_list_model_get_child_row (self->tree, i);

      open_case (case_row);
    }
  if (n > FILTERED_AT_ONCE && shown != 0)
    {
      g_autoptr(GtkTreeListRow) case_row = _dossier_sidebar_find_case_row (self->tree, shown);

      open_case (case_row);
    }
}

static guint
n_case_files (DossierSidebar *self)
{
  return self->tree_all ? g_list_model_get_n_items (gtk_tree_list_model_get_model (self->tree_all)) : 0;
}

/* Once the list has placed its first row: GTK scrolls a list of new rows
 * to the one selected, at the top, which hides the case file's own row
 * above its overview or its sections. */
static gboolean
scroll_to_top (GtkWidget     *list,
               GdkFrameClock *clock,
               gpointer       data)
{
  DossierSidebar *self = data;
  GtkWidget *first = gtk_widget_get_first_child (list);

  if (first != NULL && gtk_widget_get_height (first) == 0)
    return G_SOURCE_CONTINUE;
  gtk_widget_activate_action (list, "list.scroll-to-item", "u", 0);
  self->scroll_tick = 0;
  return G_SOURCE_REMOVE;
}

/* The row of what the window shows selected again, in view. */
static void
show_selection (DossierSidebar *self)
{
  _dossier_sidebar_show_selection (self);
  _dossier_sidebar_stop_scrolling (self);
  if (gtk_single_selection_get_selected (self->list_selection) < CASE_ROWS)
    self->scroll_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->list_view), scroll_to_top, self, NULL);
}

/* Lists the case files found, or every one, and selects the row of what
 * the window shows again: the rows go and come, which is not the user
 * choosing another. Each tree has its own selection model, so that the
 * list makes only the rows it shows anew (a hundred thousand case files
 * flattened in again took 0.18 s). */
static void
list_tree (DossierSidebar *self,
           gboolean        found)
{
  GtkSingleSelection *selection = found ? self->selection_found : self->selection_all;
  GtkTreeListModel *tree = found ? self->tree_found : self->tree_all;

  if (selection == NULL || self->list_selection == selection)
    return;
  self->syncing = TRUE;
  g_set_object (&self->tree, tree);
  g_set_object (&self->list_selection, selection);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  self->syncing = FALSE;
  show_selection (self);
}

/* Whether @model holds the case files of @nodes, in that order, with the
 * same titles. */
static gboolean
same_nodes (GListModel *model,
            GPtrArray  *nodes)
{
  if (g_list_model_get_n_items (model) != nodes->len)
    return FALSE;
  for (guint i = 0; i < nodes->len; i++)
    {
      g_autoptr(DossierNode) node = g_list_model_get_item (model, i);
      DossierNode *other = g_ptr_array_index (nodes, i);

      /* A case file renamed is made again. */
      if (dossier_node_get_id (node) != dossier_node_get_id (other) ||
          g_strcmp0 (dossier_node_get_title (node), dossier_node_get_title (other)) != 0)
        return FALSE;
    }
  return TRUE;
}

static void find_cases (DossierSidebar *self);

static void
on_found (GObject      *source,
          GAsyncResult *result,
          gpointer      data)
{
  g_autoptr(DossierSidebar) self = data;
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autofree char *count = NULL;
  g_autofree char *note = NULL;
  gint64 shown;
  gboolean has_shown = FALSE, had_focus = FALSE;
  guint n_found = 0;

  ids = dossier_store_find_case_files_finish (DOSSIER_STORE (source), result, &n_found, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->finding);
  if (self->filter_key == NULL || self->store != DOSSIER_STORE (source))
    return;
  if (ids == NULL)
    {
      show_note (self, error->message);
      return;
    }

  /* The one shown stays, first if its title has not the words. */
  shown = self->selection ? dossier_selection_get_case_id (self->selection) : 0;
  for (guint i = 0; i < ids->len; i++)
    has_shown |= g_array_index (ids, gint64, i) == shown;
  if (!has_shown && shown != 0)
    g_array_prepend_val (ids, shown);
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autoptr(DossierNode) node = dossier_store_get_node (self->store, id, id, NULL);

      if (node != NULL)
        g_ptr_array_add (found, g_steal_pointer (&node));
    }
  /* Their titles have the words: folded, they are what was looked for. The
   * one shown opens, its items filtered. The same case files as before
   * stay as the user left them. Rows going and coming, with the one
   * selected among them, are not the user choosing another. */
  self->syncing = TRUE;
  if (!same_nodes (G_LIST_MODEL (self->found_cases), found))
    {
      gboolean listed = self->tree == self->tree_found;
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self->list_view));
      GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
      g_autoptr(GtkTreeListRow) shown_row = NULL;

      /* The keyboard on a row (an import or a rename brought new rows):
       * back on the one selected once they are made. */
      had_focus = listed && focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->list_view));

      /* Out of the list meanwhile: a row it kept, with the keyboard's focus
       * on it, would be given another case file and selected with it. */
      if (listed)
        gtk_list_view_set_model (self->list_view, NULL);
      g_list_store_splice (self->found_cases, 0, g_list_model_get_n_items (G_LIST_MODEL (self->found_cases)),
                           found->pdata, found->len);
      if (listed)
        gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->list_selection));
      shown_row = _dossier_sidebar_find_case_row (self->tree_found, shown);
      open_case (shown_row);
    }
  self->syncing = FALSE;
  if (self->tree == self->tree_found)
    show_selection (self);
  else
    list_tree (self, TRUE);
  if (had_focus)
    _dossier_sidebar_focus_selected_row (self);

  count = dossier_format_count (n_found);
  if (n_found > FILTERED_AT_ONCE)
    /* Translators: under the sidebar's filter; %s is a number, its thousands grouped */
    note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%s case file has these words in its title; the first 100 are listed, "
                                         "with the one shown. Search (Ctrl+F) looks through everything.",
                                         "%s case files have these words in their title; the first 100 are listed, "
                                         "with the one shown. Search (Ctrl+F) looks through everything.", n_found),
                            count);
  else
    note = g_strdup (_("Only the case files whose title has these words are listed, with the one shown. "
                       "Search (Ctrl+F) looks through everything."));
  show_note (self, note);
}

/* A case file came, went or was renamed: found again once the store's
 * change is whole (an import of many is looked for once). */
static void
on_store_changed (DossierSidebar    *self,
                  DossierObjectKind  kind)
{
  if (kind == DOSSIER_OBJECT_CASE)
    self->cases_changed = TRUE;
}

static void apply_words (DossierSidebar *self);

static void
on_store_committed (DossierSidebar *self)
{
  gboolean changed = self->cases_changed;

  self->cases_changed = FALSE;
  /* Fewer than a hundred left, the items are filtered in place again. */
  if (changed && self->filter_key != NULL)
    apply_words (self);
}

/* Another case file shown, from a link or a search, and not among those
 * listed: looked for again, so that it is listed with them. */
static void
on_shown_changed (DossierSidebar *self)
{
  g_autoptr(GtkTreeListRow) row = NULL;

  if (self->tree != self->tree_found || self->filter_key == NULL || self->selection == NULL)
    return;
  row = _dossier_sidebar_find_case_row (self->tree_found, dossier_selection_get_case_id (self->selection));
  if (row == NULL)
    find_cases (self);
}

/* The case files whose title has the words, looked for anew. */
static void
find_cases (DossierSidebar *self)
{
  g_autofree char *count = dossier_format_count (n_case_files (self));
  g_autofree char *note = NULL;

  if (self->finding != NULL)
    g_cancellable_cancel (self->finding);
  g_clear_object (&self->finding);
  if (self->store == NULL)
    return;

  g_signal_group_set_target (self->found_signals, self->store);
  self->finding = g_cancellable_new ();
  dossier_store_find_case_files_async (self->store, self->filter_key, FILTERED_AT_ONCE, self->finding,
                                       on_found, g_object_ref (self));
  /* Translators: under the sidebar's filter, while titles are read; %s is a number, its thousands grouped */
  note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Looking through the title of %s case file…",
                                       "Looking through the titles of %s case files…", n_case_files (self)),
                          count);
  show_note (self, note);
}

/**
 * _dossier_sidebar_filter_stop:
 *
 * Nothing looked for any more: as the sidebar is given another store or
 * let go of.
 */
void
_dossier_sidebar_filter_stop (DossierSidebar *self)
{
  if (self->finding != NULL)
    g_cancellable_cancel (self->finding);
  g_clear_object (&self->finding);
  if (self->found_signals != NULL)
    g_signal_group_set_target (self->found_signals, NULL);
  self->cases_changed = FALSE;
  _dossier_sidebar_stop_scrolling (self);
}

/* Every case file listed again, as the filter is emptied. */
static void
list_all (DossierSidebar *self)
{
  _dossier_sidebar_filter_stop (self);
  list_tree (self, FALSE);
  /* What the case files found hold is let go of. */
  if (self->found_cases != NULL)
    g_list_store_remove_all (self->found_cases);
}

/* The words typed looked for, in the case files' titles or in what they
 * hold. */
static void
apply_words (DossierSidebar *self)
{
  if (self->filter_key != NULL && n_case_files (self) > FILTERED_AT_ONCE)
    {
      find_cases (self);
      return;
    }
  list_all (self);
  if (self->filter_key != NULL)
    open_sections (self);
  show_note (self, NULL);
}

/**
 * _dossier_sidebar_filter_refresh:
 *
 * The words in the entry, if any, looked for again: in a new store.
 */
void
_dossier_sidebar_filter_refresh (DossierSidebar *self)
{
  if (self->filter_key != NULL)
    apply_words (self);
}

static void
on_search_changed (GtkSearchEntry *entry,
                   DossierSidebar *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  g_autofree char *old_key = g_steal_pointer (&self->filter_key);

  if (*stripped != '\0')
    self->filter_key = g_utf8_casefold (stripped, -1);
  g_clear_pointer (&self->filter_words, g_strfreev);
  if (self->filter_key != NULL)
    self->filter_words = g_strsplit (self->filter_key, " ", -1);

  if (self->filter_key != NULL && old_key == NULL)
    gtk_multi_filter_append (GTK_MULTI_FILTER (self->filter), g_object_ref (GTK_FILTER (self->title_filter)));
  else if (self->filter_key == NULL && old_key != NULL)
    gtk_multi_filter_remove (GTK_MULTI_FILTER (self->filter), 0);
  else if (self->filter_key != NULL)
    /* Every word must be in a title: a letter or a word typed after the
     * others can only keep fewer, and only those kept are looked at again
     * (a section of a million events is not read whole at each key). */
    gtk_filter_changed (GTK_FILTER (self->title_filter),
                        g_str_has_prefix (self->filter_key, old_key) ? GTK_FILTER_CHANGE_MORE_STRICT :
                        g_str_has_prefix (old_key, self->filter_key) ? GTK_FILTER_CHANGE_LESS_STRICT :
                                                                       GTK_FILTER_CHANGE_DIFFERENT);

  apply_words (self);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->filter_entry), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                  self->filter_note, NULL, -1);
}

static void
on_stop_search (GtkSearchEntry *entry,
                DossierSidebar *self)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

/* Down from the entry: into the list, on its first row. */
static gboolean
on_entry_key (GtkEventControllerKey *keys,
              guint                  keyval,
              guint                  keycode,
              GdkModifierType        state,
              DossierSidebar        *self)
{
  if (keyval != GDK_KEY_Down)
    return GDK_EVENT_PROPAGATE;
  return gtk_widget_child_focus (GTK_WIDGET (self->list_view), GTK_DIR_TAB_FORWARD)
         ? GDK_EVENT_STOP : GDK_EVENT_PROPAGATE;
}

/* The window's first focus is the selected row, as before the entry was
 * there to take it: the keyboard starts in the list, Tab then leads to the
 * page; Shift+Tab reaches the entry. */
static gboolean
focus_list (gpointer data)
{
  DossierSidebar *self = data;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  if (focus == NULL || focus == GTK_WIDGET (self->filter_entry) ||
      gtk_widget_is_ancestor (focus, GTK_WIDGET (self->filter_entry)))
    gtk_widget_child_focus (GTK_WIDGET (self->list_view), GTK_DIR_TAB_FORWARD);
  return G_SOURCE_REMOVE;
}

static void
on_map (DossierSidebar *self)
{
  g_signal_handlers_disconnect_by_func (self, on_map, NULL);
  g_idle_add_full (G_PRIORITY_HIGH_IDLE, focus_list, g_object_ref (self), g_object_unref);
}

/**
 * _dossier_sidebar_filter_wrap:
 * @items: (transfer full): a section's items
 *
 * Returns: (transfer full): @items as the filter lets them through
 */
GListModel *
_dossier_sidebar_filter_wrap (DossierSidebar *self,
                              GListModel     *items)
{
  GtkFilterListModel *filtered = gtk_filter_list_model_new (items, NULL);

  /* A section of many thousands filters in steps, in idle time, not in one
   * go: incremental before the filter is set, since a model made with its
   * filter filters every item at once (a section of a million events
   * froze the window for 80 s when the filter opened it as the user typed). */
  gtk_filter_list_model_set_incremental (filtered, TRUE);
  gtk_filter_list_model_set_filter (filtered, GTK_FILTER (self->filter));
  return G_LIST_MODEL (filtered);
}

void
_dossier_sidebar_filter_init (DossierSidebar *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  /* No filter in it: every row, and the lists are passed through. */
  self->filter = gtk_every_filter_new ();
  self->title_filter = gtk_custom_filter_new (matches, self, NULL);

  g_signal_connect (self->filter_entry, "search-changed", G_CALLBACK (on_search_changed), self);
  g_signal_connect (self->filter_entry, "stop-search", G_CALLBACK (on_stop_search), self);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_entry_key), self);
  gtk_widget_add_controller (GTK_WIDGET (self->filter_entry), keys);
  gtk_search_entry_set_key_capture_widget (self->filter_entry, NULL);
  g_signal_connect (self, "map", G_CALLBACK (on_map), NULL);
  self->found_signals = g_signal_group_new (DOSSIER_TYPE_STORE);
  g_signal_group_connect_object (self->found_signals, "changed", G_CALLBACK (on_store_changed), self,
                                 G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->found_signals, "committed", G_CALLBACK (on_store_committed), self,
                                 G_CONNECT_SWAPPED);
  /* After the sidebar's own handler, which selects the row shown. */
  g_signal_group_connect_object (self->selection_signals, "changed", G_CALLBACK (on_shown_changed), self,
                                 G_CONNECT_SWAPPED);
  show_note (self, NULL);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->filter_entry), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                  self->filter_note, NULL, -1);
}

void
_dossier_sidebar_filter_dispose (DossierSidebar *self)
{
  _dossier_sidebar_filter_stop (self);
  g_clear_object (&self->found_signals);
  g_clear_object (&self->filter);
  g_clear_object (&self->title_filter);
  g_clear_pointer (&self->filter_key, g_free);
  g_clear_pointer (&self->filter_words, g_strfreev);
}

void
_dossier_sidebar_class_filter_init (DossierSidebarClass *klass)
{
  gtk_widget_class_bind_template_child (GTK_WIDGET_CLASS (klass), DossierSidebar, filter_entry);
}
