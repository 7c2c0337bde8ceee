/* dossier-application.h: owns the store and the windows that show it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dossier-types.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_APPLICATION (dossier_application_get_type ())

G_DECLARE_FINAL_TYPE (DossierApplication, dossier_application, DOSSIER, APPLICATION, GtkApplication)

DossierApplication *dossier_application_new       (void);
DossierStore       *dossier_application_get_store (DossierApplication *self);

G_END_DECLS
