/* dossier-edit-dialog.c
 *
 * The one form of Dossier: a modal window of labelled fields built from a
 * table of dossier-fields.c (an event's, a source's, a note's…). Each field
 * is checked as it is typed, with what is wrong said under it (and to a
 * screen reader, as the field's description and invalid state); Save stays
 * insensitive until every field is valid. Enter saves from a one-line
 * field, Ctrl+Enter from any, Escape or Cancel closes without saving. The form does not write:
 * its save function, given by whoever opened it, does, and the form stays
 * open with the error if that fails.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-edit-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-a11y.h"
#include "dossier-edit-dialog.h"
#include "dossier-edit-field.h"
#include "dossier-format.h"
#include "dossier-node.h"


struct _DossierEditDialog
{
  GtkWindow                  parent_instance;

  GtkWidget                 *save_button;
  GtkWidget                 *banner;      /* a failed save */
  GtkWidget                 *grid;
  GArray                    *fields;      /* of DossierEditField */

  DossierEditDialogSaveFunc  save_func;
  gpointer                   save_data;
  GDestroyNotify             save_destroy;

  DossierEditDialogCheckFunc check_func;
  gpointer                   check_data;
  GDestroyNotify             check_destroy;
};

G_DEFINE_FINAL_TYPE (DossierEditDialog, dossier_edit_dialog, GTK_TYPE_WINDOW)

static DossierEditField *
find_field (DossierEditDialog *self,
            const char        *key)
{
  for (guint i = 0; i < self->fields->len; i++)
    {
      DossierEditField *field = &g_array_index (self->fields, DossierEditField, i);

      if (g_str_equal (field->field->key, key))
        return field;
    }
  return NULL;
}

/* Checks every field, says what is wrong under those the user has touched
 * (or all, @show_all), and lets Save be pressed only when all are right. */
static gboolean
validate (DossierEditDialog *self,
          gboolean           show_all)
{
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  gboolean all_valid = TRUE;

  for (guint i = 0; i < self->fields->len; i++)
    {
      DossierEditField *field = &g_array_index (self->fields, DossierEditField, i);

      g_hash_table_insert (values, (gpointer) field->field->key, dossier_edit_field_dup_value (field));
    }

  for (guint i = 0; i < self->fields->len; i++)
    {
      DossierEditField *field = &g_array_index (self->fields, DossierEditField, i);
      const char *value = g_hash_table_lookup (values, field->field->key);
      g_autofree char *hint = NULL;
      gboolean shown;

      g_clear_pointer (&field->problem, g_free);
      dossier_field_validate (field->field, value, &field->problem);
      if (field->problem == NULL && self->check_func != NULL)
        field->problem = self->check_func (field->field->key, value, values, self->check_data);
      all_valid = all_valid && field->problem == NULL;
      shown = field->problem != NULL && (field->touched || show_all);

      /* A date that is right reads back as the reader will see it. */
      if (field->problem == NULL && field->field->type == DOSSIER_FIELD_DATE)
        hint = dossier_format_date (value);
      /* A paragraph has no placeholder: its hint stands under it. */
      else if (field->field->type == DOSSIER_FIELD_LONG_TEXT && field->field->hint != NULL)
        hint = g_strdup (g_dgettext (GETTEXT_PACKAGE, field->field->hint));

      gtk_label_set_label (GTK_LABEL (field->message), shown ? field->problem : hint ? hint : "");
      gtk_widget_set_visible (field->message, shown || hint != NULL);
      if (shown)
        gtk_widget_add_css_class (field->message, "error");
      else
        gtk_widget_remove_css_class (field->message, "error");
      if (shown)
        gtk_widget_add_css_class (field->widget, "error");
      else
        gtk_widget_remove_css_class (field->widget, "error");

      gtk_accessible_update_state (GTK_ACCESSIBLE (field->widget),
                                   GTK_ACCESSIBLE_STATE_INVALID,
                                   shown ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                                   -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (field->widget),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      shown ? field->problem : hint ? hint : "",
                                      -1);
    }

  gtk_widget_set_sensitive (self->save_button, all_valid);
  return all_valid;
}

static void
on_field_changed (GtkWidget         *widget,
                  DossierEditDialog *self)
{
  /* Widgets may still say they change while the form is destroyed. */
  if (self->fields == NULL)
    return;

  for (guint i = 0; i < self->fields->len; i++)
    {
      DossierEditField *field = &g_array_index (self->fields, DossierEditField, i);

      if (field->widget == widget || (GTK_IS_TEXT_VIEW (field->widget) &&
                                      (gpointer) gtk_text_view_get_buffer (GTK_TEXT_VIEW (field->widget)) == (gpointer) widget))
        field->touched = TRUE;
    }
  gtk_widget_set_visible (self->banner, FALSE);
  validate (self, FALSE);
}

/**
 * dossier_edit_dialog_save:
 *
 * Saves as the Save button does: checks every field, then hands the values
 * to the save function and closes, or keeps the form open and says why.
 *
 * Returns: whether the values were saved
 */
gboolean
dossier_edit_dialog_save (DossierEditDialog *self)
{
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (DOSSIER_IS_EDIT_DIALOG (self), FALSE);

  if (!validate (self, TRUE))
    return FALSE;

  for (guint i = 0; i < self->fields->len; i++)
    {
      DossierEditField *field = &g_array_index (self->fields, DossierEditField, i);

      g_hash_table_insert (values, (gpointer) field->field->key, dossier_edit_field_dup_value (field));
    }

  if (self->save_func != NULL && !self->save_func (values, self->save_data, &error))
    {
      gtk_label_set_label (GTK_LABEL (self->banner), error->message);
      gtk_widget_set_visible (self->banner, TRUE);
      return FALSE;
    }

  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
on_save_clicked (DossierEditDialog *self)
{
  dossier_edit_dialog_save (self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  dossier_edit_dialog_save (DOSSIER_EDIT_DIALOG (widget));
}

static void
dossier_edit_dialog_dispose (GObject *object)
{
  DossierEditDialog *self = DOSSIER_EDIT_DIALOG (object);

  g_clear_pointer (&self->fields, g_array_unref);
  if (self->save_destroy != NULL)
    g_clear_pointer (&self->save_data, self->save_destroy);
  if (self->check_destroy != NULL)
    g_clear_pointer (&self->check_data, self->check_destroy);
  self->check_func = NULL;

  G_OBJECT_CLASS (dossier_edit_dialog_parent_class)->dispose (object);
}

static void
dossier_edit_dialog_class_init (DossierEditDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_edit_dialog_dispose;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DIALOG);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  /* Enter saves from a one-line field; Ctrl+Enter from anywhere, a
   * paragraph included. */
  gtk_widget_class_install_action (widget_class, "form.save", NULL, save_action);

}

static void
dossier_edit_dialog_init (DossierEditDialog *self)
{
  GtkWidget *header = gtk_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  /* Caught before a paragraph field takes Ctrl+Enter as a new line. */
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_alternative_trigger_new (
                                                            gtk_keyval_trigger_new (GDK_KEY_Return, GDK_CONTROL_MASK),
                                                            gtk_keyval_trigger_new (GDK_KEY_KP_Enter, GDK_CONTROL_MASK)),
                                                          gtk_named_action_new ("form.save")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  self->fields = g_array_new (FALSE, TRUE, sizeof (DossierEditField));
  g_array_set_clear_func (self->fields, dossier_edit_field_clear);

  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 520, -1);

  gtk_header_bar_set_show_title_buttons (GTK_HEADER_BAR (header), FALSE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  dossier_a11y_name_mnemonic_button (cancel);
  gtk_header_bar_pack_start (GTK_HEADER_BAR (header), cancel);
  self->save_button = gtk_button_new_with_mnemonic (_("_Save"));
  gtk_widget_add_css_class (self->save_button, "suggested-action");
  g_signal_connect_swapped (self->save_button, "clicked", G_CALLBACK (on_save_clicked), self);
  gtk_header_bar_pack_end (GTK_HEADER_BAR (header), self->save_button);
  gtk_window_set_titlebar (GTK_WINDOW (self), header);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->save_button);

  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);

  self->banner = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->banner), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->banner), 0.);
  gtk_widget_add_css_class (self->banner, "error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->banner), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Not saved"), -1);
  gtk_widget_set_visible (self->banner, FALSE);
  gtk_box_append (GTK_BOX (box), self->banner);

  self->grid = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (self->grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (self->grid), 4);
  gtk_box_append (GTK_BOX (box), self->grid);

  /* No scrolling: the longest form fits a 768-pixel screen, and the
   * window grows when a field says what is wrong. */
  gtk_window_set_child (GTK_WINDOW (self), box);
}

/**
 * dossier_edit_dialog_new:
 * @title: the window's title ("New Event")
 * @save_label: the Save button's label, with a mnemonic ("_Add")
 * @fields: (array length=n_fields): what the form asks, in order; the
 *   table must outlive the dialog (the tables of dossier-fields.c do)
 *
 * The first field has the focus once the dialog is shown.
 */
GtkWidget *
dossier_edit_dialog_new (GtkWindow          *parent,
                         const char         *title,
                         const char         *save_label,
                         const DossierField *fields,
                         guint               n_fields)
{
  DossierEditDialog *self = g_object_new (DOSSIER_TYPE_EDIT_DIALOG,
                                          "transient-for", parent,
                                          "title", title,
                                          NULL);
  int row = 0;

  gtk_button_set_label (GTK_BUTTON (self->save_button), save_label);
  dossier_a11y_name_mnemonic_button (self->save_button);

  for (guint i = 0; i < n_fields; i++)
    {
      DossierEditField field = { &fields[i] };
      GtkWidget *label = gtk_label_new_with_mnemonic (g_dgettext (GETTEXT_PACKAGE, fields[i].label));
      GtkWidget *shown;

      shown = dossier_edit_field_make_widget (&field, G_CALLBACK (on_field_changed), self);
      gtk_label_set_xalign (GTK_LABEL (label), 1.);
      gtk_label_set_yalign (GTK_LABEL (label), fields[i].type == DOSSIER_FIELD_LONG_TEXT ? 0. : 0.5);
      gtk_label_set_mnemonic_widget (GTK_LABEL (label), field.widget);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (field.widget),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL,
                                      -1);
      gtk_widget_set_hexpand (shown, TRUE);
      if (GTK_IS_DROP_DOWN (field.widget))
        {
          g_autofree char *name = dossier_a11y_strip_mnemonic (g_dgettext (GETTEXT_PACKAGE, fields[i].label));

          dossier_a11y_fix_drop_down (GTK_DROP_DOWN (field.widget), name);
        }

      field.message = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (field.message), 0.);
      gtk_label_set_wrap (GTK_LABEL (field.message), TRUE);
      gtk_widget_add_css_class (field.message, "caption");
      gtk_widget_add_css_class (field.message, "dim-label");
      gtk_widget_set_visible (field.message, FALSE);

      gtk_grid_attach (GTK_GRID (self->grid), label, 0, row, 1, 1);
      gtk_grid_attach (GTK_GRID (self->grid), shown, 1, row, 1, 1);
      gtk_grid_attach (GTK_GRID (self->grid), field.message, 1, row + 1, 1, 1);
      row += 2;

      g_array_append_val (self->fields, field);
    }

  validate (self, FALSE);
  if (self->fields->len > 0)
    gtk_widget_grab_focus (g_array_index (self->fields, DossierEditField, 0).widget);
  return GTK_WIDGET (self);
}

/**
 * dossier_edit_dialog_set_choices:
 * @key: a node field
 * @nodes: the #DossierNode to choose from, in order
 */
void
dossier_edit_dialog_set_choices (DossierEditDialog *self,
                                 const char        *key,
                                 GListModel        *nodes)
{
  DossierEditField *field;

  g_return_if_fail (DOSSIER_IS_EDIT_DIALOG (self));
  field = find_field (self, key);
  g_return_if_fail (field != NULL && field->field->type == DOSSIER_FIELD_NODE);

  dossier_edit_field_set_choices (field, nodes);
  /* New choices are not the user's choice: nothing to say yet. */
  field->touched = FALSE;
  validate (self, FALSE);
}

/* Shows @text in a field, as the user would type or choose it. */
void
dossier_edit_dialog_set_text (DossierEditDialog *self,
                              const char        *key,
                              const char        *text)
{
  DossierEditField *field;

  g_return_if_fail (DOSSIER_IS_EDIT_DIALOG (self));
  if ((field = find_field (self, key)) == NULL)
    return;

  dossier_edit_field_set_text (field, text);
  validate (self, FALSE);
}

/**
 * dossier_edit_dialog_set_values:
 * @values: (element-type utf8 utf8): what the fields show, by key
 */
void
dossier_edit_dialog_set_values (DossierEditDialog *self,
                                GHashTable        *values)
{
  GHashTableIter iter;
  gpointer key, value;

  g_return_if_fail (DOSSIER_IS_EDIT_DIALOG (self));

  g_hash_table_iter_init (&iter, values);
  while (g_hash_table_iter_next (&iter, &key, &value))
    dossier_edit_dialog_set_text (self, key, value);

  /* What was there is not the user's typing. */
  for (guint i = 0; i < self->fields->len; i++)
    g_array_index (self->fields, DossierEditField, i).touched = FALSE;
  validate (self, FALSE);
}

void
dossier_edit_dialog_set_save_func (DossierEditDialog         *self,
                                   DossierEditDialogSaveFunc  func,
                                   gpointer                   user_data,
                                   GDestroyNotify             destroy)
{
  g_return_if_fail (DOSSIER_IS_EDIT_DIALOG (self));

  if (self->save_destroy != NULL && self->save_data != NULL)
    self->save_destroy (self->save_data);
  self->save_func = func;
  self->save_data = user_data;
  self->save_destroy = destroy;
}

/**
 * dossier_edit_dialog_set_check_func:
 *
 * Adds a check that runs, as the user types, on every field whose own
 * check passed (the lines of a market series' figures…).
 */
void
dossier_edit_dialog_set_check_func (DossierEditDialog          *self,
                                    DossierEditDialogCheckFunc  func,
                                    gpointer                    user_data,
                                    GDestroyNotify              destroy)
{
  g_return_if_fail (DOSSIER_IS_EDIT_DIALOG (self));

  if (self->check_destroy != NULL && self->check_data != NULL)
    self->check_destroy (self->check_data);
  self->check_func = func;
  self->check_data = user_data;
  self->check_destroy = destroy;
  validate (self, FALSE);
}

/* The widget of a field, for tests. */
GtkWidget *
dossier_edit_dialog_get_field (DossierEditDialog *self,
                               const char        *key)
{
  DossierEditField *field;

  g_return_val_if_fail (DOSSIER_IS_EDIT_DIALOG (self), NULL);
  field = find_field (self, key);
  return field ? field->widget : NULL;
}

/**
 * dossier_edit_dialog_get_problem:
 *
 * Returns: (nullable): what is wrong with a field now, or %NULL
 */
const char *
dossier_edit_dialog_get_problem (DossierEditDialog *self,
                                 const char        *key)
{
  DossierEditField *field;

  g_return_val_if_fail (DOSSIER_IS_EDIT_DIALOG (self), NULL);
  field = find_field (self, key);
  return field ? field->problem : NULL;
}
