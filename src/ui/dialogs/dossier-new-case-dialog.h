/* dossier-new-case-dialog.h: asks for the title of a new case file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define DOSSIER_TYPE_NEW_CASE_DIALOG (dossier_new_case_dialog_get_type ())

G_DECLARE_FINAL_TYPE (DossierNewCaseDialog, dossier_new_case_dialog, DOSSIER, NEW_CASE_DIALOG, GtkWindow)

GtkWidget  *dossier_new_case_dialog_new       (GtkWindow            *parent);
GtkWidget  *dossier_new_case_dialog_new_for_rename (GtkWindow        *parent,
                                                    const char       *title);
void        dossier_new_case_dialog_set_title_text (DossierNewCaseDialog *self,
                                                    const char           *title);

void        dossier_new_case_dialog_show_error (DossierNewCaseDialog *self,
                                                const char           *message);
const char *dossier_new_case_dialog_get_error  (DossierNewCaseDialog *self);

G_END_DECLS
