/* dossier-detail-links.c
 *
 * The parts every page of the detail pane is made of: links (buttons bound
 * to "win.select"), group headings, how a node is named in a list, and the
 * list of facts under a page's heading.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-detail-pane"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-a11y.h"
#include "dossier-detail-links.h"
#include "dossier-format.h"
#include "dossier-node.h"
#include "dossier-tooltip.h"

/* Every link is a button bound to the window's "win.select" action, with
 * the selection it leads to as its target: (case id, section, node id). */
GtkWidget *
dossier_detail_make_link (const char         *text,
           gint64              case_id,
           DossierSectionKind  section,
           gint64              node_id)
{
  GtkWidget *label = gtk_label_new (text);
  GtkWidget *button = gtk_button_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0.);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_width_chars (GTK_LABEL (label), DOSSIER_DETAIL_WRAP_CHARS);
  gtk_button_set_child (GTK_BUTTON (button), label);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "link-row");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.select");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "(xix)", case_id, (gint32) section, node_id);

  return button;
}

/* A group's title, which screen readers can jump to as a heading. */
GtkWidget *
dossier_detail_make_heading (const char *text)
{
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL,
                                   "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING,
                                   "label", text,
                                   "xalign", 0.f,
                                   "wrap", TRUE,
                                   "width-chars", DOSSIER_DETAIL_WRAP_CHARS,
                                   "margin-bottom", 4,
                                   NULL);

  gtk_widget_add_css_class (label, "heading");
  return label;
}

/* How a node is named in a list; @with_role adds an organization's or a
 * person's role in the case file. */
char *
dossier_detail_link_text (DossierNode *node,
                gboolean     with_role)
{
  g_autofree char *date = dossier_format_date (dossier_node_get_date (node));
  const char *title = dossier_node_get_title (node);
  const char *publisher = dossier_node_get_publisher (node);
  const char *role = with_role ? dossier_node_get_role (node) : "";

  switch (dossier_node_get_kind (node))
    {
    case DOSSIER_NODE_EVENT:
      if (date != NULL && g_str_equal (dossier_node_get_status (node), "expected"))
        /* Translators: an expected event in a list: its date, then what is expected */
        return g_strdup_printf (_("%s — %s (expected)"), date, title);
      /* Translators: an event in a list: its date, then what happened */
      return date ? g_strdup_printf (_("%s — %s"), date, title) : g_strdup (title);

    case DOSSIER_NODE_SOURCE:
      if (date != NULL)
        /* Translators: a source in a list: 1 publisher, 2 title (often a
         * description of ours, so not in quotes), 3 date */
        return g_strdup_printf (_("%1$s: %2$s, %3$s"), publisher, title, date);
      /* Translators: a source in a list: 1 publisher, 2 title */
      return g_strdup_printf (_("%1$s: %2$s"), publisher, title);

    case DOSSIER_NODE_ORGANIZATION:
    case DOSSIER_NODE_PERSON:
      if (*role != '\0')
        /* Translators: someone in a list: 1 name, 2 role in the case */
        return g_strdup_printf (_("%1$s — %2$s"), title, role);
      return g_strdup (title);

    case DOSSIER_NODE_ROLE:
      /* Seen from anywhere but its person's or organization's page. */
      /* Translators: a role in a list: 1 who, 2 title, 3 where */
      return g_strdup_printf (_("%1$s: %2$s (%3$s)"), dossier_node_get_holder (node), title,
                              dossier_node_get_parent (node));

    case DOSSIER_NODE_CLAIM:
      if (*dossier_node_get_holder (node) != '\0')
        /* Translators: a claim in a list: 1 who makes it, 2 what it says */
        return g_strdup_printf (_("%1$s: %2$s"), dossier_node_get_holder (node), title);
      return g_strdup (title);

    case DOSSIER_NODE_CASE:
    default:
      return g_strdup (title);
    }
}

/**
 * dossier_detail_make_facts:
 *
 * Returns: (nullable): a node's facts ("Judge", "Status"…) as a grid of
 *   label and value; a source's address as a link
 *   that opens it; %NULL if there are none
 */
GtkWidget *
dossier_detail_make_facts (DossierNode *node)
{
  g_auto(GStrv) facts = dossier_format_node_facts (node);
  GtkWidget *grid;

  if (facts == NULL || facts[0] == NULL)
    return NULL;

  grid = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
  gtk_widget_add_css_class (grid, "facts");

  for (guint i = 0; facts[i] != NULL && facts[i + 1] != NULL; i += 2)
    {
      GtkWidget *label = gtk_label_new (facts[i]);
      GtkWidget *value;

      gtk_label_set_xalign (GTK_LABEL (label), 1.);
      gtk_label_set_yalign (GTK_LABEL (label), 0.);
      gtk_widget_add_css_class (label, "dim-label");

      if (g_str_has_prefix (facts[i + 1], "https://") || g_str_has_prefix (facts[i + 1], "http://"))
        {
          value = gtk_link_button_new (facts[i + 1]);
          gtk_widget_set_halign (value, GTK_ALIGN_START);
          gtk_label_set_ellipsize (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (value))), PANGO_ELLIPSIZE_MIDDLE);
          dossier_tooltip_set (value, facts[i + 1]);
          gtk_accessible_update_property (GTK_ACCESSIBLE (value),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, facts[i + 1],
                                          GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("Opens the source in a web browser"),
                                          -1);
        }
      else
        {
          value = gtk_label_new (facts[i + 1]);
          gtk_label_set_xalign (GTK_LABEL (value), 0.);
          gtk_label_set_wrap (GTK_LABEL (value), TRUE);
          gtk_label_set_wrap_mode (GTK_LABEL (value), PANGO_WRAP_WORD_CHAR);
          gtk_label_set_width_chars (GTK_LABEL (value), DOSSIER_DETAIL_WRAP_CHARS);
        }
      gtk_widget_set_hexpand (value, TRUE);
      gtk_grid_attach (GTK_GRID (grid), label, 0, i / 2, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), value, 1, i / 2, 1, 1);
    }

  return grid;
}

/**
 * dossier_detail_add_button:
 * @label: with a mnemonic
 * @target: (nullable) (transfer floating): the action's parameter
 *
 * Returns: (transfer none): a button of the page's actions, appended to
 *   @box, which wraps them in a narrow window
 */
GtkWidget *
dossier_detail_add_button (GtkFlowBox *box,
                           const char *label,
                           const char *action,
                           GVariant   *target,
                           gboolean    suggested)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  dossier_a11y_name_mnemonic_button (button);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  if (target != NULL)
    gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  if (suggested)
    gtk_widget_add_css_class (button, "suggested-action");
  gtk_flow_box_append (box, button);
  /* The button is the stop for Tab, not the flow box's child around it. */
  gtk_widget_set_focusable (gtk_widget_get_parent (button), FALSE);
  return button;
}

static GtkWidget *
icon_button (const char *icon,
             const char *label,
             const char *action,
             GVariant   *target)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_START);
  dossier_tooltip_set (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  return button;
}

/**
 * dossier_detail_make_note:
 *
 * Returns: a note of the user's as a page shows it: its text, framed apart
 *   from what sources say, with Edit and Delete
 */
GtkWidget *
dossier_detail_make_note (gint64      note_id,
                          const char *body)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  g_autofree char *shown = dossier_detail_shown_text (body);
  GtkWidget *label = gtk_label_new (shown);

  gtk_widget_add_css_class (row, "note");
  gtk_widget_add_css_class (row, "card");
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_width_chars (GTK_LABEL (label), DOSSIER_DETAIL_WRAP_CHARS);
  gtk_label_set_xalign (GTK_LABEL (label), 0.);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_top (label, 8);
  gtk_widget_set_margin_bottom (label, 8);
  gtk_box_append (GTK_BOX (row), label);
  gtk_box_append (GTK_BOX (row), icon_button ("document-edit-symbolic", _("Edit Note"), "win.edit-note",
                                              g_variant_new_int64 (note_id)));
  gtk_box_append (GTK_BOX (row), icon_button ("user-trash-symbolic", _("Delete Note"), "win.delete-note",
                                              g_variant_new_int64 (note_id)));
  return row;
}

/**
 * dossier_detail_make_citation:
 *
 * Returns: a link to a source cited for @node_id, with a button that
 *   removes the citation
 */
GtkWidget *
dossier_detail_make_citation (const char *text,
                              gint64      case_id,
                              gint64      node_id,
                              gint64      source_id)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *link = dossier_detail_make_link (text, case_id, DOSSIER_SECTION_SOURCES, source_id);
  /* Translators: the button beside a cited source; %s is how it is named */
  g_autofree char *label = g_strdup_printf (_("Remove citation of %s"), text);

  gtk_widget_set_hexpand (link, TRUE);
  gtk_box_append (GTK_BOX (row), link);
  gtk_box_append (GTK_BOX (row), icon_button ("list-remove-symbolic", label, "win.uncite",
                                              g_variant_new ("(xx)", node_id, source_id)));
  return row;
}

/* A page shows this much of one text: a label lays out all of its text at
 * each width it is offered, and a megabyte pasted into a summary would
 * take seconds each time. */
#define SHOWN_CHARACTERS 20000

/**
 * dossier_detail_shown_text:
 *
 * Returns: (transfer full) (nullable): @text as a page shows it: whole, or,
 *   past %SHOWN_CHARACTERS, its beginning and a line saying how much more
 *   there is (all of it is kept, and shown whole in its form)
 */
char *
dossier_detail_shown_text (const char *text)
{
  glong length;
  const char *cut;

  if (text == NULL)
    return NULL;

  length = g_utf8_strlen (text, -1);
  if (length <= SHOWN_CHARACTERS)
    return g_strdup (text);

  cut = g_utf8_offset_to_pointer (text, SHOWN_CHARACTERS);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%.*s…\n\n(%ld more character is kept; Edit shows the whole text.)",
                                       "%.*s…\n\n(%ld more characters are kept; Edit shows the whole text.)",
                                       length - SHOWN_CHARACTERS),
                          (int) (cut - text), text, length - SHOWN_CHARACTERS);
}

/**
 * dossier_detail_kind_name:
 *
 * Returns: what a page's kicker calls an item of @kind ("Event")
 */
const char *
dossier_detail_kind_name (DossierNodeKind kind)
{
  switch (kind)
    {
    case DOSSIER_NODE_CASE:         return _("Case file");
    case DOSSIER_NODE_ORGANIZATION: return _("Organization");
    case DOSSIER_NODE_PERSON:       return _("Person");
    case DOSSIER_NODE_EVENT:        return _("Event");
    case DOSSIER_NODE_SOURCE:       return _("Source");
    case DOSSIER_NODE_ROLE:         return _("Role");
    case DOSSIER_NODE_CLAIM:        return _("Claim");
    default:                        return "";
    }
}
