/* dossier-a11y.c
 *
 * GTK 4.8 leaves some widgets unnamed, keeps hidden ones in the
 * accessibility tree and has no way to name a list row (all fixed in later
 * GTK releases: gtk_list_item_set_accessible_label() arrived in 4.12). Every
 * workaround for those gaps lives here, so that it goes away in one commit
 * when Dossier moves to a newer GTK.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-a11y"

#include "config.h"

#include "dossier-a11y.h"

static gboolean
is_list_item_widget (GtkWidget *widget)
{
  GType list_item_type = g_type_from_name ("GtkListItemWidget");

  return list_item_type != 0 && G_TYPE_CHECK_INSTANCE_TYPE (widget, list_item_type);
}

/* The label a GtkDropDown shows while nothing is chosen: GTK 4.8's
 * "(None)", or the text dossier_a11y_set_drop_down_placeholder() gave it. */
static gboolean
is_placeholder (GtkWidget *widget)
{
  return GTK_IS_LABEL (widget) &&
         (g_object_get_data (G_OBJECT (widget), "dossier-placeholder") != NULL ||
          g_str_equal (gtk_label_get_label (GTK_LABEL (widget)), g_dgettext ("gtk40", "(None)")));
}

static void
fix_drop_down_children (GtkWidget  *widget,
                        const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_TOGGLE_BUTTON (child))
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      else if (is_list_item_widget (child) && gtk_widget_get_ancestor (child, GTK_TYPE_POPOVER) == NULL)
        gtk_widget_set_focusable (child, FALSE);
      else if (is_placeholder (child))
        /* GTK's "(None)" says nothing; a placeholder of ours is read as
         * a chosen item's text would be. */
        gtk_accessible_update_state (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_STATE_HIDDEN,
                                     g_object_get_data (G_OBJECT (child), "dossier-placeholder") == NULL, -1);

      if (!GTK_IS_POPOVER (child))
        fix_drop_down_children (child, name);
    }
}

/**
 * dossier_a11y_fix_drop_down:
 * @name: what a screen reader calls the drop-down
 *
 * GTK 4.8's GtkDropDown leaves its inner button unnamed, keeps its "(None)"
 * placeholder in the accessibility tree and makes the row inside its button
 * focusable. Call again after each change of model.
 */
void
dossier_a11y_fix_drop_down (GtkDropDown *drop_down,
                            const char  *name)
{
  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));

  fix_drop_down_children (GTK_WIDGET (drop_down), name);
}

static GtkLabel *
find_placeholder (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = NULL;

      if (is_placeholder (child))
        return GTK_LABEL (child);
      if (!GTK_IS_POPOVER (child) && (found = find_placeholder (child)) != NULL)
        return found;
    }
  return NULL;
}

/**
 * dossier_a11y_set_drop_down_placeholder:
 * @text: what the drop-down says while nothing is chosen
 *
 * GTK 4.8's GtkDropDown says "(None)" while nothing is chosen, which tells
 * the reader nothing; it has no property for it (nor has GTK 4.12). The
 * text is dimmed, as an entry's placeholder is.
 */
void
dossier_a11y_set_drop_down_placeholder (GtkDropDown *drop_down,
                                        const char  *text)
{
  GtkLabel *label;

  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));

  if ((label = find_placeholder (GTK_WIDGET (drop_down))) == NULL)
    return;
  g_object_set_data (G_OBJECT (label), "dossier-placeholder", GINT_TO_POINTER (TRUE));
  gtk_accessible_update_state (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_STATE_HIDDEN, FALSE, -1);
  gtk_label_set_label (label, text);
  gtk_label_set_ellipsize (label, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");
}

/**
 * dossier_a11y_name_close_button:
 *
 * Names the icon-only buttons inside @widget (a GtkInfoBar's close button
 * has no name in GTK 4.8).
 */
void
dossier_a11y_name_close_button (GtkWidget  *widget,
                                const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_BUTTON (child) && gtk_button_get_label (GTK_BUTTON (child)) == NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      dossier_a11y_name_close_button (child, name);
    }
}

/**
 * dossier_a11y_set_shown:
 *
 * GTK 4.8 keeps hidden widgets (and unrevealed info bars) in the
 * accessibility tree: an empty label would be a nameless stop for screen
 * readers. Marks @widget hidden to them unless @shown.
 */
void
dossier_a11y_set_shown (GtkWidget *widget,
                        gboolean   shown)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  gtk_accessible_update_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_HIDDEN, !shown, -1);
}

/**
 * dossier_a11y_name_list_row:
 * @row_child: the widget a list item factory made for a row
 *
 * GTK 4.8 names list rows after nothing: screen readers would say "list
 * item". Names the row widget that holds @row_child, and the tree expander
 * on the way, which takes the focus.
 */
void
dossier_a11y_name_list_row (GtkWidget  *row_child,
                            const char *name)
{
  for (GtkWidget *w = gtk_widget_get_parent (row_child); w != NULL; w = gtk_widget_get_parent (w))
    {
      if (GTK_IS_TREE_EXPANDER (w) || is_list_item_widget (w))
        gtk_accessible_update_property (GTK_ACCESSIBLE (w), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);

      if (is_list_item_widget (w))
        break;
    }
}

/**
 * dossier_a11y_strip_mnemonic:
 *
 * Returns: (transfer full): @label without its mnemonic marks ("_Save" is
 *   "Save", "__" is "_")
 */
char *
dossier_a11y_strip_mnemonic (const char *label)
{
  GString *out = g_string_new (NULL);

  for (const char *c = label ? label : ""; *c; c++)
    {
      if (*c == '_' && c[1] != '\0')
        c++;
      g_string_append_c (out, *c);
    }
  return g_string_free (out, FALSE);
}

/**
 * dossier_a11y_name_mnemonic_button:
 *
 * GTK 4.8 names a button made with a mnemonic by its label twice, the
 * underscore kept ("_Save Save"): names it by its label as read.
 */
void
dossier_a11y_name_mnemonic_button (GtkWidget *button)
{
  g_autofree char *name = NULL;

  g_return_if_fail (GTK_IS_BUTTON (button));

  name = dossier_a11y_strip_mnemonic (gtk_button_get_label (GTK_BUTTON (button)));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  /* The label inside, which names the button a second time. */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

/**
 * dossier_a11y_name_mnemonic_buttons:
 *
 * dossier_a11y_name_mnemonic_button() on every button with a mnemonic
 * inside @widget (an info bar's action buttons).
 */
void
dossier_a11y_name_mnemonic_buttons (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_BUTTON (child) && gtk_button_get_use_underline (GTK_BUTTON (child)) &&
          gtk_button_get_label (GTK_BUTTON (child)) != NULL)
        dossier_a11y_name_mnemonic_button (child);
      dossier_a11y_name_mnemonic_buttons (child);
    }
}
