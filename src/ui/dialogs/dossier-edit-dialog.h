/* dossier-edit-dialog.h: a form of labelled fields, checked as they are
 * typed, that hands its values to whoever opened it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dossier-fields.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_EDIT_DIALOG (dossier_edit_dialog_get_type ())
G_DECLARE_FINAL_TYPE (DossierEditDialog, dossier_edit_dialog, DOSSIER, EDIT_DIALOG, GtkWindow)

/* Writes the values; on failure the form stays open and shows @error. */
typedef gboolean (*DossierEditDialogSaveFunc) (GHashTable  *values,
                                               gpointer     user_data,
                                               GError     **error);

/* A check beyond the field's own: what is wrong with @value, or NULL. */
typedef char *(*DossierEditDialogCheckFunc) (const char  *key,
                                             const char  *value,
                                             GHashTable  *values,
                                             gpointer     user_data);

GtkWidget  *dossier_edit_dialog_new         (GtkWindow                 *parent,
                                             const char                *title,
                                             const char                *save_label,
                                             const DossierField        *fields,
                                             guint                      n_fields);
void        dossier_edit_dialog_set_choices (DossierEditDialog         *self,
                                             const char                *key,
                                             GListModel                *nodes);
void        dossier_edit_dialog_set_values  (DossierEditDialog         *self,
                                             GHashTable                *values);
void        dossier_edit_dialog_set_save_func (DossierEditDialog       *self,
                                             DossierEditDialogSaveFunc  func,
                                             gpointer                   user_data,
                                             GDestroyNotify             destroy);
void        dossier_edit_dialog_set_check_func (DossierEditDialog      *self,
                                             DossierEditDialogCheckFunc func,
                                             gpointer                   user_data,
                                             GDestroyNotify             destroy);
void        dossier_edit_dialog_set_text    (DossierEditDialog         *self,
                                             const char                *key,
                                             const char                *text);
GtkWidget  *dossier_edit_dialog_get_field   (DossierEditDialog         *self,
                                             const char                *key);
const char *dossier_edit_dialog_get_problem (DossierEditDialog         *self,
                                             const char                *key);
gboolean    dossier_edit_dialog_save        (DossierEditDialog         *self);

G_END_DECLS
