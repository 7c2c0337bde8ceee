/* dossier-sidebar.h: the case files, their sections and their items
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dossier-types.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_SIDEBAR (dossier_sidebar_get_type ())

G_DECLARE_FINAL_TYPE (DossierSidebar, dossier_sidebar, DOSSIER, SIDEBAR, GtkWidget)

DossierStore     *dossier_sidebar_get_store     (DossierSidebar   *self);
void              dossier_sidebar_set_store     (DossierSidebar   *self,
                                                 DossierStore     *store);
DossierSelection *dossier_sidebar_get_selection (DossierSidebar   *self);
void              dossier_sidebar_set_selection (DossierSidebar   *self,
                                                 DossierSelection *selection);
GtkListView      *dossier_sidebar_get_list_view (DossierSidebar   *self);
GObject          *dossier_sidebar_get_selected_item (DossierSidebar *self);
void              dossier_sidebar_focus_selected (DossierSidebar   *self);

G_END_DECLS
