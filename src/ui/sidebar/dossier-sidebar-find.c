/* dossier-sidebar-find.c: the sidebar's rows of a case file, a section and
 * a node, found by the lists' own queries rather than by reading every
 * row (a database may hold a hundred thousand case files). Calls nothing
 * in dossier-sidebar.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "dossier-node.h"
#include "dossier-node-list.h"
#include "dossier-section.h"
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
