/* dossier-detail-pane.c
 *
 * Follows the shared #DossierSelection and shows its page: a case file's
 * overview, a section's list, or one node with its summary, the sources that
 * support or contradict it and what it is linked to. Links write the
 * selection; the sidebar and the chart follow by themselves.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-detail-pane"

#include "config.h"

#include "dossier-ui-resources.h"

#include <glib/gi18n.h>

#include "dossier-a11y.h"
#include "dossier-focus.h"
#include "dossier-detail-groups.h"
#include "dossier-detail-links.h"
#include "dossier-detail-pane.h"
#include "dossier-detail-summary.h"
#include "dossier-format.h"
#include "dossier-node.h"
#include "dossier-note.h"
#include "dossier-section.h"
#include "dossier-selection.h"
#include "dossier-store.h"

struct _DossierDetailPane
{
  GtkWidget         parent_instance;

  DossierStore     *store;
  DossierSelection *selection;
  GSignalGroup     *store_signals;
  GSignalGroup     *selection_signals;
  guint             refresh_id;

  GtkLabel         *kicker;
  GtkLabel         *heading;
  GtkLabel         *subtitle;
  GtkLabel         *date;
  GtkLabel         *summary;
  GtkBox           *groups;
  GtkBox           *trail;
  GtkFlowBox       *page_actions;
  GtkScrolledWindow *scroller;
};

G_DEFINE_FINAL_TYPE (DossierDetailPane, dossier_detail_pane, GTK_TYPE_WIDGET)

/* A page lists at most this many links (a button each); the sidebar's
 * lists, which read their rows as they are shown, have them all. */
#define MAX_LINKS 500

static void
add_group (DossierDetailPane *self,
           const char        *heading,
           GListModel        *nodes,
           gint64             case_id,
           gboolean           with_role)
{
  GtkWidget *box;
  guint n = nodes ? MIN (g_list_model_get_n_items (nodes), MAX_LINKS) : 0;

  if (n == 0)
    return;

  box = dossier_detail_begin_group (heading);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierNode) node = g_list_model_get_item (nodes, i);
      g_autofree char *text = dossier_detail_link_text (node, with_role);
      DossierNodeKind kind = dossier_node_get_kind (node);

      gtk_box_append (GTK_BOX (box),
                      dossier_detail_make_link (text,
                                 kind == DOSSIER_NODE_CASE ? dossier_node_get_id (node) : case_id,
                                 dossier_node_kind_get_section (kind),
                                 kind == DOSSIER_NODE_CASE ? 0 : dossier_node_get_id (node)));
    }

  if (g_list_model_get_n_items (nodes) > MAX_LINKS)
    {
      g_autofree char *more = g_strdup_printf (_("The first %u are listed here; the sidebar lists them all."),
                                               MAX_LINKS);
      GtkWidget *label = gtk_label_new (more);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0.);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (box), label);
    }

  gtk_box_append (self->groups, box);
}

static void
add_facts (DossierDetailPane *self,
           DossierNode       *node)
{
  GtkWidget *facts = dossier_detail_make_facts (node);

  if (facts != NULL)
    gtk_box_append (self->groups, facts);
}

/* What the user can do on a node's page (or a case file's overview). */
static void
add_page_actions (DossierDetailPane *self,
                  DossierNode       *node)
{
  DossierNodeKind kind = dossier_node_get_kind (node);

  dossier_detail_add_button (self->page_actions, _("_Edit…"), "win.edit", NULL, FALSE);
  dossier_detail_add_button (self->page_actions, _("Add _Note…"), "win.add-note", NULL, FALSE);
  if (kind != DOSSIER_NODE_SOURCE)
    dossier_detail_add_button (self->page_actions, _("_Cite a Source…"), "win.cite", NULL, FALSE);
  if (kind == DOSSIER_NODE_PERSON || kind == DOSSIER_NODE_ORGANIZATION)
    dossier_detail_add_button (self->page_actions, _("Add _Role…"), "win.add-role", NULL, FALSE);
  if (kind == DOSSIER_NODE_CASE)
    dossier_detail_add_button (self->page_actions, _("Add Market _Series…"), "win.add-series", NULL, FALSE);
  if (kind == DOSSIER_NODE_SOURCE && *dossier_node_get_url (node) != '\0')
    dossier_detail_add_button (self->page_actions, _("_Open Source"), "win.open-uri",
                               g_variant_new_string (dossier_node_get_url (node)), TRUE);
  if (kind != DOSSIER_NODE_CASE)
    gtk_widget_add_css_class (dossier_detail_add_button (self->page_actions, _("_Delete"), "win.delete-item",
                                                         NULL, FALSE),
                              "destructive-action");
  gtk_widget_set_visible (GTK_WIDGET (self->page_actions), TRUE);
}

/* The user's notes on a node, each with its own Edit and Delete. */
static void
add_notes (DossierDetailPane *self,
           gint64             node_id)
{
  g_autoptr(GListModel) notes = dossier_store_list_notes (self->store, node_id, NULL);
  GtkWidget *box;

  if (notes == NULL || g_list_model_get_n_items (notes) == 0)
    return;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_box_append (GTK_BOX (box), dossier_detail_make_heading (_("Your notes")));
  for (guint i = 0; i < g_list_model_get_n_items (notes); i++)
    {
      g_autoptr(DossierNote) note = g_list_model_get_item (notes, i);

      gtk_box_append (GTK_BOX (box), dossier_detail_make_note (dossier_note_get_id (note),
                                                               dossier_note_get_body (note)));
    }
  gtk_box_append (self->groups, box);
}

/* Sources for or against a node, each with a button that removes it. */
static void
add_citations (DossierDetailPane *self,
               const char        *heading,
               GListModel        *sources,
               gint64             case_id,
               gint64             node_id)
{
  guint n = sources ? MIN (g_list_model_get_n_items (sources), MAX_LINKS) : 0;
  GtkWidget *box;

  if (n == 0)
    return;

  box = dossier_detail_begin_group (heading);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierNode) source = g_list_model_get_item (sources, i);
      g_autofree char *text = dossier_detail_link_text (source, FALSE);

      gtk_box_append (GTK_BOX (box), dossier_detail_make_citation (text, case_id, node_id,
                                                                   dossier_node_get_id (source)));
    }
  gtk_box_append (self->groups, box);
}

/* A link to the node @node_id, if there is one, under @heading. */
static void
add_link_to (DossierDetailPane *self,
             gint64             case_id,
             const char        *heading,
             gint64             node_id)
{
  g_autoptr(DossierNode) node = node_id ? dossier_store_get_node (self->store, case_id, node_id, NULL) : NULL;
  GtkWidget *box;

  if (node == NULL)
    return;

  box = dossier_detail_begin_group (heading);
  gtk_box_append (GTK_BOX (box),
                  dossier_detail_make_link (dossier_node_get_title (node), case_id,
                                            dossier_node_kind_get_section (dossier_node_get_kind (node)), node_id));
  gtk_box_append (self->groups, box);
}

/* A group built elsewhere (dossier-detail-groups.c), if it has anything. */
static void
add_built (DossierDetailPane *self,
           GtkWidget         *group)
{
  if (group != NULL)
    gtk_box_append (self->groups, group);
}

static void
set_label (GtkLabel   *label,
           const char *text)
{
  gboolean has_text = text != NULL && *text != '\0';
  g_autofree char *shown = dossier_detail_shown_text (text);

  gtk_label_set_label (label, shown ? shown : "");
  gtk_widget_set_visible (GTK_WIDGET (label), has_text);
  dossier_a11y_set_shown (GTK_WIDGET (label), has_text);
}

static void
clear_page (DossierDetailPane *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->groups))))
    gtk_box_remove (self->groups, child);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->trail))))
    gtk_box_remove (self->trail, child);
  gtk_widget_set_visible (GTK_WIDGET (self->trail), FALSE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->page_actions))))
    gtk_flow_box_remove (self->page_actions, child);
  gtk_widget_set_visible (GTK_WIDGET (self->page_actions), FALSE);

  set_label (self->kicker, NULL);
  set_label (self->heading, NULL);
  set_label (self->subtitle, NULL);
  set_label (self->date, NULL);
  set_label (self->summary, NULL);
}

/* A trail's link on one line, as narrow as its text: not the wrapping
 * width a page's links have. Returns its label. */
static GtkLabel *
one_line (GtkWidget *link)
{
  GtkLabel *label = GTK_LABEL (gtk_button_get_child (GTK_BUTTON (link)));

  gtk_label_set_wrap (label, FALSE);
  gtk_label_set_width_chars (label, -1);
  return label;
}

/* Links back up: the case file, then the section when on one of its items. */
static void
set_trail (DossierDetailPane  *self,
           gint64              case_id,
           DossierSectionKind  section)
{
  g_autoptr(DossierNode) case_node = dossier_store_get_node (self->store, case_id, case_id, NULL);
  GtkWidget *link;

  if (case_node == NULL)
    return;

  link = dossier_detail_make_link (dossier_node_get_title (case_node), case_id, DOSSIER_SECTION_OVERVIEW, 0);
  gtk_box_append (self->trail, link);
  gtk_label_set_ellipsize (one_line (link), PANGO_ELLIPSIZE_END);

  if (section != DOSSIER_SECTION_NONE && section != DOSSIER_SECTION_OVERVIEW)
    {
      GtkWidget *separator = gtk_label_new ("›");

      gtk_accessible_update_state (GTK_ACCESSIBLE (separator), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
      gtk_widget_add_css_class (separator, "dim-label");
      gtk_box_append (self->trail, separator);
      link = dossier_detail_make_link (dossier_section_kind_get_title (section), case_id, section, 0);
      one_line (link);
      gtk_box_append (self->trail, link);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->trail), TRUE);
}

static void
show_overview (DossierDetailPane *self,
               gint64             case_id)
{
  g_autoptr(DossierNode) node = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *filed = NULL;
  g_autofree char *filed_text = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *box;

  node = dossier_store_get_node (self->store, case_id, case_id, &error);
  if (node == NULL)
    {
      set_label (self->heading, error->message);
      return;
    }

  set_label (self->kicker, dossier_detail_kind_name (DOSSIER_NODE_CASE));
  set_label (self->heading, dossier_node_get_title (node));
  subtitle = dossier_format_node_subtitle (node);
  set_label (self->subtitle, subtitle);
  filed = dossier_format_date (dossier_node_get_date (node));
  if (filed != NULL)
    /* Translators: %s is a date */
    filed_text = g_strdup_printf (_("Filed on %s"), filed);
  set_label (self->date, filed_text);
  dossier_detail_summary_show (self->summary, self->store, case_id, case_id, dossier_node_get_summary (node));
  add_facts (self, node);
  add_page_actions (self, node);
  add_built (self, dossier_detail_make_parties (self->store, case_id));
  add_built (self, dossier_detail_make_next_expected (self->store, case_id));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_box_append (GTK_BOX (box), dossier_detail_make_heading (_("In this case file")));

  for (DossierSectionKind s = DOSSIER_SECTION_ORGANIZATIONS; s <= DOSSIER_SECTION_SOURCES; s++)
    {
      g_autoptr(GListModel) items = dossier_store_list_section (self->store, case_id, s, NULL);
      guint n = items ? g_list_model_get_n_items (items) : 0;
      g_autofree char *count = dossier_format_count (n);
      /* Translators: a section and how many items it has, as in "Timeline
       * (23)"; the count's thousands are grouped ("150 000") */
      g_autofree char *text = g_strdup_printf (_("%s (%s)"), dossier_section_kind_get_title (s), count);

      gtk_box_append (GTK_BOX (box), dossier_detail_make_link (text, case_id, s, 0));
    }

  gtk_box_append (self->groups, box);
  add_notes (self, case_id);
}

static void
show_section (DossierDetailPane  *self,
              gint64              case_id,
              DossierSectionKind  section)
{
  g_autoptr(GListModel) items = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *count = NULL;
  g_autofree char *n_items = NULL;
  guint n;

  items = dossier_store_list_section (self->store, case_id, section, &error);
  if (items == NULL)
    {
      set_label (self->heading, error->message);
      return;
    }

  set_trail (self, case_id, DOSSIER_SECTION_NONE);
  set_label (self->heading, dossier_section_kind_get_title (section));
  n = g_list_model_get_n_items (items);
  n_items = dossier_format_count (n);
  /* Translators: how many items a section has, its thousands grouped
   * ("150,000 items") */
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s item", "%s items", n), n_items);
  set_label (self->subtitle, count);
  dossier_detail_add_button (self->page_actions, dossier_section_kind_get_add_label (section), "win.add-item",
                             g_variant_new_int32 (section), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->page_actions), TRUE);
  /* The page's own heading names the list. */
  add_group (self, NULL, items, case_id, TRUE);

}

static void
show_node (DossierDetailPane *self,
           gint64             case_id,
           gint64             node_id)
{
  g_autoptr(DossierNode) node = NULL;
  g_autoptr(GListModel) supports = NULL;
  g_autoptr(GListModel) contradicts = NULL;
  g_autoptr(GListModel) related = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *date = NULL;
  g_autofree char *subtitle = NULL;
  DossierNodeKind kind;

  node = dossier_store_get_node (self->store, case_id, node_id, &error);
  if (node == NULL)
    {
      set_label (self->heading, error->message);
      return;
    }

  kind = dossier_node_get_kind (node);
  date = kind == DOSSIER_NODE_ROLE ? dossier_format_role_span (node) : dossier_format_date (dossier_node_get_date (node));

  set_trail (self, case_id, dossier_node_kind_get_section (kind));
  set_label (self->kicker, dossier_detail_kind_name (kind));
  set_label (self->heading, dossier_node_get_title (node));
  subtitle = dossier_format_node_subtitle (node);
  set_label (self->subtitle, subtitle);
  set_label (self->date, date);
  dossier_detail_summary_show (self->summary, self->store, case_id, node_id, dossier_node_get_summary (node));
  add_facts (self, node);
  add_page_actions (self, node);

  if (kind == DOSSIER_NODE_SOURCE)
    {
      g_autoptr(GListModel) cited = dossier_store_list_cited_by (self->store, case_id, node_id,
                                                                 DOSSIER_STANCE_SUPPORTS, NULL);
      g_autoptr(GListModel) disputed = dossier_store_list_cited_by (self->store, case_id, node_id,
                                                                    DOSSIER_STANCE_CONTRADICTS, NULL);

      add_group (self, _("Supports"), cited, case_id, FALSE);
      add_group (self, _("Contradicts"), disputed, case_id, FALSE);
      add_notes (self, node_id);
      return;
    }

  if (kind == DOSSIER_NODE_EVENT || kind == DOSSIER_NODE_ORGANIZATION || kind == DOSSIER_NODE_PERSON)
    {
      related = dossier_store_list_related (self->store, case_id, node_id, NULL);
      add_group (self, kind == DOSSIER_NODE_EVENT ? _("Who took part") : _("Events"), related, case_id, TRUE);
    }
  if (kind == DOSSIER_NODE_EVENT)
    {
      g_autoptr(GListModel) settlement = dossier_store_list_settlement (self->store, case_id, node_id, NULL);
      /* One event settles one, or the delay would be whose? */
      g_autoptr(DossierNode) other = settlement && g_list_model_get_n_items (settlement) == 1
        ? g_list_model_get_item (settlement, 0) : NULL;
      gboolean expected = g_str_equal (dossier_node_get_status (node), "expected");
      /* How late it came: "Settled by — 2 days late". */
      g_autofree char *delay = other == NULL ? NULL
        : dossier_format_delay (dossier_node_get_date (expected ? node : other),
                                dossier_node_get_date (expected ? other : node));
      g_autofree char *heading = delay == NULL ? g_strdup (expected ? _("Settled by") : _("Settles"))
        /* Translators: 1 "Settled by" or "Settles", 2 "2 days late" */
        : g_strdup_printf (_("%1$s — %2$s"), expected ? _("Settled by") : _("Settles"), delay);

      add_group (self, heading, settlement, case_id, FALSE);
    }
  if (kind == DOSSIER_NODE_ORGANIZATION)
    add_built (self, dossier_detail_make_share_chart (self->store, self->selection, case_id, node_id));
  if (kind == DOSSIER_NODE_ORGANIZATION || kind == DOSSIER_NODE_PERSON)
    {
      add_built (self, dossier_detail_make_roles (self->store, case_id, node));
      add_built (self, dossier_detail_make_claims_by (self->store, case_id, node_id));
      add_built (self, dossier_detail_make_cases_of (self->store, node));
    }
  add_link_to (self, case_id, kind == DOSSIER_NODE_CLAIM ? _("Made by") : _("Held by"),
               dossier_node_get_holder_id (node));
  add_link_to (self, case_id, kind == DOSSIER_NODE_ROLE ? _("At") : _("Part of"),
               dossier_node_get_parent_id (node));

  supports = dossier_store_list_citations (self->store, node_id, DOSSIER_STANCE_SUPPORTS, NULL);
  contradicts = dossier_store_list_citations (self->store, node_id, DOSSIER_STANCE_CONTRADICTS, NULL);
  add_citations (self, _("Supported by"), supports, case_id, node_id);
  add_citations (self, _("Contradicted by"), contradicts, case_id, node_id);
  add_notes (self, node_id);
}

/* Shows the page of the selection; a new page starts at its top, the same
 * page shown again after an edit keeps where the reader was, and the
 * keyboard's focus where it was in either (dossier-focus.c). */
static void
show_page (DossierDetailPane *self,
           gboolean           same_page)
{
  GtkAdjustment *scroll = gtk_scrolled_window_get_vadjustment (self->scroller);
  double position = gtk_adjustment_get_value (scroll);
  g_autoptr(DossierFocusPlace) focus = dossier_focus_place_save (GTK_WIDGET (self));
  gint64 case_id, node_id;
  DossierSectionKind section;

  clear_page (self);

  if (self->store == NULL || self->selection == NULL)
    return;

  case_id = dossier_selection_get_case_id (self->selection);
  node_id = dossier_selection_get_node_id (self->selection);
  section = dossier_selection_get_section (self->selection);

  if (case_id == 0)
    set_label (self->heading, _("No case file selected"));
  else if (node_id != 0)
    show_node (self, case_id, node_id);
  else if (section == DOSSIER_SECTION_OVERVIEW || section == DOSSIER_SECTION_NONE)
    show_overview (self, case_id);
  else
    show_section (self, case_id, section);

  dossier_focus_place_restore (focus, GTK_WIDGET (self), same_page);
  gtk_adjustment_set_value (scroll, same_page ? position : 0.);
}

static void
on_selection_changed (DossierDetailPane *self)
{
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  show_page (self, FALSE);
}

static gboolean
refresh_page (gpointer data)
{
  DossierDetailPane *self = data;

  self->refresh_id = 0;
  show_page (self, TRUE);
  return G_SOURCE_REMOVE;
}

/* DossierStore::changed: a page shows its node and many others (actors,
 * sources, a section's items), and the trail its case file's title. The
 * page is built again once per burst of changes (an import notes many),
 * where the reader was. */
static void
on_store_changed (DossierDetailPane *self,
                  DossierObjectKind  kind,
                  gint64             node_id,
                  DossierChangeType  type,
                  gint64             case_id)
{
  gint64 shown_case = self->selection ? dossier_selection_get_case_id (self->selection) : 0;

  if (shown_case == 0 || kind == DOSSIER_OBJECT_MARKET_SERIES ||
      (case_id != 0 && case_id != shown_case) || self->refresh_id != 0)
    return;

  self->refresh_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, refresh_page, self, NULL);
}

static void
dossier_detail_pane_dispose (GObject *object)
{
  DossierDetailPane *self = (DossierDetailPane *)object;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  /* Dispose may run twice: the groups are gone the second time. */
  if (self->store_signals != NULL)
    g_signal_group_set_target (self->store_signals, NULL);
  if (self->selection_signals != NULL)
    g_signal_group_set_target (self->selection_signals, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_DETAIL_PANE);
  g_clear_object (&self->store_signals);
  g_clear_object (&self->selection_signals);
  g_clear_object (&self->selection);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (dossier_detail_pane_parent_class)->dispose (object);
}
static void
dossier_detail_pane_class_init (DossierDetailPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_detail_pane_dispose;

  /* The resources live in a static library: referencing them links them in. */
  (void) dossier_ui_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/dossier/Dossier/detail/dossier-detail-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierDetailPane, kicker);
  gtk_widget_class_bind_template_child (widget_class, DossierDetailPane, heading);
  gtk_widget_class_bind_template_child (widget_class, DossierDetailPane, subtitle);
  gtk_widget_class_bind_template_child (widget_class, DossierDetailPane, date);
  gtk_widget_class_bind_template_child (widget_class, DossierDetailPane, summary);
  gtk_widget_class_bind_template_child (widget_class, DossierDetailPane, groups);
  gtk_widget_class_bind_template_child (widget_class, DossierDetailPane, trail);
  gtk_widget_class_bind_template_child (widget_class, DossierDetailPane, page_actions);
  gtk_widget_class_bind_template_child (widget_class, DossierDetailPane, scroller);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "detailpane");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
dossier_detail_pane_init (DossierDetailPane *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Details"),
                                  -1);

  self->store_signals = g_signal_group_new (DOSSIER_TYPE_STORE);
  g_signal_group_connect_object (self->store_signals, "changed",
                                 G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
  self->selection_signals = g_signal_group_new (DOSSIER_TYPE_SELECTION);
  g_signal_group_connect_object (self->selection_signals, "changed",
                                 G_CALLBACK (on_selection_changed), self, G_CONNECT_SWAPPED);
}

void
dossier_detail_pane_set_store (DossierDetailPane *self,
                               DossierStore      *store)
{
  g_return_if_fail (DOSSIER_IS_DETAIL_PANE (self));
  g_return_if_fail (!store || DOSSIER_IS_STORE (store));

  if (g_set_object (&self->store, store))
    {
      g_signal_group_set_target (self->store_signals, store);
      show_page (self, FALSE);
    }
}

void
dossier_detail_pane_set_selection (DossierDetailPane *self,
                                   DossierSelection  *selection)
{
  g_return_if_fail (DOSSIER_IS_DETAIL_PANE (self));
  g_return_if_fail (!selection || DOSSIER_IS_SELECTION (selection));

  if (g_set_object (&self->selection, selection))
    {
      g_signal_group_set_target (self->selection_signals, selection);
      show_page (self, FALSE);
    }
}

/**
 * dossier_detail_pane_get_heading:
 *
 * Returns: the title of the page shown
 */
const char *
dossier_detail_pane_get_heading (DossierDetailPane *self)
{
  g_return_val_if_fail (DOSSIER_IS_DETAIL_PANE (self), NULL);
  return gtk_label_get_label (self->heading);
}

/**
 * dossier_detail_pane_get_summary:
 *
 * Returns: the summary shown under the heading, as text (its links are
 *   markup), or ""
 */
const char *
dossier_detail_pane_get_summary (DossierDetailPane *self)
{
  g_return_val_if_fail (DOSSIER_IS_DETAIL_PANE (self), NULL);
  return gtk_label_get_text (self->summary);
}
