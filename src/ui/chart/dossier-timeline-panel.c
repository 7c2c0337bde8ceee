/* dossier-timeline-panel.c
 *
 * The selected case file's timeline, with its zoom buttons. Like the
 * market panel it follows the store and the shared selection by itself:
 * another case file loads its events; an edit to an event, a party or a
 * source reloads them and keeps the days shown. The chart (a DossierChart
 * with the timeline view) highlights the event selected, brings it into
 * view, and marks the events of the organization or person selected; a
 * click on an event selects it everywhere.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-timeline-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-chart.h"
#include "dossier-chart-content.h"
#include "dossier-chart-timeline.h"
#include "dossier-selection.h"
#include "dossier-store.h"
#include "dossier-timeline-content.h"
#include "dossier-timeline-panel.h"
#include "dossier-tooltip.h"

struct _DossierTimelinePanel
{
  GtkWidget         parent_instance;

  DossierStore     *store;
  DossierSelection *selection;
  GSignalGroup     *selection_signals;
  GSignalGroup     *store_signals;
  gint64            shown_case_id;
  guint             reload_id;
  gint64            loaded_case_id;
  /* Events to read once the panel is shown (see load()). */
  gboolean          stale;

  DossierChart     *chart;
  GtkWidget        *empty;
};

G_DEFINE_FINAL_TYPE (DossierTimelinePanel, dossier_timeline_panel, GTK_TYPE_WIDGET)

/* Loads the events of the case file shown; @keep_days keeps the days
 * shown. Not while the panel is hidden behind the market chart, as it is
 * when the window opens: its events are read when it is shown (map), so
 * that they cost nothing to a start that does not show them. */
static void
load (DossierTimelinePanel *self,
      gboolean              keep_days)
{
  const DossierChartContent *shown = dossier_chart_get_content (self->chart);
  g_autoptr(DossierChartContent) content = NULL;
  g_autoptr(GError) error = NULL;

  if (self->store == NULL || self->shown_case_id <= 0)
    return;
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  self->stale = FALSE;

  content = dossier_timeline_content_load (self->store, self->shown_case_id, &error);
  if (content == NULL)
    {
      g_warning ("Cannot show the timeline: %s", error->message);
      return;
    }
  if (keep_days && shown != NULL && shown->events != NULL)
    dossier_timeline_content_set_range (content, shown->from, shown->to);

  /* A case file of many events has them counted by day, not listed. */
  gtk_widget_set_visible (self->empty, content->items->len == 0 && content->n_events == 0);
  dossier_chart_set_content (self->chart, g_steal_pointer (&content));
  self->loaded_case_id = self->shown_case_id;
}

static void
on_selection_changed (DossierTimelinePanel *self)
{
  gint64 case_id;

  if (self->selection == NULL)
    return;

  case_id = dossier_selection_get_case_id (self->selection);
  if (case_id == self->shown_case_id)
    return;

  self->shown_case_id = case_id;
  /* Another case file's days are not kept, even if the panel, hidden,
   * still holds this one's from before. */
  self->loaded_case_id = 0;
  load (self, FALSE);
}

static gboolean
reload (gpointer data)
{
  DossierTimelinePanel *self = data;

  self->reload_id = 0;
  load (self, TRUE);
  return G_SOURCE_REMOVE;
}

/* A change to an event, a party, or the case file shown: its events are
 * read again once the commit's changes are all in (an import sends
 * thousands), keeping the days shown. Other case files' changes pass by. */
static void
on_store_changed (DossierTimelinePanel *self,
                  DossierObjectKind     kind,
                  gint64                id,
                  DossierChangeType     type,
                  gint64                case_id)
{
  if (kind == DOSSIER_OBJECT_CASE && id == self->shown_case_id && type == DOSSIER_CHANGE_REMOVED)
    {
      /* The selection moves on to another case file, which loads its own. */
      self->shown_case_id = 0;
      return;
    }
  if (kind != DOSSIER_OBJECT_EVENT && kind != DOSSIER_OBJECT_CASE &&
      kind != DOSSIER_OBJECT_ORGANIZATION && kind != DOSSIER_OBJECT_PERSON)
    return;
  if (case_id != 0 && case_id != self->shown_case_id)
    return;
  if (kind == DOSSIER_OBJECT_CASE && id != self->shown_case_id)
    return;
  if (self->reload_id == 0)
    self->reload_id = g_idle_add (reload, self);
}

static void
on_zoom_clicked (GtkButton            *button,
                 DossierTimelinePanel *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self->chart),
                              g_object_get_data (G_OBJECT (button), "action"), NULL);
}

static GtkWidget *
zoom_button (DossierTimelinePanel *self,
             const char           *icon,
             const char           *tooltip,
             const char           *action)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  dossier_tooltip_set (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data (G_OBJECT (button), "action", (gpointer) action);
  g_signal_connect (button, "clicked", G_CALLBACK (on_zoom_clicked), self);
  return button;
}

static void
dossier_timeline_panel_map (GtkWidget *widget)
{
  DossierTimelinePanel *self = DOSSIER_TIMELINE_PANEL (widget);

  GTK_WIDGET_CLASS (dossier_timeline_panel_parent_class)->map (widget);

  /* The days shown are kept if the chart still has the same case file. */
  if (self->stale)
    load (self, self->loaded_case_id == self->shown_case_id);
}

static void
dossier_timeline_panel_dispose (GObject *object)
{
  DossierTimelinePanel *self = (DossierTimelinePanel *) object;
  GtkWidget *child;

  if (self->selection_signals != NULL)
    g_signal_group_set_target (self->selection_signals, NULL);
  if (self->store_signals != NULL)
    g_signal_group_set_target (self->store_signals, NULL);
  g_clear_handle_id (&self->reload_id, g_source_remove);
  g_clear_object (&self->selection_signals);
  g_clear_object (&self->store_signals);
  g_clear_object (&self->selection);
  g_clear_object (&self->store);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (dossier_timeline_panel_parent_class)->dispose (object);
}

static void
dossier_timeline_panel_class_init (DossierTimelinePanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_timeline_panel_dispose;
  widget_class->map = dossier_timeline_panel_map;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "timelinepanel");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
dossier_timeline_panel_init (DossierTimelinePanel *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *hint = gtk_label_new (_("Ctrl+scroll to zoom, drag to move"));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_ORIENTATION, GTK_ORIENTATION_VERTICAL,
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Timeline"),
                                  -1);

  gtk_widget_add_css_class (hint, "dim-label");
  gtk_widget_set_hexpand (hint, TRUE);
  gtk_label_set_xalign (GTK_LABEL (hint), 0.f);
  gtk_label_set_ellipsize (GTK_LABEL (hint), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (bar), hint);
  gtk_box_append (GTK_BOX (bar), zoom_button (self, "zoom-out-symbolic", _("Zoom Out (Ctrl+−)"), "chart.zoom-out"));
  gtk_box_append (GTK_BOX (bar), zoom_button (self, "zoom-fit-best-symbolic", _("Show the Whole Case (Ctrl+0)"), "chart.zoom-fit"));
  gtk_box_append (GTK_BOX (bar), zoom_button (self, "zoom-in-symbolic", _("Zoom In (Ctrl++)"), "chart.zoom-in"));
  gtk_widget_set_parent (bar, GTK_WIDGET (self));

  self->empty = gtk_label_new (_("No events in this case file yet"));
  gtk_widget_add_css_class (self->empty, "dim-label");
  gtk_widget_set_visible (self->empty, FALSE);
  gtk_widget_set_parent (self->empty, GTK_WIDGET (self));

  self->chart = DOSSIER_CHART (dossier_chart_new ());
  dossier_chart_set_view (self->chart, dossier_chart_timeline_get_view ());
  /* Named before its events are read, which waits until it is shown. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chart), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Timeline"), -1);
  gtk_widget_set_vexpand (GTK_WIDGET (self->chart), TRUE);
  gtk_widget_set_parent (GTK_WIDGET (self->chart), GTK_WIDGET (self));

  self->selection_signals = g_signal_group_new (DOSSIER_TYPE_SELECTION);
  g_signal_group_connect_object (self->selection_signals, "changed",
                                 G_CALLBACK (on_selection_changed), self, G_CONNECT_SWAPPED);
  self->store_signals = g_signal_group_new (DOSSIER_TYPE_STORE);
  g_signal_group_connect_object (self->store_signals, "changed",
                                 G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
}

GtkWidget *
dossier_timeline_panel_new (void)
{
  return g_object_new (DOSSIER_TYPE_TIMELINE_PANEL, NULL);
}

/**
 * dossier_timeline_panel_set_store:
 * @store: (nullable): where the events come from
 */
void
dossier_timeline_panel_set_store (DossierTimelinePanel *self,
                                  DossierStore         *store)
{
  g_return_if_fail (DOSSIER_IS_TIMELINE_PANEL (self));
  g_return_if_fail (store == NULL || DOSSIER_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  g_signal_group_set_target (self->store_signals, store);
  load (self, FALSE);
}

/**
 * dossier_timeline_panel_set_selection:
 * @selection: (nullable): the selection to follow
 */
void
dossier_timeline_panel_set_selection (DossierTimelinePanel *self,
                                      DossierSelection     *selection)
{
  g_return_if_fail (DOSSIER_IS_TIMELINE_PANEL (self));
  g_return_if_fail (selection == NULL || DOSSIER_IS_SELECTION (selection));

  if (!g_set_object (&self->selection, selection))
    return;

  g_signal_group_set_target (self->selection_signals, selection);
  dossier_chart_set_selection (self->chart, selection);
  on_selection_changed (self);
}

/**
 * dossier_timeline_panel_get_chart:
 *
 * Returns: (transfer none): the #DossierChart drawing the timeline
 */
GtkWidget *
dossier_timeline_panel_get_chart (DossierTimelinePanel *self)
{
  g_return_val_if_fail (DOSSIER_IS_TIMELINE_PANEL (self), NULL);
  return GTK_WIDGET (self->chart);
}
