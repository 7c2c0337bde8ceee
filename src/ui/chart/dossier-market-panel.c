/* dossier-market-panel.c
 *
 * The chart and the two pickers above it: a market-share series and one of
 * its periods. The panel follows the store and the shared selection by
 * itself: when the selection moves to another case file it opens that case
 * file's own series and period; when the reader picks another series it
 * keeps to the period nearest the one shown; when the store gains a series
 * or figures, the pickers list them and the chart stays where it was. The chart follows the same
 * selection for its highlighted item.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-market-panel"

#include "config.h"

#include "dossier-ui-resources.h"

#include <glib/gi18n.h>
#include <math.h>

#include "dossier-a11y.h"
#include "dossier-chart.h"
#include "dossier-chart-donut.h"
#include "dossier-chart-lines.h"
#include "dossier-chart-content.h"
#include "dossier-format.h"
#include "dossier-market-panel-private.h"
#include "dossier-period.h"
#include "dossier-selection.h"
#include "dossier-series.h"
#include "dossier-settings.h"
#include "dossier-store.h"
#include "dossier-tooltip.h"


G_DEFINE_FINAL_TYPE (DossierMarketPanel, dossier_market_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SELECTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static DossierSeries *
selected_series (DossierMarketPanel *self)
{
  return gtk_drop_down_get_selected_item (self->series_dropdown);
}

/* The period picked, or the view: the chart of that period, as bars or
 * across every period of the series with that one marked. */
static void
on_period_changed (DossierMarketPanel *self)
{
  DossierSeries *series = selected_series (self);
  guint position = gtk_drop_down_get_selected (self->period_dropdown);
  /* The picker's order: Bars, Donut, Over Time. */
  guint view = gtk_drop_down_get_selected (self->view_dropdown);
  gboolean over_time = view == 2;
  DossierChartContent *content = NULL;
  g_autoptr(GError) error = NULL;
  const char *period = NULL;

  if (series != NULL && self->periods != NULL &&
      position < g_strv_length (self->periods))
    {
      gint64 id = dossier_series_get_id (series);

      period = self->periods[position];
      content = over_time ? dossier_chart_content_load_over_time (self->store, id, period, &error)
                          : dossier_chart_content_load (self->store, id, period, &error);
      if (content == NULL)
        g_warning ("%s", error->message);
    }

  /* Without figures, the chart still names the series and says so. */
  if (content == NULL)
    {
      content = dossier_chart_content_new (series, period, NULL);
      over_time = FALSE;
    }
  dossier_chart_set_view (self->chart, over_time ? dossier_chart_lines_get_view ()
                                       : view == 1 ? dossier_chart_donut_get_view () : NULL);
  dossier_a11y_fix_drop_down (self->view_dropdown, _("Chart view"));
  {
    g_autofree char *title = _dossier_market_panel_lookup_title (self);

    dossier_chart_content_set_title (content, title);
  }
  dossier_chart_set_content (self->chart, content);
  /* What the user picks, not what showing a case file picks for them. */
  if (!self->filling)
    _dossier_market_panel_save_state (self);
}

/* Shows the periods of the selected series, on the one nearest the case
 * file's own period (the earlier on a tie), or the latest without one. */
static void
show_periods (DossierMarketPanel *self,
              const char         *wanted)
{
  DossierSeries *series = selected_series (self);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;
  double best = G_MAXDOUBLE;
  guint position, n;

  if (wanted == NULL)
    wanted = self->case_period;

  g_clear_pointer (&self->periods, g_strfreev);
  if (series != NULL)
    {
      self->periods = dossier_store_list_periods (self->store, dossier_series_get_id (series), &error);
      if (self->periods == NULL)
        g_warning ("%s", error->message);
    }

  n = self->periods ? g_strv_length (self->periods) : 0;
  position = n > 0 ? n - 1 : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *label = dossier_format_period (self->periods[i]);
      double distance;

      gtk_string_list_append (labels, label);
      if (wanted == NULL)
        continue;
      distance = fabs (dossier_period_position (self->periods[i]) -
                       dossier_period_position (wanted));
      if (distance < best)
        {
          best = distance;
          position = i;
        }
    }

  g_signal_handlers_block_by_func (self->period_dropdown, on_period_changed, self);
  gtk_drop_down_set_model (self->period_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->period_dropdown, n > 0 ? position : GTK_INVALID_LIST_POSITION);
  g_signal_handlers_unblock_by_func (self->period_dropdown, on_period_changed, self);
  /* No series chosen, or one without figures: no period to pick. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->period_dropdown), n > 0);
  dossier_a11y_fix_drop_down (self->period_dropdown, _("Period"));

  on_period_changed (self);
}

/* The button may be too narrow to tell two series of one firm apart. */
static void
update_series_tooltip (DossierMarketPanel *self)
{
  DossierSeries *series = selected_series (self);
  g_autofree char *label = series ? dossier_series_dup_label (series) : NULL;

  dossier_tooltip_set (GTK_WIDGET (self->series_dropdown), label ? label : _("Market-share series"));
}

static void
on_series_selected (DossierMarketPanel *self)
{
  update_series_tooltip (self);
  show_periods (self, NULL);
}

/* Opens the chart on the case file's own series and period. */
static void
show_case_market (DossierMarketPanel *self,
                  gint64              case_id)
{
  g_autofree char *period = NULL;
  g_autofree char *left_on = NULL;
  g_autoptr(GError) error = NULL;
  gint64 series_id = 0, left_series = 0;
  guint n = self->series ? g_list_model_get_n_items (self->series) : 0;
  guint position = GTK_INVALID_LIST_POSITION;
  guint view = 0;

  if (!dossier_store_get_case_market (self->store, case_id, &series_id, &period, &error))
    g_warning ("%s", error->message);
  g_free (self->case_period);
  self->case_period = g_strdup (period);

  /* The chart as the user left it with this case file, if they did. */
  if (_dossier_market_panel_remembered (self, case_id, &left_series, &left_on, &view))
    {
      series_id = left_series;
      g_free (period);
      period = g_steal_pointer (&left_on);
      g_signal_handlers_block_by_func (self->view_dropdown, on_period_changed, self);
      gtk_drop_down_set_selected (self->view_dropdown, view);
      g_signal_handlers_unblock_by_func (self->view_dropdown, on_period_changed, self);
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierSeries) series = g_list_model_get_item (self->series, i);

      if (dossier_series_get_id (series) == series_id)
        position = i;
    }

  /* A case file without figures of its own shows none (the pickers still
   * open any series); with no case file, the first series. */
  if (case_id == 0 && n > 0)
    position = 0;
  g_signal_handlers_block_by_func (self->series_dropdown, on_series_selected, self);
  gtk_drop_down_set_selected (self->series_dropdown, position);
  g_signal_handlers_unblock_by_func (self->series_dropdown, on_series_selected, self);

  update_series_tooltip (self);
  self->filling = TRUE;
  show_periods (self, period);
  self->filling = FALSE;
}

static void
on_selection_changed (DossierMarketPanel *self)
{
  gint64 case_id;

  if (self->selection == NULL || self->store == NULL)
    return;

  case_id = dossier_selection_get_case_id (self->selection);
  if (case_id == self->shown_case_id)
    return;

  self->shown_case_id = case_id;
  show_case_market (self, case_id);
}

/* Reads the list of series again, and returns where @series_id is in it. */
static guint
read_series (DossierMarketPanel *self,
             gint64              series_id)
{
  g_autoptr(GError) error = NULL;
  guint position = GTK_INVALID_LIST_POSITION;

  g_clear_object (&self->series);
  if (self->store != NULL &&
      !(self->series = dossier_store_list_series (self->store, &error)))
    g_warning ("%s", error->message);

  for (guint i = 0; self->series != NULL && i < g_list_model_get_n_items (self->series); i++)
    {
      g_autoptr(DossierSeries) series = g_list_model_get_item (self->series, i);

      if (dossier_series_get_id (series) == series_id)
        position = i;
    }

  g_signal_handlers_block_by_func (self->series_dropdown, on_series_selected, self);
  gtk_drop_down_set_model (self->series_dropdown, self->series);
  gtk_drop_down_set_selected (self->series_dropdown, position);
  g_signal_handlers_unblock_by_func (self->series_dropdown, on_series_selected, self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->series_dropdown),
                            self->series != NULL && g_list_model_get_n_items (self->series) > 0);
  dossier_a11y_fix_drop_down (self->series_dropdown, _("Market-share series"));

  return position;
}

/* The series of a new store; the case file's market once one is selected. */
static void
load_series (DossierMarketPanel *self)
{
  g_clear_pointer (&self->case_period, g_free);
  self->shown_case_id = 0;

  read_series (self, 0);
  on_selection_changed (self);
}

/* DossierStore::changed: a series came, or gained figures (an import); a
 * case file came or went (the case files' own series are listed first); a
 * source or an organization the chart names changed. The reader stays on
 * the series and period shown. */
static void
on_store_changed (DossierMarketPanel *self,
                  DossierObjectKind   kind,
                  gint64              id,
                  DossierChangeType   type)
{
  DossierSeries *shown = selected_series (self);
  guint period = gtk_drop_down_get_selected (self->period_dropdown);
  g_autofree char *shown_period = NULL;

  if (kind != DOSSIER_OBJECT_MARKET_SERIES && kind != DOSSIER_OBJECT_SOURCE &&
      kind != DOSSIER_OBJECT_ORGANIZATION &&
      !(kind == DOSSIER_OBJECT_CASE && type != DOSSIER_CHANGE_CHANGED))
    return;

  if (self->periods != NULL && period < g_strv_length (self->periods))
    shown_period = g_strdup (self->periods[period]);

  if (read_series (self, shown ? dossier_series_get_id (shown) : 0) == GTK_INVALID_LIST_POSITION)
    {
      /* Nothing was shown: the case file's own market may have come. */
      self->shown_case_id = 0;
      on_selection_changed (self);
      return;
    }

  update_series_tooltip (self);
  show_periods (self, shown_period);
}

static void
dossier_market_panel_dispose (GObject *object)
{
  DossierMarketPanel *self = (DossierMarketPanel *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_MARKET_PANEL);

  if (self->selection_signals != NULL)
    g_signal_group_set_target (self->selection_signals, NULL);
  if (self->store_signals != NULL)
    g_signal_group_set_target (self->store_signals, NULL);
  g_clear_object (&self->selection_signals);
  g_clear_object (&self->store_signals);
  g_clear_object (&self->selection);
  g_clear_object (&self->series);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->periods, g_strfreev);
  g_clear_pointer (&self->case_period, g_free);

  G_OBJECT_CLASS (dossier_market_panel_parent_class)->dispose (object);
}

static void
dossier_market_panel_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  DossierMarketPanel *self = DOSSIER_MARKET_PANEL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_SELECTION:
      g_value_set_object (value, self->selection);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_market_panel_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  DossierMarketPanel *self = DOSSIER_MARKET_PANEL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      dossier_market_panel_set_store (self, g_value_get_object (value));
      break;
    case PROP_SELECTION:
      dossier_market_panel_set_selection (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_market_panel_class_init (DossierMarketPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_market_panel_dispose;
  object_class->get_property = dossier_market_panel_get_property;
  object_class->set_property = dossier_market_panel_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, DOSSIER_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * DossierMarketPanel:selection:
   *
   * The shared selection: its case file picks the market shown, its
   * organization the highlighted item.
   */
  properties[PROP_SELECTION] =
    g_param_spec_object ("selection", NULL, NULL, DOSSIER_TYPE_SELECTION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (DOSSIER_TYPE_CHART);
  g_type_ensure (DOSSIER_TYPE_SERIES);

  /* The resources live in a static library: referencing them links them in. */
  (void) dossier_ui_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/dossier/Dossier/chart/dossier-market-panel.ui");
  /* Bound so that dispose_template() takes it away with the rest. */
  gtk_widget_class_bind_template_child (widget_class, DossierMarketPanel, pickers);
  gtk_widget_class_bind_template_child (widget_class, DossierMarketPanel, series_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DossierMarketPanel, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DossierMarketPanel, view_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DossierMarketPanel, chart);
  /* Named so that dispose_template() unparents it, the chart inside it. */
  gtk_widget_class_bind_template_child_full (widget_class, "chart_scroller", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, on_series_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_period_changed);
  _dossier_market_panel_class_title_init (klass);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "marketpanel");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

/* Set here rather than in the template, which would ask the display
 * server where the pointer is for each (dossier-tooltip.c). */
static void
set_tooltips (DossierMarketPanel *self)
{
  dossier_tooltip_set (GTK_WIDGET (self->series_dropdown), _("Market-share series"));
  dossier_tooltip_set (GTK_WIDGET (self->period_dropdown), _("Period"));
  dossier_tooltip_set (GTK_WIDGET (self->view_dropdown), _("Chart view"));
  dossier_tooltip_set (GTK_WIDGET (self->title_button), _("Edit Chart Title (F2)"));
}

static void
dossier_market_panel_init (DossierMarketPanel *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 6);
  /* A vertical group to screen readers, as a vertical GtkBox is. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_ORIENTATION, GTK_ORIENTATION_VERTICAL,
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Market Chart"),
                                  -1);

  self->settings = dossier_settings_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  dossier_a11y_fix_drop_down (self->view_dropdown, _("Chart view"));
  /* A case file without figures of its own shows no series until one is
   * chosen (show_case_market()). */
  dossier_a11y_set_drop_down_placeholder (self->series_dropdown, _("Choose a series"));
  dossier_a11y_set_drop_down_placeholder (self->period_dropdown, _("No period"));
  set_tooltips (self);

  self->selection_signals = g_signal_group_new (DOSSIER_TYPE_SELECTION);
  g_signal_group_connect_object (self->selection_signals, "changed",
                                 G_CALLBACK (on_selection_changed), self, G_CONNECT_SWAPPED);
  self->store_signals = g_signal_group_new (DOSSIER_TYPE_STORE);
  g_signal_group_connect_object (self->store_signals, "changed",
                                 G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
}

GtkWidget *
dossier_market_panel_new (void)
{
  return g_object_new (DOSSIER_TYPE_MARKET_PANEL, NULL);
}

DossierStore *
dossier_market_panel_get_store (DossierMarketPanel *self)
{
  g_return_val_if_fail (DOSSIER_IS_MARKET_PANEL (self), NULL);
  return self->store;
}

/**
 * dossier_market_panel_set_store:
 * @store: (nullable): where the series and figures come from
 */
void
dossier_market_panel_set_store (DossierMarketPanel *self,
                                DossierStore       *store)
{
  g_return_if_fail (DOSSIER_IS_MARKET_PANEL (self));
  g_return_if_fail (store == NULL || DOSSIER_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  g_signal_group_set_target (self->store_signals, store);
  load_series (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

DossierSelection *
dossier_market_panel_get_selection (DossierMarketPanel *self)
{
  g_return_val_if_fail (DOSSIER_IS_MARKET_PANEL (self), NULL);
  return self->selection;
}

/**
 * dossier_market_panel_set_selection:
 * @selection: (nullable): the selection to follow
 */
void
dossier_market_panel_set_selection (DossierMarketPanel *self,
                                    DossierSelection   *selection)
{
  g_return_if_fail (DOSSIER_IS_MARKET_PANEL (self));
  g_return_if_fail (selection == NULL || DOSSIER_IS_SELECTION (selection));

  if (!g_set_object (&self->selection, selection))
    return;

  g_signal_group_set_target (self->selection_signals, selection);
  dossier_chart_set_selection (self->chart, selection);
  on_selection_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTION]);
}

/**
 * dossier_market_panel_get_chart:
 *
 * Returns: (transfer none): the #DossierChart
 */
GtkWidget *
dossier_market_panel_get_chart (DossierMarketPanel *self)
{
  g_return_val_if_fail (DOSSIER_IS_MARKET_PANEL (self), NULL);
  return GTK_WIDGET (self->chart);
}
