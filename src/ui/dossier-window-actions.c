/* dossier-window-actions.c
 *
 * The window's actions and what they show: win.export-chart (Ctrl+E) opens
 * the export dialog on the market panel's chart, and says what it wrote in
 * a brief notification over the chart with a button to open the file;
 * win.show-help-overlay (Ctrl+?) the shortcuts window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "dossier-a11y.h"
#include "dossier-chart.h"
#include "dossier-export-dialog.h"
#include "dossier-selection.h"
#include "dossier-window-private.h"

/* How long the notification of an export stays, unless closed. */
#define NOTIFICATION_SECONDS 6

static void
reveal_export_bar (DossierWindow *self,
                   gboolean       revealed)
{
  g_clear_handle_id (&self->export_bar_timeout, g_source_remove);
  gtk_revealer_set_reveal_child (self->export_bar, revealed);
  dossier_a11y_set_shown (GTK_WIDGET (self->export_bar), revealed);
}

static gboolean
on_export_bar_timeout (gpointer data)
{
  DossierWindow *self = data;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  /* Not from under the keyboard: it stays while its buttons have focus. */
  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->export_bar)))
    return G_SOURCE_CONTINUE;

  self->export_bar_timeout = 0;
  reveal_export_bar (self, FALSE);
  return G_SOURCE_REMOVE;
}

static void
on_export_open (DossierWindow *self)
{
  if (self->exported_uri != NULL)
    gtk_show_uri (GTK_WINDOW (self), self->exported_uri, GDK_CURRENT_TIME);
  reveal_export_bar (self, FALSE);
}

static void
on_export_close (DossierWindow *self)
{
  reveal_export_bar (self, FALSE);
}

/* The chart on screen: the market's or the timeline. */
static DossierChart *
shown_chart (DossierWindow *self)
{
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->view_stack), "timeline") == 0)
    return DOSSIER_CHART (dossier_timeline_panel_get_chart (self->timeline_panel));
  return DOSSIER_CHART (dossier_market_panel_get_chart (self->market_panel));
}

/* What dossier_window_export_chart_to() does. */
gboolean
_dossier_window_export_chart (DossierWindow *self,
                              const char    *path)
{
  DossierChart *chart;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  g_autofree char *target = NULL;
  g_autoptr(GError) error = NULL;

  /* A name typed without an extension gets the default format. */
  name = g_path_get_basename (path);
  target = strchr (name, '.') ? g_strdup (path) : g_strconcat (path, ".png", NULL);

  chart = shown_chart (self);
  if (!dossier_chart_export (chart, target, &error))
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

  g_free (name);
  name = g_path_get_basename (target);
  /* Translators: %s is a file name */
  message = g_strdup_printf (_("Chart exported to %s"), name);
  _dossier_window_show_exported (self, target, message);
  return TRUE;
}

/* Says in the bar above the chart that @path was written, with a button
 * to open it. */
void
_dossier_window_show_exported (DossierWindow *self,
                               const char    *path,
                               const char    *message)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_free (self->exported_uri);
  self->exported_uri = g_file_get_uri (file);
  gtk_label_set_label (self->export_label, message);
  /* A brief notification over the chart, which keeps its size. */
  reveal_export_bar (self, TRUE);
  self->export_bar_timeout = g_timeout_add_seconds (NOTIFICATION_SECONDS, on_export_bar_timeout, self);
}

static void
on_exported (DossierWindow *self,
             const char    *path)
{
  g_autofree char *name = g_path_get_basename (path);
  /* Translators: %s is a file name */
  g_autofree char *message = g_strdup_printf (_("Chart exported to %s"), name);

  _dossier_window_show_exported (self, path, message);
}

/* Ctrl+E: the export dialog, with its options and preview. */
static void
export_chart_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  /* Installed on the window's class: @widget is a window. A plain cast
   * keeps this file from calling back into dossier-window.c. */
  DossierWindow *self = (DossierWindow *) widget;
  DossierChart *chart = shown_chart (self);
  GtkWidget *dialog;

  if (self->export_dialog != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->export_dialog));
      return;
    }

  dialog = dossier_export_dialog_new (GTK_WINDOW (self), chart);
  g_set_weak_pointer (&self->export_dialog, dialog);
  g_signal_connect_object (dialog, "exported", G_CALLBACK (on_exported), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Every link of every view: "win.select((case id, section, node id))". */
static void
select_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DossierWindow *self = (DossierWindow *) widget;
  gint64 case_id, node_id;
  gint32 section;

  g_variant_get (parameter, "(xix)", &case_id, &section, &node_id);
  if (section < DOSSIER_SECTION_NONE || section > DOSSIER_SECTION_SOURCES)
    return;

  dossier_selection_select (self->selection, case_id, section, node_id);
}

static void on_search_done (DossierWindow *self);

/* The search is made the first time it is asked for: the window starts
 * without it (and without a text field, which GDK's X11 drag-and-drop
 * code then follows). */
static void
ensure_search_panel (DossierWindow *self)
{
  GtkWidget *panel;

  if (self->search_panel != NULL)
    return;

  panel = dossier_search_panel_new ();
  gtk_widget_set_size_request (panel, 560, -1);
  self->search_panel = DOSSIER_SEARCH_PANEL (panel);
  dossier_search_panel_set_store (self->search_panel, self->store);
  g_signal_connect_object (panel, "done", G_CALLBACK (on_search_done), self, G_CONNECT_SWAPPED);
  gtk_search_bar_set_child (self->search_bar, panel);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (dossier_search_panel_get_entry (self->search_panel)));
  dossier_a11y_name_close_button (GTK_WIDGET (self->search_bar), _("Close Search"));
}

/* Ctrl+F: the search bar, its entry focused; again, back to the entry. */
static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DossierWindow *self = (DossierWindow *) widget;

  ensure_search_panel (self);
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (dossier_search_panel_get_entry (self->search_panel));
}

/* Opened: remember where the user was; closed: go back there. */
static void
on_search_mode_changed (DossierWindow *self)
{
  if (gtk_search_bar_get_search_mode (self->search_bar))
    {
      GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

      ensure_search_panel (self);
      if (focus != NULL && !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->search_bar)))
        g_set_weak_pointer (&self->focus_before_search, focus);
      gtk_widget_grab_focus (dossier_search_panel_get_entry (self->search_panel));
    }
  else if (self->focus_before_search != NULL)
    {
      gtk_widget_grab_focus (self->focus_before_search);
      g_clear_weak_pointer (&self->focus_before_search);
    }
}

/* A result was opened: its page is shown, the search closes, and the
 * keyboard goes on from the result's row in the sidebar. */
static void
on_search_done (DossierWindow *self)
{
  g_clear_weak_pointer (&self->focus_before_search);
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  dossier_sidebar_focus_selected (self->sidebar);
}

/* win.show-help-overlay (Ctrl+?): the shortcuts window, built the first
 * time it is asked for. GtkApplication would build it from
 * gtk/help-overlay.ui for every window as it opens, a sixth of the work
 * before the first frame. */
static void
show_help_overlay_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  /* A plain cast: this file calls nothing in dossier-window.c. */
  DossierWindow *self = (DossierWindow *) widget;

  if (self->shortcuts_window == NULL)
    {
      g_autoptr(GtkBuilder) builder =
        gtk_builder_new_from_resource ("/io/github/dossier/Dossier/dossier-shortcuts-window.ui");
      GtkWidget *overlay = GTK_WIDGET (gtk_builder_get_object (builder, "help_overlay"));

      gtk_window_set_transient_for (GTK_WINDOW (overlay), GTK_WINDOW (self));
      gtk_window_set_hide_on_close (GTK_WINDOW (overlay), TRUE);
      g_set_weak_pointer (&self->shortcuts_window, overlay);
    }
  gtk_window_present (GTK_WINDOW (self->shortcuts_window));
}

/* The main menu's popover, made when the menu is first opened (by a
 * click or F10), not before the first frame. */
static void
create_primary_menu (GtkMenuButton *button,
                     gpointer       data)
{
  DossierWindow *self = data;

  if (gtk_menu_button_get_popover (button) == NULL)
    gtk_menu_button_set_menu_model (button, self->primary_menu);
}

/* After the template is set: the notification's callbacks are its own. */
void
_dossier_window_class_actions_init (DossierWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_bind_template_callback (widget_class, on_export_open);
  gtk_widget_class_bind_template_callback (widget_class, on_export_close);
  gtk_widget_class_bind_template_callback (widget_class, on_search_mode_changed);

  gtk_widget_class_install_action (widget_class, "win.select", "(xix)", select_action);
  gtk_widget_class_install_action (widget_class, "win.export-chart", NULL, export_chart_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export-chart", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  /* Ctrl+? is the application's accelerator (dossier-application.c). */
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, show_help_overlay_action);
}

void
_dossier_window_actions_init (DossierWindow *self)
{
  dossier_a11y_name_close_button (GTK_WIDGET (self->search_bar), _("Close Search"));
  reveal_export_bar (self, FALSE);
  gtk_menu_button_set_create_popup_func (self->menu_button, create_primary_menu, self, NULL);
}

void
_dossier_window_actions_dispose (DossierWindow *self)
{
  g_clear_weak_pointer (&self->focus_before_search);
  if (self->export_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->export_dialog));
  g_clear_weak_pointer (&self->export_dialog);
  g_clear_pointer (&self->exported_uri, g_free);
  g_clear_handle_id (&self->export_bar_timeout, g_source_remove);
  if (self->shortcuts_window != NULL)
    gtk_window_destroy (GTK_WINDOW (self->shortcuts_window));
  g_clear_weak_pointer (&self->shortcuts_window);
}
