/* dossier-sidebar-filter.c
 *
 * The sidebar's filter-as-you-type entry: the items of every section keep
 * those whose title has the words typed (case and accents as typed, in
 * any order), and the sections open to show them (of the first hundred case
 * files and the one shown, with more: a note says so). An empty entry filters
 * nothing, and costs nothing: the sections' lists, which read their rows
 * from the store as they are shown, are not read whole until the user
 * types. Escape clears it; Down moves into the list.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-sidebar"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "dossier-a11y.h"
#include "dossier-node.h"
#include "dossier-section.h"
#include "dossier-selection.h"
#include "dossier-sidebar-private.h"

static void
show_note (DossierSidebar *self,
           gboolean        shown)
{
  gtk_widget_set_visible (self->filter_note, shown);
  dossier_a11y_set_shown (self->filter_note, shown);
}

static gboolean
matches (gpointer item,
         gpointer user_data)
{
  DossierSidebar *self = user_data;
  g_autofree char *title = NULL;
  g_auto(GStrv) words = NULL;

  if (self->filter_key == NULL || !DOSSIER_IS_NODE (item))
    return TRUE;

  title = g_utf8_casefold (dossier_node_get_title (item), -1);
  words = g_strsplit (self->filter_key, " ", -1);
  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0' && strstr (title, words[i]) == NULL)
      return FALSE;
  return TRUE;
}

/* Case files whose sections open as the user types: of a hundred
 * thousand, opening all would read every one (seconds, and gigabytes).
 * The note under the entry says so, and where to look through them all. */
#define FILTERED_AT_ONCE 100

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

/* The first FILTERED_AT_ONCE case files, and the one shown. */
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
  show_note (self, n > FILTERED_AT_ONCE);
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

  if (self->filter_key != NULL)
    open_sections (self);
  else
    show_note (self, FALSE);
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
  show_note (self, FALSE);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->filter_entry), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                  self->filter_note, NULL, -1);
}

void
_dossier_sidebar_filter_dispose (DossierSidebar *self)
{
  g_clear_object (&self->filter);
  g_clear_object (&self->title_filter);
  g_clear_pointer (&self->filter_key, g_free);
}

void
_dossier_sidebar_class_filter_init (DossierSidebarClass *klass)
{
  gtk_widget_class_bind_template_child (GTK_WIDGET_CLASS (klass), DossierSidebar, filter_entry);
}
