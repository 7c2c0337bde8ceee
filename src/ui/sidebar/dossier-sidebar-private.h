/* dossier-sidebar-private.h: the sidebar's struct, shared by the file that
 * builds the tree and the one that filters it as the user types
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-sidebar.h"

G_BEGIN_DECLS

struct _DossierSidebar
{
  GtkWidget           parent_instance;

  DossierStore       *store;
  DossierSelection   *selection;
  GSignalGroup       *selection_signals;
  GtkTreeListModel   *tree;
  GtkSingleSelection *list_selection;

  GtkScrolledWindow  *scroller;
  GtkListView        *list_view;
  GtkSearchEntry     *filter_entry;

  /* dossier-sidebar-filter.c */
  GtkEveryFilter     *filter;     /* empty (every row) unless the user types */
  GtkCustomFilter    *title_filter;
  char               *filter_key; /* casefolded */

  guint               syncing : 1;
};

/* dossier-sidebar-filter.c, which calls nothing in dossier-sidebar.c */
void        _dossier_sidebar_class_filter_init (DossierSidebarClass *klass);
void        _dossier_sidebar_filter_init       (DossierSidebar      *self);
void        _dossier_sidebar_filter_dispose    (DossierSidebar      *self);
GListModel *_dossier_sidebar_filter_wrap       (DossierSidebar      *self,
                                                GListModel          *items);

G_END_DECLS
