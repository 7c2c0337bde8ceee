/* dossier-sidebar-find.c: the sidebar's rows of a case file, a section and
 * a node, found by the lists' own queries rather than by reading every
 * row (a database may hold a hundred thousand case files); the row of what
 * the window shows selected. Calls nothing in dossier-sidebar.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "dossier-node.h"
#include "dossier-node-list.h"
#include "dossier-section.h"
#include "dossier-selection.h"
#include "dossier-sidebar-private.h"

/**
 * _dossier_sidebar_find_case_row:
 *
 * Returns: (transfer full) (nullable): the top-level row of @case_id
 */
GtkTreeListRow *
_dossier_sidebar_find_case_row (GtkTreeListModel *tree,
                                gint64            case_id)
{
  GListModel *cases = tree ? gtk_tree_list_model_get_model (tree) : NULL;
  guint n = cases ? g_list_model_get_n_items (cases) : 0;

  if (DOSSIER_IS_NODE_LIST (cases))
    {
      guint position = dossier_node_list_find (DOSSIER_NODE_LIST (cases), case_id);

      return position < n ? gtk_tree_list_model_get_child_row (tree, position) : NULL;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierNode) item = g_list_model_get_item (cases, i);

      if (dossier_node_get_id (item) == case_id)
        return gtk_tree_list_model_get_child_row (tree, i);
    }
  return NULL;
}

/**
 * _dossier_sidebar_find_section_row:
 *
 * Unfolds @case_row.
 *
 * Returns: (transfer full) (nullable): its row of @kind
 */
GtkTreeListRow *
_dossier_sidebar_find_section_row (GtkTreeListRow     *case_row,
                                   DossierSectionKind  kind)
{
  GListModel *children;
  guint n;

  gtk_tree_list_row_set_expanded (case_row, TRUE);
  children = gtk_tree_list_row_get_children (case_row);
  n = children ? g_list_model_get_n_items (children) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkTreeListRow) row = gtk_tree_list_row_get_child_row (case_row, i);
      g_autoptr(GObject) item = row ? gtk_tree_list_row_get_item (row) : NULL;

      if (DOSSIER_IS_SECTION (item) && dossier_section_get_kind (DOSSIER_SECTION (item)) == kind)
        return g_steal_pointer (&row);
    }

  return NULL;
}

/* The row of @node_id among the children of @section_row, found by the
 * list's own query rather than by reading every row. */
GtkTreeListRow *
_dossier_sidebar_find_node_row (GtkTreeListRow *section_row,
                                gint64          node_id)
{
  GListModel *children;
  guint position;

  gtk_tree_list_row_set_expanded (section_row, TRUE);
  children = gtk_tree_list_row_get_children (section_row);
  /* Filtered as the user types (dossier-sidebar-filter.c): the rows that
   * match, few, are looked through; unfiltered, the list's own query. */
  if (GTK_IS_FILTER_LIST_MODEL (children))
    {
      GListModel *all = gtk_filter_list_model_get_model (GTK_FILTER_LIST_MODEL (children));

      if (g_list_model_get_n_items (all) != g_list_model_get_n_items (children))
        {
          for (guint i = 0; i < g_list_model_get_n_items (children); i++)
            {
              g_autoptr(DossierNode) shown = g_list_model_get_item (children, i);

              if (dossier_node_get_id (shown) == node_id)
                return gtk_tree_list_row_get_child_row (section_row, i);
            }
          return NULL;
        }
      children = all;
    }
  if (!DOSSIER_IS_NODE_LIST (children))
    return NULL;

  position = dossier_node_list_find (DOSSIER_NODE_LIST (children), node_id);
  if (position == GTK_INVALID_LIST_POSITION)
    return NULL;

  return gtk_tree_list_row_get_child_row (section_row, position);
}

/**
 * _dossier_sidebar_row_to_selection:
 *
 * The selection a row stands for.
 */
void
_dossier_sidebar_row_to_selection (GtkTreeListRow     *row,
                                   gint64             *case_id,
                                   DossierSectionKind *section,
                                   gint64             *node_id)
{
  GObject *item = gtk_tree_list_row_get_item (row);

  *case_id = 0;
  *section = DOSSIER_SECTION_NONE;
  *node_id = 0;

  if (DOSSIER_IS_SECTION (item))
    {
      *case_id = dossier_section_get_case_id (DOSSIER_SECTION (item));
      *section = dossier_section_get_kind (DOSSIER_SECTION (item));
    }
  else if (DOSSIER_IS_NODE (item) && dossier_node_get_kind (DOSSIER_NODE (item)) == DOSSIER_NODE_CASE)
    {
      *case_id = dossier_node_get_id (DOSSIER_NODE (item));
      *section = DOSSIER_SECTION_OVERVIEW;
    }
  else if (DOSSIER_IS_NODE (item))
    {
      g_autoptr(GtkTreeListRow) parent = gtk_tree_list_row_get_parent (row);
      GObject *section_item = parent ? gtk_tree_list_row_get_item (parent) : NULL;

      if (DOSSIER_IS_SECTION (section_item))
        *case_id = dossier_section_get_case_id (DOSSIER_SECTION (section_item));
      *section = dossier_node_kind_get_section (dossier_node_get_kind (DOSSIER_NODE (item)));
      *node_id = dossier_node_get_id (DOSSIER_NODE (item));
      g_clear_object (&section_item);
    }

  g_clear_object (&item);
}

static GtkWidget *row_widget_at (DossierSidebar *self,
                                 guint           position);

/* Once the list has placed the selected row, an overview or a section:
 * GTK keeps the row that was at the list's top where it is as rows come
 * above it (a case file made with Ctrl+N, listed first), which leaves the
 * case file's own row out of view just above. Scrolled to, when the rows
 * between fit in what the list shows. */
static gboolean
reveal_case_row (GtkWidget     *list,
                 GdkFrameClock *clock,
                 gpointer       data)
{
  DossierSidebar *self = data;
  GtkTreeListRow *selected = gtk_single_selection_get_selected_item (self->list_selection);
  guint position = selected != NULL ? gtk_tree_list_row_get_position (selected) : 0;
  GtkWidget *row = selected != NULL ? row_widget_at (self, position) : NULL;
  g_autoptr(GtkTreeListRow) case_row = selected != NULL ? gtk_tree_list_row_get_parent (selected) : NULL;
  int height = row != NULL ? gtk_widget_get_height (row) : 0;
  guint case_position;

  if (row != NULL && height == 0)
    return G_SOURCE_CONTINUE;
  self->scroll_tick = 0;
  if (row == NULL || case_row == NULL)
    return G_SOURCE_REMOVE;
  case_position = gtk_tree_list_row_get_position (case_row);
  if ((int) (position - case_position + 1) * height <= gtk_widget_get_height (list))
    gtk_widget_activate_action (list, "list.scroll-to-item", "u", case_position);
  return G_SOURCE_REMOVE;
}

/**
 * _dossier_sidebar_stop_scrolling:
 *
 * Drops a scroll waiting for the list to place its rows.
 */
void
_dossier_sidebar_stop_scrolling (DossierSidebar *self)
{
  if (self->scroll_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->list_view), self->scroll_tick);
  self->scroll_tick = 0;
}

/**
 * _dossier_sidebar_show_selection:
 *
 * Selects the row of what the window shows (unfolding what is above it),
 * and scrolls to it; none when the list does not have it.
 */
void
_dossier_sidebar_show_selection (DossierSidebar *self)
{
  g_autoptr(GtkTreeListRow) current = NULL;
  g_autoptr(GtkTreeListRow) case_row = NULL;
  g_autoptr(GtkTreeListRow) section_row = NULL;
  g_autoptr(GtkTreeListRow) target = NULL;
  DossierSectionKind section;
  gint64 case_id, node_id;
  guint position;

  if (self->tree == NULL || self->selection == NULL)
    return;

  case_id = dossier_selection_get_case_id (self->selection);
  node_id = dossier_selection_get_node_id (self->selection);
  section = dossier_selection_get_section (self->selection);

  /* Already showing it: a case row and its Overview row mean the same. */
  current = gtk_single_selection_get_selected_item (self->list_selection);
  if (current != NULL)
    {
      DossierSectionKind s;
      gint64 c, n;

      g_object_ref (current);
      _dossier_sidebar_row_to_selection (current, &c, &s, &n);
      if (c == case_id && s == section && n == node_id)
        return;
    }

  /* Expanding rows below changes the list: not the user's doing. */
  self->syncing = TRUE;

  case_row = _dossier_sidebar_find_case_row (self->tree, case_id);
  /* A folded case file's own row stands for its overview: left folded. */
  if (case_row != NULL && section == DOSSIER_SECTION_OVERVIEW && node_id == 0 &&
      !gtk_tree_list_row_get_expanded (case_row))
    target = g_object_ref (case_row);
  else if (case_row != NULL)
    section_row = _dossier_sidebar_find_section_row (case_row, section);
  if (section_row != NULL && node_id != 0)
    target = _dossier_sidebar_find_node_row (section_row, node_id);
  /* A node the sidebar does not list (say, a chart's organization that
   * takes no part in this case file) still shows where it belongs. */
  if (target == NULL && section_row != NULL)
    target = g_object_ref (section_row);
  if (target == NULL && case_row != NULL)
    target = g_object_ref (case_row);

  if (target != NULL)
    {
      position = gtk_tree_list_row_get_position (target);
      gtk_single_selection_set_selected (self->list_selection, position);
      gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
      _dossier_sidebar_stop_scrolling (self);
      if (gtk_tree_list_row_get_depth (target) == 1)
        self->scroll_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->list_view), reveal_case_row, self, NULL);
    }
  else
    gtk_single_selection_set_selected (self->list_selection, GTK_INVALID_LIST_POSITION);
  self->syncing = FALSE;
}

/* The row at @position, if the list has made it (it makes those shown, a
 * few more, and the selected one): GTK 4.8 has no call that focuses a
 * list's row (4.12's gtk_list_view_scroll_to() does), so this walks the
 * list's children, each a row around the expander the factory made. */
static GtkWidget *
row_widget_at (DossierSidebar *self,
               guint           position)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list_view)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *expander = gtk_widget_get_first_child (child);
      GtkTreeListRow *row = GTK_IS_TREE_EXPANDER (expander) ? gtk_tree_expander_get_list_row (GTK_TREE_EXPANDER (expander)) : NULL;

      if (row != NULL && gtk_tree_list_row_get_position (row) == position)
        return child;
    }
  return NULL;
}

/**
 * _dossier_sidebar_focus_selected_row:
 *
 * Gives the keyboard's focus to the selected row (the list keeps a row
 * made for its selection, even one far below what it shows), else to the
 * list.
 */
void
_dossier_sidebar_focus_selected_row (DossierSidebar *self)
{
  guint position = gtk_single_selection_get_selected (self->list_selection);
  GtkWidget *row = position != GTK_INVALID_LIST_POSITION ? row_widget_at (self, position) : NULL;

  if (row == NULL || !gtk_widget_grab_focus (row))
    gtk_widget_child_focus (GTK_WIDGET (self->list_view), GTK_DIR_TAB_FORWARD);
}
