/* dossier-edit-field.c
 *
 * One field of a form (dossier-edit-dialog.c): the widget for its kind of
 * value (an entry, a paragraph, a list to choose from), and the value it
 * holds as text, the way the store takes it ("" for unknown or none, a
 * node by its id).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-edit-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-a11y.h"
#include "dossier-edit-field.h"
#include "dossier-node.h"

void
dossier_edit_field_clear (gpointer data)
{
  DossierEditField *field = data;

  g_clear_object (&field->nodes);
  g_clear_pointer (&field->problem, g_free);
}

/* A choice's value: "" for the first entry of an optional list (unknown,
 * none). */
char *
dossier_edit_field_dup_value (DossierEditField *field)
{
  switch (field->field->type)
    {
    case DOSSIER_FIELD_LONG_TEXT:
      {
        GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (field->widget));
        GtkTextIter start, end;

        gtk_text_buffer_get_bounds (buffer, &start, &end);
        return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
      }

    case DOSSIER_FIELD_TERM:
    case DOSSIER_FIELD_NODE:
      {
        guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (field->widget));
        guint first = field->field->required ? 0 : 1;

        if (selected == GTK_INVALID_LIST_POSITION || selected < first)
          return g_strdup ("");
        if (field->field->type == DOSSIER_FIELD_TERM)
          return g_strdup (dossier_vocabulary_get_terms (field->field->vocabulary)[selected - first]);
        else
          {
            g_autoptr(DossierNode) node = g_list_model_get_item (field->nodes, selected - first);

            return node ? g_strdup_printf ("%" G_GINT64_FORMAT, dossier_node_get_id (node)) : g_strdup ("");
          }
      }

    case DOSSIER_FIELD_TEXT:
    case DOSSIER_FIELD_DATE:
    case DOSSIER_FIELD_URL:
    case DOSSIER_FIELD_LANGUAGE:
    default:
      return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (field->widget))));
    }
}

static GtkWidget *
make_dropdown (DossierEditField *field)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GtkWidget *dropdown;

  if (!field->field->required)
    gtk_string_list_append (labels, field->field->type == DOSSIER_FIELD_TERM ? _("Not known") : _("None"));

  if (field->field->type == DOSSIER_FIELD_TERM)
    for (const char * const *t = dossier_vocabulary_get_terms (field->field->vocabulary); *t; t++)
      gtk_string_list_append (labels, dossier_vocabulary_get_label (field->field->vocabulary, *t));

  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&labels)),
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (dropdown), field->field->type == DOSSIER_FIELD_NODE);
  if (field->field->required)
    gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), GTK_INVALID_LIST_POSITION);
  return dropdown;
}

typedef void (*ChangedFunc) (GtkWidget *widget,
                             gpointer   data);

static void
relay_selected (GtkWidget  *widget,
                GParamSpec *pspec,
                gpointer    data)
{
  ChangedFunc on_changed = (ChangedFunc) g_object_get_data (G_OBJECT (widget), "dossier-on-changed");

  on_changed (widget, data);
}

/* Makes the field's widget, calling @on_changed (widget, @data) as its
 * value changes; returns what to place in the form (a paragraph's frame). */
GtkWidget *
dossier_edit_field_make_widget (DossierEditField *field,
                                GCallback         on_changed,
                                gpointer          data)
{
  GtkWidget *shown;

  switch ((*field->field).type)
    {
    case DOSSIER_FIELD_LONG_TEXT:
      field->widget = gtk_text_view_new ();
      gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (field->widget), GTK_WRAP_WORD_CHAR);
      gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (field->widget), FALSE);
      gtk_text_view_set_top_margin (GTK_TEXT_VIEW (field->widget), 6);
      gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (field->widget), 6);
      gtk_text_view_set_left_margin (GTK_TEXT_VIEW (field->widget), 6);
      gtk_text_view_set_right_margin (GTK_TEXT_VIEW (field->widget), 6);
      shown = gtk_scrolled_window_new ();
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (shown), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (shown), 96);
      gtk_scrolled_window_set_has_frame (GTK_SCROLLED_WINDOW (shown), TRUE);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (shown), field->widget);
      g_signal_connect (gtk_text_view_get_buffer (GTK_TEXT_VIEW (field->widget)), "changed",
                        on_changed, data);
      break;

    case DOSSIER_FIELD_TERM:
    case DOSSIER_FIELD_NODE:
      shown = field->widget = make_dropdown (field);
      /* "notify" has a GParamSpec before the user data: @on_changed takes
       * the widget and the data only. */
      g_object_set_data (G_OBJECT (field->widget), "dossier-on-changed", on_changed);
      g_signal_connect (field->widget, "notify::selected", G_CALLBACK (relay_selected), data);
      break;

    case DOSSIER_FIELD_TEXT:
    case DOSSIER_FIELD_DATE:
    case DOSSIER_FIELD_URL:
    case DOSSIER_FIELD_LANGUAGE:
    default:
      shown = field->widget = gtk_entry_new ();
      gtk_entry_set_activates_default (GTK_ENTRY (field->widget), TRUE);
      if ((*field->field).hint != NULL)
        gtk_entry_set_placeholder_text (GTK_ENTRY (field->widget), g_dgettext (GETTEXT_PACKAGE, (*field->field).hint));
      else if ((*field->field).type == DOSSIER_FIELD_DATE)
        /* Translators: how to type a date; French: "AAAA-MM-JJ, AAAA-MM ou AAAA" */
        gtk_entry_set_placeholder_text (GTK_ENTRY (field->widget), _("YYYY-MM-DD, YYYY-MM or YYYY"));
      if ((*field->field).type == DOSSIER_FIELD_URL)
        gtk_entry_set_input_purpose (GTK_ENTRY (field->widget), GTK_INPUT_PURPOSE_URL);
      g_signal_connect (field->widget, "changed", on_changed, data);
      break;
    }

  return shown;
}

/* Shows @text in the field, as the user would type or choose it. */
void
dossier_edit_field_set_text (DossierEditField *field,
                             const char       *text)
{
  guint first;

  text = text ? text : "";
  first = field->field->required ? 0 : 1;
  switch (field->field->type)
    {
    case DOSSIER_FIELD_LONG_TEXT:
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (field->widget)), text, -1);
      break;

    case DOSSIER_FIELD_TERM:
      {
        const char * const *terms = dossier_vocabulary_get_terms (field->field->vocabulary);
        guint selected = field->field->required ? GTK_INVALID_LIST_POSITION : 0;

        for (guint i = 0; terms[i] != NULL; i++)
          if (g_str_equal (terms[i], text))
            selected = first + i;
        gtk_drop_down_set_selected (GTK_DROP_DOWN (field->widget), selected);
      }
      break;

    case DOSSIER_FIELD_NODE:
      {
        gint64 id = g_ascii_strtoll (text, NULL, 10);
        guint selected = field->field->required ? GTK_INVALID_LIST_POSITION : 0;

        for (guint i = 0; field->nodes != NULL && i < g_list_model_get_n_items (field->nodes); i++)
          {
            g_autoptr(DossierNode) node = g_list_model_get_item (field->nodes, i);

            if (dossier_node_get_id (node) == id)
              selected = first + i;
          }
        gtk_drop_down_set_selected (GTK_DROP_DOWN (field->widget), selected);
      }
      break;

    default:
      gtk_editable_set_text (GTK_EDITABLE (field->widget), text);
      break;
    }
}

/* The #DossierNode a node field chooses from, in order. */
void
dossier_edit_field_set_choices (DossierEditField *field,
                                GListModel       *nodes)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  g_set_object (&field->nodes, nodes);
  if (!field->field->required)
    gtk_string_list_append (labels, _("None"));
  for (guint i = 0; i < g_list_model_get_n_items (nodes); i++)
    {
      g_autoptr(DossierNode) node = g_list_model_get_item (nodes, i);
      const char *publisher = dossier_node_get_publisher (node);

      if (*publisher != '\0')
        {
          /* Translators: a source to choose: 1 publisher, 2 title */
          g_autofree char *text = g_strdup_printf (_("%1$s: %2$s"), publisher, dossier_node_get_title (node));
          gtk_string_list_append (labels, text);
        }
      else
        gtk_string_list_append (labels, dossier_node_get_title (node));
    }
  gtk_drop_down_set_model (GTK_DROP_DOWN (field->widget), G_LIST_MODEL (labels));
  {
    g_autofree char *name = dossier_a11y_strip_mnemonic (g_dgettext (GETTEXT_PACKAGE, field->field->label));

    dossier_a11y_fix_drop_down (GTK_DROP_DOWN (field->widget), name);
  }
  gtk_drop_down_set_selected (GTK_DROP_DOWN (field->widget),
                              field->field->required ? GTK_INVALID_LIST_POSITION : 0);
}
