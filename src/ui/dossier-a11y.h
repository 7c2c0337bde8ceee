/* dossier-a11y.h: GTK 4.8's accessibility gaps, worked around in one place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void dossier_a11y_fix_drop_down     (GtkDropDown *drop_down,
                                     const char  *name);
void dossier_a11y_set_drop_down_placeholder (GtkDropDown *drop_down,
                                             const char  *text);
void dossier_a11y_name_close_button (GtkWidget   *widget,
                                     const char  *name);
void dossier_a11y_set_shown         (GtkWidget   *widget,
                                     gboolean     shown);
char *dossier_a11y_strip_mnemonic    (const char  *label);
void dossier_a11y_name_mnemonic_button (GtkWidget  *button);
void dossier_a11y_name_mnemonic_buttons (GtkWidget *widget);
void dossier_a11y_name_list_row     (GtkWidget   *row_child,
                                     const char  *name);

G_END_DECLS
