/* dossier-preferences-window.h: the interface language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define DOSSIER_TYPE_PREFERENCES_WINDOW (dossier_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (DossierPreferencesWindow, dossier_preferences_window, DOSSIER, PREFERENCES_WINDOW, GtkWindow)

GtkWidget *dossier_preferences_window_new (GtkWindow *parent);

G_END_DECLS
