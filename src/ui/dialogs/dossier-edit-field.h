/* dossier-edit-field.h: one field of a form: its widget, what it holds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dossier-fields.h"

G_BEGIN_DECLS

typedef struct
{
  const DossierField *field;
  GtkWidget          *widget;    /* GtkEntry, GtkTextView or GtkDropDown */
  GtkWidget          *message;   /* under it: what is wrong, or a hint */
  GListModel         *nodes;     /* the choices of a node field */
  char               *problem;   /* what is wrong now, or NULL */
  gboolean            touched;
} DossierEditField;

void       dossier_edit_field_clear       (gpointer          data);
GtkWidget *dossier_edit_field_make_widget (DossierEditField *field,
                                           GCallback         on_changed,
                                           gpointer          data);
char      *dossier_edit_field_dup_value   (DossierEditField *field);
void       dossier_edit_field_set_text    (DossierEditField *field,
                                           const char       *text);
void       dossier_edit_field_set_choices (DossierEditField *field,
                                           GListModel       *nodes);

G_END_DECLS
