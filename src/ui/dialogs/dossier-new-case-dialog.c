/* dossier-new-case-dialog.c
 *
 * A small modal window with one labelled field, focused: the title. Enter
 * creates the case file (the Create button is the default), Escape or
 * Cancel closes; Create stays insensitive, and says why, while the title is
 * empty. The dialog only asks: ::create hands the title to whoever opened
 * it, which writes it through the store and says whether that worked; if
 * not (a full disk), the dialog stays open with the title as typed and the
 * reason under it (dossier_new_case_dialog_show_error()), to try again.
 * The same dialog renames a case file
 * (dossier_new_case_dialog_new_for_rename()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-new-case-dialog"

#include "config.h"

#include "dossier-ui-resources.h"

#include <glib/gi18n.h>

#include "dossier-new-case-dialog.h"

struct _DossierNewCaseDialog
{
  GtkWindow  parent_instance;

  GtkEntry  *title_entry;
  GtkWidget *create_button;
  GtkWidget *hint_label;
  GtkWidget *error_label;
};

G_DEFINE_FINAL_TYPE (DossierNewCaseDialog, dossier_new_case_dialog, GTK_TYPE_WINDOW)

enum {
  CREATE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The title as it will be kept: without surrounding spaces. */
static char *
dup_title (DossierNewCaseDialog *self)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_entry))));
}

static void
on_title_changed (DossierNewCaseDialog *self)
{
  g_autofree char *title = dup_title (self);
  gboolean valid = *title != '\0';

  gtk_widget_set_sensitive (self->create_button, valid);
  gtk_widget_set_visible (self->hint_label, !valid);
}

static void
on_create (DossierNewCaseDialog *self)
{
  g_autofree char *title = dup_title (self);
  gboolean done = FALSE;

  if (*title == '\0')
    return;

  gtk_widget_set_visible (self->error_label, FALSE);
  g_signal_emit (self, signals[CREATE], 0, title, &done);
  if (done)
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
dossier_new_case_dialog_class_init (DossierNewCaseDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /**
   * DossierNewCaseDialog::create:
   * @title: the title the user typed, without surrounding spaces, never empty
   *
   * Emitted when the user asks for the case file.
   *
   * Returns: %TRUE once it is written (the dialog then closes), %FALSE
   *   to keep the dialog open, with an error shown in it
   */
  signals[CREATE] = g_signal_new ("create",
                                  G_TYPE_FROM_CLASS (klass),
                                  G_SIGNAL_RUN_LAST,
                                  0, g_signal_accumulator_true_handled, NULL, NULL,
                                  G_TYPE_BOOLEAN, 1, G_TYPE_STRING);

  /* The resources live in a static library: referencing them links them in. */
  (void) dossier_ui_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/dossier/Dossier/dialogs/dossier-new-case-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierNewCaseDialog, title_entry);
  gtk_widget_class_bind_template_child (widget_class, DossierNewCaseDialog, create_button);
  gtk_widget_class_bind_template_child (widget_class, DossierNewCaseDialog, hint_label);
  gtk_widget_class_bind_template_child (widget_class, DossierNewCaseDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_title_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_create);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
dossier_new_case_dialog_init (DossierNewCaseDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->title_entry));
}

/**
 * dossier_new_case_dialog_new:
 * @parent: the window it belongs to
 */
GtkWidget *
dossier_new_case_dialog_new (GtkWindow *parent)
{
  return g_object_new (DOSSIER_TYPE_NEW_CASE_DIALOG,
                       "transient-for", parent,
                       NULL);
}

/**
 * dossier_new_case_dialog_new_for_rename:
 * @title: the case file's title now
 *
 * The dialog as it renames a case file: "Rename", the title filled in and
 * selected.
 */
GtkWidget *
dossier_new_case_dialog_new_for_rename (GtkWindow  *parent,
                                        const char *title)
{
  DossierNewCaseDialog *self = g_object_new (DOSSIER_TYPE_NEW_CASE_DIALOG,
                                             "transient-for", parent,
                                             "title", _("Rename Case File"),
                                             NULL);

  gtk_button_set_label (GTK_BUTTON (self->create_button), _("_Rename"));
  gtk_editable_set_text (GTK_EDITABLE (self->title_entry), title);
  gtk_editable_select_region (GTK_EDITABLE (self->title_entry), 0, -1);
  return GTK_WIDGET (self);
}

/**
 * dossier_new_case_dialog_set_title_text:
 *
 * Types @title into the title field, as the user would.
 */
void
dossier_new_case_dialog_set_title_text (DossierNewCaseDialog *self,
                                        const char           *title)
{
  g_return_if_fail (DOSSIER_IS_NEW_CASE_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->title_entry), title);
}

/**
 * dossier_new_case_dialog_show_error:
 * @message: why the title could not be written
 *
 * Says under the field why nothing was written; the title stays as typed.
 */
void
dossier_new_case_dialog_show_error (DossierNewCaseDialog *self,
                                    const char           *message)
{
  g_return_if_fail (DOSSIER_IS_NEW_CASE_DIALOG (self));

  gtk_label_set_label (GTK_LABEL (self->error_label), message);
  gtk_widget_set_visible (self->error_label, TRUE);
}

/**
 * dossier_new_case_dialog_get_error:
 *
 * Returns: (nullable): the error shown, if any
 */
const char *
dossier_new_case_dialog_get_error (DossierNewCaseDialog *self)
{
  g_return_val_if_fail (DOSSIER_IS_NEW_CASE_DIALOG (self), NULL);

  return gtk_widget_get_visible (self->error_label) ? gtk_label_get_label (GTK_LABEL (self->error_label)) : NULL;
}
