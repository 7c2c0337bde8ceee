/* dossier-chart-mark.c
 *
 * The chart's view draws its items itself; this child only gives each item
 * a place in the focus chain and in the accessibility tree: a name
 * ("Amazon Web Services, Q3 2019, 39%"), the selected state, and extents
 * that cover the item's area, so that a click on it lands where a screen
 * reader says it is. The arrow keys (up and left back, down and right on,
 * whichever way the view lays its items out), Home and End move the focus
 * between the marks of a chart; Enter activates one. It draws only the
 * keyboard focus ring.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-chart"

#include "config.h"

#include "dossier-chart-mark.h"

struct _DossierChartMark
{
  GtkWidget parent_instance;
  guint     index;
  gboolean  selected;
};

G_DEFINE_FINAL_TYPE (DossierChartMark, dossier_chart_mark, GTK_TYPE_WIDGET)

enum {
  ACTIVATE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The mark @steps away among its chart's marks, stopping at either end
 * (G_MININT: the first, G_MAXINT: the last). */
static GtkWidget *
step (GtkWidget *widget,
      int        steps)
{
  GtkWidget *target = widget;

  for (GtkWidget *w = widget; steps != 0;)
    {
      w = steps < 0 ? gtk_widget_get_prev_sibling (w) : gtk_widget_get_next_sibling (w);
      if (w == NULL)
        break;
      if (DOSSIER_IS_CHART_MARK (w))
        {
          target = w;
          steps += steps < 0 ? 1 : -1;
        }
    }

  return target;
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                DossierChartMark      *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkRoot *root;

  /* Alt+Left is Back, Ctrl+Home the window's: not a move in the chart. */
  if (state & (GDK_ALT_MASK | GDK_CONTROL_MASK | GDK_SUPER_MASK))
    return GDK_EVENT_PROPAGATE;

  switch (keyval)
    {
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      widget = step (widget, -1);
      break;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      widget = step (widget, 1);
      break;
    case GDK_KEY_Home:
      widget = step (widget, G_MININT);
      break;
    case GDK_KEY_End:
      widget = step (widget, G_MAXINT);
      break;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_space:
      g_signal_emit (self, signals[ACTIVATE], 0);
      return GDK_EVENT_STOP;
    default:
      return GDK_EVENT_PROPAGATE;
    }

  gtk_widget_grab_focus (widget);
  /* Keys handled here bypass GTK's focus navigation, which is what
   * otherwise turns the focus ring on. */
  root = gtk_widget_get_root (widget);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_focus_visible (GTK_WINDOW (root), TRUE);
  return GDK_EVENT_STOP;
}

static void
dossier_chart_mark_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  GdkRGBA color;
  GskRoundedRect outline;
  float w = gtk_widget_get_width (widget);
  float h = gtk_widget_get_height (widget);

  if (!gtk_widget_has_visible_focus (widget) || w < 4 || h < 4)
    return;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  color.alpha *= 0.6f;
  gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (1, 1, w - 2, h - 2), 4);
  gtk_snapshot_append_border (snapshot, &outline,
                              (float[4]) { 2, 2, 2, 2 },
                              (GdkRGBA[4]) { color, color, color, color });
}

/* The ring is drawn by the snapshot, which GTK keeps from frame to frame:
 * without a style of its own for :focus-visible, a change of focus must
 * ask for a new one, or the ring stays where it was. */
static void
dossier_chart_mark_state_flags_changed (GtkWidget     *widget,
                                        GtkStateFlags  previous)
{
  GtkStateFlags focus = GTK_STATE_FLAG_FOCUSED | GTK_STATE_FLAG_FOCUS_VISIBLE;

  GTK_WIDGET_CLASS (dossier_chart_mark_parent_class)->state_flags_changed (widget, previous);

  if ((gtk_widget_get_state_flags (widget) & focus) != (previous & focus))
    gtk_widget_queue_draw (widget);
}

static void
dossier_chart_mark_class_init (DossierChartMarkClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->snapshot = dossier_chart_mark_snapshot;
  widget_class->state_flags_changed = dossier_chart_mark_state_flags_changed;

  /**
   * DossierChartMark::activate:
   *
   * Emitted when Enter or Space is pressed on the mark: the chart then
   * selects its item, as a click would.
   */
  signals[ACTIVATE] = g_signal_new ("activate",
                                    G_TYPE_FROM_CLASS (klass),
                                    G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL,
                                    G_TYPE_NONE, 0);

  gtk_widget_class_set_css_name (widget_class, "chartmark");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LIST_ITEM);
}

static void
dossier_chart_mark_init (DossierChartMark *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), TRUE);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "pointer");
  gtk_accessible_update_state (GTK_ACCESSIBLE (self),
                               GTK_ACCESSIBLE_STATE_SELECTED, FALSE,
                               -1);
}

/**
 * dossier_chart_mark_new:
 * @index: the item's, in the chart's content
 * @label: what a screen reader says: the provider and its share
 */
GtkWidget *
dossier_chart_mark_new (guint       index,
                        const char *label)
{
  DossierChartMark *self = g_object_new (DOSSIER_TYPE_CHART_MARK, NULL);

  self->index = index;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);

  return GTK_WIDGET (self);
}

guint
dossier_chart_mark_get_index (DossierChartMark *self)
{
  g_return_val_if_fail (DOSSIER_IS_CHART_MARK (self), 0);
  return self->index;
}

gboolean
dossier_chart_mark_get_selected (DossierChartMark *self)
{
  g_return_val_if_fail (DOSSIER_IS_CHART_MARK (self), FALSE);
  return self->selected;
}

void
dossier_chart_mark_set_selected (DossierChartMark *self,
                                 gboolean          selected)
{
  g_return_if_fail (DOSSIER_IS_CHART_MARK (self));

  selected = !!selected;
  if (self->selected == selected)
    return;

  self->selected = selected;
  gtk_accessible_update_state (GTK_ACCESSIBLE (self),
                               GTK_ACCESSIBLE_STATE_SELECTED, selected,
                               -1);
  if (selected)
    gtk_widget_set_state_flags (GTK_WIDGET (self), GTK_STATE_FLAG_SELECTED, FALSE);
  else
    gtk_widget_unset_state_flags (GTK_WIDGET (self), GTK_STATE_FLAG_SELECTED);
}
