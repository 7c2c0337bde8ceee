/* dossier-window.c
 *
 * A view of the application's store that only assembles views: the
 * sidebar, the detail pane and the market panel share one
 * #DossierSelection, follow it by themselves and never call each other.
 * The window names the case file shown in its title; its actions are in
 * dossier-window-actions.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-window"

#include "config.h"

#include "dossier-ui-resources.h"

#include <glib/gi18n.h>

#include "dossier-node.h"
#include "dossier-selection.h"
#include "dossier-store.h"
#include "dossier-tooltip.h"
#include "dossier-window-private.h"

G_DEFINE_FINAL_TYPE (DossierWindow, dossier_window, GTK_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_case_title (DossierWindow *self)
{
  gint64 case_id = self->shown_case_id;
  g_autoptr(DossierNode) node = NULL;
  g_autofree char *title = NULL;

  g_autofree char *one_line = NULL;

  node = case_id ? dossier_store_get_node (self->store, case_id, case_id, NULL) : NULL;

  /* A title is one line in the header bar and the window list: line
   * breaks, tabs and other control characters pasted into it become
   * spaces there (the title itself is kept as typed). */
  one_line = g_strdup (node ? dossier_node_get_title (node) : "");
  for (char *p = one_line; *p != '\0'; p++)
    if ((guchar) *p < 0x20 || *p == 0x7f)
      *p = ' ';

  gtk_label_set_label (self->subtitle_label, one_line);
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), node != NULL);

  if (node != NULL)
    /* Translators: the window title: 1 the case file, 2 the application */
    title = g_strdup_printf (_("%1$s — %2$s"), one_line, _("Dossier"));
  gtk_window_set_title (GTK_WINDOW (self), title ? title : _("Dossier"));
}

static void
on_selection_changed (DossierWindow *self)
{
  gint64 case_id = dossier_selection_get_case_id (self->selection);

  if (case_id == self->shown_case_id || self->store == NULL)
    return;

  self->shown_case_id = case_id;
  show_case_title (self);
}

/* Shows the first case file's overview, or nothing when there is none. */
static void
select_first_case (DossierWindow *self)
{
  g_autoptr(GListModel) cases = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierNode) first = NULL;

  cases = dossier_store_list_case_files (self->store, &error);
  if (cases == NULL)
    g_warning ("%s", error->message);
  else if (g_list_model_get_n_items (cases) > 0)
    first = g_list_model_get_item (cases, 0);

  dossier_selection_select (self->selection, first ? dossier_node_get_id (first) : 0,
                            first ? DOSSIER_SECTION_OVERVIEW : DOSSIER_SECTION_NONE, 0);
}

/* DossierStore::changed: the case file shown was renamed; or what was
 * shown is gone (deleted, or its creation undone): show what holds it. */
static void
on_store_changed (DossierWindow     *self,
                  DossierObjectKind  kind,
                  gint64             node_id,
                  DossierChangeType  type)
{
  if (type == DOSSIER_CHANGE_REMOVED && kind == DOSSIER_OBJECT_CASE &&
      node_id == dossier_selection_get_case_id (self->selection))
    select_first_case (self);
  else if (type == DOSSIER_CHANGE_REMOVED && node_id == dossier_selection_get_node_id (self->selection))
    dossier_selection_select (self->selection, dossier_selection_get_case_id (self->selection),
                              dossier_selection_get_section (self->selection), 0);
  else if (kind == DOSSIER_OBJECT_CASE && node_id == self->shown_case_id)
    show_case_title (self);
}

static void
dossier_window_load (DossierWindow *self)
{
  g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
  dossier_sidebar_set_store (self->sidebar, self->store);
  dossier_detail_pane_set_store (self->detail, self->store);
  dossier_market_panel_set_store (self->market_panel, self->store);
  dossier_timeline_panel_set_store (self->timeline_panel, self->store);
  if (self->search_panel != NULL)
    dossier_search_panel_set_store (self->search_panel, self->store);
  _dossier_window_edit_follow (self);
  _dossier_window_items_follow (self);
  _dossier_window_exchange_follow (self);
  _dossier_window_navigation_follow (self);

  /* Open where the user left this database, or on the first case file's
   * overview. */
  if (!_dossier_window_state_restore_selection (self))
    select_first_case (self);
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

  _dossier_window_actions_dispose (self);
  _dossier_window_jobs_dispose (self);
  _dossier_window_exchange_dispose (self);
  _dossier_window_navigation_dispose (self);
  _dossier_window_state_dispose (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_WINDOW);

  g_clear_object (&self->selection);
  g_clear_object (&self->store);

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

  g_type_ensure (DOSSIER_TYPE_DETAIL_PANE);
  g_type_ensure (DOSSIER_TYPE_MARKET_PANEL);
  g_type_ensure (DOSSIER_TYPE_TIMELINE_PANEL);
  g_type_ensure (DOSSIER_TYPE_SIDEBAR);

  /* The resources live in a static library: referencing them links them in. */
  (void) dossier_ui_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/dossier/Dossier/dossier-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, detail);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, market_panel);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, timeline_panel);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, export_bar);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, export_label);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, read_only_bar);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, read_only_label);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, history_bar);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, history_label);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, history_section);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, job_bar);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, job_label);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, job_progress);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, sidebar_paned);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, chart_paned);
  /* Named for set_tooltips() only. */
  gtk_widget_class_bind_template_child_full (widget_class, "back_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "forward_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "search_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "export_close", FALSE, 0);

  _dossier_window_class_actions_init (klass);
  _dossier_window_class_edit_init (klass);
  _dossier_window_class_items_init (klass);
  _dossier_window_class_exchange_init (klass);
  _dossier_window_class_navigation_init (klass);
  _dossier_window_class_print_init (klass);
  _dossier_window_class_jobs_init (klass);
}

/* Set here rather than in the template, which would ask the display
 * server where the pointer is for each (dossier-tooltip.c). */
static void
set_tooltips (DossierWindow *self)
{
  static const struct { const char *id; const char *tooltip; } tooltips[] = {
    { "back_button", N_("Back (Alt+Left)") },
    { "forward_button", N_("Forward (Alt+Right)") },
    { "search_button", N_("Search (Ctrl+F)") },
    { "menu_button", N_("Main Menu") },
    { "export_close", N_("Close") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (tooltips); i++)
    dossier_tooltip_set (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self), DOSSIER_TYPE_WINDOW,
                                                                    tooltips[i].id)),
                         _(tooltips[i].tooltip));
}

static void
dossier_window_init (DossierWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  set_tooltips (self);
  _dossier_window_state_init (self);
  _dossier_window_actions_init (self);
  _dossier_window_edit_init (self);
  _dossier_window_jobs_init (self);

  self->selection = dossier_selection_new ();
  g_signal_connect_object (self->selection, "changed", G_CALLBACK (on_selection_changed), self,
                           G_CONNECT_SWAPPED);

  dossier_sidebar_set_selection (self->sidebar, self->selection);
  dossier_detail_pane_set_selection (self->detail, self->selection);
  dossier_market_panel_set_selection (self->market_panel, self->selection);
  dossier_timeline_panel_set_selection (self->timeline_panel, self->selection);
  _dossier_window_navigation_init (self);
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
dossier_window_get_market_panel (DossierWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->market_panel);
}

/**
 * dossier_window_get_timeline:
 *
 * Returns: (transfer none): the #DossierChart drawing the timeline
 */
GtkWidget *
dossier_window_get_timeline (DossierWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), NULL);
  return dossier_timeline_panel_get_chart (self->timeline_panel);
}

GtkWidget *
dossier_window_get_chart (DossierWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), NULL);
  return dossier_market_panel_get_chart (self->market_panel);
}

/**
 * dossier_window_export_chart_to:
 * @path: a file ending in .png, .svg or .pdf; without an extension, .png
 *
 * Writes the chart as shown and says so in the window, with a button to
 * open the file; an error is shown in a dialog. What win.export-chart does
 * once a file is chosen.
 *
 * Returns: whether the file was written
 */
gboolean
dossier_window_export_chart_to (DossierWindow *self,
                                const char    *path)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return _dossier_window_export_chart (self, path);
}

/**
 * dossier_window_is_busy:
 *
 * Returns: whether an import or an export of this window is running
 */
gboolean
dossier_window_is_busy (DossierWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), FALSE);
  /* dossier-window-jobs.c keeps it while a job runs. */
  return self->job_cancellable != NULL;
}

/**
 * dossier_window_import_case_from:
 * @path: a case file in Dossier's JSON format
 *
 * What win.import-case does once a file is chosen: imports it on a worker
 * thread (dossier_window_is_busy() until done) and opens the case file it
 * brings, or says what is wrong; a case file that is here already asks
 * whether to import it as a copy.
 */
void
dossier_window_import_case_from (DossierWindow *self,
                                 const char    *path)
{
  g_return_if_fail (DOSSIER_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  _dossier_window_import_case (self, path);
}

/**
 * dossier_window_export_case_to:
 *
 * What win.export-case does once a file is chosen: writes the case file
 * shown to @path, on a worker thread (dossier_window_is_busy() until
 * done); with none shown, says so.
 *
 * Returns: whether the export was started
 */
gboolean
dossier_window_export_case_to (DossierWindow *self,
                               const char    *path)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return _dossier_window_export_case (self, dossier_selection_get_case_id (self->selection), path);
}

/**
 * dossier_window_import_shares_from:
 * @path: market shares in CSV
 *
 * What win.import-shares does once a file is chosen: imports the figures
 * on a worker thread (dossier_window_is_busy() until done), or lists
 * every mistake of the file with its line, importing nothing.
 *
 * Returns: whether the import was started
 */
gboolean
dossier_window_import_shares_from (DossierWindow *self,
                                   const char    *path)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return _dossier_window_import_shares (self, path);
}
