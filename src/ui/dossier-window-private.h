/* dossier-window-private.h: the window's struct, shared by the file that
 * builds the window and the one that holds its actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-detail-pane.h"
#include "dossier-market-panel.h"
#include "dossier-search-panel.h"
#include "dossier-sidebar.h"
#include "dossier-timeline-panel.h"
#include "dossier-window.h"

G_BEGIN_DECLS

/* What the window's selection points at: a step of its history. */
typedef struct
{
  gint64 case_id;
  int    section;
  gint64 node_id;
} DossierPlace;

struct _DossierWindow
{
  GtkApplicationWindow  parent_instance;

  DossierStore         *store;
  DossierSelection     *selection;
  gint64                shown_case_id;

  /* Template children */
  GtkLabel             *subtitle_label;
  DossierSidebar       *sidebar;
  DossierDetailPane    *detail;
  DossierMarketPanel   *market_panel;
  DossierTimelinePanel *timeline_panel;
  GtkStack             *view_stack;       /* the market chart or the timeline */
  GtkRevealer          *export_bar;       /* the notification of an export */
  GtkLabel             *export_label;
  GtkInfoBar           *read_only_bar;
  GtkLabel             *read_only_label;
  GtkInfoBar           *history_bar;
  GtkLabel             *history_label;
  GMenu                *history_section;
  GtkSearchBar         *search_bar;
  DossierSearchPanel   *search_panel;
  GtkWidget            *focus_before_search;

  /* dossier-window-actions.c */
  GtkWidget            *export_dialog;    /* weak */
  char                 *exported_uri;
  guint                 export_bar_timeout;
  GtkWidget            *shortcuts_window; /* weak */
  GtkMenuButton        *menu_button;
  GMenuModel           *primary_menu;

  /* dossier-window-jobs.c */
  GtkInfoBar           *job_bar;
  GtkLabel             *job_label;
  GtkProgressBar       *job_progress;
  GCancellable         *job_cancellable;  /* of the job running, if any */
  guint                 job_reveal;       /* the bar shows after a moment */
  guint                 job_pulse;        /* while no figure is known */

  /* dossier-window-exchange.c */
  GtkFileChooserNative *exchange_chooser;

  /* dossier-window-state.c */
  GSettings            *settings;
  GtkPaned             *sidebar_paned;
  GtkPaned             *chart_paned;

  /* dossier-window-navigation.c */
  GArray               *back;             /* of DossierPlace, the last nearest */
  GArray               *forward;
  DossierPlace          here;
  gboolean              navigating;
};

/* dossier-window-actions.c, which calls nothing in dossier-window.c */
void     _dossier_window_class_actions_init (DossierWindowClass *klass);
void     _dossier_window_actions_init       (DossierWindow      *self);
void     _dossier_window_actions_dispose    (DossierWindow      *self);
gboolean _dossier_window_export_chart       (DossierWindow      *self,
                                             const char         *path);
void     _dossier_window_show_exported      (DossierWindow      *self,
                                             const char         *path,
                                             const char         *message);

/* dossier-window-print.c, which calls nothing in dossier-window.c either */
void     _dossier_window_class_print_init   (DossierWindowClass *klass);

/* dossier-window-edit.c, which calls nothing in dossier-window.c either */
void     _dossier_window_class_edit_init    (DossierWindowClass *klass);
void     _dossier_window_edit_init          (DossierWindow      *self);
void     _dossier_window_edit_follow        (DossierWindow      *self);
void     _dossier_window_show_undo_bar      (DossierWindow      *self,
                                             const char         *message);
void     _dossier_window_show_error         (DossierWindow      *self,
                                             const char         *message,
                                             const GError       *error);

/* dossier-window-state.c: what is remembered between runs; calls nothing here */
void     _dossier_window_state_init              (DossierWindow      *self);
gboolean _dossier_window_state_restore_selection (DossierWindow      *self);
void     _dossier_window_state_dispose           (DossierWindow      *self);

/* dossier-window-navigation.c: back and forward; calls nothing here */
void     _dossier_window_class_navigation_init (DossierWindowClass *klass);
void     _dossier_window_navigation_init       (DossierWindow      *self);
void     _dossier_window_navigation_follow     (DossierWindow      *self);
void     _dossier_window_navigation_dispose    (DossierWindow      *self);

/* dossier-window-exchange.c: importing and exporting case files and
 * market shares; calls dossier-window-actions.c, -edit.c and -jobs.c,
 * never back */
void     _dossier_window_class_exchange_init (DossierWindowClass *klass);
void     _dossier_window_exchange_follow     (DossierWindow      *self);
void     _dossier_window_exchange_dispose    (DossierWindow      *self);
void     _dossier_window_import_case         (DossierWindow      *self,
                                              const char         *path);
gboolean _dossier_window_export_case         (DossierWindow      *self,
                                              gint64              case_id,
                                              const char         *path);
gboolean _dossier_window_import_shares       (DossierWindow      *self,
                                              const char         *path);

/* dossier-window-jobs.c: the bar of a long import or export; calls
 * nothing here */
void          _dossier_window_class_jobs_init (DossierWindowClass *klass);
void          _dossier_window_jobs_init       (DossierWindow      *self);
void          _dossier_window_jobs_dispose    (DossierWindow      *self);
GCancellable *_dossier_window_job_begin       (DossierWindow      *self,
                                               const char         *message);
void          _dossier_window_job_progress    (double              fraction,
                                               gpointer            target);
void          _dossier_window_job_end         (DossierWindow      *self);

void     _dossier_window_class_items_init   (DossierWindowClass *klass);
void     _dossier_window_items_follow       (DossierWindow      *self);

G_END_DECLS
