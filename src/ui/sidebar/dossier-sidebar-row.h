/* dossier-sidebar-row.h: one row of the case-file sidebar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define DOSSIER_TYPE_SIDEBAR_ROW (dossier_sidebar_row_get_type ())

G_DECLARE_FINAL_TYPE (DossierSidebarRow, dossier_sidebar_row, DOSSIER, SIDEBAR_ROW, GtkWidget)

GObject *dossier_sidebar_row_get_item (DossierSidebarRow *self);
void     dossier_sidebar_row_set_item (DossierSidebarRow *self,
                                       GObject           *item);

GtkListItemFactory *dossier_sidebar_row_factory_new (void);

G_END_DECLS
