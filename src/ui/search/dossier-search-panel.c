/* dossier-search-panel.c
 *
 * The window's search, shown by its GtkSearchBar (Ctrl+F): results appear
 * as the user types (the store's full-text index: any case, any accents,
 * prefixes), grouped by kind, the matched words in bold, and a match found
 * in the other language said so with its excerpt. Up and Down move among
 * them; Enter opens the chosen one (the first if none) through
 * "win.select", so the sidebar and the chart follow as for any link, then
 * ::done asks the window to close the search. A search that finds nothing
 * says so.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-search-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-format.h"
#include "dossier-node.h"
#include "dossier-search-hit.h"
#include "dossier-search-panel.h"
#include "dossier-store.h"

#define MAX_RESULTS 60
/* The list shows about six results: it is given this many rows at first,
 * and as many more each time it is scrolled (or moved with Down) near its
 * end, rather than sixty at once, each laid out before the next frame. */
#define ROWS_AT_ONCE 15

struct _DossierSearchPanel
{
  GtkWidget     parent_instance;

  DossierStore *store;
  GtkWidget    *entry;
  GtkWidget    *scroller;
  GtkWidget    *list;
  GtkWidget    *status;
  GPtrArray    *hits;      /* of DossierSearchHit, in the rows' order */
  guint         n_rows;    /* the rows made, for the first hits */
  char         *searched;  /* what they were found for */
  guint         scroll_tick;
  GHashTable   *case_titles;
  guint         more_id;
};

G_DEFINE_FINAL_TYPE (DossierSearchPanel, dossier_search_panel, GTK_TYPE_WIDGET)

enum {
  DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
kind_heading (DossierNodeKind kind)
{
  switch (kind)
    {
    case DOSSIER_NODE_CASE:         return _("Case files");
    case DOSSIER_NODE_ORGANIZATION: return _("Organizations");
    case DOSSIER_NODE_PERSON:       return _("People");
    case DOSSIER_NODE_ROLE:         return _("Roles");
    case DOSSIER_NODE_EVENT:        return _("Events");
    case DOSSIER_NODE_CLAIM:        return _("Claims");
    case DOSSIER_NODE_SOURCE:       return _("Sources");
    default:                        return "";
    }
}

/* The excerpt with its matched words in bold, the rest escaped. The
 * markers come in pairs, so the pieces between them alternate; each is
 * escaped alone (GLib would escape the markers too). */
static char *
excerpt_markup (const char *excerpt)
{
  g_auto(GStrv) pieces = g_strsplit_set (excerpt, DOSSIER_SEARCH_MATCH_START DOSSIER_SEARCH_MATCH_END, -1);
  GString *markup = g_string_new (NULL);
  gboolean bold = FALSE;

  for (guint i = 0; pieces[i] != NULL; i++)
    {
      g_autofree char *escaped = g_markup_escape_text (pieces[i], -1);

      if (bold)
        g_string_append_printf (markup, "<b>%s</b>", escaped);
      else
        g_string_append (markup, escaped);
      bold = !bold;
    }
  return g_string_free (markup, FALSE);
}

static const char *
language_name (const char *language)
{
  if (g_str_equal (language, "fr"))
    return _("French");
  if (g_str_equal (language, "en"))
    return _("English");
  return language;
}

/* The title of the case file @case_id, read once a search however many
 * of its results are from it. */
static const char *
case_title (DossierSearchPanel *self,
            gint64              case_id)
{
  char *title = g_hash_table_lookup (self->case_titles, &case_id);

  if (title == NULL)
    {
      g_autoptr(DossierNode) case_node = dossier_store_get_node (self->store, 0, case_id, NULL);
      gint64 *key = g_new (gint64, 1);

      *key = case_id;
      title = g_strdup (case_node ? dossier_node_get_title (case_node) : "");
      g_hash_table_insert (self->case_titles, key, title);
    }
  return title;
}

/* A result: its title in bold, its case file and date smaller, and the
 * words around the match dimmed, each on one line ellipsized. One label,
 * not three: a search shows sixty results at once, and each label is laid
 * out at every width it is offered. */
static GtkWidget *
make_row (DossierSearchPanel *self,
          DossierSearchHit   *hit)
{
  DossierNode *node = dossier_search_hit_get_node (hit);
  const char *language = dossier_search_hit_get_language (hit);
  const char *ours = dossier_store_get_language (self->store);
  gint64 case_id = dossier_search_hit_get_case_id (hit);
  g_autofree char *markup = excerpt_markup (dossier_search_hit_get_excerpt (hit));
  g_autofree char *date = dossier_format_date (dossier_node_get_date (node));
  g_autofree char *title = g_markup_escape_text (dossier_node_get_title (node), -1);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *where = NULL;
  g_autofree char *name = NULL;
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *row = gtk_list_box_row_new ();

  if (g_str_equal (language, "note"))
    /* Translators: a search result matched in a note of the user's; %s is the excerpt */
    where = g_strdup_printf (_("In your note: %s"), markup);
  else if (*language != '\0' && !g_str_equal (language, ours))
    /* Translators: a search result matched in the other language: 1 the
     * language, 2 the excerpt */
    where = g_strdup_printf (_("In %1$s: %2$s"), language_name (language), markup);
  else
    where = g_steal_pointer (&markup);

  g_string_append_printf (text, "<b>%s</b>", title);
  if (case_id != 0 || date != NULL)
    {
      /* Translators: under a search result: 1 its case file, 2 its date (or nothing) */
      g_autofree char *context = g_strdup_printf (date ? _("%1$s · %2$s") : "%1$s",
                                                  case_id != 0 ? case_title (self, case_id) : "",
                                                  date);
      g_autofree char *escaped = g_markup_escape_text (context, -1);

      g_string_append_printf (text, "\n<small>%s</small>", escaped);
    }
  if (*dossier_search_hit_get_excerpt (hit) != '\0')
    /* Dimmed as .dim-label is in style.css, at WCAG AA contrast. */
    g_string_append_printf (text, "\n<span alpha=\"72%%\">%s</span>", where);

  gtk_label_set_markup (GTK_LABEL (label), text->str);
  gtk_label_set_xalign (GTK_LABEL (label), 0.);
  /* Each line ellipsized on its own (Pango's default for a label's
   * paragraphs). */
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);

  /* Translators: a search result for a screen reader: 1 its kind, 2 its title */
  name = g_strdup_printf (_("%1$s: %2$s"), kind_heading (dossier_node_get_kind (node)), dossier_node_get_title (node));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  return row;
}

/* A kind's heading above the first row of it. */
static void
update_header (GtkListBoxRow *row,
               GtkListBoxRow *before,
               gpointer       user_data)
{
  DossierSearchPanel *self = user_data;
  DossierSearchHit *hit = g_ptr_array_index (self->hits, gtk_list_box_row_get_index (row));
  DossierNodeKind kind = dossier_node_get_kind (dossier_search_hit_get_node (hit));
  GtkWidget *header;

  if (before != NULL)
    {
      DossierSearchHit *previous = g_ptr_array_index (self->hits, gtk_list_box_row_get_index (before));

      if (dossier_node_get_kind (dossier_search_hit_get_node (previous)) == kind)
        {
          gtk_list_box_row_set_header (row, NULL);
          return;
        }
    }

  header = g_object_new (GTK_TYPE_LABEL,
                         "label", kind_heading (kind),
                         "xalign", 0.f,
                         "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING,
                         "margin-start", 12, "margin-top", 8, "margin-bottom", 2,
                         NULL);
  gtk_widget_add_css_class (header, "caption-heading");
  gtk_widget_add_css_class (header, "dim-label");
  gtk_list_box_row_set_header (row, header);
}

static int
by_kind (gconstpointer a,
         gconstpointer b)
{
  DossierSearchHit *x = *(DossierSearchHit * const *) a;
  DossierSearchHit *y = *(DossierSearchHit * const *) b;

  return (int) dossier_node_get_kind (dossier_search_hit_get_node (x)) -
         (int) dossier_node_get_kind (dossier_search_hit_get_node (y));
}

/* The rows of the next ROWS_AT_ONCE hits. */
static void
show_more (DossierSearchPanel *self)
{
  guint end = MIN (self->hits->len, self->n_rows + ROWS_AT_ONCE);

  for (; self->n_rows < end; self->n_rows++)
    gtk_list_box_append (GTK_LIST_BOX (self->list), make_row (self, g_ptr_array_index (self->hits, self->n_rows)));
}

static gboolean
show_more_if_near_end (gpointer data)
{
  DossierSearchPanel *self = data;
  GtkAdjustment *scroll = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller));

  self->more_id = 0;
  if (self->hits != NULL && self->n_rows < self->hits->len &&
      gtk_adjustment_get_value (scroll) + 2 * gtk_adjustment_get_page_size (scroll) >= gtk_adjustment_get_upper (scroll))
    show_more (self);
  return G_SOURCE_REMOVE;
}

/* Scrolled, or resized: more rows once the end is less than a page away,
 * out of the scrolled window's allocation. */
static void
on_scrolled (DossierSearchPanel *self)
{
  if (self->hits != NULL && self->more_id == 0 && self->n_rows < self->hits->len)
    self->more_id = g_idle_add (show_more_if_near_end, self);
}

static void stop_bringing_into_view (DossierSearchPanel *self);

/**
 * dossier_search_panel_search_now:
 *
 * Shows the results of what the entry holds, without waiting for typing
 * to pause.
 */
void
dossier_search_panel_search_now (DossierSearchPanel *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  g_autoptr(GListModel) hits = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  g_return_if_fail (DOSSIER_IS_SEARCH_PANEL (self));

  while ((child = gtk_widget_get_first_child (self->list)))
    gtk_list_box_remove (GTK_LIST_BOX (self->list), child);
  g_ptr_array_set_size (self->hits, 0);
  g_hash_table_remove_all (self->case_titles);
  g_clear_handle_id (&self->more_id, g_source_remove);
  stop_bringing_into_view (self);
  self->n_rows = 0;
  g_free (self->searched);
  self->searched = g_strdup (text);
  /* A new list starts at its top, where its first result is chosen. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller)), 0.);

  if (self->store == NULL || *text == '\0')
    {
      gtk_widget_set_visible (self->scroller, FALSE);
      gtk_widget_set_visible (self->status, FALSE);
      return;
    }

  hits = dossier_store_search_hits (self->store, text, MAX_RESULTS, &error);
  if (hits == NULL)
    {
      gtk_label_set_label (GTK_LABEL (self->status), error->message);
      gtk_widget_set_visible (self->status, TRUE);
      gtk_widget_set_visible (self->scroller, FALSE);
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (hits); i++)
    g_ptr_array_add (self->hits, g_list_model_get_item (hits, i));
  /* Grouped by kind, best first within each (a stable sort). */
  g_qsort_with_data (self->hits->pdata, self->hits->len, sizeof (gpointer),
                     (GCompareDataFunc) by_kind, NULL);
  show_more (self);

  if (self->hits->len > 0)
    gtk_list_box_select_row (GTK_LIST_BOX (self->list), gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->list), 0));
  else
    {
      g_autofree char *none = g_strdup_printf (_("Nothing matches “%s”."), text);

      gtk_label_set_label (GTK_LABEL (self->status), none);
    }
  gtk_widget_set_visible (self->scroller, self->hits->len > 0);
  gtk_widget_set_visible (self->status, self->hits->len == 0);
}

/* The hit @row shows (rows are made in the hits' order), or %NULL. */
static DossierSearchHit *
hit_of_row (DossierSearchPanel *self,
            GtkListBoxRow      *row)
{
  int index = row ? gtk_list_box_row_get_index (row) : -1;

  return index >= 0 && (guint) index < self->hits->len ? g_ptr_array_index (self->hits, index) : NULL;
}

static void
open_row (DossierSearchPanel *self,
          GtkListBoxRow      *row)
{
  DossierSearchHit *hit = hit_of_row (self, row);
  DossierNode *node;
  DossierNodeKind kind;
  gint64 case_id;

  if (hit == NULL)
    return;

  g_object_ref (hit);
  node = dossier_search_hit_get_node (hit);
  kind = dossier_node_get_kind (node);
  case_id = kind == DOSSIER_NODE_CASE ? dossier_node_get_id (node) : dossier_search_hit_get_case_id (hit);

  if (case_id != 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.select", "(xix)", case_id,
                                (gint32) dossier_node_kind_get_section (kind),
                                kind == DOSSIER_NODE_CASE ? (gint64) 0 : dossier_node_get_id (node));
  g_signal_emit (self, signals[DONE], 0);
  g_object_unref (hit);
}

/* Enter: the result chosen, searched for first if the words changed
 * since (the entry waits for typing to pause). */
static void
on_activate (DossierSearchPanel *self)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->entry)), self->searched) != 0)
    dossier_search_panel_search_now (self);
  open_row (self, gtk_list_box_get_selected_row (GTK_LIST_BOX (self->list)));
}

static void
on_row_activated (DossierSearchPanel *self,
                  GtkListBoxRow      *row)
{
  open_row (self, row);
}

/* Scrolls the list to show @row, once it has its place: %FALSE before. */
static gboolean
bring_into_view (DossierSearchPanel *self,
                 GtkListBoxRow      *row)
{
  GtkAdjustment *scroll = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller));
  graphene_rect_t bounds;

  if (!gtk_widget_compute_bounds (GTK_WIDGET (row), self->list, &bounds) || bounds.size.height <= 0)
    return FALSE;
  gtk_adjustment_clamp_page (scroll, bounds.origin.y, bounds.origin.y + bounds.size.height);
  return TRUE;
}

/* A row chosen as it was made is brought into view at the frame after
 * the one that places it. */
static gboolean
bring_chosen_into_view (GtkWidget     *list,
                        GdkFrameClock *clock,
                        gpointer       data)
{
  DossierSearchPanel *self = data;
  GtkListBoxRow *row = gtk_list_box_get_selected_row (GTK_LIST_BOX (list));

  if (row != NULL && !bring_into_view (self, row))
    return G_SOURCE_CONTINUE;
  self->scroll_tick = 0;
  return G_SOURCE_REMOVE;
}

static void
stop_bringing_into_view (DossierSearchPanel *self)
{
  if (self->scroll_tick != 0)
    gtk_widget_remove_tick_callback (self->list, self->scroll_tick);
  self->scroll_tick = 0;
}

/* Up and Down in the entry move among the results. */
static gboolean
on_key_pressed (DossierSearchPanel *self,
                guint               keyval,
                guint               keycode,
                GdkModifierType     state)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (GTK_LIST_BOX (self->list));
  int index = row ? gtk_list_box_row_get_index (row) : -1;
  GtkListBoxRow *next;

  if (keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down)
    {
      if (++index >= (int) self->n_rows)
        show_more (self);
    }
  else if (keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up)
    index--;
  else
    return FALSE;

  next = gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->list), MAX (index, 0));
  if (next != NULL)
    {
      gtk_list_box_select_row (GTK_LIST_BOX (self->list), next);
      if (bring_into_view (self, next))
        stop_bringing_into_view (self);
      else if (self->scroll_tick == 0)
        self->scroll_tick = gtk_widget_add_tick_callback (self->list, bring_chosen_into_view, self, NULL);
      /* The next rows are made on reaching the last, so that they have
       * their place by the next press. */
      if (index + 1 >= (int) self->n_rows)
        show_more (self);
    }
  return TRUE;
}

static void
dossier_search_panel_dispose (GObject *object)
{
  DossierSearchPanel *self = DOSSIER_SEARCH_PANEL (object);
  GtkWidget *child;

  if (self->list != NULL)
    stop_bringing_into_view (self);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  self->list = NULL;
  g_clear_handle_id (&self->more_id, g_source_remove);
  g_clear_pointer (&self->hits, g_ptr_array_unref);
  g_clear_pointer (&self->case_titles, g_hash_table_unref);
  g_clear_pointer (&self->searched, g_free);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (dossier_search_panel_parent_class)->dispose (object);
}

static void
dossier_search_panel_class_init (DossierSearchPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_search_panel_dispose;

  /**
   * DossierSearchPanel::done:
   *
   * A result was opened: the search can close.
   */
  signals[DONE] = g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "searchpanel");
}

static void
dossier_search_panel_init (DossierSearchPanel *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->hits = g_ptr_array_new_with_free_func (g_object_unref);
  self->case_titles = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);

  self->entry = gtk_search_entry_new ();
  g_object_set (self->entry,
                "placeholder-text", _("Search names, events, sources and your notes"),
                "hexpand", TRUE,
                NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search"), -1);
  g_signal_connect_swapped (self->entry, "search-changed", G_CALLBACK (dossier_search_panel_search_now), self);
  g_signal_connect_swapped (self->entry, "activate", G_CALLBACK (on_activate), self);
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (self->entry, keys);
  gtk_widget_set_parent (self->entry, GTK_WIDGET (self));

  self->list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->list), GTK_SELECTION_BROWSE);
  gtk_list_box_set_header_func (GTK_LIST_BOX (self->list), update_header, self, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Search results"), -1);
  g_signal_connect_swapped (self->list, "row-activated", G_CALLBACK (on_row_activated), self);

  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (self->scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (self->scroller), 320);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), self->list);
  {
    GtkAdjustment *scroll = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller));

    g_signal_connect_object (scroll, "value-changed", G_CALLBACK (on_scrolled), self, G_CONNECT_SWAPPED);
    g_signal_connect_object (scroll, "changed", G_CALLBACK (on_scrolled), self, G_CONNECT_SWAPPED);
  }
  gtk_widget_set_margin_top (self->scroller, 6);
  gtk_widget_set_visible (self->scroller, FALSE);
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));

  self->status = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->status), 0.);
  gtk_widget_set_margin_top (self->status, 6);
  gtk_widget_add_css_class (self->status, "dim-label");
  gtk_widget_set_visible (self->status, FALSE);
  gtk_widget_set_parent (self->status, GTK_WIDGET (self));
}

GtkWidget *
dossier_search_panel_new (void)
{
  return g_object_new (DOSSIER_TYPE_SEARCH_PANEL, NULL);
}

void
dossier_search_panel_set_store (DossierSearchPanel *self,
                                DossierStore       *store)
{
  g_return_if_fail (DOSSIER_IS_SEARCH_PANEL (self));

  if (g_set_object (&self->store, store))
    dossier_search_panel_search_now (self);
}

GtkWidget *
dossier_search_panel_get_entry (DossierSearchPanel *self)
{
  g_return_val_if_fail (DOSSIER_IS_SEARCH_PANEL (self), NULL);
  return self->entry;
}

guint
dossier_search_panel_get_n_results (DossierSearchPanel *self)
{
  g_return_val_if_fail (DOSSIER_IS_SEARCH_PANEL (self), 0);
  return self->hits->len;
}

/**
 * dossier_search_panel_get_chosen:
 *
 * Returns: (transfer none) (nullable): the result chosen (Enter opens it)
 */
DossierSearchHit *
dossier_search_panel_get_chosen (DossierSearchPanel *self)
{
  g_return_val_if_fail (DOSSIER_IS_SEARCH_PANEL (self), NULL);

  return hit_of_row (self, gtk_list_box_get_selected_row (GTK_LIST_BOX (self->list)));
}
