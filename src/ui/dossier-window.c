/* dossier-window.c
 *
 * A view of the application's store: the sidebar, the detail pane and the
 * chart share one #DossierSelection and never call each other. The window
 * only feeds the chart the figures of the series and period picked above it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-window"

#include "config.h"

#include "dossier-ui-resources.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "dossier-a11y.h"
#include "dossier-chart.h"
#include "dossier-detail-pane.h"
#include "dossier-format.h"
#include "dossier-node.h"
#include "dossier-selection.h"
#include "dossier-series.h"
#include "dossier-sidebar.h"
#include "dossier-store.h"
#include "dossier-window.h"

struct _DossierWindow
{
  GtkApplicationWindow  parent_instance;

  DossierStore         *store;
  DossierSelection     *selection;
  GListModel           *series;
  char                **periods;
  char                 *case_period;
  gint64                shown_case_id;

  GtkLabel             *subtitle_label;
  DossierSidebar       *sidebar;
  DossierDetailPane    *detail;
  DossierChart         *chart;
  GtkDropDown          *series_dropdown;
  GtkDropDown          *period_dropdown;
  GtkFileChooserNative *export_chooser;
  GtkInfoBar           *export_bar;
  GtkLabel             *export_label;
  char                 *exported_uri;
};

G_DEFINE_FINAL_TYPE (DossierWindow, dossier_window, GTK_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static DossierSeries *
selected_series (DossierWindow *self)
{
  return gtk_drop_down_get_selected_item (self->series_dropdown);
}

static void
on_period_changed (DossierWindow *self)
{
  DossierSeries *series = selected_series (self);
  guint position = gtk_drop_down_get_selected (self->period_dropdown);
  g_autoptr(GListModel) shares = NULL;
  g_autoptr(GError) error = NULL;
  const char *period = NULL;

  if (series != NULL && self->periods != NULL &&
      position < g_strv_length (self->periods))
    {
      period = self->periods[position];
      shares = dossier_store_list_shares (self->store, dossier_series_get_id (series), period, &error);
      if (shares == NULL)
        g_warning ("%s", error->message);
    }

  dossier_chart_set_data (self->chart, series, period, shares);
}

/* A period as a number of quarters, a year counting as its middle. */
static double
period_position (const char *period)
{
  double year = g_ascii_strtod (period, NULL);

  if (strlen (period) == 7 && period[5] == 'Q')
    return year * 4 + (period[6] - '1');
  return year * 4 + 1.5;
}

/* Shows the periods of the selected series, on the one nearest the case
 * file's own period (the earlier on a tie), or the latest without one. */
static void
show_periods (DossierWindow *self,
              const char    *wanted)
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
      distance = fabs (period_position (self->periods[i]) - period_position (wanted));
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
  dossier_a11y_fix_drop_down (self->period_dropdown, _("Period"));

  on_period_changed (self);
}

static void
on_series_selected (DossierWindow *self)
{
  DossierSeries *series = selected_series (self);
  g_autofree char *label = series ? dossier_series_dup_label (series) : NULL;

  /* The button may be too narrow to tell two series of one firm apart. */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->series_dropdown), label ? label : _("Market-share series"));
  show_periods (self, NULL);
}

/* Opens the chart on the case file's own series and period. */
static void
show_case_market (DossierWindow *self,
                  gint64         case_id)
{
  g_autofree char *period = NULL;
  g_autoptr(GError) error = NULL;
  gint64 series_id = 0;
  guint n = self->series ? g_list_model_get_n_items (self->series) : 0;
  guint position = 0;

  if (!dossier_store_get_case_market (self->store, case_id, &series_id, &period, &error))
    g_warning ("%s", error->message);
  g_free (self->case_period);
  self->case_period = g_strdup (period);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierSeries) series = g_list_model_get_item (self->series, i);

      if (dossier_series_get_id (series) == series_id)
        position = i;
    }

  g_signal_handlers_block_by_func (self->series_dropdown, on_series_selected, self);
  gtk_drop_down_set_selected (self->series_dropdown, n > 0 ? position : GTK_INVALID_LIST_POSITION);
  g_signal_handlers_unblock_by_func (self->series_dropdown, on_series_selected, self);

  if (selected_series (self) != NULL)
    {
      g_autofree char *label = dossier_series_dup_label (selected_series (self));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->series_dropdown), label);
    }
  show_periods (self, period);
}

static void
on_selection_changed (DossierWindow *self)
{
  gint64 case_id = dossier_selection_get_case_id (self->selection);
  g_autoptr(DossierNode) node = NULL;
  g_autofree char *title = NULL;

  if (case_id == self->shown_case_id || self->store == NULL)
    return;

  self->shown_case_id = case_id;
  node = case_id ? dossier_store_get_node (self->store, case_id, case_id, NULL) : NULL;

  gtk_label_set_label (self->subtitle_label, node ? dossier_node_get_title (node) : "");
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), node != NULL);

  if (node != NULL)
    /* Translators: the window title: 1 the case file, 2 the application */
    title = g_strdup_printf (_("%1$s — %2$s"), dossier_node_get_title (node), _("Dossier"));
  gtk_window_set_title (GTK_WINDOW (self), title ? title : _("Dossier"));

  show_case_market (self, case_id);
}

static void
dossier_window_load (DossierWindow *self)
{
  g_autoptr(GListModel) cases = NULL;
  g_autoptr(GError) error = NULL;

  dossier_sidebar_set_store (self->sidebar, self->store);
  dossier_detail_pane_set_store (self->detail, self->store);

  g_clear_object (&self->series);
  self->series = dossier_store_list_series (self->store, &error);
  if (self->series == NULL)
    {
      g_warning ("%s", error->message);
      g_clear_error (&error);
    }

  g_signal_handlers_block_by_func (self->series_dropdown, on_series_selected, self);
  gtk_drop_down_set_model (self->series_dropdown, self->series);
  g_signal_handlers_unblock_by_func (self->series_dropdown, on_series_selected, self);
  dossier_a11y_fix_drop_down (self->series_dropdown, _("Market-share series"));

  /* Open on the first case file's overview. */
  cases = dossier_store_list_case_files (self->store, &error);
  if (cases != NULL && g_list_model_get_n_items (cases) > 0)
    {
      g_autoptr(DossierNode) first = g_list_model_get_item (cases, 0);

      dossier_selection_select (self->selection, dossier_node_get_id (first),
                                DOSSIER_SECTION_OVERVIEW, 0);
    }
  else if (cases == NULL)
    g_warning ("%s", error->message);
}

/* The "Open" button's response in dossier-window.ui. */
#define RESPONSE_OPEN 1

static void
reveal_export_bar (DossierWindow *self,
                   gboolean       revealed)
{
  gtk_info_bar_set_revealed (self->export_bar, revealed);
  dossier_a11y_set_shown (GTK_WIDGET (self->export_bar), revealed);
}

static void
on_export_bar_response (DossierWindow *self,
                        int            response)
{
  if (response == RESPONSE_OPEN && self->exported_uri != NULL)
    gtk_show_uri (GTK_WINDOW (self), self->exported_uri, GDK_CURRENT_TIME);

  reveal_export_bar (self, FALSE);
}

/**
 * dossier_window_export_chart_to:
 * @path: a file ending in .png, .svg or .pdf; without an extension, .png
 *
 * Writes the chart as shown and says so in the window, with a button to
 * open the file; an error is shown in a dialog.
 *
 * Returns: whether the file was written
 */
gboolean
dossier_window_export_chart_to (DossierWindow *self,
                                const char    *path)
{
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  g_autofree char *target = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* A name typed without an extension gets the default format. */
  name = g_path_get_basename (path);
  target = strchr (name, '.') ? g_strdup (path) : g_strconcat (path, ".png", NULL);

  if (!dossier_chart_export (self->chart, target, &error))
    {
      GtkWidget *dialog = gtk_message_dialog_new (GTK_WINDOW (self),
                                                  GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                                  GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE,
                                                  _("The chart could not be exported"));
      gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", error->message);
      g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
      gtk_window_present (GTK_WINDOW (dialog));
      return FALSE;
    }

  file = g_file_new_for_path (target);
  g_free (self->exported_uri);
  self->exported_uri = g_file_get_uri (file);
  g_free (name);
  name = g_path_get_basename (target);
  /* Translators: %s is a file name */
  message = g_strdup_printf (_("Chart exported to %s"), name);
  gtk_label_set_label (self->export_label, message);
  reveal_export_bar (self, TRUE);
  return TRUE;
}

static void
on_export_response (DossierWindow        *self,
                    int                   response,
                    GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      path = file ? g_file_get_path (file) : NULL;
      if (path != NULL)
        dossier_window_export_chart_to (self, path);
    }

  g_clear_object (&self->export_chooser);
}

static void
export_chart_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  g_autofree char *name = NULL;

  if (self->export_chooser != NULL)
    return;

  self->export_chooser = gtk_file_chooser_native_new (_("Export Chart"), GTK_WINDOW (self),
                                                      GTK_FILE_CHOOSER_ACTION_SAVE,
                                                      _("_Export"), _("_Cancel"));
  /* Translators: the file name an exported chart is offered under */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->export_chooser), _("market-share.png"));
  g_signal_connect_object (self->export_chooser, "response", G_CALLBACK (on_export_response), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->export_chooser));
}

static void
dossier_window_constructed (GObject *object)
{
  DossierWindow *self = (DossierWindow *)object;

  G_OBJECT_CLASS (dossier_window_parent_class)->constructed (object);

  if (self->store != NULL)
    dossier_window_load (self);
}

static void
dossier_window_dispose (GObject *object)
{
  DossierWindow *self = (DossierWindow *)object;

  if (self->export_chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->export_chooser));
  g_clear_object (&self->export_chooser);

  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_WINDOW);

  g_clear_object (&self->series);
  g_clear_object (&self->selection);
  g_clear_object (&self->store);
  g_clear_pointer (&self->periods, g_strfreev);
  g_clear_pointer (&self->case_period, g_free);
  g_clear_pointer (&self->exported_uri, g_free);

  G_OBJECT_CLASS (dossier_window_parent_class)->dispose (object);
}

static void
dossier_window_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  DossierWindow *self = DOSSIER_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_window_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  DossierWindow *self = DOSSIER_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_window_class_init (DossierWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = dossier_window_constructed;
  object_class->dispose = dossier_window_dispose;
  object_class->get_property = dossier_window_get_property;
  object_class->set_property = dossier_window_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, DOSSIER_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (DOSSIER_TYPE_CHART);
  g_type_ensure (DOSSIER_TYPE_DETAIL_PANE);
  g_type_ensure (DOSSIER_TYPE_SIDEBAR);
  g_type_ensure (DOSSIER_TYPE_SERIES);

  /* The resources live in a static library: referencing them links them in. */
  (void) dossier_ui_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/dossier/Dossier/dossier-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, detail);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, chart);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, series_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, period_dropdown);
  gtk_widget_class_bind_template_callback (widget_class, on_series_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_period_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_export_bar_response);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, export_bar);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, export_label);

  gtk_widget_class_install_action (widget_class, "win.export-chart", NULL, export_chart_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export-chart", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
dossier_window_init (DossierWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  dossier_a11y_name_close_button (GTK_WIDGET (self->export_bar), _("Close"));
  reveal_export_bar (self, FALSE);

  self->selection = dossier_selection_new ();
  g_signal_connect_object (self->selection, "changed", G_CALLBACK (on_selection_changed), self,
                           G_CONNECT_SWAPPED);

  dossier_sidebar_set_selection (self->sidebar, self->selection);
  dossier_detail_pane_set_selection (self->detail, self->selection);
  dossier_chart_set_selection (self->chart, self->selection);
}

DossierWindow *
dossier_window_new (GtkApplication *application,
                    DossierStore   *store)
{
  return g_object_new (DOSSIER_TYPE_WINDOW,
                       "application", application,
                       "store", store,
                       NULL);
}

DossierStore *
dossier_window_get_store (DossierWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), NULL);
  return self->store;
}

DossierSelection *
dossier_window_get_selection (DossierWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), NULL);
  return self->selection;
}

GtkWidget *
dossier_window_get_sidebar (DossierWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->sidebar);
}

GtkWidget *
dossier_window_get_detail (DossierWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->detail);
}

GtkWidget *
dossier_window_get_chart (DossierWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->chart);
}
