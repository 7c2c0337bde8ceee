/* dossier-chart-zoom.c
 *
 * Zooming and panning a chart over dates (the timeline): Ctrl+scroll
 * zooms around the day under the pointer, Ctrl+plus and Ctrl+minus around
 * the middle, Ctrl+0 fits the whole case; scrolling and dragging pan. The
 * days shown are part of the content, so an export shows what the screen
 * does. Nothing here for a market chart, whose content has no dates.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-chart"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-chart-content.h"
#include "dossier-chart-private.h"
#include "dossier-chart-timeline.h"
#include "dossier-timeline-content.h"

#define ZOOM_STEP 1.5

static gboolean
has_dates (DossierChart *self)
{
  return self->content != NULL && self->content->events != NULL &&
         self->view == dossier_chart_timeline_get_view ();
}

/* The layout of the days shown now, for where the pointer is: a second
 * step before the next frame must not find it gone. */
static void
ensure_layout (DossierChart *self)
{
  PangoContext *context;

  if (self->layout != NULL || self->content == NULL || self->font == NULL)
    return;
  context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  self->layout = dossier_chart_layout_measure (self->view, self->content, context, self->font,
                                               gtk_widget_get_width (GTK_WIDGET (self)),
                                               gtk_widget_get_height (GTK_WIDGET (self)));
}

/* The days shown changed: lay out again, and say so to screen readers. */
static void
days_changed (DossierChart *self)
{
  g_clear_pointer (&self->layout, dossier_chart_layout_free);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->content->subtitle,
                                  -1);
}

static double
pixels_to_days (DossierChart *self,
                double        pixels)
{
  double width;

  ensure_layout (self);
  width = self->layout ? dossier_chart_timeline_get_plot_width (self->layout)
                              : MAX (1, gtk_widget_get_width (GTK_WIDGET (self)));

  return pixels / MAX (1., width) * (self->content->to - self->content->from);
}

static void
zoom_around (DossierChart *self,
             double        factor,
             double        x)
{
  double anchor = (self->content->from + self->content->to) / 2.;

  ensure_layout (self);
  if (x >= 0 && self->layout != NULL)
    anchor = dossier_chart_timeline_day_at (self->content, self->layout, x);
  dossier_timeline_content_zoom (self->content, factor, anchor);
  days_changed (self);
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DossierChart *self = (DossierChart *) widget;  /* installed on the chart's class */

  if (!has_dates (self))
    return;

  if (g_str_equal (action_name, "chart.zoom-fit"))
    {
      dossier_timeline_content_fit (self->content);
      days_changed (self);
    }
  else
    zoom_around (self, g_str_equal (action_name, "chart.zoom-in") ? ZOOM_STEP : 1. / ZOOM_STEP, -1);
}

static gboolean
on_scroll (GtkEventControllerScroll *scroll,
           double                    dx,
           double                    dy,
           DossierChart             *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (scroll));

  if (!has_dates (self))
    return FALSE;

  if (state & GDK_CONTROL_MASK)
    {
      if (dy != 0)
        zoom_around (self, dy < 0 ? ZOOM_STEP : 1. / ZOOM_STEP, self->pointer_x);
      return TRUE;
    }

  /* A wheel's step moves a tenth of the days shown. */
  dossier_timeline_content_pan (self->content, (dx + dy) * (self->content->to - self->content->from) / 10.);
  days_changed (self);
  return TRUE;
}

static void
on_drag_begin (GtkGestureDrag *drag,
               double          x,
               double          y,
               DossierChart   *self)
{
  if (!has_dates (self))
    {
      gtk_gesture_set_state (GTK_GESTURE (drag), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }
  self->drag_from = self->content->from;
  self->drag_to = self->content->to;
}

static void
on_drag_update (GtkGestureDrag *drag,
                double          dx,
                double          dy,
                DossierChart   *self)
{
  double days;

  if (!has_dates (self) || ABS (dx) < 4)
    return;

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
  days = pixels_to_days (self, dx);
  dossier_timeline_content_set_range (self->content, self->drag_from - days, self->drag_to - days);
  days_changed (self);
}

static void
on_drag_end (GtkGestureDrag *drag,
             double          dx,
             double          dy,
             DossierChart   *self)
{
  gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
}

/* Keyboard focus on an event out of the days shown brings it in. */
void
_dossier_chart_zoom_show_item (DossierChart *self,
                               int           index)
{
  if (has_dates (self) && index >= 0 && dossier_timeline_content_show_event (self->content, index))
    days_changed (self);
}

/* Called when the content or view changes. */
void
_dossier_chart_zoom_update (DossierChart *self)
{
  gboolean dates = has_dates (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chart.zoom-in", dates);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chart.zoom-out", dates);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chart.zoom-fit", dates);
}

void
_dossier_chart_class_zoom_init (DossierChartClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "chart.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "chart.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "chart.zoom-fit", NULL, zoom_action);
}

/* Ctrl+plus, Ctrl+minus, Ctrl+0 wherever the focus is in the window, for
 * as long as the chart is shown: as bindings of the chart's, they worked
 * only from one of its events, and a case file of many events, counted
 * by day, has none to take the focus (found by a new user's trial). A
 * chart without dates lets the key go on. */
static gboolean
zoom_shortcut (GtkWidget *widget,
               GVariant  *args,
               gpointer   action)
{
  DossierChart *self = (DossierChart *) widget;  /* the controller's, on the chart */

  return has_dates (self) && gtk_widget_activate_action (widget, action, NULL);
}

static void
add_zoom_shortcuts (DossierChart *self)
{
  static const struct { guint key; const char *action; } keys[] = {
    { GDK_KEY_plus, "chart.zoom-in" }, { GDK_KEY_equal, "chart.zoom-in" }, { GDK_KEY_KP_Add, "chart.zoom-in" },
    { GDK_KEY_minus, "chart.zoom-out" }, { GDK_KEY_KP_Subtract, "chart.zoom-out" },
    { GDK_KEY_0, "chart.zoom-fit" }, { GDK_KEY_KP_0, "chart.zoom-fit" },
  };
  GtkEventController *controller = gtk_shortcut_controller_new ();

  /* Managed: run by the window while the chart is mapped. */
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), GTK_SHORTCUT_SCOPE_MANAGED);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (keys[i].key, GDK_CONTROL_MASK),
                                                            gtk_callback_action_new (zoom_shortcut,
                                                                                     (gpointer) keys[i].action,
                                                                                     NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

void
_dossier_chart_zoom_init (DossierChart *self)
{
  add_zoom_shortcuts (self);
  GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES |
                                                                GTK_EVENT_CONTROLLER_SCROLL_DISCRETE);
  GtkGesture *drag = gtk_gesture_drag_new ();

  g_signal_connect (scroll, "scroll", G_CALLBACK (on_scroll), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  _dossier_chart_zoom_update (self);
}
