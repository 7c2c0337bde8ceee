/* dossier-window-navigation.c
 *
 * Back and forward through what the user has looked at, across every view:
 * each change of the window's selection (a sidebar row, a link in a page,
 * a bar of the chart, a search result) is a step. win.go-back (Alt+Left,
 * the mouse's back button, the header bar's arrow) returns to the step
 * before and win.go-forward comes back. A step whose item is deleted is
 * dropped from the history. Calls nothing in dossier-window.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-window"

#include "config.h"

#include "dossier-selection.h"
#include "dossier-window-private.h"

/* The longest history kept each way. */
#define MAX_STEPS 200

static DossierPlace
current_place (DossierWindow *self)
{
  return (DossierPlace) {
    .case_id = dossier_selection_get_case_id (self->selection),
    .section = dossier_selection_get_section (self->selection),
    .node_id = dossier_selection_get_node_id (self->selection),
  };
}

static gboolean
same_place (const DossierPlace *a,
            const DossierPlace *b)
{
  return a->case_id == b->case_id && a->section == b->section && a->node_id == b->node_id;
}

static void
update_actions (DossierWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.go-back", self->back->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.go-forward", self->forward->len > 0);
}

static void
push (GArray             *steps,
      const DossierPlace *place)
{
  if (steps->len >= MAX_STEPS)
    g_array_remove_index (steps, 0);
  g_array_append_val (steps, *place);
}

/* A new selection: the one before becomes a step back, and what was
 * forward is forgotten, as in a web browser. */
static void
on_selection_changed (DossierWindow *self)
{
  DossierPlace now = current_place (self);

  if (self->back == NULL || same_place (&now, &self->here))
    return;

  if (!self->navigating)
    {
      if (self->here.case_id != 0 || self->here.section != DOSSIER_SECTION_NONE)
        push (self->back, &self->here);
      g_array_set_size (self->forward, 0);
    }
  self->here = now;
  update_actions (self);

  /* An event, or the Timeline section, shows the timeline. */
  if (now.section == DOSSIER_SECTION_TIMELINE)
    gtk_stack_set_visible_child_name (self->view_stack, "timeline");
}

/* A source's Open Source button: its address in the browser. Only web
 * addresses: a case file from elsewhere must not open local files or
 * run other handlers. */
static void
open_uri_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  const char *uri = g_variant_get_string (parameter, NULL);
  g_autofree char *scheme = g_uri_parse_scheme (uri);

  if (scheme == NULL || (g_ascii_strcasecmp (scheme, "https") != 0 && g_ascii_strcasecmp (scheme, "http") != 0))
    {
      g_warning ("Not opening %s: only web addresses are opened", uri);
      return;
    }
  gtk_show_uri (GTK_WINDOW (widget), uri, GDK_CURRENT_TIME);
}

/* Alt+1, Alt+2: the market chart or the timeline. */
static void
show_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  DossierWindow *self = (DossierWindow *) widget;  /* installed on the window's class */
  const char *name = g_variant_get_string (parameter, NULL);

  if (gtk_stack_get_child_by_name (self->view_stack, name) != NULL)
    gtk_stack_set_visible_child_name (self->view_stack, name);
}

static void
go (DossierWindow *self,
    GArray        *from,
    GArray        *to)
{
  DossierPlace place;

  /* A step to where the user is (left so by a deletion) is no step. */
  while (from->len > 0 && same_place (&g_array_index (from, DossierPlace, from->len - 1), &self->here))
    g_array_remove_index (from, from->len - 1);
  if (from->len == 0)
    {
      update_actions (self);
      return;
    }

  place = g_array_index (from, DossierPlace, from->len - 1);
  g_array_remove_index (from, from->len - 1);
  push (to, &self->here);

  self->navigating = TRUE;
  dossier_selection_select (self->selection, place.case_id, place.section, place.node_id);
  self->navigating = FALSE;
  update_actions (self);
}

static void
go_back_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  DossierWindow *self = (DossierWindow *) widget;  /* installed on the window's class */

  go (self, self->back, self->forward);
}

static void
go_forward_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  DossierWindow *self = (DossierWindow *) widget;

  go (self, self->forward, self->back);
}

/* The mouse's back (8) and forward (9) buttons, wherever the pointer is. */
static void
on_button_pressed (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   DossierWindow   *self)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));

  if (button == 8)
    go (self, self->back, self->forward);
  else if (button == 9)
    go (self, self->forward, self->back);
  else
    return;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

/* Removes the steps into case file @node_id (@kind a case file), or to
 * item @node_id in case file @case_id (0: any), then steps made the same
 * as the one before them. */
static void
forget (GArray            *steps,
        DossierObjectKind  kind,
        gint64             node_id,
        gint64             case_id)
{
  for (guint i = steps->len; i > 0; i--)
    {
      const DossierPlace *place = &g_array_index (steps, DossierPlace, i - 1);
      gboolean gone = kind == DOSSIER_OBJECT_CASE
        ? place->case_id == node_id
        : place->node_id == node_id && (case_id == 0 || place->case_id == case_id);

      if (gone)
        g_array_remove_index (steps, i - 1);
    }
  for (guint i = steps->len; i > 1; i--)
    if (same_place (&g_array_index (steps, DossierPlace, i - 1), &g_array_index (steps, DossierPlace, i - 2)))
      g_array_remove_index (steps, i - 1);
}

/* An item gone (from a case file, or from the database): the steps to it
 * go too. Notes and market series are not steps. */
static void
on_store_changed (DossierWindow     *self,
                  DossierObjectKind  kind,
                  gint64             node_id,
                  DossierChangeType  type,
                  gint64             case_id)
{
  if (type != DOSSIER_CHANGE_REMOVED || kind == DOSSIER_OBJECT_NOTE || kind == DOSSIER_OBJECT_MARKET_SERIES ||
      self->back == NULL)
    return;

  forget (self->back, kind, node_id, case_id);
  forget (self->forward, kind, node_id, case_id);
  update_actions (self);
}

void
_dossier_window_class_navigation_init (DossierWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.go-back", NULL, go_back_action);
  gtk_widget_class_install_action (widget_class, "win.go-forward", NULL, go_forward_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.go-back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "win.go-forward", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Back, 0, "win.go-back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Forward, 0, "win.go-forward", NULL);

  gtk_widget_class_install_action (widget_class, "win.show-view", "s", show_view_action);
  gtk_widget_class_install_action (widget_class, "win.open-uri", "s", open_uri_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "win.show-view", "s", "market");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "win.show-view", "s", "timeline");
}

/* After the selection is made: steps are taken from then on. */
void
_dossier_window_navigation_init (DossierWindow *self)
{
  GtkGesture *buttons = gtk_gesture_click_new ();

  self->back = g_array_new (FALSE, FALSE, sizeof (DossierPlace));
  self->forward = g_array_new (FALSE, FALSE, sizeof (DossierPlace));
  self->here = current_place (self);
  g_signal_connect_object (self->selection, "changed", G_CALLBACK (on_selection_changed), self, G_CONNECT_SWAPPED);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (buttons), 0);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (buttons), GTK_PHASE_CAPTURE);
  g_signal_connect (buttons, "pressed", G_CALLBACK (on_button_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (buttons));
  update_actions (self);
}

/* Once the store is set: steps to deleted items are dropped. */
void
_dossier_window_navigation_follow (DossierWindow *self)
{
  g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
}

void
_dossier_window_navigation_dispose (DossierWindow *self)
{
  g_clear_pointer (&self->back, g_array_unref);
  g_clear_pointer (&self->forward, g_array_unref);
}
