/* dossier-chart-bar.c
 *
 * The chart draws its bars itself; this child only gives each bar a place in
 * the focus chain and in the accessibility tree: a name ("Amazon Web
 * Services, 39%"), the selected state, and extents that cover its row, so
 * that a click on it lands where a screen reader says it is. It draws only
 * the keyboard focus ring.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-chart"

#include "config.h"

#include "dossier-chart-bar.h"

struct _DossierChartBar
{
  GtkWidget parent_instance;
  guint     index;
  gboolean  selected;
};

G_DEFINE_FINAL_TYPE (DossierChartBar, dossier_chart_bar, GTK_TYPE_WIDGET)

static void
dossier_chart_bar_snapshot (GtkWidget   *widget,
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

static void
dossier_chart_bar_class_init (DossierChartBarClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->snapshot = dossier_chart_bar_snapshot;

  gtk_widget_class_set_css_name (widget_class, "chartbar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LIST_ITEM);
}

static void
dossier_chart_bar_init (DossierChartBar *self)
{
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), TRUE);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "pointer");
  gtk_accessible_update_state (GTK_ACCESSIBLE (self),
                               GTK_ACCESSIBLE_STATE_SELECTED, FALSE,
                               -1);
}

/**
 * dossier_chart_bar_new:
 * @label: what a screen reader says: the provider and its share
 */
GtkWidget *
dossier_chart_bar_new (guint       index,
                       const char *label)
{
  DossierChartBar *self = g_object_new (DOSSIER_TYPE_CHART_BAR, NULL);

  self->index = index;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);

  return GTK_WIDGET (self);
}

guint
dossier_chart_bar_get_index (DossierChartBar *self)
{
  g_return_val_if_fail (DOSSIER_IS_CHART_BAR (self), 0);
  return self->index;
}

gboolean
dossier_chart_bar_get_selected (DossierChartBar *self)
{
  g_return_val_if_fail (DOSSIER_IS_CHART_BAR (self), FALSE);
  return self->selected;
}

void
dossier_chart_bar_set_selected (DossierChartBar *self,
                                gboolean         selected)
{
  g_return_if_fail (DOSSIER_IS_CHART_BAR (self));

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
