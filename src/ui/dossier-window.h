/* dossier-window.h: a window onto the application's store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dossier-types.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_WINDOW (dossier_window_get_type ())

G_DECLARE_FINAL_TYPE (DossierWindow, dossier_window, DOSSIER, WINDOW, GtkApplicationWindow)

DossierWindow    *dossier_window_new              (GtkApplication *application,
                                                   DossierStore   *store);
DossierStore     *dossier_window_get_store        (DossierWindow  *self);
DossierSelection *dossier_window_get_selection    (DossierWindow  *self);
GtkWidget        *dossier_window_get_sidebar      (DossierWindow  *self);
GtkWidget        *dossier_window_get_detail       (DossierWindow  *self);
GtkWidget        *dossier_window_get_market_panel (DossierWindow  *self);
GtkWidget        *dossier_window_get_chart        (DossierWindow  *self);
GtkWidget        *dossier_window_get_timeline     (DossierWindow  *self);
gboolean          dossier_window_print_brief_to   (DossierWindow  *self,
                                                   const char     *path,
                                                   GError        **error);
void              dossier_window_import_case_from (DossierWindow  *self,
                                                   const char     *path);
gboolean          dossier_window_export_case_to   (DossierWindow  *self,
                                                   const char     *path);
gboolean          dossier_window_is_busy          (DossierWindow  *self);
gboolean          dossier_window_import_shares_from (DossierWindow *self,
                                                     const char    *path);
gboolean          dossier_window_export_chart_to  (DossierWindow  *self,
                                                   const char     *path);

G_END_DECLS
