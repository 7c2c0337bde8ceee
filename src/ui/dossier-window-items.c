/* dossier-window-items.c
 *
 * The window's actions on what a case file holds, each opening a form
 * (dossier-edit-dialog.c) and writing through the store; every view
 * follows the store by itself. win.add-item(section) adds an item to a
 * section of the case file shown; win.edit (F2) edits the page shown (the
 * case file on its overview); win.delete-item (Delete on a page) deletes it
 * and offers Undo in the window's bar; win.add-role adds a role to the
 * person or organization shown; win.add-note, win.edit-note(id) and
 * win.delete-note(id) handle the user's notes; win.cite and
 * win.uncite((node, source)) say which sources support or contradict it;
 * win.add-series adds a market series with its figures and breaks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-window"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-edit-dialog.h"
#include "dossier-fields.h"
#include "dossier-node.h"
#include "dossier-note.h"
#include "dossier-selection.h"
#include "dossier-store.h"
#include "dossier-window-private.h"

/* What is written when a form is saved. */
typedef struct
{
  DossierWindow   *window;   /* weak: the form dies with the window */
  DossierNodeKind  kind;
  gint64           case_id;
  gint64           node_id;  /* 0 to create */
  gint64           note_id;  /* for a note being edited */
} Target;

/* After a delete: the bar with Undo, or why it failed. */
static void
report (DossierWindow *self,
        gboolean       ok,
        const GError  *error,
        const char    *failed,
        const char    *done)
{
  if (ok)
    _dossier_window_show_undo_bar (self, done);
  else
    _dossier_window_show_error (self, failed, error);
}

static Target *
target_new (DossierWindow   *window,
            DossierNodeKind  kind,
            gint64           case_id,
            gint64           node_id)
{
  Target *target = g_new0 (Target, 1);

  target->window = window;
  target->kind = kind;
  target->case_id = case_id;
  target->node_id = node_id;
  return target;
}

static DossierNodeKind
section_kind (DossierSectionKind section)
{
  switch (section)
    {
    case DOSSIER_SECTION_ORGANIZATIONS: return DOSSIER_NODE_ORGANIZATION;
    case DOSSIER_SECTION_PEOPLE:        return DOSSIER_NODE_PERSON;
    case DOSSIER_SECTION_CLAIMS:        return DOSSIER_NODE_CLAIM;
    case DOSSIER_SECTION_SOURCES:       return DOSSIER_NODE_SOURCE;
    case DOSSIER_SECTION_TIMELINE:
    default:                            return DOSSIER_NODE_EVENT;
    }
}

/* The form's title, for a new item or an edit. */
static const char *
form_title (DossierNodeKind kind,
            gboolean        create)
{
  switch (kind)
    {
    case DOSSIER_NODE_CASE:         return create ? _("New Case File") : _("Edit Case File");
    case DOSSIER_NODE_ORGANIZATION: return create ? _("New Organization") : _("Edit Organization");
    case DOSSIER_NODE_PERSON:       return create ? _("New Person") : _("Edit Person");
    case DOSSIER_NODE_ROLE:         return create ? _("New Role") : _("Edit Role");
    case DOSSIER_NODE_CLAIM:        return create ? _("New Claim") : _("Edit Claim");
    case DOSSIER_NODE_SOURCE:       return create ? _("New Source") : _("Edit Source");
    case DOSSIER_NODE_EVENT:
    default:                        return create ? _("New Event") : _("Edit Event");
    }
}

static gboolean
save_node (GHashTable  *values,
           gpointer     user_data,
           GError     **error)
{
  Target *target = user_data;
  DossierWindow *self = target->window;
  gint64 id = 0;

  if (!dossier_store_save (self->store, target->kind, target->case_id, target->node_id, values, &id, error))
    return FALSE;

  /* A new item, or an edited one, is shown; a role added from a person's
   * or an organization's page shows on that page, which stays. */
  if (target->kind == DOSSIER_NODE_ROLE && target->node_id == 0 &&
      dossier_selection_get_node_id (self->selection) != 0)
    return TRUE;
  if (target->kind == DOSSIER_NODE_CASE)
    dossier_selection_select (self->selection, id, DOSSIER_SECTION_OVERVIEW, 0);
  else
    dossier_selection_select (self->selection, target->case_id, dossier_node_kind_get_section (target->kind), id);
  return TRUE;
}

/* Opens the form of @kind; @node_id 0 creates. Node fields choose among
 * every organization or person of the database, the case file's first. */
static DossierEditDialog *
open_node_form (DossierWindow   *self,
                DossierNodeKind  kind,
                gint64           case_id,
                gint64           node_id)
{
  g_autoptr(GHashTable) values = NULL;
  g_autoptr(GError) error = NULL;
  const DossierField *fields;
  DossierEditDialog *dialog;
  guint n_fields;

  if (node_id != 0 &&
      (values = dossier_store_read_fields (self->store, case_id, node_id, NULL, &error)) == NULL)
    {
      g_warning ("%s", error->message);
      return NULL;
    }

  fields = dossier_fields_get (kind, &n_fields);
  dialog = DOSSIER_EDIT_DIALOG (dossier_edit_dialog_new (GTK_WINDOW (self), form_title (kind, node_id == 0),
                                                         node_id == 0 ? _("_Add") : _("_Save"),
                                                         fields, n_fields));
  for (guint i = 0; i < n_fields; i++)
    if (fields[i].type == DOSSIER_FIELD_NODE)
      {
        g_autoptr(GListModel) nodes = dossier_store_list_all (self->store, fields[i].node_kinds, case_id, NULL);

        if (nodes != NULL)
          dossier_edit_dialog_set_choices (dialog, fields[i].key, nodes);
      }

  if (values != NULL)
    dossier_edit_dialog_set_values (dialog, values);
  else if (kind == DOSSIER_NODE_EVENT)
    dossier_edit_dialog_set_text (dialog, "status", "happened");

  dossier_edit_dialog_set_save_func (dialog, save_node, target_new (self, kind, case_id, node_id), g_free);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
add_item_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  DossierWindow *self = (DossierWindow *) widget;
  gint64 case_id = dossier_selection_get_case_id (self->selection);

  if (case_id != 0)
    open_node_form (self, section_kind (g_variant_get_int32 (parameter)), case_id, 0);
}

/* The node the page shows: the selected one, else the case file. */
static gint64
shown_node (DossierWindow *self)
{
  gint64 node_id = dossier_selection_get_node_id (self->selection);

  return node_id != 0 ? node_id : dossier_selection_get_case_id (self->selection);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DossierWindow *self = (DossierWindow *) widget;
  gint64 case_id = dossier_selection_get_case_id (self->selection);
  gint64 node_id = shown_node (self);
  g_autoptr(DossierNode) node = node_id ? dossier_store_get_node (self->store, case_id, node_id, NULL) : NULL;

  if (node != NULL)
    open_node_form (self, dossier_node_get_kind (node), case_id, node_id);
}

static void
delete_item_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  DossierWindow *self = (DossierWindow *) widget;
  gint64 case_id = dossier_selection_get_case_id (self->selection);
  gint64 node_id = dossier_selection_get_node_id (self->selection);
  g_autoptr(DossierNode) node = node_id ? dossier_store_get_node (self->store, case_id, node_id, NULL) : NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  DossierSectionKind section = dossier_selection_get_section (self->selection);

  if (node == NULL)
    {
      /* On a case file's overview: the case file; on a section's page,
       * nothing (it is not one item). */
      if (section == DOSSIER_SECTION_OVERVIEW || section == DOSSIER_SECTION_NONE)
        gtk_widget_activate_action (widget, "win.delete-case", NULL);
      return;
    }

  /* Translators: %s is the title of what was just deleted */
  message = g_strdup_printf (_("“%s” was deleted."), dossier_node_get_title (node));
  if (!dossier_store_delete (self->store, case_id, node_id, NULL, &error))
    {
      _dossier_window_show_error (self, _("It could not be deleted"), error);
      return;
    }

  dossier_selection_select (self->selection, case_id, section, 0);
  _dossier_window_show_undo_bar (self, message);
}

static void
add_role_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  DossierWindow *self = (DossierWindow *) widget;
  gint64 case_id = dossier_selection_get_case_id (self->selection);
  gint64 node_id = dossier_selection_get_node_id (self->selection);
  g_autoptr(DossierNode) node = node_id ? dossier_store_get_node (self->store, case_id, node_id, NULL) : NULL;
  DossierEditDialog *dialog;
  g_autofree char *id = NULL;

  if (node == NULL || (dossier_node_get_kind (node) != DOSSIER_NODE_PERSON &&
                       dossier_node_get_kind (node) != DOSSIER_NODE_ORGANIZATION))
    return;

  dialog = open_node_form (self, DOSSIER_NODE_ROLE, case_id, 0);
  id = g_strdup_printf ("%" G_GINT64_FORMAT, node_id);
  dossier_edit_dialog_set_text (dialog, dossier_node_get_kind (node) == DOSSIER_NODE_PERSON ? "person" : "organization",
                                id);
}

static gboolean
save_note (GHashTable  *values,
           gpointer     user_data,
           GError     **error)
{
  Target *target = user_data;
  const char *body = g_hash_table_lookup (values, "body");

  return target->note_id != 0
         ? dossier_store_set_note (target->window->store, target->note_id, body, error)
         : dossier_store_add_note (target->window->store, target->node_id, body, NULL, error);
}

static void
open_note_form (DossierWindow *self,
                gint64         note_id,
                const char    *body)
{
  guint n_fields;
  const DossierField *fields = dossier_fields_get_note (&n_fields);
  DossierEditDialog *dialog;
  Target *target = target_new (self, 0, dossier_selection_get_case_id (self->selection), shown_node (self));

  target->note_id = note_id;
  dialog = DOSSIER_EDIT_DIALOG (dossier_edit_dialog_new (GTK_WINDOW (self),
                                                         note_id ? _("Edit Note") : _("New Note"),
                                                         note_id ? _("_Save") : _("_Add"), fields, n_fields));
  if (body != NULL)
    {
      g_autoptr(GHashTable) values = g_hash_table_new (g_str_hash, g_str_equal);

      g_hash_table_insert (values, "body", (gpointer) body);
      dossier_edit_dialog_set_values (dialog, values);
    }
  dossier_edit_dialog_set_save_func (dialog, save_note, target, g_free);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_note_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  DossierWindow *self = (DossierWindow *) widget;

  if (shown_node (self) != 0)
    open_note_form (self, 0, NULL);
}

/* The note @note_id of the node shown. */
static DossierNote *
find_note (DossierWindow *self,
           gint64         note_id)
{
  g_autoptr(GListModel) notes = dossier_store_list_notes (self->store, shown_node (self), NULL);

  for (guint i = 0; notes != NULL && i < g_list_model_get_n_items (notes); i++)
    {
      g_autoptr(DossierNote) note = g_list_model_get_item (notes, i);

      if (dossier_note_get_id (note) == note_id)
        return g_steal_pointer (&note);
    }
  return NULL;
}

static void
edit_note_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  DossierWindow *self = (DossierWindow *) widget;
  g_autoptr(DossierNote) note = find_note (self, g_variant_get_int64 (parameter));

  if (note != NULL)
    open_note_form (self, dossier_note_get_id (note), dossier_note_get_body (note));
}

static void
delete_note_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  DossierWindow *self = (DossierWindow *) widget;
  g_autoptr(GError) error = NULL;
  gboolean ok = dossier_store_delete_note (self->store, g_variant_get_int64 (parameter), &error);

  report (self, ok, error, _("The note could not be deleted"), _("The note was deleted."));
}

static gboolean
save_citation (GHashTable  *values,
               gpointer     user_data,
               GError     **error)
{
  Target *target = user_data;
  DossierStance stance = DOSSIER_STANCE_SUPPORTS;

  dossier_stance_from_string (g_hash_table_lookup (values, "stance"), &stance);
  return dossier_store_cite (target->window->store, target->node_id,
                             g_ascii_strtoll (g_hash_table_lookup (values, "source"), NULL, 10), stance, error);
}

/* A form whose "source" field chooses among the case file's sources (a
 * citation's, a market series'); %NULL without a case file. */
static DossierEditDialog *
open_source_form (DossierWindow             *self,
                  const char                *title,
                  const char                *save_label,
                  const DossierField        *fields,
                  guint                      n_fields,
                  DossierEditDialogSaveFunc  save,
                  gint64                     node_id)
{
  gint64 case_id = dossier_selection_get_case_id (self->selection);
  g_autoptr(GListModel) sources = case_id ? dossier_store_list_section (self->store, case_id,
                                                                        DOSSIER_SECTION_SOURCES, NULL) : NULL;
  DossierEditDialog *dialog;

  if (sources == NULL)
    return NULL;

  dialog = DOSSIER_EDIT_DIALOG (dossier_edit_dialog_new (GTK_WINDOW (self), title, save_label, fields, n_fields));
  dossier_edit_dialog_set_choices (dialog, "source", sources);
  dossier_edit_dialog_set_save_func (dialog, save, target_new (self, 0, case_id, node_id), g_free);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
cite_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DossierWindow *self = (DossierWindow *) widget;
  guint n_fields;
  const DossierField *fields = dossier_fields_get_citation (&n_fields);
  DossierEditDialog *dialog;

  if (shown_node (self) == 0)
    return;

  dialog = open_source_form (self, _("Cite a Source"), _("_Cite"), fields, n_fields, save_citation,
                             shown_node (self));
  if (dialog != NULL)
    dossier_edit_dialog_set_text (dialog, "stance", "supports");
}

static void
uncite_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DossierWindow *self = (DossierWindow *) widget;
  g_autoptr(GError) error = NULL;
  gint64 node_id, source_id;

  g_variant_get (parameter, "(xx)", &node_id, &source_id);
  report (self, dossier_store_uncite (self->store, node_id, source_id, &error), error,
          _("The citation could not be removed"), _("The citation was removed."));
}

static gboolean
save_series (GHashTable  *values,
             gpointer     user_data,
             GError     **error)
{
  Target *target = user_data;

  return dossier_store_create_series (target->window->store, target->case_id, values, NULL, error);
}

/* The figures and breaks lines, checked against the organizations of the
 * database as they are typed. */
static char *
check_series (const char *key,
              const char *value,
              GHashTable *values,
              gpointer    user_data)
{
  Target *target = user_data;
  gboolean yearly = g_strcmp0 (g_hash_table_lookup (values, "period_kind"), "year") == 0;

  if (!g_str_equal (key, "figures") && !g_str_equal (key, "breaks"))
    return NULL;
  return dossier_store_check_series_lines (target->window->store, key, value, yearly);
}

static void
add_series_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  DossierWindow *self = (DossierWindow *) widget;
  guint n_fields;
  const DossierField *fields = dossier_fields_get_series (&n_fields);
  DossierEditDialog *dialog = open_source_form (self, _("New Market Series"), _("_Add"), fields, n_fields,
                                                save_series, 0);

  if (dialog == NULL)
    return;
  dossier_edit_dialog_set_text (dialog, "period_kind", "quarter");
  dossier_edit_dialog_set_check_func (dialog, check_series,
                                      target_new (self, 0, dossier_selection_get_case_id (self->selection), 0),
                                      g_free);
}

/* What acts on the page shown. */
static void
update_item_actions (DossierWindow *self)
{
  gint64 case_id = self->selection ? dossier_selection_get_case_id (self->selection) : 0;
  gint64 node_id = self->selection ? dossier_selection_get_node_id (self->selection) : 0;
  g_autoptr(DossierNode) node = node_id && self->store ? dossier_store_get_node (self->store, case_id, node_id, NULL)
                                                       : NULL;
  DossierNodeKind kind = node ? dossier_node_get_kind (node) : DOSSIER_NODE_CASE;

  gboolean writable = self->store != NULL && !dossier_store_is_read_only (self->store) &&
                      !dossier_store_get_busy (self->store);
  gboolean in_case = case_id != 0 && writable;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-item", in_case);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit", in_case);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-item", in_case);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-note", in_case);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-note", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-note", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cite", in_case);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.uncite", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-series", in_case);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-role", writable &&
                                 (kind == DOSSIER_NODE_PERSON || kind == DOSSIER_NODE_ORGANIZATION));
}

void
_dossier_window_class_items_init (DossierWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.add-item", "i", add_item_action);
  gtk_widget_class_install_action (widget_class, "win.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "win.delete-item", NULL, delete_item_action);
  gtk_widget_class_install_action (widget_class, "win.add-role", NULL, add_role_action);
  gtk_widget_class_install_action (widget_class, "win.add-note", NULL, add_note_action);
  gtk_widget_class_install_action (widget_class, "win.edit-note", "x", edit_note_action);
  gtk_widget_class_install_action (widget_class, "win.delete-note", "x", delete_note_action);
  gtk_widget_class_install_action (widget_class, "win.cite", NULL, cite_action);
  gtk_widget_class_install_action (widget_class, "win.uncite", "(xx)", uncite_action);
  gtk_widget_class_install_action (widget_class, "win.add-series", NULL, add_series_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "win.edit", NULL);
}

/* Once the window has its store and selection: follow them. */
void
_dossier_window_items_follow (DossierWindow *self)
{
  g_signal_connect_object (self->selection, "changed", G_CALLBACK (update_item_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "committed", G_CALLBACK (update_item_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "notify::busy", G_CALLBACK (update_item_actions), self, G_CONNECT_SWAPPED);
  update_item_actions (self);
}
