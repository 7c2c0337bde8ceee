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
  GtkTreeListModel   *tree;         /* the one listed: tree_all or tree_found */
  GtkTreeListModel   *tree_all;     /* every case file, live */
  GtkTreeListModel   *tree_found;   /* the case files the filter found */
  GListStore         *found_cases;  /* tree_found's top rows */
  GtkSingleSelection *list_selection; /* the list's: selection_all or selection_found */
  GtkSingleSelection *selection_all;
  GtkSingleSelection *selection_found;

  GtkScrolledWindow  *scroller;
  GtkListView        *list_view;
  GtkSearchEntry     *filter_entry;
  GtkWidget          *filter_note;  /* shown when not every case file is */

  /* dossier-sidebar-filter.c */
  GtkEveryFilter     *filter;     /* empty (every row) unless the user types */
  GtkCustomFilter    *title_filter;
  char               *filter_key; /* casefolded */
  char              **filter_words; /* filter_key's */
  GCancellable       *finding;    /* the case files with the words, being found */
  GSignalGroup       *found_signals; /* the store's, while case files are found */
  guint               scroll_tick;
  guint               cases_changed : 1;

  guint               syncing : 1;
};

/* dossier-sidebar-filter.c, which calls nothing in dossier-sidebar.c */
void        _dossier_sidebar_class_filter_init (DossierSidebarClass *klass);
void        _dossier_sidebar_filter_init       (DossierSidebar      *self);
void        _dossier_sidebar_filter_dispose    (DossierSidebar      *self);
void        _dossier_sidebar_filter_stop       (DossierSidebar      *self);
void        _dossier_sidebar_filter_refresh    (DossierSidebar      *self);
GListModel *_dossier_sidebar_filter_wrap       (DossierSidebar      *self,
                                                GListModel          *items);

/* dossier-sidebar-find.c, which calls nothing in dossier-sidebar.c */
GtkTreeListRow *_dossier_sidebar_find_case_row    (GtkTreeListModel   *tree,
                                                   gint64              case_id);
GtkTreeListRow *_dossier_sidebar_find_section_row (GtkTreeListRow     *case_row,
                                                   DossierSectionKind  kind);
GtkTreeListRow *_dossier_sidebar_find_node_row    (GtkTreeListRow     *section_row,
                                                   gint64              node_id);
void            _dossier_sidebar_row_to_selection (GtkTreeListRow     *row,
                                                   gint64             *case_id,
                                                   DossierSectionKind *section,
                                                   gint64             *node_id);
void            _dossier_sidebar_show_selection   (DossierSidebar     *self);
void            _dossier_sidebar_stop_scrolling   (DossierSidebar     *self);
void            _dossier_sidebar_focus_selected_row (DossierSidebar   *self);

G_END_DECLS
