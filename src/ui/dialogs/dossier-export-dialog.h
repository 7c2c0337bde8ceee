/* dossier-export-dialog.h: the chart's export, with its format, size,
 * scale and a preview
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dossier-chart.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_EXPORT_DIALOG (dossier_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (DossierExportDialog, dossier_export_dialog, DOSSIER, EXPORT_DIALOG, GtkWindow)

GtkWidget *dossier_export_dialog_new         (GtkWindow           *parent,
                                              DossierChart        *chart);
void       dossier_export_dialog_get_size    (DossierExportDialog *self,
                                              int                 *width,
                                              int                 *height,
                                              int                 *scale);
char      *dossier_export_dialog_dup_name    (DossierExportDialog *self);
gboolean   dossier_export_dialog_export_to   (DossierExportDialog *self,
                                              const char          *path,
                                              GError             **error);
GdkPaintable *dossier_export_dialog_get_preview (DossierExportDialog *self);

G_END_DECLS
