/* dossier-focus.h: the keyboard's place kept across a view built again
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef struct _DossierFocusPlace DossierFocusPlace;

DossierFocusPlace *dossier_focus_place_save    (GtkWidget         *view);
void               dossier_focus_place_restore (DossierFocusPlace *place,
                                                GtkWidget         *view,
                                                gboolean           same_view);
void               dossier_focus_place_free    (DossierFocusPlace *place);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierFocusPlace, dossier_focus_place_free)

G_END_DECLS
