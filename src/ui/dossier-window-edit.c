/* dossier-window-edit.c
 *
 * The window's editing actions: win.new-case (Ctrl+N) asks for a title and
 * opens the new case file; win.rename-case renames the case file shown;
 * win.delete-case deletes the one shown, asking
 * nothing, and offers Undo in a bar at the top of the window; win.undo
 * (Ctrl+Z) and win.redo (Shift+Ctrl+Z) walk the store's history, which is
 * kept in the database, so an edit made before Dossier was last closed can
 * still be undone. The main menu names what undo and redo would do.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-window"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-a11y.h"
#include "dossier-new-case-dialog.h"
#include "dossier-node.h"
#include "dossier-selection.h"
#include "dossier-store.h"
#include "dossier-window-private.h"

/* The "Undo" button's response in dossier-window.ui. */
#define RESPONSE_UNDO 1

/* What the menu says undo and redo would do, by the store's name for it. */
static const struct
{
  const char *action;
  const char *undo;
  const char *redo;
} history_labels[] = {
  { "edit-title",          N_("_Undo Rename"),              N_("_Redo Rename") },
  { "edit-summary",        N_("_Undo Summary Change"),      N_("_Redo Summary Change") },
  { "create-case",         N_("_Undo New Case File"),       N_("_Redo New Case File") },
  { "edit-case",           N_("_Undo Case File Changes"),   N_("_Redo Case File Changes") },
  { "delete-case",         N_("_Undo Delete Case File"),    N_("_Redo Delete Case File") },
  { "import-case",         N_("_Undo Import"),              N_("_Redo Import") },
  { "create-organization", N_("_Undo New Organization"),    N_("_Redo New Organization") },
  { "edit-organization",   N_("_Undo Organization Changes"), N_("_Redo Organization Changes") },
  { "delete-organization", N_("_Undo Delete Organization"), N_("_Redo Delete Organization") },
  { "create-person",       N_("_Undo New Person"),          N_("_Redo New Person") },
  { "edit-person",         N_("_Undo Person Changes"),      N_("_Redo Person Changes") },
  { "delete-person",       N_("_Undo Delete Person"),       N_("_Redo Delete Person") },
  { "create-role",         N_("_Undo New Role"),            N_("_Redo New Role") },
  { "edit-role",           N_("_Undo Role Changes"),        N_("_Redo Role Changes") },
  { "delete-role",         N_("_Undo Delete Role"),         N_("_Redo Delete Role") },
  { "create-event",        N_("_Undo New Event"),           N_("_Redo New Event") },
  { "edit-event",          N_("_Undo Event Changes"),       N_("_Redo Event Changes") },
  { "delete-event",        N_("_Undo Delete Event"),        N_("_Redo Delete Event") },
  { "create-claim",        N_("_Undo New Claim"),           N_("_Redo New Claim") },
  { "edit-claim",          N_("_Undo Claim Changes"),       N_("_Redo Claim Changes") },
  { "delete-claim",        N_("_Undo Delete Claim"),        N_("_Redo Delete Claim") },
  { "create-source",       N_("_Undo New Source"),          N_("_Redo New Source") },
  { "edit-source",         N_("_Undo Source Changes"),      N_("_Redo Source Changes") },
  { "delete-source",       N_("_Undo Delete Source"),       N_("_Redo Delete Source") },
  { "create-note",         N_("_Undo New Note"),            N_("_Redo New Note") },
  { "edit-note",           N_("_Undo Note Changes"),        N_("_Redo Note Changes") },
  { "delete-note",         N_("_Undo Delete Note"),         N_("_Redo Delete Note") },
  { "cite",                N_("_Undo Citation"),            N_("_Redo Citation") },
  { "create-series",       N_("_Undo New Market Series"),   N_("_Redo New Market Series") },
  { "uncite",              N_("_Undo Remove Citation"),     N_("_Redo Remove Citation") },
};

static const char *
history_label (const char *action,
               gboolean    redo)
{
  for (guint i = 0; action != NULL && i < G_N_ELEMENTS (history_labels); i++)
    if (g_str_equal (history_labels[i].action, action))
      return _(redo ? history_labels[i].redo : history_labels[i].undo);

  return redo ? _("_Redo") : _("_Undo");
}

static void
reveal_history_bar (DossierWindow *self,
                    const char    *message)
{
  if (message != NULL)
    gtk_label_set_label (self->history_label, message);
  gtk_info_bar_set_revealed (self->history_bar, message != NULL);
  dossier_a11y_set_shown (GTK_WIDGET (self->history_bar), message != NULL);
}

/* Undo, redo and the menu's labels for them: the history changes only
 * with a commit. */
static void
update_history_actions (DossierWindow *self)
{
  g_autofree char *undo = self->store ? dossier_store_dup_history_action (self->store, FALSE) : NULL;
  g_autofree char *redo = self->store ? dossier_store_dup_history_action (self->store, TRUE) : NULL;

  gboolean writable = self->store != NULL && !dossier_store_is_read_only (self->store) &&
                      !dossier_store_get_busy (self->store);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", undo != NULL && writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", redo != NULL && writable);

  g_menu_remove_all (self->history_section);
  g_menu_append (self->history_section, history_label (undo, FALSE), "win.undo");
  g_menu_append (self->history_section, history_label (redo, TRUE), "win.redo");
}

/* What acts on the case file shown: it changes with the selection. */
static void
update_case_actions (DossierWindow *self)
{
  gboolean writable = self->store != NULL && !dossier_store_is_read_only (self->store) &&
                      !dossier_store_get_busy (self->store);
  gboolean has_case = writable && self->selection != NULL &&
                      dossier_selection_get_case_id (self->selection) != 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-case", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.rename-case", has_case);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-case", has_case);
}

void
_dossier_window_show_error (DossierWindow *self,
                            const char    *message,
                            const GError  *error)
{
  GtkWidget *dialog = gtk_message_dialog_new (GTK_WINDOW (self),
                                              GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                              GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE,
                                              "%s", message);

  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", error->message);
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A write that fails (a full disk) keeps the dialog open with the title as
 * typed and the reason under it. */
static gboolean
on_new_case (DossierNewCaseDialog *dialog,
             const char           *title,
             DossierWindow        *self)
{
  g_autoptr(GError) error = NULL;
  gint64 case_id = 0;

  if (!dossier_store_create_case (self->store, title, dossier_store_get_language (self->store),
                                  &case_id, &error))
    {
      dossier_new_case_dialog_show_error (dialog, error->message);
      return FALSE;
    }

  dossier_selection_select (self->selection, case_id, DOSSIER_SECTION_OVERVIEW, 0);
  return TRUE;
}

static void
new_case_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  /* Installed on the window's class: @widget is a window. A plain cast
   * keeps this file from calling back into dossier-window.c. */
  DossierWindow *self = (DossierWindow *) widget;
  GtkWidget *dialog = dossier_new_case_dialog_new (GTK_WINDOW (self));

  g_signal_connect_object (dialog, "create", G_CALLBACK (on_new_case), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
on_rename_case (DossierNewCaseDialog *dialog,
                const char           *title,
                DossierWindow        *self)
{
  g_autoptr(GError) error = NULL;

  if (!dossier_store_set_title (self->store, dossier_selection_get_case_id (self->selection),
                                dossier_store_get_language (self->store), title, &error))
    {
      dossier_new_case_dialog_show_error (dialog, error->message);
      return FALSE;
    }
  return TRUE;
}

static void
rename_case_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  DossierWindow *self = (DossierWindow *) widget;
  gint64 case_id = dossier_selection_get_case_id (self->selection);
  g_autoptr(DossierNode) node = dossier_store_get_node (self->store, case_id, case_id, NULL);
  GtkWidget *dialog;

  if (node == NULL)
    return;

  dialog = dossier_new_case_dialog_new_for_rename (GTK_WINDOW (self), dossier_node_get_title (node));
  g_signal_connect_object (dialog, "create", G_CALLBACK (on_rename_case), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
delete_case_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  DossierWindow *self = (DossierWindow *) widget;
  gint64 case_id = dossier_selection_get_case_id (self->selection);
  g_autoptr(DossierNode) node = dossier_store_get_node (self->store, case_id, case_id, NULL);
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;

  if (node == NULL)
    return;

  /* Translators: %s is the title of a case file just deleted */
  message = g_strdup_printf (_("“%s” was deleted."), dossier_node_get_title (node));
  if (!dossier_store_delete_case (self->store, case_id, &error))
    {
      _dossier_window_show_error (self, _("The case file could not be deleted"), error);
      return;
    }

  reveal_history_bar (self, message);
}

/* The bar at the top of the window, saying what was just deleted, with
 * Undo. */
void
_dossier_window_show_undo_bar (DossierWindow *self,
                               const char    *message)
{
  reveal_history_bar (self, message);
}

/* A long undo or redo (an import of many rows), done as a job. */
typedef struct
{
  GWeakRef window;
  gboolean redo;
} Step;

static void
on_stepped (GObject      *source,
            GAsyncResult *result,
            gpointer      data)
{
  Step *step = data;
  g_autoptr(DossierWindow) self = g_weak_ref_get (&step->window);
  g_autoptr(GError) error = NULL;
  gboolean redo = step->redo, ok = dossier_store_step_finish (DOSSIER_STORE (source), result, &error);

  g_weak_ref_clear (&step->window);
  g_free (step);
  if (self == NULL)
    return;
  _dossier_window_job_end (self);
  if (!ok && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    _dossier_window_show_error (self, redo ? _("The change could not be redone") : _("The change could not be undone"),
                                error);
  else if (ok)
    reveal_history_bar (self, NULL);
}

static void
step_history (DossierWindow *self,
              gboolean       redo)
{
  g_autoptr(GError) error = NULL;

  /* An import of a million rows takes seconds to undo: the window goes
   * on meanwhile, with the job's bar and Cancel. */
  if (dossier_store_history_is_long (self->store, redo))
    {
      /* Translators: in the bar of a long undo (an import of many rows) */
      GCancellable *cancellable = _dossier_window_job_begin (self, redo ? _("Redoing…") : _("Undoing…"));
      Step *step;

      if (cancellable == NULL)
        return;
      step = g_new0 (Step, 1);
      g_weak_ref_init (&step->window, self);
      step->redo = redo;
      dossier_store_step_async (self->store, redo, cancellable, _dossier_window_job_progress, self, on_stepped, step);
      return;
    }

  if (redo ? !dossier_store_redo (self->store, &error) : !dossier_store_undo (self->store, &error))
    {
      if (!g_error_matches (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_NOT_FOUND))
        _dossier_window_show_error (self, redo ? _("The change could not be redone") : _("The change could not be undone"),
                    error);
      return;
    }

  reveal_history_bar (self, NULL);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  step_history ((DossierWindow *) widget, FALSE);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  step_history ((DossierWindow *) widget, TRUE);
}

/* A database that cannot be written is read as it is: every action that
 * would change it is off (here and in dossier-window-items.c and -exchange.c),
 * and this bar says why. */
static void
show_read_only (DossierWindow *self)
{
  g_autofree char *name = g_path_get_basename (dossier_store_get_path (self->store));
  g_autofree char *message = NULL;

  /* Translators: %s is the database file's name, as in "dossier.db" */
  message = g_strdup_printf (_("%s is read-only: you can read, search and export it, but not change it. "
                               "To edit, copy it to a folder you can write to and open the copy."), name);
  gtk_label_set_label (self->read_only_label, message);
  gtk_info_bar_set_revealed (self->read_only_bar, TRUE);
  dossier_a11y_set_shown (GTK_WIDGET (self->read_only_bar), TRUE);
}

static void
on_read_only_bar_response (DossierWindow *self,
                           int            response)
{
  gtk_info_bar_set_revealed (self->read_only_bar, FALSE);
  dossier_a11y_set_shown (GTK_WIDGET (self->read_only_bar), FALSE);
}

static void
on_history_bar_response (DossierWindow *self,
                         int            response)
{
  if (response == RESPONSE_UNDO)
    step_history (self, FALSE);
  reveal_history_bar (self, NULL);
}

/* After the template is set: the bar's callback is one of its own. */
void
_dossier_window_class_edit_init (DossierWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_bind_template_callback (widget_class, on_history_bar_response);
  gtk_widget_class_bind_template_callback (widget_class, on_read_only_bar_response);

  gtk_widget_class_install_action (widget_class, "win.new-case", NULL, new_case_action);
  gtk_widget_class_install_action (widget_class, "win.rename-case", NULL, rename_case_action);
  gtk_widget_class_install_action (widget_class, "win.delete-case", NULL, delete_case_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-case", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.redo", NULL);
}

void
_dossier_window_edit_init (DossierWindow *self)
{
  dossier_a11y_name_close_button (GTK_WIDGET (self->history_bar), _("Close"));
  dossier_a11y_name_mnemonic_buttons (GTK_WIDGET (self->history_bar));
  dossier_a11y_name_close_button (GTK_WIDGET (self->read_only_bar), _("Close"));
  dossier_a11y_set_shown (GTK_WIDGET (self->read_only_bar), FALSE);
  reveal_history_bar (self, NULL);
  update_history_actions (self);
  update_case_actions (self);
}

/* Once the window has its store and selection: follow them. */
void
_dossier_window_edit_follow (DossierWindow *self)
{
  if (dossier_store_is_read_only (self->store))
    show_read_only (self);

  g_signal_connect_object (self->store, "committed", G_CALLBACK (update_history_actions), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "changed", G_CALLBACK (update_case_actions), self,
                           G_CONNECT_SWAPPED);
  /* Nothing is offered to change while an import writes. */
  g_signal_connect_object (self->store, "notify::busy", G_CALLBACK (update_history_actions), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "notify::busy", G_CALLBACK (update_case_actions), self,
                           G_CONNECT_SWAPPED);
  update_history_actions (self);
  update_case_actions (self);
}
